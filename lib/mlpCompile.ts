// Specialised code for one network shape, generated with `new Function` (as d3-dsv does for
// row parsers): every unit becomes a local variable and every loop is unrolled, so a small
// network trains several times faster than with loops over typed arrays. The arithmetic is
// the loops' arithmetic, term for term and in the same order (tests check the two agree
// exactly). Where `new Function` is forbidden (a strict Content-Security-Policy) or the network
// is large, compileMlp returns null and ./mlp.js uses its loops.

/** How a layer's activation is evaluated: a built-in kernel, or a call to the record's f and df. */
export const KERNEL = {custom: 0, linear: 1, tanh: 2, sigmoid: 3, relu: 4, leakyRelu: 5} as const;

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
  hidden: Activator,
  output: Activator
) => number;

/** Writes the network's outputs for examples [0, n) into out. */
export type CompiledPredict = (
  weights: Float64Array[],
  biases: Float64Array[],
  inputs: Float64Array,
  out: Float64Array,
  n: number,
  hidden: Activator,
  output: Activator
) => void;

/** The f and df a custom kernel calls. */
export interface Activator {
  f(x: number): number;
  df(x: number): number;
}

/** The generated functions for one network shape. */
export interface CompiledMlp {
  train: CompiledTrain;
  predict: CompiledPredict;
}

/** Above this many weights the unrolled code gets long and the loops are fast enough. */
const MAX_WEIGHTS = 2048;

/**
 * Statements computing `a` = f(z) (and `s` = f′(z) if withSlope) from the variable z, for a
 * kernel; `who` names the Activator a custom kernel calls. Same formulas as ./mlp.js.
 */
function activationCode(
  kernel: number,
  z: string,
  a: string,
  s: string,
  who: string,
  withSlope: boolean
): string {
  // Both arms of every choice are computed before choosing: an arm with arithmetic that
  // has not run yet when V8 optimises would deoptimise the function when first taken, and
  // with a few dozen units that happens often enough for V8 to give up optimising it.
  switch (kernel) {
    case KERNEL.linear:
      return `const ${a} = ${z};` + (withSlope ? ` const ${s} = 1;` : "");
    case KERNEL.tanh:
      return (
        `const ${a}m = Math.expm1(-2 * Math.abs(${z})), ${a}d = 2 + ${a}m, ${a}t = -${a}m / ${a}d, ${a}n = -${a}t;` +
        ` const ${a} = ${z} < 0 ? ${a}n : ${a}t;` +
        (withSlope ? ` const ${s} = (4 * (1 + ${a}m)) / (${a}d * ${a}d);` : "")
      );
    case KERNEL.sigmoid:
      return (
        `const ${a}e = Math.exp(-Math.abs(${z})), ${a}d = 1 + ${a}e, ${a}u = 1 / ${a}d, ${a}v = ${a}e / ${a}d;` +
        ` const ${a} = ${z} >= 0 ? ${a}u : ${a}v;` +
        (withSlope ? ` const ${s} = ${a}e / (${a}d * ${a}d);` : "")
      );
    case KERNEL.relu:
      return (
        `const ${a} = ${z} > 0 ? ${z} : ${z} <= 0 ? 0 : NaN;` +
        (withSlope ? ` const ${s} = ${z} > 0 ? 1 : ${z} <= 0 ? 0 : NaN;` : "")
      );
    case KERNEL.leakyRelu:
      return (
        `const ${a}n = 0.01 * ${z}, ${a} = ${z} > 0 ? ${z} : ${a}n;` +
        (withSlope ? ` const ${s} = ${z} > 0 ? 1 : ${z} <= 0 ? 0.01 : NaN;` : "")
      );
    default:
      return `const ${a} = ${who}.f(${z});` + (withSlope ? ` const ${s} = ${who}.df(${z});` : "");
  }
}

