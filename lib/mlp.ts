// A fast multilayer perceptron trainer for the in-page playground: flat Float64Array
// weights, preallocated scratch buffers and allocation-free loops, so a browser can train
// and redraw many times a second. Same maths as sgdStep in ./network.js (and tested
// against it): loss ½ Σ_k (y_k − t_k)², mean gradient over each mini-batch. Each layer's
// activation is evaluated by its kernel (./kernels.js), f and f′ in one call, read from the
// activation record with its parameters. Small networks run code generated for their shape
// (./mlpCompile.js), which unrolls the loops below and calls the same kernels.

import {activations, getActivation, isActivationId} from "./activations.js";
import type {Activation, ActivationId} from "./activations.js";
import {kernelOf} from "./kernels.js";
import type {Kernel} from "./kernels.js";
import {compileMlp} from "./mlpCompile.js";
import type {CompiledMlp} from "./mlpCompile.js";
import {validateNetwork} from "./network.js";
import type {DenseLayer} from "./network.js";
import {mulberry32} from "./random.js";

/** Options of createMlp. */
export interface MlpOptions {
  /** Units per layer, input first: [2, 8, 8, 1] has two hidden layers of 8. Integers ≥ 1, at least two. */
  sizes: readonly number[];
  /** Hidden-layer activation: a registered id, or any Activation record (e.g. a reader-made one). */
  activation: ActivationId | Activation;
  /** Output-layer activation; default "linear", so the output can fit any target (e.g. ±1 labels). */
  outputActivation?: ActivationId | Activation;
  /** Seed of the initialisation; default 1. */
  seed?: number;
  /**
   * Generate code specialised to this shape (default true; faster to train). false, or a page
   * whose Content-Security-Policy forbids `new Function`, uses plain loops: same results.
   */
  compile?: boolean;
}

/** Training diagnostics, updated by every trainEpoch. */
export interface MlpStats {
  /** Number of trainEpoch calls so far. */
  epochs: number;
  /** The last epoch's mean loss (NaN before training). */
  loss: number;
  /**
   * One entry per weight layer (sizes.length − 1): the mean |∂L/∂w| over that layer's weights,
   * averaged over the last epoch's mini-batches (each batch's gradient is its mean over
   * examples, the one the update used). Shows gradients vanishing towards the input.
   */
  gradientNorms: Float64Array;
}

/**
 * A trainable network. Layer l (0 = first weight layer) maps sizes[l] inputs to sizes[l+1]
 * units: weights[l][j·sizes[l] + i] links input i to unit j, and biases[l][j] is unit j's bias.
 */
export interface Mlp {
  readonly sizes: readonly number[];
  readonly activation: Activation;
  readonly outputActivation: Activation;
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
  readonly stats: MlpStats;
  /** Working memory of forward and backward passes; not part of the model. */
  readonly scratch: MlpScratch;
}

/** Preallocated buffers, reused by every example so training allocates nothing. */
export interface MlpScratch {
  /** z[l]: pre-activations of layer l. */
  z: Float64Array[];
  /** slope[l] = f′(z[l]), computed with the forward pass. */
  slope: Float64Array[];
  /** a[0] is the current input; a[l + 1] is the output of layer l. */
  a: Float64Array[];
  /** delta[l] = ∂L/∂z[l] for the current example. */
  delta: Float64Array[];
  /** Gradients summed over the current mini-batch. */
  gradWeights: Float64Array[];
  gradBiases: Float64Array[];
  /** Per layer, the kernel that evaluates its activation: f(z) and f′(z) in one call (./kernels.js). */
  kernels: Kernel[];
  /** Generated train and predict functions, or null to use the loops. */
  compiled: CompiledMlp | null;
}

function resolveActivation(activation: ActivationId | Activation, name: string): Activation {
  if (typeof activation === "string") {
    try {
      return getActivation(activation);
    } catch (error) {
      throw new Error(`${name}: ${(error as Error).message}`);
    }
  }
  if (
    activation === null ||
    typeof activation !== "object" ||
    typeof activation.f !== "function" ||
    typeof activation.df !== "function"
  ) {
    throw new Error(`${name} must be an activation id or a record with f and df functions`);
  }
  return activation;
}

function checkSizes(sizes: unknown): number[] {
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new Error(
      `sizes must be an array of at least 2 layer sizes (input and output), got ${JSON.stringify(sizes)}`
    );
  }
  sizes.forEach((n, l) => {
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`sizes[${l}] must be an integer ≥ 1, got ${String(n)}`);
  });
  return sizes.slice();
}

function allocate(
  sizes: readonly number[],
  activation: Activation,
  outputActivation: Activation,
  compile = true
): Mlp {
  const layers = sizes.length - 1;
  const kernels = Array.from({length: layers}, (_, l) =>
    kernelOf(l === layers - 1 ? outputActivation : activation)
  );
  const perLayer = (count: (l: number) => number) =>
    Array.from({length: layers}, (_, l) => new Float64Array(count(l)));
  return {
    sizes: sizes.slice(),
    activation,
    outputActivation,
    weights: perLayer((l) => sizes[l] * sizes[l + 1]),
    biases: perLayer((l) => sizes[l + 1]),
    stats: {epochs: 0, loss: NaN, gradientNorms: new Float64Array(layers)},
    scratch: {
      z: perLayer((l) => sizes[l + 1]),
      slope: perLayer((l) => sizes[l + 1]),
      a: Array.from({length: layers + 1}, (_, l) => new Float64Array(sizes[l])),
      delta: perLayer((l) => sizes[l + 1]),
      gradWeights: perLayer((l) => sizes[l] * sizes[l + 1]),
      gradBiases: perLayer((l) => sizes[l + 1]),
      kernels,
      compiled: compile ? compileMlp(sizes) : null
    }
  };
}

