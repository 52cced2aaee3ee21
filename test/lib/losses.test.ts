import katex from "katex";
import {describe, expect, it} from "vitest";
import {
  activationIds,
  activations,
  createRandom,
  getLoss,
  gradcheck,
  isLossId,
  logistic,
  logisticDerivative,
  logSumExp,
  lossIds,
  lossReferences,
  losses,
  oneHot,
  outputDelta,
  PROBABILITY_EPSILON,
  softmax,
  softmaxTex,
  squaredErrorLoss
} from "../../lib/index.js";
import {expectClose, grid} from "./helpers.js";

const {squaredError: se, binaryCrossEntropy: bce, categoricalCrossEntropy: cce} = losses;
const random = createRandom(11);
const LN_EPSILON = Math.log(PROBABILITY_EPSILON);

function randomVector(length: number, from: number, to: number): number[] {
  return Array.from({length}, () => from + (to - from) * random());
}

/** ∂f/∂v_k by central differences. */
function numericGradient(f: (v: number[]) => number, v: number[]): number[] {
  return v.map((vk, k) => gradcheck((x) => f(v.map((u, j) => (j === k ? x : u))), vk));
}

describe("the loss registry", () => {
  it("holds squared error, binary and categorical cross-entropy, each paired with its output", () => {
    expect(lossIds).toEqual(["squaredError", "binaryCrossEntropy", "categoricalCrossEntropy"]);
    expect(lossIds.map((id) => losses[id].output)).toEqual(["linear", "sigmoid", "softmax"]);
    for (const id of lossIds) expect(getLoss(id).id).toBe(id);
    expect(se.unit).toBeDefined();
    expect(bce.unit).toBeDefined();
    expect(cce.unit).toBeUndefined();
  });

  it("getLoss names the known ids when given another", () => {
    expect(() => getLoss("hinge")).toThrow(
      /^unknown loss "hinge"; expected one of squaredError, binaryCrossEntropy, categoricalCrossEntropy$/
    );
    expect(isLossId("constructor")).toBe(false);
    expect(isLossId("squaredError")).toBe(true);
  });

  it("lossReferences names every TeX string <id>.<key>, softmax's as softmax.<key>", () => {
    const references = lossReferences();
    expect(references["binaryCrossEntropy.logitGradient"]).toBe(bce.tex.logitGradient);
    expect(references["softmax.jacobianMatrix"]).toBe(softmaxTex.jacobianMatrix);
    expect(Object.keys(references)).toHaveLength(3 * 6 + Object.keys(softmaxTex).length);
    for (const id of Object.keys(activations)) {
      expect(Object.keys(references).some((key) => key.startsWith(`${id}.`))).toBe(false);
    }
  });

  it("every TeX string typesets with KaTeX", () => {
    for (const [name, tex] of Object.entries(lossReferences())) {
      expect(() => katex.renderToString(tex, {throwOnError: true, strict: "error"}), name).not.toThrow();
    }
  });

  it("the TeX states the sum with ½, the paired gradients and the stable logit forms", () => {
    expect(se.tex.value).toContain("\\tfrac{1}{2} \\sum_k (t_k - y_k)^2");
    expect(se.tex.chain).toContain("(y_k - t_k)\\,f'(z_k)");
    expect(bce.tex.logitGradient).toContain("\\sigma(z_k) - t_k = y_k - t_k");
    expect(bce.tex.valueFromLogits).toContain("\\max(z_k, 0) - z_k t_k + \\ln\\bigl(1 + e^{-|z_k|}\\bigr)");
    expect(cce.tex.logitGradient).toContain("p_k - t_k");
    expect(cce.tex.valueFromLogits).toContain("\\operatorname{LSE}(z) - \\sum_k t_k z_k");
  });
});

