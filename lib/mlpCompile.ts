// Specialised code for one network shape, generated with `new Function` (as d3-dsv does for
// row parsers): every unit becomes a local variable and every loop but the activations' is
// unrolled. The arithmetic is the loops' arithmetic in ./mlpLoops.js, term for term and in the
// same order, and each layer's activation is one call to its kernel (./kernels.js), the very
// function the loops call (tests check the two paths agree exactly). A call per layer, not per
// unit, leaves V8's budget for inlining into one optimised function to the rest of the code.
// The code depends on the shape, the layers' skip connections and the loss, never on an
// activation. Where `new Function` is forbidden (a strict Content-Security-Policy) or the
// network is large, compileMlp returns null and ./mlp.js uses its loops.
//
// The functions made for a shape and its layers' kernels are kept and handed to the next
// network of that shape and kernels. Each `new Function` is a function the engine has never
// seen: it runs unoptimised until the engine has counted enough calls and then compiled all of
// it, which for this long, unrolled code takes tens of milliseconds on a compiler thread (V8 in
// Node 20: about 60 ms idle, over 150 ms on a busy machine; the first 5 to 9 epochs of 2-8-8-1
// run about 12 times slower meanwhile, and when the compiler thread gets a core decides how many).
// A playground that rebuilt its network at every step of a slider paid that each time; now
// only the first network of a shape does. Keying on the kernels too keeps every call site of a
// kernel in the code seeing one function, so the engine inlines it.

import type {Kernel} from "./kernels.js";
import type {UnitLoss} from "./unitLosses.js";

/** Trains on examples [start, end): forward, backward, gradients added to the sums; returns Σ loss. */
export type CompiledTrain = (
  weights: Float64Array[],
  biases: Float64Array[],
  gradWeights: Float64Array[],
  gradBiases: Float64Array[],
  inputs: Float64Array,
  targets: Float64Array,
  start: number,
  end: number,
  kernels: readonly Kernel[],
  zs: Float64Array[],
  outputs: Float64Array[],
  slopes: Float64Array[],
  unitLoss: UnitLoss
) => number;

/**
 * One weight layer's pre-activations for examples [0, n): z[e·nOut + j] = b[j] + Σ_i
 * w[j·nIn + i]·x[e·nIn + i], the bias then the terms in order, as the loops add them.
 */
export type CompiledLayer = (
  w: Float64Array,
  b: Float64Array,
  x: Float64Array,
  z: Float64Array,
  n: number
) => void;

/** The generated functions for one network shape. */
export interface CompiledMlp {
  train: CompiledTrain;
  /**
   * Per weight layer, its pre-activations over many examples at once (predict, and unitValues
   * through it, run a network layer by layer through these). One function per layer shape
   * (nIn × nOut), shared by every layer and network of that shape.
   */
  layers: CompiledLayer[];
}

/**
 * Above this many weights the loops run. Measured in Node 20 (training on 1,000 points, batch
 * 10): generated code trains 1.2 to 1.6 times faster than the loops up to 2-16-16-16-1 (560
 * weights), but 11 to 23 times slower from 2-18-18-18-1 (702) on, where the generated function
 * seems to grow past what V8 optimises. The playground's largest network (7 inputs, 6 layers
 * of 8) has 384. (A layer function alone is small: 64 weights for a layer of 8 from 8.)
 */
const MAX_WEIGHTS = 512;

/**
 * Code for the forward pass of the example at row `row`: layer l's pre-activations go to z{l},
 * its kernel writes f(z) to a{l+1} and f′(z) to s{l}, and unit j of layer l's output is then
 * the local a{l+1}_{j}: f(z) itself, or f(z) + a{l}_{j} where the layer has a skip connection
 * (the buffer a{l+1} keeps f(z)).
 */
function forwardCode(sizes: readonly number[], residual: readonly boolean[]): string[] {
  const lines: string[] = [];
  const last = sizes.length - 2;
  for (let i = 0; i < sizes[0]; i++) lines.push(`const a0_${i} = inputs[row + ${i}];`);
  for (let l = 0; l <= last; l++) {
    const nIn = sizes[l];
    const nOut = sizes[l + 1];
    for (let j = 0; j < nOut; j++) {
      let sum = `b${l}[${j}]`;
      for (let i = 0; i < nIn; i++) sum += ` + w${l}[${j * nIn + i}] * a${l}_${i}`;
      lines.push(`z${l}[${j}] = ${sum};`);
    }
    lines.push(`k${l}(z${l}, a${l + 1}, s${l}, ${nOut});`);
    for (let j = 0; j < nOut; j++) {
      const skip = residual[l] ? ` + a${l}_${j}` : "";
      lines.push(`const a${l + 1}_${j} = a${l + 1}[${j}]${skip};`);
    }
  }
  return lines;
}

