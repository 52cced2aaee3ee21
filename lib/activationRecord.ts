// What an activation record is (the Activation type) and what every record shares: the
// numerical conventions below, the whole real line as a range, the check of a slider
// parameter. The records are in ./activations.js (the source document's five and the
// registry) and ./furtherActivations.js (the others).
//
// Numerical conventions, shared by every record:
// - f and df keep near-full relative precision for every finite double, including the far
//   tails where naive formulas round to 0, 1 or Infinity (see ./special.js).
// - ±Infinity gives the limit of the function; a limit of zero is returned as +0.
// - NaN in gives NaN out, for f and df alike.
// - −0 in: odd-looking functions keep the sign (tanh(−0) = −0, linear(−0) = −0,
//   leakyRelu(−0) = −0, elu(−0) = −0, gelu(−0) = −0); relu(−0) = +0.
// - At a kink, df takes the value of the left-hand branch (ReLU′(0) = 0 as in PyTorch and
//   TensorFlow); each such record says so in derivativeAtZeroConvention.

import type {Kernel} from "./kernels.js";

/** An interval of the real line, for stating an activation's output range. */
export interface Interval {
  lower: number;
  upper: number;
  lowerClosed: boolean;
  upperClosed: boolean;
  /** The interval in TeX, e.g. "(0, 1)" or "[0, \\infty)". */
  tex: string;
}

/** A tunable constant of an activation, with the bounds a slider (and the factory) accepts. */
export interface ActivationParameter {
  name: string;
  symbol: string;
  value: number;
  min: number;
  max: number;
}

/** Everything the course states about one activation function. */
export interface Activation {
  /** Same as its key in `activations`; factory-made variants keep their family's id. */
  id: string;
  label: string;
  /** The value f(x). */
  f(x: number): number;
  /** The derivative f′(x); at a kink, see derivativeAtZeroConvention. */
  df(x: number): number;
  /** f and f′ in one call, for the trainer (./kernels.js); without it the trainer calls f and df. */
  kernel?: Kernel;
  tex: {name: string; f: string; df: string; dfInTermsOfF?: string};
  /** Output range over all real inputs. */
  range: Interval;
  /** Mean output ≈ 0 for standard-normal inputs (|E f(Z)| < 0.05), so the next layer sees centred data. */
  zeroCentred: boolean;
  monotonic: boolean;
  /** Differentiable everywhere. */
  smooth: boolean;
  /** Where f′ → 0 as x → ±∞ (a flat tail). */
  saturates: "both" | "left" | "none";
  /** How gradients fare through many layers: shrink ("yes"), shrink less ("less"), don't ("no"), or can be exactly 0 ("dies"). */
  vanishingGradient: "yes" | "less" | "no" | "dies";
  /** Largest |f′| and where; x is null when that value is reached (or approached) on a whole half-line. */
  maxSlope: {x: number | null; value: number};
  /** The value chosen for f′ at the kink, for functions that are not differentiable at 0. */
  derivativeAtZeroConvention?: string;
  parameter?: ActivationParameter;
  useCase: string;
  limitations: string[];
  notes: string;
  /** Where it is used, in a few words: the "Used in" column of /more-activations' "At a glance" table. */
  usedIn?: string;
  /** Its name in that table, when not its label (e.g. "ELU (α = 1)"). */
  glanceLabel?: string;
  /** Its name in /more-activations' introduction, when not its label (e.g. "Swish"). */
  proseName?: string;
  /** Another name it goes by, which the introduction gives after it ("also called SiLU"). */
  alsoCalled?: string;
  /**
   * The id of the record this one approximates (GELU's tanh form: "gelu"). /more-activations
   * covers it under that record, so its introduction and "At a glance" table do not list it.
   */
  variantOf?: string;
}

/** The whole real line, the range of an unbounded activation. */
export const INFINITE: Interval = {
  lower: -Infinity,
  upper: Infinity,
  lowerClosed: false,
  upperClosed: false,
  tex: "(-\\infty, \\infty)"
};

/** True for NaN (x !== x: no call, for the hot paths). */
export function isNaNNumber(x: number): boolean {
  return x !== x;
}

/** Checks a slider parameter against its documented bounds, naming it in the error. */
export function checkParameter(name: string, value: number, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a finite number in [${min}, ${max}], got ${String(value)}`);
  }
}
