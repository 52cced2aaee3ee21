// Why all-positive inputs make one-example-at-a-time gradient descent zigzag.
//
// Take one unit of a layer whose inputs are the outputs a = (a₁, a₂) of the layer before,
// with output y = w₁a₁ + w₂a₂ and loss ½(y − t)² on one example. Its weight gradient on that
// example is (y − t)·(a₁, a₂): when both inputs are positive (sigmoid or ReLU outputs), both
// components share the sign of the error y − t, so a step moves both weights up or both down,
// into the first or the third quadrant. If the weights that fit the data need one to rise and
// the other to fall, steps on single examples can only get there in a zigzag. A step on a
// batch adds up errors of both signs, so it can head the other way: the zigzag is a property
// of one example and one unit.

import {logistic} from "./special.js";

export type Weights = [number, number];

/** One training example of the two-weight unit: its two inputs and its target. */
export interface ZigzagExample {
  inputs: [number, number];
  target: number;
}

/** A descent path: the weights before the first step and after each one. */
export interface ZigzagPath {
  points: Weights[];
  /** For each step, whether it moved both weights the same way (both up or both down, or not at all). */
  sameSign: boolean[];
}

/**
 * The course's demo: inputs from sigmoid outputs of these pre-activations (a 4 × 4 grid of
 * z₁, z₂), weights starting at `start`, and targets made by `best`, so w₁ must rise while
 * w₂ falls.
 */
export const zigzagSetup: Readonly<{start: Weights; best: Weights; preActivations: readonly number[]}> =
  Object.freeze({start: [-1, 1], best: [1, -1], preActivations: [-1.5, -0.5, 0.5, 1.5]});

/**
 * Examples whose inputs are sigmoid outputs σ(z₁), σ(z₂) over zigzagSetup's grid of z (so all
 * positive), with targets made by the weights `best`: t = best₁a₁ + best₂a₂, so `best` fits
 * every example exactly.
 */
export function sigmoidExamples(best: Weights): ZigzagExample[] {
  checkWeights("best", best);
  const examples: ZigzagExample[] = [];
  for (const z1 of zigzagSetup.preActivations) {
    for (const z2 of zigzagSetup.preActivations) {
      const inputs: [number, number] = [logistic(z1), logistic(z2)];
      examples.push({inputs, target: best[0] * inputs[0] + best[1] * inputs[1]});
    }
  }
  return examples;
}

/** The gradient of ½(w·a − t)² in w, for one example. */
export function exampleGradient(w: Weights, {inputs, target}: ZigzagExample): Weights {
  const error = w[0] * inputs[0] + w[1] * inputs[1] - target;
  return [error * inputs[0], error * inputs[1]];
}

export interface DescentOptions {
  start: Weights;
  learningRate: number;
  /** Number of steps, a whole number ≥ 0. */
  steps: number;
  /** "example": one example per step, in turn; "batch": the mean gradient over all of them. */
  mode: "example" | "batch";
}

/** Gradient descent on the two weights from `start`, one example or the whole batch per step. */
export function descentPath(examples: ZigzagExample[], options: DescentOptions): ZigzagPath {
  const {start, learningRate, steps, mode} = options;
  if (!Array.isArray(examples) || examples.length === 0) throw new Error("examples must be a non-empty array");
  checkWeights("start", start);
  if (!(typeof learningRate === "number" && Number.isFinite(learningRate) && learningRate > 0)) {
    throw new Error(`learningRate is ${String(learningRate)}, expected a finite number > 0`);
  }
  if (!Number.isInteger(steps) || steps < 0) throw new Error(`steps is ${String(steps)}, expected a whole number ≥ 0`);
  if (mode !== "example" && mode !== "batch") throw new Error(`mode is ${String(mode)}, expected "example" or "batch"`);
  let w: Weights = [start[0], start[1]];
  const points: Weights[] = [w];
  const sameSign: boolean[] = [];
  for (let s = 0; s < steps; s++) {
    let g: Weights;
    if (mode === "example") {
      g = exampleGradient(w, examples[s % examples.length]);
    } else {
      g = [0, 0];
      for (const example of examples) {
        const [g0, g1] = exampleGradient(w, example);
        g[0] += g0 / examples.length;
        g[1] += g1 / examples.length;
      }
    }
    const next: Weights = [w[0] - learningRate * g[0], w[1] - learningRate * g[1]];
    sameSign.push(g[0] * g[1] >= 0);
    points.push(next);
    w = next;
  }
  return {points, sameSign};
}

function checkWeights(name: string, w: unknown): void {
  if (!Array.isArray(w) || w.length !== 2 || !w.every((v) => typeof v === "number" && Number.isFinite(v))) {
    throw new Error(`${name} must be two finite numbers, got ${String(w)}`);
  }
}
