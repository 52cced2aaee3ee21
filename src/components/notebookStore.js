// Notebook mode: the reader's edits, kept in the browser per page (local storage). No DOM; the storage is passed in
// (window.localStorage in the page, a Map-backed stand-in in the tests), and a storage that
// is missing, full or refuses access (private modes) costs only persistence, never the page.
//
// Saved edits are data, never code to run: the editor shows them and the reader presses Run
// (see "Notebook mode" in README.md). So whatever wrote the entry, another page of the same
// origin included, nothing runs unless this reader asks.

const PREFIX = "course-notebook:";

/** The storage key of a page's edits: its path, so a site under a subpath has its own. */
export function editsKey(pathname) {
  const path = String(pathname)
    .replace(/\.html$/, "")
    .replace(/\/index$/, "/");
  return `${PREFIX}edits:${path}`;
}

function read(storage, key) {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(storage, key, value) {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * A page's saved edits, `{cellId: source}`: only cells the page has (`ids`) and only text;
 * anything else in the entry (a malformed or foreign value) is ignored.
 */
export function loadEdits(storage, pathname, ids) {
  let saved;
  try {
    saved = JSON.parse(read(storage, editsKey(pathname)) ?? "{}");
  } catch {
    return {};
  }
  const edits = {};
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) return edits;
  for (const id of ids) if (Object.hasOwn(saved, id) && typeof saved[id] === "string") edits[id] = saved[id];
  return edits;
}

/** Saves a page's edits (an empty set removes the entry); false when the storage refused. */
export function saveEdits(storage, pathname, edits) {
  const entries = Object.entries(edits).filter(([, source]) => typeof source === "string");
  return write(
    storage,
    editsKey(pathname),
    entries.length ? JSON.stringify(Object.fromEntries(entries)) : null
  );
}
