// What each of the playground's controls offers: the datasets of each problem, the steps of
// the sliders and the lists of the menus, with the names menus show, and how a value between
// steps is taken to the nearest one.

import {problemDatasets} from "./datasets.js";
import type {DatasetId, Problem} from "./datasets.js";
import {initialisationIds} from "./initialisation.js";

export type {Problem} from "./datasets.js";

/** The problems, in the order of the menu. */
export const problemIds: readonly Problem[] = ["classification", "regression"];
export const problemLabels: Record<Problem, string> = {
  classification: "Classification",
  regression: "Regression"
};

/** The classification datasets, in the order of their menu (regression's: problemDatasets.regression). */
export const datasetIds: readonly DatasetId[] = problemDatasets.classification;
export const datasetLabels: Record<DatasetId, string> = {
  circle: "Circle",
  xor: "XOR",
  gaussians: "Two Gaussians",
  spiral: "Spiral",
  plane: "Plane",
  multiGaussian: "Six Gaussians"
};
/** The dataset each problem starts with. */
export const defaultDatasets: Record<Problem, DatasetId> = {classification: "circle", regression: "plane"};

/** The learning rates on offer: TensorFlow Playground's, roughly ×3 apart. */
export const learningRates: readonly number[] = [
  0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10
];
/** The batch sizes on offer. */
export const batchSizes: readonly number[] = [1, 2, 5, 10, 20, 50, 100];

/** Regularisation of the weights: none, L1 (penalty rate·Σ|w|) or L2 (rate·½Σw²). */
export const regIds = ["none", "L1", "L2"] as const;
export type RegId = (typeof regIds)[number];
export const regLabels: Record<RegId, string> = {none: "None", L1: "L1", L2: "L2"};
/** The regularisation rates on offer: TensorFlow Playground's. */
export const regRates: readonly number[] = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];

/**
 * The losses: squared error, or cross-entropy on a sigmoid output with the classes as
 * targets 0 and 1 (classification only).
 */
export const lossIds = ["squaredError", "crossEntropy"] as const;
export type LossId = (typeof lossIds)[number];
export const lossLabels: Record<LossId, string> = {
  squaredError: "Squared error",
  crossEntropy: "Cross-entropy (sigmoid output)"
};

/**
 * The initialisations: "auto" (the one that fits the activation), the schemes of
 * lib/initialisation.ts, and "glorotUniform", the weights the playground drew before it
 * offered a choice (Glorot uniform).
 */
export const initIds = ["auto", "xavier", "he", "lecun", "standard", "small", "glorotUniform"] as const;
export type InitId = (typeof initIds)[number];
// every scheme of lib/initialisation.ts is offered
initialisationIds satisfies readonly InitId[];

/** A numeric control's bounds: values in [min, max] snapped to multiples of step. */
export interface RangeSpec {
  min: number;
  max: number;
  step: number;
}

/** The sliders' ranges; `layers` bounds the number of hidden layers, `units` each one's width. */
export const rangeSpecs = {
  noise: {min: 0, max: 0.5, step: 0.05},
  split: {min: 0.1, max: 0.9, step: 0.1},
  seed: {min: 0, max: 4294967295, step: 1},
  layers: {min: 0, max: 6, step: 1},
  units: {min: 1, max: 8, step: 1}
} as const satisfies Record<string, RangeSpec>;

/** `value` rounded to a multiple of step, without float dust (0.1 + 0.2 → 0.3). */
export function snapToStep(value: number, {min, step}: Pick<RangeSpec, "min" | "step">): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((min + Math.round((value - min) / step) * step).toFixed(decimals));
}

/**
 * The entry of `choices` nearest to `value` ≥ 0: on a log scale among the positive choices;
 * a choice of 0 is nearest to values below half the smallest positive choice.
 */
export function nearestLogChoice(value: number, choices: readonly number[]): number {
  const positive = choices.filter((choice) => choice > 0);
  if (choices.includes(0) && (positive.length === 0 || value < Math.min(...positive) / 2)) return 0;
  let best = positive[0];
  for (const choice of positive) {
    if (Math.abs(Math.log(choice / value)) < Math.abs(Math.log(best / value))) best = choice;
  }
  return best;
}
