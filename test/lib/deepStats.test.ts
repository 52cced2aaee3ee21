// The deep random network's statistics held to theory. Bands come from the sampling noise of
// a finite network: with width n each layer multiplies the variance by fan-in × Var(w) ×
// E[f(z)²]/Var(z) times a random factor of relative spread about √(2/n) ≈ 0.125 for n = 128
// (the weights of one layer are one draw, so the batch does not average this away). Over 19
// layers the log of the last/first ratio therefore has a spread of about 0.125·√19 ≈ 0.55.
import {describe, expect, it} from "vitest";
import {
  activations,
  createDeepStatsRun,
  DEEP_LIMITS,
  deepStats,
  gaussianSecondMoment,
  initialisations,
  makeLeakyRelu,
  normalCdf
} from "../../lib/index.js";
import type {Activation, DeepStatsOptions, DeepStatsResult} from "../../lib/index.js";

const big = {depth: 20, width: 128, batch: 256} as const;
const logRatio = (a: number, b: number) => Math.abs(Math.log(a / b));

/** The worst per-layer disagreement of measured and predicted variance, forwards and backwards. */
function worstArithmetic(result: DeepStatsResult): {forward: number; backward: number} {
  let forward = 0;
  let backward = 0;
  for (const layer of result.layers) {
    forward = Math.max(forward, logRatio(layer.forward.measured, layer.forward.predicted));
    backward = Math.max(backward, logRatio(layer.backward!.measured, layer.backward!.predicted));
  }
  return {forward, backward};
}

describe("He initialisation with ReLU", () => {
  const result = deepStats({...big, initialisation: "he", activation: "relu", seed: 1});

  it("keeps the second moment of the activations steady across 20 layers", () => {
    // band [0.2, 5] ≈ e^±1.6, about 3 spreads of the finite-width random walk (see the top);
    // LeCun's 1/n on ReLU would give 2⁻¹⁹ ≈ 2e-6 and standard normal 64¹⁹: far outside
    const ratio = result.layers[19].post.secondMoment / result.layers[0].post.secondMoment;
    expect(ratio).toBeGreaterThan(0.2);
    expect(ratio).toBeLessThan(5);
    // and the gradient's second moment likewise from top to bottom
    const gradientRatio = result.layers[0].gradient!.secondMoment / result.layers[19].gradient!.secondMoment;
    expect(gradientRatio).toBeGreaterThan(0.2);
    expect(gradientRatio).toBeLessThan(5);
  });

  it("drifts neither up nor down on average over seeds", () => {
    // six seeds: the mean log ratio has spread ≈ 0.55/√6 ≈ 0.22; ±0.7 is 3 of those
    let sum = 0;
    for (let seed = 2; seed <= 7; seed++) {
      const {layers} = deepStats({...big, initialisation: "he", activation: "relu", seed});
      sum += Math.log(layers[19].post.secondMoment / layers[0].post.secondMoment);
    }
    expect(Math.abs(sum / 6)).toBeLessThan(0.7);
  });

  it("zeroes about half of every layer: the dead share of a symmetric input", () => {
    for (const layer of result.layers) {
      expect(layer.saturated.measure).toBe("zeroSlope");
      expect(layer.saturated.share).toBeGreaterThan(0.35);
      expect(layer.saturated.share).toBeLessThan(0.65);
      expect(layer.shareZeroSlope).toBe(layer.saturated.share);
    }
  });

  it("has the variance arithmetic of every layer hold: Var(z) = fan-in × Var(w) × E[a²]", () => {
    // per layer one random factor of spread ≈ 0.125: 0.5 is 4 spreads; backwards δ is smoother
    const worst = worstArithmetic(result);
    expect(worst.forward).toBeLessThan(0.5);
    expect(worst.backward).toBeLessThan(0.35);
    expect(result.gain).toBe(2);
    expect(result.layers[3].forward).toMatchObject({fanIn: 128, weightVariance: 2 / 128});
    expect(Math.abs(result.layers[3].forward.sampledWeightVariance / (2 / 128) - 1)).toBeLessThan(0.05);
  });

  it("LeCun's 1/n without the factor 2 halves the signal at every ReLU layer", () => {
    const {layers} = deepStats({...big, initialisation: "lecun", activation: "relu", seed: 1});
    const perLayer = Math.pow(layers[19].pre.variance / layers[0].pre.variance, 1 / 19);
    expect(perLayer).toBeGreaterThan(0.4);
    expect(perLayer).toBeLessThan(0.6);
  });
});

