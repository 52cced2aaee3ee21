// scripts/formula-cache.js: the formulas typeset at build time are typeset again whenever
// anything they are made from is newer than Framework's cached copy.
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {dirname, join, relative, resolve} from "node:path";
import {describe, expect, test} from "vitest";
import {
  clearStaleFormulas,
  clearStalePages,
  formulaCachePath,
  formulaLoaderInputs,
  isNewerThanAll,
  watchFormulaInputs
} from "../../scripts/formula-cache.js";

const at = (file: string, seconds: number) => utimesSync(file, seconds, seconds);

/** A project with the loader's inputs written at t = 1000 s and a cached output at t = 2000 s. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "formula-cache-"));
  for (const dir of ["lib/nested", "src/components", "src/data", "scripts", "src/.observablehq/cache/data"])
    mkdirSync(join(root, dir), {recursive: true});
  for (const file of [
    "lib/activations.ts",
    "lib/nested/deep.ts",
    "observablehq.config.ts",
    "src/components/yourOwnExamples.js",
    "scripts/markdown-tex.js",
    "package-lock.json",
    "src/data/formulas.json.ts"
  ]) {
    writeFileSync(join(root, file), "x");
    at(join(root, file), 1000);
  }
  for (const dir of ["lib", "lib/nested"]) at(join(root, dir), 1000);
  writeFileSync(formulaCachePath(root), "{}");
  at(formulaCachePath(root), 2000);
  return root;
}

describe("isNewerThanAll", () => {
  test("an output is fresh only when written after every input, all of which exist", () => {
    const dir = mkdtempSync(join(tmpdir(), "fresh-"));
    const [input, other, output] = ["a.ts", "b.ts", "out.json"].map((name) => join(dir, name));
    for (const file of [input, other, output]) writeFileSync(file, "x");
    at(input, 1000);
    at(other, 2000);
    at(output, 3000);
    expect(isNewerThanAll(output, [input, other])).toBe(true);
    at(other, 4000); // an input changed after the output was written
    expect(isNewerThanAll(output, [input, other])).toBe(false);
    expect(isNewerThanAll(output, [input, join(dir, "missing.ts")])).toBe(false);
    expect(isNewerThanAll(join(dir, "none.json"), [input])).toBe(false);
  });
});

describe("clearStaleFormulas", () => {
  test("keeps cached formulas written after everything the loader reads", () => {
    const root = project();
    expect(clearStaleFormulas(root)).toBe(false);
    expect(existsSync(formulaCachePath(root))).toBe(true);
  });

  test("deletes them when any one input is newer, a record's TeX in lib/ at any depth included", () => {
    const template = project();
    const inputs = formulaLoaderInputs(template).map((file) => relative(template, file));
    expect(inputs).toContain(join("lib", "nested", "deep.ts"));
    expect(inputs).toHaveLength(9); // lib/ itself, its two modules and one folder, and five files
    for (const input of inputs) {
      const root = project();
      at(join(root, input), 3000);
      expect(clearStaleFormulas(root), input).toBe(true);
      expect(existsSync(formulaCachePath(root)), input).toBe(false);
    }
  });

  test("deletes them when a module is added to lib/ or removed from it", () => {
    const root = project();
    writeFileSync(join(root, "lib", "added.ts"), "x");
    expect(clearStaleFormulas(root)).toBe(true);
    const other = project();
    rmSync(join(other, "lib", "nested", "deep.ts"));
    expect(clearStaleFormulas(other)).toBe(true);
  });

  test("does nothing when nothing is cached yet", () => {
    const root = project();
    at(join(root, "lib", "activations.ts"), 3000);
    clearStaleFormulas(root);
    expect(clearStaleFormulas(root)).toBe(false);
  });
});

describe("watchFormulaInputs", () => {
  test("while the dev server runs, an edit to lib/ clears the cache within a moment", async () => {
    const root = project();
    let cleared = 0;
    const stop = watchFormulaInputs(root, () => cleared++);
    try {
      expect(existsSync(formulaCachePath(root))).toBe(true);
      writeFileSync(join(root, "lib", "nested", "deep.ts"), "y");
      await expect.poll(() => existsSync(formulaCachePath(root)), {timeout: 5000}).toBe(false);
      expect(cleared).toBe(1);
    } finally {
      stop();
    }
  });

  test("clears a cache that is already stale when it starts", () => {
    const root = project();
    at(join(root, "observablehq.config.ts"), 3000);
    const stop = watchFormulaInputs(root);
    stop();
    expect(existsSync(formulaCachePath(root))).toBe(false);
  });
});

describe("formulaLoaderInputs", () => {
  test("cover every local module the loader imports", () => {
    const loader = resolve("src/data/formulas.json.ts");
    const inputs = new Set(formulaLoaderInputs(resolve(".")));
    expect(inputs.has(loader)).toBe(true);
    expect(inputs.has(resolve("lib/activations.ts"))).toBe(true);
    const imported = [...readFileSync(loader, "utf8").matchAll(/from "(\.[^"]+)"/g)].map((m) =>
      resolve(dirname(loader), m[1])
    );
    expect(imported.length).toBeGreaterThan(2);
    for (const file of imported) {
      // TypeScript is imported by its .js name
      const source = existsSync(file) ? file : file.replace(/\.js$/, ".ts");
      expect(inputs.has(source), source).toBe(true);
    }
  });
});

describe("clearStalePages", () => {
  /** The project above plus a page loader (src/glossary.md.js) whose cached page is fresh. */
  function withPageLoader(): {root: string; cached: string} {
    const root = project();
    for (const dir of ["src", "src/components"]) at(join(root, dir), 1000);
    writeFileSync(join(root, "src/glossary.md.js"), "x");
    at(join(root, "src/glossary.md.js"), 1000);
    const cached = join(root, "src/.observablehq/cache/glossary.md");
    writeFileSync(cached, "# Glossary");
    at(cached, 2000);
    return {root, cached};
  }

  test("keeps a loader-written page written after everything its loader reads", () => {
    const {root, cached} = withPageLoader();
    expect(clearStalePages(root)).toEqual([]);
    expect(existsSync(cached)).toBe(true);
  });

  test.each([
    "src/glossary.md.js",
    "src/components/yourOwnExamples.js",
    "lib/nested/deep.ts",
    "observablehq.config.ts"
  ])("clears the cached page when %s is newer", (file) => {
    const {root, cached} = withPageLoader();
    at(join(root, file), 3000);
    expect(clearStalePages(root)).toEqual([cached]);
    expect(existsSync(cached)).toBe(false);
  });
});
