// The per-unit arithmetic of the losses that are a sum over output units, on its own so that
// the trainer (./mlpLoops.js) carries it without the loss records, their TeX and their
// checks (./losses.js builds the records on these very functions).

import {logistic} from "./special.js";

/** The floor on a probability inside a logarithm: Keras's and TensorFlow.js's epsilon. */
export const PROBABILITY_EPSILON = 1e-7;

/** A loss that is a sum of one term per output unit, written for one unit. */
export interface UnitLoss {
  /** ℓ(y, t) of one unit's output y. */
  value(y: number, t: number): number;
  /** ∂ℓ/∂y. */
  gradient(y: number, t: number): number;
  /** ℓ from the unit's logit z, through the paired output activation. */
  valueFromLogit(z: number, t: number): number;
  /** ∂ℓ/∂z through the paired output activation: y − t for each pairing. */
  logitGradient(z: number, t: number): number;
}

/** ln p with p floored at ε, so a probability of 0 gives ln ε rather than −∞. */
export function floorLog(p: number): number {
  return p >= PROBABILITY_EPSILON ? Math.log(p) : Math.log(PROBABILITY_EPSILON);
}

/** One unit of binary cross-entropy: from a probability (floored) and from a logit (exact). */
export const bceUnit: UnitLoss = {
  value: (y, t) => {
    if (y !== y) return NaN;
    const hit = t > 0 ? t * floorLog(y) : 0;
    const miss = t < 1 ? (1 - t) * (1 - y >= PROBABILITY_EPSILON ? Math.log1p(-y) : floorLog(0)) : 0;
    return -(hit + miss);
  },
  gradient: (y, t) => -t / Math.max(y, PROBABILITY_EPSILON) + (1 - t) / Math.max(1 - y, PROBABILITY_EPSILON),
  valueFromLogit: (z, t) => {
    // the limits, where max(z, 0) − z·t would be ∞ − ∞
    if (z === Infinity) return t === 1 ? 0 : Infinity;
    if (z === -Infinity) return t === 0 ? 0 : Infinity;
    return Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
  },
  // σ(z) − t written as (1 − t)σ(z) − tσ(−z), so that σ(z) − 1 keeps its precision for large z
  logitGradient: (z, t) => (1 - t) * logistic(z) - t * logistic(-z)
};
