// The loss functions of the course, one self-describing record each, in the manner of the
// activations: value, gradients and TeX. Each loss is paired with the output activation that
// makes its gradient with respect to the logits z simply y − t: squared error with a linear
// output, binary cross-entropy with a sigmoid, categorical cross-entropy with a softmax.
//
// Conventions, shared by every record:
// - A loss is the SUM over the output units of one example, as lib/network.ts's
//   squaredErrorLoss is: squared error is ½Σ_k (t_k − y_k)² (the ½ cancels the 2 of the
//   derivative), not a mean. Cross-entropies use the natural logarithm.
// - Shapes and targets are checked: an output and a target of different lengths, or a target
//   outside its domain (not finite for squared error, outside [0, 1] for binary cross-entropy,
//   not a distribution for categorical cross-entropy), throw an Error naming the entry.
//   Outputs of a cross-entropy must be probabilities in [0, 1].
// - NaN in an output or logit gives NaN; ±Infinity gives the limit.
// - From probabilities, a cross-entropy floors the argument of each logarithm at
//   PROBABILITY_EPSILON (1e-7, the epsilon of Keras and TensorFlow.js), so a probability of
//   exactly 0 or 1 gives a finite loss (at most −ln 1e-7 ≈ 16.12 per unit) and a finite
//   gradient. A term whose weight is 0 is left out (0·ln 0 = 0), so a confident right answer
//   costs exactly 0. From logits nothing needs flooring: the logit forms are exact.

import {getActivation} from "./activations.js";
import type {Activation, ActivationId} from "./activations.js";
import {entryOf, hasEntry} from "./registry.js";
import {checkDistribution, checkLogits, crossEntropyGradient, logSoftmax, softmaxTex} from "./softmax.js";
import {bceUnit, floorLog, PROBABILITY_EPSILON} from "./unitLosses.js";
import type {UnitLoss} from "./unitLosses.js";

export {PROBABILITY_EPSILON};
export type {UnitLoss};

/** The output activation a loss is paired with. */
export type OutputActivation = "linear" | "sigmoid" | "softmax";

/** Everything the course states about one loss function. */
export interface Loss {
  id: LossId;
  label: string;
  /** The output activation whose pairing gives ∂L/∂z = y − t. */
  output: OutputActivation;
  /** The per-unit form, for losses that are a sum over units (not categorical cross-entropy). */
  unit?: UnitLoss;
  /** L(y, t) from the outputs y (probabilities for the cross-entropies). */
  value(y: readonly number[], t: readonly number[]): number;
  /** ∂L/∂y_k, one entry per output. */
  gradient(y: readonly number[], t: readonly number[]): number[];
  /** L from the logits z of the paired output layer, computed stably. */
  valueFromLogits(z: readonly number[], t: readonly number[]): number;
  /** ∂L/∂z_k through the paired output activation. */
  logitGradient(z: readonly number[], t: readonly number[]): number[];
  /** TeX of the value, its gradients, the logit form and the chain rule through the output. */
  tex: {
    name: string;
    value: string;
    gradient: string;
    valueFromLogits: string;
    logitGradient: string;
    chain: string;
  };
  useCase: string;
  notes: string;
}

/** Throws unless values is a non-empty array of numbers (NaN and ±Infinity allowed). */
function checkNumbers(name: string, values: unknown): asserts values is readonly number[] {
  if (!Array.isArray(values)) throw new Error(`${name} must be an array of numbers`);
  if (values.length === 0) throw new Error(`${name} is empty: expected at least one entry`);
  values.forEach((v, k) => {
    if (typeof v !== "number") throw new Error(`${name}[${k}] is ${String(v)}, expected a number`);
  });
}

/** Throws unless every entry is in [0, 1] or NaN (which the loss then passes on). */
function checkProbabilities(name: string, values: readonly number[]): void {
  values.forEach((y, k) => {
    if (!(y >= 0 && y <= 1) && y === y) {
      throw new Error(`${name}[${k}] is ${y}, expected a probability in [0, 1]`);
    }
  });
}

/** Throws unless target has one valid entry per output (see checkTarget). */
function checkTargets(target: unknown, length: number, inUnitInterval: boolean): asserts target is number[] {
  if (!Array.isArray(target)) throw new Error("target must be an array of numbers");
  if (target.length !== length) throw new Error(`target has ${target.length} entries, expected ${length}`);
  target.forEach((t, k) => checkTarget(t, inUnitInterval, `target[${k}]`));
}

/** Throws unless t is a finite number, or a probability in [0, 1] when inUnitInterval. */
function checkTarget(t: unknown, inUnitInterval: boolean, name = "target"): asserts t is number {
  if (inUnitInterval) {
    if (typeof t !== "number" || !(t >= 0 && t <= 1)) {
      throw new Error(`${name} is ${String(t)}, expected a probability in [0, 1]`);
    }
  } else if (typeof t !== "number" || !Number.isFinite(t)) {
    throw new Error(`${name} is ${String(t)}, expected a finite number`);
  }
}

