import {describe, expect, it} from "vitest";
import {createMlp, predict, trainEpoch} from "../../lib/index.js";
import {
  accuracy,
  circle,
  datasets,
  GAUSSIAN_BUMP_SD,
  GAUSSIAN_BUMPS,
  gaussians,
  gridInputs,
  multiGaussian,
  multiGaussianTarget,
  plane,
  problemDatasets,
  spiral,
  xor
} from "../../lib/datasets.js";
import type {Dataset} from "../../lib/datasets.js";

function rows(d: Dataset): [number, number, number][] {
  return Array.from({length: d.count}, (_, k) => [d.inputs[2 * k], d.inputs[2 * k + 1], d.targets[k]]);
}

describe("xor", () => {
  it("gives the four corners, +1 where the coordinates differ in sign", () => {
    const d = xor();
    expect(d.count).toBe(4);
    expect(d.inputs).toBeInstanceOf(Float64Array);
    expect(d.targets).toBeInstanceOf(Float64Array);
    expect(rows(d)).toEqual([
      [-1, -1, -1],
      [-1, 1, 1],
      [1, -1, 1],
      [1, 1, -1]
    ]);
  });

  it("repeats the corners with seeded noise when asked for more points", () => {
    const a = xor({count: 40, noise: 0.1, seed: 7});
    const b = xor({count: 40, noise: 0.1, seed: 7});
    const c = xor({count: 40, noise: 0.1, seed: 8});
    expect(a).toEqual(b);
    expect(a.inputs).not.toEqual(c.inputs);
    for (const [x1, x2, label] of rows(a)) {
      expect(Math.abs(Math.abs(x1) - 1)).toBeLessThan(0.6);
      expect(label).toBe(Math.sign(x1) * Math.sign(x2) < 0 ? 1 : -1);
    }
  });

  it("is learnt by a small tanh, ReLU, sigmoid or Leaky ReLU network but not by a linear one", () => {
    const d = xor();
    const train = (activation: "tanh" | "relu" | "sigmoid" | "leakyRelu" | "linear", seed: number) => {
      const mlp = createMlp({sizes: [2, 8, 1], activation, seed});
      for (let e = 0; e < 1000; e++) trainEpoch(mlp, d.inputs, d.targets, {learningRate: 0.2, batchSize: 4});
      return {loss: mlp.stats.loss, acc: accuracy(predict(mlp, d.inputs), d.targets, 1e-9)};
    };
    for (const activation of ["tanh", "relu", "sigmoid", "leakyRelu"] as const) {
      for (let seed = 1; seed <= 20; seed++) {
        const {loss, acc} = train(activation, seed);
        expect(acc, `${activation} seed ${seed}`).toBe(1);
        expect(loss).toBeLessThan(0.05);
      }
    }
    for (let seed = 1; seed <= 5; seed++) {
      const {loss, acc} = train("linear", seed);
      // the best affine fit to XOR's ±1 labels is the constant 0: loss ½, one class everywhere
      expect(loss).toBeCloseTo(0.5, 6);
      expect(acc).toBe(0.5);
    }
  });
});

