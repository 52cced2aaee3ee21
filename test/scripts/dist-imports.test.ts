import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {describe, expect, test} from "vitest";
import {findMissingImports, moduleImports, pageImports} from "../../scripts/dist-imports.js";

/** A dist/ folder holding `files` (path → text). */
function distWith(files: Record<string, string>): string {
  const dist = mkdtempSync(join(tmpdir(), "dist-imports-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), {recursive: true});
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

// A page as Framework and scripts/page-bundles.js leave it: a preload, a module script, an import.
const page = `<link rel="modulepreload" href="./_import/pages/page.A.js">
<script type="module" src="./_import/components/a11y.1.js"></script>
<script type="module">import {define} from "./_observablehq/client.2.js";
define({id: "x", body: async () => { const {f} = await import("./_import/pages/page.A.js"); }});</script>`;

describe("pageImports and moduleImports", () => {
  test("read a page's _import/ references, once each, and nothing else", () => {
    expect(pageImports(page)).toEqual(["./_import/pages/page.A.js", "./_import/components/a11y.1.js"]);
    expect(pageImports('<a href="../_import/style.css">')).toEqual(["../_import/style.css"]);
  });

  test("read a minified module's static, bare and on-demand relative imports", () => {
    const js = `import{a as b}from"./chunk.B.js";import"../side.js";const k=()=>import("../../_npm/katex@1/k.js");import x from "d3";`;
    expect(moduleImports(js)).toEqual(["./chunk.B.js", "../side.js", "../../_npm/katex@1/k.js"]);
  });
});

describe("findMissingImports", () => {
  const complete = {
    "sigmoid.html": page,
    "sub/page.html": '<link rel="modulepreload" href="../_import/pages/page.A.js">',
    "_import/pages/page.A.js": 'import{c}from"./chunk.B.js";const p=()=>import("./parser.C.js");',
    "_import/pages/chunk.B.js": 'import{plot}from"../../_npm/plot@1/course.js";export const c=1;',
    "_import/pages/parser.C.js": "export const parse=1;",
    "_import/components/a11y.1.js": "document.title;",
    "_npm/plot@1/course.js": "export const plot=1;"
  };

  test("finds nothing when every module a page reaches exists", () => {
    expect(findMissingImports(distWith(complete))).toEqual([]);
  });

  test("names the page whose _import/ module is missing", () => {
    const {"_import/components/a11y.1.js": _, ...rest} = complete;
    expect(findMissingImports(distWith(rest))).toEqual([
      "sigmoid.html: imports ./_import/components/a11y.1.js, which is not in dist/"
    ]);
  });

  test("follows a page's modules to a missing chunk, on-demand module or library", () => {
    for (const [gone, importer, specifier] of [
      ["_import/pages/chunk.B.js", "_import/pages/page.A.js", "./chunk.B.js"],
      ["_import/pages/parser.C.js", "_import/pages/page.A.js", "./parser.C.js"],
      ["_npm/plot@1/course.js", "_import/pages/chunk.B.js", "../../_npm/plot@1/course.js"]
    ]) {
      const files: Record<string, string> = {...complete};
      delete files[gone];
      expect(findMissingImports(distWith(files))).toEqual([
        `${importer}: imports ${specifier}, which is not in dist/`
      ]);
    }
  });

  test("a missing module shared by two pages is reported for each page that names it", () => {
    const {"_import/pages/page.A.js": _, ...rest} = complete;
    expect(findMissingImports(distWith(rest))).toEqual([
      "sigmoid.html: imports ./_import/pages/page.A.js, which is not in dist/",
      "sub/page.html: imports ../_import/pages/page.A.js, which is not in dist/"
    ]);
  });
});