function layerViews(prefix: string, array: string, layers: number): string {
  return Array.from({length: layers}, (_, l) => `${prefix}${l} = ${array}[${l}]`).join(", ");
}

/** a1 = outputs[1], …: a{l+1} receives layer l's f(z) (outputs[0] is the input, unused here). */
function outputViews(layers: number): string {
  return Array.from({length: layers}, (_, l) => `a${l + 1} = outputs[${l + 1}]`).join(", ");
}

function trainSource(sizes: readonly number[], residual: readonly boolean[], loss: string): string {
  const layers = sizes.length - 1;
  const last = layers - 1;
  const nOut = sizes[layers];
  const body = forwardCode(sizes, residual);
  const outputs = Array.from({length: nOut}, (_, k) => k);
  if (loss === "binaryCrossEntropy") {
    // from the logits: δ = σ(z) − t and the loss, both by ./losses.js
    for (const k of outputs)
      body.push(`const d${last}_${k} = lossDelta(z${last}[${k}], targets[target + ${k}]);`);
    body.push(
      `loss += ${outputs.map((k) => `lossValue(z${last}[${k}], targets[target + ${k}])`).join(" + ")};`
    );
  } else {
    // output deltas ∂L/∂z = (y − t)·f′(z); loss ½ Σ (y − t)²
    for (const k of outputs) {
      body.push(`const e${k} = a${layers}_${k} - targets[target + ${k}];`);
      body.push(`const d${last}_${k} = e${k} * s${last}[${k}];`);
    }
    body.push(`loss += 0.5 * (${outputs.map((k) => `e${k} * e${k}`).join(" + ")});`);
  }
  for (let l = last; l >= 0; l--) {
    const nIn = sizes[l];
    for (let j = 0; j < sizes[l + 1]; j++) {
      body.push(`gb${l}[${j}] += d${l}_${j};`);
      for (let i = 0; i < nIn; i++) body.push(`gw${l}[${j * nIn + i}] += d${l}_${j} * a${l}_${i};`);
    }
    if (l > 0) {
      // ∂L/∂z of the previous layer: Σ_j w[j][i]·δ_j in order of j (plus g{l}_i = ∂L/∂a{l+1}_i
      // through this layer's skip connection), times f′(z); g{l-1}_i keeps ∂L/∂a{l}_i for its skip
      for (let i = 0; i < nIn; i++) {
        const terms = Array.from({length: sizes[l + 1]}, (_, j) => `w${l}[${j * nIn + i}] * d${l}_${j}`);
        if (residual[l]) terms.push(`g${l}_${i}`);
        if (residual[l - 1]) {
          body.push(`const g${l - 1}_${i} = ${terms.join(" + ")};`);
          body.push(`const d${l - 1}_${i} = g${l - 1}_${i} * s${l - 1}[${i}];`);
        } else {
          body.push(`const d${l - 1}_${i} = (${terms.join(" + ")}) * s${l - 1}[${i}];`);
        }
      }
    }
  }
  return [
    `const ${layerViews("w", "weights", layers)}, ${layerViews("b", "biases", layers)};`,
    `const ${layerViews("gw", "gradWeights", layers)}, ${layerViews("gb", "gradBiases", layers)};`,
    `const ${layerViews("k", "kernels", layers)}, ${layerViews("s", "slopes", layers)};`,
    `const ${layerViews("z", "zs", layers)}, ${outputViews(layers)};`,
    ...(loss === "binaryCrossEntropy"
      ? ["const lossValue = unitLoss.valueFromLogit, lossDelta = unitLoss.logitGradient;"]
      : []),
    "let loss = 0;",
    "for (let example = start; example < end; example++) {",
    `const row = example * ${sizes[0]}, target = example * ${nOut};`,
    ...body,
    "}",
    "return loss;"
  ].join("\n");
}

/**
 * Code for one layer over many examples: its weights and biases in local variables, then one
 * loop over the examples computing every z (the bias, then the terms in order). A function of
 * its own per layer shape, not one for the whole network: a function this long for six layers
 * of 8 is past what Chromium's optimising compiler takes ("Function is too big to be
 * optimized", V8 in Chromium 156), which left the pass 3 times slower there than in Node.
 */
