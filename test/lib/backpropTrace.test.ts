import {describe, expect, it} from "vitest";
import {
  activationIds,
  backpropStep,
  classicExample,
  createRandom,
  forward,
  getLoss,
  gradcheck,
  matVec,
  sgdStep,
  traceBackprop
} from "../../lib/index.js";
import type {ActivationId, DenseLayer, LossId} from "../../lib/index.js";
import {expectClose} from "./helpers.js";

/** A network with weights drawn uniformly from [−1.5, 1.5], sizes[0] inputs. */
function randomNet(sizes: number[], activations: ActivationId[], seed: number): DenseLayer[] {
  const random = createRandom(seed);
  const draw = () => random() * 3 - 1.5;
  return activations.map((activation, l) => ({
    weights: Array.from({length: sizes[l + 1]}, () => Array.from({length: sizes[l]}, draw)),
    biases: Array.from({length: sizes[l + 1]}, draw),
    activation
  }));
}

/** The loss of the network computed independently of the trace: forward, then the loss record. */
function lossOf(net: DenseLayer[], input: number[], target: number[], loss: LossId): number {
  const {z, a} = forward(net, input);
  const rule = getLoss(loss);
  const last = net.length - 1;
  return loss === "squaredError" ? rule.value(a[last], target) : rule.valueFromLogits(z[last], target);
}

/** Every ∂L/∂w and ∂L/∂b by central differences of lossOf. */
function numericGradients(net: DenseLayer[], input: number[], target: number[], loss: LossId) {
  const at = (l: number, set: (copy: DenseLayer[], v: number) => void) => (v: number) => {
    const copy = structuredClone(net);
    set(copy, v);
    return lossOf(copy, input, target, loss);
  };
  return net.map((layer, l) => ({
    weights: layer.weights.map((row, j) =>
      row.map((w, i) =>
        gradcheck(
          at(l, (c, v) => (c[l].weights[j][i] = v)),
          w
        )
      )
    ),
    biases: layer.biases.map((b, j) =>
      gradcheck(
        at(l, (c, v) => (c[l].biases[j] = v)),
        b
      )
    )
  }));
}

function expectGradientsMatch(
  net: DenseLayer[],
  input: number[],
  target: number[],
  loss: LossId,
  label: string
) {
  const trace = traceBackprop(net, input, target, loss);
  const numeric = numericGradients(net, input, target, loss);
  trace.layers.forEach((layer, l) => {
    layer.weightGradients.forEach((row, j) =>
      row.forEach((g, i) =>
        expectClose(g, numeric[l].weights[j][i], 1e-6, 1e-8, `${label}: ∂L/∂W${l}[${j}][${i}]`)
      )
    );
    layer.biasGradients.forEach((g, j) =>
      expectClose(g, numeric[l].biases[j], 1e-6, 1e-8, `${label}: ∂L/∂b${l}[${j}]`)
    );
  });
}

