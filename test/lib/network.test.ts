import {describe, expect, it} from "vitest";
import {
  activationIds,
  activations,
  makeLeakyRelu,
  createRandom,
  forward,
  gaussian,
  networkLoss,
  sgdStep,
  validateNetwork
} from "../../lib/index.js";
import type {Activation, ActivationId, DenseLayer} from "../../lib/index.js";
import {expectClose} from "./helpers.js";

/**
 * A 2-2-1 sigmoid network, input x = (1, −2), target 1, learning rate 0.5.
 * Every number below was computed independently with 30-digit arithmetic (mpmath), from
 * the formulas in the comments; σ′(z) = σ(z)(1 − σ(z)).
 */
function workedNet(): DenseLayer[] {
  return [
    {
      weights: [
        [0.5, -0.25],
        [0.1, 0.4]
      ],
      biases: [0.1, -0.2],
      activation: "sigmoid"
    },
    {weights: [[0.6, -0.3]], biases: [0.05], activation: "sigmoid"}
  ];
}

describe("worked example: a 2-2-1 sigmoid network", () => {
  const x = [1, -2];
  const target = [1];

  it("forward pass", () => {
    const {z, a} = forward(workedNet(), x);
    // hidden: z = W·x + b = (0.5·1 − 0.25·(−2) + 0.1, 0.1·1 + 0.4·(−2) − 0.2)
    expectClose(z[0][0], 1.1, 1e-15);
    expectClose(z[0][1], -0.9, 1e-15);
    expectClose(a[0][0], 0.7502601055951176, 1e-15); // σ(1.1)
    expectClose(a[0][1], 0.28905049737499604, 1e-15); // σ(−0.9)
    // output: z = 0.6·a₀ − 0.3·a₁ + 0.05
    expectClose(z[1][0], 0.41344091414457175, 1e-15);
    expectClose(a[1][0], 0.60191265781074201, 1e-15); // σ(0.41344…)
    expect(a.length).toBe(2); // one entry per layer; the input is not a[0]
  });

  it("loss, gradients and the updated weights", () => {
    const {net, loss, gradients} = sgdStep(workedNet(), x, target, 0.5);
    // loss = ½(1 − 0.60191…)²
    expectClose(loss, 0.079236766005653691, 1e-14);
    // output delta δ₂ = ∂L/∂z₂ = (y − t)·σ′(z₂) = (−0.39808734…)·0.23961381… = −0.09538722…
    expectClose(gradients.biases[1][0], -0.095387224845581731, 1e-14);
    // ∂L/∂W₂ = δ₂·a₁
    expectClose(gradients.weights[1][0][0], -0.071565229385071375, 1e-14);
    expectClose(gradients.weights[1][0][1], -0.027571724784835979, 1e-14);
    // hidden deltas δ₁ⱼ = W₂[0][j]·δ₂·σ′(z₁ⱼ), with σ′(1.1) = 0.18736987…, σ′(−0.9) = 0.20550030…
    expectClose(gradients.biases[0][0], -0.010723615697813347, 1e-14);
    expectClose(gradients.biases[0][1], 0.0058806312066877901, 1e-14);
    // ∂L/∂W₁[j][i] = δ₁ⱼ·xᵢ
    expectClose(gradients.weights[0][0][0], -0.010723615697813347, 1e-14);
    expectClose(gradients.weights[0][0][1], 0.021447231395626694, 1e-14);
    expectClose(gradients.weights[0][1][0], 0.0058806312066877901, 1e-14);
    expectClose(gradients.weights[0][1][1], -0.01176126241337558, 1e-14);
    // updated parameters: p − 0.5·∂L/∂p
    const expected: [number, number][] = [
      [net[0].weights[0][0], 0.50536180784890667],
      [net[0].weights[0][1], -0.26072361569781335],
      [net[0].weights[1][0], 0.097059684396656105],
      [net[0].weights[1][1], 0.40588063120668779],
      [net[0].biases[0], 0.10536180784890667],
      [net[0].biases[1], -0.2029403156033439],
      [net[1].weights[0][0], 0.63578261469253569],
      [net[1].weights[0][1], -0.28621413760758201],
      [net[1].biases[0], 0.097693612422790866]
    ];
    for (const [actual, value] of expected) expectClose(actual, value, 1e-14);
    expect(net.map((layer) => layer.activation)).toEqual(["sigmoid", "sigmoid"]);
    // the step helped
    expect(networkLoss(net, x, target)).toBeLessThan(loss);
  });
});

