import {describe, expect, it} from "vitest";
import {
  activations,
  createMlp,
  createRandom,
  deadUnits,
  forward,
  makeLeakyRelu,
  meanLoss,
  mlpFromDenseLayers,
  networkLoss,
  predict,
  sgdStep,
  toDenseLayers,
  trainEpoch,
  uniform
} from "../../lib/index.js";
import type {Activation, ActivationId, DenseLayer, Mlp} from "../../lib/index.js";
import {forwardExample} from "../../lib/mlpLoops.js";
import {expectClose} from "./helpers.js";

/** n random rows of `width` numbers in [−1, 1]. */
function randomRows(n: number, width: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({length: n * width}, () => uniform(random, -1, 1));
}

function rows(data: Float64Array, width: number): number[][] {
  return Array.from({length: data.length / width}, (_, i) =>
    Array.from(data.subarray(i * width, (i + 1) * width))
  );
}

function expectNetsClose(actual: DenseLayer[], expected: DenseLayer[], rel: number): void {
  expected.forEach((layer, l) => {
    layer.weights.forEach((row, j) =>
      row.forEach((w, i) => expectClose(actual[l].weights[j][i], w, rel, rel, `w[${l}][${j}][${i}]`))
    );
    layer.biases.forEach((b, j) => expectClose(actual[l].biases[j], b, rel, rel, `b[${l}][${j}]`));
  });
}

/**
 * Mini-batch gradient descent written directly from the definition, with sgdStep supplying
 * each example's gradient (learning rate 0, so every example in a batch sees the same weights):
 * after each batch, every parameter moves by −learningRate × the batch's mean gradient.
 */
function referenceEpoch(
  net: DenseLayer[],
  inputs: number[][],
  targets: number[][],
  learningRate: number,
  batchSize: number
): {net: DenseLayer[]; meanLoss: number; gradientNorms: number[]} {
  let current = structuredClone(net);
  let lossSum = 0;
  const normSums = net.map(() => 0);
  let batches = 0;
  for (let start = 0; start < inputs.length; start += batchSize) {
    const batch = inputs
      .slice(start, start + batchSize)
      .map((x, k) => sgdStep(current, x, targets[start + k], 0));
    batches++;
    const count = batch.length;
    current = current.map((layer, l) => {
      const meanW = layer.weights.map((row, j) =>
        row.map((_, i) => batch.reduce((s, step) => s + step.gradients.weights[l][j][i], 0) / count)
      );
      normSums[l] += meanW.flat().reduce((s, g) => s + Math.abs(g), 0) / meanW.flat().length;
      return {
        weights: layer.weights.map((row, j) => row.map((w, i) => w - learningRate * meanW[j][i])),
        biases: layer.biases.map(
          (b, j) => b - (learningRate * batch.reduce((s, step) => s + step.gradients.biases[l][j], 0)) / count
        ),
        activation: layer.activation
      };
    });
    lossSum += batch.reduce((s, step) => s + step.loss, 0);
  }
  return {net: current, meanLoss: lossSum / inputs.length, gradientNorms: normSums.map((s) => s / batches)};
}

