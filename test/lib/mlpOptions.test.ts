// The trainer's options beyond the plain network (initialisation, skip connections, binary
// cross-entropy, L1/L2 regularisation), checked against a network written here independently
// in plain arrays and against finite differences of the objective it minimises.
import {describe, expect, it} from "vitest";
import {
  activations,
  createMlp,
  createRandom,
  getInitialisation,
  meanLoss,
  mlpFromDenseLayers,
  mulberry32,
  predict,
  sampleWeights,
  toDenseLayers,
  trainEpoch,
  uniform,
  unitValues
} from "../../lib/index.js";
import type {Activation, Mlp, MlpOptions, Regularization} from "../../lib/index.js";
import {expectClose} from "./helpers.js";

/** n random rows of `width` numbers in [low, high]. */
function randomRows(n: number, width: number, seed: number, low = -1, high = 1): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({length: n * width}, () => uniform(random, low, high));
}

/** Labels 0 or 1. */
function randomLabels(n: number, seed: number): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({length: n}, () => (random() < 0.5 ? 0 : 1));
}

// ---------------------------------------------------------------------------------------------
// An independent network: nested arrays, one example at a time, written from the definitions.

interface Reference {
  sizes: number[];
  /** w[l][j][i] links input i to unit j of layer l. */
  w: number[][][];
  b: number[][];
  hidden: Activation;
  output: Activation;
  skip: boolean[];
  loss: "squaredError" | "binaryCrossEntropy";
}

/** The Mlp's weights in a Reference; `residual` says whether it was made with skip connections. */
function referenceOf(mlp: Mlp, residual = false): Reference {
  const {sizes} = mlp;
  return {
    sizes: sizes.slice(),
    w: mlp.weights.map((w, l) =>
      Array.from({length: sizes[l + 1]}, (_, j) => Array.from(w.subarray(j * sizes[l], (j + 1) * sizes[l])))
    ),
    b: mlp.biases.map((b) => Array.from(b)),
    hidden: mlp.activation,
    output: mlp.outputActivation,
    // the rule stated in the brief: a hidden layer (not the first, not the output) of equal widths
    skip: sizes
      .slice(1)
      .map((_, l) => residual && l > 0 && l < sizes.length - 2 && sizes[l] === sizes[l + 1]),
    loss: mlp.loss
  };
}

/** Each layer's z, its own f(z), and what it passes on (f(z), plus its input across a skip). */
function referenceForward(net: Reference, x: number[]): {z: number[][]; own: number[][]; out: number[][]} {
  const z: number[][] = [];
  const own: number[][] = [];
  const out: number[][] = [];
  let input = x;
  net.w.forEach((rows, l) => {
    const f = l === net.w.length - 1 ? net.output : net.hidden;
    const zl = rows.map((row, j) => row.reduce((sum, w, i) => sum + w * input[i], net.b[l][j]));
    const fl = zl.map((v) => f.f(v));
    const ol = net.skip[l] ? fl.map((v, j) => v + input[j]) : fl;
    z.push(zl);
    own.push(fl);
    out.push(ol);
    input = ol;
  });
  return {z, own, out};
}

/** One example's loss, from the outputs by the textbook formulas (not from the logits). */
function referenceExampleLoss(net: Reference, x: number[], t: number[]): number {
  const {out} = referenceForward(net, x);
  const y = out[out.length - 1];
  if (net.loss === "binaryCrossEntropy") {
    return y.reduce((sum, yk, k) => sum - (t[k] * Math.log(yk) + (1 - t[k]) * Math.log(1 - yk)), 0);
  }
  return y.reduce((sum, yk, k) => sum + 0.5 * (yk - t[k]) ** 2, 0);
}

/** The objective a full-batch step descends: mean loss plus the weight penalty. */
function objective(
  net: Reference,
  inputs: Float64Array,
  targets: Float64Array,
  reg?: Regularization
): number {
  const nIn = net.sizes[0];
  const nOut = net.sizes[net.sizes.length - 1];
  const n = inputs.length / nIn;
  let sum = 0;
  for (let e = 0; e < n; e++) {
    sum += referenceExampleLoss(
      net,
      Array.from(inputs.subarray(e * nIn, (e + 1) * nIn)),
      Array.from(targets.subarray(e * nOut, (e + 1) * nOut))
    );
  }
  let penalty = 0;
  const all = net.w.flat(2);
  if (reg?.kind === "L2") penalty = reg.rate * 0.5 * all.reduce((s, w) => s + w * w, 0);
  if (reg?.kind === "L1") penalty = reg.rate * all.reduce((s, w) => s + Math.abs(w), 0);
  return sum / n + penalty;
}

