#!/usr/bin/env node
// Fills Framework's npm cache (.observablehq/cache/_npm) from node_modules so that
// `observable preview` and `observable build` never reach a CDN or the npm registry.
//
// Framework 1.13 looks for `<root>/.observablehq/cache/_npm/<name>@<version>/_esm.js`
// before fetching, and resolves versions from the folder names it finds there. We bundle
// every browser library the course uses with esbuild *code splitting*, so shared code
// (d3 inside Plot, htl inside Inputs, ...) lands in chunks that each page loads at most
// once: no library is shipped twice and a page that uses only Plot loads only the parts
// of d3 Plot needs. Libraries the course does not use get an empty version folder, which
// answers Framework's version lookups without the registry.
import {createHash} from "node:crypto";
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {cp, mkdir, readFile, rm, writeFile} from "node:fs/promises";
import {dirname, join, relative} from "node:path";
import {fileURLToPath} from "node:url";
import * as esbuild from "esbuild";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const sourceRoot = join(projectRoot, "src");
const defaultNpmCache = join(sourceRoot, ".observablehq", "cache", "_npm");

/**
 * Browser libraries served from node_modules: package name and extra files to copy.
 * (Inputs is not listed: Framework bundles its own copy into its stdlib, importing htl and
 * isoformat from here.)
 */
export const VENDORED = [
  {name: "@observablehq/plot"},
  {name: "d3"},
  {name: "d3-dsv"},
  {name: "htl"},
  {name: "isoformat"},
  {name: "katex", entry: "dist/katex.mjs", files: ["dist/katex.min.css", "dist/fonts"]}
];

/**
 * The parts of Plot the course's charts use, served as `npm:@observablehq/plot/course`: one
 * tree-shaken bundle (Plot's core, these marks, and only the d3 functions they call) of
 * about 90 KB gzip instead of 160 KB for all of Plot. Charts in src/components import it;
 * a page's implicit `Plot` is still all of Plot. test/scripts/offline-cache.test.ts checks
 * that every `Plot.name` a file importing this entry uses is listed here.
 */
export const COURSE_PLOT_EXPORTS = [
  "plot",
  "areaY",
  "cell",
  "dot",
  "frame",
  "line",
  "lineY",
  "rect",
  "ruleX",
  "ruleY",
  "text"
];

/**
 * The parts of d3 the charts use directly, all of which Plot bundles anyway: the tick rules of
 * a linear axis (for re-ticking an axis in place as Plot would draw it), and the symbol
 * generators of the dot mark and the path writer they draw into (for legend swatches and
 * markers drawn in place).
 */
export const COURSE_D3_EXPORTS = [
  "nice",
  "pathRound",
  "tickFormat",
  "ticks",
  "symbol",
  "symbolAsterisk",
  "symbolCircle",
  "symbolCross",
  "symbolDiamond",
  "symbolDiamond2",
  "symbolPlus",
  "symbolSquare",
  "symbolStar",
  "symbolTimes",
  "symbolTriangle",
  "symbolTriangle2",
  "symbolWye"
];

/** Where shared chunks live; named like a package folder so Framework's version scan accepts it. */
const CHUNKS = "offline-chunks@1.0.0";
/** Version given to the placeholder folders of libraries the course does not vendor. */
const PLACEHOLDER = "0.0.0-not-vendored";

function packageDir(name) {
  return join(projectRoot, "node_modules", name);
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")).version;
}

/** Library names the Framework client may ask for (`npm:name` in its stdlib). */
export function frameworkClientLibraries() {
  const clientDir = join(packageDir("@observablehq/framework"), "dist", "client");
  const names = new Set();
  for (const name of readdirSync(clientDir, {recursive: true})) {
    if (!name.endsWith(".js")) continue;
    for (const [, specifier] of readFileSync(join(clientDir, name), "utf8").matchAll(/"npm:([^"]+)"/g)) {
      const parts = specifier.split("/");
      names.add(specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
    }
  }
  return names;
}

/**
 * d3's own ESM build is one big file, and esbuild splits code per file: Plot's share of
 * d3 would drag the whole of d3 into the chunk it shares with the `d3` entry. Resolving
 * `d3` to re-exports of its modules (d3-array, d3-scale, ...) keeps the split fine-grained.
 */