describe("Matt Mazur's published 2-2-2 example", () => {
  // "A Step by Step Backpropagation Example" (2015): inputs 0.05, 0.10; targets 0.01, 0.99;
  // learning rate 0.5. Published to 9 digits; he does not update biases, so only weights are compared.
  const net: DenseLayer[] = [
    {
      weights: [
        [0.15, 0.2],
        [0.25, 0.3]
      ],
      biases: [0.35, 0.35],
      activation: "sigmoid"
    },
    {
      weights: [
        [0.4, 0.45],
        [0.5, 0.55]
      ],
      biases: [0.6, 0.6],
      activation: "sigmoid"
    }
  ];

  it("matches every published number", () => {
    const {a} = forward(net, [0.05, 0.1]);
    expectClose(a[0][0], 0.593269992, 0, 1e-9);
    expectClose(a[0][1], 0.596884378, 0, 1e-9);
    expectClose(a[1][0], 0.75136507, 0, 1e-8);
    expectClose(a[1][1], 0.772928465, 0, 1e-9);
    const step = sgdStep(net, [0.05, 0.1], [0.01, 0.99], 0.5);
    expectClose(step.loss, 0.298371109, 0, 1e-9);
    const w = step.net.map((layer) => layer.weights.flat());
    [0.149780716, 0.19956143, 0.24975114, 0.29950229].forEach((v, k) => expectClose(w[0][k], v, 0, 1e-8));
    [0.35891648, 0.408666186, 0.51130127, 0.561370121].forEach((v, k) => expectClose(w[1][k], v, 0, 1e-8));
  });
});

/** A random network of the given sizes with N(0, 1) weights and biases, from a seeded PRNG. */
function randomNet(sizes: number[], activation: ActivationId, seed: number): DenseLayer[] {
  const normal = gaussian(createRandom(seed));
  return sizes.slice(1).map((units, l) => ({
    weights: Array.from({length: units}, () => Array.from({length: sizes[l]}, () => normal())),
    biases: Array.from({length: units}, () => normal()),
    activation
  }));
}

describe("analytic gradients equal numerical gradients of the loss", () => {
  const h = 1e-6;
  for (const id of activationIds) {
    it(id, () => {
      for (const [sizes, seed] of [
        [[3, 4, 2], 1],
        [[2, 3, 3, 1], 2],
        [[1, 5, 1], 3]
      ] as [number[], number][]) {
        const net = randomNet(sizes, id, seed);
        const normal = gaussian(createRandom(seed + 100));
        const input = Array.from({length: sizes[0]}, () => normal());
        const target = Array.from({length: sizes[sizes.length - 1]}, () => normal());
        const {gradients} = sgdStep(net, input, target, 0.1);
        // perturb each parameter in a copy; a central difference of the loss must agree
        const numeric = (mutate: (copy: DenseLayer[], delta: number) => void) => {
          const plus = structuredClone(net);
          const minus = structuredClone(net);
          mutate(plus, h);
          mutate(minus, -h);
          return (networkLoss(plus, input, target) - networkLoss(minus, input, target)) / (2 * h);
        };
        net.forEach((layer, l) => {
          layer.weights.forEach((row, j) =>
            row.forEach((_, i) => {
              const analytic = gradients.weights[l][j][i];
              const estimate = numeric((copy, d) => (copy[l].weights[j][i] += d));
              expectClose(estimate, analytic, 1e-5, 1e-7, `${id} ${sizes} ∂L/∂w[${l}][${j}][${i}]`);
            })
          );
          layer.biases.forEach((_, j) => {
            const estimate = numeric((copy, d) => (copy[l].biases[j] += d));
            expectClose(estimate, gradients.biases[l][j], 1e-5, 1e-7, `${id} ${sizes} ∂L/∂b[${l}][${j}]`);
          });
        });
      }
    });
  }
});

