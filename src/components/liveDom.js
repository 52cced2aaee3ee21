// Writing changed text into the page without replacing its nodes. A slider rewrites many
// numbers per update; replacing a text node (textContent = …, innerHTML = …) removes and
// re-adds layout objects, while changing a text node's data only relays out its line.
import {formatNumber} from "./format.js";

/** Sets an element's text, reusing its one text node; does nothing when the text is the same. */
export function setText(element, text) {
  const node = element.firstChild;
  if (node !== null && node === element.lastChild && node.nodeType === 3) {
    if (node.data !== text) node.data = text;
  } else if (element.textContent !== text) element.textContent = text;
}

/** The page's `[data-live=name]` elements, found once (and again if one was replaced). */
const liveElements = new Map();

/** The element the Markdown marks `data-live="name"`; a name with none is an error, so a typo shows. */
export function liveElement(name) {
  let element = liveElements.get(name);
  if (!element?.isConnected) {
    element = document.querySelector(`[data-live="${CSS.escape(name)}"]`);
    if (!element) throw new Error(`no [data-live="${name}"] on this page`);
    liveElements.set(name, element);
  }
  return element;
}

/**
 * Writes `text` into the page's `<span data-live="name"></span>`, in place, and returns the
 * span. Prose that sliders rewrite holds such spans: an inline `${…}` is rebuilt by Framework
 * on every step, which relays out its whole paragraph.
 */
export function setLiveText(name, text) {
  const element = liveElement(name);
  setText(element, text);
  return element;
}

/** setLiveText with a number, written as formatNumber writes it. */
export function setLive(name, value, {digits = 4} = {}) {
  return setLiveText(name, formatNumber(value, {digits}));
}

const unescapeHtml = (text) =>
  text.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, name) => ({amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'"})[name]
  );

/**
 * An HTML string's text runs in document order, and its markup with the text left out
 * (`shape` is undefined when the text holds an entity this does not decode).
 */
export function htmlShape(html) {
  const texts = [];
  let decodable = true;
  const shape = `>${html}<`.replace(/>([^<]+)</g, (_, text) => {
    if (/&(?!(amp|lt|gt|quot|#39);)/.test(text)) decodable = false;
    texts.push(unescapeHtml(text));
    return "><";
  });
  return {shape: decodable ? shape : undefined, texts};
}

function textNodes(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  while (walker.nextNode()) nodes.push(walker.currentNode);
  return nodes;
}

/** What setHtml last wrote into each element. */
const written = new WeakMap();

/**
 * Sets an element's content to `html` (markup the caller built and escaped), between the
 * fixed nodes `before` and `after`. When only the text differs from the last call (the
 * usual slider move: new digits, same markup) it rewrites the text nodes and keeps every
 * element; otherwise it replaces the content. Attribute values must not contain `>`.
 */
export function setHtml(element, html, {before = [], after = []} = {}) {
  const last = written.get(element);
  if (last?.html === html) return;
  const {shape, texts} = htmlShape(html);
  if (shape !== undefined && last?.shape === shape && last.texts.length === texts.length) {
    texts.forEach((text, i) => {
      if (last.texts[i].data !== text) last.texts[i].data = text;
    });
    last.html = html;
    return;
  }
  const template = document.createElement("template");
  template.innerHTML = html;
  const nodes = textNodes(template.content);
  // a shape is reusable only if the parser kept one text node per run
  written.set(element, {html, shape: nodes.length === texts.length ? shape : undefined, texts: nodes});
  element.replaceChildren(...before, template.content, ...after);
}

/** Forgets what setHtml wrote, for a caller that replaced the content itself. */
export function forgetHtml(element) {
  written.delete(element);
}

/** A live number for prose: `${live(sigmoid.f(x), "f")}` (data-live names it for tests). */
export function live(value, name = "", {digits = 4} = {}) {
  // built directly rather than with html`…`: live numbers are recreated on every slider move
  const span = document.createElement("span");
  span.className = "live";
  span.dataset.live = name;
  span.textContent = formatNumber(value, {digits});
  return span;
}