function layerSource(nIn: number, nOut: number): string {
  const lines: string[] = [];
  for (let k = 0; k < nIn * nOut; k++) lines.push(`const w${k} = w[${k}];`);
  for (let j = 0; j < nOut; j++) lines.push(`const b${j} = b[${j}];`);
  lines.push(`for (let e = 0, p = 0, o = 0; e < n; e++, p += ${nIn}, o += ${nOut}) {`);
  for (let i = 0; i < nIn; i++) lines.push(`const x${i} = x[p + ${i}];`);
  for (let j = 0; j < nOut; j++) {
    let sum = `b${j}`;
    for (let i = 0; i < nIn; i++) sum += ` + w${j * nIn + i} * x${i}`;
    lines.push(`z[o + ${j}] = ${sum};`);
  }
  lines.push("}");
  return lines.join("\n");
}

/**
 * A layer's pre-activations in plain loops, the same sums in the same order as the generated
 * layer function: for networks without generated code (large, or `compile: false`).
 */
export function loopLayer(nIn: number, nOut: number): CompiledLayer {
  return (w, b, x, z, n) => {
    for (let e = 0; e < n; e++) {
      for (let j = 0; j < nOut; j++) {
        let sum = b[j];
        for (let i = 0; i < nIn; i++) sum += w[j * nIn + i] * x[e * nIn + i];
        z[e * nOut + j] = sum;
      }
    }
  };
}

/** The layer functions made so far, by shape "nIn×nOut" (few: the shapes networks have). */
const layerFunctions = new Map<string, CompiledLayer>();

/** The generated function for a layer of this shape (the same one for every such layer). */
function compileLayer(nIn: number, nOut: number): CompiledLayer {
  const key = `${nIn}×${nOut}`;
  let layer = layerFunctions.get(key);
  if (layer === undefined) {
    layer = new Function("w", "b", "x", "z", "n", layerSource(nIn, nOut)) as CompiledLayer;
    layerFunctions.set(key, layer);
  }
  return layer;
}

/** How many shapes' code is kept (the least recently used goes first). */
const KEPT = 16;
const kept = new Map<string, CompiledMlp | null>();
const kernelIds = new WeakMap<Kernel, number>();
let kernelCount = 0;

/** A number per kernel function, for the key (a reader's record gets a new one). */
function kernelId(kernel: Kernel): number {
  let id = kernelIds.get(kernel);
  if (id === undefined) kernelIds.set(kernel, (id = kernelCount++));
  return id;
}

/**
 * Generated train and layer functions for this shape, these skip connections
 * (one flag per weight layer, default none) and this loss (default squared error), or null
 * where code generation is unavailable or not worthwhile. The same functions as a recent call
 * with the same shape, skips, loss and kernels (the layers' kernels, in order).
 */
export function compileMlp(
  sizes: readonly number[],
  residual: readonly boolean[] = sizes.slice(1).map(() => false),
  loss: "squaredError" | "binaryCrossEntropy" = "squaredError",
  kernels: readonly Kernel[] = []
): CompiledMlp | null {
  const key = `${sizes.join(",")}|${residual.map(Number).join("")}|${loss}|${kernels.map(kernelId).join(",")}`;
  const known = kept.get(key);
  if (known !== undefined) {
    kept.delete(key);
    kept.set(key, known);
    return known;
  }
  const compiled = generate(sizes, residual, loss);
  kept.set(key, compiled);
  if (kept.size > KEPT) kept.delete(kept.keys().next().value as string);
  return compiled;
}

function generate(
  sizes: readonly number[],
  residual: readonly boolean[],
  loss: "squaredError" | "binaryCrossEntropy"
): CompiledMlp | null {
  let weights = 0;
  for (let l = 0; l + 1 < sizes.length; l++) weights += sizes[l] * sizes[l + 1];
  if (weights > MAX_WEIGHTS) return null;
  try {
    const train = new Function(
      "weights",
      "biases",
      "gradWeights",
      "gradBiases",
      "inputs",
      "targets",
      "start",
      "end",
      "kernels",
      "zs",
      "outputs",
      "slopes",
      "unitLoss",
      trainSource(sizes, residual, loss)
    ) as CompiledTrain;
    const layers = sizes.slice(1).map((nOut, l) => compileLayer(sizes[l], nOut));
    return {train, layers};
  } catch {
    return null; // e.g. EvalError under a Content-Security-Policy without 'unsafe-eval'
  }
}
