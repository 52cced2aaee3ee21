// An activation as the trainer evaluates it: one call gives the values f(z) and the slopes
// f′(z) of a whole layer, so the two share their work (tanh and the sigmoid share one
// exponential) and the trainer makes one call per layer, not per unit. The trainer's loops and
// the code it generates for a network's shape (./mlpCompile.js) both call these functions;
// nothing else in the trainer knows an activation's formula.
//
// A kernel must give the same numbers as its record's f and df, to within a few ulps where
// it takes another route to them (test/lib/kernels.test.ts checks each built-in one).

import type {Activation} from "./activations.js";
import {expm1NonPositive} from "./expm1.js";

/** For j < n: a[j] = f(z[j]) and slopes[j] = f′(z[j]), a layer's units in one call. */
export type Kernel = (z: Float64Array, a: Float64Array, slopes: Float64Array, n: number) => void;

/** For j < n: a[j] = f(z[j]), bit for bit a kernel's a, without the slopes (tanhValues). */
export type ValueKernel = (z: Float64Array, a: Float64Array, n: number) => void;

/** The identity: f(z) = z, f′(z) = 1 (NaN for NaN, as the record's df). */
export const linearKernel: Kernel = (z, a, slopes, n) => {
  for (let j = 0; j < n; j++) {
    const v = z[j];
    a[j] = v;
    slopes[j] = v === v ? 1 : NaN;
  }
};

/**
 * tanh|z| = −m/(2 + m) and sech²z = 4(1 + m)/(2 + m)² with m = e^{−2|z|} − 1: one expm1 for
 * both, accurate to a few ulps without cancellation near 0, and computed in the loop
 * (./expm1.js), not by a call to Math.expm1. In the tails 1 + m cancels: the
 * slope is within 2.5e−16 of sech² but not to a few ulps of it (0 beyond |z| ≈ 18.7, where
 * sech² < 2e−16), which no gradient notices. The sign of z is put back by a branch: −tanh|z|
 * for z < 0, and z itself for ±0 and NaN (tanh(−0) = −0).
 */
export const tanhKernel: Kernel = (z, a, slopes, n) => {
  for (let j = 0; j < n; j++) {
    const v = z[j];
    const m = expm1NonPositive(-2 * Math.abs(v));
    const d = 2 + m;
    const t = -m / d;
    a[j] = v > 0 ? t : v < 0 ? -t : v;
    slopes[j] = (4 * (1 + m)) / (d * d);
  }
};

/**
 * tanhKernel's a alone, for running a network without training it (predict): the exponential
 * is most of tanh's work and the slope's division much of the rest. Other kernels' slopes cost
 * little beside their values, or cannot be skipped (a reader's record computes both).
 */
export const tanhValues: ValueKernel = (z, a, n) => {
  for (let j = 0; j < n; j++) {
    const v = z[j];
    const m = expm1NonPositive(-2 * Math.abs(v));
    const t = -m / (2 + m);
    a[j] = v > 0 ? t : v < 0 ? -t : v;
  }
};

/** The arithmetic of logistic and logisticDerivative (./special.js), sharing e^{−|z|}. */
export const sigmoidKernel: Kernel = (z, a, slopes, n) => {
  for (let j = 0; j < n; j++) {
    const v = z[j];
    const e = Math.exp(-Math.abs(v));
    const d = 1 + e;
    a[j] = v >= 0 ? 1 / d : e / d;
    slopes[j] = e / (d * d);
  }
};

/**
 * max(0, z), with slope 0 at z = 0 (the records' convention). Written without a branch on
 * the sign, which in a layer of random pre-activations goes either way at random and is
 * mispredicted half the time (V8 compiles test ? x : y to a branch; +(test) is 1 or 0 without
 * one): the slope s = +(z > 0) and the value s·z + 0 (the + 0 makes −0 of a negative z times 0
 * a +0, as max gives). That arithmetic is exact only for finite z (0 · −∞ is NaN), so a layer
 * holding an infinite or NaN value is done again with the branches. About 3× quicker on a
 * layer of 32,768 normal values.
 */
export const reluKernel: Kernel = (z, a, slopes, n) => {
  let finite = 1;
  for (let j = 0; j < n; j++) {
    const v = z[j];
    const s = +(v > 0);
    a[j] = s * v + 0;
    slopes[j] = s;
    finite &= +(v - v === 0); // 0 for ±∞ and NaN
  }
  if (finite === 1) return;
  for (let j = 0; j < n; j++) {
    const v = z[j];
    a[j] = v > 0 ? v : v <= 0 ? 0 : NaN;
    slopes[j] = v > 0 ? 1 : v <= 0 ? 0 : NaN;
  }
};

/** Leaky ReLU with slope alpha for z ≤ 0, the arithmetic of makeLeakyRelu's f and df. */
export function leakyReluKernel(alpha: number): Kernel {
  return (z, a, slopes, n) => {
    for (let j = 0; j < n; j++) {
      const v = z[j];
      // alpha·(−∞) would be NaN for alpha = 0; the limit is 0
      a[j] = v > 0 ? v : v < 0 ? (alpha === 0 ? 0 : alpha * v) : v;
      slopes[j] = v > 0 ? 1 : v <= 0 ? alpha : NaN;
    }
  };
}

const recordKernels = new WeakMap<Activation, Kernel>();

/**
 * The kernel of an activation record: its own, or, for a record without one (such as a
 * reader's formula), one that calls the record's f and df, the same function each time for
 * the same record (so a network rebuilt with it reuses its generated code, ./mlpCompile.js).
 */
export function kernelOf(activation: Activation): Kernel {
  if (activation.kernel) return activation.kernel;
  let kernel = recordKernels.get(activation);
  if (kernel === undefined) {
    kernel = (z, a, slopes, n) => {
      for (let j = 0; j < n; j++) {
        a[j] = activation.f(z[j]);
        slopes[j] = activation.df(z[j]);
      }
    };
    recordKernels.set(activation, kernel);
  }
  return kernel;
}
