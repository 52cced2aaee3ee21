import {describe, expect, it} from "vitest";
import {
  activations,
  createRandom,
  gaussianSecondMoment,
  getInitialisation,
  initialisationIds,
  initialisations,
  isInitialisationId,
  predictedVariance,
  sampleWeights,
  SELU_ALPHA,
  SELU_SCALE,
  SMALL_INIT_SD,
  weightVariance
} from "../../lib/index.js";
import {expectClose} from "./helpers.js";

/** The sample variance (population form) of the values. */
function variance(xs: Float64Array): number {
  let sum = 0;
  let squares = 0;
  for (const x of xs) {
    sum += x;
    squares += x * x;
  }
  return squares / xs.length - (sum / xs.length) ** 2;
}

describe("initialisation schemes", () => {
  it("state the rules of their papers", () => {
    expect(weightVariance(initialisations.standard, 128, 64)).toBe(1);
    expect(weightVariance(initialisations.small, 128, 64)).toBeCloseTo(1e-4, 18);
    expect(SMALL_INIT_SD).toBe(0.01);
    expect(weightVariance(initialisations.xavier, 128, 64)).toBe(2 / 192);
    expect(weightVariance(initialisations.he, 128, 64)).toBe(2 / 128);
    expect(weightVariance(initialisations.lecun, 128, 64)).toBe(1 / 128);
    // He is LeCun with the factor 2 that ReLU's halving asks for
    expect(weightVariance(initialisations.he, 37, 5) / weightVariance(initialisations.lecun, 37, 5)).toBe(2);
    // Xavier is the harmonic compromise of LeCun's fan-in rule and the same rule on fan-out
    expect(weightVariance(initialisations.xavier, 50, 50)).toBe(
      weightVariance(initialisations.lecun, 50, 50)
    );
  });

  it("are complete records, keyed by their ids, citing the papers", () => {
    expect(Object.keys(initialisations)).toEqual([...initialisationIds]);
    for (const id of initialisationIds) {
      const scheme = getInitialisation(id);
      expect(scheme.id).toBe(id);
      expect(scheme.name.length).toBeGreaterThan(2);
      expect(scheme.tex.length).toBeGreaterThan(5);
      expect(scheme.suits.length).toBeGreaterThan(20);
    }
    expect(initialisations.xavier.reference).toMatchObject({
      year: 2010,
      authors: expect.stringContaining("Glorot")
    });
    expect(initialisations.he.reference).toMatchObject({year: 2015, authors: expect.stringContaining("He")});
    expect(initialisations.lecun.reference).toMatchObject({year: 1998, title: "Efficient BackProp"});
    expect(isInitialisationId("he")).toBe(true);
    expect(isInitialisationId("kaiming")).toBe(false);
    expect(isInitialisationId(undefined)).toBe(false);
  });

  it("reject unknown ids and bad fans with a clear message", () => {
    expect(() => getInitialisation("kaiming")).toThrow(
      /^unknown initialisation "kaiming"; expected one of standard, small/
    );
    expect(() => weightVariance(initialisations.he, 0, 4)).toThrow(/^fan-in must be an integer ≥ 1, got 0$/);
    expect(() => weightVariance(initialisations.he, 4, NaN)).toThrow(
      /^fan-out must be an integer ≥ 1, got NaN$/
    );
    expect(() => weightVariance(initialisations.he, 2.5, 4)).toThrow(/fan-in/);
  });
});

