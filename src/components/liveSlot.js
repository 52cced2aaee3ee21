// Live slots: the one way a page writes what it computes into its prose, its formulas and
// its figures as the sliders move.
//
// The Markdown names a slot once, with one attribute, wherever the value goes:
//   text        <span class="live" data-live="loss"></span>
//   TeX         $$z = \live{z}{0.5}$$        (typeset at build time into a data-live span)
//   a matrix    <span class="live-matrix" data-live="w" aria-label="W" style="--rows: 2; --cols: 2"></span>
// and one call fills every slot of that name, whatever its kind: setSlots({loss, z, w}).
// The writing is in place (text nodes changed, not replaced), and deferred for what is far
// off screen (offscreen.js): a slot in or near view follows every step of a drag, one further
// away is written once the input pauses or as soon as it scrolls near. A figure the page drew
// once takes its new value the same way: setSlot(figure, value) calls figure.update(value).
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";
import {checkMatrix, writeMatrix} from "./liveMatrix.js";
import {holdUntil, whenInView, whenSettled} from "./offscreen.js";

/**
 * A number in parentheses when negative or a power of ten (as texFactor), for a product in a
 * formula; a text slot shows it as a plain number.
 */
export function liveFactor(value, {digits = 4} = {}) {
  return {value, digits, factor: true};
}

/**
 * A number as a term after another one in a formula: "+ 2" or "− 2", the sign as a binary
 * operator; a text slot shows it as a plain number.
 */
export function liveSigned(value, {digits = 4} = {}) {
  return {value, digits, signed: true};
}

/**
 * A number for a slot: `digits` significant digits, or `text` when given (a percentage, say).
 * A text slot keeps the number itself in data-value, for tests to read unrounded.
 * @param {number} value
 * @param {{digits?: number, text?: string}} [options]
 */
export function liveNumber(value, {digits = 4, text} = {}) {
  return {value, digits, text};
}

/** What a screen reader says for a slot around a formula, in place of KaTeX's HTML (which reads poorly). */
export function spoken(text) {
  return {spoken: text};
}

/**
 * A slot's kind, from where the Markdown put it: in a live matrix, in a typeset formula
 * (scripts/markdown-tex.js writes \live{key} as \htmlData, which KaTeX typesets as a span of
 * class "enclosing"), or in prose.
 */
export function slotKind(element) {
  if (element.classList.contains("live-matrix")) return "matrix";
  if (element.classList.contains("enclosing")) return "tex";
  return "text";
}

// The renderer of TeX slots writes KaTeX's markup: it is loaded only by a page that has such a
// slot, as soon as this module sees one, so a page without formulas never references KaTeX.
let texRenderer = null;
let texLoading = null;
/** TeX slots written before the renderer arrived: their last value, written when it does. */
const texWaiting = new Map();

function loadTexRenderer() {
  texLoading ??= holdUntil(
    import("./liveTex.js").then(
      (module) => {
        texRenderer = module;
        for (const [element, value] of texWaiting) module.writeTex(element, value);
        texWaiting.clear();
      },
      (error) => {
        texLoading = null; // tried again at the next write
        throw error;
      }
    )
  );
  return texLoading;
}

function writeTex(element, value) {
  if (texRenderer) return texRenderer.writeTex(element, value);
  texWaiting.set(element, value);
  loadTexRenderer().catch(() => {}); // the numbers typeset at build time stay until it loads
}

if (globalThis.document?.querySelector(".enclosing[data-live]")) loadTexRenderer().catch(() => {});

const kinds = new WeakMap();

/** The text a text slot shows for `value`: a string as it is, a number as formatNumber writes it. */
export function slotText(value) {
  if (typeof value === "string") return value;
  if (typeof value === "number") return formatNumber(value);
  if (value && typeof value === "object" && typeof value.value === "number")
    return value.text ?? formatNumber(value.value, {digits: value.digits ?? 4});
  throw new Error(`a slot takes a string or a number, not ${String(value)}`);
}

/** A node's markup, to tell whether a formula written into a slot is the one already there. */
const nodeKey = (node) =>
  node.nodeType === 11 ? [...node.childNodes].map(nodeKey).join("") : (node.outerHTML ?? node.textContent);

const writtenNodes = new WeakMap();

