// Notebook mode: runs an edited cell in the page's own reactive runtime. Framework's client
// (the very module the page defined its cells with, loaded by the same URL, so the same
// instance) undefines the cell and defines it again, as its dev preview does when a page
// changes; every cell that depends on it recomputes. A runtime error shows in the cell's
// output, in Framework's error style, like any cell's; a syntax error never reaches the
// runtime (transpileCell throws it), so the cell keeps running its last good code.

// The parser loads with the first run, not with the editor: a reader who only reads the code
// does not pay for it.
let transpiler;
const loadTranspiler = () => (transpiler ??= import("./notebookTranspile.js"));

/** The page's import map with each URL made absolute (an edited cell runs from this bundle, not the page). */
export function absoluteImports(imports, base) {
  const absolute = {};
  for (const [specifier, {url, member}] of Object.entries(imports ?? {}))
    absolute[specifier] = member ? {url: new URL(url, base).href, member} : {url: new URL(url, base).href};
  return absolute;
}

/**
 * Connects to the page's runtime. Returns `{run(id, source)}`, which defines cell `id` anew
 * from `source`, or rejects with a SyntaxError (and then leaves the cell as it was).
 */
export async function connectRuntime({client, imports}, base = document.baseURI) {
  if (typeof client !== "string") throw new Error("This page's runtime could not be found");
  const {define, undefine} = await import(new URL(client, base).href);
  const resolved = absoluteImports(imports, base);
  return {
    async run(id, source) {
      const {transpileCell} = await loadTranspiler();
      const cell = transpileCell(source, {imports: resolved});
      let body;
      try {
        body = (0, eval)(`(${cell.body})`); // the reader's own code, typed here and run by their press of Run
      } catch (error) {
        throw error instanceof SyntaxError ? error : new SyntaxError(String(error?.message ?? error));
      }
      try {
        undefine(id);
      } catch {
        // a cell whose last definition failed has nothing left to undefine
      }
      define({id, inputs: cell.inputs, outputs: cell.outputs, body});
    }
  };
}
