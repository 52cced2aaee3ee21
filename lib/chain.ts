// How a gradient shrinks (or not) on its way back through a deep stack: a chain of
// one-unit layers, trained by the real sgdStep, for the "vanishing gradient" chart.

import {getActivation} from "./activations.js";
import type {ActivationId} from "./activations.js";
import {forward, sgdStep} from "./network.js";
import type {DenseLayer} from "./network.js";

/** The chain's shared weight and bias and its input; defaults 1, 0 and 1. */
export interface ChainOptions {
  weight?: number;
  bias?: number;
  input?: number;
}

/** What backprop sees in a chain of one-unit layers. */
export interface ChainSlopes {
  /** Pre-activation of each layer, first to last. */
  z: number[];
  /** Local slope f′(z) of each layer. */
  slopes: number[];
  /** |∂L/∂b| at each layer, first to last, as sgdStep computes it, for a loss with |∂L/∂output| = 1. */
  gradients: number[];
  /** |∂L/∂b| at the first layer = Π f′(z_l) · |w|^(depth−1): the gradient after the whole trip back. */
  firstLayerGradient: number;
}

/**
 * Builds `depth` one-unit layers with the same weight, bias and activation, and backpropagates
 * a loss whose slope at the output is 1, so each layer's gradient is the product of the local
 * slopes (times the weights) between it and the output.
 */
export function chainSlopes(
  activation: ActivationId,
  depth: number,
  options: ChainOptions = {}
): ChainSlopes {
  if (!Number.isInteger(depth) || depth < 1)
    throw new Error(`depth must be an integer ≥ 1, got ${String(depth)}`);
  const {weight = 1, bias = 0, input = 1} = options;
  const act = getActivation(activation);
  const net: DenseLayer[] = Array.from({length: depth}, () => ({
    weights: [[weight]],
    biases: [bias],
    activation
  }));
  // Find the output first, then aim the target 1 below it so ∂L/∂output = output − target = 1;
  // dividing by the actual output − target removes any rounding in that difference.
  const pass = forward(net, [input]);
  const z = pass.z.map((zl) => zl[0]);
  const output = pass.a[depth - 1][0];
  const target = output - 1;
  const {gradients} = sgdStep(net, [input], [target], 0);
  const outputSlope = Math.abs(output - target);
  const magnitudes = gradients.biases.map((g) => Math.abs(g[0]) / outputSlope);
  return {
    z,
    slopes: z.map((v) => act.df(v)),
    gradients: magnitudes,
    firstLayerGradient: magnitudes[0]
  };
}
