// Running an Mlp (./mlp.js) without training it: its outputs, its mean loss and its dead units.

import {tanhKernel, tanhValues} from "./kernels.js";
import type {Mlp} from "./mlp.js";
import {loopLayer} from "./mlpCompile.js";
import type {CompiledLayer} from "./mlpCompile.js";
import {bceUnit, checkTargets, exampleCount, forwardExample} from "./mlpLoops.js";

/**
 * Examples per block of the layered pass: every layer runs over a block before the next layer
 * starts, so each activation is one call over block × width values, and a block's units stay
 * in the processor's cache (256 × 8 units × 8 bytes = 16 KB a layer).
 */
const BLOCK = 256;
/** The layered pass's working memory: a block's z, f′ and two layers' outputs (grown as needed). */
let blockZ = new Float64Array(0);
let blockS = blockZ;
let blockA = blockZ;
let blockB = blockZ;
/** meanLoss's outputs and logits, where the caller wants only the loss (grown as needed). */
let lossOutputs = new Float64Array(0);
let lossLogits = lossOutputs;

/**
 * Called by the layered pass for each block of examples [start, start + count) and weight
 * layer l, once the layer's activation has run and before its skip connection adds the input:
 * z, a = f(z) and slope = f′(z) hold the block's count × sizes[l+1] values (row-major, from
 * index 0), in working memory the next call overwrites.
 */
export type LayerTap = (
  l: number,
  start: number,
  count: number,
  z: Float64Array,
  a: Float64Array,
  slope: Float64Array
) => void;

/**
 * The network's outputs for every row of inputs (n × last size, row-major), into out if given;
 * `tap` (see LayerTap) sees every layer's z, f(z) and f′(z) on the way.
 */
export function predict(mlp: Mlp, inputs: Float64Array, out?: Float64Array, tap?: LayerTap): Float64Array {
  const {sizes} = mlp;
  const n = exampleCount(inputs, sizes[0], "inputs");
  const width = sizes[sizes.length - 1];
  const result = out ?? new Float64Array(n * width);
  if (result.length !== n * width) {
    throw new Error(
      `out has ${result.length} entries, expected ${n * width} (${n} examples × ${width} outputs)`
    );
  }
  layered(mlp, inputs, n, result, undefined, tap);
  return result;
}

/**
 * predict by layers (and meanLoss, which also takes the output layer's z, the logits, into
 * `logits` when given): for each block of examples, every layer's z by its layer function
 * (the generated one of ./mlpCompile.js, or plain loops where the network has none: the sums
 * of ./mlpLoops.js, term for term), then its activation (tanh's values alone,
 * tanhValues, unless a `tap` reads the slopes too), then the skip connection's sum, f(z) +
 * input, where the layer has one: the numbers of the example-by-example pass, bit for bit.
 */
function layered(
  mlp: Mlp,
  inputs: Float64Array,
  n: number,
  result: Float64Array,
  logits?: Float64Array,
  tap?: LayerTap
): void {
  const {sizes, weights, biases, residual, scratch} = mlp;
  const layers: readonly CompiledLayer[] =
    scratch.compiled?.layers ?? sizes.slice(1).map((nOut, l) => loopLayer(sizes[l], nOut));
  const last = layers.length - 1;
  const widest = BLOCK * Math.max(...sizes.slice(1));
  if (blockZ.length < widest) {
    blockZ = new Float64Array(widest);
    blockS = new Float64Array(widest);
    blockA = new Float64Array(widest);
    blockB = new Float64Array(widest);
  }
  const nIn = sizes[0];
  const nOut = sizes[last + 1];
  for (let start = 0; start < n; start += BLOCK) {
    const count = Math.min(BLOCK, n - start);
    let x = inputs.subarray(start * nIn, (start + count) * nIn);
    let spare = blockA;
    for (let l = 0; l <= last; l++) {
      const width = count * sizes[l + 1];
      layers[l](weights[l], biases[l], x, blockZ, count);
      if (l === last && logits) logits.set(blockZ.subarray(0, width), start * nOut);
      const a = l === last ? result.subarray(start * nOut, start * nOut + width) : spare;
      const kernel = scratch.kernels[l];
      if (kernel === tanhKernel && !tap) tanhValues(blockZ, a, width);
      else kernel(blockZ, a, blockS, width); // f′ too, read by a tap only
      tap?.(l, start, count, blockZ, a, blockS);
      if (residual[l]) for (let k = 0; k < width; k++) a[k] += x[k];
      spare = a === blockA ? blockB : blockA;
      x = a;
    }
  }
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
  // the outputs (and, for cross-entropy, the logits) by the layered pass, predict's numbers
  // bit for bit, then the loss summed in the order of the examples
  const size = targets.length;
  if (lossOutputs.length < size) {
    lossOutputs = new Float64Array(Math.max(size, 2 * lossOutputs.length));
    lossLogits = new Float64Array(lossOutputs.length);
  }
  const y = outputs ?? lossOutputs.subarray(0, size);
  const crossEntropy = mlp.loss === "binaryCrossEntropy";
  const logits = crossEntropy ? lossLogits.subarray(0, size) : undefined;
  layered(mlp, inputs, n, y, logits);
  let sum = 0;
  for (let i = 0; i < size; i++) {
    sum += logits ? bceUnit.valueFromLogit(logits[i], targets[i]) : 0.5 * (y[i] - targets[i]) ** 2;
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
