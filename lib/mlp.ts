// A fast multilayer perceptron trainer for the in-page playground: flat Float64Array
// weights, preallocated scratch buffers and allocation-free loops, so a browser can train
// and redraw many times a second. Same maths as sgdStep in ./network.js (and tested
// against it): loss ½ Σ_k (y_k − t_k)², mean gradient over each mini-batch. Options add
// binary cross-entropy from the logits of a sigmoid output, skip connections around the
// hidden layers and the initialisations of ./initialisation.js. Each layer's
// activation is evaluated by its kernel (./kernels.js), f and f′ in one call, read from the
// activation record with its parameters. Small networks run code generated for their shape
// (./mlpCompile.js), which unrolls the loops of ./mlpLoops.js and calls the same kernels.
//
// This module lays a network out and creates it; ./mlpTrain.js trains it and ./mlpPredict.js
// runs it (both re-exported here); ./mlpUnits.js records every unit over many inputs from
// predict's pass (a module of its own, so a page that only trains does not load it).

import {activations, getActivation, isActivationId} from "./activations.js";
import type {Activation, ActivationId} from "./activations.js";
import {getInitialisation, initialisationIds, isInitialisationId, sampleWeights} from "./initialisation.js";
import type {InitialisationId} from "./initialisation.js";
import {kernelOf} from "./kernels.js";
import type {Kernel} from "./kernels.js";
import {compileMlp} from "./mlpCompile.js";
import type {CompiledMlp} from "./mlpCompile.js";
import {validateNetwork} from "./network.js";
import type {DenseLayer} from "./network.js";
import {mulberry32} from "./random.js";

/** The losses a network can train on (./losses.js; each a sum over the output units). */
export type MlpLoss = "squaredError" | "binaryCrossEntropy";

/** The ways createMlp can draw the first weights. */
export type MlpInit = "glorotUniform" | InitialisationId;

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
   * How the weights are drawn (biases start at 0): "glorotUniform" (default),
   * U(±√(6 / (fanIn + fanOut))), the Keras default; or a scheme of ./initialisation.js
   * ("xavier", "he", "lecun", "standard", "small"), drawn from a normal distribution with that
   * scheme's variance by sampleWeights. Either way from one generator seeded with `seed`,
   * layer by layer, so the same options always give the same network.
   */
  init?: MlpInit;
  /**
   * Skip connections (default false): every hidden layer whose input has its own width (not
   * the first weight layer, which reads the inputs, and not the output layer) passes on
   * f(z) + its input instead of f(z). See Mlp.residual.
   */
  residual?: boolean;
  /**
   * The loss trained on and reported (default "squaredError", ½ Σ_k (y_k − t_k)²).
   * "binaryCrossEntropy", −Σ_k [t_k ln y_k + (1 − t_k) ln(1 − y_k)], needs a sigmoid output
   * and targets in [0, 1]; it is computed from the output's logits z, so it stays finite and
   * accurate where the sigmoid rounds to 0 or 1, and its output δ is y − t (./losses.js).
   */
  loss?: MlpLoss;
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
  /** How the weights were first drawn (MlpOptions.init). */
  readonly init: MlpInit;
  /**
   * One flag per weight layer: true where layer l has a skip connection, so it passes on
   * f(z) + a, a being its input (then sizes[l] = sizes[l + 1]); see MlpOptions.residual.
   */
  readonly residual: readonly boolean[];
  /** The loss trainEpoch and meanLoss use (MlpOptions.loss). */
  readonly loss: MlpLoss;
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
  /** a[0] is the current input; a[l + 1] is the output of layer l (after its skip, if any). */
  a: Float64Array[];
  /**
   * f[l + 1] = f(z[l]), layer l's own activations, where its kernel writes: the same buffer as
   * a[l + 1] unless the layer has a skip connection (f[0] is a[0]).
   */
  f: Float64Array[];
  /** delta[l] = ∂L/∂z[l] for the current example. */
  delta: Float64Array[];
  /** upstream[l] = ∂L/∂a[l + 1] for the current example, kept for layers with a skip connection. */
  upstream: Float64Array[];
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

/** The settings allocate needs beyond the shape and activations. */
interface Layout {
  compile: boolean;
  init: MlpInit;
  residual: boolean;
  loss: MlpLoss;
}

/** One flag per weight layer: a skip connection around each hidden layer of equal widths. */
function residualFlags(sizes: readonly number[], residual: boolean): boolean[] {
  const last = sizes.length - 2;
  return Array.from({length: last + 1}, (_, l) => residual && l > 0 && l < last && sizes[l] === sizes[l + 1]);
}

/** The layout options, checked: each an Error naming the option and the values it takes. */
function checkLayout(options: {
  compile?: unknown;
  init?: unknown;
  residual?: unknown;
  loss?: unknown;
}): Layout {
  const {compile = true, init = "glorotUniform", residual = false, loss = "squaredError"} = options;
  if (typeof compile !== "boolean") throw new Error(`compile must be true or false, got ${String(compile)}`);
  if (typeof residual !== "boolean")
    throw new Error(`residual must be true or false, got ${String(residual)}`);
  if (init !== "glorotUniform" && !isInitialisationId(init)) {
    throw new Error(
      `unknown init "${String(init)}"; expected glorotUniform or one of ${initialisationIds.join(", ")}`
    );
  }
  if (loss !== "squaredError" && loss !== "binaryCrossEntropy") {
    throw new Error(`unknown loss "${String(loss)}"; expected squaredError or binaryCrossEntropy`);
  }
  return {compile, init, residual, loss};
}

