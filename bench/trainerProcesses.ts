// Prints each fresh engine's trainer figures, one line per process (./fresh.ts, ./trainerRun.ts):
// the tool for seeing whether runs differ, and why. V8 flags after the count are passed to node,
// e.g. to compare compiler modes:
//   npx tsx bench/trainerProcesses.ts 8
//   npx tsx bench/trainerProcesses.ts 8 --no-concurrent-recompilation
//   npx tsx bench/trainerProcesses.ts 4 --chromium

import {loadavg} from "node:os";
import {freshChromiumRuns, freshNodeRuns} from "./fresh.js";

const [count = "6", ...rest] = process.argv.slice(2);
const chromium = rest.includes("--chromium");
const nodeFlags = rest.filter((flag) => flag !== "--chromium");
const options = {runs: Number(count), scales: [5, 1], nodeFlags};
console.log(
  `${chromium ? "Chromium" : `node ${process.version} ${nodeFlags.join(" ")}`}: ms per epoch, load ${loadavg()
    .map((n) => n.toFixed(1))
    .join(" ")}`
);
console.log(
  "scale  lib warm  nn.ts warm  ratio   lib loops  lib first 40  nn.ts first 40  map 2-8-8-1  map 6×8  units 2-8-8-1  units 6×8"
);
for (const r of chromium ? await freshChromiumRuns(options) : await freshNodeRuns(options)) {
  const f = (n: number, width = 8) => n.toFixed(2).padStart(width);
  console.log(
    `${String(r.scale).padStart(5)}  ${f(r.ms)}  ${f(r.referenceMs, 10)}  ${f(r.referenceMs / r.ms, 5)}×  ${f(r.loopsMs, 9)}` +
      `  ${f(r.coldMs, 12)}  ${f(r.coldReferenceMs, 14)}  ${f(r.predictMs, 11)}  ${f(r.predictDeepMs, 7)}` +
      `  ${f(r.unitsMs, 13)}  ${f(r.unitsDeepMs, 9)}`
  );
}
