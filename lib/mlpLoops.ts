// The trainer's loops for one example: forward through every layer, then back, on the
// preallocated buffers of an Mlp (./mlp.js), so a pass allocates nothing. Training and
// prediction both run them; ./mlpCompile.js generates the same arithmetic unrolled.

import type {Mlp} from "./mlp.js";
import {bceUnit} from "./unitLosses.js";

/** Binary cross-entropy of one output unit from its logit: its value and ∂/∂z = σ(z) − t (./unitLosses.js). */
export {bceUnit};

/** Number of examples in row-major data with `width` numbers per example; throws if ragged. */
export function exampleCount(data: Float64Array, width: number, name: string, expected?: number): number {
  if (!(data instanceof Float64Array)) throw new Error(`${name} must be a Float64Array`);
  if (data.length % width !== 0) {
    throw new Error(`${name} has ${data.length} numbers, not a multiple of ${width} (numbers per example)`);
  }
  const n = data.length / width;
  if (expected !== undefined && n !== expected) {
    throw new Error(`${name} holds ${n} examples, expected ${expected} (one per input)`);
  }
  return n;
}

/**
 * Throws unless every target suits the network's loss: binary cross-entropy needs targets in
 * [0, 1] (probabilities, or the labels 0 and 1). Squared error takes any number.
 */
export function checkTargets(mlp: Mlp, targets: Float64Array): void {
  if (mlp.loss !== "binaryCrossEntropy") return;
  for (let k = 0; k < targets.length; k++) {
    const t = targets[k];
    if (!(t >= 0 && t <= 1)) {
      throw new Error(
        `targets[${k}] is ${t}: binary cross-entropy needs targets in [0, 1] (e.g. labels 0 and 1)`
      );
    }
  }
}

/**
 * Runs one example (row `example` of inputs) forward, leaving z, f(z), f′(z) and each layer's
 * output (f(z) plus the input where the layer has a skip connection) in the scratch buffers.
 */
export function forwardExample(mlp: Mlp, inputs: Float64Array, example: number): void {
  const {sizes, weights, biases, scratch, residual} = mlp;
  const {z, a, f, slope, kernels} = scratch;
  const input = a[0];
  const width = sizes[0];
  const offset = example * width;
  for (let i = 0; i < width; i++) input[i] = inputs[offset + i];
  const last = weights.length - 1;
  for (let l = 0; l <= last; l++) {
    const w = weights[l];
    const b = biases[l];
    const previous = a[l];
    const zl = z[l];
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    // Four units at a time: four independent sums keep the FPU busy (one sum is a chain of
    // dependent additions). Each sum still adds its terms in order, like sgdStep.
    let j = 0;
    for (; j + 3 < nOut; j += 4) {
      const r0 = j * nIn;
      const r1 = r0 + nIn;
      const r2 = r1 + nIn;
      const r3 = r2 + nIn;
      let s0 = b[j];
      let s1 = b[j + 1];
      let s2 = b[j + 2];
      let s3 = b[j + 3];
      for (let i = 0; i < nIn; i++) {
        const x = previous[i];
        s0 += w[r0 + i] * x;
        s1 += w[r1 + i] * x;
        s2 += w[r2 + i] * x;
        s3 += w[r3 + i] * x;
      }
      zl[j] = s0;
      zl[j + 1] = s1;
      zl[j + 2] = s2;
      zl[j + 3] = s3;
    }
    for (; j < nOut; j++) {
      let sum = b[j];
      const row = j * nIn;
      for (let i = 0; i < nIn; i++) sum += w[row + i] * previous[i];
      zl[j] = sum;
    }
    kernels[l](zl, f[l + 1], slope[l], nOut);
    if (residual[l]) {
      const own = f[l + 1];
      const output = a[l + 1];
      for (let i = 0; i < nOut; i++) output[i] = own[i] + previous[i];
    }
  }
}

/**
 * Backpropagates the current example, adding its gradients to the batch sums; returns its
 * loss. Squared error: ½ Σ_k (y_k − t_k)², δ_k = (y_k − t_k)·f′(z_k). Binary cross-entropy:
 * from the logits, δ_k = σ(z_k) − t_k (./losses.js).
 */
export function backwardExample(mlp: Mlp, targets: Float64Array, example: number): number {
  const {sizes, weights, scratch, residual} = mlp;
  const {a, slope, delta, upstream, gradWeights, gradBiases} = scratch;
  const last = weights.length - 1;
  const nOutput = sizes[last + 1];
  const output = a[last + 1];
  const outputDelta = delta[last];
  const outputSlope = slope[last];
  const offset = example * nOutput;
  let loss = 0;
  if (mlp.loss === "binaryCrossEntropy") {
    const logits = scratch.z[last];
    for (let k = 0; k < nOutput; k++) {
      const t = targets[offset + k];
      loss += bceUnit.valueFromLogit(logits[k], t);
      outputDelta[k] = bceUnit.logitGradient(logits[k], t);
    }
  } else {
    for (let k = 0; k < nOutput; k++) {
      const error = output[k] - targets[offset + k];
      loss += error * error;
      outputDelta[k] = error * outputSlope[k];
    }
    loss *= 0.5;
  }
  for (let l = last; l >= 0; l--) {
    const d = delta[l];
    const previous = a[l];
    const w = weights[l];
    const gw = gradWeights[l];
    const gb = gradBiases[l];
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    if (l > 0) {
      // ∂L/∂a of the previous layer, accumulated row by row while the gradients are summed
      const dPrevious = delta[l - 1];
      dPrevious.fill(0);
      for (let j = 0; j < nOut; j++) {
        const dj = d[j];
        const row = j * nIn;
        gb[j] += dj;
        for (let i = 0; i < nIn; i++) {
          gw[row + i] += dj * previous[i];
          dPrevious[i] += w[row + i] * dj;
        }
      }
      // a skip connection adds ∂L/∂(this layer's output) to ∂L/∂(its input)
      if (residual[l]) {
        const up = upstream[l];
        for (let i = 0; i < nIn; i++) dPrevious[i] += up[i];
      }
      if (residual[l - 1]) upstream[l - 1].set(dPrevious);
      const slopePrevious = slope[l - 1];
      for (let i = 0; i < nIn; i++) dPrevious[i] *= slopePrevious[i];
    } else {
      for (let j = 0; j < nOut; j++) {
        const dj = d[j];
        const row = j * nIn;
        gb[j] += dj;
        for (let i = 0; i < nIn; i++) gw[row + i] += dj * previous[i];
      }
    }
  }
  return loss;
}
