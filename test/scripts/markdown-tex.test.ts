import MarkdownIt from "markdown-it";
import {describe, expect, test} from "vitest";
import markdownTex from "../../scripts/markdown-tex.js";

const md = new MarkdownIt({html: true}).use(markdownTex);

describe("markdownTex", () => {
  test("renders inline $…$ with KaTeX at build time", () => {
    const html = md.renderInline("the slope $\\sigma'(0) = \\tfrac14$ here");
    expect(html).toContain('class="katex"');
    expect(html).not.toContain("$");
  });

  test("leaves Framework's ${…} interpolation alone", () => {
    expect(md.renderInline("value ${x.toFixed(2)} and ${y}")).toBe("value ${x.toFixed(2)} and ${y}");
  });

  test("leaves prices and lone dollars alone", () => {
    expect(md.renderInline("costs $5 and $6 today")).toBe("costs $5 and $6 today");
    expect(md.renderInline("a $ sign")).toBe("a $ sign");
  });

  test("honours an escaped dollar", () => {
    expect(md.renderInline("\\$x$")).not.toContain("katex");
  });

  test("renders $$…$$ display math on one line or several", () => {
    expect(md.render("$$f(x) = x$$\n")).toContain('class="katex-display"');
    expect(md.render("$$\nf(x) =\n  x^2\n$$\n")).toContain('class="katex-display"');
  });

  test("shows a malformed formula as an error instead of throwing", () => {
    const html = md.renderInline("bad $\\frac{1}{$ formula");
    expect(html).toContain("katex-error");
  });
});

describe("markdownTex references", () => {
  const withRefs = new MarkdownIt().use(markdownTex, {
    references: {"sigmoid.f": "\\sigma(x) = \\frac{1}{1+e^{-x}}"}
  });

  test("renders the TeX stored under a reference", () => {
    expect(withRefs.render("$$@sigmoid.f$$\n")).toEqual(
      withRefs.render("$$\\sigma(x) = \\frac{1}{1+e^{-x}}$$\n")
    );
    expect(withRefs.renderInline("$@sigmoid.f$")).toContain("katex");
  });

  test("shows an unknown reference as an error naming it", () => {
    const html = withRefs.renderInline("$@sigmoid.g$");
    expect(html).toContain('class="katex-error"');
    expect(html).toContain("@sigmoid.g");
  });
});
