import {readFileSync} from "node:fs";
import {activations} from "./lib/index.js";
import {gatedReferences} from "./lib/gated.js";
import {lossReferences} from "./lib/losses.js";
import markdownTex from "./scripts/markdown-tex.js";

const katexVersion: string = JSON.parse(readFileSync("node_modules/katex/package.json", "utf8")).version;

// Telemetry would try the network; the course builds offline.
process.env.OBSERVABLE_TELEMETRY_DISABLE = "1";

/** The course, in the order of the source document. */
export const coursePages = [
  {name: "Why activation functions?", path: "/why-activation-functions"},
  {name: "Sigmoid", path: "/sigmoid"},
  {name: "Tanh", path: "/tanh"},
  {name: "ReLU", path: "/relu"},
  {name: "Leaky ReLU", path: "/leaky-relu"},
  {name: "Linear", path: "/linear"},
  {name: "Why derivatives matter", path: "/backpropagation"},
  {name: "Output layers and losses", path: "/losses"},
  {name: "Initialisation that fits the activation", path: "/initialisation"},
  {name: "Summary table", path: "/summary"},
  {name: "TL;DR", path: "/tldr"},
  {
    name: "Beyond the document",
    open: true,
    pages: [
      {name: "Playground: train a network", path: "/playground"},
      {name: "More activations", path: "/more-activations"},
      {name: "Invent your own", path: "/your-own"}
    ]
  },
  {name: "Glossary", path: "/glossary"},
  {name: "Further reading", path: "/further-reading"},
  {name: "Print the course", path: "/print"}
];

/**
 * The TeX of lib/'s activation records by name, for `$@sigmoid.f$` in Markdown:
 * `<id>.name`, `<id>.f`, `<id>.df`, `<id>.dfInTermsOfF` and `<id>.range`; and the name
 * applied to z, `<id>.fz` (`\sigma(z)`) and `<id>.dfz` (`\sigma'(z)`), which live formulas
 * swap in when the reader picks another activation. src/data/formulas.json.ts typesets
 * every one of them at build time for content that pages generate in JavaScript.
 */
export function formulaReferences(
  records: Record<string, {tex: Record<string, string | undefined>; range: {tex: string}}> = activations
) {
  const references: Record<string, string> = {};
  for (const [id, {tex, range}] of Object.entries(records)) {
    for (const [key, value] of Object.entries(tex))
      if (value !== undefined) references[`${id}.${key}`] = value;
    references[`${id}.range`] = range.tex;
    if (tex.name?.endsWith("(x)")) {
      references[`${id}.fz`] = `${tex.name.slice(0, -3)}(z)`;
      references[`${id}.dfz`] = `${tex.name.slice(0, -3)}'(z)`;
    }
  }
  return references;
}

/** The relative prefix from a page at `path` to the site root ("./" for top-level pages). */
function rootRelative(path: string): string {
  const depth = path.split("/").length - 2;
  return depth > 0 ? "../".repeat(depth) : "./";
}

export default {
  root: "src",
  // COURSE_DIST lets parallel builds (e.g. separate test runs) write to separate folders.
  output: process.env.COURSE_DIST ?? "dist",
  title: "Activation Functions & Derivatives",
  pages: coursePages,
  pager: true,
  search: true,
  toc: {show: true, label: "On this page"},
  // Framework's default styles with the light and dark themes, and the course's colours.
  style: "style.css",
  // The default theme links a web font from another origin; the published site requests
  // nothing from any origin but its own, so text uses the system serif stack.
  globalStylesheets: [],
  // KaTeX's stylesheet, for formulas rendered at build time, comes from the local npm cache
  // (scripts/postbuild.js copies it and its fonts into dist/). rel="external" keeps
  // Framework from treating the href as a source file; the browser still loads it.
  head: ({
    path
  }: {
    path: string;
  }) => `<meta name="description" content="An interactive course on activation functions and their derivatives: sigmoid, tanh, ReLU, Leaky ReLU, linear, and backpropagation.">
<link rel="icon" href="data:,">
<link rel="stylesheet external" href="${rootRelative(path)}_npm/katex@${katexVersion}/dist/katex.min.css">
<script type="module" src="${rootRelative(path)}components/a11y.js"></script>
<meta name="course-notebook" content="${rootRelative(path)}_notebook/pages${path}.json">
<script type="module" src="${rootRelative(path)}components/notebook.js"></script>`,
  // Notebook mode's switch (src/components/notebook.js; the page's cells and the editor load
  // only once it is turned on, see "Notebook mode" in README.md).
  header:
    '<div class="notebook-bar"><button type="button" class="notebook-switch" aria-pressed="false" disabled>Show code</button><span class="notebook-loading" role="status"></span></div>',
  footer:
    "An interactive course on activation functions and their derivatives. Every number on these pages is computed live by the course's tested math library.",
  preserveIndex: false,
  preserveExtension: false,
  markdownIt: (md: any) =>
    md.use(markdownTex, {references: {...formulaReferences(), ...gatedReferences(), ...lossReferences()}})
};