/** The write of a text slot, its text computed now (so a bad value is an error here, not later). */
function textWriter(element, value) {
  if (value instanceof Node) {
    return () => {
      const key = nodeKey(value);
      if (writtenNodes.get(element) === key) return;
      writtenNodes.set(element, key);
      element.replaceChildren(value.cloneNode(true));
    };
  }
  const text = slotText(value);
  const number = typeof value === "number" ? value : value.value;
  return () => {
    writtenNodes.delete(element);
    setText(element, text);
    if (typeof number === "number" && element.dataset.value !== String(number))
      element.dataset.value = number;
  };
}

function writeSpoken(element, text) {
  const target = element.querySelector(".math-display") ?? element;
  if (target.getAttribute("role") !== "img") target.setAttribute("role", "img");
  if (target.getAttribute("aria-label") !== text) target.setAttribute("aria-label", text);
}

/**
 * The write of `value` into one slot element, by the slot's kind. What can be checked is
 * checked now, so a bad value is an error where it is set, even for a slot whose writing waits.
 */
export function slotWriter(element, value) {
  if (value && typeof value === "object" && "spoken" in value) {
    const text = String(value.spoken);
    return () => writeSpoken(element, text);
  }
  let kind = kinds.get(element);
  if (!kind) kinds.set(element, (kind = slotKind(element)));
  if (kind === "matrix") {
    checkMatrix(element, value);
    return () => writeMatrix(element, value);
  }
  if (kind === "tex") {
    if (!(value instanceof Node)) slotText(value); // a number, a string or a number's form
    return () => writeTex(element, value);
  }
  return textWriter(element, value);
}

/** The page's `[data-live=name]` elements, found once (and again if one was replaced). */
const slotElements = new Map();

/** Every element the Markdown marks `data-live="name"`; a name with none is an error, so a typo shows. */
export function slotsNamed(name) {
  let elements = slotElements.get(name);
  if (!elements?.length || elements.some((element) => !element.isConnected)) {
    elements = [...document.querySelectorAll(`[data-live="${CSS.escape(name)}"]`)];
    if (elements.length === 0) throw new Error(`no slot data-live="${name}" on this page`);
    slotElements.set(name, elements);
  }
  return elements;
}

/**
 * Fills every slot named `target` with `value` (each in place, and once in view): a number,
 * liveNumber(n), liveFactor(n), liveSigned(n), a string, a typeset formula (a node), rows of
 * numbers for a matrix, or spoken(text) for a slot around a formula. `target` may instead be
 * a figure the page drew once: its update(value) runs, once in view.
 */
export function setSlot(target, value) {
  if (typeof target !== "string") {
    if (typeof target?.update !== "function")
      throw new Error("setSlot: a figure slot needs an update(value) method");
    whenInView(target, () => target.update(value));
    return;
  }
  for (const element of slotsNamed(target)) whenInView(element, slotWriter(element, value));
}

/** setSlot for each name of `values`: setSlots({z: step.z, w: liveFactor(w)}). */
export function setSlots(values) {
  for (const [name, value] of Object.entries(values)) setSlot(name, value);
}

/**
 * A number written inline in prose, `${live(sigmoid.f(x), "f")}` (data-live names it for
 * tests). Framework rebuilds an inline `${…}` whenever its cell reruns, relaying out its
 * paragraph: for prose a slider rewrites on every step, a slot is the lighter way.
 */
export function live(value, name = "", {digits = 4} = {}) {
  // built directly rather than with html`…`: live numbers are recreated on every slider move
  const span = document.createElement("span");
  span.className = "live";
  span.dataset.live = name;
  span.textContent = formatNumber(value, {digits});
  return span;
}

const announcers = new WeakSet();

/**
 * Makes `element` a polite live region (role status): a screen reader announces what is
 * written into it, once the writing pauses. While changes come quickly (a drag, a run of
 * steps) the region is marked busy, so it is read once when they settle, not at every step.
 * Returns the element.
 */
export function announce(element) {
  if (announcers.has(element)) return element;
  announcers.add(element);
  element.setAttribute("role", "status");
  element.setAttribute("aria-live", "polite");
  const rest = () => element.removeAttribute("aria-busy");
  new MutationObserver(() => {
    if (element.getAttribute("aria-busy") !== "true") element.setAttribute("aria-busy", "true");
    whenSettled(element, rest);
  }).observe(element, {childList: true, characterData: true, subtree: true});
  return element;
}
