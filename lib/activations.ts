// The activation functions of the course, one self-describing record each: value,
// derivative, TeX and the properties the summary table states (and the tests verify).
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

import {comparedIds, furtherIds} from "./activationLists.js";
import {leakyReluKernel, linearKernel, reluKernel, sigmoidKernel, tanhKernel} from "./kernels.js";
import type {Kernel} from "./kernels.js";
import {log1pExp, logistic, logisticDerivative, normalCdf, normalPdf, sech2} from "./special.js";

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
}

const INFINITE: Interval = {
  lower: -Infinity,
  upper: Infinity,
  lowerClosed: false,
  upperClosed: false,
  tex: "(-\\infty, \\infty)"
};

function isNaNNumber(x: number): boolean {
  return x !== x;
}

/** SELU's α (Klambauer et al. 2017), the value PyTorch and TensorFlow use. */
export const SELU_ALPHA = 1.6732632423543772848170429916717;
/** SELU's scale λ (Klambauer et al. 2017). */
export const SELU_SCALE = 1.0507009873554804934193349852946;

/** √(2/π), for the tanh approximation of GELU. */
const SQRT_2_OVER_PI = 0.7978845608028654;
const GELU_TANH_CUBIC = 0.044715;

// --- Core five ---------------------------------------------------------------------------

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

/** Checks a slider parameter against its documented bounds, naming it in the error. */
function checkParameter(name: string, value: number, min: number, max: number): void {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new Error(`${name} must be a finite number in [${min}, ${max}], got ${String(value)}`);
  }
}

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

// --- Extras ------------------------------------------------------------------------------

/** ELU with saturation level −alpha for negative inputs, alpha ∈ [0, 2]. */
export function makeElu(alpha = 1): Activation {
  checkParameter("ELU alpha", alpha, 0, 2);
  return {
    id: "elu",
    label: "ELU",
    f: (x) => (x > 0 ? x : alpha * Math.expm1(x)),
    df: (x) => (x > 0 ? 1 : alpha * Math.exp(x)),
    tex: {
      name: "\\operatorname{ELU}(x)",
      f: "\\operatorname{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
      df: "\\operatorname{ELU}'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}",
      dfInTermsOfF: "f' = f + \\alpha \\text{ for } x \\le 0"
    },
    range:
      alpha > 0
        ? {
            lower: -alpha,
            upper: Infinity,
            lowerClosed: false,
            upperClosed: false,
            tex: `(-${alpha}, \\infty)`
          }
        : {lower: 0, upper: Infinity, lowerClosed: true, upperClosed: false, tex: "[0, \\infty)"},
    zeroCentred: false,
    monotonic: true,
    smooth: alpha === 1,
    saturates: "left",
    vanishingGradient: alpha > 0 ? "no" : "dies",
    maxSlope: alpha > 1 ? {x: 0, value: alpha} : {x: null, value: 1},
    ...(alpha === 1 ? {} : {derivativeAtZeroConvention: "ELU′(0) = α (the left-hand slope)"}),
    parameter: {name: "alpha", symbol: "\\alpha", value: alpha, min: 0, max: 2},
    useCase: "Hidden layers where ReLU's dead units or positive mean output slow training.",
    limitations: ["Costs an exponential for negative inputs", "Saturates for very negative inputs"],
    notes:
      "Identity for positive inputs and a smooth exponential floor at −α for negative ones, " +
      "which pulls the mean output closer to 0 than ReLU and keeps a gradient everywhere."
  };
}

const selu: Activation = {
  id: "selu",
  label: "SELU",
  f: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
  df: (x) => SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x)),
  tex: {
    name: "\\operatorname{SELU}(x)",
    f: "\\operatorname{SELU}(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}",
    df: "\\operatorname{SELU}'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}",
    dfInTermsOfF: "f' = f + \\lambda\\alpha \\text{ for } x \\le 0"
  },
  range: {
    lower: -SELU_SCALE * SELU_ALPHA,
    upper: Infinity,
    lowerClosed: false,
    upperClosed: false,
    tex: "(-\\lambda\\alpha, \\infty) \\approx (-1.758, \\infty)"
  },
  zeroCentred: true,
  monotonic: true,
  smooth: false,
  saturates: "left",
  vanishingGradient: "no",
  maxSlope: {x: 0, value: SELU_SCALE * SELU_ALPHA},
  derivativeAtZeroConvention: "SELU′(0) = λα (the left-hand slope), as in PyTorch",
  useCase: "Deep fully-connected networks without batch normalisation (with LeCun-normal initialisation).",
  limitations: [
    "Its self-normalising guarantee needs LeCun-normal weights and no other normalisation",
    "Not differentiable at 0 (slopes λ and λα meet there)"
  ],
  notes:
    "A scaled ELU whose constants α ≈ 1.6733 and λ ≈ 1.0507 make activations drift towards " +
    "mean 0 and variance 1 from layer to layer."
};