/** A record for a loss that sums one term per unit, from that term. */
function elementwise(
  base: Omit<Loss, "value" | "gradient" | "valueFromLogits" | "logitGradient" | "unit">,
  unit: UnitLoss,
  probabilities: boolean
): Loss {
  const outputs = (y: unknown, t: unknown): [readonly number[], number[]] => {
    checkNumbers("output", y);
    if (probabilities) checkProbabilities("output", y);
    checkTargets(t, y.length, probabilities);
    return [y, t];
  };
  const logits = (z: unknown, t: unknown): [readonly number[], number[]] => {
    checkNumbers("logits", z);
    checkTargets(t, z.length, probabilities);
    return [z, t];
  };
  const sum = (values: readonly number[], t: readonly number[], term: (v: number, t: number) => number) => {
    let total = 0;
    for (let k = 0; k < values.length; k++) total += term(values[k], t[k]);
    return total;
  };
  return {
    ...base,
    unit,
    value: (y, t) => sum(...outputs(y, t), unit.value),
    gradient: (y, t) => {
      const [ys, ts] = outputs(y, t);
      return ys.map((v, k) => unit.gradient(v, ts[k]));
    },
    valueFromLogits: (z, t) => sum(...logits(z, t), unit.valueFromLogit),
    logitGradient: (z, t) => {
      const [zs, ts] = logits(z, t);
      return zs.map((v, k) => unit.logitGradient(v, ts[k]));
    }
  };
}

const squaredError = elementwise(
  {
    id: "squaredError",
    label: "Squared error",
    output: "linear",
    tex: {
      name: "L_{\\mathrm{SE}}",
      value: "L = \\tfrac{1}{2} \\sum_k (t_k - y_k)^2",
      gradient: "\\frac{\\partial L}{\\partial y_k} = y_k - t_k",
      valueFromLogits: "L = \\tfrac{1}{2} \\sum_k (t_k - z_k)^2 \\quad (y = z)",
      logitGradient: "\\frac{\\partial L}{\\partial z_k} = y_k - t_k",
      chain: "\\frac{\\partial L}{\\partial z_k} = (y_k - t_k)\\,f'(z_k)"
    },
    useCase: "Regression, with a linear output unit: the target can be any real number.",
    notes:
      "Half the sum of squared differences; the ½ cancels the 2 of the derivative. Through an " +
      "output activation f the gradient picks up f′(z), which is small where f saturates."
  },
  {
    value: (y, t) => 0.5 * (t - y) ** 2,
    gradient: (y, t) => y - t,
    valueFromLogit: (z, t) => 0.5 * (t - z) ** 2,
    logitGradient: (z, t) => z - t
  },
  false
);

const binaryCrossEntropy = elementwise(
  {
    id: "binaryCrossEntropy",
    label: "Binary cross-entropy",
    output: "sigmoid",
    tex: {
      name: "L_{\\mathrm{BCE}}",
      value: "L = -\\sum_k \\bigl[t_k \\ln y_k + (1 - t_k) \\ln(1 - y_k)\\bigr]",
      gradient:
        "\\frac{\\partial L}{\\partial y_k} = -\\frac{t_k}{y_k} + \\frac{1 - t_k}{1 - y_k} = \\frac{y_k - t_k}{y_k\\,(1 - y_k)}",
      valueFromLogits: "L = \\sum_k \\Bigl[\\max(z_k, 0) - z_k t_k + \\ln\\bigl(1 + e^{-|z_k|}\\bigr)\\Bigr]",
      logitGradient: "\\frac{\\partial L}{\\partial z_k} = \\sigma(z_k) - t_k = y_k - t_k",
      chain:
        "\\frac{\\partial L}{\\partial z_k} = \\frac{y_k - t_k}{y_k\\,(1 - y_k)}\\,\\sigma'(z_k) = y_k - t_k"
    },
    useCase: "Binary (and multi-label) classification, with a sigmoid output read as a probability.",
    notes:
      "σ′(z) = y(1 − y) cancels the denominator of ∂L/∂y, so a confidently wrong sigmoid " +
      "still gets a gradient of nearly ±1, where squared error would give almost 0."
  },
  bceUnit,
  true
);

