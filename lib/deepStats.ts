// A deep, wide random network, run forwards and backwards to show what an initialisation
// does to the spread of signals and gradients layer by layer.
//
// The network: `depth` fully connected layers of `width` units each, no biases (every bias
// is 0, as all the schemes set them), z_l = W_l a_{l−1}, a_l = f(z_l), with a_0 a batch of
// seeded standard-normal inputs of `width` features. Weights are drawn per layer from the
// scheme (lib/initialisation.ts) with fan-in = fan-out = width.
//
// Backwards: a seeded standard-normal gradient g = ∂L/∂a_depth is sent down from the top
// (as if L = Σ g·a_depth, a random linear read-out), and for each layer we record the spread
// of δ_l = ∂L/∂z_l = (W_{l+1}ᵀ δ_{l+1}) ⊙ f′(z_l): the quantity that multiplies a_{l−1} in
// the weight gradient ∂L/∂W_l = δ_l a_{l−1}ᵀ.
//
// The work is split into steps (one layer forwards or backwards each), so that a page can
// run it in slices between frames; deepStats() runs every step at once.
//
// Speed (20 layers × 128 units × 256 inputs in well under 100 ms; bench/deepStats.ts): each
// layer's f and f′ come from the activation's kernel in one call, as the trainer evaluates
// them, and f′ is kept for the way back; the products skip the exact zeros of ReLU's outputs
// and of the gradients behind its zero slopes (lib/matrixProduct.ts); the spreads find their
// quantiles without sorting (lib/spread.ts).

import {getActivation} from "./activations.js";
import type {Activation} from "./activations.js";
import {
  getInitialisation,
  predictedVariance,
  scaleDraws,
  standardDraws,
  weightVariance
} from "./initialisation.js";
import type {Initialisation, InitialisationId, WeightDistribution} from "./initialisation.js";
import {kernelOf} from "./kernels.js";
import {multiplyTransposedFast} from "./matrixProduct.js";
import {mulberry32} from "./random.js";
import type {Random} from "./random.js";
import {checkBins, DEFAULT_BINS, spreadOf} from "./spread.js";
import type {Bins, Spread} from "./spread.js";

/**
 * The largest network deepStats accepts: up to 100 layers, 256 units, 512 inputs, and at most
 * 2²² pre-activations in all (50 layers × 128 units × 512 inputs, or 100 × 128 × 256), kept
 * with their slopes for the backward pass (64 MB at the limit; 26 MB for the page's largest,
 * 50 × 128 × 256).
 */
export const DEEP_LIMITS = {depth: 100, width: 256, batch: 512, cells: 4_194_304} as const;

/** What to build and run. */
export interface DeepStatsOptions {
  depth: number;
  width: number;
  /** How many inputs go through together. */
  batch: number;
  /** The scheme, by id or record. */
  initialisation: InitialisationId | Initialisation;
  /** Any activation record of lib/activations.ts (or a factory-made one), or its id. */
  activation: string | Activation;
  /** Seeds the weights, the inputs and the top gradient (three separate streams); default 1. */
  seed?: number;
  /** Normal (default) or uniform weights of the scheme's variance. */
  distribution?: WeightDistribution;
  /** Multiplies the scheme's standard deviation (default 1; a finite number in (0, 100]). */
  scale?: number;
  /** Histogram bins for pre-activations and activations (default −4 to 4, 32 bins). */
  bins?: Bins;
  /** Histogram bins for the gradients δ (default the same as `bins`). */
  gradientBins?: Bins;
}

/** Forward variance arithmetic of one layer: Var(z_l) predicted from the layer below, and measured. */
export interface ForwardArithmetic {
  fanIn: number;
  /** Var(w) the scheme asks for (times scale²). */
  weightVariance: number;
  /** The variance of the weights actually drawn. */
  sampledWeightVariance: number;
  /** E[a_{l−1}²], measured (for layer 1, of the inputs). */
  inputSecondMoment: number;
  /** fan-in × Var(w) × E[a_{l−1}²]. */
  predicted: number;
  /** Var(z_l) over the batch and the units. */
  measured: number;
}

