// TensorFlow.js as an independent oracle for softmax and the losses, values and gradients
// (tf.grad). tfjs computes in float32, so agreement is checked at float32 tolerance; the
// high-precision and special-value checks are in softmax.test.ts and losses.test.ts.
import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {createRandom, losses, logSoftmax, softmax, softmaxJacobian} from "../../lib/index.js";

const {binaryCrossEntropy: bce, categoricalCrossEntropy: cce} = losses;
const random = createRandom(21);
const f32 = (v: number) => Math.fround(v);

/** Rows of logits held exactly in float32: random ones in [−10, 10], and rows with ±1000. */
const WIDTH = 4;
const logitRows: number[][] = [
  ...Array.from({length: 200}, () => Array.from({length: WIDTH}, () => f32(random() * 20 - 10))),
  [1000, 0, -1000, 5],
  [1000, 1000, 999, -1000],
  [-1000, -1000, -1000, -999],
  [0, 0, 0, 0]
];
/** A target distribution per row: one-hot for most, soft for every third. */
const targetRows: number[][] = logitRows.map((_, r) => {
  if (r % 3 !== 0) return Array.from({length: WIDTH}, (_, k) => (k === r % WIDTH ? 1 : 0));
  const raw = Array.from({length: WIDTH}, () => f32(random()));
  const sum = raw.reduce((a, b) => a + b, 0);
  const t = raw.map((v) => f32(v / sum));
  t[WIDTH - 1] = 1 - t.slice(0, -1).reduce((a, b) => a + b, 0); // sums to 1 in float64
  return t;
});

beforeAll(async () => {
  // tfjs suggests installing tfjs-node once per process; that advice is noise here
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("running TensorFlow.js in Node.js")) warn(...args);
  };
  try {
    await tf.setBackend("cpu");
    await tf.ready();
    tf.tidy(() => tf.sigmoid(tf.scalar(0)).dataSync());
  } finally {
    console.warn = warn;
  }
});

/**
 * |actual − expected| ≤ rel·|expected| + 2e-6 at every entry, with rel = 1e-5 (float32 rounding,
 * a few operations deep) plus, where given, 2·2⁻²³·|largest logit| of the entry's row: tfjs
 * subtracts a log-sum-exp near 1000 held in float32, whose spacing there is 6e-5.
 */
function expectFloat32Close(
  actual: number[],
  expected: ArrayLike<number>,
  what: string,
  scale?: number[]
): void {
  expect(actual.length, what).toBe(expected.length);
  let worst = 0;
  let worstAt = -1;
  actual.forEach((v, k) => {
    const rel = 1e-5 + (scale ? 2 * 2 ** -23 * scale[k] : 0);
    const excess = Math.abs(v - expected[k]) - (rel * Math.abs(expected[k]) + 2e-6);
    if (!(excess <= worst)) {
      worst = excess;
      worstAt = k;
    }
  });
  expect(worst, `${what}: worst at entry ${worstAt}, ${actual[worstAt]} against ${expected[worstAt]}`).toBe(
    0
  );
}

/** Each entry's row's largest |logit|, one per entry of the flattened rows. */
const rowScale = logitRows.flatMap((row) => row.map(() => Math.max(...row.map(Math.abs))));

const run = (op: () => tf.Tensor): Float32Array => tf.tidy(() => op().dataSync() as Float32Array);