describe("classicExample: Mazur's published 2-2-2 walk-through", () => {
  const example = classicExample();
  const {net, input, target, learningRate, loss, updateBiases} = example;
  const trace = traceBackprop(net, input, target, loss);
  const [hidden, output] = trace.layers;
  const step = backpropStep(net, input, target, learningRate, {loss, updateBiases});
  /** The updated weight with the example's name, e.g. "w5". */
  const updated = (name: string): number => {
    for (let l = 0; l < 2; l++)
      for (let j = 0; j < 2; j++)
        for (let i = 0; i < 2; i++)
          if (example.weightNames[l][j][i] === name) return step.net[l].weights[j][i];
    throw new Error(`no weight ${name}`);
  };

  it("names w1…w8 by the connection each one makes", () => {
    // weights[j][i] links input i to unit j: w1 i1→h1, w2 i2→h1, w3 i1→h2, w4 i2→h2, w5 h1→o1, …
    expect(example.weightNames).toEqual([
      [
        ["w1", "w2"],
        ["w3", "w4"]
      ],
      [
        ["w5", "w6"],
        ["w7", "w8"]
      ]
    ]);
    expect(example.net[0].weights).toEqual([
      [0.15, 0.2],
      [0.25, 0.3]
    ]);
    expect(example.net[1].weights).toEqual([
      [0.4, 0.45],
      [0.5, 0.55]
    ]);
    expect(example.biasNames).toEqual([
      ["b1", "b1"],
      ["b2", "b2"]
    ]);
    expect(example.sharedBiases).toEqual([0.35, 0.6]);
    expect(example.net.map((layer) => layer.biases)).toEqual([
      [0.35, 0.35],
      [0.6, 0.6]
    ]);
    expect(example.notes).toMatch(/each layer shares one bias/);
    expect(example.source).toMatch(/Mazur.*2015/);
  });

  it("forward pass: net and out of every unit, and the total error", () => {
    expectClose(hidden.z[0], 0.3775, 1e-15);
    expectClose(hidden.a[0], 0.593269992, 0, 5e-10);
    expectClose(hidden.a[1], 0.596884378, 0, 5e-10);
    expectClose(output.z[0], 1.105905967, 0, 5e-10);
    expectClose(output.a[0], 0.75136507, 0, 5e-9);
    expectClose(output.a[1], 0.772928465, 0, 5e-10);
    expectClose(trace.lossValue, 0.298371109, 0, 5e-10);
    expect(trace.output).toEqual(output.a);
  });

  it("backward pass: the published chain-rule factors", () => {
    expectClose(output.dLda[0], 0.74136507, 0, 5e-9); // ∂E/∂out_o1 = out_o1 − target_o1
    expectClose(output.fPrime[0], 0.186815602, 0, 5e-10); // out_o1(1 − out_o1)
    expectClose(output.delta[0], 0.138498562, 0, 5e-10);
    expectClose(output.weightGradients[0][0], 0.082167041, 0, 5e-10); // ∂E/∂w5
    // h1's two downstream paths, w5·δo1 and w7·δo2, and their sum
    expectClose(hidden.paths[0][0], 0.055399425, 0, 5e-10);
    // the article gets −0.019049119 from its rounded δo2 = −0.038098236; unrounded it is −0.0190491183
    expectClose(hidden.paths[0][1], -0.019049119, 0, 1e-9);
    expectClose(hidden.dLda[0], 0.036350306, 0, 5e-10);
    expectClose(hidden.fPrime[0], 0.241300709, 0, 5e-10);
    expectClose(hidden.weightGradients[0][0], 0.000438568, 0, 5e-10); // ∂E/∂w1
  });

  it("one step with learning rate 0.5 gives the published new weights; the biases stay", () => {
    const published: [string, number, number][] = [
      ["w1", 0.149780716, 5e-10],
      ["w2", 0.19956143, 5e-9],
      ["w3", 0.24975114, 5e-9],
      ["w4", 0.29950229, 5e-9],
      ["w5", 0.35891648, 5e-9],
      ["w6", 0.408666186, 5e-10],
      ["w7", 0.51130127, 5e-9],
      ["w8", 0.561370121, 5e-10]
    ];
    for (const [name, value, tolerance] of published) expectClose(updated(name), value, 0, tolerance, name);
    expect(step.net.map((layer) => layer.biases)).toEqual([
      [0.35, 0.35],
      [0.6, 0.6]
    ]);
  });

  it("updates the hidden weights with the ORIGINAL output weights", () => {
    // w1⁺ from δh1 = (w5·δo1 + w7·δo2)·σ′(net_h1) with w5 = 0.40, w7 = 0.50, not w5⁺, w7⁺
    const dh1 = (0.4 * output.delta[0] + 0.5 * output.delta[1]) * hidden.fPrime[0];
    expectClose(updated("w1"), 0.15 - 0.5 * dh1 * 0.05, 1e-15);
  });

  it("is a fresh copy on every call", () => {
    const a = classicExample();
    a.net[0].weights[0][0] = 99;
    a.input[0] = 99;
    expect(classicExample().net[0].weights[0][0]).toBe(0.15);
    expect(classicExample().input[0]).toBe(0.05);
  });
});

