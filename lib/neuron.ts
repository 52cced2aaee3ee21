// Backprop on a single neuron, every intermediate quantity named, for the worked example
// of the backprop page. Built on forward and sgdStep (as a 1-input, 1-unit network) so the
// page's numbers are exactly the ones the general algorithm produces.

import {getActivation} from "./activations.js";
import type {ActivationId} from "./activations.js";
import {forward, sgdStep} from "./network.js";
import type {DenseLayer} from "./network.js";

/** A single neuron y = f(w·x + b) and one training example. */
export interface NeuronStepInput {
  x: number;
  w: number;
  b: number;
  target: number;
  learningRate: number;
  activation: ActivationId;
}

/** Every quantity of one gradient-descent step on one neuron, with loss ½(target − y)². */
export interface NeuronStep {
  z: number;
  y: number;
  loss: number;
  /** ∂L/∂y = y − target. */
  dLdy: number;
  /** f′(z), the local slope. */
  fPrime: number;
  /** ∂L/∂z = ∂L/∂y · f′(z). */
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
export function neuronStep({x, w, b, target, learningRate, activation}: NeuronStepInput): NeuronStep {
  const net = neuronNet(w, b, activation);
  const before = forward(net, [x]);
  const step = sgdStep(net, [x], [target], learningRate);
  const after = forward(step.net, [x]);
  const z = before.z[0][0];
  const y = before.a[0][0];
  const yAfter = after.a[0][0];
  return {
    z,
    y,
    loss: step.loss,
    dLdy: y - target,
    fPrime: getActivation(activation).df(z),
    dLdz: step.gradients.biases[0][0],
    dLdw: step.gradients.weights[0][0][0],
    dLdb: step.gradients.biases[0][0],
    wAfter: step.net[0].weights[0][0],
    bAfter: step.net[0].biases[0],
    yAfter,
    lossAfter: 0.5 * (target - yAfter) ** 2
  };
}
