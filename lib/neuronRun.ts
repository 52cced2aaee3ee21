// Many gradient-descent steps on one neuron, for the loss-by-step charts of the backprop
// page: repeated neuronStep (so every number is the one sgdStep computes), stopping
// cleanly when the weights or the loss stop being finite.

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
  let {w, b} = start;
  const first = neuronStep(start); // validates the input
  const points: NeuronRunPoint[] = [{step: firstStep, w, b, loss: first.loss}];
  let current = first;
  for (let k = 1; k <= steps; k++) {
    const {wAfter, bAfter, lossAfter} = current;
    if (!Number.isFinite(wAfter) || !Number.isFinite(bAfter) || !Number.isFinite(lossAfter)) {
      return {points, diverged: true};
    }
    w = wAfter;
    b = bAfter;
    points.push({step: firstStep + k, w, b, loss: lossAfter});
    if (k < steps) {
      try {
        current = neuronStep({...start, w, b});
      } catch {
        // only overflow can make a step on valid, finite input fail (the first step validated it)
        return {points, diverged: true};
      }
    }
  }
  return {points, diverged: false};
}