/** Central differences of the objective for every weight and bias. */
function numericGradient(
  net: Reference,
  inputs: Float64Array,
  targets: Float64Array,
  reg?: Regularization,
  h = 1e-6
): {w: number[][][]; b: number[][]} {
  const at = (read: () => number, write: (v: number) => void): number => {
    const v = read();
    write(v + h);
    const plus = objective(net, inputs, targets, reg);
    write(v - h);
    const minus = objective(net, inputs, targets, reg);
    write(v);
    return (plus - minus) / (2 * h);
  };
  return {
    w: net.w.map((rows) =>
      rows.map((row) =>
        row.map((_, i) =>
          at(
            () => row[i],
            (v) => (row[i] = v)
          )
        )
      )
    ),
    b: net.b.map((bl) =>
      bl.map((_, j) =>
        at(
          () => bl[j],
          (v) => (bl[j] = v)
        )
      )
    )
  };
}

/** −(change of every parameter)/η after one full-batch epoch: the gradient the trainer used. */
function trainerGradient(
  mlp: Mlp,
  inputs: Float64Array,
  targets: Float64Array,
  learningRate: number,
  reg?: Regularization
): {w: number[][][]; b: number[][]; loss: number} {
  const before = referenceOf(mlp);
  const n = inputs.length / mlp.sizes[0];
  const loss = trainEpoch(mlp, inputs, targets, {learningRate, batchSize: n, regularization: reg});
  const after = referenceOf(mlp);
  return {
    w: before.w.map((rows, l) =>
      rows.map((row, j) => row.map((w, i) => (w - after.w[l][j][i]) / learningRate))
    ),
    b: before.b.map((bl, l) => bl.map((b, j) => (b - after.b[l][j]) / learningRate)),
    loss
  };
}

function expectGradientsClose(
  actual: {w: number[][][]; b: number[][]},
  expected: {w: number[][][]; b: number[][]},
  rel: number,
  abs: number,
  skip: (l: number, j: number, i: number) => boolean = () => false
): void {
  expected.w.forEach((rows, l) =>
    rows.forEach((row, j) =>
      row.forEach((g, i) => {
        if (!skip(l, j, i)) expectClose(actual.w[l][j][i], g, rel, abs, `∂/∂w[${l}][${j}][${i}]`);
      })
    )
  );
  expected.b.forEach((bl, l) =>
    bl.forEach((g, j) => expectClose(actual.b[l][j], g, rel, abs, `∂/∂b[${l}][${j}]`))
  );
}

/** The same network twice, generated code and loops. */
function pair(options: MlpOptions): [Mlp, Mlp] {
  return [createMlp({...options, compile: true}), createMlp({...options, compile: false})];
}

// ---------------------------------------------------------------------------------------------

describe("init", () => {
  it("glorotUniform is the default, drawn exactly as before: (2u − 1)·√(6/(fanIn + fanOut)) in order", () => {
    const sizes = [3, 5, 4, 2];
    const mlp = createMlp({sizes, activation: "tanh", seed: 42});
    expect(mlp.init).toBe("glorotUniform");
    expect(createMlp({sizes, activation: "tanh", seed: 42, init: "glorotUniform"}).weights).toEqual(
      mlp.weights
    );
    const random = mulberry32(42);
    mlp.weights.forEach((w, l) => {
      const limit = Math.sqrt(6 / (sizes[l] + sizes[l + 1]));
      for (let k = 0; k < w.length; k++) expect(w[k]).toBe((2 * random() - 1) * limit);
    });
  });

  for (const id of ["xavier", "he", "lecun", "standard", "small"] as const) {
    it(`${id}: normal weights of the scheme's variance from the seeded generator, layer by layer`, () => {
      const sizes = [2, 8, 8, 1];
      const mlp = createMlp({sizes, activation: "relu", seed: 9, init: id});
      expect(mlp.init).toBe(id);
      const random = mulberry32(9);
      mlp.weights.forEach((w, l) => {
        expect(Array.from(w)).toEqual(
          Array.from(sampleWeights(getInitialisation(id), sizes[l], sizes[l + 1], random, "normal"))
        );
      });
      expect(mlp.biases.every((b) => b.every((v) => v === 0))).toBe(true);
      expect(createMlp({sizes, activation: "relu", seed: 9, init: id}).weights).toEqual(mlp.weights);
    });
  }

  it("an unknown scheme is a clear error", () => {
    expect(() => createMlp({sizes: [2, 1], activation: "tanh", init: "kaiming" as "he"})).toThrow(
      /unknown init "kaiming".*glorotUniform.*xavier/
    );
  });
});

