// Benchmark of lib/deepStats.ts (./deepStatsRun.ts measures it) in a fresh node process, timed
// in CPU ms of this process (keeps other processes out of the figures, mostly), and in a fresh
// Chromium, where readers run it (the page's worker), timed by the page's wall clock.

import {browserSource, inFreshChromium} from "./fresh.js";
import {deepStatsShape, runDeepStats} from "./deepStatsRun.js";
import type {DeepStatsTiming} from "./deepStatsRun.js";

/** ms of CPU time this process has used. */
function cpuMs(): number {
  const {user, system} = process.cpuUsage();
  return (user + system) / 1e3;
}

/** Prints one engine's rows. */
function report(engine: string, rows: DeepStatsTiming[]): void {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  for (const {name, depth, sameMs, newMs, naiveMs} of rows) {
    const target = depth === 20 ? ` (target < 100 ms)${newMs < 100 && sameMs < 100 ? "" : " ✗"}` : "";
    console.log(
      `   ${engine.padEnd(9)} ${name.padEnd(14)} ${String(depth).padStart(5)}   ${ms(sameMs).padStart(12)}   ${ms(newMs).padStart(11)}   ${ms(naiveMs).padStart(19)}   ${(naiveMs / newMs).toFixed(2).padStart(5)}×${target}`
    );
  }
}

/**
 * Prints the section: ms per run of each network (./deepStatsRun.ts), two figures per network
 * as the page's worker meets them: a run after a change of the activation, the scheme or the
 * scale, which reuses the random draws of the run before (lib/deepStats.ts keeps them), and a
 * run with new weights; with the ratio of the naive products to the latter.
 */
export async function benchDeepStats(section = 3): Promise<void> {
  const {width, batch} = deepStatsShape;
  console.log(
    `\n${section}. Deep random network, ${width} units × ${batch} inputs, forwards and backwards with every layer's statistics,\n` +
      `   in a fresh node process and a fresh Chromium (as the page's worker is); ms per run, median after warm-up`
  );
  console.log(
    "   engine    network        depth   same weights   new weights   naive products only   ratio (new weights)"
  );
  report("node", runDeepStats({clock: cpuMs}));
  report("Chromium", await inFreshChromium<DeepStatsTiming[]>(await browserSource("deepStatsBrowser.ts"), "runDeepStats()"));
}

// `tsx bench/deepStats.ts [section]`: the section alone (bench/index.ts runs it so, in a process of its own)
if (process.argv[1] && import.meta.url === new URL(process.argv[1], "file://").href) {
  await benchDeepStats(Number(process.argv[2] ?? 3));
}
