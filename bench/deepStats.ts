// Benchmark of lib/deepStats.ts: a deep, wide random network run forwards and backwards with
// every layer's statistics, against a reference measured in the same run: the same number of
// matrix products (2 × depth of batch × width by width × width) done by a plain triple loop,
// the arithmetic a run cannot avoid. Timed in CPU seconds of this process, medians of several
// runs with the two contenders interleaved, as bench/index.ts does.

import {deepStats} from "../lib/index.js";
import {median} from "./median.js";

/** Seconds of CPU time this process has used (keeps other processes out of the figures, mostly). */
function cpuSeconds(): number {
  const {user, system} = process.cpuUsage();
  return (user + system) / 1e6;
}

/** The products of one run done naively: out = a · wᵀ with three plain loops, 2 × depth times. */
function naiveProducts(
  depth: number,
  width: number,
  batch: number,
  a: Float64Array,
  w: Float64Array,
  out: Float64Array
): void {
  for (let p = 0; p < 2 * depth; p++) {
    for (let r = 0; r < batch; r++) {
      for (let c = 0; c < width; c++) {
        let s = 0;
        for (let k = 0; k < width; k++) s += a[r * width + k] * w[c * width + k];
        out[r * width + c] = s;
      }
    }
  }
}

/**
 * Median CPU seconds of each function over `runs` interleaved calls, after warming each up for
 * a second of CPU time (at least three calls): the figure is a recomputation's (the page's
 * worker runs the same code again at every change), not one of the first few, which V8 has not
 * yet fully compiled.
 */
function timeInterleaved(fns: (() => void)[], runs: number): number[] {
  for (const fn of fns) {
    const start = cpuSeconds();
    for (let i = 0; i < 3 || cpuSeconds() - start < 1; i++) fn();
  }
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, k) => {
      const start = cpuSeconds();
      fn();
      samples[k].push(cpuSeconds() - start);
    });
  }
  return samples.map(median);
}

/**
 * Prints the section: ms per run of He with ReLU (the case: ReLU's zeros let the
 * products skip half their work) for 20 and 50 layers of 128 units over 256 inputs, and of
 * Xavier with tanh (no zeros to skip) for 20, each with the ratio to the naive products. Two
 * figures per network, as the page's worker meets them: a run after a change of the
 * activation, the scheme or the scale, which reuses the random draws of the run before
 * (lib/deepStats.ts keeps them), and a run with new weights (another seed: every number
 * drawn afresh, as after a change of seed, width or batch).
 */
export function benchDeepStats(section = 4): void {
  const width = 128;
  const batch = 256;
  console.log(
    `\n${section}. Deep random network, ${width} units × ${batch} inputs, forwards and backwards with every layer's statistics,\n` +
      `   in a fresh process (as the page's worker is); ms per run, median after warm-up`
  );
  console.log(
    "   network          depth   same weights   new weights   naive products only   ratio (new weights)"
  );
  const a = Float64Array.from({length: batch * width}, (_, i) => Math.sin(i));
  const w = Float64Array.from({length: width * width}, (_, i) => Math.cos(i) / width);
  const out = new Float64Array(batch * width);
  const cases = [
    {name: "He, ReLU", initialisation: "he", activation: "relu", depth: 20},
    {name: "He, ReLU", initialisation: "he", activation: "relu", depth: 50},
    {name: "Xavier, tanh", initialisation: "xavier", activation: "tanh", depth: 20}
  ] as const;
  let seed = 1;
  for (const {name, initialisation, activation, depth} of cases) {
    const runs = depth === 20 ? 9 : 5;
    const products = () => naiveProducts(depth, width, batch, a, w, out);
    // two rounds, since a run with new weights replaces the draws that lib keeps
    const [same] = timeInterleaved(
      [() => deepStats({depth, width, batch, initialisation, activation, seed: 0}), products],
      runs
    );
    const [fresh, naive] = timeInterleaved(
      [() => deepStats({depth, width, batch, initialisation, activation, seed: seed++}), products],
      runs
    );
    const target = depth === 20 ? " (target < 100 ms)" : "";
    const ms = (seconds: number) => `${(seconds * 1e3).toFixed(1)} ms`;
    console.log(
      `   ${name.padEnd(14)}   ${String(depth).padStart(5)}   ${ms(same).padStart(12)}   ${ms(fresh).padStart(11)}   ${ms(naive).padStart(19)}   ${(naive / fresh).toFixed(2).padStart(5)}×${target}`
    );
  }
}

// `tsx bench/deepStats.ts [section]`: the section alone (bench/index.ts runs it so, in a process of its own)
if (process.argv[1] && import.meta.url === new URL(process.argv[1], "file://").href) {
  benchDeepStats(Number(process.argv[2] ?? 3));
}