const categoricalCrossEntropy: Loss = {
  id: "categoricalCrossEntropy",
  label: "Categorical cross-entropy",
  output: "softmax",
  value: (p, t) => {
    checkNumbers("output", p);
    checkProbabilities("output", p);
    checkDistribution(t, p.length);
    let total = 0;
    for (let k = 0; k < p.length; k++) {
      if (p[k] !== p[k]) return NaN;
      if (t[k] > 0) total -= t[k] * floorLog(p[k]);
    }
    return total;
  },
  gradient: (p, t) => {
    checkNumbers("output", p);
    checkProbabilities("output", p);
    checkDistribution(t, p.length);
    return p.map((pk, k) => -t[k] / Math.max(pk, PROBABILITY_EPSILON));
  },
  valueFromLogits: (z, t) => {
    checkLogits(z);
    checkDistribution(t, z.length);
    const logP = logSoftmax(z);
    let total = 0;
    for (let k = 0; k < z.length; k++) {
      if (logP[k] !== logP[k]) return NaN;
      if (t[k] > 0) total -= t[k] * logP[k];
    }
    return total;
  },
  logitGradient: crossEntropyGradient,
  tex: {
    name: "L_{\\mathrm{CE}}",
    value: "L = -\\sum_k t_k \\ln p_k",
    gradient: "\\frac{\\partial L}{\\partial p_k} = -\\frac{t_k}{p_k}",
    valueFromLogits: "L = \\operatorname{LSE}(z) - \\sum_k t_k z_k",
    logitGradient: softmaxTex.crossEntropyGradient,
    chain: "\\frac{\\partial L}{\\partial z} = J^{\\mathsf{T}}\\,\\frac{\\partial L}{\\partial p} = p - t"
  },
  useCase: "Classification into one of several classes, with a softmax output layer.",
  notes:
    "Only the true class's probability counts (for a one-hot target): L = −ln p_true. From the " +
    "logits it is log-sum-exp minus the true logit, finite even for logits of ±1000."
};

/** Every loss of the course, keyed by id. */
export const losses = {squaredError, binaryCrossEntropy, categoricalCrossEntropy} satisfies Record<
  string,
  Loss
>;

/** The id of a registered loss. */
export type LossId = "squaredError" | "binaryCrossEntropy" | "categoricalCrossEntropy";

/** All registered ids, in the order the course introduces them. */
export const lossIds: readonly LossId[] = ["squaredError", "binaryCrossEntropy", "categoricalCrossEntropy"];

/** True when s names a registered loss. */
export function isLossId(s: unknown): s is LossId {
  return hasEntry(losses, s);
}

/** The registered loss with this id; throws, listing the valid ids, otherwise. */
export function getLoss(id: string): Loss {
  return entryOf(losses, id, "unknown loss", lossIds);
}

/**
 * The TeX of every loss by name, `<id>.<key>` (e.g. "binaryCrossEntropy.logitGradient"), and
 * of softmax, `softmax.<key>` (e.g. "softmax.jacobianMatrix"), for `$@softmax.f$` in Markdown.
 */
export function lossReferences(): Record<string, string> {
  const references: Record<string, string> = {};
  for (const {id, tex} of Object.values(losses)) {
    for (const [key, value] of Object.entries(tex)) references[`${id}.${key}`] = value;
  }
  for (const [key, value] of Object.entries(softmaxTex)) references[`softmax.${key}`] = value;
  return references;
}

/**
 * ∂L/∂z for one output unit y = f(z) with target t: the δ of an output neuron.
 * - squared error, any activation: (f(z) − t)·f′(z), exactly as lib/network.ts's sgdStep
 *   computes it (for a linear output f′ = 1, so it is y − t);
 * - binary cross-entropy needs a sigmoid output (the only activation whose outputs are
 *   probabilities); then f′ cancels and δ = σ(z) − t = y − t, computed without the
 *   0/0 that (y − t)/(y(1 − y))·σ′(z) meets where the sigmoid saturates;
 * - categorical cross-entropy couples the outputs through softmax, so it has no per-unit δ:
 *   use its logitGradient (p − t) on the whole layer.
 * Throws an Error naming the problem for an unknown id, an unsupported pairing or a bad target.
 */
export function outputDelta(
  activation: ActivationId | Activation,
  loss: LossId | Loss,
  z: number,
  t: number
): number {
  const act = typeof activation === "string" ? getActivation(activation) : activation;
  const rule = typeof loss === "string" ? getLoss(loss) : loss;
  if (typeof z !== "number") throw new Error(`z is ${String(z)}, expected a number`);
  if (rule.id === "squaredError") {
    checkTarget(t, false);
    return (act.f(z) - t) * act.df(z);
  }
  if (rule.id === "binaryCrossEntropy") {
    if (act.id !== "sigmoid") {
      throw new Error(
        `binary cross-entropy needs outputs in [0, 1]: pair it with a sigmoid output, not ${act.label}`
      );
    }
    checkTarget(t, true);
    return bceUnit.logitGradient(z, t);
  }
  throw new Error(
    `${rule.label} couples the outputs through softmax and has no per-unit δ: use its logitGradient (p − t)`
  );
}
