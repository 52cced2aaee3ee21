import {describe, expect, it} from "vitest";
import {
  activations,
  createMlp,
  createRandom,
  kernelOf,
  meanLoss,
  predict,
  trainEpoch,
  uniform
} from "../../lib/index.js";
import type {Activation, Mlp} from "../../lib/index.js";
import {compileMlp} from "../../lib/mlpCompile.js";
import {forwardExample} from "../../lib/mlpLoops.js";
import {bceUnit} from "../../lib/unitLosses.js";

function randomRows(n: number, width: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({length: n * width}, () => uniform(random, -1, 1));
}

const options = {sizes: [2, 6, 3, 1], activation: "tanh", outputActivation: "sigmoid", seed: 5} as const;
const inputs = randomRows(17, 2, 1);
const targets = randomRows(17, 1, 2);
const train = (mlp: Mlp) => trainEpoch(mlp, inputs, targets, {learningRate: 0.2, batchSize: 4});

describe("generated code kept per shape and kernels", () => {
  it("a second network of the same shape and activations gets the same functions", () => {
    const first = createMlp(options);
    const second = createMlp({...options, seed: 9});
    expect(first.scratch.compiled).not.toBeNull();
    expect(second.scratch.compiled).toBe(first.scratch.compiled);
  });

  it("networks sharing the functions train independently, as their plain loops do", () => {
    const a = createMlp(options);
    const b = createMlp({...options, seed: 6});
    const loopsA = createMlp({...options, compile: false});
    const loopsB = createMlp({...options, seed: 6, compile: false});
    expect(b.scratch.compiled).toBe(a.scratch.compiled);
    // interleaved, so one network's buffers or weights leaking into the other's would show
    for (let e = 0; e < 3; e++) {
      expect(train(a)).toBe(train(loopsA));
      expect(train(b)).toBe(train(loopsB));
    }
    expect(a.weights).toEqual(loopsA.weights);
    expect(b.weights).toEqual(loopsB.weights);
    expect(a.weights).not.toEqual(b.weights);
    expect(predict(a, inputs)).toEqual(predict(loopsA, inputs));
    expect(predict(b, inputs)).toEqual(predict(loopsB, inputs));
  });

  it("another shape or another activation gets functions of its own", () => {
    const base = createMlp(options);
    expect(createMlp({...options, sizes: [2, 6, 4, 1]}).scratch.compiled).not.toBe(base.scratch.compiled);
    expect(createMlp({...options, activation: "relu"}).scratch.compiled).not.toBe(base.scratch.compiled);
    expect(createMlp({...options, outputActivation: "tanh"}).scratch.compiled).not.toBe(
      base.scratch.compiled
    );
  });

  it("skip connections or another loss get functions of their own", () => {
    const wide = {...options, sizes: [2, 4, 4, 4, 1], outputActivation: "sigmoid"} as const;
    const base = createMlp(wide);
    const skips = createMlp({...wide, residual: true});
    const entropy = createMlp({...wide, loss: "binaryCrossEntropy"});
    expect(skips.scratch.compiled).not.toBe(base.scratch.compiled);
    expect(entropy.scratch.compiled).not.toBe(base.scratch.compiled);
    expect(createMlp({...wide, residual: true, seed: 7}).scratch.compiled).toBe(skips.scratch.compiled);
  });

  it("a reader's record has one kernel, so its networks share code too", () => {
    const record: Activation = {...activations.mish, kernel: undefined, id: "custom"};
    expect(kernelOf(record)).toBe(kernelOf(record));
    const other: Activation = {...record};
    expect(kernelOf(other)).not.toBe(kernelOf(record));
    const a = createMlp({...options, activation: record});
    const b = createMlp({...options, activation: record, seed: 2});
    expect(b.scratch.compiled).toBe(a.scratch.compiled);
    expect(createMlp({...options, activation: other}).scratch.compiled).not.toBe(a.scratch.compiled);
  });

  it("keeps recent shapes only: after many others, a shape is generated afresh", () => {
    const kernels = [activations.tanh.kernel!, activations.tanh.kernel!];
    const plain = [false, false];
    const first = compileMlp([3, 3, 1], plain, "squaredError", kernels);
    expect(compileMlp([3, 3, 1], plain, "squaredError", kernels)).toBe(first);
    for (let width = 1; width <= 40; width++) compileMlp([3, width, 2], plain, "squaredError", kernels);
    const again = compileMlp([3, 3, 1], plain, "squaredError", kernels);
    expect(again).not.toBeNull();
    expect(again).not.toBe(first);
  });
});

describe("predict by layers, in blocks of examples", () => {
  // more examples than a block (256), and a last block part full; with skips, a reader-style
  // record (its kernel drops its slopes), a sigmoid output and NaN and infinite inputs
  const rows = randomRows(700, 2, 11);
  rows.set([NaN, 0.5, Infinity, -1, 30, -30], 2 * 300);
  const shapes = [
    {sizes: [2, 8, 8, 8, 8, 8, 8, 1], activation: "tanh", outputActivation: "tanh", seed: 3},
    {
      sizes: [2, 5, 5, 5, 2],
      activation: "relu",
      outputActivation: "sigmoid",
      loss: "binaryCrossEntropy",
      residual: true,
      seed: 4
    },
    {sizes: [2, 4, 3], activation: {...activations.mish, kernel: undefined, id: "custom"}, seed: 2},
    {sizes: [2, 6, 6, 1], activation: activations.leakyRelu, outputActivation: "linear", seed: 1}
  ] as const;
  for (const options of shapes) {
    it(`${options.sizes.join("-")}: the example-by-example pass's outputs, bit for bit`, () => {
      const compiled = createMlp(options);
      const loops = createMlp({...options, compile: false});
      expect(compiled.scratch.compiled).not.toBeNull();
      const out = predict(compiled, rows);
      expect(Array.from(out)).toEqual(Array.from(predict(loops, rows)));
      // the examples one at a time (../../lib/mlpLoops.js), the trainer's forward pass
      const width = options.sizes[options.sizes.length - 1];
      const last = options.sizes.length - 1;
      const byExample = new Float64Array(out.length);
      const logits = new Float64Array(out.length);
      for (let e = 0; e < 700; e++) {
        forwardExample(loops, rows, e);
        byExample.set(loops.scratch.a[last], e * width);
        logits.set(loops.scratch.z[last - 1], e * width);
      }
      expect(Array.from(out)).toEqual(Array.from(byExample));
      // meanLoss by the layered pass: the same outputs, and the loss summed example by example
      const targets = Float64Array.from(out, (_, i) =>
        compiled.loss === "binaryCrossEntropy" ? i % 2 : Math.sin(i)
      );
      const outputs = new Float64Array(out.length);
      const loss = meanLoss(compiled, rows, targets, outputs);
      expect(Array.from(outputs)).toEqual(Array.from(byExample));
      let sum = 0;
      for (let i = 0; i < out.length; i++) {
        sum +=
          compiled.loss === "binaryCrossEntropy"
            ? bceUnit.valueFromLogit(logits[i], targets[i])
            : 0.5 * (byExample[i] - targets[i]) ** 2;
      }
      expect(Object.is(loss, sum / 700)).toBe(true);
      expect(Object.is(meanLoss(loops, rows, targets), loss)).toBe(true);
      expect(out.some((v) => Number.isNaN(v))).toBe(true);
      // only the rows with a NaN or infinite input may give non-finite outputs
      expect(out.filter((v) => Number.isFinite(v)).length).toBeGreaterThanOrEqual(out.length - 3 * width);
    });
  }
});
