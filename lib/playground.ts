// The playground page's pure logic: its state (./playgroundState.ts, with what each control
// offers in ./playgroundOptions.ts, both re-exported here), the seeded train/test split, the
// data it trains on, and the network's size.

import {pointsDataset} from "./customPoints.js";
import type {CustomPoint} from "./customPoints.js";
import {datasets} from "./datasets.js";
import type {PlaygroundState} from "./playgroundState.js";
import {mulberry32} from "./random.js";

export {
  batchSizes,
  datasetIds,
  datasetLabels,
  defaultDatasets,
  initIds,
  learningRates,
  lossIds,
  lossLabels,
  nearestLogChoice,
  problemIds,
  problemLabels,
  rangeSpecs,
  regIds,
  regLabels,
  regRates,
  snapToStep
} from "./playgroundOptions.js";
export type {InitId, LossId, Problem, RangeSpec, RegId} from "./playgroundOptions.js";
export {
  CUSTOM_ACTIVATION,
  defaultState,
  parseState,
  resolveActivation,
  serializeState,
  stateKeys
} from "./playgroundState.js";
export type {CompileActivation, ParsedState, PlaygroundState} from "./playgroundState.js";

/**
 * Layer sizes of a network with `inputs` inputs (default 2), hidden layers of the widths
 * `units`, and one output. The older form networkSizes(layers, width) gives `layers` hidden
 * layers of `width` and two inputs.
 */
export function networkSizes(units: readonly number[], inputs?: number): number[];
export function networkSizes(layers: number, width: number): number[];
export function networkSizes(units: readonly number[] | number, second?: number): number[] {
  if (typeof units === "number") return [2, ...Array.from({length: units}, () => second as number), 1];
  return [second ?? 2, ...units, 1];
}

/** Layer sizes of the state's network: one input per feature, its hidden layers, one output. */
export function stateSizes(state: Pick<PlaygroundState, "features" | "units">): number[] {
  return networkSizes(state.units, state.features.length);
}

/** Number of weights (not counting biases) of a dense network with these layer sizes. */
export function weightCount(sizes: readonly number[]): number {
  let count = 0;
  for (let l = 0; l + 1 < sizes.length; l++) count += sizes[l] * sizes[l + 1];
  return count;
}

/** Number of trainable parameters, weights plus biases. */
export function parameterCount(sizes: readonly number[]): number {
  let count = weightCount(sizes);
  for (let l = 1; l < sizes.length; l++) count += sizes[l];
  return count;
}

/** Row-major examples: inputs n × inputWidth, targets n × targetWidth. */
export interface Examples {
  inputs: Float64Array;
  targets: Float64Array;
}

/**
 * A seeded shuffle of the examples split into a training set (round(n·trainFraction) of
 * them, at least one) and a test set (the rest, at least one when n ≥ 2).
 */
export function splitData(
  data: Examples,
  trainFraction: number,
  seed: number,
  {inputWidth = 2, targetWidth = 1}: {inputWidth?: number; targetWidth?: number} = {}
): {train: Examples; test: Examples} {
  if (!(trainFraction >= 0 && trainFraction <= 1))
    throw new Error(`trainFraction must be in [0, 1], got ${trainFraction}`);
  const n = data.inputs.length / inputWidth;
  if (!Number.isInteger(n) || data.targets.length !== n * targetWidth) {
    throw new Error(`inputs and targets do not hold the same number of examples`);
  }
  const order = Array.from({length: n}, (_, i) => i);
  const random = mulberry32(seed ^ 0x5eed5);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const trainCount = n < 2 ? n : Math.min(n - 1, Math.max(1, Math.round(n * trainFraction)));
  const take = (indices: number[]): Examples => {
    const inputs = new Float64Array(indices.length * inputWidth);
    const targets = new Float64Array(indices.length * targetWidth);
    // plain copies: a subarray view per row would allocate two objects per example
    indices.forEach((index, row) => {
      for (let k = 0; k < inputWidth; k++) inputs[row * inputWidth + k] = data.inputs[index * inputWidth + k];
      for (let k = 0; k < targetWidth; k++)
        targets[row * targetWidth + k] = data.targets[index * targetWidth + k];
    });
    return {inputs, targets};
  };
  return {train: take(order.slice(0, trainCount)), test: take(order.slice(trainCount))};
}

/**
 * A record of values over epochs that stays small: when it holds more than maxPoints
 * entries it drops every other one and from then on keeps every (2×stride)-th epoch.
 */
export class EpochHistory {
  readonly epochs: number[] = [];
  readonly values: number[][] = [];
  stride = 1;
  readonly maxPoints: number;
  constructor(maxPoints = 400) {
    this.maxPoints = maxPoints;
    if (!Number.isInteger(maxPoints) || maxPoints < 2)
      throw new Error(`maxPoints must be an integer ≥ 2, got ${maxPoints}`);
  }
  /** Records the values of one epoch (kept if the epoch is a multiple of the stride). */
  push(epoch: number, values: readonly number[]): void {
    if (epoch % this.stride !== 0) return;
    this.epochs.push(epoch);
    this.values.push(values.slice());
    if (this.epochs.length > this.maxPoints) {
      this.stride *= 2;
      let kept = 0;
      for (let i = 0; i < this.epochs.length; i++) {
        if (this.epochs[i] % this.stride === 0) {
          this.epochs[kept] = this.epochs[i];
          this.values[kept] = this.values[i];
          kept++;
        }
      }
      this.epochs.length = kept;
      this.values.length = kept;
    }
  }
  get length(): number {
    return this.epochs.length;
  }
}

/** Examples per dataset on the playground (before the train/test split). */
export const PLAYGROUND_EXAMPLES = 400;

/**
 * The state's data split into training and test sets by its split fraction and seed: the
 * reader's points when `points` is set (none at all gives two empty sets), otherwise the
 * state's dataset (from ./datasets.js: inputs in about [−1, 1]², labels ±1 or regression
 * targets in [−1, 1]) drawn with its noise and seed.
 */
export function playgroundData(
  state: Pick<PlaygroundState, "dataset" | "noise" | "split" | "seed"> & {points?: readonly CustomPoint[]},
  count = PLAYGROUND_EXAMPLES
): {train: Examples; test: Examples} {
  const data = state.points
    ? pointsDataset(state.points)
    : datasets[state.dataset]({count, noise: state.noise, seed: state.seed});
  return splitData(data, state.split, state.seed);
}
