// The playground's state: every control, so an address can share an exact setup; reading it
// from a query string with a visible note for each value ignored or adjusted, and writing
// back only what differs from the defaults, so a link stays short.

import {getActivation, isActivationId} from "./activations.js";
import type {Activation, ActivationId} from "./activations.js";
import {decodePoints, encodePoints, MAX_POINTS_PARAM_LENGTH} from "./customPoints.js";
import type {CustomPoint} from "./customPoints.js";
import {problemDatasets} from "./datasets.js";
import type {DatasetId} from "./datasets.js";
import {featureIds, isFeatureId} from "./features.js";
import type {FeatureId} from "./features.js";
import {formulaParam} from "./formulaParam.js";
import {
  batchSizes,
  defaultDatasets,
  initIds,
  learningRates,
  lossIds,
  nearestLogChoice,
  problemIds,
  rangeSpecs,
  regIds,
  regRates,
  snapToStep
} from "./playgroundOptions.js";
import type {InitId, LossId, Problem, RangeSpec, RegId} from "./playgroundOptions.js";

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

/** A list's problems for a note: the first three, then how many more. */
function listed(problems: string[]): string {
  const more = problems.length - 3;
  return more > 0 ? `${problems.slice(0, 3).join("; ")}; and ${more} more` : problems.join("; ");
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

/** Reads one numeric range parameter: the value snapped to its step, and a note if it was changed or refused. */
function readRange(
  key: string,
  text: string,
  spec: RangeSpec,
  fallback: number
): {value: number; note?: string} {
  const value = parseNumber(text.trim());
  if (!Number.isFinite(value))
    return {value: fallback, note: `${key}=${shown(text)} is not a number; using ${formatParam(fallback)}`};
  if (value < spec.min || value > spec.max) {
    return {
      value: fallback,
      note: `${key}=${shown(text)} is outside ${rangeText(spec)}; using ${formatParam(fallback)}`
    };
  }
  const snapped = snapToStep(value, spec);
  if (Math.abs(snapped - value) <= 1e-9) return {value: snapped};
  return {
    value: snapped,
    note:
      spec.step === 1
        ? `${key}=${shown(text)} is not a whole number; using ${formatParam(snapped)}`
        : `${key}=${shown(text)} is between the slider's steps of ${formatParam(spec.step)}; using ${formatParam(snapped)}`
  };
}

/** Reads one parameter that takes a value from a list of numbers, the nearest on a log scale. */
function readChoice(
  key: string,
  text: string,
  choices: readonly number[],
  fallback: number
): {value: number; note?: string} {
  const value = parseNumber(text.trim());
  const lo = choices[0];
  const hi = choices[choices.length - 1];
  if (!Number.isFinite(value))
    return {value: fallback, note: `${key}=${shown(text)} is not a number; using ${formatParam(fallback)}`};
  if (value < lo || value > hi) {
    return {
      value: fallback,
      note: `${key}=${shown(text)} is outside ${formatParam(lo)}–${formatParam(hi)}; using ${formatParam(fallback)}`
    };
  }
  const nearest = nearestLogChoice(value, choices);
  if (Math.abs(nearest - value) <= 1e-12 * nearest) return {value: nearest};
  return {
    value: nearest,
    note: `${key}=${shown(text)} is not one of ${choices.map(formatParam).join(", ")}; using ${formatParam(nearest)}`
  };
}

/** Reads one parameter that names one of `ids` exactly. */
function readId<T extends string>(
  key: string,
  text: string,
  ids: readonly T[],
  fallback: T
): {value: T; note?: string} {
  if ((ids as readonly string[]).includes(text)) return {value: text as T};
  return {value: fallback, note: `${key}=${shown(text)} is not one of ${ids.join(", ")}; using ${fallback}`};
}

/** Reads an on/off switch. */
function readSwitch(key: string, text: string, fallback: boolean): {value: boolean; note?: string} {
  if (text === "on" || text === "off") return {value: text === "on"};
  return {value: fallback, note: `${key}=${shown(text)} is not on or off; using ${fallback ? "on" : "off"}`};
}

/** Reads features=x1,x2,…: known names in featureIds order; unknown, empty and repeated entries noted and dropped. */
function readFeatures(text: string): {value: readonly FeatureId[]; note?: string} {
  const fallback = defaultState.features;
  const chosen = new Set<FeatureId>();
  const problems: string[] = [];
  text.split(",").forEach((raw, k) => {
    const entry = raw.trim();
    if (entry === "") problems.push(`entry ${k + 1} is empty`);
    else if (!isFeatureId(entry))
      problems.push(`"${shown(entry)}" is not a feature (${featureIds.join(", ")})`);
    else if (chosen.has(entry)) problems.push(`${entry} is listed twice`);
    else chosen.add(entry);
  });
  const value = featureIds.filter((id) => chosen.has(id));
  if (value.length === 0) {
    return {
      value: fallback,
      note: `features=${shown(text)} names no feature, and the network needs at least one; using ${fallback.join(",")}`
    };
  }
  if (problems.length === 0) return {value};
  return {value, note: `features=${shown(text)}: ${listed(problems)}; using ${value.join(",")}`};
}

/** Reads units=8,8,4: one width per hidden layer, each 1–8, at most 6 layers; "" or "0" is no hidden layer. */
function readUnits(text: string): {value: readonly number[]; note?: string} {
  const trimmed = text.trim();
  if (trimmed === "" || trimmed === "0") return {value: []};
  const {min, max} = rangeSpecs.units;
  const value: number[] = [];
  const problems: string[] = [];
  trimmed.split(",").forEach((raw, k) => {
    const entry = raw.trim();
    const width = parseNumber(entry);
    const layer = `layer ${k + 1}`;
    if (entry === "") problems.push(`${layer} is empty`);
    else if (!Number.isFinite(width)) problems.push(`${layer}'s "${shown(entry)}" is not a number`);
    else if (width < min || width > max) {
      const clamped = Math.min(max, Math.max(min, Math.round(width)));
      problems.push(`${layer}'s ${entry} is outside ${min}–${max}, so ${clamped}`);
      value.push(clamped);
    } else if (!Number.isInteger(width)) {
      problems.push(`${layer}'s ${entry} is not a whole number, so ${Math.round(width)}`);
      value.push(Math.round(width));
    } else value.push(width);
  });
  if (value.length > rangeSpecs.layers.max) {
    problems.push(`more than ${rangeSpecs.layers.max} layers, so the first ${rangeSpecs.layers.max}`);
    value.length = rangeSpecs.layers.max;
  }
  if (value.length === 0) {
    const fallback = defaultState.units.join(",");
    return {
      value: defaultState.units,
      note: `units=${shown(text)} gives no layer's width (${listed(problems)}); using ${fallback}`
    };
  }
  if (problems.length === 0) return {value};
  return {value, note: `units=${shown(text)}: ${listed(problems)}; using ${value.join(",")}`};
}

/**
 * Reads the hidden layers: units=8,8,4 (one width per layer), or the older
 * layers=2&units=4 (that many layers of that width, as the playground wrote it before
 * widths were set per layer).
 */
function readLayers(
  layersText: string | null,
  unitsText: string | null,
  notes: string[]
): readonly number[] | undefined {
  if (layersText === null) {
    if (unitsText === null) return undefined;
    const {value, note} = readUnits(unitsText);
    if (note) notes.push(note);
    return value;
  }
  const layers = readRange("layers", layersText, rangeSpecs.layers, defaultState.units.length);
  if (layers.note) notes.push(layers.note);
  if (unitsText !== null && unitsText.includes(",")) {
    notes.push(`layers=${shown(layersText)} is ignored beside a list of widths units=${shown(unitsText)}`);
    const {value, note} = readUnits(unitsText);
    if (note) notes.push(note);
    return value;
  }
  const width =
    unitsText === null
      ? {value: defaultState.units[0]}
      : readRange("units", unitsText, rangeSpecs.units, defaultState.units[0]);
  if (width.note) notes.push(width.note);
  return Array.from({length: layers.value}, () => width.value);
}

/**
 * Reads the playground's state from a query string ("?dataset=xor&units=8,4…") or its
 * parameters. Missing parameters take their defaults silently; invalid ones take their
 * defaults with a note; values between steps snap to the nearest step with a note. The
 * dataset and the loss must suit the problem (else a note and the problem's default).
 * Parameters the playground does not use are ignored. From a query string, a formula with a
 * "+" typed by hand (formula=sin(x)+x) is read as /your-own reads it (./formulaParam.js),
 * which needs `compile` to tell which reading can be used.
 */
export function parseState(query: string | URLSearchParams, compile?: CompileActivation): ParsedState {
  const params = typeof query === "string" ? new URLSearchParams(query) : query;
  const state: PlaygroundState = {...defaultState};
  const notes: string[] = [];
  const read = <T>(key: string, reader: (text: string) => {value: T; note?: string}): T | undefined => {
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
    read("dataset", (text): {value: DatasetId; note?: string} => {
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
  state.features = read("features", readFeatures) ?? state.features;
  state.units = readLayers(params.get("layers"), params.get("units"), notes) ?? state.units;

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
