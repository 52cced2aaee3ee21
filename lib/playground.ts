// The playground page's pure logic: its state (every control, so a URL can share an exact
// setup), reading that state from a query string with validation and visible notes,
// writing it back, the seeded train/test split, accuracy, and the network's size.

import {getActivation, isActivationId} from "./activations.js";
import type {Activation, ActivationId} from "./activations.js";
import {datasets} from "./datasets.js";
import type {DatasetId} from "./datasets.js";
import {mulberry32} from "./random.js";

/** The playground's datasets, in the order of its menu. */
export const datasetIds: readonly DatasetId[] = ["circle", "xor", "gaussians", "spiral"];
export const datasetLabels: Record<DatasetId, string> = {
  circle: "Circle",
  xor: "XOR",
  gaussians: "Two Gaussians",
  spiral: "Spiral",
  plane: "Plane",
  multiGaussian: "Six Gaussians"
};

/** The learning rate slider's steps (roughly ×3 apart, as in TensorFlow Playground). */
export const learningRates: readonly number[] = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
/** The batch sizes on offer. */
export const batchSizes: readonly number[] = [1, 2, 5, 10, 20, 50, 100];

/** activation=custom means a reader's formula (see compileActivation in ./expression.js). */
export const CUSTOM_ACTIVATION = "custom";

/** Everything a reader sets on the page; the URL's query string holds exactly this. */
export interface PlaygroundState {
  dataset: DatasetId;
  /** Standard deviation of the noise added to each coordinate (data span about [−1, 1]²), 0–0.5 in steps of 0.05. */
  noise: number;
  /** Fraction of the examples used for training (the rest test), 0.1–0.9 in steps of 0.1. */
  split: number;
  /** Seed of the dataset, the split and the initial weights: a whole number 0–4294967295. */
  seed: number;
  /** Hidden layers, 0–6. */
  layers: number;
  /** Units per hidden layer, 1–8. */
  units: number;
  /** Hidden-layer activation: a registered id, or "custom" with a formula. */
  activation: ActivationId | typeof CUSTOM_ACTIVATION;
  /** The formula of a custom activation (only with activation = "custom"). */
  formula?: string;
  /** Learning rate, one of learningRates. */
  lr: number;
  /** Mini-batch size, one of batchSizes. */
  batch: number;
}

export const defaultState: Readonly<PlaygroundState> = Object.freeze({
  dataset: "circle",
  noise: 0.1,
  split: 0.5,
  seed: 1,
  layers: 2,
  units: 4,
  activation: "tanh",
  lr: 0.03,
  batch: 10
});

/** A numeric control's bounds: values in [min, max] snapped to multiples of step. */
export interface RangeSpec {
  min: number;
  max: number;
  step: number;
}

export const rangeSpecs = {
  noise: {min: 0, max: 0.5, step: 0.05},
  split: {min: 0.1, max: 0.9, step: 0.1},
  seed: {min: 0, max: 4294967295, step: 1},
  layers: {min: 0, max: 6, step: 1},
  units: {min: 1, max: 8, step: 1}
} as const satisfies Record<string, RangeSpec>;

/** The query parameters, in the order serializeState writes them. */
export const stateKeys = [
  "dataset",
  "noise",
  "split",
  "seed",
  "layers",
  "units",
  "activation",
  "lr",
  "batch"
] as const;

/** Compiles a reader's formula into an Activation record (throws on a bad formula). */
export type CompileActivation = (formula: string) => Activation;

/** The result of reading a query string. */
export interface ParsedState {
  state: PlaygroundState;
  /** The hidden-layer activation the state names (a compiled record for "custom"). */
  activation: Activation;
  /** One sentence per ignored or adjusted parameter, e.g. "layers=99 is outside 0–6; using 2". */
  notes: string[];
}

/** `value` rounded to a multiple of step, without float dust (0.1 + 0.2 → 0.3). */
export function snapToStep(value: number, {min, step}: Pick<RangeSpec, "min" | "step">): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  return Number((min + Math.round((value - min) / step) * step).toFixed(decimals));
}

/** The entry of `choices` nearest to `value` on a log scale (choices positive). */
export function nearestLogChoice(value: number, choices: readonly number[]): number {
  let best = choices[0];
  for (const choice of choices) {
    if (Math.abs(Math.log(choice / value)) < Math.abs(Math.log(best / value))) best = choice;
  }
  return best;
}

