// The playground's state: every control, so an address can share an exact setup; reading it
// from a query string with a visible note for each value ignored or adjusted, and writing
// back only what differs from the defaults, so a link stays short.

import {getActivation, isActivationId} from "./activations.js";
import type {Activation, ActivationId} from "./activations.js";
import {decodePoints, encodePoints, MAX_POINTS_PARAM_LENGTH} from "./customPoints.js";
import type {CustomPoint} from "./customPoints.js";
import {problemDatasets} from "./datasets.js";
import type {DatasetId} from "./datasets.js";
import type {FeatureId} from "./features.js";
import {formulaParam} from "./formulaParam.js";
import {
  batchSizes,
  defaultDatasets,
  initIds,
  learningRates,
  lossIds,
  problemIds,
  rangeSpecs,
  regIds,
  regRates
} from "./playgroundOptions.js";
import type {InitId, LossId, Problem, RegId} from "./playgroundOptions.js";
import {
  formatParam,
  listed,
  readChoice,
  readFeatures,
  readId,
  readLayers,
  readRange,
  readSwitch,
  shown
} from "./playgroundParams.js";
import type {ReadValue} from "./playgroundParams.js";

/** activation=custom means a reader's formula (see compileActivation in ./expression.js). */
export const CUSTOM_ACTIVATION = "custom";

/** Everything a reader sets on the page; the URL's query string holds exactly this. */
export interface PlaygroundState {
  /** Classification (labels ±1) or regression (targets in [−1, 1]). */
  problem: Problem;
  /** One of the problem's datasets (problemDatasets); the reader's points replace it when `points` is set. */
  dataset: DatasetId;
  /** Noise of the dataset (data span about [−1, 1]²), 0–0.5 in steps of 0.05. */
  noise: number;
  /** Fraction of the examples used for training (the rest test), 0.1–0.9 in steps of 0.1. */
  split: number;
  /** Seed of the dataset, the split and the initial weights: a whole number 0–4294967295. */
  seed: number;
  /** The network's input features, at least one, in featureIds order. */
  features: readonly FeatureId[];
  /** The width of each hidden layer, 1–8, for 0–6 hidden layers. */
  units: readonly number[];
  /** Hidden-layer activation: a registered id, or "custom" with a formula. */
  activation: ActivationId | typeof CUSTOM_ACTIVATION;
  /** The formula of a custom activation (only with activation = "custom"). */
  formula?: string;
  /** The initial weights' scheme ("auto": the one that fits the activation). */
  init: InitId;
  /** Squared error, or cross-entropy on a sigmoid output (classification only). */
  loss: LossId;
  /** Skip connections around the hidden layers whose input is as wide as they are. */
  residual: boolean;
  /** Learning rate, one of learningRates. */
  lr: number;
  /** Mini-batch size, one of batchSizes. */
  batch: number;
  /** Regularisation of the weights, and its rate (one of regRates). */
  reg: RegId;
  regRate: number;
  /** Whether the map shows the test points too. */
  showTest: boolean;
  /** Whether the map shows the output thresholded into two colours. */
  discretise: boolean;
  /** The reader's own points, when they replace the dataset (possibly none, after clearing). */
  points?: readonly CustomPoint[];
}

export const defaultState: Readonly<PlaygroundState> = Object.freeze({
  problem: "classification",
  dataset: "circle",
  noise: 0.1,
  split: 0.5,
  seed: 1,
  features: Object.freeze(["x1", "x2"] as FeatureId[]),
  units: Object.freeze([4, 4]),
  activation: "tanh",
  init: "auto",
  loss: "squaredError",
  residual: false,
  lr: 0.03,
  batch: 10,
  reg: "none",
  regRate: 0,
  showTest: false,
  discretise: false
});

/** The query parameters, in the order serializeState writes them; then formula and points. */
export const stateKeys = [
  "problem",
  "dataset",
  "noise",
  "split",
  "seed",
  "features",
  "units",
  "activation",
  "init",
  "loss",
  "residual",
  "lr",
  "batch",
  "reg",
  "regRate",
  "showTest",
  "discretise"
] as const;

/** Compiles a reader's formula into an Activation record (throws on a bad formula). */
export type CompileActivation = (formula: string) => Activation;

