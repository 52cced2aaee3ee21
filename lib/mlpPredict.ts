// Running an Mlp (./mlp.js) without training it: its outputs, its mean loss and its dead units.

import type {Mlp} from "./mlp.js";
import {bceUnit, checkTargets, exampleCount, forwardExample} from "./mlpLoops.js";

/** The network's outputs for every row of inputs (n × last size, row-major), into out if given. */
export function predict(mlp: Mlp, inputs: Float64Array, out?: Float64Array): Float64Array {
  const {sizes} = mlp;
  const n = exampleCount(inputs, sizes[0], "inputs");
  const width = sizes[sizes.length - 1];
  const result = out ?? new Float64Array(n * width);
  if (result.length !== n * width) {
    throw new Error(
      `out has ${result.length} entries, expected ${n * width} (${n} examples × ${width} outputs)`
    );
  }
  const {compiled} = mlp.scratch;
  if (compiled) {
    compiled.predict(
      mlp.weights,
      mlp.biases,
      inputs,
      result,
      n,
      mlp.scratch.kernels,
      mlp.scratch.z,
      mlp.scratch.f,
      mlp.scratch.slope
    );
    return result;
  }
  const output = mlp.scratch.a[sizes.length - 1];
  for (let example = 0; example < n; example++) {
    forwardExample(mlp, inputs, example);
    for (let k = 0; k < width; k++) result[example * width + k] = output[k];
  }
  return result;
}

/**
 * Mean loss over the examples, without training, by the network's loss (Mlp.loss): squared
 * error ½ Σ_k (y_k − t_k)², or binary cross-entropy from the output's logits (exact, finite
 * for any finite logit; targets must lie in [0, 1]). With `outputs` (the
 * length of targets), the same pass also writes the network's outputs there, as predict
 * would: a caller that wants both the loss and, say, the accuracy runs the network once.
 */
export function meanLoss(
  mlp: Mlp,
  inputs: Float64Array,
  targets: Float64Array,
  outputs?: Float64Array
): number {
  const {sizes} = mlp;
  const n = exampleCount(inputs, sizes[0], "inputs");
  exampleCount(targets, sizes[sizes.length - 1], "targets", n);
  if (n === 0) throw new Error("inputs is empty: expected at least one example");
  checkTargets(mlp, targets);
  if (outputs !== undefined && (!(outputs instanceof Float64Array) || outputs.length !== targets.length)) {
    throw new Error(
      `outputs must be a Float64Array of ${targets.length} entries (one per target), got ${
        outputs instanceof Float64Array ? `${outputs.length} entries` : String(outputs)
      }`
    );
  }
  const width = sizes[sizes.length - 1];
  const output = mlp.scratch.a[sizes.length - 1];
  const logits = mlp.scratch.z[sizes.length - 2];
  const crossEntropy = mlp.loss === "binaryCrossEntropy";
  let sum = 0;
  for (let example = 0; example < n; example++) {
    forwardExample(mlp, inputs, example);
    for (let k = 0; k < width; k++) {
      const y = output[k];
      const t = targets[example * width + k];
      if (outputs) outputs[example * width + k] = y;
      sum += crossEntropy ? bceUnit.valueFromLogit(logits[k], t) : 0.5 * (y - t) ** 2;
    }
  }
  return sum / n;
}

/**
 * Dead units per layer (one count per weight layer, output layer last): units whose slope
 * f′(z) is 0 on every example, so no gradient reaches their incoming weights. For ReLU
 * (ReLU′(0) = 0) that is a pre-activation z ≤ 0 on every example; smooth activations
 * practically never have dead units.
 */
export function deadUnits(mlp: Mlp, inputs: Float64Array): number[] {
  const {sizes} = mlp;
  const n = exampleCount(inputs, sizes[0], "inputs");
  const last = sizes.length - 2;
  const alive = Array.from({length: last + 1}, (_, l) => new Uint8Array(sizes[l + 1]));
  const {slope} = mlp.scratch;
  for (let example = 0; example < n; example++) {
    forwardExample(mlp, inputs, example);
    for (let l = 0; l <= last; l++) {
      const slopes = slope[l];
      const flags = alive[l];
      for (let j = 0; j < slopes.length; j++) if (slopes[j] !== 0) flags[j] = 1;
    }
  }
  return alive.map((flags) => flags.length - flags.reduce((sum, flag) => sum + flag, 0));
}
