import {describe, expect, it} from "vitest";
import {
  checkDistribution,
  createRandom,
  crossEntropyGradient,
  gradcheck,
  logistic,
  logisticDerivative,
  logSoftmax,
  logSumExp,
  oneHot,
  softmax,
  softmaxJacobian
} from "../../lib/index.js";
import {expectClose} from "./helpers.js";

/** The textbook formula, exact enough for logits of moderate size. */
function naiveSoftmax(z: number[]): number[] {
  const e = z.map(Math.exp);
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

function randomLogits(count: number, scale: number, seed: number): number[][] {
  const random = createRandom(seed);
  return Array.from({length: count}, (_, i) =>
    Array.from({length: 1 + (i % 5)}, () => (random() * 2 - 1) * scale)
  );
}

describe("softmax", () => {
  it("agrees with e^z / Σe^z for moderate logits", () => {
    for (const z of randomLogits(200, 20, 1)) {
      const p = softmax(z);
      naiveSoftmax(z).forEach((expected, k) =>
        expectClose(p[k], expected, 1e-13, 1e-300, `softmax(${z})[${k}]`)
      );
    }
  });

  it("gives probabilities that sum to 1 and ignores a common shift of the logits", () => {
    for (const z of randomLogits(100, 30, 2)) {
      const p = softmax(z);
      expect(p.every((v) => v >= 0 && v <= 1)).toBe(true);
      expectClose(
        p.reduce((a, b) => a + b, 0),
        1,
        4e-16 * z.length
      );
      const shifted = softmax(z.map((v) => v + 1000));
      // z + 1000 is rounded to a multiple of 2^-43, so the shift itself moves each logit by up to 6e-14
      shifted.forEach((v, k) => expectClose(v, p[k], 1e-12, 1e-300));
    }
  });

  it("with two classes is the sigmoid of the difference of the logits, even at ±1000", () => {
    for (const [a, b] of [
      [1000, 999],
      [1000, 0],
      [-1000, -1001],
      [-1000, 1000],
      [3, -2],
      [0.5, 0.5]
    ]) {
      const p = softmax([a, b]);
      expectClose(p[0], logistic(a - b), 1e-15, 0, `softmax([${a}, ${b}])[0]`);
      expectClose(p[1], logistic(b - a), 1e-15, 0, `softmax([${a}, ${b}])[1]`);
    }
    expect(softmax([1000, 0])).toEqual([1, 0]);
    expect(softmax([1000, 1000, 1000])).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(softmax([-1000, -1000])).toEqual([0.5, 0.5]);
  });

  it("a single logit, whatever it is, has probability 1", () => {
    for (const z of [-1000, -0, 0, 7, 1e308]) expect(softmax([z])).toEqual([1]);
  });

  it("treats −0 as 0", () => {
    expect(softmax([-0, 0])).toEqual([0.5, 0.5]);
    expect(logSoftmax([-0, 0])).toEqual([-Math.LN2, -Math.LN2]);
  });

  it("±Infinity: −∞ gets 0, the +∞ entries share the probability, all −∞ is uniform", () => {
    expect(softmax([-Infinity, 0, 1])).toEqual([0, ...naiveSoftmax([0, 1])]);
    expect(softmax([Infinity, 1000, -Infinity])).toEqual([1, 0, 0]);
    expect(softmax([Infinity, 5, Infinity])).toEqual([0.5, 0, 0.5]);
    expect(softmax([-Infinity, -Infinity])).toEqual([0.5, 0.5]);
  });

  it("NaN in any logit makes every probability NaN", () => {
    expect(softmax([0, NaN, 1]).every(Number.isNaN)).toBe(true);
    expect(softmax([Infinity, NaN]).every(Number.isNaN)).toBe(true);
  });

  it("rejects what is not a non-empty array of numbers, naming it", () => {
    expect(() => softmax([])).toThrow(/^logits is empty: expected at least one entry$/);
    expect(() => softmax("1,2" as unknown as number[])).toThrow(/^logits must be an array of numbers$/);
    expect(() => softmax([1, "2" as unknown as number])).toThrow(/^logits\[1\] is 2, expected a number$/);
    expect(() => logSumExp(null as unknown as number[])).toThrow(/array of numbers/);
  });
});

describe("logSumExp", () => {
  it("agrees with ln Σ e^z for moderate logits", () => {
    for (const z of randomLogits(200, 20, 3)) {
      const expected = Math.log(z.map(Math.exp).reduce((a, b) => a + b, 0));
      expectClose(logSumExp(z), expected, 1e-14, 1e-15);
    }
  });

  it("does not overflow or underflow at ±1000", () => {
    expectClose(logSumExp([1000, 1000]), 1000 + Math.LN2, 1e-16);
    expectClose(logSumExp([-1000, -1000, -1000]), -1000 + Math.log(3), 1e-16);
    expect(logSumExp([1000, 0])).toBe(1000); // 1000 + ln(1 + e^−1000)
    expect(logSumExp([1000, -1000])).toBe(1000);
  });

  it("keeps a tiny second term: LSE(0, −40) = ln(1 + e^−40) ≈ e^−40", () => {
    const e = Math.exp(-40);
    expectClose(logSumExp([0, -40]), e - (e * e) / 2, 1e-15);
    expect(Math.log(1 + e)).toBe(0); // what the naive formula gives
  });

  it("is the largest logit plus ln(count) for ties, the max for a single logit", () => {
    expect(logSumExp([-0])).toBe(0);
    expect(logSumExp([5])).toBe(5);
    expectClose(logSumExp([2, 2, 2, 2]), 2 + Math.log(4), 1e-16);
  });

  it("±Infinity and NaN", () => {
    expect(logSumExp([Infinity, 0])).toBe(Infinity);
    expect(logSumExp([-Infinity, 0])).toBe(0);
    expect(logSumExp([-Infinity, -Infinity])).toBe(-Infinity);
    expect(logSumExp([Infinity, -Infinity])).toBe(Infinity);
    expect(logSumExp([NaN, Infinity])).toBeNaN();
  });
});

describe("logSoftmax", () => {
  it("is ln of softmax where that is representable, and z − LSE(z)", () => {
    for (const z of randomLogits(200, 20, 4)) {
      const logP = logSoftmax(z);
      const p = softmax(z);
      const lse = logSumExp(z);
      logP.forEach((v, k) => {
        expectClose(v, Math.log(p[k]), 1e-13, 1e-15);
        expectClose(v, z[k] - lse, 1e-13, 1e-13);
      });
    }
  });

  it("stays finite where softmax underflows to 0: logSoftmax([1000, 0]) = [0, −1000]", () => {
    expect(softmax([1000, 0])[1]).toBe(0);
    expect(logSoftmax([1000, 0])).toEqual([0, -1000]);
    expect(logSoftmax([-1000, 1000])).toEqual([-2000, 0]);
    const [a, b] = logSoftmax([0, -40]);
    expectClose(a, -Math.exp(-40), 1e-15); // −ln(1 + e^−40)
    expectClose(b, -40 - Math.exp(-40), 1e-16);
  });

  it("±Infinity and NaN", () => {
    expect(logSoftmax([Infinity, 1, Infinity])).toEqual([-Math.LN2, -Infinity, -Math.LN2]);
    expect(logSoftmax([-Infinity, 0])).toEqual([-Infinity, 0]);
    expect(logSoftmax([-Infinity, -Infinity])).toEqual([-Math.LN2, -Math.LN2]);
    expect(logSoftmax([NaN, 1]).every(Number.isNaN)).toBe(true);
  });
});

describe("softmaxJacobian", () => {
  it("matches central differences of softmax, entry by entry", () => {
    for (const z of randomLogits(60, 4, 5)) {
      const J = softmaxJacobian(z);
      for (let i = 0; i < z.length; i++) {
        for (let j = 0; j < z.length; j++) {
          const numeric = gradcheck((v) => softmax(z.map((zk, k) => (k === j ? v : zk)))[i], z[j]);
          expectClose(J[i][j], numeric, 1e-7, 1e-9, `J[${i}][${j}] at ${z}`);
        }
      }
    }
  });

  it("is diag(p) − ppᵀ: symmetric, with rows that sum to 0", () => {
    for (const z of randomLogits(60, 10, 6)) {
      const p = softmax(z);
      const J = softmaxJacobian(z);
      for (let i = 0; i < z.length; i++) {
        expectClose(
          J[i].reduce((a, b) => a + b, 0),
          0,
          0,
          4e-16
        );
        for (let j = 0; j < z.length; j++) {
          expect(J[i][j]).toBe(J[j][i]);
          // p − p² cancels when p is near 1, so the reference itself is good to about 1e-16 absolute
          expectClose(J[i][j], (i === j ? p[i] : 0) - p[i] * p[j], 1e-12, 1e-15);
        }
      }
    }
  });

  it("keeps the diagonal where p is near 1: J[0][0] at (40, 0) is σ′(40), not 0", () => {
    const J = softmaxJacobian([40, 0]);
    expectClose(J[0][0], logisticDerivative(40), 1e-15);
    expectClose(J[1][1], logisticDerivative(40), 1e-15);
    expectClose(J[0][1], -logisticDerivative(40), 1e-15);
    const p = softmax([40, 0])[0];
    expect(p * (1 - p)).toBe(0); // what p(1 − p) would give
  });

  it("at logits of ±1000 is all zeros, and NaN spreads", () => {
    expect(
      softmaxJacobian([1000, -1000])
        .flat()
        .every((v) => v === 0)
    ).toBe(true);
    expect(softmaxJacobian([1000, 1000])).toEqual([
      [0.25, -0.25],
      [-0.25, 0.25]
    ]);
    expect(softmaxJacobian([1, NaN]).flat().every(Number.isNaN)).toBe(true);
    expect(softmaxJacobian([3])).toEqual([[0]]);
  });
});

describe("crossEntropyGradient", () => {
  it("is p − t, and matches central differences of −Σ t ln softmax(z)", () => {
    const random = createRandom(7);
    for (const z of randomLogits(80, 5, 8)) {
      const raw = z.map(() => random());
      const t = raw.map((v) => v / raw.reduce((a, b) => a + b, 0));
      const g = crossEntropyGradient(z, t);
      const p = softmax(z);
      g.forEach((v, k) => expect(v).toBe(p[k] - t[k]));
      const loss = (logits: number[]) => -logSoftmax(logits).reduce((s, lp, k) => s + t[k] * lp, 0);
      for (let j = 0; j < z.length; j++) {
        const numeric = gradcheck((v) => loss(z.map((zk, k) => (k === j ? v : zk))), z[j]);
        expectClose(g[j], numeric, 1e-7, 1e-9);
      }
    }
  });

  it("for a one-hot target is p minus 1 at the true class, and sums to 0", () => {
    const z = [2, -1, 0.5];
    const g = crossEntropyGradient(z, oneHot(1, 3));
    const p = softmax(z);
    expect(g).toEqual([p[0], p[1] - 1, p[2]]);
    expectClose(
      g.reduce((a, b) => a + b, 0),
      0,
      0,
      1e-16
    );
  });

  it("stays in [−1, 1] at logits of ±1000", () => {
    expect(crossEntropyGradient([1000, 0], [0, 1])).toEqual([1, -1]);
    expect(crossEntropyGradient([1000, 0], [1, 0])).toEqual([0, 0]);
    expect(crossEntropyGradient([-1000, 1000, -1000], [0, 0, 1])).toEqual([0, 1, -1]);
  });

  it("rejects a target that is not a distribution of the right length", () => {
    expect(() => crossEntropyGradient([1, 2], [1])).toThrow(/^target has 1 entries, expected 2$/);
    expect(() => crossEntropyGradient([1, 2], [0.5, 0.6])).toThrow(/^target sums to 1\.1, expected 1/);
    expect(() => crossEntropyGradient([1, 2], [-0.5, 1.5])).toThrow(
      /^target\[0\] is -0\.5, expected a probability in \[0, 1\]$/
    );
    expect(() => crossEntropyGradient([1, 2], [NaN, 1])).toThrow(/^target\[0\] is NaN/);
  });
});

describe("oneHot and checkDistribution", () => {
  it("oneHot puts a 1 at the class and checks its arguments", () => {
    expect(oneHot(2, 4)).toEqual([0, 0, 1, 0]);
    expect(oneHot(0, 1)).toEqual([1]);
    expect(() => oneHot(4, 4)).toThrow(/^class index must be a whole number from 0 to 3, got 4$/);
    expect(() => oneHot(0.5, 4)).toThrow(/class index/);
    expect(() => oneHot(0, 0)).toThrow(/^length must be a whole number ≥ 1, got 0$/);
  });

  it("checkDistribution accepts soft targets that sum to 1 to within 1e-9", () => {
    expect(() => checkDistribution([0.1, 0.2, 0.7], 3)).not.toThrow();
    expect(() => checkDistribution([1 / 3, 1 / 3, 1 / 3], 3)).not.toThrow();
    expect(() => checkDistribution([0.5, 0.5 + 1e-6], 2)).toThrow(/sums to/);
    expect(() => checkDistribution("x", 2)).toThrow(/^target must be an array of numbers$/);
  });
});