/** Backward variance arithmetic of one layer: E[δ_l²] predicted from the layer above, and measured. */
export interface BackwardArithmetic {
  /** The units above each unit sends to; null at the top, where g is given directly. */
  fanOut: number | null;
  /** Var(w) of the layer above; null at the top. */
  weightVariance: number | null;
  /** E[δ_{l+1}²], or E[g²] at the top. */
  upstreamSecondMoment: number;
  /** E[f′(z_l)²], measured. */
  meanSquareSlope: number;
  /** fan-out × Var(w) × E[δ_{l+1}²] × E[f′(z_l)²] (at the top E[g²] × E[f′(z)²]). */
  predicted: number;
  /** E[δ_l²]. */
  measured: number;
}

/** Everything recorded for one layer. */
export interface LayerStats {
  /** 1 for the first hidden layer, up to depth. */
  layer: number;
  /** z_l = W_l a_{l−1}. */
  pre: Spread;
  /** a_l = f(z_l). */
  post: Spread;
  /** δ_l = ∂L/∂z_l; null until the backward pass reaches this layer. */
  gradient: Spread | null;
  /** Share of pre-activations with |z| > 3 (where tanh′ < 0.01 and σ′ < 0.05). */
  shareBeyond3: number;
  /**
   * Share of pre-activations where f′(z) = 0 exactly: no gradient passes (for ReLU, z ≤ 0: a
   * dead output). The slopes are the activation's kernel's (lib/kernels.ts), so for tanh this
   * also counts |z| beyond about 18.7, where sech² z < 2 × 10⁻¹⁶ is computed as 0.
   */
  shareZeroSlope: number;
  /**
   * The saturation measure that fits the activation: shareBeyond3 for one that saturates at
   * both ends (sigmoid, tanh), shareZeroSlope otherwise (ReLU's dead share; 0 for the
   * activations whose slope never reaches 0).
   */
  saturated: {measure: "beyond3" | "zeroSlope"; share: number};
  forward: ForwardArithmetic;
  /** Null until the backward pass reaches this layer. */
  backward: BackwardArithmetic | null;
}

/** The outcome of a run. */
export interface DeepStatsResult {
  depth: number;
  width: number;
  batch: number;
  initialisation: InitialisationId;
  activation: string;
  seed: number;
  distribution: WeightDistribution;
  scale: number;
  /** fan-in × Var(w): the factor each layer applies to E[a²] on its way to Var(z). */
  gain: number;
  /** The spread of the inputs a_0. */
  input: Spread;
  /** The spread of the gradient g sent down from the top. */
  topGradient: Spread;
  layers: LayerStats[];
}

/** A run in steps: depth forward steps, then depth backward steps. */
export interface DeepStatsRun {
  /** 2 × depth. */
  readonly totalSteps: number;
  /** Steps done so far. */
  readonly stepsDone: number;
  readonly done: boolean;
  /** Does the next step; returns true once every step is done. */
  step(): boolean;
  /** The result so far (layers the backward pass has not reached have gradient null). */
  result(): DeepStatsResult;
  /**
   * The run's own arrays, not copies, for checking the arithmetic (to be read, not changed:
   * the inputs and g are shared with other runs of the same seed and shape): the inputs a_0 and the
   * top gradient g (batch × width, one row per input), each drawn layer's weights (row i:
   * unit i's incoming weights), each computed layer's z, and the δ of the layer the backward
   * pass did last (null before it starts). Once the run is done, they may serve the next
   * run (see takeWorkspace): read them before starting another.
   */
  inspect(): {
    inputs: Float64Array;
    topGradient: Float64Array;
    weights: readonly Float64Array[];
    pre: readonly Float64Array[];
    delta: Float64Array | null;
  };
}

/** Throws unless n is an integer in [1, max], naming it. */
function checkCount(name: string, n: unknown, max: number): asserts n is number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1 || n > max) {
    throw new Error(`${name} must be an integer from 1 to ${max}, got ${String(n)}`);
  }
}

/** The activation of the options: a record with f and df, or a known id. */
function resolveActivation(activation: string | Activation): Activation {
  if (typeof activation === "string") return getActivation(activation);
  if (activation && typeof activation.f === "function" && typeof activation.df === "function")
    return activation;
  throw new Error("activation must be an activation id or a record with f and df");
}

/** The n × m transpose of an m × n row-major matrix, into out. */
function transpose(m: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * rows + r] = m[r * cols + c];
  }
}

/** The population variance of a sample. */
function varianceOf(values: Float64Array): number {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    squares += values[i] * values[i];
  }
  const mean = sum / values.length;
  return squares / values.length - mean * mean;
}

