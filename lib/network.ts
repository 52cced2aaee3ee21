// Backpropagation on a small dense network of plain arrays: the readable reference the
// course pages show step by step (the fast trainer in ./mlp.js is checked against it).

import {getActivation, isActivationId} from "./activations.js";
import type {Activation, ActivationId} from "./activations.js";

/**
 * One fully connected layer. weights[j][i] links input i to unit j:
 * z_j = Σ_i weights[j][i]·x_i + biases[j], and the unit outputs a_j = f(z_j), where f is the
 * registered activation the id names, or the record itself (e.g. a Leaky ReLU with its own α).
 */
export interface DenseLayer {
  weights: number[][];
  biases: number[];
  activation: ActivationId | Activation;
}

/** The record a layer's activation names (or is). */
export function activationOf(layer: DenseLayer): Activation {
  const {activation} = layer;
  return typeof activation === "string" ? getActivation(activation) : activation;
}

/** Pre-activations z[l] and outputs a[l] of each layer l = 0…L−1; a does NOT include the input. */
export interface ForwardPass {
  z: number[][];
  a: number[][];
}

/** Gradients of the loss, shaped like the network's weights and biases. */
export interface Gradients {
  weights: number[][][];
  biases: number[][];
}

/** The outcome of one gradient-descent step on one example. */
export interface SgdStepResult {
  /** The updated copy; the argument is never mutated. */
  net: DenseLayer[];
  /** ½ Σ_k (target_k − output_k)², before the step. */
  loss: number;
  /** ∂loss/∂weights and ∂loss/∂biases, all from the one forward pass before the step. */
  gradients: Gradients;
}

function checkFiniteVector(
  name: string,
  values: unknown,
  expectedLength?: number
): asserts values is number[] {
  if (!Array.isArray(values)) throw new Error(`${name} must be an array of numbers`);
  if (expectedLength !== undefined && values.length !== expectedLength) {
    throw new Error(`${name} has ${values.length} entries, expected ${expectedLength}`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new Error(`${name}[${i}] is ${String(v)}, expected a finite number`);
    }
  }
}

/**
 * Checks a network's shapes, numbers and activation ids, throwing an Error that names the
 * first problem (e.g. "layer 1: weights[2] has 3 entries, expected 4"). Returns the
 * network's input size.
 */
export function validateNetwork(net: readonly DenseLayer[]): number {
  if (!Array.isArray(net)) throw new Error("net must be an array of layers");
  if (net.length === 0) throw new Error("net is empty: expected at least one layer");
  let inputs = -1;
  net.forEach((layer, l) => {
    if (layer === null || typeof layer !== "object") throw new Error(`layer ${l} must be an object`);
    const {weights, biases, activation} = layer;
    if (typeof activation === "object" && activation !== null) {
      if (typeof activation.f !== "function" || typeof activation.df !== "function") {
        throw new Error(`layer ${l}: activation must be an id or a record with f and df functions`);
      }
    } else if (!isActivationId(activation)) {
      // getActivation's message lists the valid ids
      try {
        getActivation(String(activation));
      } catch (error) {
        throw new Error(`layer ${l}: ${(error as Error).message}`);
      }
    }
    if (!Array.isArray(weights) || weights.length === 0) {
      throw new Error(`layer ${l}: weights must be a non-empty array of rows, one per unit`);
    }
    const expected =
      l === 0 ? (Array.isArray(weights[0]) ? weights[0].length : 0) : net[l - 1].weights.length;
    if (l === 0) {
      if (expected === 0) throw new Error(`layer 0: weights[0] must be a non-empty array`);
      inputs = expected;
    }
    weights.forEach((row, j) => checkFiniteVector(`layer ${l}: weights[${j}]`, row, expected));
    checkFiniteVector(`layer ${l}: biases`, biases, weights.length);
  });
  return inputs;
}

function forwardUnchecked(
  net: readonly DenseLayer[],
  input: readonly number[],
  acts: Activation[]
): ForwardPass {
  const z: number[][] = [];
  const a: number[][] = [];
  let previous = input;
  net.forEach((layer, l) => {
    const zl = layer.weights.map((row, j) => {
      let sum = layer.biases[j];
      for (let i = 0; i < row.length; i++) sum += row[i] * previous[i];
      return sum;
    });
    const al = zl.map((v) => acts[l].f(v));
    z.push(zl);
    a.push(al);
    previous = al;
  });
  return {z, a};
}

/**
 * Runs the network on one input. Returns z[l] and a[l] for each layer l = 0…L−1 (the input
 * itself is not in a); the network's output is a[L − 1].
 */
export function forward(net: DenseLayer[], input: number[]): ForwardPass {
  const inputs = validateNetwork(net);
  checkFiniteVector("input", input, inputs);
  return forwardUnchecked(net, input, net.map(activationOf));
}

/** ½ Σ_k (target_k − output_k)², the squared-error loss of one example. */
export function squaredErrorLoss(output: readonly number[], target: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < output.length; k++) sum += (target[k] - output[k]) ** 2;
  return 0.5 * sum;
}

/** The loss of the network on one example. */
export function networkLoss(net: DenseLayer[], input: number[], target: number[]): number {
  const {a} = forward(net, input);
  const output = a[a.length - 1];
  checkFiniteVector("target", target, output.length);
  return squaredErrorLoss(output, target);
}

/**
 * One step of stochastic gradient descent on one example, by standard backpropagation:
 * every gradient comes from the one forward pass before any weight changes, and the
 * returned net is a new copy with weights − learningRate·gradient.
 */
export function sgdStep(
  net: DenseLayer[],
  input: number[],
  target: number[],
  learningRate: number
): SgdStepResult {
  const inputs = validateNetwork(net);
  checkFiniteVector("input", input, inputs);
  checkFiniteVector("target", target, net[net.length - 1].weights.length);
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate < 0) {
    throw new Error(`learningRate must be a finite number ≥ 0, got ${String(learningRate)}`);
  }
  const acts = net.map(activationOf);
  const {z, a} = forwardUnchecked(net, input, acts);
  const last = net.length - 1;
  const loss = squaredErrorLoss(a[last], target);

  // delta[l][j] = ∂loss/∂z[l][j]; at the output ∂loss/∂a = a − target
  const delta: number[][] = new Array(net.length);
  delta[last] = a[last].map((out, k) => (out - target[k]) * acts[last].df(z[last][k]));
  for (let l = last - 1; l >= 0; l--) {
    const next = net[l + 1].weights;
    delta[l] = z[l].map((zj, j) => {
      let sum = 0;
      for (let k = 0; k < next.length; k++) sum += next[k][j] * delta[l + 1][k];
      return sum * acts[l].df(zj);
    });
  }

  const weights = net.map((_, l) => {
    const layerInput = l === 0 ? input : a[l - 1];
    return delta[l].map((d) => layerInput.map((x) => d * x));
  });
  const biases = delta.map((d) => d.slice());
  const updated = net.map((layer, l) => ({
    weights: layer.weights.map((row, j) => row.map((w, i) => w - learningRate * weights[l][j][i])),
    biases: layer.biases.map((b, j) => b - learningRate * biases[l][j]),
    activation: layer.activation
  }));
  return {net: updated, loss, gradients: {weights, biases}};
}
