// scripts/page-bundles.js on a small built site: a page with two local modules that share a
// third, one module loaded lazily, one loaded by <script src>, and an npm library.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join} from "node:path";
import {pathToFileURL} from "node:url";
import {beforeAll, describe, expect, test} from "vitest";
import {findMissingImports} from "../../scripts/dist-imports.js";
import {bundlePage, bundlePages} from "../../scripts/page-bundles.js";

const files: Record<string, string> = {
  "package.json": '{"type": "module"}',
  "_npm/dep@1.0.0/abcd1234.js": "export const ten = 10;",
  "_import/lib/counter.1111aaaa.js": "export let count = 0;\nexport function hit() { return ++count; }",
  "_import/lib/label.2222bbbb.js": "export const label = (n) => `#${n}`;",
  // loaded by <script src>: it and what it imports stay files of their own
  "_import/components/kept.3333cccc.js":
    'import {hit} from "../lib/counter.1111aaaa.js";\n// a comment that minifying drops\nglobalThis.keptHit = hit;',
  "_import/components/first.4444dddd.js":
    'import {hit} from "../lib/counter.1111aaaa.js";\nimport {label} from "../lib/label.2222bbbb.js";\n' +
    "// a comment that minifying drops\nexport const first = () => label(hit());",
  "_import/components/second.5555eeee.js":
    'import {hit} from "../lib/counter.1111aaaa.js";\nimport {ten} from "../../_npm/dep@1.0.0/abcd1234.js";\n' +
    'export const second = () => hit() + ten;\nexport const onDemand = () => import("../lib/onDemand.8888bbbb.js");',
  // imported by a bundled module only when it needs it: a chunk of its own, not preloaded
  "_import/lib/onDemand.8888bbbb.js": 'export const marker = "loaded on demand";',
  "_import/lib/lazy.6666ffff.js":
    'import {hit} from "./counter.1111aaaa.js";\nimport {label} from "./label.2222bbbb.js";\n' +
    "export const lazy = () => label(hit());",
  "_import/components/unused.7777aaaa.js": "export const unused = true;",
  "index.html": `<!DOCTYPE html>
<link rel="modulepreload" href="./_observablehq/client.js">
<link rel="modulepreload" href="./_import/components/kept.3333cccc.js">
<link rel="modulepreload" href="./_import/components/first.4444dddd.js">
<link rel="modulepreload" href="./_import/lib/counter.1111aaaa.js">
<link rel="modulepreload" href="./_import/lib/label.2222bbbb.js">
<link rel="modulepreload" href="./_import/components/second.5555eeee.js">
<link rel="modulepreload" href="./_npm/dep@1.0.0/abcd1234.js">
<script type="module" src="./_import/components/kept.3333cccc.js"></script>
<script type="module">
const [{first}, {second}] = await Promise.all([import("./_import/components/first.4444dddd.js"), import("./_import/components/second.5555eeee.js")]);
const later = () => import("./_import/lib/lazy.6666ffff.js");
</script>`,
  "plain.html": "<!DOCTYPE html><p>No modules here.</p>"
};

