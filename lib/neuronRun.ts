// Many gradient-descent steps on one neuron, for the loss-by-step charts of the backprop
// page: repeated neuronStep (every number is the one sgdStep computes), under the loss the
// start names (squared error by default, or binary cross-entropy for a sigmoid neuron),
// stopping cleanly when the weights or the loss stop being finite.

import {getActivation} from "./activations.js";
import {losses} from "./losses.js";
import {neuronStep} from "./neuron.js";
import type {NeuronStepInput} from "./neuron.js";

/** The neuron after `step` steps: its weight, bias and loss. */
export interface NeuronRunPoint {
  step: number;
  w: number;
  b: number;
  loss: number;
}

export interface NeuronRun {
  /** points[0] is the start; points[k] the state after k steps. */
  points: NeuronRunPoint[];
  /** True when the run stopped early because a weight, bias or loss overflowed. */
  diverged: boolean;
}

/**
 * Runs `steps` steps of gradient descent from `start` (its w and b), with the same x,
 * target, learning rate and activation throughout. Stops early (diverged = true) when a
 * weight, bias or loss is no longer finite. Throws (with neuronStep's message) only when the
 * first step does: for invalid input, such as a non-finite x or an unknown activation.
 */
export function runNeuron(start: NeuronStepInput, steps: number, firstStep = 0): NeuronRun {
  if (!Number.isInteger(steps) || steps < 0)
    throw new Error(`steps must be an integer ≥ 0, got ${String(steps)}`);
  const first = neuronStep(start); // validates the input
  const {x, target, learningRate} = start;
  const {f, df} = getActivation(start.activation);
  // neuronStep has checked the pairing: cross-entropy means a sigmoid neuron
  const crossEntropy = start.loss === "binaryCrossEntropy" ? losses.binaryCrossEntropy.unit : null;
  let {w, b} = start;
  let z = first.z;
  const points: NeuronRunPoint[] = [{step: firstStep, w, b, loss: first.loss}];
  for (let k = 1; k <= steps; k++) {
    // neuronStep's arithmetic in its order (forward and sgdStep on a one-unit network), so
    // every number is bit for bit the one it gives; without its arrays and checks, a slider
    // can rerun several 50-step neurons per frame
    const delta = crossEntropy ? crossEntropy.logitGradient(z, target) : (f(z) - target) * df(z);
    const wAfter = w - learningRate * (delta * x);
    const bAfter = b - learningRate * delta;
    const zAfter = bAfter + wAfter * x;
    const lossAfter = crossEntropy
      ? crossEntropy.valueFromLogit(zAfter, target)
      : 0.5 * (target - f(zAfter)) ** 2;
    if (!Number.isFinite(wAfter) || !Number.isFinite(bAfter) || !Number.isFinite(lossAfter)) {
      return {points, diverged: true};
    }
    w = wAfter;
    b = bAfter;
    z = zAfter;
    points.push({step: firstStep + k, w, b, loss: lossAfter});
  }
  return {points, diverged: false};
}
