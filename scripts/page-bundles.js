// Joins each built page's local modules into one. Framework writes every module of
// src/components and lib/ to dist/_import as a file of its own, unminified, and a page
// preloads every one it reaches: 10 to 16 requests for one page. Over HTTP/1.1 (six
// connections per host) they queue behind one another and hold back the first paint.
// After the build, the local modules a page's cells import become one minified module in
// _import/pages/, and the page's script imports from it.
//
// - A module a page imports only when it needs it (`await import(…)` in a cell, which
//   Framework does not preload, like the formula parser of the playground) stays out of
//   the page's bundle: it gets a bundle of its own, and code both need goes to a shared
//   chunk (esbuild's code splitting), so that every module still runs once per page.
// - A module the page loads by `<script src>` (components/a11y.js, components/notebook.js)
//   stays a file of its own, imported by URL, like the npm libraries and Framework's
//   runtime; it is minified in place, as the bundles are (every page loads it).
// - Files are named by their content, so pages with the same modules (sigmoid and tanh)
//   share one, cached from one page to the next.
// - A module a page's modules start as a worker names it by `import.meta.resolve("./x.js")`
//   (the one way to do it: components/deepStatsRunner.js). Framework resolves that call and
//   builds the worker's modules; here the worker becomes one bundle of its own (a worker loads
//   alone, so it shares no chunk with the page) beside the page's bundle in _import/pages/,
//   and the call is pointed at it, so it resolves against the bundle's own URL at any base.
import {existsSync, readFileSync, readdirSync, rmSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {basename, dirname, join, relative, resolve, sep} from "node:path";
import * as esbuild from "esbuild";

/** `import("./_import/…")` in a page's script: the cells' local imports. */
const localDynamicImport = /import\("((?:\.\.?\/)+_import\/[^"]+\.js)"\)/g;
const modulePreload = /<link rel="modulepreload" href="([^"]+)">\n?/g;
const scriptSource = /<script\b[^>]*\bsrc="([^"]+)"/g;
const pageEntry = "page-entry";

const toPosix = (path) => path.split(sep).join("/");
const relativeHref = (fromDir, file) => {
  const path = toPosix(relative(fromDir, file));
  return path.startsWith(".") ? path : `./${path}`;
};

/** Keeps Framework's runtime, the npm libraries and `keptApart` out of a bundle: they load by URL. */
const outsideImports = (importRoot, keptApart, bundleDir) => ({
  name: "outside-imports",
  setup(build) {
    build.onResolve({filter: /^\.\.?\//}, (args) => {
      const file = resolve(args.resolveDir, args.path);
      if (file.startsWith(importRoot) && !keptApart.has(file)) return undefined;
      return {path: relativeHref(bundleDir, file), external: true};
    });
  }
});