describe("createMlp", () => {
  it("allocates flat row-major weights, zero biases and per-layer statistics", () => {
    const mlp = createMlp({sizes: [2, 8, 8, 1], activation: "tanh"});
    expect(mlp.sizes).toEqual([2, 8, 8, 1]);
    expect(mlp.weights.map((w) => w.length)).toEqual([16, 64, 8]);
    expect(mlp.biases.map((b) => Array.from(b))).toEqual([Array(8).fill(0), Array(8).fill(0), [0]]);
    expect(mlp.stats.gradientNorms.length).toBe(3);
    expect(mlp.stats.epochs).toBe(0);
    expect(mlp.stats.loss).toBeNaN();
    expect(mlp.activation).toBe(activations.tanh);
    expect(mlp.outputActivation).toBe(activations.linear); // the documented default
  });

  it("draws Glorot-uniform weights, deterministically from the seed", () => {
    const a = createMlp({sizes: [3, 5, 2], activation: "relu", seed: 7});
    const b = createMlp({sizes: [3, 5, 2], activation: "relu", seed: 7});
    const c = createMlp({sizes: [3, 5, 2], activation: "relu", seed: 8});
    expect(a.weights).toEqual(b.weights);
    expect(a.weights).not.toEqual(c.weights);
    expect(createMlp({sizes: [3, 5, 2], activation: "relu"}).weights).toEqual(
      createMlp({sizes: [3, 5, 2], activation: "relu", seed: 1}).weights
    );
    a.weights.forEach((w, l) => {
      const limit = Math.sqrt(6 / (a.sizes[l] + a.sizes[l + 1]));
      for (const v of w) expect(Math.abs(v)).toBeLessThanOrEqual(limit);
      expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(limit / 2); // spread, not all tiny
    });
  });

  it("converts to and from DenseLayers", () => {
    const mlp = createMlp({sizes: [2, 3, 1], activation: "sigmoid", outputActivation: "tanh", seed: 3});
    const net = toDenseLayers(mlp);
    expect(net.map((layer) => layer.activation)).toEqual(["sigmoid", "tanh"]);
    expect(net[0].weights[2][1]).toBe(mlp.weights[0][2 * 2 + 1]); // weights[l][j·nIn + i]
    const back = mlpFromDenseLayers(net);
    expect(back.weights).toEqual(mlp.weights);
    expect(back.biases).toEqual(mlp.biases);
    expect(back.activation).toBe(activations.sigmoid);
    expect(back.outputActivation).toBe(activations.tanh);
  });
});

describe("trainEpoch matches backprop by sgdStep", () => {
  const hidden: ActivationId[] = [
    "tanh",
    "sigmoid",
    "relu",
    "leakyRelu",
    "linear",
    "elu",
    "gelu",
    "swish",
    "mish"
  ];

  for (const activation of hidden) {
    it(`${activation}: batchSize 1 is one sgdStep per example, in order`, () => {
      const mlp = createMlp({sizes: [2, 3, 2], activation, outputActivation: "sigmoid", seed: 11});
      const inputs = randomRows(9, 2, 1);
      const targets = randomRows(9, 2, 2);
      const start = toDenseLayers(mlp);
      const loss = trainEpoch(mlp, inputs, targets, {learningRate: 0.3, batchSize: 1});
      let net = start;
      let lossSum = 0;
      rows(inputs, 2).forEach((x, k) => {
        const step = sgdStep(net, x, rows(targets, 2)[k], 0.3);
        lossSum += step.loss;
        net = step.net;
      });
      expectNetsClose(toDenseLayers(mlp), net, 1e-14);
      expectClose(loss, lossSum / 9, 1e-14);
    });
  }

  it("batchSize > 1 applies each batch's mean gradient, including a final partial batch", () => {
    for (const [n, batchSize] of [
      [7, 3],
      [8, 4],
      [5, 10]
    ]) {
      const mlp = createMlp({sizes: [3, 4, 4, 2], activation: "tanh", outputActivation: "linear", seed: n});
      const inputs = randomRows(n, 3, 5);
      const targets = randomRows(n, 2, 6);
      const reference = referenceEpoch(toDenseLayers(mlp), rows(inputs, 3), rows(targets, 2), 0.2, batchSize);
      const loss = trainEpoch(mlp, inputs, targets, {learningRate: 0.2, batchSize});
      expectNetsClose(toDenseLayers(mlp), reference.net, 1e-13);
      expectClose(loss, reference.meanLoss, 1e-13);
      Array.from(mlp.stats.gradientNorms).forEach((g, l) =>
        expectClose(g, reference.gradientNorms[l], 1e-12)
      );
    }
  });

  it("mean loss is taken before each batch's update, and recorded in stats", () => {
    const mlp = createMlp({sizes: [2, 4, 1], activation: "relu", seed: 2});
    const inputs = randomRows(20, 2, 3);
    const targets = randomRows(20, 1, 4);
    const before = meanLoss(mlp, inputs, targets);
    // one batch holding every example: the whole epoch sees the starting weights
    const first = trainEpoch(mlp, inputs, targets, {learningRate: 0.1, batchSize: 20});
    expectClose(first, before, 1e-14);
    expect(mlp.stats.epochs).toBe(1);
    expect(mlp.stats.loss).toBe(first);
    const second = trainEpoch(mlp, inputs, targets, {learningRate: 0.1, batchSize: 20});
    expect(mlp.stats.loss).toBe(second);
    expect(second).toBeLessThan(before);
    expect(mlp.stats.epochs).toBe(2);
  });

  it("learning rate 0 leaves the weights unchanged", () => {
    const mlp = createMlp({sizes: [2, 3, 1], activation: "tanh", seed: 4});
    const weights = mlp.weights.map((w) => w.slice());
    trainEpoch(mlp, randomRows(10, 2, 1), randomRows(10, 1, 2), {learningRate: 0, batchSize: 3});
    expect(mlp.weights).toEqual(weights);
  });

  it("is deterministic for a seed", () => {
    const run = () => {
      const mlp = createMlp({sizes: [2, 5, 1], activation: "tanh", seed: 99});
      const inputs = randomRows(50, 2, 1);
      const targets = randomRows(50, 1, 2);
      for (let e = 0; e < 5; e++) trainEpoch(mlp, inputs, targets, {learningRate: 0.05, batchSize: 7});
      return mlp;
    };
    const a = run();
    const b = run();
    expect(a.weights).toEqual(b.weights);
    expect(a.biases).toEqual(b.biases);
    expect(a.stats.loss).toBe(b.stats.loss);
  });
});

