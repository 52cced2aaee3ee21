// Weight initialisation schemes: how the spread of a layer's random weights is chosen so
// that signals neither shrink nor grow as they pass through many layers. One record each
// (the variance rule, its TeX, whom it suits, the paper), seeded sampling, and the theory
// behind the factors: E[f(Z)²] for a normal pre-activation Z.

import {getActivation} from "./activations.js";
import type {Activation, ActivationId} from "./activations.js";
import {fillNormals} from "./random.js";
import type {Random} from "./random.js";

/** The schemes of the course, in the order menus list them. */
export const initialisationIds = ["standard", "small", "xavier", "he", "lecun"] as const;
export type InitialisationId = (typeof initialisationIds)[number];

/** The standard deviation of the "small constant scale" scheme, N(0, 0.01²). */
export const SMALL_INIT_SD = 0.01;

/** A paper a scheme comes from. */
export interface InitialisationReference {
  authors: string;
  year: number;
  title: string;
  venue: string;
}

/** One way of drawing a layer's initial weights: zero mean, the variance given by a rule. */
export interface Initialisation {
  id: InitialisationId;
  /** The name menus show, e.g. "He (Kaiming)". */
  name: string;
  /** Var(w) for a layer with fanIn inputs and fanOut outputs per unit. */
  variance(fanIn: number, fanOut: number): number;
  /** The rule in TeX, with n_in and n_out for fan-in and fan-out. */
  tex: string;
  /** Which activations the rule is made for, and why. */
  suits: string;
  /** The paper that introduced it; absent for the two naive schemes. */
  reference?: InitialisationReference;
}

