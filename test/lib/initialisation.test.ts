import {describe, expect, it} from "vitest";
import {
  activations,
  compileActivation,
  createRandom,
  gaussian,
  initialisationFor,
  makeElu,
  makeLeakyRelu,
  gaussianSecondMoment,
  getInitialisation,
  initialisationIds,
  initialisations,
  isInitialisationId,
  predictedVariance,
  sampleWeights,
  scaleDraws,
  standardDraws,
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

describe("standardDraws and scaleDraws", () => {
  it("are sampleWeights in two steps: the same numbers from the same seed", () => {
    for (const distribution of ["normal", "uniform"] as const) {
      for (const id of initialisationIds) {
        const scheme = initialisations[id];
        const draws = standardDraws(createRandom(4), 5 * 3, distribution);
        expect(scaleDraws(scheme, 5, 3, draws, distribution)).toEqual(
          sampleWeights(scheme, 5, 3, createRandom(4), distribution)
        );
      }
    }
  });

  it("draw N(0, 1) or U[0, 1), and scale them to the scheme's variance", () => {
    const normal = standardDraws(createRandom(8), 16_384);
    expectClose(variance(normal), 1, 0.05);
    const unit = standardDraws(createRandom(8), 16_384, "uniform");
    expect(unit.every((u) => u >= 0 && u < 1)).toBe(true);
    expectClose(variance(unit), 1 / 12, 0.05);
    const he = initialisations.he;
    const target = weightVariance(he, 128, 128);
    expectClose(variance(scaleDraws(he, 128, 128, normal)), target, 0.05);
    const limit = Math.sqrt(3 * target);
    const uniform = scaleDraws(he, 128, 128, unit, "uniform");
    expect(uniform.every((w) => w >= -limit && w < limit)).toBe(true);
    expectClose(variance(uniform), target, 0.05);
    // σ·x exactly: a draw of 0 stays 0, a draw of 1 becomes σ
    expect(Array.from(scaleDraws(he, 2, 1, Float64Array.of(0, 1)))).toEqual([0, Math.sqrt(he.variance(2, 1))]);
  });

  it("answer bad sizes and distributions with a clear error", () => {
    expect(() => standardDraws(createRandom(1), 4, "normal", new Float64Array(3))).toThrow(
      /^out must hold 4 draws, got 3$/
    );
    expect(() => standardDraws(createRandom(1), 4, "cauchy" as unknown as "normal")).toThrow(
      /^distribution must be "normal" or "uniform", got cauchy$/
    );
    const he = initialisations.he;
    expect(() => scaleDraws(he, 2, 2, new Float64Array(3))).toThrow(/^draws must hold 4 numbers, got 3$/);
    expect(() => scaleDraws(he, 2, 2, new Float64Array(4), "normal", new Float64Array(5))).toThrow(
      /^out must hold 4 weights, got 5$/
    );
    expect(() => scaleDraws(he, 0, 2, new Float64Array(0))).toThrow(/fan-in/);
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

/** E[f(Z)²] for Z ~ N(0, 1) by Monte Carlo (seeded), independent of gaussianSecondMoment. */
function sampledSecondMoment(f: (x: number) => number, samples = 200_000): number {
  const next = gaussian(createRandom(99));
  let sum = 0;
  for (let k = 0; k < samples; k++) sum += f(next()) ** 2;
  return sum / samples;
}

describe("initialisationFor", () => {
  it("gives He to the ReLU family, LeCun to SELU and Xavier to the symmetric slope-1 activations", () => {
    const expected: Record<string, string> = {
      relu: "he",
      leakyRelu: "he",
      elu: "he",
      gelu: "he",
      geluTanh: "he",
      swish: "he",
      mish: "he",
      softplus: "lecun",
      selu: "lecun",
      tanh: "xavier",
      linear: "xavier",
      sigmoid: "xavier"
    };
    for (const [id, scheme] of Object.entries(expected)) {
      const byId = initialisationFor(id as keyof typeof activations);
      expect(byId.id, id).toBe(scheme);
      expect(initialisationFor(activations[id as keyof typeof activations])).toEqual(byId);
      expect(isInitialisationId(byId.id)).toBe(true);
      // one sentence, ending in a full stop
      expect(byId.reason).toMatch(/^[A-Za-z][^]*\.$/);
      expect(byId.reason.slice(0, -1).replace("et al.", "et al")).not.toMatch(/\.\s/);
    }
    expect(Object.keys(expected).sort()).toEqual(Object.keys(activations).sort());
  });

  it("states ReLU's halving, which He's factor 2 undoes", () => {
    const {reason} = initialisationFor("relu");
    expect(reason).toContain("E[ReLU(z)²] = Var(z)/2");
    expect(reason).toContain("2/n_in");
    expectClose(sampledSecondMoment(activations.relu.f), 0.5, 0.01);
  });

  it("for a leaky ReLU uses He et al.'s rule 2/((1 + α²) n_in): He for a small slope, LeCun for a large one", () => {
    expect(initialisationFor("leakyRelu").reason).toContain("α = 0.01");
    expect(initialisationFor("leakyRelu").reason).toContain("within 0.01%");
    for (const alpha of [0, 0.01, 0.3, 0.5, 0.6, 0.8, 1]) {
      const leaky = makeLeakyRelu(alpha);
      // the rule's premise: E[f(z)²] = (1 + α²)/2 for unit-variance z
      expectClose(sampledSecondMoment(leaky.f), (1 + alpha * alpha) / 2, 0.01, 0, `α = ${alpha}`);
      const ideal = 2 / (1 + alpha * alpha);
      const choice = initialisationFor(leaky);
      expect(choice.id, `α = ${alpha}`).toBe(Math.abs(ideal - 2) < Math.abs(ideal - 1) ? "he" : "lecun");
      expect(choice.reason).toContain(`α = ${alpha}`);
    }
    expect(initialisationFor(makeLeakyRelu(0.8)).reason).toContain("1.2/n_in");
  });

  it("for ReLU-shaped activations picks the scheme nearest the variance-keeping 1/E[f(z)²], and says the figure", () => {
    for (const act of [
      activations.elu,
      activations.gelu,
      activations.swish,
      activations.mish,
      activations.softplus,
      makeElu(2),
      makeElu(0.5)
    ]) {
      const gain = sampledSecondMoment(act.f);
      const choice = initialisationFor(act);
      const label = `${act.label} ${act.parameter?.value ?? ""}`;
      // clear of the boundary (1/gain = 1.5; ELU's is 1.55), so the sampled moment decides the same way
      expect(Math.abs(1 / gain - 1.5), label).toBeGreaterThan(0.02);
      expect(choice.id, label).toBe(1 / gain > 1.5 ? "he" : "lecun");
      // the figure stated, to its two significant figures
      const stated = Number(/E\[f\(z\)²\] = ([0-9.]+)/.exec(choice.reason)?.[1]);
      expectClose(stated, gain, 0.02, 0, label);
    }
  });

  it("says where Xavier is an exact fit and where only a default", () => {
    expect(initialisationFor("tanh").reason).toContain("slope 1");
    expect(initialisationFor("linear").reason).toContain("harmonic mean");
    expect(initialisationFor("sigmoid").reason).toContain("slope ¼");
    expect(initialisationFor("sigmoid").reason).toContain("default rather than an exact fit");
    const custom = initialisationFor(compileActivation("sin(x) + x"));
    expect(custom.id).toBe("xavier");
    expect(custom.reason).toContain("your formula");
    // SELU's slope at 0 and the identity's confirm the premises stated
    expect(activations.tanh.df(0)).toBe(1);
    expect(activations.sigmoid.df(0)).toBe(0.25);
    expect(activations.sigmoid.f(0)).toBe(0.5);
  });

  it("refuses what is not an activation", () => {
    expect(() => initialisationFor("nope" as "relu")).toThrow(/nope/);
    expect(() => initialisationFor(null as unknown as "relu")).toThrow(/activation id or record/);
    expect(() => initialisationFor({id: "x"} as unknown as "relu")).toThrow(/activation id or record/);
  });
});
