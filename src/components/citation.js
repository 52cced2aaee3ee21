// How the course cites a work of sources.js: one line of HTML, written the same way at the
// foot of every page (sourceList, in the browser) and on /further-reading (sourceListHtml,
// when the page is built).
import {sources} from "./sources.js";

const ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** The source under `key`; an unknown key throws, naming the known ones. */
export function source(key) {
  if (!Object.hasOwn(sources, key))
    throw new Error(`unknown source "${key}" (known: ${Object.keys(sources).join(", ")})`);
  return sources[key];
}

/**
 * One citation as HTML: authors (year). Title (quoted, or in italics for a book). Venue.
 * and, when the work has one, its address as a plain link whose text is the address itself.
 */
export function citationHtml(key) {
  const {authors, year, title, venue, book, url} = source(key);
  const name = book ? `<cite>${escapeHtml(title)}</cite>` : `“${escapeHtml(title)}”`;
  const link = url ? ` <a href="${escapeHtml(url)}">${escapeHtml(url.replace(/^https?:\/\//, "").replace(/\/$/, ""))}</a>` : "";
  return `${escapeHtml(authors)} (${year}). ${name}. ${escapeHtml(venue)}.${link}`;
}

/** The citations of `keys`, in that order, as an HTML list (class "sources"). */
export function sourceListHtml(keys) {
  if (!Array.isArray(keys) || keys.length === 0) throw new Error("a list of sources needs at least one key");
  return `<ul class="sources">${keys.map((key) => `<li>${citationHtml(key)}</li>`).join("")}</ul>`;
}

/** The same list as an element, for the "Sources" section that ends each page. */
export function sourceList(keys) {
  const template = document.createElement("template");
  template.innerHTML = sourceListHtml(keys);
  return template.content.firstElementChild;
}
