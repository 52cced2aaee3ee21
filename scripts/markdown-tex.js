// A markdown-it plugin that renders TeX with KaTeX when the site is built, so a page whose
// formulas never change loads no KaTeX JavaScript (only its CSS and fonts).
//
//   $…$     inline math   (declines when `$` is followed by `{`: that is Framework's `${…}`)
//   $$…$$   display math  (on its own line or lines)
//   $@sigmoid.f$, $$@sigmoid.df$$   the TeX stored under that name in `references` (the
//           formulas of lib/'s activation records), so each formula is written only once
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
  return katex.renderToString(tex, {displayMode, throwOnError: false, output: "html"});
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