/** Throws unless n is an integer ≥ 1, naming it. */
function checkFan(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be an integer ≥ 1, got ${String(n)}`);
}

/** The schemes, by id. */
export const initialisations: Readonly<Record<InitialisationId, Initialisation>> = {
  standard: {
    id: "standard",
    name: "Standard normal",
    variance: () => 1,
    tex: "w \\sim \\mathcal{N}(0,\\, 1)",
    suits:
      "Nothing deep: a unit with n inputs gets a pre-activation whose variance is n times the mean square of its inputs, so the signal explodes (or saturates tanh and sigmoid) within a few layers."
  },
  small: {
    id: "small",
    name: "Small constant scale",
    variance: () => SMALL_INIT_SD * SMALL_INIT_SD,
    tex: "w \\sim \\mathcal{N}(0,\\, 0.01^2)",
    suits:
      "Shallow networks only: with tanh each layer multiplies the variance by about n × 10⁻⁴, far below 1 for any usual width, so signals and gradients vanish geometrically with depth (with sigmoid, whose output sits near ½, the gradients do)."
  },
  xavier: {
    id: "xavier",
    name: "Xavier (Glorot)",
    variance: (fanIn, fanOut) => 2 / (fanIn + fanOut),
    tex: "\\operatorname{Var}(w) = \\frac{2}{n_\\text{in} + n_\\text{out}}",
    suits:
      "tanh and linear units: near 0 tanh has slope 1, so n × Var(w) ≈ 1 keeps the variance steady forwards (n = fan-in) and backwards (n = fan-out), and the rule takes the harmonic mean of 1/n_in and 1/n_out. tanh itself still shrinks what it passes a little, so through many layers the variance falls slowly (about as 1/(2l) after l layers), not geometrically.",
    reference: {
      authors: "Xavier Glorot and Yoshua Bengio",
      year: 2010,
      title: "Understanding the difficulty of training deep feedforward neural networks",
      venue: "AISTATS"
    }
  },
  he: {
    id: "he",
    name: "He (Kaiming)",
    variance: (fanIn) => 2 / fanIn,
    tex: "\\operatorname{Var}(w) = \\frac{2}{n_\\text{in}}",
    suits:
      "ReLU and its relatives: ReLU zeroes half of a symmetric input, so E[ReLU(z)²] = Var(z)/2, and the factor 2 puts back what it removes.",
    reference: {
      authors: "Kaiming He, Xiangyu Zhang, Shaoqing Ren and Jian Sun",
      year: 2015,
      title: "Delving deep into rectifiers: surpassing human-level performance on ImageNet classification",
      venue: "ICCV"
    }
  },
  lecun: {
    id: "lecun",
    name: "LeCun",
    variance: (fanIn) => 1 / fanIn,
    tex: "\\operatorname{Var}(w) = \\frac{1}{n_\\text{in}}",
    suits:
      "SELU (self-normalising networks keep mean 0 and variance 1 with it) and tanh: n_in × Var(w) = 1, so the variance is kept wherever E[f(z)²] ≈ Var(z).",
    reference: {
      authors: "Yann LeCun, Léon Bottou, Genevieve B. Orr and Klaus-Robert Müller",
      year: 1998,
      title: "Efficient BackProp",
      venue: "Neural Networks: Tricks of the Trade (Springer)"
    }
  }
};

/** Whether s names a scheme. */
export function isInitialisationId(s: unknown): s is InitialisationId {
  return typeof s === "string" && (initialisationIds as readonly string[]).includes(s);
}

/** The scheme with this id; an unknown id is an error that lists the known ones. */
export function getInitialisation(id: string): Initialisation {
  if (!isInitialisationId(id)) {
    throw new Error(
      `unknown initialisation "${String(id)}"; expected one of ${initialisationIds.join(", ")}`
    );
  }
  return initialisations[id];
}

/** Var(w) of the scheme for a layer of the given fans (each an integer ≥ 1). */
export function weightVariance(scheme: Initialisation, fanIn: number, fanOut: number): number {
  checkFan("fan-in", fanIn);
  checkFan("fan-out", fanOut);
  return scheme.variance(fanIn, fanOut);
}

/** The two shapes of weight distribution with a given variance. */
export type WeightDistribution = "normal" | "uniform";

/**
 * `size` draws of the standard shape of a distribution from the seeded generator, into `out`
 * when given: N(0, 1) for "normal", U[0, 1) for "uniform". scaleDraws turns them into a
 * scheme's weights; kept, they serve any scheme and scale again (lib/deepStats.ts does so).
 */
export function standardDraws(
  random: Random,
  size: number,
  distribution: WeightDistribution = "normal",
  out?: Float64Array
): Float64Array {
  if (distribution !== "normal" && distribution !== "uniform") {
    throw new Error(`distribution must be "normal" or "uniform", got ${String(distribution)}`);
  }
  const draws = out ?? new Float64Array(size);
  if (draws.length !== size) throw new Error(`out must hold ${size} draws, got ${draws.length}`);
  if (distribution === "normal") fillNormals(random, draws);
  else for (let i = 0; i < size; i++) draws[i] = random();
  return draws;
}

/**
 * A fanOut × fanIn weight matrix of the scheme from standard draws (standardDraws, fanIn ×
 * fanOut of them): σ·x for "normal", giving N(0, Var), and −a + 2a·u for "uniform", giving
 * U(−a, a) with a = √(3 Var) (which has the same variance). Writes into `out` when given
 * (its length must be fanIn × fanOut) and returns it.
 */
export function scaleDraws(
  scheme: Initialisation,
  fanIn: number,
  fanOut: number,
  draws: Float64Array,
  distribution: WeightDistribution = "normal",
  out?: Float64Array
): Float64Array {
  const variance = weightVariance(scheme, fanIn, fanOut);
  const size = fanIn * fanOut;
  const weights = out ?? new Float64Array(size);
  if (weights.length !== size) throw new Error(`out must hold ${size} weights, got ${weights.length}`);
  if (draws.length !== size) throw new Error(`draws must hold ${size} numbers, got ${draws.length}`);
  if (distribution === "normal") {
    const sd = Math.sqrt(variance);
    for (let i = 0; i < size; i++) weights[i] = sd * draws[i];
  } else if (distribution === "uniform") {
    const limit = Math.sqrt(3 * variance);
    const span = limit - -limit; // as uniform() in ./random.js computes low + (high − low)·u
    for (let i = 0; i < size; i++) weights[i] = -limit + span * draws[i];
  } else {
    throw new Error(`distribution must be "normal" or "uniform", got ${String(distribution)}`);
  }
  return weights;
}

/**
 * Draws a fanOut × fanIn weight matrix (row-major: row i holds unit i's incoming weights) from
 * the scheme with the seeded generator: N(0, Var) for "normal", U(−a, a) with a = √(3 Var)
 * (which has the same variance) for "uniform" (standardDraws, then scaleDraws). Writes into
 * `out` when given (its length must be fanIn × fanOut) and returns it.
 */
export function sampleWeights(
  scheme: Initialisation,
  fanIn: number,
  fanOut: number,
  random: Random,
  distribution: WeightDistribution = "normal",
  out?: Float64Array
): Float64Array {
  const size = fanIn * fanOut;
  weightVariance(scheme, fanIn, fanOut); // checks the fans before anything is drawn
  if (out !== undefined && out.length !== size) throw new Error(`out must hold ${size} weights, got ${out.length}`);
  return scaleDraws(scheme, fanIn, fanOut, standardDraws(random, size, distribution), distribution, out);
}

/**
 * E[f(Z)²] for Z ~ N(0, variance): the factor by which a layer turns the variance of its
 * pre-activations into the second moment of its outputs. Composite Simpson's rule on
 * ±12 standard deviations (2400 intervals), accurate to ~1e-10 relative for the course's
 * activations; variance 0 gives f(0)². For ReLU it equals variance / 2 (half of a symmetric
 * Z is zeroed): the reason He initialisation doubles LeCun's 1/n_in.
 */
export function gaussianSecondMoment(f: (x: number) => number, variance: number): number {
  if (!(variance >= 0) || !Number.isFinite(variance)) {
    throw new Error(`variance must be a finite number ≥ 0, got ${String(variance)}`);
  }
  if (variance === 0) return f(0) ** 2;
  const sd = Math.sqrt(variance);
  const intervals = 2400;
  const h = 24 / intervals; // in standard deviations
  let sum = 0;
  for (let k = 0; k <= intervals; k++) {
    const t = -12 + k * h;
    const weight = k === 0 || k === intervals ? 1 : k % 2 === 1 ? 4 : 2;
    sum += weight * f(sd * t) ** 2 * Math.exp(-0.5 * t * t);
  }
  return (sum * h) / 3 / Math.sqrt(2 * Math.PI);
}

/**
 * The variance a layer's pre-activations have when its inputs have second moment
 * `inputSecondMoment`: fan-in × Var(w) × E[a²] (zero-mean weights drawn independently of
 * the inputs). The heart of every initialisation rule: it is steady when fan-in × Var(w) ×
 * E[f(z)²] / Var(z) = 1.
 */
export function predictedVariance(fanIn: number, weightVar: number, inputSecondMoment: number): number {
  return fanIn * weightVar * inputSecondMoment;
}

/** The scheme that suits an activation, and why, in one sentence a page can show. */
export interface InitialisationChoice {
  id: InitialisationId;
  reason: string;
}

/**
 * Activations shaped like ReLU (the identity, or nearly, for large inputs; flat and bounded
 * below for negative ones) whose scheme is chosen by their second moment, as He's is for ReLU.
 */
const RELU_LIKE: ReadonlySet<string> = new Set(["elu", "gelu", "geluTanh", "swish", "mish", "softplus"]);

/** A number for a sentence: two significant figures, no trailing zeros. */
function figure(x: number): string {
  return String(Number(x.toPrecision(2)));
}

/**
 * He or LeCun for a layer whose activation keeps `gain` = E[f(z)²] of a unit-variance
 * pre-activation: fan-in × Var(w) = 1/gain keeps the variance steady, and the nearer of He's
 * 2 and LeCun's 1 is chosen.
 */
function byGain(gain: number): InitialisationId {
  return 1 / gain > 1.5 ? "he" : "lecun";
}

/**
 * The initialisation that fits an activation (a record or a registered id), with a
 * one-sentence reason:
 * - ReLU: He, derived for it (E[ReLU(z)²] = Var(z)/2, which Var(w) = 2/n_in doubles back);
 * - leaky ReLU of slope α: He et al.'s rule for it is Var(w) = 2/((1 + α²) n_in), so He's
 *   2/n_in for a small α (LeCun's 1/n_in once α > 1/√3, where that rule is nearer it);
 * - ELU, GELU, Swish, Mish and Softplus, shaped like ReLU: He or LeCun, whichever makes
 *   fan-in × Var(w) nearer the 1/E[f(z)²] (unit-variance z, computed) that keeps the variance
 *   steady (He for all but Softplus at the records' default parameters);
 * - SELU: LeCun, with which its constants make a network self-normalising;
 * - anything else (sigmoid, tanh, linear, a reader's formula): Xavier (Glorot),
 *   derived for activations symmetric about 0 with slope 1 there (tanh near 0, the identity),
 *   and the neutral default for the rest, which the reason says.
 * Throws for an unknown id or something that is not an activation record.
 */
export function initialisationFor(activation: Activation | ActivationId): InitialisationChoice {
  const act = typeof activation === "string" ? getActivation(activation) : activation;
  if (act === null || typeof act !== "object" || typeof act.f !== "function" || typeof act.id !== "string") {
    throw new Error("initialisationFor needs an activation id or record");
  }
  const {id, label} = act;
  if (id === "relu") {
    return {
      id: "he",
      reason:
        "ReLU zeroes the negative half of a symmetric pre-activation, so E[ReLU(z)²] = Var(z)/2, and He initialisation's Var(w) = 2/n_in, derived for ReLU, doubles the variance back."
    };
  }
  if (id === "leakyRelu") {
    const alpha = act.parameter?.value ?? 0.01;
    const factor = 2 / (1 + alpha * alpha);
    const chosen: InitialisationId = factor > 1.5 ? "he" : "lecun";
    const rule = `He et al. derived Var(w) = 2/((1 + α²) n_in) for a leaky ReLU of slope α`;
    return {
      id: chosen,
      reason:
        chosen === "he"
          ? `${rule}; with α = ${alpha} that is He's 2/n_in to within ${figure((100 * alpha * alpha) / (1 + alpha * alpha))}%.`
          : `${rule}; with α = ${alpha} that is ${figure(factor)}/n_in, nearer LeCun's 1/n_in than He's 2/n_in.`
    };
  }
  if (RELU_LIKE.has(id)) {
    const gain = gaussianSecondMoment((x) => act.f(x), 1);
    const chosen = byGain(gain);
    return {
      id: chosen,
      reason:
        `${label} is shaped like ReLU, and for a unit-variance pre-activation E[f(z)²] = ${figure(gain)} (ReLU's is 0.5), ` +
        `so fan-in × Var(w) = 1/${figure(gain)} ≈ ${figure(1 / gain)} would keep the variance steady: ` +
        (chosen === "he" ? "He's 2 is nearer than LeCun's 1." : "LeCun's 1 is nearer than He's 2.")
    };
  }
  if (id === "selu") {
    return {
      id: "lecun",
      reason:
        "SELU's constants were chosen so that, with LeCun initialisation's Var(w) = 1/n_in, every layer keeps its outputs near mean 0 and variance 1: the network normalises itself."
    };
  }
  const xavier =
    "Xavier (Glorot) initialisation was derived for activations symmetric about 0 with slope 1 there";
  const balance =
    "the case Xavier (Glorot) initialisation was derived for: its Var(w) = 2/(n_in + n_out) is the harmonic mean of 1/n_in, which keeps the variance steady forwards, and 1/n_out, which keeps it steady backwards.";
  if (id === "tanh")
    return {id: "xavier", reason: `tanh is symmetric about 0 with slope 1 there, ${balance}`};
  if (id === "linear") {
    return {id: "xavier", reason: `The identity is symmetric about 0 with slope 1 everywhere, ${balance}`};
  }
  if (id === "sigmoid") {
    return {
      id: "xavier",
      reason: `${xavier}, which the sigmoid (symmetric about the point (0, ½), with slope ¼ there) is not, so for it Xavier is a common default rather than an exact fit.`
    };
  }
  return {
    id: "xavier",
    reason: `${xavier}; ${id === "custom" ? "your formula" : label} is not one of the shapes any scheme here was derived for, so Xavier is a neutral default.`
  };
}