describe("squared error", () => {
  it("is ½Σ(t − y)², a sum over outputs as in lib/network.ts", () => {
    for (let n = 1; n <= 4; n++) {
      const y = randomVector(n, -3, 3);
      const t = randomVector(n, -3, 3);
      expectClose(se.value(y, t), squaredErrorLoss(y, t), 1e-15);
      expectClose(
        se.value(y, t),
        y.reduce((s, v, k) => s + 0.5 * (t[k] - v) ** 2, 0),
        1e-15
      );
    }
    expect(se.value([3, 0], [1, 0])).toBe(2);
  });

  it("∂L/∂y = y − t, and from the logits of a linear output the same numbers", () => {
    const y = randomVector(3, -3, 3);
    const t = randomVector(3, -3, 3);
    const g = se.gradient(y, t);
    g.forEach((v, k) => expect(v).toBe(y[k] - t[k]));
    numericGradient((v) => se.value(v, t), y).forEach((n, k) => expectClose(g[k], n, 1e-8, 1e-10));
    expect(se.valueFromLogits(y, t)).toBe(se.value(y, t));
    expect(se.logitGradient(y, t)).toEqual(g);
  });

  it("±Infinity and NaN outputs", () => {
    expect(se.value([Infinity], [1])).toBe(Infinity);
    expect(se.gradient([-Infinity], [1])).toEqual([-Infinity]);
    expect(se.value([NaN, 0], [1, 0])).toBeNaN();
  });

  it("rejects mismatched lengths and targets that are not finite", () => {
    expect(() => se.value([1, 2], [1])).toThrow(/^target has 1 entries, expected 2$/);
    expect(() => se.value([1], [NaN])).toThrow(/^target\[0\] is NaN, expected a finite number$/);
    expect(() => se.gradient([1], [Infinity])).toThrow(/^target\[0\] is Infinity/);
    expect(() => se.value([], [])).toThrow(/^output is empty/);
    expect(() => se.valueFromLogits("1" as unknown as number[], [1])).toThrow(/^logits must be an array/);
  });
});

describe("binary cross-entropy", () => {
  const zs = grid(-15, 15, 61);
  const ts = [0, 0.1, 0.5, 0.9, 1];

  it("from a probability equals −[t ln y + (1 − t) ln(1 − y)]", () => {
    for (const y of [0.001, 0.2, 0.5, 0.73, 0.999])
      for (const t of ts) {
        expectClose(bce.value([y], [t]), -(t * Math.log(y) + (1 - t) * Math.log(1 - y)), 1e-14, 1e-16);
      }
  });

  it("from the logit agrees with the value at y = σ(z), and is exact in the tails", () => {
    for (const z of zs)
      for (const t of ts) {
        expectClose(
          bce.valueFromLogits([z], [t]),
          bce.value([logistic(z)], [t]),
          1e-9,
          1e-12,
          `z = ${z}, t = ${t}`
        );
      }
    // t = 1, z = 40: ln(1 + e^−40) ≈ e^−40, where σ(40) rounds to 1 and ln 1 = 0
    expectClose(bce.valueFromLogits([40], [1]), Math.exp(-40), 1e-15);
    expect(bce.value([logistic(40)], [1])).toBe(0);
  });

  it("∂L/∂z = σ(z) − t: central differences, and full precision where σ(z) − 1 would round to 0", () => {
    for (const z of zs)
      for (const t of ts) {
        const g = bce.unit!.logitGradient(z, t);
        expectClose(g, logistic(z) - t, 1e-12, 1e-15);
        expectClose(
          g,
          gradcheck((v) => bce.unit!.valueFromLogit(v, t), z),
          1e-7,
          1e-9
        );
      }
    expectClose(bce.logitGradient([40], [1])[0], -logistic(-40), 1e-15);
    expect(logistic(40) - 1).toBe(0);
  });

  it("∂L/∂y = (y − t)/(y(1 − y)) by central differences", () => {
    for (const y of [0.01, 0.2, 0.5, 0.8, 0.99])
      for (const t of ts) {
        const g = bce.gradient([y], [t])[0];
        expectClose(g, (y - t) / (y * (1 - y)), 1e-12, 1e-14);
        expectClose(
          g,
          gradcheck((v) => bce.unit!.value(v, t), y, {h: 1e-7}),
          1e-6,
          1e-8
        );
      }
  });

  it("a probability of exactly 0 or 1: finite, −ln ε when wrong, exactly 0 when right", () => {
    expect(bce.value([0], [1])).toBe(-LN_EPSILON);
    expect(bce.value([1], [0])).toBe(-LN_EPSILON);
    expect(bce.value([1], [1])).toBe(0);
    expect(bce.value([0], [0])).toBe(0);
    expectClose(bce.value([0], [0.25]), -0.25 * LN_EPSILON, 1e-15);
    expectClose(-LN_EPSILON, 16.11809565095832, 1e-15);
    expect(bce.gradient([0], [1])).toEqual([-1 / PROBABILITY_EPSILON]);
    expect(bce.gradient([1], [0])).toEqual([1 / PROBABILITY_EPSILON]);
    expect(bce.gradient([1], [1])).toEqual([-1]); // −t/y at y = 1
    expect(bce.gradient([0], [0])).toEqual([1]); // (1 − t)/(1 − y) at y = 0
  });

  it("keeps ln(1 − y) for tiny y: y = 1e-20, t = 0 costs 1e-20", () => {
    expectClose(bce.value([1e-20], [0]), 1e-20, 1e-15);
  });

  it("logits of ±1000 and ±Infinity give the limits", () => {
    expect(bce.valueFromLogits([1000], [1])).toBe(0);
    expect(bce.valueFromLogits([1000], [0])).toBe(1000);
    expect(bce.valueFromLogits([-1000], [1])).toBe(1000);
    expect(bce.valueFromLogits([-1000], [0])).toBe(0);
    expectClose(bce.valueFromLogits([1000], [0.3]), 700, 1e-15);
    expect(bce.logitGradient([1000, -1000, 1000, -1000], [1, 0, 0, 1])).toEqual([0, 0, 1, -1]);
    expect(bce.valueFromLogits([Infinity, -Infinity], [1, 0])).toBe(0);
    expect(bce.valueFromLogits([Infinity], [0.5])).toBe(Infinity);
    expect(bce.valueFromLogits([-Infinity], [0.5])).toBe(Infinity);
    expect(bce.logitGradient([Infinity, -Infinity], [0.25, 0.25])).toEqual([0.75, -0.25]);
  });

  it("sums over units, NaN in gives NaN out", () => {
    expectClose(
      bce.valueFromLogits([2, -1], [1, 0]),
      bce.valueFromLogits([2], [1]) + bce.valueFromLogits([-1], [0]),
      1e-15
    );
    expect(bce.value([NaN], [1])).toBeNaN();
    expect(bce.gradient([NaN], [1])).toEqual([NaN]);
    expect(bce.valueFromLogits([NaN], [0])).toBeNaN();
    expect(bce.logitGradient([NaN], [0])).toEqual([NaN]);
  });

  it("rejects outputs that are not probabilities and targets outside [0, 1]", () => {
    expect(() => bce.value([1.5], [1])).toThrow(/^output\[0\] is 1\.5, expected a probability in \[0, 1\]$/);
    expect(() => bce.value([-0.1], [1])).toThrow(/^output\[0\] is -0\.1/);
    expect(() => bce.value([0.5], [2])).toThrow(/^target\[0\] is 2, expected a probability in \[0, 1\]$/);
    expect(() => bce.valueFromLogits([0.5], [NaN])).toThrow(/^target\[0\] is NaN/);
    expect(() => bce.logitGradient([0.5, 1], [1])).toThrow(/^target has 1 entries, expected 2$/);
  });
});

