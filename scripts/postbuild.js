// Run by scripts/build.js after Framework's build (finishDist). Makes dist/ self-contained
// and accessible, and fails the build when it is not:
//  - points the 404 page's <base> at where the site is published (COURSE_BASE);
//  - mends Framework's page chrome where accessibility checkers object (see fixPageHtml);
//  - writes THIRD-PARTY-NOTICES.txt, the licences of what dist/ redistributes (notices.js);
//  - copies KaTeX's stylesheet and fonts (formulas are rendered at build time, so no page
//    imports KaTeX at load, and Framework would not copy what the stylesheet needs), and
//    preloads on each page the fonts its formulas use (katex-fonts.js);
//  - joins each page's local modules into one (see page-bundles.js);
//  - writes notebook mode's files: each page's cells and the lazily loaded editor, and lets
//    Framework's client undefine a cell (notebook-sources.js, notebook-bundle.js,
//    notebook-client.js);
//  - fails if a page holds a cell error (`observablehq--error`), which Framework writes into
//    the HTML while still exiting 0, a formula KaTeX could not typeset (`katex-error`), or
//    one that reached the page untypeset, as `$…$` inside raw HTML does;
//  - fails if a page or stylesheet loads anything from another origin;
//  - fails if a page, after bundling, imports a module that is not in dist/ (dist-imports.js);
//  - checks the formulas typeset at build time by src/data/formulas.json.ts the same way
//    (scripts/formula-cache.js, run before the build, keeps them fresh).
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {cp, writeFile} from "node:fs/promises";
import {dirname, join, relative, resolve} from "node:path";
import {fileURLToPath} from "node:url";
import {findMissingImports} from "./dist-imports.js";
import {preloadKatexFonts} from "./katex-fonts.js";
import {bundleNotebookEditor} from "./notebook-bundle.js";
import {patchClients} from "./notebook-client.js";
import {writeNotebooks} from "./notebook-sources.js";
import {thirdPartyNotices} from "./notices.js";
import {bundlePages} from "./page-bundles.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/**
 * Framework's page template, mended: a document language; zoom allowed on phones; the
 * sidebar toggle exposed as the toggle button it is, with a name; names for the search box and the navigation landmarks; and the sidebar's close
 * label moved out of its list (a list holds only items). Each edit is a no-op when the markup
 * it expects is absent, so a Framework upgrade cannot break a page, only skip a mend.
 */
export function fixPageHtml(html) {
  return (
    html
      .replace(/<html(?![^>]*\blang=)/, '<html lang="en"')
      .replace(/(<meta name="viewport" content="[^"]*?),\s*maximum-scale=1/, "$1")
      // A toggle button (src/components/a11y.js keeps aria-pressed in step with the checkbox).
      .replace(
        /<input id="observablehq-sidebar-toggle"(?![^>]*aria-label)/,
        '<input id="observablehq-sidebar-toggle" role="button" aria-pressed="false" aria-label="Toggle sidebar"'
      )
      .replace(/<nav id="observablehq-sidebar">/, '<nav id="observablehq-sidebar" aria-label="Course">')
      .replace(
        /(<div id="observablehq-search"><input type="search")(?! aria-label)/,
        '$1 aria-label="Search the course"'
      )
      .replace(/(<footer id="observablehq-footer">\s*)<nav>/, '$1<nav aria-label="Previous and next page">')
      .replace(/<ol>\s*(<label id="observablehq-sidebar-close"[^>]*><\/label>)/, "$1\n  <ol>")
  );
}

/**
 * The 404 page for a site published at `base` (COURSE_BASE, e.g. "/course/" for a GitHub
 * Pages project site; "/" by default). A host sends 404.html for a missing page at any
 * depth, so its links cannot be relative to where it is served: Framework gives it a
 * `<base href="/">`, and this points that at `base` instead.
 */
