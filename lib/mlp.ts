// A fast multilayer perceptron trainer for the in-page playground: flat Float64Array
// weights, preallocated scratch buffers and allocation-free loops, so a browser can train
// and redraw many times a second. Same maths as sgdStep in ./network.js (and tested
// against it): loss ½ Σ_k (y_k − t_k)², mean gradient over each mini-batch. Each layer's
// activation is evaluated by its kernel (./kernels.js), f and f′ in one call, read from the
// activation record with its parameters. Small networks run code generated for their shape
// (./mlpCompile.js), which unrolls the loops of ./mlpLoops.js and calls the same kernels.
//
// This module lays a network out and creates it; ./mlpTrain.js trains it and ./mlpPredict.js
// runs it (both re-exported here).

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

// training and running a network, in modules of their own
export {trainEpoch} from "./mlpTrain.js";
export type {TrainOptions} from "./mlpTrain.js";
export {deadUnits, meanLoss, predict} from "./mlpPredict.js";
export {unitValues} from "./mlpUnits.js";
export type {UnitValues} from "./mlpUnits.js";