describe("traceBackprop", () => {
  it("every δ, ∂L/∂w and ∂L/∂b matches central differences, for every activation of lib/ in either layer", () => {
    activationIds.forEach((hiddenId, h) => {
      activationIds.forEach((outputId, o) => {
        const net = randomNet([2, 2, 2], [hiddenId, outputId], 100 + 20 * h + o);
        expectGradientsMatch(net, [0.7, -0.4], [0.3, -0.8], "squaredError", `${hiddenId} → ${outputId}`);
      });
    });
  });

  it("binary cross-entropy with a sigmoid output, and categorical cross-entropy with linear logits", () => {
    for (const hiddenId of activationIds) {
      const sig = randomNet([3, 4, 2], [hiddenId, "sigmoid"], 7);
      expectGradientsMatch(sig, [0.2, -1, 0.5], [1, 0.25], "binaryCrossEntropy", `BCE, ${hiddenId}`);
      const soft = randomNet([3, 4, 3], [hiddenId, "linear"], 8);
      expectGradientsMatch(soft, [0.2, -1, 0.5], [0, 1, 0], "categoricalCrossEntropy", `CCE, ${hiddenId}`);
    }
  });

  it("works through several hidden layers", () => {
    const net = randomNet([3, 4, 3, 2], ["tanh", "gelu", "sigmoid"], 9);
    expectGradientsMatch(net, [1, -0.5, 0.25], [0.9, 0.1], "squaredError", "3 layers");
    expectGradientsMatch(net, [1, -0.5, 0.25], [0.9, 0.1], "binaryCrossEntropy", "3 layers, BCE");
  });

  it("a hidden δ is the sum of its downstream paths w·δ times f′(z): (Wᵀδ) ⊙ f′(z)", () => {
    const net = randomNet([2, 3, 2], ["tanh", "sigmoid"], 10);
    const {layers} = traceBackprop(net, [0.5, -1], [1, 0]);
    const [hidden, output] = layers;
    const W = net[1].weights;
    hidden.paths.forEach((terms, j) => {
      expect(terms).toHaveLength(2);
      terms.forEach((term, k) => expect(term).toBe(W[k][j] * output.delta[k]));
      expect(hidden.dLda[j]).toBe(terms[0] + terms[1]);
      expect(hidden.delta[j]).toBe(hidden.dLda[j] * hidden.fPrime[j]);
    });
    const transposed = W[0].map((_, j) => W.map((row) => row[j]));
    matVec(transposed, output.delta).forEach((v, j) => expectClose(hidden.dLda[j], v, 1e-15));
    expect(output.paths).toEqual([]);
    expect(hidden.input).toEqual([0.5, -1]);
    expect(output.input).toEqual(hidden.a);
  });

  it("output δ: (y − t)·f′(z) under squared error, y − t under either cross-entropy", () => {
    const input = [0.4, 0.9];
    const se = traceBackprop(randomNet([2, 2, 2], ["relu", "sigmoid"], 11), input, [1, 0]);
    const out = se.layers[1];
    out.delta.forEach((d, k) => expect(d).toBe((out.a[k] - [1, 0][k]) * out.fPrime[k]));
    const bce = traceBackprop(
      randomNet([2, 2, 2], ["relu", "sigmoid"], 11),
      input,
      [1, 0],
      "binaryCrossEntropy"
    );
    bce.layers[1].delta.forEach((d, k) => expectClose(d, bce.output[k] - [1, 0][k], 1e-15, 1e-16));
    const cce = traceBackprop(
      randomNet([2, 2, 3], ["relu", "linear"], 11),
      input,
      [0, 0, 1],
      "categoricalCrossEntropy"
    );
    expectClose(
      cce.output.reduce((a, b) => a + b, 0),
      1,
      1e-15
    );
    cce.layers[1].delta.forEach((d, k) => expect(d).toBe(cce.output[k] - [0, 0, 1][k]));
  });

  it("a ReLU hidden unit with z < 0 passes nothing back", () => {
    const net: DenseLayer[] = [
      {
        weights: [
          [1, 1],
          [0.5, -0.25]
        ],
        biases: [-5, 0.1],
        activation: "relu"
      },
      {
        weights: [
          [0.8, -0.6],
          [0.3, 0.9]
        ],
        biases: [0, 0],
        activation: "sigmoid"
      }
    ];
    const {net: after, trace} = backpropStep(net, [1, 2], [1, 0], 0.5);
    const hidden = trace.layers[0];
    expect(hidden.z[0]).toBeLessThan(0);
    expect(hidden.fPrime[0]).toBe(0);
    expect(hidden.paths[0].some((term) => term !== 0)).toBe(true); // a gradient arrives…
    expect(hidden.delta[0] === 0).toBe(true); // …and stops here
    expect(hidden.weightGradients[0].every((g) => g === 0)).toBe(true);
    expect(after[0].weights[0]).toEqual([1, 1]);
    expect(after[0].biases[0]).toBe(-5);
    expect(hidden.delta[1]).not.toBe(0); // the other unit is active
    // a = 0 feeds nothing forward, so the weights out of the unit get no gradient either
    expect(trace.layers[1].weightGradients.every((row) => row[0] === 0)).toBe(true);
  });

  it("keeps logits of ±1000 finite under cross-entropy", () => {
    const net: DenseLayer[] = [
      {
        weights: [
          [1000, 0],
          [0, -1000],
          [0, 0]
        ],
        biases: [0, 0, 0],
        activation: "linear"
      }
    ];
    const cce = traceBackprop(net, [1, 1], [0, 0, 1], "categoricalCrossEntropy");
    expect(cce.lossValue).toBe(1000);
    expect(cce.layers[0].delta).toEqual([1, 0, -1]);
    const sig = traceBackprop(
      [{...net[0], activation: "sigmoid"}],
      [1, 1],
      [0, 1, 0.5],
      "binaryCrossEntropy"
    );
    expectClose(sig.lossValue, 1000 + 1000 + Math.LN2, 1e-15);
    expect(sig.layers[0].delta).toEqual([1, -1, 0]);
  });

  it("does not touch its arguments", () => {
    const net = randomNet([2, 2, 2], ["tanh", "sigmoid"], 12);
    const copy = structuredClone(net);
    const input = [0.1, 0.2];
    const target = [0, 1];
    const trace = traceBackprop(net, input, target);
    trace.input[0] = 9;
    trace.layers[0].input[0] = 9;
    trace.layers[1].a[0] = 9;
    backpropStep(net, input, target, 0.5);
    expect(net).toEqual(copy);
    expect(input).toEqual([0.1, 0.2]);
    expect(target).toEqual([0, 1]);
  });

  it("gives a clear error for bad input", () => {
    const net = randomNet([2, 2, 2], ["tanh", "sigmoid"], 13);
    expect(() => traceBackprop(net, [1], [0, 1])).toThrow(/^input has 1 entries, expected 2$/);
    expect(() => traceBackprop(net, [1, NaN], [0, 1])).toThrow(
      /^input\[1\] is NaN, expected a finite number$/
    );
    expect(() => traceBackprop(net, [1, 2], [0])).toThrow(/^target has 1 entries, expected 2$/);
    expect(() => traceBackprop(net, [1, 2], [0, NaN])).toThrow(
      /^target\[1\] is NaN, expected a finite number$/
    );
    expect(() => traceBackprop(net, [1, 2], [0, Infinity])).toThrow(/^target\[1\] is Infinity/);
    expect(() => traceBackprop(net, [1, 2], [0, 1.5], "binaryCrossEntropy")).toThrow(
      /^target\[1\] is 1\.5, expected a probability in \[0, 1\]$/
    );
    expect(() => traceBackprop(net, [1, 2], [0.5, 0.6], "categoricalCrossEntropy")).toThrow(
      /make its activation linear, not sigmoid/
    );
    const linear = randomNet([2, 2, 2], ["tanh", "linear"], 13);
    expect(() => traceBackprop(linear, [1, 2], [0.5, 0.6], "categoricalCrossEntropy")).toThrow(
      /^target sums to 1\.1/
    );
    expect(() => traceBackprop(linear, [1, 2], [0, 1], "binaryCrossEntropy")).toThrow(
      /^binary cross-entropy needs a sigmoid output layer, got linear$/
    );
    expect(() => traceBackprop(net, [1, 2], [0, 1], "hinge" as LossId)).toThrow(/^unknown loss "hinge"/);
    const broken = structuredClone(net);
    broken[1].weights[0] = [1];
    expect(() => traceBackprop(broken, [1, 2], [0, 1])).toThrow(
      /^layer 1: weights\[0\] has 1 entries, expected 2$/
    );
    expect(() => backpropStep(net, [1, 2], [0, 1], -0.1)).toThrow(
      /^learningRate must be a finite number ≥ 0/
    );
    expect(() => backpropStep(net, [1, 2], [0, 1], NaN)).toThrow(/^learningRate/);
    expect(() => backpropStep(net, [1, 2], [0, 1], 0.1, {updateBiases: "no" as unknown as boolean})).toThrow(
      /^updateBiases must be true or false, got no$/
    );
  });
});

