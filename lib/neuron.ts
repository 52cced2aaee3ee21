// Backprop on a single neuron, every intermediate quantity named, for the worked example
// of the backprop page. Built on forward and backpropStep (as a 1-input, 1-unit network) so
// the page's numbers are exactly the ones the general algorithm produces (under squared
// error, those of sgdStep).

import type {ActivationId} from "./activations.js";
import {backpropStep} from "./backpropTrace.js";
import {getLoss} from "./losses.js";
import {forward} from "./network.js";
import type {DenseLayer} from "./network.js";

/** A single neuron y = f(w·x + b) and one training example. */
export interface NeuronStepInput {
  x: number;
  w: number;
  b: number;
  target: number;
  learningRate: number;
  activation: ActivationId;
  /**
   * "squaredError" (the default), ½(target − y)², or "binaryCrossEntropy", which needs a
   * sigmoid neuron and a target in [0, 1].
   */
  loss?: "squaredError" | "binaryCrossEntropy";
}

/** Every quantity of one gradient-descent step on one neuron, under the chosen loss. */
export interface NeuronStep {
  z: number;
  y: number;
  loss: number;
  /** ∂L/∂y: y − target under squared error; −t/y + (1 − t)/(1 − y) under cross-entropy. */
  dLdy: number;
  /** f′(z), the local slope. */
  fPrime: number;
  /** ∂L/∂z = ∂L/∂y · f′(z): (y − t)·f′(z) under squared error, y − t under cross-entropy. */
  dLdz: number;
  /** ∂L/∂w = ∂L/∂z · x. */
  dLdw: number;
  /** ∂L/∂b = ∂L/∂z. */
  dLdb: number;
  /** w − learningRate·∂L/∂w. */
  wAfter: number;
  /** b − learningRate·∂L/∂b. */
  bAfter: number;
  yAfter: number;
  lossAfter: number;
}

function neuronNet(w: number, b: number, activation: ActivationId): DenseLayer[] {
  return [{weights: [[w]], biases: [b], activation}];
}

/** One step of gradient descent on one neuron, with every intermediate number. */
export function neuronStep({
  x,
  w,
  b,
  target,
  learningRate,
  activation,
  loss = "squaredError"
}: NeuronStepInput): NeuronStep {
  const rule = getLoss(loss);
  if (rule.id === "categoricalCrossEntropy") {
    throw new Error(
      "a single neuron takes squared error or binary cross-entropy, not categorical cross-entropy"
    );
  }
  const net = neuronNet(w, b, activation);
  const {net: after, trace} = backpropStep(net, [x], [target], learningRate, {loss});
  const unit = trace.layers[0];
  const next = forward(after, [x]);
  const yAfter = next.a[0][0];
  const zAfter = next.z[0][0];
  return {
    z: unit.z[0],
    y: unit.a[0],
    loss: trace.lossValue,
    dLdy: unit.dLda[0],
    fPrime: unit.fPrime[0],
    dLdz: unit.delta[0],
    dLdw: unit.weightGradients[0][0],
    dLdb: unit.biasGradients[0],
    wAfter: after[0].weights[0][0],
    bAfter: after[0].biases[0],
    yAfter,
    lossAfter:
      loss === "squaredError" ? rule.value([yAfter], [target]) : rule.valueFromLogits([zAfter], [target])
  };
}
