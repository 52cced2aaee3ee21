// An activation as the trainer evaluates it: one call gives the value f(z) and the slope
// f′(z) together, so the two share their work (tanh and the sigmoid share one exponential).
// The trainer's loops and the code it generates for a network's shape (./mlpCompile.js) both
// call these functions; nothing else in the trainer knows an activation's formula.
//
// A kernel must give the same numbers as its record's f and df, to within a few ulps where
// it takes another route to them (test/lib/kernels.test.ts checks each built-in one).

import type {Activation} from "./activations.js";

/** Returns f(z) and writes f′(z) to slopes[j]. */
export type Kernel = (z: number, slopes: Float64Array, j: number) => number;

/** The identity: f(z) = z, f′(z) = 1 (NaN for NaN, as the record's df). */
export const linearKernel: Kernel = (z, slopes, j) => {
  slopes[j] = z === z ? 1 : NaN;
  return z;
};

/**
 * tanh|z| = −m/(2 + m) and sech²z = 4(1 + m)/(2 + m)² with m = e^{−2|z|} − 1: one expm1 for
 * both, accurate to a few ulps without cancellation near 0. In the tails 1 + m cancels: the
 * slope is within 2.5e−16 of sech² but not to a few ulps of it (0 beyond |z| ≈ 18.7, where
 * sech² < 2e−16), which no gradient notices. The sign of z is put back by multiplying by ±1 (exact), which also
 * keeps tanh(−0) = −0.
 */
export const tanhKernel: Kernel = (z, slopes, j) => {
  const m = Math.expm1(-2 * Math.abs(z));
  const d = 2 + m;
  slopes[j] = (4 * (1 + m)) / (d * d);
  return (-m / d) * Math.sign(z);
};

/** The arithmetic of logistic and logisticDerivative (./special.js), sharing e^{−|z|}. */
export const sigmoidKernel: Kernel = (z, slopes, j) => {
  const e = Math.exp(-Math.abs(z));
  const d = 1 + e;
  slopes[j] = e / (d * d);
  return z >= 0 ? 1 / d : e / d;
};

/** max(0, z), with slope 0 at z = 0 (the records' convention). */
export const reluKernel: Kernel = (z, slopes, j) => {
  slopes[j] = z > 0 ? 1 : z <= 0 ? 0 : NaN;
  return z > 0 ? z : z <= 0 ? 0 : NaN;
};

/** Leaky ReLU with slope alpha for z ≤ 0, the arithmetic of makeLeakyRelu's f and df. */
export function leakyReluKernel(alpha: number): Kernel {
  return (z, slopes, j) => {
    slopes[j] = z > 0 ? 1 : z <= 0 ? alpha : NaN;
    // alpha·(−∞) would be NaN for alpha = 0; the limit is 0
    return z > 0 ? z : z < 0 ? (alpha === 0 ? 0 : alpha * z) : z;
  };
}

/**
 * The kernel of an activation record: its own, or, for a record without one (such as a
 * reader's formula), one that calls the record's f and df.
 */
export function kernelOf(activation: Activation): Kernel {
  if (activation.kernel) return activation.kernel;
  return (z, slopes, j) => {
    slopes[j] = activation.df(z);
    return activation.f(z);
  };
}
