import MarkdownIt from "markdown-it";
import {describe, expect, test} from "vitest";
import markdownTex, {expandLive} from "../../scripts/markdown-tex.js";

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

describe("markdownTex \\live slots", () => {
  test("typesets \\live{key} as a span the page can find, with its initial value (0 by default)", () => {
    const html = md.render("$$z = \\live{z}{-0.5} + \\live{b}$$\n");
    expect(html).toContain('class="katex-display"');
    expect(html).toMatch(
      /<span class="enclosing" data-live="z"><span class="mord">−<\/span><span class="mord">0.5<\/span>/
    );
    expect(html).toMatch(/data-live="b"><span class="mord">0<\/span>/);
    expect(md.renderInline("slope $\\live{slope}{0.25}$")).toContain('data-live="slope"');
  });

  test("typesets a formula with live slots exactly as the same formula with the values", () => {
    const live = md.render(
      "$$\\begin{aligned} y &= \\live{w}{0.5}\\cdot \\live{x}{(-1)} \\live{b}{+ 2} = \\live{y}{1.5} \\end{aligned}$$\n"
    );
    const plain = md.render("$$\\begin{aligned} y &= 0.5\\cdot (-1) + 2 = 1.5 \\end{aligned}$$\n");
    expect(live).not.toEqual(plain);
    // the same atoms, spacing and struts: the slots only wrap them
    const atoms = (html: string) => html.replace(/<span class="enclosing" data-live="\w+">|<\/span>/g, "");
    expect(atoms(live)).toEqual(atoms(plain));
  });

  test("refuses other HTML commands and reports undefined commands, so postbuild fails the build", () => {
    for (const bad of [
      "\\htmlData{foo=1}{x}",
      "\\htmlClass{x}{y}",
      "\\href{https://example.com}{x}",
      "\\live",
      "\\live{}",
      "\\foo{x}"
    ]) {
      const html = md.renderInline(`bad $${bad}$ formula`);
      expect(html, bad).toContain('class="katex-error"');
    }
  });

  test("does not treat \\lively or a \\live inside other words as a slot", () => {
    expect(expandLive("\\lively \\live{a}{1} \\live{b}")).toBe(
      "\\lively \\htmlData{live=a}{1} \\htmlData{live=b}{0}"
    );
    expect(expandLive("\\live{a}{\\frac{1}{2}}x")).toBe("\\htmlData{live=a}{\\frac{1}{2}}x");
    expect(expandLive("\\live{9a}")).toBe("\\live{9a}");
  });
});