/** `import.meta.resolve("./x.js")`: a module of _import named by URL, as a worker's is. */
const resolvedModule = /import\.meta\.resolve\(\s*(["'])(\.\.?\/[^"'\n]+?\.js)\1\s*\)/g;

/**
 * Bundles each module that a bundled module names by `import.meta.resolve` (a worker) into one
 * file of bundleDir, and points the call at it. `workers` (target file → bundle file) is
 * shared by the pages of one build; `written` collects the bundles for the page's files.
 */
const resolvedModules = ({dist, importRoot, keptApart, bundleDir, workers, written}) => ({
  name: "resolved-modules",
  setup(build) {
    build.onLoad({filter: /\.js$/}, async (args) => {
      if (!args.path.startsWith(importRoot)) return undefined;
      const source = readFileSync(args.path, "utf8");
      if (!source.includes("import.meta.resolve")) return undefined;
      let contents = source;
      for (const [call, , specifier] of source.matchAll(resolvedModule)) {
        const target = resolve(dirname(args.path), specifier);
        if (!existsSync(target))
          throw new Error(`${relative(dist, args.path)} resolves ${specifier}, which is not in dist/`);
        if (!workers.has(target))
          workers.set(target, bundleWorker({dist, importRoot, keptApart, bundleDir, target}));
        const file = await workers.get(target);
        written.add(file);
        contents = contents.replace(
          call,
          `import.meta.resolve(${JSON.stringify(relativeHref(bundleDir, file))})`
        );
      }
      return {contents, loader: "js", resolveDir: dirname(args.path)};
    });
  }
});

/** One self-contained, minified module of `target` and what it imports, written to bundleDir; returns its file. */
async function bundleWorker({dist, importRoot, keptApart, bundleDir, target}) {
  const result = await esbuild.build({
    entryPoints: [{in: target, out: basename(target).replace(/\.[\w-]+\.js$/, "")}],
    bundle: true,
    format: "esm",
    minify: process.env.PAGE_BUNDLES_MINIFY !== "0",
    outdir: bundleDir,
    absWorkingDir: dist,
    entryNames: "[name].[hash]",
    write: false,
    logLevel: "silent",
    plugins: [outsideImports(importRoot, keptApart, bundleDir)]
  });
  await mkdir(bundleDir, {recursive: true});
  for (const output of result.outputFiles) await writeFile(output.path, output.contents);
  return result.outputFiles.find((output) => output.path.endsWith(".js")).path;
}

/**
 * `files` and the local modules they import, directly or not (as esbuild resolves them).
 * `known` keeps the answers by file list: every page loads the same <script src> modules.
 */
async function withLocalImports(files, dist, importRoot, known = new Map()) {
  if (files.length === 0) return new Set();
  const key = [...files].sort().join("\n");
  if (!known.has(key)) known.set(key, localImportsOf(files, dist, importRoot));
  return known.get(key);
}

async function localImportsOf(files, dist, importRoot) {
  const {metafile} = await esbuild.build({
    entryPoints: files,
    bundle: true,
    format: "esm",
    write: false,
    metafile: true,
    outdir: join(dist, "_import"),
    absWorkingDir: dist,
    logLevel: "silent",
    plugins: [outsideImports(importRoot, new Set(), dist)]
  });
  return new Set(Object.keys(metafile.inputs).map((input) => resolve(dist, input)));
}

/**
 * Bundles the local modules one page imports. Returns the page's new HTML and the files of
 * _import it may load (`files`): its bundles and the modules kept apart. A page that imports
 * no local module, or was bundled already, comes back unchanged. `knownImports` (optional)
 * shares the modules kept apart between the pages of one build.
 */
export async function bundlePage({dist, pageFile, html, knownImports = new Map(), workers = new Map()}) {
  const pageDir = dirname(pageFile);
  const importRoot = join(dist, "_import") + sep;
  const bundleDir = join(dist, "_import", "pages");
  const keptApart = await withLocalImports(
    [...html.matchAll(scriptSource)]
      .map((m) => resolve(pageDir, m[1]))
      .filter((file) => file.startsWith(importRoot)),
    dist,
    importRoot,
    knownImports
  );
  const specifiers = [...new Set([...html.matchAll(localDynamicImport)].map((m) => m[1]))];
  // (a page bundled already, when this runs twice on one build, keeps its bundles)
  if (specifiers.length === 0 || specifiers.some((s) => resolve(pageDir, s).startsWith(bundleDir + sep)))
    return {html, files: keptApart};

  // Framework preloads what a cell imports statically; what it does not preload is loaded lazily.
  const preloaded = new Set([...html.matchAll(modulePreload)].map((m) => resolve(pageDir, m[1])));
  const eager = specifiers.filter((s) => preloaded.has(resolve(pageDir, s)));
  const lazy = specifiers.filter((s) => !preloaded.has(resolve(pageDir, s)));
  const written = new Set(); // the workers' bundles this page starts
  const result = await esbuild.build({
    entryPoints: [
      ...(eager.length ? [{in: pageEntry, out: "page"}] : []),
      ...lazy.map((s) => ({in: resolve(pageDir, s), out: basename(s).replace(/\.[\w-]+\.js$/, "")}))
    ],
    bundle: true,
    splitting: true,
    format: "esm",
    minify: process.env.PAGE_BUNDLES_MINIFY !== "0", // =0: readable bundles, for profiling a page
    outdir: bundleDir,
    absWorkingDir: dist, // paths in names' hashes relative to dist/, so the same on every machine
    entryNames: "[name].[hash]",
    chunkNames: "chunk.[hash]",
    metafile: true,
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "page-entry",
        setup(build) {
          build.onResolve({filter: new RegExp(`^${pageEntry}$`)}, () => ({
            path: pageEntry,
            namespace: pageEntry
          }));
          build.onLoad({filter: /.*/, namespace: pageEntry}, () => ({
            contents: eager
              .map((s, i) => `export * as m${i} from ${JSON.stringify(resolve(pageDir, s))};`)
              .join("\n"),
            resolveDir: pageDir
          }));
        }
      },
      outsideImports(importRoot, keptApart, bundleDir),
      resolvedModules({dist, importRoot, keptApart, bundleDir, workers, written})
    ]
  });
  await mkdir(bundleDir, {recursive: true});
  for (const output of result.outputFiles) await writeFile(output.path, output.contents);

  const outputs = Object.entries(result.metafile.outputs).map(([path, output]) => ({
    file: resolve(dist, path),
    ...output
  }));
  const outputOf = (entryPoint) => outputs.find((output) => output.entryPoint === entryPoint).file;
  const page = eager.length ? outputOf(`${pageEntry}:${pageEntry}`) : undefined;
  const href = (file) => relativeHref(pageDir, file);
  let rewritten = html.replace(localDynamicImport, (_, specifier) => {
    if (eager.includes(specifier))
      return `import("${href(page)}").then((module) => module.m${eager.indexOf(specifier)})`;
    return `import("${href(outputOf(toPosix(relative(dist, resolve(pageDir, specifier)))))}")`;
  });
  // the page's bundle and the chunks it imports take the place of the modules it replaces
  const pagePreloads = page
    ? [
        page,
        ...outputs
          .find((o) => o.file === page)
          // a chunk the bundle imports on demand (`import(…)` in a module) is not preloaded
          .imports.filter((i) => !i.external && i.kind !== "dynamic-import")
          .map((i) => resolve(dist, i.path))
      ]
    : [];
  let inserted = false;
  rewritten = rewritten.replace(modulePreload, (link, preloadHref) => {
    const file = resolve(pageDir, preloadHref);
    if (!file.startsWith(importRoot) || keptApart.has(file)) return link;
    if (inserted) return "";
    inserted = true;
    return pagePreloads.map((file) => `<link rel="modulepreload" href="${href(file)}">\n`).join("");
  });
  const files = new Set([...keptApart, ...outputs.map((output) => output.file), ...written]);
  // Any other mention of a bundled module would load a second copy of it.
  for (const match of rewritten.matchAll(/["'(]((?:\.\.?\/)+_import\/[^"')]+\.js)/g)) {
    if (!files.has(resolve(pageDir, match[1])))
      throw new Error(`${relative(dist, pageFile)} loads ${match[1]} outside its bundles`);
  }
  return {html: rewritten, files};
}

/**
 * Bundles every page in `dist`, then deletes the modules of _import that no page loads any
 * more (bundles are kept: Framework empties dist/ before it builds). Returns the number of
 * pages bundled.
 */
export async function bundlePages(dist) {
  const used = new Set();
  const knownImports = new Map();
  const workers = new Map();
  let count = 0;
  const files = (dir) => readdirSync(dir, {recursive: true}).map((name) => join(dir, name));
  for (const pageFile of files(dist).filter((file) => file.endsWith(".html"))) {
    const before = readFileSync(pageFile, "utf8");
    const {html, files} = await bundlePage({dist, pageFile, html: before, knownImports, workers});
    files.forEach((file) => used.add(file));
    if (html === before) continue;
    await writeFile(pageFile, html);
    count++;
  }
  const bundleDir = join(dist, "_import", "pages") + sep;
  for (const file of files(join(dist, "_import"))) {
    if (!file.endsWith(".js") || file.startsWith(bundleDir)) continue;
    if (!used.has(file)) rmSync(file);
    else if (process.env.PAGE_BUNDLES_MINIFY !== "0") {
      const {code} = await esbuild.transform(readFileSync(file, "utf8"), {
        loader: "js",
        format: "esm",
        minify: true
      });
      await writeFile(file, code);
    }
  }
  return count;
}