function d3FromModules() {
  const modules = Object.keys(
    JSON.parse(readFileSync(join(packageDir("d3"), "package.json"), "utf8")).dependencies
  );
  return {
    name: "d3-from-modules",
    setup(build) {
      build.onResolve({filter: /^d3$/}, () => ({path: "d3", namespace: "d3-from-modules"}));
      build.onLoad({filter: /.*/, namespace: "d3-from-modules"}, () => ({
        contents: modules.map((name) => `export * from ${JSON.stringify(name)};`).join("\n"),
        resolveDir: projectRoot
      }));
    }
  };
}

/**
 * Builds `@observablehq/plot@<version>/course._esm.js` from Plot's source files directly (not
 * its index, which would pull in every mark), d3 included and tree-shaken. It stays out of the
 * code-splitting pass on purpose: esbuild splits per file, and d3's modules are one file each,
 * so sharing with the `d3` entry would bring back most of d3.
 */
async function bundleCoursePlot(npmCache) {
  const plotDir = packageDir("@observablehq/plot");
  const index = readFileSync(join(plotDir, "src", "index.js"), "utf8");
  const sources = new Map();
  for (const [, names, file] of index.matchAll(/export\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    for (const name of names.split(",").map((n) => n.trim())) sources.set(name, join(plotDir, "src", file));
  }
  const contents = COURSE_PLOT_EXPORTS.map((name) => {
    if (!sources.has(name))
      throw new Error(`Plot ${packageVersion("@observablehq/plot")} exports no ${name}`);
    return `export {${name}} from ${JSON.stringify(sources.get(name))};`;
  }).join("\n");
  const d3Exports = `export {${COURSE_D3_EXPORTS.join(", ")}} from "d3";`;
  await esbuild.build({
    stdin: {contents: `${contents}\n${d3Exports}`, resolveDir: projectRoot, sourcefile: "plot-course.js"},
    outfile: join(npmCache, `@observablehq/plot@${packageVersion("@observablehq/plot")}`, "course._esm.js"),
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    logLevel: "warning"
  });
}

/** A fingerprint of everything that decides the cache's contents. */
function fingerprint() {
  const hash = createHash("sha256");
  hash.update(readFileSync(fileURLToPath(import.meta.url)));
  hash.update(COURSE_PLOT_EXPORTS.join() + COURSE_D3_EXPORTS.join());
  for (const {name} of VENDORED) hash.update(`${name}@${packageVersion(name)}\n`);
  hash.update(`framework@${packageVersion("@observablehq/framework")}`);
  return hash.digest("hex");
}

/**
 * Fills `npmCache` (by default the one Framework reads) unless it already matches the
 * installed packages. Returns whether it wrote anything.
 */
export async function fillOfflineCache({npmCache = defaultNpmCache, force = false, log = console.log} = {}) {
  const stamp = join(npmCache, ".offline-cache-stamp");
  const expected = fingerprint();
  if (!force && existsSync(stamp) && (await readFile(stamp, "utf8")) === expected) return false;

  // Stale version folders would win Framework's version lookup, so start from nothing.
  await rm(npmCache, {recursive: true, force: true});
  await mkdir(npmCache, {recursive: true});

  const entryPoints = {};
  for (const {name, entry} of VENDORED) {
    const dir = packageDir(name);
    // Bare names resolve through each package's own "exports"/"module" fields.
    entryPoints[`${name}@${packageVersion(name)}/_esm`] = entry ? join(dir, entry) : name;
  }
  await esbuild.build({
    entryPoints,
    absWorkingDir: projectRoot,
    outdir: npmCache,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    logLevel: "warning",
    plugins: [d3FromModules()]
  });

  await bundleCoursePlot(npmCache);

  for (const {name, files = []} of VENDORED) {
    const target = join(npmCache, `${name}@${packageVersion(name)}`);
    for (const file of files) await cp(join(packageDir(name), file), join(target, file), {recursive: true});
  }

  const vendored = new Set(VENDORED.map(({name}) => name));
  const placeholders = [...frameworkClientLibraries()].filter((name) => !vendored.has(name)).sort();
  for (const name of placeholders) {
    const dir = join(npmCache, `${name}@${PLACEHOLDER}`);
    await mkdir(dir, {recursive: true});
    // Loaded only if a page uses a library we do not serve offline: fail with a clear message.
    await writeFile(
      join(dir, "_esm.js"),
      `throw new Error(${JSON.stringify(`npm:${name} is not available offline; add it to VENDORED in scripts/offline-cache.js`)});\n`
    );
  }

  await writeFile(stamp, expected);
  log(
    `offline cache: ${VENDORED.length} libraries bundled, ${placeholders.length} placeholders → ${relative(projectRoot, npmCache)}`
  );
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await fillOfflineCache({force: process.argv.includes("--force")});
}