describe("a layer given an activation record", () => {
  // Leaky ReLU with α = 0.2, one unit: z = 2x − 1; at x = −1, z = −3 < 0
  const leaky = makeLeakyRelu(0.2);
  const net = (): DenseLayer[] => [{weights: [[2]], biases: [-1], activation: leaky}];

  it("uses the record's f and df, its α included", () => {
    const {z, a} = forward(net(), [-1]);
    expect(z[0][0]).toBe(-3);
    expect(a[0][0]).toBe(leaky.f(-3)); // 0.2·(−3)
    // δ = (a − t)·f′(z) = (−0.6 − 1)·0.2; ∂L/∂w = δ·x
    const {gradients} = sgdStep(net(), [-1], [1], 0.1);
    expectClose(gradients.biases[0][0], (leaky.f(-3) - 1) * 0.2, 1e-15);
    expectClose(gradients.weights[0][0][0], -(leaky.f(-3) - 1) * 0.2, 1e-15);
  });

  it("gives the same steps as the registered id when the record is the registry's", () => {
    const byId = sgdStep([{...net()[0], activation: "leakyRelu"}], [-1], [1], 0.1);
    const byRecord = sgdStep([{...net()[0], activation: activations.leakyRelu}], [-1], [1], 0.1);
    expect(byRecord.gradients).toEqual(byId.gradients);
    expect(byRecord.loss).toBe(byId.loss);
  });
});

describe("sgdStep semantics", () => {
  it("never mutates its arguments, and shares no arrays with them", () => {
    const net = workedNet();
    const input = [1, -2];
    const target = [1];
    const before = structuredClone({net, input, target});
    const result = sgdStep(net, input, target, 0.5);
    expect({net, input, target}).toEqual(before);
    result.net[0].weights[0][0] = 99;
    result.net[1].biases[0] = 99;
    expect(net).toEqual(before.net);
  });

  it("updates every parameter by −learningRate × its gradient, all from one forward pass", () => {
    const net = randomNet([2, 3, 2], "tanh", 9);
    const {net: updated, gradients} = sgdStep(net, [0.3, -0.7], [0.5, -0.5], 0.25);
    net.forEach((layer, l) => {
      layer.weights.forEach((row, j) =>
        row.forEach((w, i) => expect(updated[l].weights[j][i]).toBe(w - 0.25 * gradients.weights[l][j][i]))
      );
      layer.biases.forEach((b, j) => expect(updated[l].biases[j]).toBe(b - 0.25 * gradients.biases[l][j]));
    });
    // the gradients do not depend on the learning rate (none is computed after an update)
    expect(sgdStep(net, [0.3, -0.7], [0.5, -0.5], 7).gradients).toEqual(gradients);
  });

  it("with learning rate 0 returns an equal copy", () => {
    const net = randomNet([2, 2, 1], "relu", 4);
    const {net: same} = sgdStep(net, [1, 1], [0], 0);
    expect(same).toEqual(net);
    expect(same).not.toBe(net);
  });

  it("reports the loss ½ Σ (target − output)² before the step", () => {
    const net = randomNet([2, 3], "linear", 5);
    const {a} = forward(net, [0.5, 2]);
    const target = [1, 2, 3];
    const expected = 0.5 * a[0].reduce((sum, y, k) => sum + (target[k] - y) ** 2, 0);
    expect(sgdStep(net, [0.5, 2], target, 0.1).loss).toBe(expected);
  });

  it("gradient shapes match the network", () => {
    const net = randomNet([4, 3, 2, 5], "gelu", 6);
    const {gradients} = sgdStep(net, [1, 2, 3, 4], [0, 0, 0, 0, 0], 0.1);
    expect(gradients.weights.map((w) => [w.length, w[0].length])).toEqual([
      [3, 4],
      [2, 3],
      [5, 2]
    ]);
    expect(gradients.biases.map((b) => b.length)).toEqual([3, 2, 5]);
  });
});