/** The result of reading a query string. */
export interface ParsedState {
  state: PlaygroundState;
  /** The hidden-layer activation the state names (a compiled record for "custom"). */
  activation: Activation;
  /** One sentence per ignored or adjusted parameter, e.g. "units=9 is outside 1–8; using 8". */
  notes: string[];
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
 * Reads the playground's state from a query string ("?dataset=xor&units=8,4…") or its
 * parameters. Missing parameters take their defaults silently; invalid ones take their
 * defaults with a note; values between steps snap to the nearest step with a note. The
 * dataset and the loss must suit the problem (else a note and the problem's default).
 * Parameters the playground does not use are ignored. From a query string, a formula with a
 * "+" typed by hand (formula=sin(x)+x) is read as /your-own reads it (./formulaParam.js),
 * which needs `compile` to tell which reading can be used. An address of the older form
 * (layers=2&units=4) reproduces the setup it shared: its hidden layers, and the
 * Glorot-uniform weights the playground then drew (init=glorotUniform).
 */
export function parseState(query: string | URLSearchParams, compile?: CompileActivation): ParsedState {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const state: PlaygroundState = {...defaultState};
  const notes: string[] = [];
  const read = <T>(key: string, reader: (text: string) => ReadValue<T>): T | undefined => {
    const text = params.get(key);
    if (text === null) return undefined;
    const {value, note} = reader(text);
    if (note) notes.push(note);
    return value;
  };

  state.problem =
    read("problem", (t) => readId("problem", t, problemIds, defaultState.problem)) ?? state.problem;
  const problem = state.problem;
  const datasets: readonly DatasetId[] = problemDatasets[problem];
  state.dataset = defaultDatasets[problem];
  state.dataset =
    read("dataset", (text): ReadValue<DatasetId> => {
      if ((datasets as readonly string[]).includes(text)) return {value: text as DatasetId};
      const other = problemIds.find((p) => (problemDatasets[p] as readonly string[]).includes(text));
      return {
        value: defaultDatasets[problem],
        note: other
          ? `dataset=${text} is a ${other} dataset; with problem=${problem} using ${defaultDatasets[problem]}`
          : `dataset=${shown(text)} is not a dataset here (${datasets.join(", ")}); using ${defaultDatasets[problem]}`
      };
    }) ?? state.dataset;

  for (const key of ["noise", "split", "seed"] as const) {
    state[key] = read(key, (t) => readRange(key, t, rangeSpecs[key], defaultState[key])) ?? state[key];
  }
  state.features = read("features", (t) => readFeatures(t, defaultState.features)) ?? state.features;
  state.units =
    readLayers(params.get("layers"), params.get("units"), defaultState.units, notes) ?? state.units;

  const activationParam = params.get("activation");
  const formula =
    typeof query === "string" && compile !== undefined
      ? formulaParam(query, (text) => {
          try {
            compile(text);
            return true;
          } catch {
            return false;
          }
        })
      : params.get("formula");
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

  // an address written before the initialisation could be chosen (it has layers=…) drew Glorot-uniform weights
  if (params.has("layers")) state.init = "glorotUniform";
  state.init = read("init", (t) => readId("init", t, initIds, defaultState.init)) ?? state.init;
  state.loss = read("loss", (t) => readId("loss", t, lossIds, defaultState.loss)) ?? state.loss;
  if (state.loss === "crossEntropy" && problem === "regression") {
    notes.push(
      `loss=crossEntropy is for classification (a sigmoid output on targets 0 and 1); with problem=regression using ${defaultState.loss}`
    );
    state.loss = defaultState.loss;
  }
  state.residual =
    read("residual", (t) => readSwitch("residual", t, defaultState.residual)) ?? state.residual;
  state.lr = read("lr", (t) => readChoice("lr", t, learningRates, defaultState.lr)) ?? state.lr;
  state.batch = read("batch", (t) => readChoice("batch", t, batchSizes, defaultState.batch)) ?? state.batch;
  state.reg = read("reg", (t) => readId("reg", t, regIds, defaultState.reg)) ?? state.reg;
  state.regRate =
    read("regRate", (t) => readChoice("regRate", t, regRates, defaultState.regRate)) ?? state.regRate;
  state.showTest =
    read("showTest", (t) => readSwitch("showTest", t, defaultState.showTest)) ?? state.showTest;
  state.discretise =
    read("discretise", (t) => readSwitch("discretise", t, defaultState.discretise)) ?? state.discretise;

  const pointsText = params.get("points");
  if (pointsText !== null) {
    const {points, problems} = decodePoints(pointsText, problem);
    state.points = points;
    if (problems.length > 0) {
      notes.push(`points=${shown(pointsText)}: ${listed(problems)}; those points are left out`);
    }
  }

  const resolved = resolveActivation(state, compile);
  if (resolved.note) notes.push(resolved.note);
  return {state: resolved.state, activation: resolved.activation, notes};
}

/** A state as the playground wrote it before widths were set per layer: `layers` layers of `units`. */
interface OlderState {
  layers?: number;
  units?: number | readonly number[];
}

/**
 * The state as a query string (no "?"): only the parameters that differ from the defaults
 * (the dataset compared with its problem's default), in stateKeys order, then the formula
 * (with activation=custom) and the reader's points (unless pointsShareNote says they are too
 * many). Lists are written with bare commas (units=8,8,4). A missing field counts as its
 * default, and a state of the older form {layers, units: a number} is written as its list.
 */
export function serializeState(state: Partial<Omit<PlaygroundState, "units">> & OlderState): string {
  const units =
    typeof state.units === "number"
      ? Array.from({length: state.layers ?? 0}, () => state.units as number)
      : state.units;
  const full: PlaygroundState = {...defaultState, ...state, units: units ?? defaultState.units};
  const params = new URLSearchParams();
  for (const key of stateKeys) {
    const value = full[key];
    const fallback = key === "dataset" ? defaultDatasets[full.problem] : defaultState[key];
    if (Array.isArray(value)) {
      if (value.join(",") !== (fallback as readonly unknown[]).join(",")) params.set(key, value.join(","));
    } else if (value !== fallback) {
      params.set(
        key,
        typeof value === "number"
          ? formatParam(value)
          : typeof value === "boolean"
            ? value
              ? "on"
              : "off"
            : String(value)
      );
    }
  }
  if (full.activation === CUSTOM_ACTIVATION && full.formula) params.set("formula", full.formula);
  if (full.points) {
    const encoded = encodePoints(full.points);
    if (encoded.length <= MAX_POINTS_PARAM_LENGTH) params.set("points", encoded);
  }
  // commas are safe in a query string; URLSearchParams escapes them, which would make lists unreadable
  return params.toString().replace(/%2C/g, ",");
}