describe("skip connections", () => {
  it("go around every hidden layer of equal widths, never the first layer or the output layer", () => {
    const flags = (sizes: number[]) => createMlp({sizes, activation: "tanh", residual: true}).residual;
    expect(flags([2, 4, 4, 3, 3, 1])).toEqual([false, true, false, true, false]);
    expect(flags([3, 3, 3, 3])).toEqual([false, true, false]); // 3 → 3 in, 3 → 3 out: neither
    expect(flags([2, 8, 8, 8, 8, 8, 8, 1])).toEqual([false, true, true, true, true, true, false]);
    expect(createMlp({sizes: [2, 4, 4, 1], activation: "tanh"}).residual).toEqual([false, false, false]);
    expect(() =>
      createMlp({sizes: [2, 1], activation: "tanh", residual: "yes" as unknown as boolean})
    ).toThrow(/residual must be true or false/);
  });

  for (const activation of ["sigmoid", "tanh", "relu", "gelu"] as const) {
    it(`${activation}: the forward pass matches the independent network, unit by unit`, () => {
      const mlp = createMlp({
        sizes: [2, 4, 4, 4, 2],
        activation,
        outputActivation: "tanh",
        residual: true,
        seed: 3
      });
      const net = referenceOf(mlp, true);
      const inputs = randomRows(6, 2, 8, -3, 3);
      const values = unitValues(mlp, inputs);
      const outputs = predict(mlp, inputs);
      for (let e = 0; e < 6; e++) {
        const pass = referenceForward(net, Array.from(inputs.subarray(2 * e, 2 * e + 2)));
        pass.z.forEach((zl, l) =>
          zl.forEach((z, j) => {
            const k = e * zl.length + j;
            expectClose(values.z[l][k], z, 1e-13, 1e-15, `z[${l}][${j}]`);
            // a is the unit's own f(z), before the skip adds its input
            expectClose(values.a[l][k], pass.own[l][j], 1e-13, 1e-15, `a[${l}][${j}]`);
          })
        );
        pass.out[3].forEach((y, k) => expectClose(outputs[2 * e + k], y, 1e-13, 1e-15, `output ${k}`));
      }
      expect(Array.from(values.a[3])).toEqual(Array.from(outputs));
    });

    it(`${activation}: the gradient of every weight and bias matches finite differences (loops and generated code agree exactly)`, () => {
      const options = {
        sizes: [2, 3, 3, 3, 1],
        activation,
        outputActivation: "linear",
        residual: true,
        seed: 5
      } as const;
      const [compiled, loops] = pair(options);
      expect(compiled.scratch.compiled).not.toBeNull();
      // biases away from 0, so no ReLU pre-activation sits on the kink (a layer whose inputs
      // are all 0 would have z = b exactly)
      for (const mlp of [compiled, loops])
        mlp.biases.forEach((b, l) => b.set(randomRows(b.length, 1, 20 + l, 0.1, 0.5)));
      const inputs = randomRows(7, 2, 1);
      const targets = randomRows(7, 1, 2);
      const numeric = numericGradient(referenceOf(compiled, true), inputs, targets);
      const fast = trainerGradient(compiled, inputs, targets, 1);
      const slow = trainerGradient(loops, inputs, targets, 1);
      expect(compiled.weights).toEqual(loops.weights);
      expect(compiled.biases).toEqual(loops.biases);
      expect(fast.loss).toBe(slow.loss);
      // no pre-activation sits within h of ReLU's kink here, so the differences hold
      expectGradientsClose(fast, numeric, 1e-6, 1e-9);
    });
  }

  it("multiple epochs and batches: generated code and loops stay bit for bit equal", () => {
    const options = {
      sizes: [2, 5, 5, 5, 5, 3],
      activation: "sigmoid",
      outputActivation: "sigmoid",
      residual: true,
      seed: 2
    } as const;
    const [compiled, loops] = pair(options);
    const inputs = randomRows(40, 2, 3);
    const targets = randomRows(40, 3, 4, 0, 1);
    for (let epoch = 0; epoch < 5; epoch++) {
      const a = trainEpoch(compiled, inputs, targets, {learningRate: 0.5, batchSize: 7});
      const b = trainEpoch(loops, inputs, targets, {learningRate: 0.5, batchSize: 7});
      expect(a).toBe(b);
    }
    expect(compiled.weights).toEqual(loops.weights);
    expect(compiled.biases).toEqual(loops.biases);
    expect(compiled.stats.gradientNorms).toEqual(loops.stats.gradientNorms);
    expect(predict(compiled, inputs)).toEqual(predict(loops, inputs));
  });

  it("let a deep sigmoid network's gradient reach its first layer", () => {
    const sizes = [2, 8, 8, 8, 8, 8, 8, 1];
    const inputs = randomRows(200, 2, 6);
    const targets = Float64Array.from({length: 200}, (_, e) =>
      inputs[2 * e] * inputs[2 * e + 1] > 0 ? 1 : -1
    );
    const first = (residual: boolean) => {
      const mlp = createMlp({sizes, activation: "sigmoid", outputActivation: "tanh", residual, seed: 4});
      trainEpoch(mlp, inputs, targets, {learningRate: 0.1, batchSize: 10});
      return mlp.stats.gradientNorms[0] / mlp.stats.gradientNorms[sizes.length - 2];
    };
    // the skips carry the gradient past the sigmoid's slope of at most ¼ in every layer
    expect(first(true)).toBeGreaterThan(20 * first(false));
  });
});