describe("input validation", () => {
  const good = () => workedNet();
  const cases: [string, () => unknown, RegExp][] = [
    ["empty net", () => forward([], [1]), /^net is empty: expected at least one layer$/],
    [
      "net not an array",
      () => forward({} as unknown as DenseLayer[], [1]),
      /^net must be an array of layers$/
    ],
    [
      "unknown activation",
      () => forward([{...good()[0], activation: "foo" as ActivationId}], [1, 2]),
      /^layer 0: unknown activation "foo"; expected one of sigmoid, tanh, /
    ],
    [
      "activation record without df",
      () => forward([{...good()[0], activation: {f: Math.tanh} as unknown as Activation}], [1, 2]),
      /^layer 0: activation must be an id or a record with f and df functions$/
    ],
    [
      "row of the wrong length",
      () => forward([...good(), {weights: [[1], [2, 3]], biases: [0, 0], activation: "relu"}], [1, 2]),
      /^layer 2: weights\[1\] has 2 entries, expected 1$/
    ],
    [
      "row length disagreeing with the previous layer",
      () =>
        forward(
          [
            {weights: [[1], [1], [1], [1]], biases: [0, 0, 0, 0], activation: "tanh"},
            {
              weights: [
                [1, 1, 1, 1],
                [1, 1, 1, 1],
                [1, 1, 1]
              ],
              biases: [0, 0, 0],
              activation: "tanh"
            }
          ],
          [1]
        ),
      /^layer 1: weights\[2\] has 3 entries, expected 4$/
    ],
    [
      "biases of the wrong length",
      () => forward([{weights: [[1, 2]], biases: [0, 0], activation: "tanh"}], [1, 2]),
      /^layer 0: biases has 2 entries, expected 1$/
    ],
    [
      "empty weights",
      () => forward([{weights: [], biases: [], activation: "tanh"}], []),
      /^layer 0: weights must be a non-empty array of rows, one per unit$/
    ],
    [
      "non-finite weight",
      () => forward([{weights: [[1, NaN]], biases: [0], activation: "tanh"}], [1, 2]),
      /^layer 0: weights\[0\]\[1\] is NaN, expected a finite number$/
    ],
    [
      "non-finite bias",
      () => forward([{weights: [[1, 2]], biases: [Infinity], activation: "tanh"}], [1, 2]),
      /^layer 0: biases\[0\] is Infinity, expected a finite number$/
    ],
    ["input of the wrong length", () => forward(good(), [1, 2, 3]), /^input has 3 entries, expected 2$/],
    [
      "non-finite input",
      () => forward(good(), [1, -Infinity]),
      /^input\[1\] is -Infinity, expected a finite number$/
    ],
    [
      "input not an array",
      () => forward(good(), "12" as unknown as number[]),
      /^input must be an array of numbers$/
    ],
    [
      "target of the wrong length",
      () => sgdStep(good(), [1, 2], [1, 2], 0.1),
      /^target has 2 entries, expected 1$/
    ],
    [
      "non-finite target",
      () => sgdStep(good(), [1, 2], [NaN], 0.1),
      /^target\[0\] is NaN, expected a finite number$/
    ],
    [
      "negative learning rate",
      () => sgdStep(good(), [1, 2], [1], -0.1),
      /^learningRate must be a finite number ≥ 0, got -0.1$/
    ],
    [
      "NaN learning rate",
      () => sgdStep(good(), [1, 2], [1], NaN),
      /^learningRate must be a finite number ≥ 0, got NaN$/
    ],
    [
      "infinite learning rate",
      () => sgdStep(good(), [1, 2], [1], Infinity),
      /^learningRate must be a finite number ≥ 0, got Infinity$/
    ],
    [
      "unknown activation in sgdStep",
      () => sgdStep([{...good()[0], activation: "Tanh" as ActivationId}], [1, 2], [1, 1], 0.1),
      /^layer 0: unknown activation "Tanh"/
    ],
    ["networkLoss target", () => networkLoss(good(), [1, 2], []), /^target has 0 entries, expected 1$/]
  ];
  for (const [name, run, message] of cases) {
    it(`throws for ${name}`, () => {
      expect(run).toThrow(Error);
      expect(run).toThrow(message);
    });
  }

  it("validateNetwork returns the input size", () => {
    expect(validateNetwork(workedNet())).toBe(2);
  });
});