describe("standard normal weights with tanh", () => {
  const result = deepStats({...big, initialisation: "standard", activation: "tanh", seed: 1});

  it("saturates: most pre-activations lie beyond ±3 in every deep layer", () => {
    for (const layer of result.layers.slice(1)) {
      expect(layer.saturated.measure).toBe("beyond3");
      expect(layer.shareBeyond3).toBeGreaterThan(0.7);
      // z is close to N(0, Var z) with Var z ≈ n·E[tanh²] ≈ 118, so P(|z| > 3) = 2Φ(−3/√Var z) ≈ 0.78
      const theory = 2 * normalCdf(-3 / Math.sqrt(layer.pre.variance));
      expect(Math.abs(layer.shareBeyond3 - theory)).toBeLessThan(0.02);
    }
  });

  it("makes the gradient explode on the way down, though each unit's slope is tiny", () => {
    // backwards each layer multiplies E[δ²] by n·Var(w)·E[tanh′(z)²] = 128 × E[sech⁴(z)]; with
    // Var z ≈ 118 that is about 128 × (4/3)/√(2π·118) ≈ 6: large weights outweigh flat slopes
    const {layers} = result;
    expect(layers[0].gradient!.secondMoment / layers[19].gradient!.secondMoment).toBeGreaterThan(1e6);
    for (const layer of layers.slice(0, 19)) {
      expect(
        layer.backward!.fanOut! * layer.backward!.weightVariance! * layer.backward!.meanSquareSlope
      ).toBeGreaterThan(3);
    }
    expect(worstArithmetic(result).backward).toBeLessThan(0.35);
  });
});

describe("Xavier with tanh", () => {
  const result = deepStats({...big, initialisation: "xavier", activation: "tanh", seed: 1});

  it("follows the mean-field recursion Var(z_{l+1}) = n·Var(w)·E[tanh(z_l)²], with no geometric collapse", () => {
    // tanh shrinks what it passes a little (E[tanh(z)²] ≈ q − 2q² for small q), so the variance
    // falls slowly, like 1/(2l), not geometrically like the small scale's 0.0128 per layer
    let q = result.layers[0].pre.variance;
    for (const layer of result.layers.slice(1)) {
      q = result.gain * gaussianSecondMoment(Math.tanh, q);
      expect(logRatio(layer.pre.variance, q)).toBeLessThan(0.35);
    }
    // the per-layer factor tends to 1 (about 1 − 1/l); the small scale's is 0.0128
    for (let l = 10; l < 20; l++) {
      expect(result.layers[l].pre.variance / result.layers[l - 1].pre.variance).toBeGreaterThan(0.8);
    }
    expect(result.layers.every((layer) => layer.shareBeyond3 < 0.01)).toBe(true);
    const worst = worstArithmetic(result);
    expect(worst.forward).toBeLessThan(0.5);
    expect(worst.backward).toBeLessThan(0.35);
  });
});

describe("LeCun with SELU", () => {
  it("self-normalises: every layer's activations keep mean ≈ 0 and variance ≈ 1", () => {
    const {layers} = deepStats({...big, initialisation: "lecun", activation: "selu", seed: 1});
    // mean standard error per layer ≈ 0.125/√n·… is tiny; the finite-width drift is held by
    // SELU's attracting fixed point (0, 1): ±0.06 and [0.8, 1.2]
    for (const layer of layers) {
      expect(Math.abs(layer.post.mean)).toBeLessThan(0.06);
      expect(layer.post.variance).toBeGreaterThan(0.8);
      expect(layer.post.variance).toBeLessThan(1.2);
    }
  });
});

