// Notebook mode, build step: writes, for each built page, what the "Show code" switch needs
// and the page itself does not carry (src/components/notebook.js fetches it only when the
// reader turns the switch on):
//
//   dist/_notebook/pages/<page>.json = {
//     cells:    [{id, source}]          each JavaScript block cell: Framework's id, its code
//     imports:  {specifier: {url, member?}}   where the page's cells' imports went, relative
//                                      to the page (member: the module within a page bundle)
//     client:   "./_observablehq/client.….js"  the page's runtime (define, undefine)
//               (under `npm run dev`, scripts/notebook-dev.js writes the same for the page
//               the dev server renders)
//     editor:   "../editor.….js"       the lazily loaded editor, relative to this file
//     markdown: the page's Markdown source, and fences: [{id, start, end, indent}] the
//               lines of each cell's code in it, for "Download this page"
//   }
//
// The cells are found by Framework's own Markdown parser, configured as the build configures
// it (observablehq.config.ts), so ids match the built page's `define` calls exactly; the
// imports are read from those calls after scripts/page-bundles.js has rewritten them.
import {existsSync, readFileSync, readdirSync} from "node:fs";
import {mkdir, writeFile} from "node:fs/promises";
import {dirname, join, relative, sep} from "node:path";
import {Parser} from "acorn";
import {simple} from "acorn-walk";
import {readConfig} from "@observablehq/framework/dist/config.js";
import {readFrontMatter} from "@observablehq/framework/dist/frontMatter.js";

const acornOptions = {ecmaVersion: 13, sourceType: "module"};

/**
 * The JavaScript block cells of a page's Markdown, as Framework's parser `md` defines them:
 * `{id, source, start, end, indent}`, the code being lines [start, end) of `markdown`
 * (0-based, front matter counted), each indented by `indent` spaces (a fence in a list).
 */
export function markdownCells(markdown, md, path = "/page") {
  const {content} = readFrontMatter(markdown);
  if (!markdown.endsWith(content))
    throw new Error(`${path}: cannot locate the Markdown after its front matter`);
  const offset = markdown.slice(0, markdown.length - content.length).split("\n").length - 1;
  const lines = markdown.split("\n");
  const context = {code: [], startLine: 0, currentLine: 0, path};
  const tokens = md.parse(content, context);
  const fence = md.renderer.rules.fence;
  const cells = [];
  md.renderer.rules.fence = (tokens, idx, ...rest) => {
    const before = context.code.length;
    const html = fence(tokens, idx, ...rest);
    const token = tokens[idx];
    if (context.code.length > before && /^js\b/.test(token.info) && token.map) {
      const [open, close] = token.map;
      const start = offset + open + 1;
      let end = offset + close;
      const indent = lines[offset + open].match(/^ */)[0].length;
      // the closing fence, when there is one (a fence left open runs to the end)
      if (end > start && lines[end - 1].trim().startsWith(token.markup)) end--;
      const {id} = context.code[context.code.length - 1];
      cells.push({id, source: token.content.replace(/\n$/, ""), start, end, indent});
    }
    return html;
  };
  try {
    md.renderer.render(tokens, md.options, context);
  } finally {
    md.renderer.rules.fence = fence;
  }
  return cells;
}

/** The string specifiers a cell imports, in the order Framework's build loads them. */
export function importSpecifiers(source) {
  let body;
  try {
    body = Parser.parse(source, acornOptions);
  } catch {
    try {
      body = Parser.parse(`(${source}\n)`, acornOptions); // an expression cell
    } catch {
      return [];
    }
  }
  const declarations = [];
  const expressions = [];
  // a string, or a template without expressions, as Framework's build rewrites them
  const literal = (node) =>
    node.type === "Literal" && typeof node.value === "string"
      ? node.value
      : node.type === "TemplateLiteral" && node.expressions.length === 0
        ? node.quasis[0].value.cooked
        : undefined;
  simple(body, {
    ImportDeclaration: (node) => literal(node.source) !== undefined && declarations.push(node),
    ImportExpression: (node) => literal(node.source) !== undefined && expressions.push(node)
  });
  // declarations are hoisted into one Promise.all; expressions are rewritten where they stand
  expressions.sort((a, b) => a.start - b.start);
  return [...declarations, ...expressions].map((node) => literal(node.source));
}