describe("built-in kernels agree with the activation records", () => {
  // A copy of a record without its kernel makes the trainer call its f and df; the original
  // runs through the fused kernel. Both must train the same.
  for (const id of ["tanh", "sigmoid", "relu", "leakyRelu", "linear"] as const) {
    it(id, () => {
      const copy: Activation = {...activations[id], kernel: undefined};
      const inputs = randomRows(40, 2, 1);
      const targets = randomRows(40, 1, 2);
      const fast = createMlp({sizes: [2, 6, 1], activation: id, outputActivation: id, seed: 5});
      const slow = createMlp({
        sizes: [2, 6, 1],
        activation: copy,
        outputActivation: copy,
        seed: 5,
        compile: false
      });
      for (let e = 0; e < 3; e++) {
        expectClose(
          trainEpoch(fast, inputs, targets, {learningRate: 0.1, batchSize: 4}),
          trainEpoch(slow, inputs, targets, {learningRate: 0.1, batchSize: 4}),
          1e-13
        );
      }
      fast.weights.forEach((w, l) => w.forEach((v, k) => expectClose(v, slow.weights[l][k], 1e-13, 1e-15)));
    });
  }

  it("at extreme pre-activations, including NaN", () => {
    const zs = [-1e300, -800, -30, -19.5, -1, -1e-300, 0, 1e-300, 0.3, 0.7, 5, 19.5, 30, 1e300, NaN];
    for (const id of ["tanh", "sigmoid", "relu", "leakyRelu", "linear"] as const) {
      for (const compile of [true, false]) {
        const mlp = mlpFromDenseLayers([{weights: [[1]], biases: [0], activation: id}], {compile});
        const out = predict(mlp, Float64Array.from(zs));
        zs.forEach((z, k) =>
          expectClose(out[k], activations[id].f(z), 4.5e-16, 0, `${id}(${z}), compile ${compile}`)
        );
      }
    }
  });

  it("accepts any Activation record, e.g. a re-parameterised Leaky ReLU", () => {
    const leaky = makeLeakyRelu(0.2);
    const mlp = mlpFromDenseLayers([{weights: [[2]], biases: [0], activation: "linear"}]);
    const custom = createMlp({sizes: [1, 1], activation: leaky, outputActivation: leaky});
    custom.weights[0][0] = 2;
    expect(Array.from(predict(custom, Float64Array.from([-1, 3])))).toEqual([-0.4, 6]);
    expect(predict(mlp, Float64Array.from([-1]))[0]).toBe(-2);
  });
});

