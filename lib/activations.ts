// The activation functions of the course, one self-describing record each: value,
// derivative, TeX and the properties the summary table states (and the tests verify). This
// module holds the source document's five and the registry of every record; the further
// ones are in ./furtherActivations.js, the record's type and shared helpers in
// ./activationRecord.js. Every record keeps the numerical conventions stated in ./activationRecord.js.

import {comparedIds, furtherIds, glanceIds} from "./activationLists.js";
import {leakyReluKernel, linearKernel, reluKernel, sigmoidKernel, tanhKernel} from "./kernels.js";
import {checkParameter, INFINITE, isNaNNumber} from "./activationRecord.js";
import type {Activation} from "./activationRecord.js";
import {elu, gelu, geluTanh, mish, selu, softplus, swish} from "./furtherActivations.js";
import {entryOf, hasEntry} from "./registry.js";
import {logistic, logisticDerivative, sech2} from "./special.js";

export type {Activation, ActivationParameter, Interval} from "./activationRecord.js";
export {makeElu, SELU_ALPHA, SELU_SCALE} from "./furtherActivations.js";

// --- Core five: the source document's (the further ones: ./furtherActivations.js) ----------

const sigmoid: Activation = {
  id: "sigmoid",
  label: "Sigmoid",
  f: logistic,
  df: logisticDerivative,
  kernel: sigmoidKernel,
  tex: {
    name: "\\sigma(x)",
    f: "\\sigma(x) = \\frac{1}{1 + e^{-x}}",
    df: "\\sigma'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
    dfInTermsOfF: "f' = f\\,(1 - f)"
  },
  range: {lower: 0, upper: 1, lowerClosed: false, upperClosed: false, tex: "(0, 1)"},
  zeroCentred: false,
  monotonic: true,
  smooth: true,
  saturates: "both",
  vanishingGradient: "yes",
  maxSlope: {x: 0, value: 0.25},
  useCase: "Output unit for binary classification, where the output reads as a probability.",
  limitations: [
    "Slope at most 0.25: its own factor cuts the gradient at least 4× per layer (the weights it crosses can offset that, or make it explode)",
    "Saturates at both ends: large |x| gives almost no gradient",
    "Outputs are all positive, which biases the next layer's weight updates"
  ],
  notes: "Smooth squashing of any input into (0, 1); the historical default before ReLU."
};

const tanh: Activation = {
  id: "tanh",
  label: "Tanh",
  f: Math.tanh,
  df: sech2,
  kernel: tanhKernel,
  tex: {
    name: "\\tanh(x)",
    f: "\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}",
    df: "\\tanh'(x) = 1 - \\tanh^2(x)",
    dfInTermsOfF: "f' = 1 - f^2"
  },
  range: {lower: -1, upper: 1, lowerClosed: false, upperClosed: false, tex: "(-1, 1)"},
  zeroCentred: true,
  monotonic: true,
  smooth: true,
  saturates: "both",
  vanishingGradient: "less",
  maxSlope: {x: 0, value: 1},
  useCase: "Hidden layers of small networks and recurrent nets, where a centred output helps.",
  limitations: [
    "Still saturates at both ends, so deep stacks lose gradient",
    "Costs an exponential per evaluation"
  ],
  notes: "A rescaled sigmoid, tanh(x) = 2σ(2x) − 1: centred on 0 with slope 1 at the origin."
};

/** relu(−0) = +0: Math.max treats +0 as larger than −0, and a ReLU output is never negative. */
const relu: Activation = {
  id: "relu",
  label: "ReLU",
  f: (x) => Math.max(x, 0),
  df: (x) => (x > 0 ? 1 : x <= 0 ? 0 : NaN),
  kernel: reluKernel,
  tex: {
    name: "\\operatorname{ReLU}(x)",
    f: "\\operatorname{ReLU}(x) = \\max(0, x)",
    df: "\\operatorname{ReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}"
  },
  range: {lower: 0, upper: Infinity, lowerClosed: true, upperClosed: false, tex: "[0, \\infty)"},
  zeroCentred: false,
  monotonic: true,
  smooth: false,
  saturates: "left",
  vanishingGradient: "dies",
  maxSlope: {x: null, value: 1},
  derivativeAtZeroConvention: "ReLU′(0) = 0, as in PyTorch and TensorFlow",
  useCase: "Default for hidden layers of deep feed-forward and convolutional networks.",
  limitations: [
    "A unit whose input stays negative outputs 0 with 0 gradient and stops learning (a dead unit)",
    "Not zero-centred",
    "Not differentiable at 0"
  ],
  notes: "Passes positive inputs unchanged with slope 1, so gradients do not shrink through active units."
};