const loadPattern = /import\("([^"]+)"\)(?:\.then\(\(module\) => module\.(m\d+)\))?/g;

/**
 * The built page's cells by id, `{mode, loads: [{url, member}]}` (the modules each cell's
 * body loads, in order), and the URL of Framework's client it defines them with.
 */
export function builtCells(html) {
  const cells = new Map();
  // built: `import {define} from "./_observablehq/client.<hash>.js"`; under `npm run dev`,
  // `import {open, define} from "./_observablehq/client.js"`
  const client = html.match(
    /import \{(?:[\w$]+, )*define(?:, [\w$]+)*\} from "([^"]+\/_observablehq\/client(?:\.[\w-]+)?\.js)"/
  )?.[1];
  const starts = [...html.matchAll(/\ndefine\(\{id: "([\w-]+)"(, mode: "(\w+)")?/g)];
  starts.forEach((match, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].index : html.indexOf("</script>", match.index);
    const text = html.slice(match.index, end);
    cells.set(match[1], {
      mode: match[3] ?? "block",
      loads: [...text.matchAll(loadPattern)].map(([, url, member]) => (member ? {url, member} : {url}))
    });
  });
  return {cells, client};
}

/** The notebook data of one page (see the top of this file), without `editor`. */
export function pageNotebook({markdown, html, md, path = "/page"}) {
  const fences = markdownCells(markdown, md, path);
  const {cells: built, client} = builtCells(html);
  const imports = {};
  const cells = [];
  for (const {id, source} of fences) {
    const cell = built.get(id);
    if (!cell) throw new Error(`${path}: cell ${id} is in the Markdown but not in the built page`);
    cells.push({id, source});
    const specifiers = importSpecifiers(source);
    if (specifiers.length !== cell.loads.length)
      throw new Error(
        `${path}: cell ${id} imports ${specifiers.length} modules but its built code loads ${cell.loads.length}`
      );
    specifiers.forEach((specifier, i) => {
      const known = imports[specifier];
      const load = cell.loads[i];
      if (known && (known.url !== load.url || known.member !== load.member))
        throw new Error(`${path}: ${specifier} is loaded from two places (${known.url}, ${load.url})`);
      imports[specifier] = load;
    });
  }
  return {
    cells,
    imports,
    client,
    markdown,
    fences: fences.map(({id, start, end, indent}) => ({id, start, end, indent}))
  };
}

/** Framework's Markdown parser as observablehq.config.ts (in `root`) configures it. */
export async function courseMarkdownIt(root) {
  await import("tsx/esm"); // the config is TypeScript, as Framework loads it
  return (await readConfig(join(root, "observablehq.config.ts"))).md;
}

/** The Markdown a built page came from: its file in src/, or a loader's output in the cache. */
export function pageSource(root, page) {
  for (const file of [join(root, `${page}.md`), join(root, ".observablehq", "cache", `${page}.md`)])
    if (existsSync(file)) return readFileSync(file, "utf8");
  return undefined;
}

/**
 * Writes dist/_notebook/pages/<page>.json for every page of `dist` built from Markdown in
 * `root`; `editor` is the editor bundle's file (scripts/notebook-bundle.js). Returns the
 * pages written.
 */
export async function writeNotebooks({dist, root, editor, md}) {
  md ??= await courseMarkdownIt(root);
  const outDir = join(dist, "_notebook", "pages");
  const written = [];
  for (const name of readdirSync(dist, {recursive: true})) {
    if (!name.endsWith(".html") || name.startsWith(`_`)) continue;
    const page = name.slice(0, -".html".length).split(sep).join("/");
    const markdown = pageSource(join(root, "src"), page);
    if (markdown === undefined) continue;
    const html = readFileSync(join(dist, name), "utf8");
    const data = pageNotebook({markdown, html, md, path: `/${page}`});
    const file = join(outDir, `${page}.json`);
    await mkdir(dirname(file), {recursive: true});
    const editorHref = relative(dirname(file), editor).split(sep).join("/");
    await writeFile(file, JSON.stringify({...data, editor: editorHref}));
    written.push(page);
  }
  return written;
}
