// Keeps the formulas typeset at build time (src/data/formulas.json.ts) in step with the TeX
// they are made from. Framework reruns a data loader only when its cached output is older
// than the loader file itself, so an edit to a record's TeX in lib/ would go on being served
// from the old output, in `npm run dev` and `npm run build` alike. The rule here: the cached
// output is deleted whenever anything the loader reads is newer than it, and Framework then
// runs the loader again the next time a page asks for the file.
// scripts/build.js clears a stale cache once before a build (clearStaleFormulas,
// clearStalePages); scripts/dev.js keeps watching while `npm run dev` runs (watchFormulaInputs).
import {existsSync, readdirSync, rmSync, statSync} from "node:fs";
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Where Framework keeps the loader's output (`src/.observablehq/cache/data/formulas.json`). */
export function formulaCachePath(root = projectRoot) {
  return join(root, "src", ".observablehq", "cache", "data", "formulas.json");
}

/** What src/data/formulas.json.ts reads: the records' TeX (lib/, its folders too, whose
 * times change when a module is added or removed), the config's list of formulas,
 * /your-own's examples, the TeX renderer, KaTeX (its version is in the lockfile; npm keeps a
 * package's own file times), and the loader. */
export function formulaLoaderInputs(root = projectRoot) {
  return [
    join(root, "lib"),
    ...readdirSync(join(root, "lib"), {recursive: true}).map((name) => join(root, "lib", name)),
    join(root, "observablehq.config.ts"),
    join(root, "src", "components", "yourOwnExamples.js"),
    join(root, "scripts", "markdown-tex.js"),
    join(root, "package-lock.json"),
    join(root, "src", "data", "formulas.json.ts")
  ];
}

/** True when `output` was written after every one of `inputs` (a missing one counts as new). */
export function isNewerThanAll(output, inputs) {
  if (!existsSync(output)) return false;
  const written = statSync(output).mtimeMs;
  return inputs.every((input) => existsSync(input) && statSync(input).mtimeMs <= written);
}

/**
 * Deletes the cached formulas unless they were written after everything the loader reads.
 * Returns true when it deleted them.
 */
export function clearStaleFormulas(root = projectRoot) {
  const cached = formulaCachePath(root);
  if (!existsSync(cached) || isNewerThanAll(cached, formulaLoaderInputs(root))) return false;
  rmSync(cached, {force: true});
  return true;
}

/** The pages written by a loader (src/<name>.md.js or .md.ts: the glossary, further reading,
 * the print edition), each with the cached page Framework keeps
 * (`src/.observablehq/cache/<name>.md`) and what it reads: the loader, the components and lib/
 * it imports (with their folders), the config (the list of pages) and the lockfile. */
export function pageLoaders(root = projectRoot) {
  const src = join(root, "src");
  const shared = [
    join(src, "components"),
    ...readdirSync(join(src, "components"), {recursive: true}).map((name) => join(src, "components", name)),
    join(root, "lib"),
    ...readdirSync(join(root, "lib"), {recursive: true}).map((name) => join(root, "lib", name)),
    join(root, "observablehq.config.ts"),
    join(root, "package-lock.json")
  ];
  return readdirSync(src)
    .filter((name) => /\.md\.(js|ts)$/.test(name))
    .map((name) => ({
      loader: join(src, name),
      cached: join(src, ".observablehq", "cache", name.replace(/\.(js|ts)$/, "")),
      inputs: [join(src, name), ...shared]
    }));
}

/**
 * Deletes each loader-written page's cached copy unless it was written after everything its
 * loader reads (Framework, like the formulas, reruns a page loader only when the loader file
 * itself is newer). Returns the pages it deleted.
 */
export function clearStalePages(root = projectRoot) {
  const cleared = [];
  for (const {cached, inputs} of pageLoaders(root)) {
    if (!existsSync(cached) || isNewerThanAll(cached, inputs)) continue;
    rmSync(cached, {force: true});
    cleared.push(cached);
  }
  return cleared;
}

/**
 * Clears stale formulas now and then whenever one of the loader's inputs changes; `onClear`
 * hears of each clearing. It looks every `interval` ms (a few dozen file times): fs.watch
 * would be quicker but, in Node 20 on Linux, its recursive mode stops seeing a file that an
 * editor saved by replacing it. Returns a function that stops watching.
 */
export function watchFormulaInputs(root = projectRoot, onClear = () => {}, {interval = 250} = {}) {
  const check = () => {
    const formulas = clearStaleFormulas(root);
    const pages = clearStalePages(root).length > 0;
    if (formulas || pages) onClear();
  };
  check();
  const timer = setInterval(check, interval);
  timer.unref();
  return () => clearInterval(timer);
}