describe("a record's parameter reaches the trainer", () => {
  // Leaky ReLU with α = 0.2 in the hidden and output layers: every unit's slope for z ≤ 0 is
  // the record's α, so the trained weights match the reference network given that record
  const leaky = makeLeakyRelu(0.2);
  const inputs = randomRows(12, 2, 3);
  const targets = randomRows(12, 1, 4);

  function reference(start: DenseLayer[], activation: Activation): DenseLayer[] {
    let net: DenseLayer[] = start.map((layer) => ({...layer, activation}));
    rows(inputs, 2).forEach((x, k) => (net = sgdStep(net, x, rows(targets, 1)[k], 0.3).net));
    return net;
  }

  for (const compile of [true, false]) {
    it(`α = 0.2 trains as sgdStep with the same record (${compile ? "generated code" : "loops"})`, () => {
      const mlp = createMlp({sizes: [2, 4, 1], activation: leaky, outputActivation: leaky, seed: 8, compile});
      expect(mlp.scratch.compiled === null).toBe(!compile);
      const start = toDenseLayers(createMlp({sizes: [2, 4, 1], activation: "leakyRelu", seed: 8}));
      trainEpoch(mlp, inputs, targets, {learningRate: 0.3, batchSize: 1});
      const trained = mlp.weights.map((w, l) => ({
        weights: Array.from({length: mlp.sizes[l + 1]}, (_, j) =>
          Array.from(w.subarray(j * mlp.sizes[l], (j + 1) * mlp.sizes[l]))
        ),
        biases: Array.from(mlp.biases[l]),
        activation: leaky
      }));
      expectNetsClose(trained, reference(start, leaky), 1e-14);
      // and not as the registry's α = 0.01: some unit had z ≤ 0, so α mattered
      const withDefault = reference(start, activations.leakyRelu);
      expect(trained.flatMap((layer) => layer.weights.flat())).not.toEqual(
        withDefault.flatMap((layer) => layer.weights.flat())
      );
    });
  }

  it("mlpFromDenseLayers takes the record from the layers", () => {
    const net: DenseLayer[] = [
      {weights: [[1], [-1]], biases: [0, 0], activation: leaky},
      {weights: [[1, 1]], biases: [0], activation: leaky}
    ];
    const mlp = mlpFromDenseLayers(net);
    expect(mlp.activation).toBe(leaky);
    // x = 2: hidden (2, 0.2·(−2)), output 2 − 0.4 = 1.6
    expect(predict(mlp, Float64Array.from([2]))[0]).toBeCloseTo(1.6, 15);
    expect(forward(net, [2]).a[1][0]).toBeCloseTo(1.6, 15);
  });
});

describe("generated code and plain loops", () => {
  const cases: [string, ActivationId | Activation, ActivationId | Activation][] = [
    ["tanh", "tanh", "tanh"],
    ["sigmoid → linear", "sigmoid", "linear"],
    ["relu → sigmoid", "relu", "sigmoid"],
    ["leakyRelu → tanh", "leakyRelu", "tanh"],
    ["gelu (a record call) → swish", "gelu", "swish"],
    ["reader-made record", {...activations.mish, id: "custom"}, makeLeakyRelu(0.3)]
  ];
  for (const [name, activation, outputActivation] of cases) {
    it(`give identical results: ${name}`, () => {
      const options = {sizes: [3, 5, 4, 2], activation, outputActivation, seed: 4};
      const compiled = createMlp(options);
      const loops = createMlp({...options, compile: false});
      expect(compiled.scratch.compiled).not.toBeNull();
      expect(loops.scratch.compiled).toBeNull();
      const inputs = randomRows(23, 3, 1);
      const targets = randomRows(23, 2, 2);
      for (let e = 0; e < 3; e++) {
        expect(trainEpoch(compiled, inputs, targets, {learningRate: 0.1, batchSize: 5})).toBe(
          trainEpoch(loops, inputs, targets, {learningRate: 0.1, batchSize: 5})
        );
      }
      expect(compiled.weights).toEqual(loops.weights);
      expect(compiled.biases).toEqual(loops.biases);
      expect(compiled.stats.gradientNorms).toEqual(loops.stats.gradientNorms);
      expect(predict(compiled, inputs)).toEqual(predict(loops, inputs));
    });
  }

  it("large networks use the loops", () => {
    const big = createMlp({sizes: [2, 64, 64, 1], activation: "tanh"});
    expect(big.scratch.compiled).toBeNull();
    const inputs = randomRows(20, 2, 1);
    const targets = randomRows(20, 1, 2);
    const before = meanLoss(big, inputs, targets);
    for (let e = 0; e < 20; e++) trainEpoch(big, inputs, targets, {learningRate: 0.01, batchSize: 4});
    expect(meanLoss(big, inputs, targets)).toBeLessThan(before);
  });
});