describe("binary cross-entropy", () => {
  it("needs a sigmoid output, and targets in [0, 1]", () => {
    expect(() => createMlp({sizes: [2, 3, 1], activation: "tanh", loss: "binaryCrossEntropy"})).toThrow(
      /sigmoid output, not Linear/
    );
    expect(() => createMlp({sizes: [2, 1], activation: "tanh", loss: "hinge" as "squaredError"})).toThrow(
      /unknown loss "hinge"/
    );
    const mlp = createMlp({
      sizes: [2, 3, 1],
      activation: "tanh",
      outputActivation: "sigmoid",
      loss: "binaryCrossEntropy"
    });
    expect(mlp.loss).toBe("binaryCrossEntropy");
    const inputs = randomRows(3, 2, 1);
    for (const bad of [-1, 2, NaN]) {
      const targets = Float64Array.from([0, 1, bad]);
      expect(() => trainEpoch(mlp, inputs, targets, {learningRate: 0.1, batchSize: 1})).toThrow(
        /targets\[2\] is .*binary cross-entropy needs targets in \[0, 1\]/
      );
      expect(() => meanLoss(mlp, inputs, targets)).toThrow(/targets\[2\]/);
    }
    // squared error keeps taking any target (±1 labels)
    expect(
      meanLoss(createMlp({sizes: [2, 1], activation: "tanh"}), inputs, Float64Array.from([-1, 1, 5]))
    ).toBeGreaterThan(0);
  });

  for (const residual of [false, true]) {
    it(`${residual ? "with skips: " : ""}the gradient of the mean loss matches finite differences; loops and generated code agree exactly`, () => {
      const options = {
        sizes: [2, 4, 4, 2],
        activation: "tanh",
        outputActivation: "sigmoid",
        loss: "binaryCrossEntropy",
        residual,
        seed: 7
      } as const;
      const [compiled, loops] = pair(options);
      const inputs = randomRows(9, 2, 5, -2, 2);
      const targets = Float64Array.from(randomRows(9, 2, 6, 0, 1), (t, k) =>
        k % 3 === 0 ? Math.round(t) : t
      );
      const net = referenceOf(compiled, residual);
      const expectedLoss = objective(net, inputs, targets);
      expectClose(meanLoss(compiled, inputs, targets), expectedLoss, 1e-12, 0, "meanLoss");
      const numeric = numericGradient(net, inputs, targets);
      const fast = trainerGradient(compiled, inputs, targets, 1);
      const slow = trainerGradient(loops, inputs, targets, 1);
      expectClose(fast.loss, expectedLoss, 1e-12, 0, "trainEpoch's loss");
      expect(fast.loss).toBe(slow.loss);
      expect(compiled.weights).toEqual(loops.weights);
      expect(compiled.biases).toEqual(loops.biases);
      expectGradientsClose(fast, numeric, 1e-6, 1e-9);
    });
  }

  it("the output δ is y − t: one example, one sigmoid unit", () => {
    const mlp = mlpFromDenseLayers([{weights: [[0.5, -1]], biases: [0.25], activation: "sigmoid"}], {
      loss: "binaryCrossEntropy"
    });
    const x = [0.8, 0.3];
    const z = 0.25 + 0.5 * 0.8 - 0.3;
    const y = 1 / (1 + Math.exp(-z));
    trainEpoch(mlp, Float64Array.from(x), Float64Array.from([1]), {learningRate: 1, batchSize: 1});
    expectClose(mlp.biases[0][0], 0.25 - (y - 1), 1e-15, 1e-16, "bias");
    expectClose(mlp.weights[0][0], 0.5 - (y - 1) * 0.8, 1e-15, 1e-16, "w0");
  });

  it("huge logits give the exact finite loss and gradient, never NaN or Infinity", () => {
    // a single sigmoid unit with logit z = 1000·x: the loss is max(z, 0) − z·t + ln(1 + e^−|z|)
    const make = (compile: boolean) =>
      mlpFromDenseLayers([{weights: [[1000]], biases: [0], activation: "sigmoid"}], {
        loss: "binaryCrossEntropy",
        compile
      });
    for (const compile of [true, false]) {
      const mlp = make(compile);
      const inputs = Float64Array.from([1, -1, 1e300, -1e300]);
      const targets = Float64Array.from([0, 1, 1, 0]);
      // confidently wrong: 1000 each; confidently right: 0
      expect(meanLoss(mlp, inputs, targets)).toBe(500);
      const loss = trainEpoch(mlp, inputs.subarray(0, 2), targets.subarray(0, 2), {
        learningRate: 0.001,
        batchSize: 2
      });
      expect(loss).toBe(1000);
      // δ = y − t = ±1 exactly: the weight moves by 0.001 × mean(1·1, −1·−1) = 0.001
      expect(mlp.weights[0][0]).toBe(1000 - 0.001);
      expect(Number.isFinite(trainEpoch(mlp, inputs, targets, {learningRate: 1e-9, batchSize: 4}))).toBe(
        true
      );
      expect(mlp.weights[0].every(Number.isFinite)).toBe(true);
    }
  });
});

