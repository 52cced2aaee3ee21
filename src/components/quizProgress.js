// Which questions a reader has answered correctly, kept in the browser's local storage (one
// key per page; nothing is sent anywhere). The storage is injected, so the logic is tested
// without a browser; when it is unavailable (private mode, quota, blocked) the store says so
// and keeps nothing.

export const PROGRESS_PREFIX = "activation-course:progress:";

/** The page a path names: "/sigmoid" and "/base/sigmoid.html" → "sigmoid"; "/" → "index". */
export function pageKey(pathname) {
  const last = String(pathname).split("/").filter(Boolean).pop() ?? "";
  return last.replace(/\.html$/, "") || "index";
}

function readRecord(storage, page) {
  try {
    const parsed = JSON.parse(storage.getItem(PROGRESS_PREFIX + page) ?? "null");
    const list = (v) => (Array.isArray(v) ? v.filter((id) => typeof id === "string") : []);
    return {questions: list(parsed?.questions), passed: list(parsed?.passed)};
  } catch {
    return {questions: [], passed: []};
  }
}

/**
 * A progress store over `storage` (an object with getItem, setItem, removeItem, key, length,
 * such as localStorage), or over nothing when `storage` is null or refuses a write.
 * - register(page, id): the page asks question `id` (so the page is passed only when it too is answered);
 * - pass(page, id): the reader answered `id` correctly;
 * - status(page): {total, passed, done} (done when every question seen has been passed);
 * - reset(): forgets every page's progress;
 * - available: whether anything is kept.
 * No method throws: a failed write only makes `available` false.
 */
export function createProgressStore(storage) {
  let available = false;
  if (storage) {
    try {
      const probe = PROGRESS_PREFIX + "probe";
      storage.setItem(probe, "1");
      storage.removeItem(probe);
      available = true;
    } catch {
      available = false;
    }
  }
  const write = (page, record) => {
    if (!available) return;
    try {
      storage.setItem(PROGRESS_PREFIX + page, JSON.stringify(record));
    } catch {
      available = false;
    }
  };
  const store = {
    get available() {
      return available;
    },
    register(page, id) {
      if (!available) return;
      const record = readRecord(storage, page);
      if (!record.questions.includes(id)) write(page, {...record, questions: [...record.questions, id]});
    },
    pass(page, id) {
      if (!available) return;
      const record = readRecord(storage, page);
      const questions = record.questions.includes(id) ? record.questions : [...record.questions, id];
      if (!record.passed.includes(id) || questions !== record.questions)
        write(page, {questions, passed: record.passed.includes(id) ? record.passed : [...record.passed, id]});
    },
    status(page) {
      if (!available) return {total: 0, passed: 0, done: false};
      const {questions, passed} = readRecord(storage, page);
      const count = questions.filter((id) => passed.includes(id)).length;
      return {total: questions.length, passed: count, done: questions.length > 0 && count === questions.length};
    },
    reset() {
      if (!available) return;
      try {
        const keys = [];
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key?.startsWith(PROGRESS_PREFIX)) keys.push(key);
        }
        for (const key of keys) storage.removeItem(key);
      } catch {
        available = false;
      }
    }
  };
  return store;
}

let shared = null;

/** The store over this browser's localStorage (one per page load); never throws. */
export function browserProgress() {
  if (shared) return shared;
  let storage = null;
  try {
    storage = globalThis.localStorage ?? null;
  } catch {
    storage = null; // reading localStorage itself throws where storage is blocked
  }
  shared = createProgressStore(storage);
  return shared;
}