/** A number as the URL writes it: plain decimal, no float dust. */
function formatParam(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Strict number parsing for URL values: "", "1e", " 3" and "0x10" are not numbers here. */
function parseNumber(text: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
}

/** Quotes a reader's value for a note, shortened so a long formula cannot flood the page. */
function shown(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

function rangeText({min, max}: RangeSpec): string {
  return `${formatParam(min)}–${formatParam(max)}`;
}

/**
 * The hidden-layer activation of `state` and, if it cannot be had, the state with the
 * default activation instead and a note saying why. A custom formula needs `compile`
 * (compileActivation from ./expression.js, which the playground loads only for an address
 * that carries a formula); without it the default is used, with a note.
 */
export function resolveActivation(
  state: PlaygroundState,
  compile?: CompileActivation
): {state: PlaygroundState; activation: Activation; note?: string} {
  if (state.activation !== CUSTOM_ACTIVATION) {
    return {state, activation: getActivation(state.activation)};
  }
  const fallback = defaultState.activation as ActivationId;
  const fallBack = (note: string) => ({
    state: {...state, activation: fallback, formula: undefined},
    activation: getActivation(fallback),
    note
  });
  const formula = state.formula?.trim() ?? "";
  if (formula === "") return fallBack(`activation=custom needs a formula=… parameter; using ${fallback}`);
  if (compile === undefined) {
    return fallBack(
      `activation=custom&formula=${shown(formula)} needs the formula parser of the "Invent your own" page, which was not loaded; using ${fallback}`
    );
  }
  try {
    const activation = compile(formula);
    if (
      activation === null ||
      typeof activation !== "object" ||
      typeof activation.f !== "function" ||
      typeof activation.df !== "function"
    ) {
      throw new Error("the parser returned no activation");
    }
    for (const x of [-2, -0.5, 0, 0.5, 2]) {
      if (!Number.isFinite(activation.f(x)) || !Number.isFinite(activation.df(x))) {
        throw new Error(`it is not finite at x = ${x}`);
      }
    }
    return {state: {...state, formula}, activation};
  } catch (error) {
    return fallBack(
      `formula=${shown(formula)} cannot be used (${(error as Error).message}); using ${fallback}`
    );
  }
}

/**
 * Reads the playground's state from a query string ("?dataset=xor&layers=3…") or its
 * parameters. Missing parameters take their defaults silently; invalid ones take their
 * defaults with a note; values between slider steps snap to the nearest step with a note.
 * Parameters the playground does not use are ignored.
 */
export function parseState(query: string | URLSearchParams, compile?: CompileActivation): ParsedState {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const state: PlaygroundState = {...defaultState};
  const notes: string[] = [];

  const dataset = params.get("dataset");
  if (dataset !== null) {
    if ((datasetIds as readonly string[]).includes(dataset)) state.dataset = dataset as DatasetId;
    else {
      notes.push(
        `dataset=${shown(dataset)} is not a dataset here (${datasetIds.join(", ")}); using ${defaultState.dataset}`
      );
    }
  }

  for (const key of ["noise", "split", "seed", "layers", "units"] as const) {
    const text = params.get(key);
    if (text === null) continue;
    const spec: RangeSpec = rangeSpecs[key];
    const value = parseNumber(text.trim());
    if (!Number.isFinite(value)) {
      notes.push(`${key}=${shown(text)} is not a number; using ${formatParam(defaultState[key])}`);
    } else if (value < spec.min || value > spec.max) {
      notes.push(
        `${key}=${shown(text)} is outside ${rangeText(spec)}; using ${formatParam(defaultState[key])}`
      );
    } else {
      const snapped = snapToStep(value, spec);
      if (Math.abs(snapped - value) > 1e-9) {
        notes.push(
          spec.step === 1
            ? `${key}=${shown(text)} is not a whole number; using ${formatParam(snapped)}`
            : `${key}=${shown(text)} is between the slider's steps of ${formatParam(spec.step)}; using ${formatParam(snapped)}`
        );
      }
      state[key] = snapped;
    }
  }

  for (const [key, choices] of [
    ["lr", learningRates],
    ["batch", batchSizes]
  ] as const) {
    const text = params.get(key);
    if (text === null) continue;
    const value = parseNumber(text.trim());
    const lo = choices[0];
    const hi = choices[choices.length - 1];
    if (!Number.isFinite(value)) {
      notes.push(`${key}=${shown(text)} is not a number; using ${formatParam(defaultState[key])}`);
    } else if (value < lo || value > hi) {
      notes.push(
        `${key}=${shown(text)} is outside ${formatParam(lo)}–${formatParam(hi)}; using ${formatParam(defaultState[key])}`
      );
    } else {
      const nearest = nearestLogChoice(value, choices);
      if (Math.abs(nearest - value) > 1e-12 * nearest) {
        notes.push(
          `${key}=${shown(text)} is not one of ${choices.map(formatParam).join(", ")}; using ${formatParam(nearest)}`
        );
      }
      state[key] = nearest;
    }
  }

  const activationParam = params.get("activation");
  const formula = params.get("formula");
  if (activationParam !== null) {
    if (isActivationId(activationParam)) state.activation = activationParam;
    else if (activationParam === CUSTOM_ACTIVATION) {
      state.activation = CUSTOM_ACTIVATION;
      if (formula !== null) state.formula = formula;
    } else {
      notes.push(
        `activation=${shown(activationParam)} is not a known activation; using ${defaultState.activation}`
      );
    }
  }
  if (formula !== null && state.activation !== CUSTOM_ACTIVATION && activationParam !== CUSTOM_ACTIVATION) {
    notes.push(`formula=${shown(formula)} is only used with activation=custom; ignored`);
  }
  const resolved = resolveActivation(state, compile);
  if (resolved.note) notes.push(resolved.note);
  return {state: resolved.state, activation: resolved.activation, notes};
}

/** The state as a query string (no "?"), every parameter in stateKeys order, formula last. */
export function serializeState(state: PlaygroundState): string {
  const params = new URLSearchParams();
  for (const key of stateKeys) {
    const value = state[key];
    params.set(key, typeof value === "number" ? formatParam(value) : String(value));
  }
  if (state.activation === CUSTOM_ACTIVATION && state.formula) params.set("formula", state.formula);
  return params.toString();
}

/** Layer sizes of a network with two inputs, `layers` hidden layers of `units`, and one output. */
export function networkSizes(layers: number, units: number): number[] {
  return [2, ...Array.from({length: layers}, () => units), 1];
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
 * The state's dataset (from ./datasets.js: inputs in about [−1, 1]², labels ±1), drawn with
 * its noise and seed, split into training and test sets by its split fraction.
 */
export function playgroundData(
  state: Pick<PlaygroundState, "dataset" | "noise" | "split" | "seed">,
  count = PLAYGROUND_EXAMPLES
): {train: Examples; test: Examples} {
  const data = datasets[state.dataset]({count, noise: state.noise, seed: state.seed});
  return splitData(data, state.split, state.seed);
}
