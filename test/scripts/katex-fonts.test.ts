import {describe, expect, test} from "vitest";
import {katexFonts, preloadKatexFonts} from "../../scripts/katex-fonts.js";
import {renderTex} from "../../scripts/markdown-tex.js";

const inline = (tex: string) => renderTex(tex);
const display = (tex: string) => renderTex(tex, {displayMode: true});

describe("katexFonts", () => {
  test("a page without formulas needs none", () => {
    expect(katexFonts("<p>No formula here, only $5.</p>")).toEqual([]);
  });

  test("digits and operators are KaTeX_Main; a variable adds KaTeX_Math's italic", () => {
    expect(katexFonts(inline("1 + 2"))).toEqual(["Main-Regular"]);
    expect(katexFonts(inline("x + 1"))).toEqual(["Main-Regular", "Math-Italic"]);
  });

  test("KaTeX's own output for sized delimiters, big operators and alphabets names their fonts", () => {
    expect(katexFonts(inline("\\bigl[ a \\bigr]"))).toContain("Size1-Regular");
    expect(katexFonts(inline("\\sum_j w_j"))).toContain("Size1-Regular");
    expect(katexFonts(display("\\sum_j w_j"))).toContain("Size2-Regular");
    expect(katexFonts(inline("\\mathcal{N}(0, 1)"))).toContain("Caligraphic-Regular");
    expect(katexFonts(inline("\\mathbb{R}"))).toContain("AMS-Regular");
    expect(katexFonts(inline("\\mathbf{W}"))).toContain("Main-Bold");
    expect(katexFonts(inline("\\mathsf{T}"))).toContain("SansSerif-Regular");
    expect(katexFonts(inline("\\Bigg( x \\Bigg)"))).toContain("Size4-Regular");
  });

  test("a subscript's size class is not a delimiter's: x_1 uses no Size font", () => {
    expect(katexFonts(inline("x_1^2"))).toEqual(["Main-Regular", "Math-Italic"]);
  });
});

describe("preloadKatexFonts", () => {
  const page = (body: string) =>
    `<head>\n<link rel="stylesheet external" href="../_npm/katex@0.19.1/dist/katex.min.css">\n</head><body>${body}</body>`;

  test("puts a preload for each font before KaTeX's stylesheet, in the stylesheet's folder", () => {
    const html: string = preloadKatexFonts(page(inline("\\mathcal{N}(0, 1)")));
    const preloads = Array.from(
      html.matchAll(/<link rel="preload" as="font"[^>]*href="([^"]+)">/g),
      (m) => m[1]
    );
    expect(preloads).toEqual([
      "../_npm/katex@0.19.1/dist/fonts/KaTeX_Main-Regular.woff2",
      "../_npm/katex@0.19.1/dist/fonts/KaTeX_Caligraphic-Regular.woff2"
    ]);
    expect(html.indexOf('rel="preload"')).toBeLessThan(html.indexOf("katex.min.css"));
    expect(html).toContain('type="font/woff2" crossorigin');
  });

  test("leaves alone a page without formulas, without KaTeX's stylesheet, or already done", () => {
    const plain = page("<p>prose</p>");
    expect(preloadKatexFonts(plain)).toBe(plain);
    const noStylesheet = `<body>${inline("x")}</body>`;
    expect(preloadKatexFonts(noStylesheet)).toBe(noStylesheet);
    const once = preloadKatexFonts(page(inline("x")));
    expect(preloadKatexFonts(once)).toBe(once);
  });
});