describe("categorical cross-entropy", () => {
  it("from the logits equals LSE(z) − Σ t z and −Σ t ln softmax(z)", () => {
    for (let trial = 0; trial < 100; trial++) {
      const n = 2 + (trial % 4);
      const z = randomVector(n, -8, 8);
      const raw = randomVector(n, 0, 1);
      const t = raw.map((v) => v / raw.reduce((a, b) => a + b, 0));
      const expected = logSumExp(z) - z.reduce((s, v, k) => s + t[k] * v, 0);
      expectClose(cce.valueFromLogits(z, t), expected, 1e-12, 1e-14);
      expectClose(cce.value(softmax(z), t), expected, 1e-12, 1e-14);
    }
  });

  it("for a one-hot target is −ln p of the true class", () => {
    const z = [1, 3, -2];
    expectClose(cce.valueFromLogits(z, oneHot(0, 3)), -Math.log(softmax(z)[0]), 1e-15);
    expectClose(cce.value([0.2, 0.5, 0.3], oneHot(1, 3)), Math.LN2, 1e-15);
  });

  it("gradients: ∂L/∂p = −t/p and ∂L/∂z = p − t, both by central differences", () => {
    const p = [0.2, 0.5, 0.3];
    const t = [0.1, 0.6, 0.3];
    const gp = cce.gradient(p, t);
    gp.forEach((v, k) => expect(v).toBe(-t[k] / p[k]));
    numericGradient((v) => cce.value(v, t), p).forEach((n, k) => expectClose(gp[k], n, 1e-7, 1e-9));
    const z = [0.3, -1.2, 2];
    const gz = cce.logitGradient(z, t);
    numericGradient((v) => cce.valueFromLogits(v, t), z).forEach((n, k) => expectClose(gz[k], n, 1e-7, 1e-9));
  });

  it("a logit of 1000 still works: the loss is the gap to the largest logit", () => {
    expect(cce.valueFromLogits([1000, 0], [0, 1])).toBe(1000);
    expect(cce.valueFromLogits([1000, 0], [1, 0])).toBe(0);
    expectClose(cce.valueFromLogits([1000, 1000], [1, 0]), Math.LN2, 1e-15);
    expectClose(cce.valueFromLogits([-1000, -1000, -1000], oneHot(2, 3)), Math.log(3), 1e-15);
    expect(cce.logitGradient([1000, 0], [0, 1])).toEqual([1, -1]);
  });

  it("probabilities of exactly 0 and 1, and ±Infinity logits", () => {
    expect(cce.value([1, 0], [1, 0])).toBe(0);
    expect(cce.value([0, 1], [1, 0])).toBe(-LN_EPSILON);
    expect(cce.gradient([0, 1], [1, 0])).toEqual([-1 / PROBABILITY_EPSILON, -0]);
    expect(cce.valueFromLogits([-Infinity, 0], [1, 0])).toBe(Infinity);
    expect(cce.valueFromLogits([-Infinity, 0], [0, 1])).toBe(0);
    expect(cce.valueFromLogits([Infinity, 0], [1, 0])).toBe(0);
    expect(cce.valueFromLogits([NaN, 0], [0, 1])).toBeNaN();
    expect(cce.value([NaN, 0.5], [0, 1])).toBeNaN();
  });

  it("rejects targets that are not distributions and outputs that are not probabilities", () => {
    expect(() => cce.valueFromLogits([1, 2], [1, 1])).toThrow(/^target sums to 2, expected 1/);
    expect(() => cce.value([0.5, 0.5], [1])).toThrow(/^target has 1 entries, expected 2$/);
    expect(() => cce.value([1.5, -0.5], [1, 0])).toThrow(/^output\[0\] is 1\.5, expected a probability/);
    expect(() => cce.valueFromLogits([], [])).toThrow(/^logits is empty/);
  });
});

