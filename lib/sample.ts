// Evenly spaced samples of an activation and its slope, ready for a line chart.

import {getActivation} from "./activations.js";
import type {Activation} from "./activations.js";

/** Samples of f and f′ at evenly spaced x, as parallel arrays. */
export interface ActivationSamples {
  x: Float64Array;
  f: Float64Array;
  df: Float64Array;
}

/** The x interval and number of points to sample; from < to, both finite; count ≥ 2. */
export interface SampleOptions {
  from: number;
  to: number;
  count: number;
}

/** count evenly spaced points from `from` to `to`, both ends included exactly. */
export function linspace(from: number, to: number, count: number): Float64Array {
  checkSampleOptions({from, to, count});
  const x = new Float64Array(count);
  const step = (to - from) / (count - 1);
  for (let i = 0; i < count; i++) x[i] = from + i * step;
  x[count - 1] = to; // avoid from + (count−1)·step rounding past the end
  return x;
}

/** Samples f and f′ of an activation (record or registered id) over [from, to]. */
export function sampleActivation(activation: Activation | string, options: SampleOptions): ActivationSamples {
  const act = typeof activation === "string" ? getActivation(activation) : activation;
  const x = linspace(options.from, options.to, options.count);
  const f = new Float64Array(x.length);
  const df = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    f[i] = act.f(x[i]);
    df[i] = act.df(x[i]);
  }
  return {x, f, df};
}

function checkSampleOptions({from, to, count}: SampleOptions): void {
  if (typeof from !== "number" || !Number.isFinite(from)) {
    throw new Error(`from must be a finite number, got ${String(from)}`);
  }
  if (typeof to !== "number" || !Number.isFinite(to)) {
    throw new Error(`to must be a finite number, got ${String(to)}`);
  }
  if (!(from < to)) throw new Error(`from must be less than to, got from = ${from}, to = ${to}`);
  if (!Number.isInteger(count) || count < 2) {
    throw new Error(`count must be an integer ≥ 2, got ${String(count)}`);
  }
}
