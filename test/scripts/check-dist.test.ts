import {describe, expect, test} from "vitest";
import {findCssProblems, findHtmlProblems} from "../../scripts/check-dist.js";

describe("findHtmlProblems", () => {
  test("reports a cell error", () => {
    expect(findHtmlProblems('<div class="observablehq observablehq--error">SyntaxError</div>')).toEqual([
      "contains a cell error (observablehq--error)"
    ]);
  });

  test("reports scripts and stylesheets from another origin", () => {
    const problems = findHtmlProblems(
      '<link rel="stylesheet" href="https://fonts.example/css"><script src="//cdn.example/x.js"></script>'
    );
    expect(problems).toHaveLength(2);
  });

  test("accepts local resources and links to other sites", () => {
    expect(
      findHtmlProblems(
        '<link rel="stylesheet" href="./_npm/katex@0.19.1/dist/katex.min.css"><a href="https://example.org">a</a>'
      )
    ).toEqual([]);
  });
});

describe("findCssProblems", () => {
  test("reports @import and url() from another origin", () => {
    expect(
      findCssProblems('@import url("https://fonts.example/css"); a{background:url(//x.example/a.png)}')
    ).toHaveLength(2);
  });

  test("accepts relative urls", () => {
    expect(findCssProblems("@font-face{src:url(fonts/KaTeX_Main-Regular.woff2)}")).toEqual([]);
  });
});

describe("findHtmlProblems and formulas", () => {
  test("reports a formula KaTeX could not typeset", () => {
    expect(findHtmlProblems('<span class="katex-error" title="x">\\frac{1}{</span>')).toEqual([
      "malformed formula: \\frac{1}{"
    ]);
  });
});