describe("predict and meanLoss", () => {
  it("predict equals forward() on the same weights, row-major", () => {
    const mlp = createMlp({sizes: [3, 4, 2], activation: "gelu", outputActivation: "tanh", seed: 6});
    const inputs = randomRows(5, 3, 7);
    const out = predict(mlp, inputs);
    expect(out.length).toBe(10);
    rows(inputs, 3).forEach((x, k) => {
      const {a} = forward(toDenseLayers(mlp), x);
      expectClose(out[2 * k], a[1][0], 1e-15);
      expectClose(out[2 * k + 1], a[1][1], 1e-15);
    });
  });

  it("writes into out when given, and checks its length", () => {
    const mlp = createMlp({sizes: [2, 3, 1], activation: "tanh"});
    const out = new Float64Array(4);
    expect(predict(mlp, randomRows(4, 2, 1), out)).toBe(out);
    expect(() => predict(mlp, randomRows(4, 2, 1), new Float64Array(3))).toThrow(
      /^out has 3 entries, expected 4 \(4 examples × 1 outputs\)$/
    );
  });

  it("a tap sees every block and layer's z, f(z) and f′(z), before the skip's sum, and leaves the outputs as they were", () => {
    for (const [activation, residual] of [
      ["tanh", false],
      ["tanh", true],
      ["relu", true],
      ["gelu", false]
    ] as const) {
      for (const compile of [true, false]) {
        const options = {
          sizes: [2, 5, 5, 5, 2],
          activation,
          outputActivation: "sigmoid",
          residual,
          seed: 4
        } as const;
        const mlp = createMlp({...options, compile});
        const n = 600; // three blocks of the layered pass: 256, 256, 88
        const inputs = randomRows(n, 2, 3);
        const plain = predict(mlp, inputs);
        const calls: string[] = [];
        const seen = ["z", "a", "slope"].map(() =>
          mlp.sizes.slice(1).map((width) => new Float64Array(n * width))
        );
        const tapped = predict(mlp, inputs, undefined, (l, start, count, ...buffers) => {
          calls.push(`${l}:${start}+${count}`);
          const width = mlp.sizes[l + 1];
          buffers.forEach((buffer, k) => seen[k][l].set(buffer.subarray(0, count * width), start * width));
        });
        expect(Array.from(tapped)).toEqual(Array.from(plain));
        expect(calls).toEqual(
          [0, 256, 512].flatMap((start) =>
            [0, 1, 2, 3].map((l) => `${l}:${start}+${start === 512 ? 88 : 256}`)
          )
        );
        // training's example-by-example pass gives the same z, the layer's own f(z) and f′(z), bit for bit
        const {z, f, slope} = mlp.scratch;
        for (let e = 0; e < n; e++) {
          forwardExample(mlp, inputs, e);
          mlp.sizes.slice(1).forEach((width, l) => {
            const at = (buffer: Float64Array) => Array.from(buffer.subarray(e * width, (e + 1) * width));
            expect(at(seen[0][l])).toEqual(Array.from(z[l]));
            expect(at(seen[1][l])).toEqual(Array.from(f[l + 1]));
            expect(at(seen[2][l])).toEqual(Array.from(slope[l]));
          });
        }
      }
    }
  });

  it("meanLoss is the mean of networkLoss", () => {
    const mlp = createMlp({sizes: [2, 3, 2], activation: "sigmoid", seed: 2});
    const inputs = randomRows(6, 2, 3);
    const targets = randomRows(6, 2, 4);
    const net = toDenseLayers(mlp);
    const expected = rows(inputs, 2).reduce((s, x, k) => s + networkLoss(net, x, rows(targets, 2)[k]), 0) / 6;
    expectClose(meanLoss(mlp, inputs, targets), expected, 1e-14);
  });

  it("meanLoss writes the outputs of its pass into outputs when given, and checks them", () => {
    const mlp = createMlp({sizes: [2, 3, 2], activation: "tanh", seed: 5});
    const inputs = randomRows(6, 2, 8);
    const targets = randomRows(6, 2, 9);
    const outputs = new Float64Array(12).fill(NaN);
    expect(meanLoss(mlp, inputs, targets, outputs)).toBe(meanLoss(mlp, inputs, targets));
    expect(outputs).toEqual(
      predict(createMlp({sizes: [2, 3, 2], activation: "tanh", seed: 5, compile: false}), inputs)
    );
    expect(() => meanLoss(mlp, inputs, targets, new Float64Array(11))).toThrow(
      /^outputs must be a Float64Array of 12 entries \(one per target\), got 11 entries$/
    );
    expect(() => meanLoss(mlp, inputs, targets, [] as unknown as Float64Array)).toThrow(
      /^outputs must be a Float64Array/
    );
  });
});

