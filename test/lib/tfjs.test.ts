// TensorFlow.js as an independent oracle for values and gradients. tfjs computes in float32,
// so agreement is checked at float32-appropriate tolerance; the high-precision checks are in
// activations.test.ts (50-digit references, float64 finite differences, extreme values).
import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {activations} from "../../lib/index.js";
import type {ActivationId} from "../../lib/index.js";

type Op = (x: tf.Tensor) => tf.Tensor;

const ops: Record<ActivationId, Op> = {
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  relu: (x) => tf.relu(x),
  leakyRelu: (x) => tf.leakyRelu(x, 0.01),
  linear: (x) => tf.mul(x, 1),
  elu: (x) => tf.elu(x),
  selu: (x) => tf.selu(x),
  gelu: (x) => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.mul(x, Math.SQRT1_2)))),
  geluTanh: (x) =>
    tf.mul(
      tf.mul(x, 0.5),
      tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3))))))
    ),
  swish: (x) => tf.mul(x, tf.sigmoid(x)),
  softplus: (x) => tf.softplus(x),
  mish: (x) => tf.mul(x, tf.tanh(tf.softplus(x)))
};

// −10 … 10 in steps of 0.01, held exactly in float32 so both sides see the same inputs; 0 is
// included, so the tfjs gradients also check the conventions at the kinks.
const xs = Float32Array.from({length: 2001}, (_, i) => Math.fround(-10 + i / 100));

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

function compare(id: string, actual: (x: number) => number, expected: Float32Array, what: string): void {
  let worst = 0;
  let worstX = NaN;
  xs.forEach((x, k) => {
    // float32 rounding: about 6e-8 relative per operation, so allow 1e-5 relative plus 2e-6 absolute
    const excess = Math.abs(actual(x) - expected[k]) - (1e-5 * Math.abs(expected[k]) + 2e-6);
    if (excess > worst) {
      worst = excess;
      worstX = x;
    }
  });
  expect(worst, `${id} ${what}: worst at x = ${worstX}`).toBe(0);
}

describe("agreement with TensorFlow.js (CPU backend, float32)", () => {
  for (const [id, op] of Object.entries(ops) as [ActivationId, Op][]) {
    it(`${id}: values and tf.grad gradients at 2001 points in [−10, 10]`, () => {
      const act = activations[id];
      const values = tf.tidy(() => op(tf.tensor1d(xs)).dataSync() as Float32Array);
      const gradients = tf.tidy(() => tf.grad(op)(tf.tensor1d(xs)).dataSync() as Float32Array);
      expect(values.length).toBe(xs.length);
      compare(id, act.f, values, "f");
      compare(id, act.df, gradients, "f′");
    });
  }

  it("ReLU′(0) = 0 and Leaky ReLU′(0) = α in TensorFlow too", () => {
    const at0 = (op: Op) =>
      tf.tidy(
        () =>
          tf
            .grad(op)(tf.tensor1d([0]))
            .dataSync()[0]
      );
    expect(at0(ops.relu)).toBe(activations.relu.df(0));
    expect(at0(ops.leakyRelu)).toBeCloseTo(activations.leakyRelu.df(0), 7);
    expect(at0(ops.selu)).toBeCloseTo(activations.selu.df(0), 6);
  });
});