function allocate(
  sizes: readonly number[],
  activation: Activation,
  outputActivation: Activation,
  layout: Layout
): Mlp {
  const layers = sizes.length - 1;
  if (layout.loss === "binaryCrossEntropy" && outputActivation.id !== "sigmoid") {
    throw new Error(
      `binary cross-entropy needs outputs in [0, 1]: pair it with a sigmoid output, not ${outputActivation.label}`
    );
  }
  const residual = residualFlags(sizes, layout.residual);
  const kernels = Array.from({length: layers}, (_, l) =>
    kernelOf(l === layers - 1 ? outputActivation : activation)
  );
  const perLayer = (count: (l: number) => number) =>
    Array.from({length: layers}, (_, l) => new Float64Array(count(l)));
  const a = Array.from({length: layers + 1}, (_, l) => new Float64Array(sizes[l]));
  const f = a.map((buffer, l) => (l > 0 && residual[l - 1] ? new Float64Array(sizes[l]) : buffer));
  return {
    sizes: sizes.slice(),
    activation,
    outputActivation,
    init: layout.init,
    residual,
    loss: layout.loss,
    weights: perLayer((l) => sizes[l] * sizes[l + 1]),
    biases: perLayer((l) => sizes[l + 1]),
    stats: {epochs: 0, loss: NaN, gradientNorms: new Float64Array(layers)},
    scratch: {
      z: perLayer((l) => sizes[l + 1]),
      slope: perLayer((l) => sizes[l + 1]),
      a,
      f,
      delta: perLayer((l) => sizes[l + 1]),
      upstream: perLayer((l) => (residual[l] ? sizes[l + 1] : 0)),
      gradWeights: perLayer((l) => sizes[l] * sizes[l + 1]),
      gradBiases: perLayer((l) => sizes[l + 1]),
      kernels,
      compiled: layout.compile ? compileMlp(sizes, residual, layout.loss, kernels) : null
    }
  };
}

/**
 * A new network with weights drawn as MlpOptions.init says (by default Glorot-uniform,
 * U(±√(6 / (fanIn + fanOut))), the Keras default) from a seeded generator, so the same
 * options always give the same network, and zero biases. Throws an Error naming the problem
 * for bad sizes, an unknown activation, init or loss, or binary cross-entropy without a
 * sigmoid output.
 */
export function createMlp(options: MlpOptions): Mlp {
  if (options === null || typeof options !== "object") throw new Error("createMlp needs an options object");
  const sizes = checkSizes(options.sizes);
  const activation = resolveActivation(options.activation, "activation");
  const outputActivation = resolveActivation(options.outputActivation ?? "linear", "outputActivation");
  const seed = options.seed ?? 1;
  if (typeof seed !== "number" || !Number.isFinite(seed))
    throw new Error(`seed must be a finite number, got ${String(seed)}`);
  const layout = checkLayout(options);
  const mlp = allocate(sizes, activation, outputActivation, layout);
  const random = mulberry32(seed);
  mlp.weights.forEach((w, l) => {
    if (layout.init === "glorotUniform") {
      const limit = Math.sqrt(6 / (sizes[l] + sizes[l + 1]));
      for (let k = 0; k < w.length; k++) w[k] = (2 * random() - 1) * limit;
    } else {
      sampleWeights(getInitialisation(layout.init), sizes[l], sizes[l + 1], random, "normal", w);
    }
  });
  return mlp;
}

/** Options of mlpFromDenseLayers: as MlpOptions (init has no meaning here: the weights are given). */
export interface FromDenseOptions {
  compile?: boolean;
  residual?: boolean;
  loss?: MlpLoss;
}

/**
 * An Mlp with the weights of a DenseLayer network (all hidden layers must share one
 * activation), optionally with skip connections or binary cross-entropy (MlpOptions).
 */
export function mlpFromDenseLayers(net: DenseLayer[], options: FromDenseOptions = {}): Mlp {
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
  const {compile, residual, loss} = checkLayout({...options, init: undefined});
  const mlp = allocate(sizes, hidden[0] ?? output, output, {compile, residual, loss, init: "glorotUniform"});
  net.forEach((layer, l) => {
    layer.weights.forEach((row, j) => mlp.weights[l].set(row, j * sizes[l]));
    mlp.biases[l].set(layer.biases);
  });
  return mlp;
}

/**
 * The Mlp as plain DenseLayers, for sgdStep and the step-by-step pages (registered
 * activations only). DenseLayers have no skip connections and sgdStep trains on squared
 * error, so a network with skips or binary cross-entropy is an Error.
 */
export function toDenseLayers(mlp: Mlp): DenseLayer[] {
  const idOf = (act: Activation): ActivationId => {
    if (isActivationId(act.id) && activations[act.id] === act) return act.id;
    throw new Error(`activation "${act.id}" is not a registered record, so it has no DenseLayer id`);
  };
  if (mlp.residual.some(Boolean)) {
    throw new Error("this network has skip connections, which DenseLayers cannot express");
  }
  if (mlp.loss !== "squaredError") {
    throw new Error(`this network trains on ${mlp.loss}; DenseLayers and sgdStep use squared error`);
  }
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
export type {Regularization, TrainOptions} from "./mlpTrain.js";
export {deadUnits, meanLoss, predict} from "./mlpPredict.js";
export type {LayerTap} from "./mlpPredict.js";
