#!/usr/bin/env node
// `npm run dev`: Framework's preview server, with the formulas typeset at build time kept
// fresh (scripts/formula-cache.js) while it runs, so an edit to a record's TeX in lib/ shows
// on the next page load, and notebook mode's "Show code" switch working as on the built site
// (scripts/notebook-dev.js). Takes the options of `observable preview`:
//   node scripts/dev.js --host 127.0.0.1 --port 3000 --no-open
// The server runs in this process (so the notebook can answer beside it), as
// `observable preview` would run it.
import {delimiter, dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {parseArgs} from "node:util";
import {watchFormulaInputs} from "./formula-cache.js";
import {attachNotebook} from "./notebook-dev.js";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

const {values} = parseArgs({
  options: {
    config: {type: "string", short: "c"},
    root: {type: "string"},
    host: {type: "string", default: "127.0.0.1"},
    port: {type: "string"},
    cors: {type: "boolean"},
    "allow-origin": {type: "string", multiple: true},
    open: {type: "boolean", default: true},
    "no-open": {type: "boolean"}
  }
});

process.chdir(projectRoot);
// Telemetry would try the network; Framework runs TypeScript data loaders with `tsx`, found
// on the PATH as under `npm run`
process.env.OBSERVABLE_TELEMETRY_DISABLE = "1";
process.env.PATH = [join(projectRoot, "node_modules", ".bin"), process.env.PATH].join(delimiter);

const {readConfig} = await import("@observablehq/framework/dist/config.js");
const {preview} = await import("@observablehq/framework/dist/preview.js");
await readConfig(values.config, values.root); // as `observable preview` does: a broken config fails here

const stopWatching = watchFormulaInputs(projectRoot, () =>
  console.log("formulas: their TeX changed; reload the page to see them typeset again")
);
const server = await preview({
  config: values.config,
  root: values.root,
  hostname: values.host,
  port: values.port === undefined ? undefined : +values.port,
  origins: values.cors ? ["*"] : values["allow-origin"],
  open: values.open && !values["no-open"]
});
let notebook;
try {
  notebook = attachNotebook(server, {config: values.config, root: values.root, projectRoot});
} catch (error) {
  console.warn(`notebook mode is not available under npm run dev: ${error.message}`);
}

function stop() {
  stopWatching();
  notebook?.close();
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, stop);