const gelu: Activation = {
  id: "gelu",
  label: "GELU",
  // Φ via erfc keeps x·Φ(x) accurate far into the left tail, where 1 + erf(x/√2) cancels to 0
  f: (x) => (x === -Infinity ? 0 : x * normalCdf(x)),
  df: (x) => {
    const density = normalPdf(x);
    return normalCdf(x) + (density === 0 ? 0 : x * density);
  },
  tex: {
    name: "\\operatorname{GELU}(x)",
    f: "\\operatorname{GELU}(x) = x\\,\\Phi(x) = \\frac{x}{2}\\Bigl(1 + \\operatorname{erf}\\bigl(x/\\sqrt{2}\\bigr)\\Bigr)",
    df: "\\operatorname{GELU}'(x) = \\Phi(x) + x\\,\\varphi(x)"
  },
  range: {
    lower: -0.16997120747990366,
    upper: Infinity,
    lowerClosed: true,
    upperClosed: false,
    tex: "[\\approx -0.170, \\infty)"
  },
  zeroCentred: false,
  monotonic: false,
  smooth: true,
  saturates: "left",
  vanishingGradient: "no",
  maxSlope: {x: Math.SQRT2, value: 1.1289041451851547},
  useCase: "Hidden layers of Transformers (BERT, GPT) and other large modern models.",
  limitations: [
    "Costs an erf evaluation (hence the tanh approximation)",
    "Not monotonic: dips to about −0.17 near x ≈ −0.75"
  ],
  notes:
    "Weights the input by the probability Φ(x) that a standard normal variable is below it: a smooth ReLU."
};

/** x·σ(2u) = ½x(1 + tanh u): the sigmoid form avoids 1 + tanh u cancelling for very negative u. */
function geluTanhInner(x: number): number {
  return 2 * SQRT_2_OVER_PI * x * (1 + GELU_TANH_CUBIC * x * x);
}

const geluTanh: Activation = {
  id: "geluTanh",
  label: "GELU (tanh approx.)",
  f: (x) => {
    if (x === -Infinity) return 0;
    return x * logistic(geluTanhInner(x));
  },
  df: (x) => {
    const v = geluTanhInner(x);
    const slope = logisticDerivative(v);
    if (slope === 0) return logistic(v); // also keeps ±Infinity·0 out
    const dv = 2 * SQRT_2_OVER_PI * (1 + 3 * GELU_TANH_CUBIC * x * x);
    return logistic(v) + x * slope * dv;
  },
  tex: {
    name: "\\operatorname{GELU}_{\\tanh}(x)",
    f: "\\operatorname{GELU}_{\\tanh}(x) = \\frac{x}{2}\\Bigl(1 + \\tanh\\bigl(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\bigr)\\Bigr)",
    df: "\\operatorname{GELU}_{\\tanh}'(x) = \\frac{1}{2}(1 + t) + \\frac{x}{2}(1 - t^2)\\sqrt{2/\\pi}\\,(1 + 0.134145\\,x^2),\\quad t = \\tanh\\bigl(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\bigr)"
  },
  range: {
    lower: -0.17004075057125406,
    upper: Infinity,
    lowerClosed: true,
    upperClosed: false,
    tex: "[\\approx -0.170, \\infty)"
  },
  zeroCentred: false,
  monotonic: false,
  smooth: true,
  saturates: "left",
  vanishingGradient: "no",
  maxSlope: {x: 1.4185040087908283, value: 1.1289930686587717},
  useCase: "Where GELU is wanted but erf is slow or unavailable (the original BERT and GPT-2 code).",
  limitations: ["An approximation: differs from exact GELU by up to about 5e-4", "Not monotonic"],
  notes: "Replaces Φ(x) by a tanh of a cubic; visually indistinguishable from exact GELU."
};

