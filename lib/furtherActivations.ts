// The further activations of the course, beyond the source document's five: ELU, SELU, GELU
// (exact and its tanh approximation), Swish, softplus and Mish, one record each, under the
// numerical conventions of ./activationRecord.js. The registry (`activations`) is in
// ./activations.js.

import {checkParameter} from "./activationRecord.js";
import type {Activation} from "./activationRecord.js";
import {log1pExp, logistic, logisticDerivative, normalCdf, normalPdf, sech2} from "./special.js";

/** SELU's α (Klambauer et al. 2017), the value PyTorch and TensorFlow use. */
export const SELU_ALPHA = 1.6732632423543772848170429916717;
/** SELU's scale λ (Klambauer et al. 2017). */
export const SELU_SCALE = 1.0507009873554804934193349852946;

/** √(2/π), for the tanh approximation of GELU. */
const SQRT_2_OVER_PI = 0.7978845608028654;
const GELU_TANH_CUBIC = 0.044715;

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
    usedIn: "CNNs, MLPs",
    glanceLabel: `ELU (α = ${alpha})`,
    limitations: ["Costs an exponential for negative inputs", "Saturates for very negative inputs"],
    notes:
      "Identity for positive inputs and a smooth exponential floor at −α for negative ones, " +
      "which pulls the mean output closer to 0 than ReLU and keeps a gradient everywhere."
  };
}

/** ELU at α = 1, the registry's. */
export const elu = makeElu(1);

export const selu: Activation = {
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
  usedIn: "self-normalising MLPs",
  limitations: [
    "Its self-normalising guarantee needs LeCun-normal weights and no other normalisation",
    "Not differentiable at 0 (slopes λ and λα meet there)"
  ],
  notes:
    "A scaled ELU whose constants α ≈ 1.6733 and λ ≈ 1.0507 make activations drift towards " +
    "mean 0 and variance 1 from layer to layer."
};

export const gelu: Activation = {
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
  usedIn: "BERT, GPT",
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

export const geluTanh: Activation = {
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
  variantOf: "gelu",
  limitations: ["An approximation: differs from exact GELU by up to about 5e-4", "Not monotonic"],
  notes: "Replaces Φ(x) by a tanh of a cubic; visually indistinguishable from exact GELU."
};

export const swish: Activation = {
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
  usedIn: "EfficientNet",
  glanceLabel: "Swish / SiLU",
  proseName: "Swish",
  alsoCalled: "SiLU",
  limitations: ["Costs an exponential", "Not monotonic: dips to about −0.28 near x ≈ −1.28"],
  notes: "The input gated by its own sigmoid; also called SiLU. Smooth and unbounded above like ReLU."
};

export const softplus: Activation = {
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
  usedIn: "positive outputs",
  limitations: ["Slower than ReLU (an exponential and a logarithm)", "Not zero-centred"],
  notes: "A smooth ReLU whose derivative is exactly the sigmoid."
};

export const mish: Activation = {
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
  usedIn: "YOLOv4",
  limitations: ["Expensive: an exponential, a logarithm and a tanh", "Not monotonic: dips to about −0.31"],
  notes: "Like Swish, a self-gated smooth ReLU; slightly smoother near 0."
};