/** Seeds of the three random streams, spread apart so that nearby seeds share none of them. */
function streamSeed(seed: number, stream: number): number {
  return (Math.imul((seed >>> 0) ^ (stream * 0x9e3779b9), 0x85ebca6b) ^ stream) >>> 0;
}

/**
 * The random numbers of one seed and shape: the inputs, the top gradient, and each layer's
 * standard weight draws (lib/initialisation.ts standardDraws), which any scheme and scale
 * turn into weights. The last shape's are kept between runs, so a run that changes only the
 * activation, the scheme or the scale (what a reader changes most) draws nothing again; a
 * deeper run draws only the layers it adds, from where the weights' stream stopped, so layer
 * l's weights are the same whatever runs came before.
 */
interface Draws {
  key: string;
  inputs: Float64Array;
  topGradient: Float64Array;
  layers: Float64Array[];
  /** The weights' stream, where the last drawn layer left it. */
  weightRandom: Random;
}

/** Weight draws kept between runs at most (16 MB): 100 layers of 128 × 128, 32 of 256 × 256. */
const KEPT_WEIGHT_DRAWS = 2_097_152;

let keptDraws: Draws | null = null;

/** The draws of this seed and shape: the kept ones when they match, else new ones (kept when small enough). */
function drawsFor(seed: number, width: number, batch: number, depth: number, distribution: WeightDistribution): Draws {
  const key = `${seed} ${width} ${batch} ${distribution}`;
  const fits = depth * width * width <= KEPT_WEIGHT_DRAWS;
  if (fits && keptDraws?.key === key) return keptDraws;
  const size = batch * width;
  const draws: Draws = {
    key,
    inputs: standardDraws(mulberry32(streamSeed(seed, 2)), size),
    topGradient: standardDraws(mulberry32(streamSeed(seed, 3)), size),
    layers: [],
    weightRandom: mulberry32(streamSeed(seed, 1))
  };
  if (fits) keptDraws = draws;
  return draws;
}

/** Layer l's standard weight draws (0-based), drawing the layers up to it that are not drawn yet. */
function layerDraws(draws: Draws, l: number, width: number, distribution: WeightDistribution): Float64Array {
  while (draws.layers.length <= l) {
    draws.layers.push(standardDraws(draws.weightRandom, width * width, distribution));
  }
  return draws.layers[l];
}

/** The arrays of one layer of a run: its weights W and Wᵀ, its z and its f′(z). */
interface LayerArrays {
  weights: Float64Array;
  weightsTransposed: Float64Array;
  pre: Float64Array;
  slopes: Float64Array;
}

/**
 * The arrays runs work in, with as many layers as runs have needed: each of a layer's weight
 * arrays holds up to `squares` numbers (width²), its z and f′(z) and each spare array up to
 * `cells` (width × batch). A run uses their first width² or width × batch numbers.
 */
interface Workspace {
  squares: number;
  cells: number;
  layers: LayerArrays[];
  /** a_l of the layer below and of the layer ahead, in turn; δ and ∂L/∂a on the way back; the spreads' scratch. */
  spare: Float64Array[];
}

/** A workspace kept between runs at most (48 MB): 20 layers of 128 units over 256 inputs take 16 MB, 50 take 41 MB. */
const KEPT_WORKSPACE_DOUBLES = 6_291_456;

let keptWorkspace: Workspace | null = null;

/**
 * A workspace for a run of this width and batch: the last finished run's when it is large
 * enough (a narrower network or a smaller batch uses the start of each array), else a new
 * one. Writing into arrays already touched is what makes this worth it: a new array's memory
 * is handed over page by page at its first write, which in Chromium cost about 15 ms a run
 * for the 15 MB of 20 layers of 128 units over 256 inputs, as much as the run's arithmetic
 * (./simdProduct.ts). A run owns its workspace until it is done (keepWorkspace); one given up
 * half-way keeps it, and the next run starts anew.
 */
function takeWorkspace(width: number, batch: number): Workspace {
  const kept = keptWorkspace;
  keptWorkspace = null;
  const squares = width * width;
  const cells = width * batch;
  if (kept !== null && kept.squares >= squares && kept.cells >= cells) return kept;
  return {squares, cells, layers: [], spare: Array.from({length: 5}, () => new Float64Array(cells))};
}

/** The first `length` numbers of each array, as arrays of their own (views, not copies). */
const starts = (arrays: Float64Array[], length: number): Float64Array[] =>
  arrays.map((array) => array.subarray(0, length));

/**
 * Layer l's arrays (0-based) for a run of this width and batch, adding the layers up to it
 * that the workspace does not have yet.
 */