describe("backpropStep", () => {
  it("under squared error with biases learning, equals sgdStep bit for bit", () => {
    activationIds.forEach((id, n) => {
      const net = randomNet([3, 4, 2], [id, activationIds[(n + 3) % activationIds.length]], 200 + n);
      const input = [0.3, -0.8, 1.1];
      const target = [0.2, -0.4];
      const ours = backpropStep(net, input, target, 0.3);
      const theirs = sgdStep(net, input, target, 0.3);
      expect(ours.net).toEqual(theirs.net);
      expect(ours.trace.layers.map((layer) => layer.weightGradients)).toEqual(theirs.gradients.weights);
      expect(ours.trace.layers.map((layer) => layer.biasGradients)).toEqual(theirs.gradients.biases);
      expectClose(ours.trace.lossValue, theirs.loss, 1e-15);
    });
  });

  it("with biases fixed, moves the weights exactly as when they learn", () => {
    const net = randomNet([2, 3, 2], ["swish", "sigmoid"], 14);
    const fixed = backpropStep(net, [1, -1], [0, 1], 0.5, {updateBiases: false});
    const learning = backpropStep(net, [1, -1], [0, 1], 0.5);
    expect(fixed.net.map((layer) => layer.weights)).toEqual(learning.net.map((layer) => layer.weights));
    expect(fixed.net.map((layer) => layer.biases)).toEqual(net.map((layer) => layer.biases));
    expect(learning.net[0].biases).not.toEqual(net[0].biases);
  });

  it("a small step down the gradient lowers the loss, under every loss", () => {
    const cases: [LossId, ActivationId, number[]][] = [
      ["squaredError", "linear", [0.5, -0.5]],
      ["binaryCrossEntropy", "sigmoid", [1, 0]],
      ["categoricalCrossEntropy", "linear", [0, 1]]
    ];
    for (const [loss, out, target] of cases) {
      const net = randomNet([2, 3, 2], ["tanh", out], 15);
      const {net: after, trace} = backpropStep(net, [0.6, -0.2], target, 0.01, {loss});
      expect(lossOf(after, [0.6, -0.2], target, loss), loss).toBeLessThan(trace.lossValue);
    }
  });
});