export function notFoundPageAt(html, base) {
  if (!/^\/([^"<>\s]*\/)?$/.test(base))
    throw new Error(`COURSE_BASE must start and end with "/", got ${JSON.stringify(base)}`);
  return html.replace(/<base href="[^"]*">/, `<base href="${base}">`);
}

const katexStylesheet = /<link rel="stylesheet external" href="[^"]*katex\.min\.css">\n?/;

/**
 * Drops KaTeX's stylesheet from a page that shows no formula: none was rendered into it at
 * build time, its own script never mentions KaTeX, and no module it preloads does
 * (`moduleText(href)` reads one, or returns undefined). Saves the page a stylesheet it
 * would not use.
 */
export function dropUnusedKatexStylesheet(html, moduleText) {
  if (!katexStylesheet.test(html)) return html;
  const rest = html.replace(katexStylesheet, "");
  if (/katex/i.test(rest)) return html;
  for (const [, href] of rest.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)) {
    if (/katex/i.test(moduleText(href) ?? "katex")) return html;
  }
  return rest;
}

/** Problems in a built page's HTML: error cells and resources from other origins. */
export function findHtmlProblems(html) {
  const problems = [];
  if (html.includes("observablehq--error")) problems.push("contains a cell error (observablehq--error)");
  for (const match of html.matchAll(/class="katex-error"[^>]*>([^<]*)/g))
    problems.push(`malformed formula: ${match[1]}`);
  for (const tex of untypesetTex(html)) problems.push(`TeX left untypeset: ${tex}`);
  const external =
    /<(?:script|img|iframe|source|video|audio|embed)\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\/|<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\//gi;
  for (const match of html.matchAll(external)) problems.push(`loads from another origin: ${match[0]}`);
  return problems;
}

/**
 * Formulas written as `$…$` that reached the reader as text: Markdown typesets them only in
 * its own paragraphs, lists and tables, not inside a block of raw HTML (`<ul><li>…`). Text in
 * scripts, styles and code is not prose; a `$` before a digit is a price.
 */
export function untypesetTex(html) {
  const text = html
    .replace(/<(script|style|pre|code|textarea)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, "\u0000");
  return Array.from(text.matchAll(/\$(?![\s\d{$])[^$\u0000\n]{0,200}?[^\s$\u0000]\$/g), (match) => match[0]);
}

/** Malformed formulas in a data file of typeset formulas (src/data/formulas.json.ts). */
export function findJsonProblems(json) {
  const problems = [];
  const visit = (value) => {
    if (typeof value === "string") {
      for (const match of value.matchAll(/class="katex-error"[^>]*>([^<]*)/g))
        problems.push(`malformed formula: ${match[1]}`);
    } else if (value && typeof value === "object") Object.values(value).forEach(visit);
  };
  visit(JSON.parse(json));
  return problems;
}

/** Problems in a built stylesheet: imports or urls from other origins. */
export function findCssProblems(css) {
  const problems = [];
  for (const match of css.matchAll(/(?:@import\s+|url\(\s*)["']?(?:https?:)?\/\/[^"')\s]*/gi)) {
    problems.push(`loads from another origin: ${match[0]}`);
  }
  return problems;
}

/** Copies KaTeX's stylesheet and the fonts it refers to from the offline cache into dist/. */
async function copyKatexStyles(dist, cacheNpm) {
  for (const entry of readdirSync(cacheNpm)) {
    if (!entry.startsWith("katex@")) continue;
    await cp(
      join(cacheNpm, entry, "dist", "katex.min.css"),
      join(dist, "_npm", entry, "dist", "katex.min.css")
    );
    await cp(join(cacheNpm, entry, "dist", "fonts"), join(dist, "_npm", entry, "dist", "fonts"), {
      recursive: true
    });
  }
}

/** Mends, then checks, every page and stylesheet in dist/; returns the problems found. */
export async function finishDist({
  dist = resolve(projectRoot, process.env.COURSE_DIST ?? "dist"),
  cacheNpm = join(projectRoot, "src", ".observablehq", "cache", "_npm"),
  base = process.env.COURSE_BASE || "/"
} = {}) {
  await copyKatexStyles(dist, cacheNpm);
  await writeFile(join(dist, "THIRD-PARTY-NOTICES.txt"), thirdPartyNotices());
  await bundlePages(dist);
  await patchClients(dist);
  await writeNotebooks({
    dist,
    root: projectRoot,
    editor: await bundleNotebookEditor({dist, root: projectRoot})
  });
  const problems = [];
  // pages share their modules: each is read once
  const modules = new Map();
  const moduleText = (path) => {
    if (!modules.has(path)) modules.set(path, existsSync(path) ? readFileSync(path, "utf8") : undefined);
    return modules.get(path);
  };
  for (const file of readdirSync(dist, {recursive: true}).map((name) => join(dist, name))) {
    const name = relative(dist, file);
    if (file.endsWith(".html")) {
      let html = preloadKatexFonts(
        dropUnusedKatexStylesheet(fixPageHtml(readFileSync(file, "utf8")), (href) =>
          moduleText(join(dirname(file), href))
        )
      );
      if (name === "404.html") html = notFoundPageAt(html, base);
      await writeFile(file, html);
      problems.push(...findHtmlProblems(html).map((p) => `${name}: ${p}`));
    } else if (file.endsWith(".css"))
      problems.push(...findCssProblems(readFileSync(file, "utf8")).map((p) => `${name}: ${p}`));
    else if (/^_file[\\/]data[\\/]formulas\./.test(name))
      problems.push(...findJsonProblems(readFileSync(file, "utf8")).map((p) => `${name}: ${p}`));
  }
  problems.push(...findMissingImports(dist));
  return problems;
}
