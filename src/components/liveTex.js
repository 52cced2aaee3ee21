// Live numbers in formulas typeset at build time, so no page needs KaTeX's JavaScript.
// Markdown marks each changing part with \live{key} or \live{key}{initial} (see
// scripts/markdown-tex.js); a cell fills the slots through liveSlot.js, like every other slot:
// setSlots({z: step.z, w: liveFactor(w)}). This module is its renderer for TeX slots, loaded
// only by a page that has one: it writes KaTeX's markup, and a page with no formula loads
// neither it nor KaTeX's stylesheet (scripts/postbuild.js).
// Numbers are written as KaTeX typesets texNumber(value) (checked against KaTeX by
// test/components/liveTex.test.ts). KaTeX spaced each slot for its initial value, so give
// an initial value of the same shape (a number; `+ 0` for a liveSigned term).
import {texNumber} from "./format.js";
import {forgetHtml, setHtml} from "./liveDom.js";

const MEDIUM_SPACE = '<span class="mspace" style="margin-right:0.2222em;"></span>';

/** KaTeX's placing of a superscript on a digit, in display and in text style. */
const SUPERSCRIPT = {
  display: {height: "0.8641em", top: "-3.113em"},
  text: {height: "0.8141em", top: "-3.063em"}
};

const ord = (text, className = "mord") => `<span class="${className}">${text}</span>`;

/** A signed number's atoms: a unary minus is an ord of its own, as KaTeX sets it. */
const signedOrd = (negative, digits, className = "mord") =>
  (negative ? ord("−", className) : "") + ord(digits, className);

/** KaTeX's HTML for texNumber(value); texFactor's with `factor`; "+ 0.5"/"− 0.5" with `signed`. */
export function liveNumberHtml(value, {digits = 4, factor = false, signed = false, display = true} = {}) {
  if (signed) {
    const sign = value < 0 ? "−" : "+";
    const magnitude = liveNumberHtml(Number.isNaN(value) ? value : Math.abs(value), {digits, display});
    return `<span class="mbin">${sign}</span>${MEDIUM_SPACE}${magnitude}`;
  }
  const tex = texNumber(value, {digits});
  if (tex === "\\text{undefined}")
    return '<span class="mord text"><span class="mord">undefined</span></span>';
  let body;
  if (/^-?\\infty$/.test(tex)) body = signedOrd(tex.startsWith("-"), "∞");
  else {
    const [, minus, mantissa, exponent] = /^(-?)([\d.]+)(?: \\times 10\^\{(-?\d+)\})?$/.exec(tex) ?? [];
    if (mantissa === undefined) throw new Error(`liveNumberHtml: unexpected texNumber output ${tex}`);
    body = signedOrd(minus === "-", mantissa);
    if (exponent !== undefined) {
      const {height, top} = SUPERSCRIPT[display ? "display" : "text"];
      const power = signedOrd(exponent.startsWith("-"), exponent.replace("-", ""), "mord mtight");
      body +=
        `${MEDIUM_SPACE}<span class="mbin">×</span>${MEDIUM_SPACE}${ord("1")}` +
        `<span class="mord">${ord("0")}<span class="msupsub"><span class="vlist-t"><span class="vlist-r">` +
        `<span class="vlist" style="height:${height};"><span style="top:${top};margin-right:0.05em;">` +
        `<span class="pstrut" style="height:2.7em;"></span><span class="katex-sizing reset-size6 size3 mtight">` +
        `<span class="mord mtight">${power}</span></span></span></span></span></span></span></span>`;
    }
  }
  const parenthesised = factor && (tex.startsWith("-") || tex.includes("\\times"));
  return parenthesised ? `${ord("(", "mopen")}${body}${ord(")", "mclose")}` : body;
}

const escapeHtml = (text) =>
  String(text).replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]);

/** Per slot: KaTeX's spacing around the initial value (kept), and what was last written. */
const slots = new WeakMap();

function slot(element) {
  let state = slots.get(element);
  if (!state) {
    const children = [...element.childNodes];
    const isSpace = (node) => node.nodeType === 1 && node.classList.contains("mspace");
    let start = 0;
    let end = children.length;
    while (start < end && isSpace(children[start])) start++;
    while (end > start && isSpace(children[end - 1])) end--;
    state = {lead: children.slice(0, start), trail: children.slice(end), last: undefined};
    slots.set(element, state);
  }
  return state;
}

/**
 * Writes `value` into one \live slot of a formula typeset at build time: a number,
 * liveFactor(n), liveSigned(n), a string, or a node (formulaFragment, cloned). A slot left as
 * it was is not touched. liveSlot.js finds the slots and calls this for each.
 */
export function writeTex(element, value) {
  const state = slot(element);
  let content;
  if (value instanceof Node) content = value;
  else if (typeof value === "string") content = ord(escapeHtml(value));
  else {
    const options = typeof value === "number" ? {value} : value;
    if (state.display === undefined) state.display = element.closest(".katex-display") !== null;
    content = liveNumberHtml(options.value, {...options, display: state.display});
  }
  if (content === state.last) return;
  state.last = content;
  if (content instanceof Node) {
    forgetHtml(element);
    element.replaceChildren(...state.lead, content.cloneNode(true), ...state.trail);
  } else setHtml(element, content, {before: state.lead, after: state.trail});
}