describe("outputDelta, ∂L/∂z of one output unit", () => {
  const ts = [0, 0.3, 1];

  it("sigmoid with squared error: (y − t)·σ′(z), which fades where the sigmoid saturates", () => {
    for (const z of grid(-6, 6, 25))
      for (const t of ts) {
        const d = outputDelta("sigmoid", "squaredError", z, t);
        expect(d).toBe((logistic(z) - t) * logisticDerivative(z));
        expectClose(
          d,
          gradcheck((v) => se.unit!.value(logistic(v), t), z),
          1e-7,
          1e-10
        );
      }
    expect(Math.abs(outputDelta("sigmoid", "squaredError", -20, 1))).toBeLessThan(3e-9);
  });

  it("sigmoid with binary cross-entropy: y − t, so a confidently wrong unit still learns", () => {
    for (const z of grid(-6, 6, 25))
      for (const t of ts) {
        const d = outputDelta("sigmoid", "binaryCrossEntropy", z, t);
        expectClose(d, logistic(z) - t, 1e-12, 1e-16);
        expectClose(
          d,
          gradcheck((v) => bce.unit!.value(logistic(v), t), z),
          1e-6,
          1e-9
        );
      }
    expectClose(outputDelta("sigmoid", "binaryCrossEntropy", -20, 1), -1, 1e-8);
    expectClose(outputDelta("sigmoid", "binaryCrossEntropy", 40, 1), -logistic(-40), 1e-15);
  });

  it("linear with squared error: y − t", () => {
    for (const z of [-3, -0.5, 0, 2.25])
      for (const t of ts) expect(outputDelta("linear", "squaredError", z, t)).toBe(z - t);
  });

  it("squared error with every activation of lib/ matches central differences", () => {
    const zs = [-2.3, -0.7, 0.4, 1.9];
    for (const id of activationIds)
      for (const z of zs)
        for (const t of [-0.5, 0.5]) {
          const act = activations[id];
          const numeric = gradcheck((v) => 0.5 * (t - act.f(v)) ** 2, z);
          expectClose(outputDelta(id, "squaredError", z, t), numeric, 1e-7, 1e-9, `${id} at ${z}`);
          expect(outputDelta(act, se, z, t)).toBe(outputDelta(id, "squaredError", z, t));
        }
  });

  it("names what cannot be paired and rejects bad targets", () => {
    expect(() => outputDelta("tanh", "binaryCrossEntropy", 0, 1)).toThrow(
      /^binary cross-entropy needs outputs in \[0, 1\]: pair it with a sigmoid output, not Tanh$/
    );
    expect(() => outputDelta("linear", "categoricalCrossEntropy", 0, 1)).toThrow(
      /^Categorical cross-entropy couples the outputs through softmax/
    );
    expect(() => outputDelta("nope" as "linear", "squaredError", 0, 1)).toThrow(/unknown activation "nope"/);
    expect(() => outputDelta("sigmoid", "hinge" as "squaredError", 0, 1)).toThrow(/unknown loss "hinge"/);
    expect(() => outputDelta("sigmoid", "binaryCrossEntropy", 0, 1.2)).toThrow(
      /^target is 1\.2, expected a probability in \[0, 1\]$/
    );
    expect(() => outputDelta("sigmoid", "squaredError", 0, NaN)).toThrow(
      /^target is NaN, expected a finite number$/
    );
    expect(outputDelta("sigmoid", "binaryCrossEntropy", NaN, 1)).toBeNaN();
  });
});