/** Code for the forward pass of the example at row `row`; unit j of layer l is a{l+1}_{j}. */
function forwardCode(sizes: readonly number[], kernels: ArrayLike<number>, withSlope: boolean): string[] {
  const lines: string[] = [];
  const last = sizes.length - 2;
  for (let i = 0; i < sizes[0]; i++) lines.push(`const a0_${i} = inputs[row + ${i}];`);
  for (let l = 0; l <= last; l++) {
    const nIn = sizes[l];
    for (let j = 0; j < sizes[l + 1]; j++) {
      let sum = `b${l}[${j}]`;
      for (let i = 0; i < nIn; i++) sum += ` + w${l}[${j * nIn + i}] * a${l}_${i}`;
      lines.push(`const z${l}_${j} = ${sum};`);
      const who = l === last ? "output" : "hidden";
      lines.push(activationCode(kernels[l], `z${l}_${j}`, `a${l + 1}_${j}`, `s${l}_${j}`, who, withSlope));
    }
  }
  return lines;
}

function layerViews(prefix: string, array: string, layers: number): string {
  return Array.from({length: layers}, (_, l) => `${prefix}${l} = ${array}[${l}]`).join(", ");
}

function trainSource(sizes: readonly number[], kernels: ArrayLike<number>): string {
  const layers = sizes.length - 1;
  const last = layers - 1;
  const nOut = sizes[layers];
  const body = forwardCode(sizes, kernels, true);
  // output deltas ∂L/∂z = (y − t)·f′(z); loss ½ Σ (y − t)²
  for (let k = 0; k < nOut; k++) {
    body.push(`const e${k} = a${layers}_${k} - targets[target + ${k}];`);
    body.push(`const d${last}_${k} = e${k} * s${last}_${k};`);
  }
  body.push(`loss += 0.5 * (${Array.from({length: nOut}, (_, k) => `e${k} * e${k}`).join(" + ")});`);
  for (let l = last; l >= 0; l--) {
    const nIn = sizes[l];
    for (let j = 0; j < sizes[l + 1]; j++) {
      body.push(`gb${l}[${j}] += d${l}_${j};`);
      for (let i = 0; i < nIn; i++) body.push(`gw${l}[${j * nIn + i}] += d${l}_${j} * a${l}_${i};`);
    }
    if (l > 0) {
      // ∂L/∂z of the previous layer: Σ_j w[j][i]·δ_j in order of j, times f′(z)
      for (let i = 0; i < nIn; i++) {
        const terms = Array.from({length: sizes[l + 1]}, (_, j) => `w${l}[${j * nIn + i}] * d${l}_${j}`);
        body.push(`const d${l - 1}_${i} = (${terms.join(" + ")}) * s${l - 1}_${i};`);
      }
    }
  }
  return [
    `const ${layerViews("w", "weights", layers)}, ${layerViews("b", "biases", layers)};`,
    `const ${layerViews("gw", "gradWeights", layers)}, ${layerViews("gb", "gradBiases", layers)};`,
    "let loss = 0;",
    "for (let example = start; example < end; example++) {",
    `const row = example * ${sizes[0]}, target = example * ${nOut};`,
    ...body,
    "}",
    "return loss;"
  ].join("\n");
}

function predictSource(sizes: readonly number[], kernels: ArrayLike<number>): string {
  const layers = sizes.length - 1;
  const nOut = sizes[layers];
  const body = forwardCode(sizes, kernels, false);
  for (let k = 0; k < nOut; k++) body.push(`out[example * ${nOut} + ${k}] = a${layers}_${k};`);
  return [
    `const ${layerViews("w", "weights", layers)}, ${layerViews("b", "biases", layers)};`,
    "for (let example = 0; example < n; example++) {",
    `const row = example * ${sizes[0]};`,
    ...body,
    "}"
  ].join("\n");
}

/**
 * Generated train and predict functions for this shape and these kernels, or null where
 * code generation is unavailable or not worthwhile.
 */
export function compileMlp(sizes: readonly number[], kernels: ArrayLike<number>): CompiledMlp | null {
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
      "hidden",
      "output",
      trainSource(sizes, kernels)
    ) as CompiledTrain;
    const predict = new Function(
      "weights",
      "biases",
      "inputs",
      "out",
      "n",
      "hidden",
      "output",
      predictSource(sizes, kernels)
    ) as CompiledPredict;
    return {train, predict};
  } catch {
    return null; // e.g. EvalError under a Content-Security-Policy without 'unsafe-eval'
  }
}
