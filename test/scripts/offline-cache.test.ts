import {existsSync, mkdtempSync, readFileSync, readdirSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {beforeAll, describe, expect, test} from "vitest";
import {
  COURSE_D3_EXPORTS,
  COURSE_PLOT_EXPORTS,
  VENDORED,
  fillOfflineCache,
  frameworkClientLibraries
} from "../../scripts/offline-cache.js";

const npmCache = join(mkdtempSync(join(tmpdir(), "npm-cache-")), "_npm");

/** Every `name@version` folder in the cache, scoped names included. */
function versionFolders(): string[] {
  return readdirSync(npmCache)
    .filter((entry) => !entry.startsWith("."))
    .flatMap((entry) =>
      entry.startsWith("@") ? readdirSync(join(npmCache, entry)).map((sub) => `${entry}/${sub}`) : [entry]
    );
}

function nameOf(folder: string): string {
  return folder.slice(0, folder.lastIndexOf("@"));
}

beforeAll(async () => {
  await fillOfflineCache({npmCache, log: () => {}});
}, 60_000);

describe("fillOfflineCache", () => {
  test("bundles every vendored library at its installed version", () => {
    for (const {name} of VENDORED) {
      const {version} = JSON.parse(readFileSync(join("node_modules", name, "package.json"), "utf8"));
      expect(existsSync(join(npmCache, `${name}@${version}`, "_esm.js")), name).toBe(true);
    }
  });

  test("keeps one version folder per library, so version lookups are unambiguous", () => {
    const names = versionFolders().map(nameOf);
    expect(new Set(names).size).toBe(names.length);
  });

  test("answers the version lookup of every library Framework's client names", () => {
    const names = new Set(versionFolders().map(nameOf));
    for (const library of frameworkClientLibraries()) expect(names.has(library), library).toBe(true);
  });

  test("ships d3 once: Plot imports the shared chunks instead of a copy of d3", () => {
    const plot = readdirSync(join(npmCache, "@observablehq")).find((f) => f.startsWith("plot@"))!;
    const d3 = readdirSync(npmCache).find((f) => f.startsWith("d3@"))!;
    const plotSource = readFileSync(join(npmCache, "@observablehq", plot, "_esm.js"), "utf8");
    const d3Source = readFileSync(join(npmCache, d3, "_esm.js"), "utf8");
    expect(plotSource).toMatch(/from"\.\.\/\.\.\/offline-chunks@[^/]+\/chunk-\w+\.js"/);
    // d3's own entry is only the part Plot does not use, plus re-exports of the shared chunk.
    expect(d3Source.length).toBeLessThan(plotSource.length / 4);
  });

  test("copies KaTeX's stylesheet and fonts", () => {
    const katex = readdirSync(npmCache).find((f) => f.startsWith("katex@"))!;
    expect(existsSync(join(npmCache, katex, "dist", "katex.min.css"))).toBe(true);
    expect(
      readdirSync(join(npmCache, katex, "dist", "fonts")).filter((f) => f.endsWith(".woff2")).length
    ).toBeGreaterThan(10);
  });

  test("gives an unvendored library a module that explains itself", () => {
    const lodash = readdirSync(npmCache).find((f) => f.startsWith("lodash@"))!;
    expect(readFileSync(join(npmCache, lodash, "_esm.js"), "utf8")).toMatch(/not available offline/);
  });

  test("does nothing when the cache already matches", async () => {
    await expect(fillOfflineCache({npmCache, log: () => {}})).resolves.toBe(false);
  });
});

describe("the course's subset of Plot", () => {
  /** Every source file of the site that imports `npm:@observablehq/plot/course`, with its text. */
  function filesUsingCoursePlot(): [string, string][] {
    const walk = (dir: string): string[] =>
      readdirSync(dir, {withFileTypes: true}).flatMap((e) =>
        e.name.startsWith(".") || e.name === "lib"
          ? []
          : e.isDirectory()
            ? walk(join(dir, e.name))
            : /\.(js|md)$/.test(e.name)
              ? [join(dir, e.name)]
              : []
      );
    return walk("src")
      .map((file) => [file, readFileSync(file, "utf8")] as [string, string])
      .filter(([, text]) => text.includes('"npm:@observablehq/plot/course"'));
  }

  test("exports every Plot function the course's charts call", () => {
    const files = filesUsingCoursePlot();
    expect(files.length).toBeGreaterThan(3);
    for (const [file, text] of files) {
      for (const [, name] of text.matchAll(/\bPlot\.(\w+)/g)) {
        expect(COURSE_PLOT_EXPORTS, `${file} uses Plot.${name}`).toContain(name);
      }
    }
  });

  test("the unit tests' shim of the bundle exports exactly its names", async () => {
    const shim = await import("../shims/plot-course.js");
    expect(Object.keys(shim).sort()).toEqual([...COURSE_PLOT_EXPORTS, ...COURSE_D3_EXPORTS].sort());
  });

  test("is bundled next to Plot, tree-shaken and self-contained", () => {
    const plot = readdirSync(join(npmCache, "@observablehq")).find((f) => f.startsWith("plot@"))!;
    const course = readFileSync(join(npmCache, "@observablehq", plot, "course._esm.js"), "utf8");
    const full = readFileSync(join(npmCache, "@observablehq", plot, "_esm.js"), "utf8");
    expect(course).not.toMatch(/from"\.\.?\//);
    expect(course.length).toBeLessThan(full.length * 2);
  });

  test("no page loads both the subset and all of Plot or d3 (that would ship Plot twice)", () => {
    for (const [file, text] of filesUsingCoursePlot()) {
      expect(text, file).not.toMatch(/"npm:@observablehq\/plot"|"npm:d3"/);
    }
    for (const page of readdirSync("src").filter((f) => f.endsWith(".md"))) {
      const text = readFileSync(join("src", page), "utf8");
      // A page's implicit Plot or d3 (a free `Plot.` or `d3.` with no import) means the full library.
      if (/\bPlot\.\w+/.test(text)) expect(text, page).toContain('"npm:@observablehq/plot/course"');
      expect(text, page).not.toMatch(/\bd3\.\w+/);
    }
  });
});