describe("the small constant scale N(0, 0.01²)", () => {
  it("with tanh, shrinks the forward spread geometrically by n × 10⁻⁴ per layer", () => {
    const result = deepStats({...big, initialisation: "small", activation: "tanh", seed: 1});
    const factor = 128 * 1e-4; // tanh is linear near 0, so E[tanh(z)²] ≈ Var(z)
    for (let l = 1; l < 20; l++) {
      const ratio = result.layers[l].pre.variance / result.layers[l - 1].pre.variance;
      expect(logRatio(ratio, factor)).toBeLessThan(0.5);
    }
    expect(result.layers[19].pre.variance).toBeLessThan(1e-30);
    expect(result.layers[0].gradient!.secondMoment).toBeLessThan(1e-30);
  });

  it("with sigmoid, pins z near 0 (σ(0) = ½ keeps E[a²] = ¼) while the gradient vanishes geometrically", () => {
    const {layers} = deepStats({...big, initialisation: "small", activation: "sigmoid", seed: 1});
    for (const layer of layers.slice(1))
      expect(logRatio(layer.pre.variance, 128 * 1e-4 * 0.25)).toBeLessThan(0.5);
    // backwards each layer multiplies E[δ²] by n·Var(w)·σ′(0)² = 0.0128/16
    for (let l = 0; l < 19; l++) {
      const ratio = layers[l].gradient!.secondMoment / layers[l + 1].gradient!.secondMoment;
      expect(logRatio(ratio, (128 * 1e-4) / 16)).toBeLessThan(0.5);
    }
  });
});

/** L = Σ g·a_depth computed afresh from layer l's pre-activations z, by naive loops. */
function lossFrom(
  l: number,
  z: Float64Array,
  act: Activation,
  weights: readonly Float64Array[],
  g: Float64Array,
  width: number,
  batch: number
): number {
  let a = z.map(act.f);
  for (let k = l + 1; k < weights.length; k++) {
    const next = new Float64Array(batch * width);
    for (let b = 0; b < batch; b++) {
      for (let i = 0; i < width; i++) {
        let s = 0;
        for (let j = 0; j < width; j++) s += weights[k][i * width + j] * a[b * width + j];
        next[b * width + i] = act.f(s);
      }
    }
    a = next;
  }
  return a.reduce((sum, v, i) => sum + v * g[i], 0);
}

describe("the backward pass", () => {
  it("gives δ = ∂L/∂z of every layer, as central differences of the loss confirm", () => {
    for (const activation of [activations.tanh, activations.softplus, activations.gelu, makeLeakyRelu(0.2)]) {
      const options: DeepStatsOptions = {
        depth: 3,
        width: 4,
        batch: 2,
        initialisation: "xavier",
        activation,
        seed: 5
      };
      const run = createDeepStatsRun(options);
      for (let s = 0; s < 3; s++) run.step();
      expect(run.inspect().delta).toBeNull();
      const {weights, pre, topGradient} = run.inspect();
      for (let l = 2; l >= 0; l--) {
        run.step();
        const delta = run.inspect().delta!;
        for (let i = 0; i < 8; i++) {
          const h = 1e-6;
          const plus = pre[l].slice();
          const minus = pre[l].slice();
          plus[i] += h;
          minus[i] -= h;
          const numeric =
            (lossFrom(l, plus, activation, weights, topGradient, 4, 2) -
              lossFrom(l, minus, activation, weights, topGradient, 4, 2)) /
            (2 * h);
          expect(Math.abs(delta[i] - numeric), `${activation.id} layer ${l + 1} entry ${i}`).toBeLessThan(
            1e-7 * Math.max(1, Math.abs(numeric))
          );
        }
      }
      expect(run.done).toBe(true);
    }
  });

  it("computes z_l = W_l a_{l−1} from the drawn weights", () => {
    const run = createDeepStatsRun({
      depth: 2,
      width: 3,
      batch: 2,
      initialisation: "he",
      activation: "relu",
      seed: 2
    });
    run.step();
    run.step();
    const {inputs, weights, pre} = run.inspect();
    const a1 = pre[0].map(activations.relu.f);
    for (let b = 0; b < 2; b++) {
      for (let i = 0; i < 3; i++) {
        let z0 = 0;
        let z1 = 0;
        for (let j = 0; j < 3; j++) {
          z0 += weights[0][i * 3 + j] * inputs[b * 3 + j];
          z1 += weights[1][i * 3 + j] * a1[b * 3 + j];
        }
        expect(pre[0][b * 3 + i]).toBeCloseTo(z0, 14);
        expect(pre[1][b * 3 + i]).toBeCloseTo(z1, 14);
      }
    }
  });
});