describe("circle, gaussians, spiral", () => {
  const generators = {circle, gaussians, spiral};

  it("default to 200 examples, half of each class, with ±1 labels", () => {
    for (const [name, make] of Object.entries(generators)) {
      const d = make();
      expect(d.count, name).toBe(200);
      expect(d.inputs.length).toBe(400);
      expect(d.targets.length).toBe(200);
      const positives = d.targets.filter((t) => t === 1).length;
      expect(positives, name).toBe(100);
      expect(d.targets.every((t) => t === 1 || t === -1)).toBe(true);
    }
  });

  it("are reproducible for a seed and differ between seeds", () => {
    for (const make of Object.values(generators)) {
      expect(make({seed: 3, noise: 0.05})).toEqual(make({seed: 3, noise: 0.05}));
      expect(make({seed: 3, noise: 0.05}).inputs).not.toEqual(make({seed: 4, noise: 0.05}).inputs);
    }
  });

  it("put the circle's +1 points inside radius 0.5 and its −1 points in the ring 0.7…1", () => {
    for (const [x1, x2, label] of rows(circle({count: 101}))) {
      const r = Math.hypot(x1, x2);
      if (label === 1) expect(r).toBeLessThanOrEqual(0.5);
      else {
        expect(r).toBeGreaterThanOrEqual(0.7 - 1e-12);
        expect(r).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
  });

  it("centre the two Gaussian blobs on (±0.5, ±0.5)", () => {
    const d = gaussians({count: 2000});
    const mean = (label: number, axis: number) => {
      const picked = rows(d).filter((r) => r[2] === label);
      return picked.reduce((s, r) => s + r[axis], 0) / picked.length;
    };
    expect(mean(1, 0)).toBeCloseTo(0.5, 1);
    expect(mean(1, 1)).toBeCloseTo(0.5, 1);
    expect(mean(-1, 0)).toBeCloseTo(-0.5, 1);
    expect(mean(-1, 1)).toBeCloseTo(-0.5, 1);
  });

  it("make the two spiral arms point-symmetric: the −1 arm is the +1 arm turned by half a turn", () => {
    const r = rows(spiral({count: 50}));
    for (let k = 0; k < 50; k += 2) {
      expect(r[k + 1][0]).toBeCloseTo(-r[k][0], 12);
      expect(r[k + 1][1]).toBeCloseTo(-r[k][1], 12);
      expect(Math.hypot(r[k][0], r[k][1])).toBeLessThanOrEqual(1 + 1e-12);
    }
  });

  it("refuse bad options with a message", () => {
    expect(() => circle({count: 1})).toThrow("count must be an integer ≥ 2");
    expect(() => spiral({noise: -1})).toThrow("noise must be a finite number ≥ 0");
    expect(() => xor({seed: NaN})).toThrow("seed must be a finite number");
  });

  it("are listed by name, each under its problem", () => {
    expect(Object.keys(datasets)).toEqual(["xor", "circle", "gaussians", "spiral", "plane", "multiGaussian"]);
    expect(problemDatasets.classification).toEqual(["circle", "xor", "gaussians", "spiral"]);
    expect(problemDatasets.regression).toEqual(["plane", "multiGaussian"]);
    expect([...problemDatasets.classification, ...problemDatasets.regression].sort()).toEqual(
      Object.keys(datasets).sort()
    );
  });
});

describe("regression datasets: plane and multiGaussian", () => {
  const generators = {plane, multiGaussian};

  it("default to 200 examples with inputs in [−1, 1]² and targets in [−1, 1]", () => {
    for (const [name, make] of Object.entries(generators)) {
      for (const noise of [0, 0.5, 5]) {
        const d = make({noise, count: 500, seed: 2});
        expect(d.inputs.length, name).toBe(1000);
        expect(d.targets.length).toBe(500);
        for (const v of d.inputs) expect(Math.abs(v)).toBeLessThanOrEqual(1);
        for (const t of d.targets) expect(Math.abs(t)).toBeLessThanOrEqual(1);
      }
      expect(make().count).toBe(200);
    }
  });

  it("spread their inputs over the whole square", () => {
    for (const make of Object.values(generators)) {
      const d = make({count: 2000});
      const quadrants = new Set(rows(d).map(([x1, x2]) => `${Math.sign(x1)}${Math.sign(x2)}`));
      expect(quadrants.size).toBe(4);
      const xs = rows(d).map((r) => r[0]);
      expect(Math.min(...xs)).toBeLessThan(-0.95);
      expect(Math.max(...xs)).toBeGreaterThan(0.95);
    }
  });

  it("are reproducible for a seed and differ between seeds", () => {
    for (const make of Object.values(generators)) {
      expect(make({seed: 3, noise: 0.1})).toEqual(make({seed: 3, noise: 0.1}));
      expect(make({seed: 3, noise: 0.1}).inputs).not.toEqual(make({seed: 4, noise: 0.1}).inputs);
    }
  });

  it("without noise, the plane's target is (x₁ + x₂) / 2", () => {
    for (const [x1, x2, t] of rows(plane({count: 100}))) expect(t).toBeCloseTo((x1 + x2) / 2, 15);
  });

  it("with noise, the plane's target is taken at a point moved by at most the noise", () => {
    const noise = 0.2;
    const d = plane({count: 400, noise, seed: 5});
    let moved = 0;
    for (const [x1, x2, t] of rows(d)) {
      const exact = (x1 + x2) / 2;
      expect(Math.abs(t - exact)).toBeLessThanOrEqual(noise + 1e-12); // (δ₁ + δ₂) / 2, |δᵢ| ≤ noise
      if (Math.abs(t - exact) > 1e-3) moved++;
    }
    expect(moved).toBeGreaterThan(300);
  });

  it("the Gaussians' target is the nearest signed bump, ±1 at its centre", () => {
    for (const [c1, c2, sign] of GAUSSIAN_BUMPS) {
      expect(multiGaussianTarget(c1, c2)).toBe(sign);
      // one standard deviation away: e^(−1/2)
      expect(multiGaussianTarget(c1 + GAUSSIAN_BUMP_SD, c2)).toBeCloseTo(sign * Math.exp(-0.5), 12);
    }
    expect(GAUSSIAN_BUMPS.map((b) => b[2]).reduce((a, b) => a + b, 0)).toBe(0);
    // far from every centre the target fades to 0
    expect(Math.abs(multiGaussianTarget(0, 0))).toBeCloseTo(
      Math.exp(-((5 / 12) ** 2) / (2 * GAUSSIAN_BUMP_SD ** 2)),
      15
    );
    expect(Math.abs(multiGaussianTarget(1, 0))).toBeLessThan(1e-4);
    expect(multiGaussianTarget(50, 50)).toBe(0);
    expect(multiGaussianTarget(NaN, 0)).toBe(0);
    // without noise, the dataset's targets are exactly the function's
    for (const [x1, x2, t] of rows(multiGaussian({count: 100}))) expect(t).toBe(multiGaussianTarget(x1, x2));
  });

  it("the Gaussians' targets take both signs and large magnitudes", () => {
    const targets = Array.from(multiGaussian({count: 2000}).targets);
    expect(Math.max(...targets)).toBeGreaterThan(0.9);
    expect(Math.min(...targets)).toBeLessThan(-0.9);
  });

  it("refuse bad options with the same messages as the others", () => {
    expect(() => plane({count: 1})).toThrow("count must be an integer ≥ 2");
    expect(() => multiGaussian({noise: NaN})).toThrow("noise must be a finite number ≥ 0");
    expect(() => plane({seed: Infinity})).toThrow("seed must be a finite number");
  });
});

describe("gridInputs", () => {
  it("lays the grid out row by row, both ends included", () => {
    expect(Array.from(gridInputs([0, 1], [-1, 1], 2, 3))).toEqual([0, -1, 1, -1, 0, 0, 1, 0, 0, 1, 1, 1]);
  });

  it("refuses degenerate grids", () => {
    expect(() => gridInputs([0, 1], [0, 1], 1, 3)).toThrow("columns must be an integer ≥ 2");
    expect(() => gridInputs([1, 0], [0, 1], 2, 2)).toThrow("xDomain must be two finite numbers");
  });
});

describe("accuracy", () => {
  it("counts an output above the threshold as +1 and anything else as −1", () => {
    expect(accuracy([0.3, -2, 0, 1e-12], [1, -1, -1, 1])).toBe(1);
    expect(accuracy([0.3, -2, 0, 1e-12], [1, -1, -1, 1], 1e-9)).toBe(0.75);
    expect(accuracy(new Float64Array([1, 1]), new Float64Array([-1, 1]))).toBe(0.5);
  });

  it("refuses mismatched or empty inputs", () => {
    expect(() => accuracy([1], [1, 1])).toThrow("outputs has 1 entries but targets has 2");
    expect(() => accuracy([], [])).toThrow("no examples");
  });
});