describe("regularisation", () => {
  const options = {
    sizes: [2, 3, 3, 1],
    activation: "tanh",
    outputActivation: "linear",
    seed: 8,
    init: "he"
  } as const;
  const inputs = randomRows(8, 2, 11);
  const targets = randomRows(8, 1, 12);

  it("L2: the step is the gradient of mean loss + λ·½Σw² (weights only), loops and generated code alike", () => {
    const reg = {kind: "L2", rate: 0.3} as const;
    const [compiled, loops] = pair(options);
    const numeric = numericGradient(referenceOf(compiled), inputs, targets, reg);
    const fast = trainerGradient(compiled, inputs, targets, 1, reg);
    trainerGradient(loops, inputs, targets, 1, reg);
    expect(compiled.weights).toEqual(loops.weights);
    expectGradientsClose(fast, numeric, 1e-6, 1e-9);
  });

  it("L1: away from 0 the step is the gradient of mean loss + λ·Σ|w| (weights only)", () => {
    const reg = {kind: "L1", rate: 0.05} as const;
    const learningRate = 1e-3;
    const [compiled, loops] = pair(options);
    const net = referenceOf(compiled);
    const numeric = numericGradient(net, inputs, targets, reg);
    const fast = trainerGradient(compiled, inputs, targets, learningRate, reg);
    trainerGradient(loops, inputs, targets, learningRate, reg);
    expect(compiled.weights).toEqual(loops.weights);
    // the weights are all far from 0 compared with one small step
    expect(net.w.flat(2).every((w) => Math.abs(w) > 0.01)).toBe(true);
    // (w − w′)/η loses about ulp(w)/η ≈ 1e-13 to rounding
    expectGradientsClose(fast, numeric, 1e-6, 1e-9);
  });

  it("L1 moves the stepped weight ηλ against the weight's sign and stops at 0, as TensorFlow Playground does", () => {
    for (const compile of [true, false]) {
      const plain = createMlp({...options, compile});
      const regularised = createMlp({...options, compile});
      // a weight at exactly 0 has no L1 step (sign 0 = 0)
      plain.weights[1][2] = regularised.weights[1][2] = 0;
      const before = plain.weights.map((w) => w.slice());
      const reg = {kind: "L1", rate: 0.7} as const;
      const learningRate = 0.5;
      trainEpoch(plain, inputs, targets, {learningRate, batchSize: 8});
      trainEpoch(regularised, inputs, targets, {learningRate, batchSize: 8, regularization: reg});
      // plain holds v = w − ηḡ, exactly the arithmetic of the data step
      let zeros = 0;
      plain.weights.forEach((vs, l) =>
        vs.forEach((v, k) => {
          const w = before[l][k];
          const shrunk = w > 0 ? v - learningRate * reg.rate : w < 0 ? v + learningRate * reg.rate : v;
          const expected = v * shrunk < 0 ? 0 : shrunk;
          expect(regularised.weights[l][k], `w[${l}][${k}]`).toBe(expected);
          if (expected === 0) zeros++;
        })
      );
      expect(zeros).toBeGreaterThan(0); // the test reaches the rule
      expect(regularised.biases).toEqual(plain.biases); // never the biases
      // the loss reported is the network's alone, the same before any update either way
      expect(regularised.stats.loss).toBe(plain.stats.loss);
    }
  });

  it("none (or rate 0) changes nothing; bad settings are clear errors", () => {
    const [a] = pair(options);
    const [b] = pair(options);
    const [c] = pair(options);
    trainEpoch(a, inputs, targets, {learningRate: 0.1, batchSize: 3});
    trainEpoch(b, inputs, targets, {
      learningRate: 0.1,
      batchSize: 3,
      regularization: {kind: "none", rate: 5}
    });
    trainEpoch(c, inputs, targets, {learningRate: 0.1, batchSize: 3, regularization: {kind: "L2", rate: 0}});
    expect(b.weights).toEqual(a.weights);
    expect(c.weights).toEqual(a.weights);
    const train = (regularization: unknown) => () =>
      trainEpoch(a, inputs, targets, {
        learningRate: 0.1,
        batchSize: 3,
        regularization: regularization as Regularization
      });
    expect(train({kind: "L3", rate: 0.1})).toThrow(
      /unknown regularization kind "L3"; expected none, L1 or L2/
    );
    for (const rate of [-0.1, NaN, Infinity, "0.1"]) {
      expect(train({kind: "L2", rate})).toThrow(/rate must be a finite number ≥ 0/);
    }
    expect(train(null)).toThrow(/regularization must be \{kind, rate\}/);
  });
});

describe("DenseLayer conversions", () => {
  it("carry skips and the loss into an Mlp; refuse to express them as DenseLayers", () => {
    const plain = createMlp({sizes: [2, 3, 3, 1], activation: "tanh", outputActivation: "sigmoid", seed: 2});
    const net = toDenseLayers(plain);
    const mlp = mlpFromDenseLayers(net, {residual: true, loss: "binaryCrossEntropy"});
    expect(mlp.residual).toEqual([false, true, false]);
    expect(mlp.loss).toBe("binaryCrossEntropy");
    expect(mlp.weights).toEqual(plain.weights);
    expect(() => toDenseLayers(mlp)).toThrow(/skip connections/);
    expect(() => toDenseLayers(mlpFromDenseLayers(net, {loss: "binaryCrossEntropy"}))).toThrow(
      /binaryCrossEntropy/
    );
    expect(() =>
      mlpFromDenseLayers(toDenseLayers(createMlp({sizes: [2, 1], activation: "tanh"})), {
        loss: "binaryCrossEntropy"
      })
    ).toThrow(/sigmoid output/);
    expect(activations.sigmoid).toBe(mlp.outputActivation);
  });
});