describe("agreement with TensorFlow.js (CPU backend, float32)", () => {
  it("softmax and log-softmax, including rows with logits of ±1000", () => {
    const z = tf.tensor2d(logitRows);
    expectFloat32Close(
      logitRows.flatMap(softmax),
      run(() => tf.softmax(z)),
      "softmax"
    );
    expectFloat32Close(
      logitRows.flatMap(logSoftmax),
      run(() => tf.logSoftmax(z)),
      "logSoftmax"
    );
    z.dispose();
  });

  it("the softmax Jacobian: tf.grad of w·softmax(z) is Jᵀw", () => {
    const weights = logitRows.map(() => Array.from({length: WIDTH}, () => f32(random() * 2 - 1)));
    const w = tf.tensor2d(weights);
    const gradient = run(() =>
      tf.grad((z: tf.Tensor) => tf.sum(tf.mul(w, tf.softmax(z))))(tf.tensor2d(logitRows))
    );
    const ours = logitRows.flatMap((row, r) => {
      const J = softmaxJacobian(row);
      return row.map((_, j) => J.reduce((s, Ji, i) => s + Ji[j] * weights[r][i], 0));
    });
    expectFloat32Close(ours, gradient, "Jᵀw", rowScale);
    w.dispose();
  });

  it("categorical cross-entropy from logits (tf.losses.softmaxCrossEntropy) and its gradient p − t", () => {
    const t = tf.tensor2d(targetRows);
    const z = tf.tensor2d(logitRows);
    const perRow = run(() => tf.losses.softmaxCrossEntropy(t, z, undefined, 0, tf.Reduction.NONE));
    expectFloat32Close(
      logitRows.map((row, r) => cce.valueFromLogits(row, targetRows[r])),
      perRow,
      "softmaxCrossEntropy"
    );
    const gradient = run(() =>
      tf.grad((logits: tf.Tensor) =>
        tf.losses.softmaxCrossEntropy(t, logits, undefined, 0, tf.Reduction.SUM)
      )(z)
    );
    expectFloat32Close(
      logitRows.flatMap((row, r) => cce.logitGradient(row, targetRows[r])),
      gradient,
      "∂/∂z softmaxCrossEntropy",
      rowScale
    );
    t.dispose();
    z.dispose();
  });

  it("binary cross-entropy from logits (tf.losses.sigmoidCrossEntropy) and its gradient σ(z) − t", () => {
    const zs = [...logitRows.flat(), 1000, -1000, 1000, -1000];
    const ts = [...zs.slice(0, -4).map(() => [0, 1, f32(random())][Math.floor(random() * 3)]), 1, 1, 0, 0];
    const t = tf.tensor1d(ts);
    const z = tf.tensor1d(zs);
    const each = run(() => tf.losses.sigmoidCrossEntropy(t, z, undefined, 0, tf.Reduction.NONE));
    expectFloat32Close(
      zs.map((v, k) => bce.unit!.valueFromLogit(v, ts[k])),
      each,
      "sigmoidCrossEntropy"
    );
    const gradient = run(() =>
      tf.grad((logits: tf.Tensor) =>
        tf.losses.sigmoidCrossEntropy(t, logits, undefined, 0, tf.Reduction.SUM)
      )(z)
    );
    expectFloat32Close(
      zs.map((v, k) => bce.unit!.logitGradient(v, ts[k])),
      gradient,
      "∂/∂z sigmoidCrossEntropy"
    );
    t.dispose();
    z.dispose();
  });

  it("binary cross-entropy from probabilities (tf.metrics.binaryCrossentropy) and tf.grad of −[t ln y + (1 − t) ln(1 − y)]", () => {
    const ys = Array.from({length: 400}, () => f32(0.001 + 0.998 * random()));
    const ts = ys.map(() => [0, 1, f32(random())][Math.floor(random() * 3)]);
    const y = tf.tensor2d(ys, [ys.length, 1]);
    const t = tf.tensor2d(ts, [ts.length, 1]);
    // the metric averages over the last axis, here of length 1: one loss per unit
    const each = run(() => tf.metrics.binaryCrossentropy(t, y));
    expectFloat32Close(
      ys.map((v, k) => bce.value([v], [ts[k]])),
      each,
      "binaryCrossentropy"
    );
    const formula = (p: tf.Tensor) =>
      tf.neg(tf.sum(tf.add(tf.mul(t, tf.log(p)), tf.mul(tf.sub(1, t), tf.log(tf.sub(1, p))))));
    const gradient = run(() => tf.grad(formula)(y));
    // 1/y and 1/(1 − y) reach 1000 here, so float32 rounding of y itself shows: compare relatively
    const ours = ys.map((v, k) => bce.gradient([v], [ts[k]])[0]);
    ours.forEach((g, k) =>
      expect(Math.abs(g - gradient[k])).toBeLessThanOrEqual(2e-4 * Math.abs(gradient[k]) + 1e-5)
    );
    y.dispose();
    t.dispose();
  });
});