describe("runs", () => {
  it("are reproducible from the seed, step by step or at once", () => {
    const options: DeepStatsOptions = {
      depth: 4,
      width: 16,
      batch: 8,
      initialisation: "he",
      activation: "relu",
      seed: 3
    };
    const a = deepStats(options);
    expect(deepStats(options)).toEqual(a);
    expect(deepStats({...options, seed: 4}).layers[0].pre.mean).not.toBe(a.layers[0].pre.mean);
    const run = createDeepStatsRun(options);
    expect(run.totalSteps).toBe(8);
    for (let s = 0; s < 4; s++) expect(run.step()).toBe(false);
    const half = run.result();
    expect(half.layers.every((layer) => layer.gradient === null && layer.backward === null)).toBe(true);
    expect(half.layers.map((layer) => layer.pre)).toEqual(a.layers.map((layer) => layer.pre));
    while (!run.step());
    expect(run.result()).toEqual(a);
    expect(half.layers[0].gradient).toBeNull(); // an earlier result is not changed by later steps
    expect(run.step()).toBe(true);
    expect(run.stepsDone).toBe(8);
  });

  it("give the same numbers whatever ran before: the draws kept between runs change nothing", () => {
    const options: DeepStatsOptions = {depth: 6, width: 16, batch: 8, initialisation: "xavier", activation: "tanh", seed: 5};
    const weightsOf = (o: DeepStatsOptions) => {
      const run = createDeepStatsRun(o);
      while (!run.step());
      return {result: run.result(), weights: run.inspect().weights.map((w) => Array.from(w))};
    };
    const first = weightsOf(options); // new draws
    // kept draws: another activation, then a shallower and a deeper run, then the first again
    weightsOf({...options, activation: "relu", initialisation: "he"});
    const shallow = weightsOf({...options, depth: 3});
    const deep = weightsOf({...options, depth: 9});
    expect(shallow.weights).toEqual(first.weights.slice(0, 3));
    expect(deep.weights.slice(0, 6)).toEqual(first.weights);
    expect(weightsOf(options)).toEqual(first);
    // after other seeds and shapes have replaced the kept draws, the same numbers again
    weightsOf({...options, seed: 6});
    weightsOf({...options, width: 8});
    weightsOf({...options, distribution: "uniform"});
    expect(weightsOf(options)).toEqual(first);
    // a narrower run in the arrays of a wider one (their first numbers), and a wider one after
    const narrow = weightsOf({...options, width: 8, batch: 4});
    weightsOf({...options, width: 32, batch: 16});
    expect(weightsOf({...options, width: 8, batch: 4})).toEqual(narrow);
    expect(weightsOf(options)).toEqual(first);
    // a run given up half-way (as the page's worker gives one up for a newer request) leaves
    // the next runs their numbers, in the arrays it held or in new ones
    const abandoned = createDeepStatsRun({...options, activation: "relu"});
    for (let s = 0; s < 9; s++) abandoned.step();
    expect(weightsOf(options)).toEqual(first);
    expect(weightsOf(options)).toEqual(first);
    // a run deeper than any before it, with nothing kept, draws its layers in the same order
    weightsOf({...options, seed: 7});
    expect(weightsOf({...options, depth: 9}).weights).toEqual(deep.weights);
    // the weights are the scheme's draws from the seed's weight stream, as sampleWeights gives them
    const scale = Math.sqrt(initialisations.xavier.variance(16, 16));
    const again = createDeepStatsRun({...options, initialisation: "standard"});
    again.step();
    const standard = again.inspect().weights[0];
    expect(first.weights[0]).toEqual(Array.from(standard, (x) => scale * x));
  });

  it("draw uniform weights of the same variance when asked, and scale them", () => {
    const options: DeepStatsOptions = {...big, depth: 2, initialisation: "he", activation: "relu"};
    const uniform = deepStats({...options, distribution: "uniform"});
    expect(uniform.distribution).toBe("uniform");
    expect(Math.abs(uniform.layers[0].forward.sampledWeightVariance * 64 - 1)).toBeLessThan(0.05);
    const scaled = deepStats({...options, scale: 0.5});
    expect(scaled.gain).toBe(0.5);
    expect(Math.abs(scaled.layers[0].forward.sampledWeightVariance / (0.5 / 128) - 1)).toBeLessThan(0.05);
  });

  it("handle 50 layers of 128 units over 256 inputs", () => {
    const {layers} = deepStats({depth: 50, width: 128, batch: 256, initialisation: "he", activation: "relu"});
    expect(layers).toHaveLength(50);
    expect(layers.every((layer) => Number.isFinite(layer.gradient!.secondMoment))).toBe(true);
  });

  it("report overflow as infinite or NaN figures, not an exception", () => {
    // ten times standard normal weights multiply a linear network's variance by 12,800 per
    // layer: 12,800¹⁰⁰ ≈ 10⁴¹¹ is beyond the largest double, 1.8 × 10³⁰⁸
    const {layers} = deepStats({
      depth: 100,
      width: 128,
      batch: 4,
      initialisation: "standard",
      activation: "linear",
      scale: 10
    });
    const last = layers[99];
    expect(last.pre.secondMoment).toBe(Infinity);
    expect(layers[0].gradient!.secondMoment).toBe(Infinity);
    expect(layers.every((layer) => layer.pre.quantiles.every((q) => !Number.isNaN(q)))).toBe(true);
    expect(last.pre.count + last.pre.nanCount).toBe(512);
  });

  it("answer bad options with a clear error", () => {
    const ok: DeepStatsOptions = {depth: 2, width: 4, batch: 4, initialisation: "he", activation: "relu"};
    expect(() => deepStats({...ok, depth: 0})).toThrow(/^depth must be an integer from 1 to 100, got 0$/);
    expect(() => deepStats({...ok, depth: 2.5})).toThrow(/^depth must be an integer/);
    expect(() => deepStats({...ok, width: 1000})).toThrow(
      /^width must be an integer from 1 to 256, got 1000$/
    );
    expect(() => deepStats({...ok, batch: NaN})).toThrow(/^batch must be an integer from 1 to 512, got NaN$/);
    expect(() => deepStats({...ok, depth: 100, width: 256, batch: 512})).toThrow(
      /^depth × width × batch must be at most 4194304/
    );
    expect(() => deepStats({...ok, scale: NaN})).toThrow(
      /^scale must be a finite number in \(0, 100\], got NaN$/
    );
    expect(() => deepStats({...ok, scale: 0})).toThrow(/^scale must be/);
    expect(() => deepStats({...ok, seed: Infinity})).toThrow(/^seed must be a finite number, got Infinity$/);
    expect(() => deepStats({...ok, initialisation: "glorot" as "he"})).toThrow(
      /^unknown initialisation "glorot"/
    );
    expect(() => deepStats({...ok, activation: "relu6"})).toThrow(/relu6/);
    expect(() => deepStats({...ok, activation: {} as Activation})).toThrow(
      /^activation must be an activation id or a record with f and df$/
    );
    expect(() => deepStats({...ok, distribution: "cauchy" as "normal"})).toThrow(
      /^distribution must be "normal" or "uniform"/
    );
    expect(() => deepStats({...ok, bins: {min: 0, max: 0, count: 3}})).toThrow(
      /^histogram bins need finite min < max/
    );
    expect(() => deepStats(null as unknown as DeepStatsOptions)).toThrow(
      /^deepStats needs an options object$/
    );
    expect(DEEP_LIMITS.depth).toBeGreaterThanOrEqual(50);
    expect(DEEP_LIMITS.width).toBeGreaterThanOrEqual(128);
  });
});
