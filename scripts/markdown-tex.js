// A markdown-it plugin that renders TeX with KaTeX when the site is built, so a page whose
// formulas never change loads no KaTeX JavaScript (only its CSS and fonts).
//
//   $…$     inline math   (declines when `$` is followed by `{`: that is Framework's `${…}`)
//   $$…$$   display math  (on its own line or lines)
//   $@sigmoid.f$, $$@sigmoid.df$$   the TeX stored under that name in `references` (the
//           formulas of lib/'s activation records), so each formula is written only once
//   \live{key}, \live{key}{0.5}   inside any formula: a slot for a number the page computes.
//           It is typeset at build time with its initial TeX (0 unless given; give a value of
//           the same shape the page will write, e.g. `{+ 0.5}` for a signed term) inside a
//           span `data-live="key"`, a slot the page fills in the browser like any other
//           (src/components/liveSlot.js), so formulas with live numbers need no KaTeX
//           JavaScript either.
//
// It uses the same `katex` package that is served to the browser, so build-time HTML and
// the stylesheet always come from one KaTeX version.
import katex from "katex";

/**
 * Renders TeX to HTML. A malformed formula shows KaTeX's error (class `katex-error`) in
 * place instead of throwing; scripts/postbuild.js then fails the build.
 */
export function renderTex(tex, {displayMode = false, references = {}} = {}) {
  const reference = /^\s*@([\w.]+)\s*$/.exec(tex);
  if (reference) {
    const name = reference[1];
    if (!Object.hasOwn(references, name)) {
      const known = Object.keys(references).slice(0, 6).join(", ");
      return `<span class="katex-error" title="unknown formula reference">unknown formula @${escapeHtml(name)}${known ? ` (known: ${escapeHtml(known)}, …)` : ""}</span>`;
    }
    tex = references[name];
  }
  // KaTeX typesets an untrusted \htmlData (or \href, \htmlClass…) as red text, not as an
  // error; report it as a malformed formula so scripts/postbuild.js fails the build.
  const refused = [];
  const html = katex.renderToString(expandLive(tex), {
    displayMode,
    throwOnError: false,
    output: "html",
    // \htmlData is trusted only as \live writes it: a single data-live attribute.
    trust: (context) => {
      const trusted = context.command === "\\htmlData" && isLiveAttributes(context.attributes);
      if (!trusted) refused.push(context.command);
      return trusted;
    },
    // …and KaTeX is not to warn about the HTML extension it is allowed to use.
    strict: (errorCode) => (errorCode === "htmlExtension" ? "ignore" : "warn")
  });
  if (refused.length)
    return `<span class="katex-error" title="command not allowed">${escapeHtml(refused.join(", "))} is not allowed in ${escapeHtml(tex)}</span>`;
  // An undefined command (say a misspelt \live) is also only red text: make it an error too.
  const undefinedCommand = UNDEFINED_COMMAND.exec(html);
  if (undefinedCommand)
    return `<span class="katex-error" title="undefined command">undefined command ${undefinedCommand[1]} in ${escapeHtml(tex)}</span>`;
  return html;
}

/** How KaTeX (throwOnError: false) typesets a command it does not know: its name, in red. */
const UNDEFINED_COMMAND =
  /<span class="mord text" style="color:#cc0000;"><span class="mord" style="color:#cc0000;">(\\[A-Za-z]+)<\/span>/;

function isLiveAttributes(attributes) {
  const keys = Object.keys(attributes ?? {});
  return keys.length === 1 && keys[0] === "data-live" && LIVE_KEY.test(attributes[keys[0]]);
}

/** A live slot's name: a letter, then letters, digits, `_` or `-`. */
const LIVE_KEY = /^[A-Za-z][\w-]*$/;

