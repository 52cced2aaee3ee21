// Mini-batch gradient descent on an Mlp (./mlp.js): loss ½ Σ_k (y_k − t_k)², each batch's
// mean gradient applied after the batch, as sgdStep in ./network.js would for each example.

import type {Mlp} from "./mlp.js";
import {backwardExample, exampleCount, forwardExample} from "./mlpLoops.js";

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
      mlp.scratch.a,
      mlp.scratch.slope
    );
  }
  let loss = 0;
  for (let example = start; example < end; example++) {
    forwardExample(mlp, inputs, example);
    loss += backwardExample(mlp, targets, example);
  }
  return loss;
}

/** Applies the mean of the batch's summed gradients, records their size, and clears them. */
function applyBatch(mlp: Mlp, learningRate: number, count: number, gradientSums: Float64Array): void {
  const {weights, biases, scratch} = mlp;
  const {gradWeights, gradBiases} = scratch;
  for (let l = 0; l < weights.length; l++) {
    const w = weights[l];
    const gw = gradWeights[l];
    const b = biases[l];
    const gb = gradBiases[l];
    let absSum = 0;
    for (let k = 0; k < w.length; k++) {
      const g = gw[k] / count;
      w[k] -= learningRate * g;
      absSum += Math.abs(g);
      gw[k] = 0;
    }
    for (let j = 0; j < b.length; j++) {
      b[j] -= learningRate * (gb[j] / count);
      gb[j] = 0;
    }
    gradientSums[l] += absSum / w.length;
  }
}

/** Options of trainEpoch: learningRate finite ≥ 0, batchSize an integer ≥ 1. */
export interface TrainOptions {
  learningRate: number;
  batchSize: number;
}

/**
 * One pass over the data in the given order, updating after every batchSize consecutive
 * examples (and after a final partial batch) with the mean of their gradients. inputs is
 * row-major n × sizes[0], targets n × (last size). Mutates mlp; returns the epoch's mean
 * loss, each example's loss taken in the forward pass before its batch's update.
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
  const {gradientNorms} = mlp.stats;
  gradientNorms.fill(0);
  let lossSum = 0;
  let batches = 0;
  for (let start = 0; start < n; start += batchSize) {
    const end = Math.min(n, start + batchSize);
    lossSum += trainRange(mlp, inputs, targets, start, end);
    applyBatch(mlp, learningRate, end - start, gradientNorms);
    batches++;
  }
  for (let l = 0; l < gradientNorms.length; l++) gradientNorms[l] /= batches;
  mlp.stats.epochs++;
  mlp.stats.loss = lossSum / n;
  return mlp.stats.loss;
}
