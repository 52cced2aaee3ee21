// The HTML liveTex.js writes into a \live slot is exactly KaTeX's for the same TeX, so a
// live number looks as if KaTeX had typeset the formula with it.
import {describe, expect, test} from "vitest";
import {texFactor, texNumber} from "../../src/components/format.js";
import {liveNumberHtml} from "../../src/components/liveTex.js";
import {renderTex} from "../../scripts/markdown-tex.js";

/** The inside of the `data-live="z"` span in `html`, without KaTeX's spacing at its edges. */
function slotContent(html: string): string {
  const open = html.indexOf('data-live="z">');
  expect(open).toBeGreaterThan(-1);
  const start = html.indexOf(">", open) + 1;
  let depth = 1;
  let i = start;
  while (depth > 0) {
    const nextOpen = html.indexOf("<span", i);
    const nextClose = html.indexOf("</span>", i);
    if (nextOpen !== -1 && nextOpen < nextClose) {
      depth++;
      i = nextOpen + 5;
    } else {
      depth--;
      i = nextClose + 7;
    }
  }
  return html
    .slice(start, i - 7)
    .replace(/^(<span class="mspace"[^>]*><\/span>)+/, "")
    .replace(/(<span class="mspace"[^>]*><\/span>)+$/, "");
}

const VALUES = [
  0,
  0.5,
  -0.5,
  1,
  -3,
  0.7310585786300049,
  -0.0417,
  123.456,
  1234567,
  -1234567,
  4.54e-5,
  -4.54e-5,
  4.248354255291589e-18,
  2.5e12,
  1e-7,
  NaN,
  Infinity,
  -Infinity
];

describe("liveNumberHtml", () => {
  for (const displayMode of [true, false]) {
    const style = displayMode ? "display" : "inline";
    test(`writes KaTeX's HTML for texNumber(v) (${style})`, () => {
      for (const v of VALUES) {
        const katex = slotContent(renderTex(`a = \\live{z}{${texNumber(v)}} \\cdot b`, {displayMode}));
        expect(liveNumberHtml(v, {display: displayMode}), `${v}`).toBe(katex);
      }
    });

    test(`writes KaTeX's HTML for texFactor(v) with liveFactor (${style})`, () => {
      for (const v of VALUES) {
        const katex = slotContent(
          renderTex(`a = b \\cdot \\live{z}{${texFactor(v)}} \\cdot c`, {displayMode})
        );
        expect(liveNumberHtml(v, {factor: true, display: displayMode}), `${v}`).toBe(katex);
      }
    });

    test(`writes a signed term as KaTeX does: "+ 0.5", "− 0.5" (${style})`, () => {
      for (const v of VALUES.filter((v) => !Number.isNaN(v))) {
        const term = v < 0 ? `- ${texNumber(-v)}` : `+ ${texNumber(v)}`;
        const katex = slotContent(renderTex(`a\\,x \\live{z}{${term}} + c`, {displayMode}));
        expect(liveNumberHtml(v, {signed: true, display: displayMode}), `${v}`).toBe(katex);
      }
    });
  }

  test("rounds like formatNumber, to the digits asked for", () => {
    expect(liveNumberHtml(0.7310585786300049)).toBe('<span class="mord">0.7311</span>');
    expect(liveNumberHtml(0.7310585786300049, {digits: 2})).toBe('<span class="mord">0.73</span>');
    expect(liveNumberHtml(-2, {factor: true})).toBe(
      '<span class="mopen">(</span><span class="mord">−</span><span class="mord">2</span><span class="mclose">)</span>'
    );
    expect(liveNumberHtml(2, {factor: true})).toBe('<span class="mord">2</span>');
  });
});
