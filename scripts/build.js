#!/usr/bin/env node
// `npm run build`: the course's whole build, in one Node process, in this order:
//  1. scripts/offline-cache.js fills Framework's npm cache from node_modules (no network);
//  2. scripts/formula-cache.js clears typeset formulas and pages older than what they read;
//  3. Framework builds the site (what `observable build` runs, called directly);
//  4. scripts/postbuild.js makes dist/ self-contained and checks it, failing the build on a
//     problem.
// One process, not four (about 2 s less of a 15 s build): the checks in step 4 read pages with
// Framework's own Markdown parser, and loading Framework's modules a second time cost a fresh
// process about a second of that.
import {dirname, join} from "node:path";
import {fileURLToPath} from "node:url";
import {clearStaleFormulas, clearStalePages} from "./formula-cache.js";
import {fillOfflineCache} from "./offline-cache.js";
import {finishDist} from "./postbuild.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
process.env.OBSERVABLE_TELEMETRY_DISABLE = "1";

await fillOfflineCache();
if (clearStaleFormulas(root))
  console.log("formulas: their TeX changed since they were typeset; the build typesets them again");
for (const page of clearStalePages(root))
  console.log(`pages: ${page} is older than what its loader reads; the build writes it again`);

const {readConfig} = await import("@observablehq/framework/dist/config.js");
const {build} = await import("@observablehq/framework/dist/build.js");
const {CliError} = await import("@observablehq/framework/dist/error.js");
process.chdir(root); // as `observable build` run from the project's folder
try {
  await build({config: await readConfig()});
} catch (error) {
  // an error Framework words for the reader (e.g. no pages found) is reported as its CLI does
  if (!(error instanceof CliError)) throw error;
  if (error.print) console.error(error.message);
  process.exit(error.exitCode);
}

const problems = await finishDist();
if (problems.length) {
  console.error(`dist/ is not ready to publish:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}
console.log(
  "dist/ finished and checked: no cell errors or malformed formulas, nothing loaded from another origin, no module missing"
);