/** The circle dataset: points in [−1, 1]², +1 inside radius 0.6, −1 outside. */
function circle(n: number, seed: number): {inputs: Float64Array; targets: Float64Array} {
  const inputs = randomRows(n, 2, seed);
  const targets = Float64Array.from({length: n}, (_, i) =>
    Math.hypot(inputs[2 * i], inputs[2 * i + 1]) < 0.6 ? 1 : -1
  );
  return {inputs, targets};
}

function accuracy(mlp: Mlp, data: {inputs: Float64Array; targets: Float64Array}): number {
  const out = predict(mlp, data.inputs);
  return out.reduce((hits, y, i) => hits + (Math.sign(y) === data.targets[i] ? 1 : 0), 0) / out.length;
}

describe("learning", () => {
  it("learns the circle dataset to > 95% accuracy on fresh points", () => {
    const train = circle(500, 1);
    const test = circle(2000, 2);
    const mlp = createMlp({sizes: [2, 8, 8, 1], activation: "tanh", outputActivation: "tanh", seed: 1});
    const firstLoss = trainEpoch(mlp, train.inputs, train.targets, {learningRate: 0.03, batchSize: 10});
    for (let epoch = 1; epoch < 400; epoch++) {
      trainEpoch(mlp, train.inputs, train.targets, {learningRate: 0.03, batchSize: 10});
    }
    expect(mlp.stats.loss).toBeLessThan(firstLoss / 5);
    expect(accuracy(mlp, test)).toBeGreaterThan(0.95);
    expect(Array.from(mlp.stats.gradientNorms).every((g) => g > 0 && Number.isFinite(g))).toBe(true);
  });

  it("gradient norms shrink towards the input in a deep sigmoid network", () => {
    const data = circle(200, 3);
    const mlp = createMlp({sizes: [2, 8, 8, 8, 8, 8, 1], activation: "sigmoid", seed: 2});
    trainEpoch(mlp, data.inputs, data.targets, {learningRate: 0.1, batchSize: 10});
    const norms = Array.from(mlp.stats.gradientNorms);
    expect(norms[0]).toBeLessThan(norms[norms.length - 2] / 10);
  });
});

describe("deadUnits", () => {
  it("counts ReLU units whose pre-activation is ≤ 0 on every example", () => {
    const net: DenseLayer[] = [
      {
        weights: [
          [-1, -1], // z = −x − y − 0.5 < 0 on [0, 1]²: dead
          [1, 1], // alive
          [0, 0] // z = 0 exactly: ReLU′(0) = 0, so dead too
        ],
        biases: [-0.5, 0, 0],
        activation: "relu"
      },
      {weights: [[1, 1, 1]], biases: [-100], activation: "relu"} // output z < 0 always
    ];
    const inputs = Float64Array.from({length: 200}, (_, k) => (k * 0.37) % 1);
    expect(deadUnits(mlpFromDenseLayers(net), inputs)).toEqual([2, 1]);
  });

  it("finds none for tanh, nor for a unit that is active on a single example", () => {
    const tanh = createMlp({sizes: [2, 4, 1], activation: "tanh", seed: 3});
    expect(deadUnits(tanh, randomRows(50, 2, 1))).toEqual([0, 0]);
    const net: DenseLayer[] = [{weights: [[1, 0]], biases: [-0.99], activation: "relu"}];
    expect(deadUnits(mlpFromDenseLayers(net), Float64Array.from([0, 0, 0.5, 0, 1, 0]))).toEqual([0]);
  });
});