/**
 * A new network with Glorot-uniform weights, U(±√(6 / (fanIn + fanOut))) (the Keras default),
 * drawn from a seeded generator so the same options always give the same network, and zero
 * biases.
 */
export function createMlp(options: MlpOptions): Mlp {
  if (options === null || typeof options !== "object") throw new Error("createMlp needs an options object");
  const sizes = checkSizes(options.sizes);
  const activation = resolveActivation(options.activation, "activation");
  const outputActivation = resolveActivation(options.outputActivation ?? "linear", "outputActivation");
  const seed = options.seed ?? 1;
  if (typeof seed !== "number" || !Number.isFinite(seed))
    throw new Error(`seed must be a finite number, got ${String(seed)}`);
  const mlp = allocate(sizes, activation, outputActivation, options.compile ?? true);
  const random = mulberry32(seed);
  mlp.weights.forEach((w, l) => {
    const limit = Math.sqrt(6 / (sizes[l] + sizes[l + 1]));
    for (let k = 0; k < w.length; k++) w[k] = (2 * random() - 1) * limit;
  });
  return mlp;
}

/** An Mlp with the weights of a DenseLayer network (all hidden layers must share one activation). */
export function mlpFromDenseLayers(net: DenseLayer[], options: {compile?: boolean} = {}): Mlp {
  const inputs = validateNetwork(net);
  const acts = net.map((layer, l) => resolveActivation(layer.activation, `layer ${l} activation`));
  const hidden = acts.slice(0, -1);
  if (hidden.some((act) => act !== hidden[0])) {
    throw new Error(
      `all hidden layers must share one activation, got ${hidden.map((act) => act.id).join(", ")}`
    );
  }
  const output = acts[acts.length - 1];
  const sizes = [inputs, ...net.map((layer) => layer.weights.length)];
  const mlp = allocate(sizes, hidden[0] ?? output, output, options.compile ?? true);
  net.forEach((layer, l) => {
    layer.weights.forEach((row, j) => mlp.weights[l].set(row, j * sizes[l]));
    mlp.biases[l].set(layer.biases);
  });
  return mlp;
}

/** The Mlp as plain DenseLayers, for sgdStep and the step-by-step pages (registered activations only). */
export function toDenseLayers(mlp: Mlp): DenseLayer[] {
  const idOf = (act: Activation): ActivationId => {
    if (isActivationId(act.id) && activations[act.id] === act) return act.id;
    throw new Error(`activation "${act.id}" is not a registered record, so it has no DenseLayer id`);
  };
  return mlp.weights.map((w, l) => {
    const inputs = mlp.sizes[l];
    return {
      weights: Array.from({length: mlp.sizes[l + 1]}, (_, j) =>
        Array.from(w.subarray(j * inputs, (j + 1) * inputs))
      ),
      biases: Array.from(mlp.biases[l]),
      activation: idOf(l === mlp.weights.length - 1 ? mlp.outputActivation : mlp.activation)
    };
  });
}

/** Number of examples in row-major data with `width` numbers per example; throws if ragged. */
function exampleCount(data: Float64Array, width: number, name: string, expected?: number): number {
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

/** Runs one example (row `example` of inputs) forward, leaving z, a and f′(z) in the scratch buffers. */
function forwardExample(mlp: Mlp, inputs: Float64Array, example: number): void {
  const {sizes, weights, biases, scratch} = mlp;
  const {z, a, slope, kernels} = scratch;
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
    const kernel = kernels[l];
    const next = a[l + 1];
    const slopes = slope[l];
    for (j = 0; j < nOut; j++) next[j] = kernel(zl[j], slopes, j);
  }
}

/** Backpropagates the current example, adding its gradients to the batch sums; returns its loss. */
function backwardExample(mlp: Mlp, targets: Float64Array, example: number): number {
  const {sizes, weights, scratch} = mlp;
  const {a, slope, delta, gradWeights, gradBiases} = scratch;
  const last = weights.length - 1;
  const nOutput = sizes[last + 1];
  const output = a[last + 1];
  const outputDelta = delta[last];
  const outputSlope = slope[last];
  const offset = example * nOutput;
  let loss = 0;
  for (let k = 0; k < nOutput; k++) {
    const error = output[k] - targets[offset + k];
    loss += error * error;
    outputDelta[k] = error * outputSlope[k];
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
  return 0.5 * loss;
}

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
    compiled.predict(mlp.weights, mlp.biases, inputs, result, n, mlp.scratch.kernels, mlp.scratch.slope);
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
 * Mean loss ½ Σ_k (y_k − t_k)² over the examples, without training. With `outputs` (the
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
  if (outputs !== undefined && (!(outputs instanceof Float64Array) || outputs.length !== targets.length)) {
    throw new Error(
      `outputs must be a Float64Array of ${targets.length} entries (one per target), got ${
        outputs instanceof Float64Array ? `${outputs.length} entries` : String(outputs)
      }`
    );
  }
  const width = sizes[sizes.length - 1];
  const output = mlp.scratch.a[sizes.length - 1];
  let sum = 0;
  for (let example = 0; example < n; example++) {
    forwardExample(mlp, inputs, example);
    for (let k = 0; k < width; k++) {
      const y = output[k];
      if (outputs) outputs[example * width + k] = y;
      sum += 0.5 * (y - targets[example * width + k]) ** 2;
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