function makeSite() {
  const dist = mkdtempSync(join(tmpdir(), "page-bundles-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dist, path)), {recursive: true});
    writeFileSync(join(dist, path), text);
  }
  return dist;
}

describe("bundlePages", () => {
  let dist: string;
  let html: string;
  let bundleFiles: string[];
  beforeAll(async () => {
    dist = makeSite();
    expect(await bundlePages(dist)).toBe(1);
    html = readFileSync(join(dist, "index.html"), "utf8");
    bundleFiles = readdirSync(join(dist, "_import", "pages"));
  });

  test("the page imports its eager modules from one bundle, preloaded in their place", () => {
    const page = bundleFiles.find((f) => /^page\.\w+\.js$/.test(f))!;
    expect(page).toBeDefined();
    expect(html).toContain(`import("./_import/pages/${page}").then((module) => module.m0)`);
    expect(html).toContain(`import("./_import/pages/${page}").then((module) => module.m1)`);
    expect(html).not.toMatch(/first\.4444dddd|second\.5555eeee|label\.2222bbbb/);
    expect(html.match(/rel="modulepreload" href="\.\/_import\/pages\/page\./g)).toHaveLength(1);
    // what stays outside keeps its preload: the runtime, the kept module and what it imports, npm
    for (const href of [
      "_observablehq/client.js",
      "kept.3333cccc.js",
      "counter.1111aaaa.js",
      "_npm/dep@1.0.0"
    ])
      expect(html).toMatch(new RegExp(`rel="modulepreload" href="[^"]*${href.replace(/[.]/g, "\\.")}`));
    expect(html).toContain('<script type="module" src="./_import/components/kept.3333cccc.js">');
  });

  const chunkText = (file: string) => readFileSync(join(dist, "_import", "pages", file), "utf8");
  const onDemandChunk = () =>
    bundleFiles.find((f) => /^chunk\.\w+\.js$/.test(f) && chunkText(f).includes("loaded on demand"));

  test("the chunk the page's bundle shares with the lazy one is preloaded; every preload exists", () => {
    const chunk = bundleFiles.find((f) => /^chunk\.\w+\.js$/.test(f) && f !== onDemandChunk())!;
    expect(chunk).toBeDefined();
    expect(html).toContain(`<link rel="modulepreload" href="./_import/pages/${chunk}">`);
    const hrefs = [...html.matchAll(/modulepreload" href="([^"]+)"/g)].map((m) => m[1]);
    const missing = hrefs.filter((href) => !href.includes("_observablehq") && !existsSync(join(dist, href)));
    expect(missing).toEqual([]);
  });

  test("a module kept apart is minified in place, under its own name", () => {
    const kept = readFileSync(join(dist, "_import", "components", "kept.3333cccc.js"), "utf8");
    expect(kept).not.toContain("a comment that minifying drops");
    expect(kept).toContain("../lib/counter.1111aaaa.js");
  });

  test("a module loaded lazily gets a bundle of its own, not preloaded", () => {
    const lazy = bundleFiles.find((f) => /^lazy\.\w+\.js$/.test(f))!;
    expect(lazy).toBeDefined();
    expect(html).toContain(`import("./_import/pages/${lazy}")`);
    expect(html).not.toMatch(/modulepreload" href="[^"]*lazy/);
  });

  test("a chunk a bundled module imports on demand is not preloaded", () => {
    const chunk = onDemandChunk();
    expect(chunk).toBeDefined();
    expect(html).not.toContain(chunk);
  });

  test("every module still runs once: the bundles and the kept module share one counter", async () => {
    const load = (file: string) => import(pathToFileURL(join(dist, file)).href);
    const page = await load(`_import/pages/${bundleFiles.find((f) => f.startsWith("page."))}`);
    const lazy = await load(`_import/pages/${bundleFiles.find((f) => f.startsWith("lazy."))}`);
    await load("_import/components/kept.3333cccc.js");
    expect(page.m0.first()).toBe("#1");
    expect(page.m1.second()).toBe(12); // the npm library, imported by URL
    expect(lazy.lazy()).toBe("#3");
    expect((globalThis as unknown as {keptHit: () => number}).keptHit()).toBe(4);
  });

  test("the bundle is minified and named by its content", () => {
    const page = bundleFiles.find((f) => f.startsWith("page."))!;
    expect(readFileSync(join(dist, "_import", "pages", page), "utf8")).not.toContain("a comment");
    const again = makeSite();
    return bundlePages(again).then(() =>
      expect(readdirSync(join(again, "_import", "pages"))).toEqual(bundleFiles)
    );
  });

  test("modules no page loads any more are deleted; the kept ones stay", () => {
    for (const gone of [
      "components/first.4444dddd.js",
      "components/unused.7777aaaa.js",
      "lib/label.2222bbbb.js"
    ])
      expect(existsSync(join(dist, "_import", gone)), gone).toBe(false);
    for (const kept of ["components/kept.3333cccc.js", "lib/counter.1111aaaa.js"])
      expect(existsSync(join(dist, "_import", kept)), kept).toBe(true);
  });

  test("running it again changes nothing", async () => {
    expect(await bundlePages(dist)).toBe(0);
    expect(readFileSync(join(dist, "index.html"), "utf8")).toBe(html);
    expect(readdirSync(join(dist, "_import", "pages"))).toEqual(bundleFiles);
  });

  test("leaves a page without local modules as it is", () => {
    expect(readFileSync(join(dist, "plain.html"), "utf8")).toBe(files["plain.html"]);
  });
});

describe("bundlePage", () => {
  test("refuses a page that would load a bundled module a second time", async () => {
    const dist = makeSite();
    const html = files["index.html"].replace(
      "</script>",
      'import "./_import/lib/label.2222bbbb.js";\n</script>'
    );
    await expect(bundlePage({dist, pageFile: join(dist, "index.html"), html})).rejects.toThrow(
      /index\.html loads \.\/_import\/lib\/label\.2222bbbb\.js outside its bundles/
    );
  });
});

describe("a worker named by import.meta.resolve", () => {
  // as Framework writes them: the starter's call already points at the worker's built file
  const site: Record<string, string> = {
    "package.json": '{"type": "module"}',
    "_import/lib/label.2222bbbb.js": "export const label = (n) => `#${n}`;",
    "_import/components/work.9999cccc.js":
      'import {label} from "../lib/label.2222bbbb.js";\nexport const work = () => label(7);',
    "_import/components/starter.1234abcd.js":
      'import {label} from "../lib/label.2222bbbb.js";\n' +
      'export const workerUrl = () => import.meta.resolve("./work.9999cccc.js");\nexport const name = label(1);',
    "index.html": `<!DOCTYPE html>
<link rel="modulepreload" href="./_import/components/starter.1234abcd.js">
<script type="module">
const {workerUrl} = await import("./_import/components/starter.1234abcd.js");
</script>`
  };

  test("is bundled whole beside the page's bundle, and the call resolves to it", async () => {
    const dist = mkdtempSync(join(tmpdir(), "page-bundles-worker-"));
    for (const [path, text] of Object.entries(site)) {
      mkdirSync(dirname(join(dist, path)), {recursive: true});
      writeFileSync(join(dist, path), text);
    }
    expect(await bundlePages(dist)).toBe(1);
    const bundles = readdirSync(join(dist, "_import", "pages"));
    const worker = bundles.find((f) => /^work\.\w+\.js$/.test(f))!;
    const page = bundles.find((f) => /^page\.\w+\.js$/.test(f))!;
    expect(worker).toBeDefined();
    const pageText = readFileSync(join(dist, "_import", "pages", page), "utf8");
    expect(pageText).toContain(`import.meta.resolve("./${worker}")`);
    // self-contained: what the worker imports is inside it, and the modules it came from are gone
    const workerText = readFileSync(join(dist, "_import", "pages", worker), "utf8");
    expect(workerText).not.toMatch(/\bimport\b/);
    expect(existsSync(join(dist, "_import", "components", "work.9999cccc.js"))).toBe(false);
    expect(findMissingImports(dist)).toEqual([]);
    const loaded = await import(pathToFileURL(join(dist, "_import", "pages", page)).href);
    const url: string = loaded.m0.workerUrl();
    expect(url).toBe(pathToFileURL(join(dist, "_import", "pages", worker)).href);
    expect((await import(url)).work()).toBe("#7");
    // and the dist check notices when the worker is missing
    rmSync(join(dist, "_import", "pages", worker));
    expect(findMissingImports(dist)).toEqual([
      `_import/pages/${page}: imports ./${worker}, which is not in dist/`
    ]);
  });
});
