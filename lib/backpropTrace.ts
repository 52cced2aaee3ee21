// Backpropagation with every number written down, for the network walk-through: each
// unit's z and a, the loss, each δ, each ∂L/∂w and ∂L/∂b, and for a hidden unit the terms
// w·δ of its downstream paths whose sum times f′(z) is its δ — in matrix form
// δ_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ f′(z_l). It reads networks of lib/network.ts's DenseLayers,
// runs its forward pass, and under squared error gives bit for bit the gradients and the
// step of its sgdStep.

import type {Activation, ActivationId} from "./activations.js";
import {getLoss, outputDelta} from "./losses.js";
import type {LossId} from "./losses.js";
import {activationOf, forward} from "./network.js";
import type {DenseLayer} from "./network.js";
import {softmax} from "./softmax.js";

/** Everything one layer computes, forward and backward. Indices: j a unit, i an input. */
export interface LayerTrace {
  /** The layer's activation, as the network names it (an id) or holds it (a record). */
  activation: ActivationId | Activation;
  /** What the layer reads: the network's input for layer 0, else the previous layer's a. */
  input: number[];
  /** z_j = Σ_i W[j][i]·input_i + b_j. */
  z: number[];
  /** a_j = f(z_j). */
  a: number[];
  /** f′(z_j), the local slope. */
  fPrime: number[];
  /**
   * ∂L/∂a_j. Output layer: the loss's gradient with respect to the outputs. Hidden layer:
   * (W_{l+1}ᵀ δ_{l+1})_j, the sum of this unit's downstream paths.
   */
  dLda: number[];
  /**
   * Hidden layers only (empty for the output layer): paths[j][k] = W_{l+1}[k][j]·δ_{l+1}[k],
   * what reaches unit j from downstream unit k. Σ_k paths[j][k] = dLda[j], summed in k order.
   */
  paths: number[][];
  /**
   * δ_j = ∂L/∂z_j. Hidden layers and squared error: dLda_j·f′(z_j) exactly. Binary
   * cross-entropy with a sigmoid output: σ(z_j) − t_j. Categorical cross-entropy (a linear
   * layer of logits under softmax): p_j − t_j.
   */
  delta: number[];
  /** ∂L/∂W[j][i] = δ_j·input_i. */
  weightGradients: number[][];
  /** ∂L/∂b_j = δ_j. */
  biasGradients: number[];
}

/** The whole walk-through for one example. */
export interface BackpropTrace {
  loss: LossId;
  input: number[];
  target: number[];
  /** One entry per layer, input side first. */
  layers: LayerTrace[];
  /** The prediction y: the last layer's a, or softmax of its z under categorical cross-entropy. */
  output: number[];
  /** L(y, t) (cross-entropies from the logits, exactly). */
  lossValue: number;
}

/** Options of backpropStep. */
export interface BackpropStepOptions {
  loss?: LossId;
  /** true (the default): biases take a gradient step too, as in sgdStep. false: they stay fixed. */
  updateBiases?: boolean;
}

/** The outcome of backpropStep. */
export interface BackpropStepResult {
  /** The updated copy; the argument is never mutated. */
  net: DenseLayer[];
  /** Every number of the step, all from the one forward pass before any weight changes. */
  trace: BackpropTrace;
}

/** Throws unless target is an array of length finite numbers; the loss checks its own domain. */
function checkTarget(target: unknown, length: number): asserts target is number[] {
  if (!Array.isArray(target)) throw new Error("target must be an array of numbers");
  if (target.length !== length) throw new Error(`target has ${target.length} entries, expected ${length}`);
  target.forEach((t, k) => {
    if (typeof t !== "number" || !Number.isFinite(t)) {
      throw new Error(`target[${k}] is ${String(t)}, expected a finite number`);
    }
  });
}

/**
 * Runs the network on one example and backpropagates the loss, keeping every intermediate
 * number. Squared error works with any output activation; binary cross-entropy needs a sigmoid
 * output layer; categorical cross-entropy needs a linear output layer, whose a are the logits
 * that softmax turns into the prediction. Throws an Error naming the first problem: a bad
 * network, input or target (wrong size, NaN, ±Infinity), an unknown loss or a mismatched
 * output layer.
 */