describe("sampleWeights", () => {
  it("draws the scheme's variance, normal or uniform", () => {
    // 16,384 draws: the sample variance has relative sd √(2/n) ≈ 1.1 % (normal), less for uniform; 5 % is > 4 sd
    for (const id of initialisationIds) {
      const scheme = initialisations[id];
      const target = weightVariance(scheme, 128, 128);
      const normal = sampleWeights(scheme, 128, 128, createRandom(3));
      expectClose(variance(normal), target, 0.05, 0, `${id} normal`);
      const uniform = sampleWeights(scheme, 128, 128, createRandom(3), "uniform");
      expectClose(variance(uniform), target, 0.05, 0, `${id} uniform`);
      const limit = Math.sqrt(3 * target);
      expect(uniform.every((w) => w >= -limit && w < limit)).toBe(true);
      expect(Math.max(...uniform)).toBeGreaterThan(0.99 * limit);
    }
  });

  it("is reproducible from the seed and fills a given array", () => {
    const a = sampleWeights(initialisations.he, 8, 4, createRandom(9));
    const out = new Float64Array(32);
    expect(sampleWeights(initialisations.he, 8, 4, createRandom(9), "normal", out)).toBe(out);
    expect(out).toEqual(a);
    expect(sampleWeights(initialisations.he, 8, 4, createRandom(10))).not.toEqual(a);
    expect(() =>
      sampleWeights(initialisations.he, 8, 4, createRandom(1), "normal", new Float64Array(31))
    ).toThrow(/^out must hold 32 weights, got 31$/);
    expect(() =>
      sampleWeights(initialisations.he, 8, 4, createRandom(1), "cauchy" as unknown as "normal")
    ).toThrow(/^distribution must be "normal" or "uniform", got cauchy$/);
  });
});

describe("gaussianSecondMoment", () => {
  it("gives exact values where they are known", () => {
    for (const v of [1e-6, 0.3, 1, 2, 50]) {
      expectClose(gaussianSecondMoment(activations.linear.f, v), v, 1e-10, 0, `linear ${v}`);
      // ReLU zeroes half of a symmetric input: E[ReLU(Z)²] = Var(Z)/2, the origin of He's factor 2
      expectClose(gaussianSecondMoment(activations.relu.f, v), v / 2, 1e-10, 0, `relu ${v}`);
      // Leaky ReLU with slope a: (1 + a²)/2 · Var(Z)
      expectClose(
        gaussianSecondMoment(activations.leakyRelu.f, v),
        ((1 + 0.01 ** 2) / 2) * v,
        1e-10,
        0,
        `leaky ${v}`
      );
    }
    // SELU's constants are chosen so that a standard normal input keeps variance 1 and mean 0
    expectClose(gaussianSecondMoment(activations.selu.f, 1), 1, 1e-9);
    expect(SELU_SCALE * SELU_ALPHA).toBeGreaterThan(1.7);
    // variance 0: the input is exactly 0
    expect(gaussianSecondMoment(activations.sigmoid.f, 0)).toBe(0.25);
    expect(gaussianSecondMoment(Math.tanh, 0)).toBe(0);
  });

  it("follows tanh's small-variance expansion and its saturation", () => {
    // tanh(z)² = z² − (2/3) z⁴ + …, and E[Z⁴] = 3v², so E[tanh(Z)²] ≈ v − 2v²
    const v = 1e-3;
    expectClose(gaussianSecondMoment(Math.tanh, v), v - 2 * v * v, 1e-4);
    // huge variance: tanh(Z)² is 1 except on a band of width ~1 around 0, so the moment → 1
    expect(gaussianSecondMoment(Math.tanh, 1e4)).toBeGreaterThan(0.99);
    expect(gaussianSecondMoment(Math.tanh, 1e4)).toBeLessThan(1);
  });

  it("rejects a variance that is negative, NaN or infinite", () => {
    for (const bad of [-1, NaN, Infinity]) {
      expect(() => gaussianSecondMoment(Math.tanh, bad)).toThrow(
        /^variance must be a finite number ≥ 0, got /
      );
    }
  });

  it("predictedVariance is fan-in × Var(w) × E[a²]", () => {
    expect(predictedVariance(128, 2 / 128, 0.5)).toBe(1);
    expect(predictedVariance(100, 1e-4, 1)).toBeCloseTo(0.01, 15);
  });
});