/** The end (exclusive) of the brace group opening at `start`, or -1 if it never closes. */
function groupEnd(tex, start) {
  let depth = 0;
  for (let i = start; i < tex.length; i++) {
    const c = tex[i];
    if (c === "\\") i++;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Rewrites each `\live{key}` or `\live{key}{initial}` as `\htmlData{live=key}{initial}`
 * (initial value 0). A `\live` not followed by a valid `{key}` is left alone, so KaTeX
 * reports it as an undefined control sequence.
 */
export function expandLive(tex) {
  let out = "";
  let from = 0;
  const pattern = /\\live(?![A-Za-z])/g;
  let match;
  while ((match = pattern.exec(tex))) {
    const keyStart = match.index + match[0].length;
    const keyEnd = tex[keyStart] === "{" ? groupEnd(tex, keyStart) : -1;
    const key = keyEnd === -1 ? "" : tex.slice(keyStart + 1, keyEnd - 1);
    if (!LIVE_KEY.test(key)) continue;
    let initial = "0";
    let end = keyEnd;
    if (tex[keyEnd] === "{") {
      const initialEnd = groupEnd(tex, keyEnd);
      if (initialEnd !== -1) {
        initial = tex.slice(keyEnd + 1, initialEnd - 1);
        end = initialEnd;
      }
    }
    out += `${tex.slice(from, match.index)}\\htmlData{live=${key}}{${initial}}`;
    from = end;
    pattern.lastIndex = end;
  }
  return out + tex.slice(from);
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]);
}

function isEscaped(src, pos) {
  let backslashes = 0;
  while (pos - backslashes - 1 >= 0 && src.charCodeAt(pos - backslashes - 1) === 0x5c) backslashes++;
  return backslashes % 2 === 1;
}

function inlineMath(state, silent) {
  const {src, pos} = state;
  if (src[pos] !== "$" || isEscaped(src, pos)) return false;
  const next = src[pos + 1];
  // `${` is Framework interpolation; `$$` is display math; `$ ` is most likely a price.
  if (next === "{" || next === "$" || next === undefined || /\s/.test(next)) return false;
  let end = pos + 1;
  while ((end = src.indexOf("$", end)) !== -1) {
    if (!isEscaped(src, end) && !/\s/.test(src[end - 1])) break;
    end++;
  }
  if (end === -1) return false;
  // A closing `$` right before a digit is a currency amount ("$5 and $6"), not math.
  if (/\d/.test(src[end + 1] ?? "")) return false;
  if (!silent) {
    const token = state.push("math_inline", "math", 0);
    token.content = src.slice(pos + 1, end);
    token.markup = "$";
  }
  state.pos = end + 1;
  return true;
}

function blockMath(state, startLine, endLine, silent) {
  let start = state.bMarks[startLine] + state.tShift[startLine];
  let max = state.eMarks[startLine];
  if (state.src.slice(start, start + 2) !== "$$") return false;
  if (silent) return true;
  let firstLine = state.src.slice(start + 2, max);
  let content;
  let line = startLine;
  if (firstLine.trimEnd().endsWith("$$") && firstLine.trim().length > 2) {
    content = firstLine.trimEnd().slice(0, -2);
  } else {
    const lines = [firstLine];
    let closed = false;
    while (++line < endLine) {
      start = state.bMarks[line] + state.tShift[line];
      max = state.eMarks[line];
      const text = state.src.slice(start, max);
      if (text.trimEnd().endsWith("$$")) {
        lines.push(text.trimEnd().slice(0, -2));
        closed = true;
        break;
      }
      lines.push(text);
    }
    if (!closed) return false;
    content = lines.join("\n");
  }
  state.line = line + 1;
  const token = state.push("math_block", "math", 0);
  token.block = true;
  token.content = content;
  token.map = [startLine, state.line];
  token.markup = "$$";
  return true;
}

/** markdown-it plugin: `md.use(markdownTex, {references})`. */
export default function markdownTex(md, {references = {}} = {}) {
  md.inline.ruler.after("escape", "math_inline", inlineMath);
  md.block.ruler.after("blockquote", "math_block", blockMath, {
    alt: ["paragraph", "reference", "blockquote", "list"]
  });
  md.renderer.rules.math_inline = (tokens, idx) => renderTex(tokens[idx].content, {references});
  md.renderer.rules.math_block = (tokens, idx) =>
    `<div class="math-display">${renderTex(tokens[idx].content, {displayMode: true, references})}</div>\n`;
}