export function traceBackprop(
  net: DenseLayer[],
  input: number[],
  target: number[],
  loss: LossId = "squaredError"
): BackpropTrace {
  const rule = getLoss(loss);
  const {z, a} = forward(net, input); // validates the network and the input
  const last = net.length - 1;
  const outputAct = activationOf(net[last]).id;
  checkTarget(target, net[last].weights.length);
  if (rule.id === "binaryCrossEntropy" && outputAct !== "sigmoid") {
    throw new Error(`binary cross-entropy needs a sigmoid output layer, got ${outputAct}`);
  }
  if (rule.id === "categoricalCrossEntropy" && outputAct !== "linear") {
    throw new Error(
      `categorical cross-entropy reads the output layer's z as logits under softmax: make its activation linear, not ${outputAct}`
    );
  }
  const acts = net.map(activationOf);
  const fPrime = z.map((zl, l) => zl.map((v) => acts[l].df(v)));

  // output layer
  let output: number[];
  let lossValue: number;
  let dLda: number[];
  let delta: number[];
  if (rule.id === "categoricalCrossEntropy") {
    output = softmax(z[last]);
    lossValue = rule.valueFromLogits(z[last], target);
    dLda = rule.logitGradient(z[last], target); // a = z, so ∂L/∂a = ∂L/∂z = p − t
    delta = dLda.slice();
  } else if (rule.id === "binaryCrossEntropy") {
    output = a[last].slice();
    lossValue = rule.valueFromLogits(z[last], target);
    dLda = rule.gradient(output, target);
    delta = z[last].map((v, k) => outputDelta(acts[last], rule, v, target[k]));
  } else {
    output = a[last].slice();
    lossValue = rule.value(output, target);
    dLda = output.map((y, k) => y - target[k]);
    delta = dLda.map((d, k) => d * fPrime[last][k]); // (y − t)·f′(z), as sgdStep
  }

  const layers: LayerTrace[] = new Array(net.length);
  const build = (l: number, dl: number[], dadl: number[], paths: number[][]): LayerTrace => {
    const layerInput = l === 0 ? input.slice() : a[l - 1].slice();
    return {
      activation: net[l].activation,
      input: layerInput,
      z: z[l].slice(),
      a: a[l].slice(),
      fPrime: fPrime[l],
      dLda: dadl,
      paths,
      delta: dl,
      weightGradients: dl.map((d) => layerInput.map((x) => d * x)),
      biasGradients: dl.slice()
    };
  };
  layers[last] = build(last, delta, dLda, []);
  for (let l = last - 1; l >= 0; l--) {
    const next = net[l + 1].weights;
    const nextDelta = layers[l + 1].delta;
    const paths = z[l].map((_, j) => next.map((row, k) => row[j] * nextDelta[k]));
    const sums = paths.map((terms) => {
      let sum = 0;
      for (const term of terms) sum += term;
      return sum;
    });
    layers[l] = build(
      l,
      sums.map((s, j) => s * fPrime[l][j]),
      sums,
      paths
    );
  }
  return {loss: rule.id, input: input.slice(), target: target.slice(), layers, output, lossValue};
}

/**
 * One step of gradient descent on one example: every gradient comes from the one forward pass
 * before any weight changes (so a hidden layer's gradients use the ORIGINAL weights of the
 * layer after it), and each weight becomes w − learningRate·∂L/∂w. Biases become
 * b − learningRate·∂L/∂b when updateBiases is true (the default, as lib/network.ts's sgdStep
 * does); with updateBiases false they keep their values, as in the published walk-through of
 * classicExample. Under squared error with biases updated, the new network equals sgdStep's
 * bit for bit.
 */
export function backpropStep(
  net: DenseLayer[],
  input: number[],
  target: number[],
  learningRate: number,
  {loss = "squaredError", updateBiases = true}: BackpropStepOptions = {}
): BackpropStepResult {
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate < 0) {
    throw new Error(`learningRate must be a finite number ≥ 0, got ${String(learningRate)}`);
  }
  if (typeof updateBiases !== "boolean") {
    throw new Error(`updateBiases must be true or false, got ${String(updateBiases)}`);
  }
  const trace = traceBackprop(net, input, target, loss);
  const updated = net.map((layer, l) => {
    const {weightGradients, biasGradients} = trace.layers[l];
    return {
      weights: layer.weights.map((row, j) => row.map((w, i) => w - learningRate * weightGradients[j][i])),
      biases: updateBiases
        ? layer.biases.map((b, j) => b - learningRate * biasGradients[j])
        : layer.biases.slice(),
      activation: layer.activation
    };
  });
  return {net: updated, trace};
}

/** A published worked example, ready for backpropStep. */
export interface BackpropExample {
  source: string;
  net: DenseLayer[];
  input: number[];
  target: number[];
  learningRate: number;
  loss: LossId;
  /** Whether the example updates its biases. */
  updateBiases: boolean;
  /** The example's name for each weight, shaped like the weights: weightNames[l][j][i]. */
  weightNames: string[][][];
  /** The example's name for each unit's bias: biasNames[l][j]. */
  biasNames: string[][];
  /** The one bias each layer shares in the published example, by layer. */
  sharedBiases: number[];
  notes: string;
}

/**
 * The classic 2-2-2 walk-through (Matt Mazur, "A Step by Step Backpropagation Example",
 * 2015): sigmoid units in both layers, inputs 0.05 and 0.10, targets 0.01 and 0.99, squared
 * error ½Σ(t − y)², learning rate 0.5, biases fixed. Its weights are named w1…w8: w1 joins
 * i1→h1, w2 i2→h1, w3 i1→h2, w4 i2→h2, w5 h1→o1, w6 h2→o1, w7 h1→o2, w8 h2→o2. A fresh copy
 * on every call.
 */
export function classicExample(): BackpropExample {
  return {
    source: "Matt Mazur, “A Step by Step Backpropagation Example” (2015)",
    net: [
      {
        weights: [
          [0.15, 0.2],
          [0.25, 0.3]
        ],
        biases: [0.35, 0.35],
        activation: "sigmoid"
      },
      {
        weights: [
          [0.4, 0.45],
          [0.5, 0.55]
        ],
        biases: [0.6, 0.6],
        activation: "sigmoid"
      }
    ],
    input: [0.05, 0.1],
    target: [0.01, 0.99],
    learningRate: 0.5,
    loss: "squaredError",
    updateBiases: false,
    weightNames: [
      [
        ["w1", "w2"],
        ["w3", "w4"]
      ],
      [
        ["w5", "w6"],
        ["w7", "w8"]
      ]
    ],
    biasNames: [
      ["b1", "b1"],
      ["b2", "b2"]
    ],
    sharedBiases: [0.35, 0.6],
    notes:
      "In the published example each layer shares one bias (b1 = 0.35 for both hidden units, " +
      "b2 = 0.60 for both outputs) and the biases are not updated. Here each unit holds its own " +
      "copy: the same network while the biases are fixed. When biases learn, each copy takes its " +
      "own unit's gradient, as a network with one bias per unit does; a shared bias would instead " +
      "move by the sum of its layer's δ. The hidden weights are updated with the original output " +
      "weights, because every gradient comes from the one forward pass before the step."
  };
}