const swish: Activation = {
  id: "swish",
  label: "Swish (SiLU)",
  f: (x) => (x === -Infinity ? 0 : x * logistic(x)),
  df: (x) => {
    const slope = logisticDerivative(x);
    return logistic(x) + (slope === 0 ? 0 : x * slope);
  },
  tex: {
    name: "\\operatorname{swish}(x)",
    f: "\\operatorname{swish}(x) = x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}",
    df: "\\operatorname{swish}'(x) = \\sigma(x) + x\\,\\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
    dfInTermsOfF: "f' = f + \\sigma(x)\\,(1 - f)"
  },
  range: {
    lower: -0.2784645427610738,
    upper: Infinity,
    lowerClosed: true,
    upperClosed: false,
    tex: "[\\approx -0.278, \\infty)"
  },
  zeroCentred: false,
  monotonic: false,
  smooth: true,
  saturates: "left",
  vanishingGradient: "no",
  maxSlope: {x: 2.3993572805154675, value: 1.099839320128867},
  useCase: "Hidden layers of deep image models (EfficientNet, MobileNetV3) found by architecture search.",
  limitations: ["Costs an exponential", "Not monotonic: dips to about −0.28 near x ≈ −1.28"],
  notes: "The input gated by its own sigmoid; also called SiLU. Smooth and unbounded above like ReLU."
};

const softplus: Activation = {
  id: "softplus",
  label: "Softplus",
  f: log1pExp,
  df: logistic,
  tex: {
    name: "\\operatorname{softplus}(x)",
    f: "\\operatorname{softplus}(x) = \\ln\\bigl(1 + e^{x}\\bigr)",
    df: "\\operatorname{softplus}'(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}",
    dfInTermsOfF: "f' = 1 - e^{-f}"
  },
  range: {lower: 0, upper: Infinity, lowerClosed: false, upperClosed: false, tex: "(0, \\infty)"},
  zeroCentred: false,
  monotonic: true,
  smooth: true,
  saturates: "left",
  vanishingGradient: "no",
  maxSlope: {x: null, value: 1},
  useCase: "Where an output must be positive and smooth, e.g. a predicted standard deviation or rate.",
  limitations: ["Slower than ReLU (an exponential and a logarithm)", "Not zero-centred"],
  notes: "A smooth ReLU whose derivative is exactly the sigmoid."
};

const mish: Activation = {
  id: "mish",
  label: "Mish",
  f: (x) => (x === -Infinity ? 0 : x * Math.tanh(log1pExp(x))),
  df: (x) => {
    // d/dx x·tanh(sp(x)) = tanh(sp) + x·sech²(sp)·σ(x); sech² computed without 1 − tanh² cancelling
    const sp = log1pExp(x);
    const gate = sech2(sp) * logistic(x);
    return Math.tanh(sp) + (gate === 0 ? 0 : x * gate);
  },
  tex: {
    name: "\\operatorname{mish}(x)",
    f: "\\operatorname{mish}(x) = x\\,\\tanh\\bigl(\\operatorname{softplus}(x)\\bigr)",
    df: "\\operatorname{mish}'(x) = \\tanh\\bigl(\\operatorname{softplus}(x)\\bigr) + x\\,\\operatorname{sech}^2\\bigl(\\operatorname{softplus}(x)\\bigr)\\,\\sigma(x)"
  },
  range: {
    lower: -0.30884341301725043,
    upper: Infinity,
    lowerClosed: true,
    upperClosed: false,
    tex: "[\\approx -0.309, \\infty)"
  },
  zeroCentred: false,
  monotonic: false,
  smooth: true,
  saturates: "left",
  vanishingGradient: "no",
  maxSlope: {x: 1.4905711794854284, value: 1.088498161251728},
  useCase: "Hidden layers of object detectors such as YOLOv4.",
  limitations: ["Expensive: an exponential, a logarithm and a tanh", "Not monotonic: dips to about −0.31"],
  notes: "Like Swish, a self-gated smooth ReLU; slightly smoother near 0."
};

/** Every activation of the course, keyed by id. */
export const activations = {
  sigmoid,
  tanh,
  relu,
  leakyRelu: makeLeakyRelu(0.01),
  linear,
  elu: makeElu(1),
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

/** All registered ids: core first, then extras. */
export const activationIds: readonly ActivationId[] = comparedIds(activations, coreActivationIds);

/** True when s names a registered activation. */
export function isActivationId(s: unknown): s is ActivationId {
  return typeof s === "string" && Object.prototype.hasOwnProperty.call(activations, s);
}

/** The registered activation with this id; throws, listing the valid ids, otherwise. */
export function getActivation(id: string): Activation {
  if (!isActivationId(id)) {
    throw new Error(`unknown activation ${JSON.stringify(id)}; expected one of ${activationIds.join(", ")}`);
  }
  return activations[id];
}
