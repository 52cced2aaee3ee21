// Mini-batch gradient descent on an Mlp (./mlp.js): its loss (squared error ½ Σ_k (y_k − t_k)²
// by default), each batch's mean gradient applied after the batch, as sgdStep in
// ./network.js would for each example, with optional L1 or L2 regularisation of the weights.

import type {Mlp} from "./mlp.js";
import {backwardExample, bceUnit, checkTargets, exampleCount, forwardExample} from "./mlpLoops.js";

/** Forward and backward over examples [start, end), adding gradients to the sums; returns Σ loss. */
function trainRange(
  mlp: Mlp,
  inputs: Float64Array,
  targets: Float64Array,
  start: number,
  end: number
): number {
  const {compiled, gradWeights, gradBiases} = mlp.scratch;
  if (compiled) {
    return compiled.train(
      mlp.weights,
      mlp.biases,
      gradWeights,
      gradBiases,
      inputs,
      targets,
      start,
      end,
      mlp.scratch.kernels,
      mlp.scratch.z,
      mlp.scratch.f,
      mlp.scratch.slope,
      bceUnit
    );
  }
  let loss = 0;
  for (let example = start; example < end; example++) {
    forwardExample(mlp, inputs, example);
    loss += backwardExample(mlp, targets, example);
  }
  return loss;
}

/** Regularisation codes, so the batch update branches once per layer, not per weight. */
const NONE = 0;
const L1 = 1;
const L2 = 2;

/**
 * Applies the mean of the batch's summed gradients (and the regularisation, see
 * Regularization), records the size of the data gradients, and clears them.
 */
function applyBatch(
  mlp: Mlp,
  learningRate: number,
  count: number,
  gradientSums: Float64Array,
  kind: number,
  rate: number
): void {
  const {weights, biases, scratch} = mlp;
  const {gradWeights, gradBiases} = scratch;
  const shrink = learningRate * rate;
  for (let l = 0; l < weights.length; l++) {
    const w = weights[l];
    const gw = gradWeights[l];
    const b = biases[l];
    const gb = gradBiases[l];
    let absSum = 0;
    if (kind === NONE) {
      for (let k = 0; k < w.length; k++) {
        const g = gw[k] / count;
        w[k] -= learningRate * g;
        absSum += Math.abs(g);
        gw[k] = 0;
      }
    } else if (kind === L2) {
      for (let k = 0; k < w.length; k++) {
        const g = gw[k] / count;
        w[k] -= learningRate * (g + rate * w[k]);
        absSum += Math.abs(g);
        gw[k] = 0;
      }
    } else {
      for (let k = 0; k < w.length; k++) {
        const g = gw[k] / count;
        const weight = w[k];
        const stepped = weight - learningRate * g;
        // the L1 step, by the sign of the weight before the update; one that carries the
        // stepped weight across 0 leaves it at 0
        const shrunk = weight > 0 ? stepped - shrink : weight < 0 ? stepped + shrink : stepped;
        w[k] = stepped * shrunk < 0 ? 0 : shrunk;
        absSum += Math.abs(g);
        gw[k] = 0;
      }
    }
    for (let j = 0; j < b.length; j++) {
      b[j] -= learningRate * (gb[j] / count);
      gb[j] = 0;
    }
    gradientSums[l] += absSum / w.length;
  }
}

/**
 * A penalty on the weights (never the biases), added to the loss being minimised and applied
 * at every batch update. With learning rate η, rate λ and ḡ a weight's mean gradient of the
 * loss over the batch, each weight w becomes:
 * - "none": w − η ḡ;
 * - "L2", penalty λ · ½ Σ w²: w − η (ḡ + λ w), a gradient step on the penalised loss;
 * - "L1", penalty λ · Σ |w|: first v = w − η ḡ, then v − η λ sign(w) (sign 0 = 0), which is
 *   the gradient step w − η (ḡ + λ sign w) on the penalised loss, except that a weight this
 *   second step carries across 0 is set to 0, as TensorFlow Playground does, so weights that
 *   do not earn their keep become exactly 0 (unlike there, such a weight may move again
 *   in later batches).
 * The loss trainEpoch returns, like meanLoss, is the network's loss alone, without the penalty.
 */
export interface Regularization {
  kind: "none" | "L1" | "L2";
  /** λ, a finite number ≥ 0. */
  rate: number;
}

/**
 * Options of trainEpoch: learningRate finite ≥ 0, batchSize an integer ≥ 1, and
 * regularization (default none).
 */
export interface TrainOptions {
  learningRate: number;
  batchSize: number;
  regularization?: Regularization;
}

/** The regularisation's code and rate, checked. */
function checkRegularization(regularization: unknown): [number, number] {
  if (regularization === undefined) return [NONE, 0];
  if (regularization === null || typeof regularization !== "object") {
    throw new Error(`regularization must be {kind, rate}, got ${String(regularization)}`);
  }
  const {kind, rate} = regularization as Regularization;
  const code = kind === "none" ? NONE : kind === "L1" ? L1 : kind === "L2" ? L2 : -1;
  if (code < 0) throw new Error(`unknown regularization kind "${String(kind)}"; expected none, L1 or L2`);
  if (typeof rate !== "number" || !Number.isFinite(rate) || rate < 0) {
    throw new Error(`regularization rate must be a finite number ≥ 0, got ${String(rate)}`);
  }
  return [code, rate];
}

/**
 * One pass over the data in the given order, updating after every batchSize consecutive
 * examples (and after a final partial batch) with the mean of their gradients, regularised
 * as options.regularization says. inputs is row-major n × sizes[0], targets n × (last
 * size), in [0, 1] for binary cross-entropy. Mutates mlp; returns the epoch's mean loss (the
 * network's loss, without the penalty), each example's loss taken in the forward pass before
 * its batch's update. The statistics' gradientNorms measure the loss's gradients alone.
 */
export function trainEpoch(
  mlp: Mlp,
  inputs: Float64Array,
  targets: Float64Array,
  options: TrainOptions
): number {
  const {sizes} = mlp;
  const n = exampleCount(inputs, sizes[0], "inputs");
  exampleCount(targets, sizes[sizes.length - 1], "targets", n);
  if (n === 0) throw new Error("inputs is empty: expected at least one example");
  const {learningRate, batchSize} = options;
  if (typeof learningRate !== "number" || !Number.isFinite(learningRate) || learningRate < 0) {
    throw new Error(`learningRate must be a finite number ≥ 0, got ${String(learningRate)}`);
  }
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new Error(`batchSize must be an integer ≥ 1, got ${String(batchSize)}`);
  }
  const [kind, rate] = checkRegularization(options.regularization);
  checkTargets(mlp, targets);
  const {gradientNorms} = mlp.stats;
  gradientNorms.fill(0);
  let lossSum = 0;
  let batches = 0;
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    lossSum += trainRange(mlp, inputs, targets, start, end);
    applyBatch(mlp, learningRate, end - start, gradientNorms, kind, rate);
    batches++;
  }
  for (let l = 0; l < gradientNorms.length; l++) gradientNorms[l] /= batches;
  mlp.stats.epochs++;
  mlp.stats.loss = lossSum / n;
  return mlp.stats.loss;
}
