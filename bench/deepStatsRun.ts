// One measurement of lib/deepStats.ts, as a fresh process or a fresh browser makes it: a
// deep, wide random network run forwards and backwards with every layer's statistics,
// against a reference measured in the same run: the same number of matrix products (2 ×
// depth of batch × width by width × width) done by a plain triple loop, the arithmetic a run
// cannot avoid. No Node or DOM API here: the caller passes the clock, so the same code runs
// under node (./deepStats.ts) and in Chromium (./deepStatsBrowser.ts, bundled by ./fresh.ts).

import {deepStats} from "../lib/deepStats.js";
import {median} from "./median.js";

/** One network's figures, ms per run. */
export interface DeepStatsTiming {
  name: string;
  depth: number;
  /** A run after a change of the activation, the scheme or the scale: the random draws of the run before serve again. */
  sameMs: number;
  /** A run with new weights (another seed: every number drawn afresh, as after a change of seed, width or batch). */
  newMs: number;
  /** The naive products alone, measured interleaved with the runs with new weights. */
  naiveMs: number;
}

export const deepStatsShape = {width: 128, batch: 256} as const;

/** The networks measured: He with ReLU (the case: ReLU's zeros let the products skip half their work), deeper too, and Xavier with tanh (no zeros to skip). */
const cases = [
  {name: "He, ReLU", initialisation: "he", activation: "relu", depth: 20},
  {name: "He, ReLU", initialisation: "he", activation: "relu", depth: 50},
  {name: "Xavier, tanh", initialisation: "xavier", activation: "tanh", depth: 20}
] as const;

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
 * Median ms of each function over `runs` interleaved calls, after warming each up for a
 * second (at least three calls): the figure is a recomputation's (the page's worker runs the
 * same code again at every change), not one of the first few, which the engine has not yet
 * fully compiled.
 */
function timeInterleaved(fns: (() => void)[], runs: number, clock: () => number): number[] {
  for (const fn of fns) {
    const start = clock();
    for (let i = 0; i < 3 || clock() - start < 1000; i++) fn();
  }
  const samples: number[][] = fns.map(() => []);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, k) => {
      const start = clock();
      fn();
      samples[k].push(clock() - start);
    });
  }
  return samples.map(median);
}

/** Every case's figures; `clock` gives milliseconds. */
export function runDeepStats({clock}: {clock: () => number}): DeepStatsTiming[] {
  const {width, batch} = deepStatsShape;
  const a = Float64Array.from({length: batch * width}, (_, i) => Math.sin(i));
  const w = Float64Array.from({length: width * width}, (_, i) => Math.cos(i) / width);
  const out = new Float64Array(batch * width);
  let seed = 1;
  return cases.map(({name, initialisation, activation, depth}) => {
    const runs = depth === 20 ? 9 : 5;
    const products = () => naiveProducts(depth, width, batch, a, w, out);
    // two rounds, since a run with new weights replaces the draws that lib keeps
    const [sameMs] = timeInterleaved(
      [() => deepStats({depth, width, batch, initialisation, activation, seed: 0}), products],
      runs,
      clock
    );
    const [newMs, naiveMs] = timeInterleaved(
      [() => deepStats({depth, width, batch, initialisation, activation, seed: seed++}), products],
      runs,
      clock
    );
    return {name, depth, sameMs, newMs, naiveMs};
  });
}
