import {describe, expect, test} from "vitest";
import {
  dropUnusedKatexStylesheet,
  findCssProblems,
  findHtmlProblems,
  findJsonProblems,
  fixPageHtml,
  notFoundPageAt
} from "../../scripts/postbuild.js";

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

  test("reports TeX that reached the page as text, as it does inside a raw HTML list", () => {
    expect(
      findHtmlProblems(
        '<ul><li>linear: $E[Z^2]$ = <span class="live">1</span>, so $\\operatorname{Var}(w)$</li></ul>'
      )
    ).toEqual(["TeX left untypeset: $E[Z^2]$", "TeX left untypeset: $\\operatorname{Var}(w)$"]);
  });

  test("leaves alone dollars that are not formulas: prices, code, scripts, lone signs", () => {
    expect(
      findHtmlProblems(
        "<p>costs $5 and $10</p><code>$x$</code><pre>$$y$$</pre><script>a = `$x$`</script><p>a $ b</p><p>${x}</p>"
      )
    ).toEqual([]);
  });
});

describe("fixPageHtml", () => {
  const page = `<!DOCTYPE html>
<html>
<head><meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1"></head>
<body><input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="./">Home</a></li>
  </ol>
  <div id="observablehq-search"><input type="search" placeholder="Search"></div>
</nav>
<footer id="observablehq-footer">
<nav><a rel="prev" href="./a"><span>A</span></a></nav>
</footer></body></html>`;
  const fixed = fixPageHtml(page);

  test("sets the language and allows zoom", () => {
    expect(fixed).toContain('<html lang="en">');
    expect(fixed).toContain('content="width=device-width, initial-scale=1"');
  });

  test("names the sidebar toggle, search box and navigation landmarks", () => {
    expect(fixed).toContain(
      'id="observablehq-sidebar-toggle" role="button" aria-pressed="false" aria-label="Toggle sidebar"'
    );
    expect(fixed).toContain('<nav id="observablehq-sidebar" aria-label="Course">');
    expect(fixed).toContain('<input type="search" aria-label="Search the course"');
    expect(fixed).toContain('<nav aria-label="Previous and next page">');
  });

  test("moves the close label out of the list", () => {
    expect(fixed).toMatch(/<label id="observablehq-sidebar-close"[^>]*><\/label>\s*<ol>\s*<li/);
  });

  test("is idempotent", () => {
    expect(fixPageHtml(fixed)).toBe(fixed);
  });
});

describe("findJsonProblems", () => {
  test("reports a malformed formula in the formulas typeset at build time", () => {
    const json = JSON.stringify({
      "sigmoid.f": {tex: "x", html: '<span class="katex">x</span>'},
      bad: {tex: "\\frac{1}{", html: '<span class="katex-error" title="x">\\frac{1}{</span>'}
    });
    expect(findJsonProblems(json)).toEqual(["malformed formula: \\frac{1}{"]);
  });

  test("accepts well-formed formulas", () => {
    expect(findJsonProblems(JSON.stringify({a: {tex: "x", html: '<span class="katex">x</span>'}}))).toEqual(
      []
    );
  });
});

describe("dropUnusedKatexStylesheet", () => {
  const link = '<link rel="stylesheet external" href="./_npm/katex@0.19.1/dist/katex.min.css">\n';
  const preload = '<link rel="modulepreload" href="./_import/components/chart.js">\n';
  const page = (body: string) => `<head>\n${link}${preload}</head><body>${body}</body>`;
  const modules = (text: string | undefined) => (href: string) =>
    href === "./_import/components/chart.js" ? text : undefined;

  test("a page with no formula and no module that writes one loses the stylesheet", () => {
    const html = page("<p>No formulas here.</p>");
    const dropped = dropUnusedKatexStylesheet(html, modules("export const chart = 1;"));
    expect(dropped).not.toContain("katex.min.css");
    expect(dropped).toBe(html.replace(link, ""));
  });

  test("a formula rendered at build time keeps it", () => {
    const html = page('<span class="katex"><span class="katex-html">x</span></span>');
    expect(dropUnusedKatexStylesheet(html, modules("export const chart = 1;"))).toBe(html);
  });

  test("a preloaded module that writes KaTeX markup keeps it", () => {
    const html = page("<p>Formulas arrive later.</p>");
    expect(dropUnusedKatexStylesheet(html, modules('el.className = "katex";'))).toBe(html);
  });

  test("a module that cannot be read counts as one that might need it", () => {
    const html = page("<p>?</p>");
    expect(dropUnusedKatexStylesheet(html, modules(undefined))).toBe(html);
  });

  test("a page without the stylesheet is unchanged", () => {
    const html = "<head></head><body><p>plain</p></body>";
    expect(dropUnusedKatexStylesheet(html, modules(""))).toBe(html);
  });
});

describe("notFoundPageAt", () => {
  // Framework's 404 page starts so (render.js: `<base href="${base}">` for the path /404)
  const page =
    '<head>\n<meta charset="utf-8">\n<base href="/">\n<link rel="stylesheet" href="./_import/style.css">';

  test("points the 404 page's base at the subpath the site is published under", () => {
    expect(notFoundPageAt(page, "/course/")).toBe(page.replace('<base href="/">', '<base href="/course/">'));
    expect(notFoundPageAt(page, "/a/b/")).toContain('<base href="/a/b/">');
    expect(notFoundPageAt(page, "/")).toBe(page);
  });

  test("refuses a base that is not an absolute folder path", () => {
    for (const base of ["course/", "/course", "", "https://x.example/", '/a"><script>/'])
      expect(() => notFoundPageAt(page, base), base).toThrow(/COURSE_BASE must start and end with/);
  });
});