function layerArrays(workspace: Workspace, l: number, width: number, batch: number): LayerArrays {
  const {squares, cells, layers} = workspace;
  while (layers.length <= l) {
    layers.push({
      weights: new Float64Array(squares),
      weightsTransposed: new Float64Array(squares),
      pre: new Float64Array(cells),
      slopes: new Float64Array(cells)
    });
  }
  const {weights, weightsTransposed, pre, slopes} = layers[l];
  const [w, wT] = starts([weights, weightsTransposed], width * width);
  const [z, slope] = starts([pre, slopes], width * batch);
  return {weights: w, weightsTransposed: wT, pre: z, slopes: slope};
}

/** Keeps a finished run's workspace for the next run, when it is small enough. */
function keepWorkspace(workspace: Workspace): void {
  const {squares, cells, layers, spare} = workspace;
  const doubles = layers.length * 2 * (squares + cells) + spare.length * cells;
  if (doubles <= KEPT_WORKSPACE_DOUBLES) keptWorkspace = workspace;
}

/** Checks the options and starts a run; nothing is computed until step() is called. */
export function createDeepStatsRun(options: DeepStatsOptions): DeepStatsRun {
  if (options === null || typeof options !== "object") throw new Error("deepStats needs an options object");
  const {depth, width, batch} = options;
  checkCount("depth", depth, DEEP_LIMITS.depth);
  checkCount("width", width, DEEP_LIMITS.width);
  checkCount("batch", batch, DEEP_LIMITS.batch);
  if (depth * width * batch > DEEP_LIMITS.cells) {
    throw new Error(
      `depth × width × batch must be at most ${DEEP_LIMITS.cells}, got ${depth} × ${width} × ${batch} = ${depth * width * batch}`
    );
  }
  const scheme =
    typeof options.initialisation === "string"
      ? getInitialisation(options.initialisation)
      : options.initialisation;
  if (!scheme || typeof scheme.variance !== "function")
    throw new Error("initialisation must be a scheme id or record");
  const activation = resolveActivation(options.activation);
  const seed = options.seed ?? 1;
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${String(seed)}`);
  const scale = options.scale ?? 1;
  if (typeof scale !== "number" || !(scale > 0 && scale <= 100)) {
    throw new Error(`scale must be a finite number in (0, 100], got ${String(scale)}`);
  }
  const distribution = options.distribution ?? "normal";
  if (distribution !== "normal" && distribution !== "uniform") {
    throw new Error(`distribution must be "normal" or "uniform", got ${String(distribution)}`);
  }
  const bins = options.bins ?? DEFAULT_BINS;
  const gradientBins = options.gradientBins ?? bins;
  checkBins(bins);
  checkBins(gradientBins);

  const size = batch * width;
  const theoryVariance = weightVariance(scheme, width, width) * scale * scale;
  const draws = drawsFor(seed, width, batch, depth, distribution);
  const {inputs, topGradient} = draws;

  const workspace = takeWorkspace(width, batch);
  const weights: Float64Array[] = [];
  const weightsTransposed: Float64Array[] = []; // Wᵀ of each layer, for the product both ways (multiplyTransposedFast reads b and bᵀ)
  const pre: Float64Array[] = []; // z_l per layer
  const slopes: Float64Array[] = []; // f′(z_l) per layer, kept for the way back
  const [aheadEven, aheadOdd, deltaArray, upstreamArray, scratch] = starts(workspace.spare, size);
  let below = inputs; // a_{l−1}
  const ahead = [aheadEven, aheadOdd];
  let delta = deltaArray; // δ of the layer last done backwards
  let upstream = upstreamArray; // ∂L/∂a of the layer below it
  const layers: LayerStats[] = [];
  const inputSpread = spreadOf(inputs, bins, scratch);
  const topSpread = spreadOf(topGradient, gradientBins, scratch);
  const kernel = kernelOf(activation); // f and f′ of a whole layer in one call, as the trainer evaluates them
  let stepsDone = 0;

  /** Layer l + 1 forwards: draws W, computes z = W a and a = f(z), and records their spreads and arithmetic. */
  function forwardStep(l: number): void {
    const arrays = layerArrays(workspace, l, width, batch);
    const w = scaleDraws(scheme, width, width, layerDraws(draws, l, width, distribution), distribution, arrays.weights);
    if (scale !== 1) for (let i = 0; i < w.length; i++) w[i] *= scale;
    weights.push(w);
    const wT = arrays.weightsTransposed;
    transpose(w, width, width, wT);
    weightsTransposed.push(wT);
    const z = arrays.pre;
    multiplyTransposedFast(below, w, wT, z, batch, width, width);
    pre.push(z);
    const a = ahead[l % 2];
    const slope = arrays.slopes;
    kernel(z, a, slope, size);
    slopes.push(slope);
    let beyond3 = 0;
    let zeroSlope = 0;
    for (let i = 0; i < size; i++) {
      // +(test), not test ? 1 : 0, which V8 compiles to a branch, mispredicted at random here
      beyond3 += +(Math.abs(z[i]) > 3);
      zeroSlope += +(slope[i] === 0);
    }
    const inputSecondMoment = l === 0 ? inputSpread.secondMoment : layers[l - 1].post.secondMoment;
    const preSpread = spreadOf(z, bins, scratch);
    const shareBeyond3 = beyond3 / size;
    const shareZeroSlope = zeroSlope / size;
    layers.push({
      layer: l + 1,
      pre: preSpread,
      post: spreadOf(a, bins, scratch),
      gradient: null,
      shareBeyond3,
      shareZeroSlope,
      saturated:
        activation.saturates === "both"
          ? {measure: "beyond3", share: shareBeyond3}
          : {measure: "zeroSlope", share: shareZeroSlope},
      forward: {
        fanIn: width,
        weightVariance: theoryVariance,
        sampledWeightVariance: varianceOf(w),
        inputSecondMoment,
        predicted: predictedVariance(width, theoryVariance, inputSecondMoment),
        measured: preSpread.variance
      },
      backward: null
    });
    below = a;
  }

  /** Layer l + 1 backwards: δ = (W_{l+2}ᵀ δ_{l+2}, or g at the top) ⊙ f′(z), its spread and arithmetic. */
  function backwardStep(l: number): void {
    const top = l === depth - 1;
    // ∂L/∂a_l: the given g at the top, else W_{l+1}ᵀ δ_{l+1}
    if (top) upstream.set(topGradient);
    else
      multiplyTransposedFast(
        delta,
        weightsTransposed[l + 1],
        weights[l + 1],
        upstream,
        batch,
        width,
        width
      );
    const upstreamSecondMoment = top ? topSpread.secondMoment : layers[l + 1].gradient!.secondMoment;
    const slope = slopes[l];
    let slopeSquares = 0;
    for (let i = 0; i < size; i++) {
      const s = slope[i];
      slopeSquares += s * s;
      upstream[i] *= s; // now δ_l, in place
    }
    const swap = delta;
    delta = upstream;
    upstream = swap;
    const meanSquareSlope = slopeSquares / size;
    const gradient = spreadOf(delta, gradientBins, scratch);
    const gain = top ? 1 : width * theoryVariance;
    layers[l] = {
      ...layers[l],
      gradient,
      backward: {
        fanOut: top ? null : width,
        weightVariance: top ? null : theoryVariance,
        upstreamSecondMoment,
        meanSquareSlope,
        predicted: gain * upstreamSecondMoment * meanSquareSlope,
        measured: gradient.secondMoment
      }
    };
  }

  const run: DeepStatsRun = {
    totalSteps: 2 * depth,
    get stepsDone() {
      return stepsDone;
    },
    get done() {
      return stepsDone === 2 * depth;
    },
    step() {
      if (stepsDone < depth) forwardStep(stepsDone);
      else if (stepsDone < 2 * depth) backwardStep(2 * depth - 1 - stepsDone);
      if (stepsDone < 2 * depth) {
        stepsDone++;
        if (stepsDone === 2 * depth) keepWorkspace(workspace);
      }
      return stepsDone === 2 * depth;
    },
    inspect() {
      return {inputs, topGradient, weights, pre, delta: stepsDone > depth ? delta : null};
    },
    result() {
      return {
        depth,
        width,
        batch,
        initialisation: scheme.id,
        activation: activation.id,
        seed,
        distribution,
        scale,
        gain: width * theoryVariance,
        input: inputSpread,
        topGradient: topSpread,
        layers: layers.slice()
      };
    }
  };
  return run;
}

/** Builds the network of the options, runs it forwards and backwards, and returns every layer's statistics. */
export function deepStats(options: DeepStatsOptions): DeepStatsResult {
  const run = createDeepStatsRun(options);
  while (!run.step());
  return run.result();
}
