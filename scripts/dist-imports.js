// Checks that the local modules built pages load are all there. Framework writes each page's
// modules to dist/_import and scripts/page-bundles.js then joins and prunes them; a Framework
// upgrade that names or places them differently would leave a page importing a file that no
// longer exists, which only shows as a broken page in the browser. This finds such a page
// at build time instead (scripts/postbuild.js fails the build on it).
import {existsSync, readFileSync, readdirSync, statSync} from "node:fs";
import {dirname, join, relative, resolve, sep} from "node:path";

/** A quoted relative path to a module of _import/ in a page: `"./_import/…"`, `'../_import/…'`. */
const pageImport = /["']((?:\.\.?\/)+_import\/[^"'?#\s]+)/g;

/**
 * Relative specifiers a module imports: `from"./x.js"`, `import "./x.js"`, `import("./x.js")`,
 * and `import.meta.resolve("./x.js")` (a worker's module, scripts/page-bundles.js).
 */
const moduleImport = /\b(?:from|import|import\.meta\.resolve)\s*\(?\s*["'](\.\.?\/[^"'?#\s]+)["']/g;

/** The relative `_import/` paths a page's HTML refers to (links, scripts and imports). */
export function pageImports(html) {
  return [...new Set([...html.matchAll(pageImport)].map((match) => match[1]))];
}

/** The relative specifiers a module's text imports, statically or on demand. */
export function moduleImports(js) {
  return [...new Set([...js.matchAll(moduleImport)].map((match) => match[1]))];
}

/**
 * Every reference in dist/ to a module that does not exist: each page's `_import/` modules,
 * then, following them, every relative import of those modules (npm libraries included).
 * Returns problems as text: "sigmoid.html: imports ./_import/x.js, which is not in dist/".
 */
export function findMissingImports(dist) {
  const problems = [];
  const checked = new Set();
  const isFile = (file) => existsSync(file) && statSync(file).isFile();
  const follow = (file) => {
    if (checked.has(file) || !file.endsWith(".js")) return;
    checked.add(file);
    for (const specifier of moduleImports(readFileSync(file, "utf8"))) {
      const target = resolve(dirname(file), specifier);
      if (isFile(target)) follow(target);
      else problems.push(missing(dist, file, specifier));
    }
  };
  const pages = readdirSync(dist, {recursive: true})
    .map((name) => join(dist, name))
    .filter((file) => file.endsWith(".html"))
    .sort();
  for (const page of pages) {
    for (const specifier of pageImports(readFileSync(page, "utf8"))) {
      const target = resolve(dirname(page), specifier);
      if (isFile(target)) follow(target);
      else problems.push(missing(dist, page, specifier));
    }
  }
  return problems;
}

function missing(dist, file, specifier) {
  return `${relative(dist, file).split(sep).join("/")}: imports ${specifier}, which is not in dist/`;
}
