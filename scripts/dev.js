#!/usr/bin/env node
// `npm run dev`: Framework's preview server, with the formulas typeset at build time kept
// fresh (scripts/formula-cache.js) while it runs, so an edit to a record's TeX in lib/ shows
// on the next page load. Arguments are passed on to `observable preview`:
//   node scripts/dev.js --host 127.0.0.1 --port 3000 --no-open
import {spawn} from "node:child_process";
import {delimiter, dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {watchFormulaInputs} from "./formula-cache.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const observable = join(
  projectRoot,
  "node_modules",
  "@observablehq",
  "framework",
  "dist",
  "bin",
  "observable.js"
);

const stopWatching = watchFormulaInputs(projectRoot, () =>
  console.log("formulas: their TeX changed; reload the page to see them typeset again")
);
const preview = spawn(process.execPath, [observable, "preview", ...process.argv.slice(2)], {
  cwd: projectRoot,
  stdio: "inherit",
  // Framework runs TypeScript data loaders with `tsx`, found on the PATH as under `npm run`
  env: {
    ...process.env,
    OBSERVABLE_TELEMETRY_DISABLE: "1",
    PATH: [join(projectRoot, "node_modules", ".bin"), process.env.PATH].join(delimiter)
  }
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => preview.kill(signal));
preview.on("exit", (code, signal) => {
  stopWatching();
  process.exit(code ?? (signal ? 1 : 0));
});
