// The state of the network walk-through: the network the reader starts from (the published
// worked example's weights, with the inputs, targets and activations of the controls), and
// steps of gradient descent on it. Pure: every number is lib/backpropTrace.js's backpropStep.
import {backpropStep, classicExample} from "../lib/backpropTrace.js";

/**
 * The controls' values: inputs x1, x2, targets t1, t2, learningRate, the hidden and output
 * activations' ids, and whether biases learn.
 * @typedef {{x1: number, x2: number, t1: number, t2: number, learningRate: number,
 *   hidden: string, output: string, updateBiases: boolean}} WalkParams
 */

/** The controls' values that reproduce the published walk-through. */
export function classicParams() {
  const ex = classicExample();
  return {
    x1: ex.input[0],
    x2: ex.input[1],
    t1: ex.target[0],
    t2: ex.target[1],
    learningRate: ex.learningRate,
    hidden: ex.net[0].activation,
    output: ex.net[1].activation,
    updateBiases: ex.updateBiases
  };
}

/** The published example's starting weights and biases, with the activations of `params`. */
export function startNet(params) {
  const {net} = classicExample();
  net[0].activation = params.hidden;
  net[1].activation = params.output;
  return net;
}

/** The step the network `net` would take now: backpropStep's trace of net, and the net after. */
export function pendingStep(net, params) {
  return backpropStep(net, [params.x1, params.x2], [params.t1, params.t2], params.learningRate, {
    updateBiases: params.updateBiases
  });
}

/**
 * A fresh walk-through at step 0: {params, net, step, count, points, diverged}, where step is
 * pendingStep(net) and points the loss by step, [{step: 0, loss}]. Throws (with backpropStep's
 * message) when the controls' values cannot be run.
 */
export function startWalk(params) {
  const net = startNet(params);
  const step = pendingStep(net, params);
  return {params, net, step, count: 0, points: [{step: 0, loss: step.trace.lossValue}], diverged: false};
}

/**
 * `state` after up to `steps` more steps, stopping at `maxSteps` in all. If a step leaves a
 * weight that is not finite (the learning rate is too large), the walk stops at the last good
 * network with diverged true. The argument is never changed.
 */
export function advanceWalk(state, steps, {maxSteps = 1000} = {}) {
  let {net, step, count, diverged} = state;
  const points = state.points.slice();
  const todo = Math.max(0, Math.min(steps, maxSteps - count));
  for (let k = 0; k < todo && !diverged; k++) {
    let next;
    try {
      next = pendingStep(step.net, state.params);
    } catch {
      next = null;
    }
    if (!next || !Number.isFinite(next.trace.lossValue)) {
      diverged = true;
      break;
    }
    net = step.net;
    step = next;
    count += 1;
    points.push({step: count, loss: step.trace.lossValue});
  }
  return {params: state.params, net, step, count, points, diverged};
}