describe("validation", () => {
  const mlp = () => createMlp({sizes: [2, 3, 1], activation: "tanh"});
  const cases: [string, () => unknown, RegExp][] = [
    [
      "sizes too short",
      () => createMlp({sizes: [2], activation: "tanh"}),
      /^sizes must be an array of at least 2 layer sizes/
    ],
    [
      "sizes not an array",
      () => createMlp({sizes: "2,1" as unknown as number[], activation: "tanh"}),
      /^sizes must be an array/
    ],
    [
      "fractional size",
      () => createMlp({sizes: [2, 1.5], activation: "tanh"}),
      /^sizes\[1\] must be an integer ≥ 1, got 1.5$/
    ],
    [
      "zero size",
      () => createMlp({sizes: [0, 1], activation: "tanh"}),
      /^sizes\[0\] must be an integer ≥ 1, got 0$/
    ],
    [
      "unknown activation",
      () => createMlp({sizes: [2, 1], activation: "foo" as ActivationId}),
      /^activation: unknown activation "foo"; expected one of /
    ],
    [
      "unknown output activation",
      () => createMlp({sizes: [2, 1], activation: "tanh", outputActivation: "soft" as ActivationId}),
      /^outputActivation: unknown activation "soft"/
    ],
    [
      "record without df",
      () => createMlp({sizes: [2, 1], activation: {f: Math.tanh} as unknown as Activation}),
      /^activation must be an activation id or a record with f and df functions$/
    ],
    [
      "NaN seed",
      () => createMlp({sizes: [2, 1], activation: "tanh", seed: NaN}),
      /^seed must be a finite number, got NaN$/
    ],
    [
      "ragged inputs",
      () => trainEpoch(mlp(), new Float64Array(5), new Float64Array(2), {learningRate: 0.1, batchSize: 1}),
      /^inputs has 5 numbers, not a multiple of 2 \(numbers per example\)$/
    ],
    [
      "too few targets",
      () => trainEpoch(mlp(), new Float64Array(6), new Float64Array(2), {learningRate: 0.1, batchSize: 1}),
      /^targets holds 2 examples, expected 3 \(one per input\)$/
    ],
    [
      "inputs not a Float64Array",
      () =>
        trainEpoch(mlp(), [1, 2] as unknown as Float64Array, new Float64Array(1), {
          learningRate: 0.1,
          batchSize: 1
        }),
      /^inputs must be a Float64Array$/
    ],
    [
      "no examples",
      () => trainEpoch(mlp(), new Float64Array(0), new Float64Array(0), {learningRate: 0.1, batchSize: 1}),
      /^inputs is empty: expected at least one example$/
    ],
    [
      "negative learning rate",
      () => trainEpoch(mlp(), new Float64Array(2), new Float64Array(1), {learningRate: -1, batchSize: 1}),
      /^learningRate must be a finite number ≥ 0, got -1$/
    ],
    [
      "NaN learning rate",
      () => trainEpoch(mlp(), new Float64Array(2), new Float64Array(1), {learningRate: NaN, batchSize: 1}),
      /^learningRate must be a finite number ≥ 0, got NaN$/
    ],
    [
      "zero batch size",
      () => trainEpoch(mlp(), new Float64Array(2), new Float64Array(1), {learningRate: 0.1, batchSize: 0}),
      /^batchSize must be an integer ≥ 1, got 0$/
    ],
    [
      "fractional batch size",
      () => trainEpoch(mlp(), new Float64Array(2), new Float64Array(1), {learningRate: 0.1, batchSize: 2.5}),
      /^batchSize must be an integer ≥ 1, got 2.5$/
    ],
    [
      "ragged predict inputs",
      () => predict(mlp(), new Float64Array(3)),
      /^inputs has 3 numbers, not a multiple of 2/
    ],
    [
      "ragged deadUnits inputs",
      () => deadUnits(mlp(), new Float64Array(3)),
      /^inputs has 3 numbers, not a multiple of 2/
    ],
    [
      "mixed hidden activations",
      () =>
        mlpFromDenseLayers([
          {weights: [[1]], biases: [0], activation: "tanh"},
          {weights: [[1]], biases: [0], activation: "relu"},
          {weights: [[1]], biases: [0], activation: "linear"}
        ]),
      /^all hidden layers must share one activation, got tanh, relu$/
    ],
    [
      "toDenseLayers with a custom record",
      () =>
        toDenseLayers(
          createMlp({sizes: [1, 1], activation: makeLeakyRelu(0.2), outputActivation: makeLeakyRelu(0.2)})
        ),
      /^activation "leakyRelu" is not a registered record, so it has no DenseLayer id$/
    ]
  ];
  for (const [name, run, message] of cases) {
    it(`throws for ${name}`, () => expect(run).toThrow(message));
  }

  it("a failed trainEpoch leaves the network untouched", () => {
    const net = mlp();
    const weights = net.weights.map((w) => w.slice());
    expect(() =>
      trainEpoch(net, new Float64Array(4), new Float64Array(2), {learningRate: 0.1, batchSize: 0})
    ).toThrow();
    expect(net.weights).toEqual(weights);
    expect(net.stats.epochs).toBe(0);
  });
});