/** Leaky ReLU with slope alpha ∈ [0, 1] for negative inputs (alpha = 0 is ReLU's shape). */
export function makeLeakyRelu(alpha = 0.01): Activation {
  checkParameter("Leaky ReLU alpha", alpha, 0, 1);
  return {
    id: "leakyRelu",
    label: "Leaky ReLU",
    // alpha·(−∞) would be NaN for alpha = 0; the limit is 0
    f: (x) => (x > 0 ? x : x < 0 ? (alpha === 0 ? 0 : alpha * x) : x),
    df: (x) => (x > 0 ? 1 : x <= 0 ? alpha : NaN),
    kernel: leakyReluKernel(alpha),
    tex: {
      name: "\\operatorname{LeakyReLU}(x)",
      f: "\\operatorname{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}",
      df: "\\operatorname{LeakyReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}"
    },
    range:
      alpha > 0
        ? INFINITE
        : {lower: 0, upper: Infinity, lowerClosed: true, upperClosed: false, tex: "[0, \\infty)"},
    zeroCentred: false,
    monotonic: true,
    smooth: alpha === 1,
    saturates: alpha > 0 ? "none" : "left",
    vanishingGradient: alpha > 0 ? "no" : "dies",
    maxSlope: {x: null, value: 1},
    derivativeAtZeroConvention: "Leaky ReLU′(0) = α",
    parameter: {name: "alpha", symbol: "\\alpha", value: alpha, min: 0, max: 1},
    useCase: "Drop-in replacement for ReLU when dead units are a problem.",
    limitations: [
      "α is one more hyperparameter",
      "Negative outputs are small, so the mean output is still positive",
      "Not differentiable at 0"
    ],
    notes:
      "A small slope α for negative inputs keeps every unit's gradient non-zero, so no unit can die. " +
      "Its range is all of ℝ (outputs can be any negative number), not [0, ∞)."
  };
}

const linear: Activation = {
  id: "linear",
  label: "Linear",
  f: (x) => x,
  df: (x) => (isNaNNumber(x) ? NaN : 1),
  kernel: linearKernel,
  tex: {name: "\\operatorname{id}(x)", f: "f(x) = x", df: "f'(x) = 1"},
  range: INFINITE,
  zeroCentred: true,
  monotonic: true,
  smooth: true,
  saturates: "none",
  vanishingGradient: "no",
  maxSlope: {x: null, value: 1},
  useCase: "Output unit for regression, where the target can be any real number.",
  limitations: ["A stack of linear layers is itself linear: hidden layers gain nothing", "Unbounded output"],
  notes: "The identity; it is what a layer computes with no activation at all."
};

/** Every activation of the course, keyed by id. */
export const activations = {
  sigmoid,
  tanh,
  relu,
  leakyRelu: makeLeakyRelu(0.01),
  linear,
  elu,
  selu,
  gelu,
  geluTanh,
  swish,
  softplus,
  mish
} satisfies Record<string, Activation>;

/** The id of a registered activation. */
export type ActivationId = keyof typeof activations;

/** The five activations of the source document, in its order. */
export const coreActivationIds = [
  "sigmoid",
  "tanh",
  "relu",
  "leakyRelu",
  "linear"
] as const satisfies readonly ActivationId[];

/** The further activations the course compares against the core five: every other record. */
export const extraActivationIds: readonly ActivationId[] = furtherIds(activations, coreActivationIds);

/** The further activations that are not a variant of another record (/more-activations' table). */
export const glanceActivationIds: readonly ActivationId[] = glanceIds(activations, coreActivationIds);

/** All registered ids: core first, then extras. */
export const activationIds: readonly ActivationId[] = comparedIds(activations, coreActivationIds);

/** True when s names a registered activation. */
export function isActivationId(s: unknown): s is ActivationId {
  return hasEntry(activations, s);
}

/** The registered activation with this id; throws, listing the valid ids, otherwise. */
export function getActivation(id: string): Activation {
  return entryOf(activations, id, "unknown activation", activationIds);
}
