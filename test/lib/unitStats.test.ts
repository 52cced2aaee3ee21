// unitStats: each unit's histogram of z, its dead and saturated shares and mean slope,
// against counts made directly, special values, and lib's reference network (network.ts).
import {describe, expect, test} from "vitest";
import {activations} from "../../lib/activations.js";
import {kernelOf} from "../../lib/kernels.js";
import type {Kernel} from "../../lib/kernels.js";
import {createMlp, deadUnits, toDenseLayers} from "../../lib/mlp.js";
import {unitValues} from "../../lib/mlpUnits.js";
import {forward} from "../../lib/network.js";
import {networkSizes, playgroundData} from "../../lib/playground.js";
import {isDead, saturationThreshold, SATURATION_FRACTION, unitStats as statsOf} from "../../lib/unitStats.js";
import type {UnitStatsOptions} from "../../lib/unitStats.js";
import {expectClose} from "./helpers.js";

const tanh = activations.tanh;
const relu = activations.relu;
const sigmoid = activations.sigmoid;
/** The slopes of z by an activation's kernel (as unitValues computes them), then the stats. */
const unitStats = (z: Float64Array, options: UnitStatsOptions & {kernel?: Kernel}) => {
  const {kernel = kernelOf(tanh), ...rest} = options;
  const slopes = new Float64Array(z.length);
  kernel(z, new Float64Array(z.length), slopes, z.length);
  return statsOf(z, slopes, rest);
};
const base = (units: number, kernel: Kernel = kernelOf(tanh)): UnitStatsOptions & {kernel: Kernel} => ({
  units,
  kernel,
  domain: [-4, 4],
  bins: 8,
  threshold: saturationThreshold(tanh.maxSlope.value)
});

describe("saturationThreshold", () => {
  test("is a fixed fraction of the largest slope, of 1 when that is unusable", () => {
    expect(saturationThreshold(1)).toBe(SATURATION_FRACTION);
    expect(saturationThreshold(0.25)).toBe(0.25 * SATURATION_FRACTION);
    for (const bad of [undefined, 0, -1, NaN, Infinity])
      expect(saturationThreshold(bad)).toBe(SATURATION_FRACTION);
  });
  test("puts tanh's saturation near |z| = 3 and the sigmoid's near |z| = 6", () => {
    const t = saturationThreshold(tanh.maxSlope.value);
    expect(tanh.df(2.9)).toBeGreaterThan(t);
    expect(tanh.df(3.1)).toBeLessThan(t);
    const s = saturationThreshold(sigmoid.maxSlope.value);
    expect(sigmoid.df(5.9)).toBeGreaterThan(s);
    expect(sigmoid.df(6.1)).toBeLessThan(s);
  });
});

describe("unitStats", () => {
  test("bins each unit's column of z (row-major), edges and out-of-domain values included", () => {
    // two units; unit 0 sees −4 (low edge), −3.5, 0, 4 (top edge, in the last bin), unit 1 sees −5, 5, −∞, ∞
    const z = Float64Array.from([-4, -5, -3.5, 5, 0, -Infinity, 4, Infinity]);
    const s = unitStats(z, base(2));
    expect(s.n).toBe(4);
    expect(Array.from(s.counts.subarray(0, 8))).toEqual([2, 0, 0, 0, 1, 0, 0, 1]);
    expect(Array.from(s.counts.subarray(8))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(s.below)).toEqual([0, 2]);
    expect(Array.from(s.above)).toEqual([0, 2]);
    expect(Array.from(s.invalid)).toEqual([0, 0]);
  });

  test("shares and mean slope equal direct computations over random z", () => {
    const units = 3;
    const n = 500;
    const z = new Float64Array(n * units);
    for (let k = 0; k < z.length; k++) z[k] = 12 * Math.sin(1.7 * k + 0.3) * Math.cos(0.37 * k);
    const options = {...base(units), domain: [-6, 6] as const, bins: 24};
    const s = unitStats(z, options);
    for (let j = 0; j < units; j++) {
      const column = Array.from({length: n}, (_, e) => z[e * units + j]);
      const slopes = column.map(tanh.df);
      expectClose(s.dead[j], slopes.filter((d) => d === 0).length / n, 0, 0, "dead");
      expectClose(
        s.saturated[j],
        slopes.filter((d) => d !== 0 && Math.abs(d) < options.threshold).length / n,
        0,
        0,
        "saturated"
      );
      expectClose(s.meanSlope[j], slopes.reduce((a, b) => a + b, 0) / n, 1e-12, 0, "mean slope");
      expect(s.below[j]).toBe(column.filter((v) => v < -6).length);
      expect(s.above[j]).toBe(column.filter((v) => v > 6).length);
      for (let b = 0; b < 24; b++) {
        const lo = -6 + 0.5 * b;
        const inBin = column.filter((v) => v >= lo && (b === 23 ? v <= 6 : v < lo + 0.5)).length;
        expect(s.counts[j * 24 + b], `unit ${j} bin ${b}`).toBe(inBin);
      }
    }
    expect(s.saturated.some((share) => share > 0)).toBe(true); // the test exercises saturation
  });

  test("a ReLU unit below 0 everywhere is dead, one above is not; ReLU′(0) = 0 and −0 count as dead", () => {
    const z = Float64Array.from([-1, 2, -0, 3, 0, 0.5, -1e-300, 1e-300]);
    const s = unitStats(z, {...base(2, kernelOf(relu)), threshold: saturationThreshold(relu.maxSlope.value)});
    expect(Array.from(s.dead)).toEqual([1, 0]);
    expect(Array.from(s.saturated)).toEqual([0, 0]);
    expect(Array.from(s.meanSlope)).toEqual([0, 1]);
    expect(isDead(s, 0)).toBe(true);
    expect(isDead(s, 1)).toBe(false);
  });

  test("a tanh unit pushed far out is saturated, and beyond |z| ≈ 18.7 the trainer's slope is 0: dead there", () => {
    const z = Float64Array.from([5, -8, 20, -Infinity]);
    const s = unitStats(z, base(1));
    expect(s.saturated[0]).toBe(0.5);
    expect(s.dead[0]).toBe(0.5);
    expect(s.below[0]).toBe(2);
    expect(s.above[0]).toBe(2);
    expect(isDead(s, 0)).toBe(false); // dead on half the examples only
  });

  test("NaN z (a diverged network) is counted apart and left out of the slope", () => {
    const z = Float64Array.from([NaN, 0, NaN, NaN]);
    const s = unitStats(z, base(2));
    // rows [NaN, 0] and [NaN, NaN]: unit 0 never has a number, unit 1 once
    expect(Array.from(s.invalid)).toEqual([2, 1]);
    expect(s.meanSlope[0]).toBeNaN();
    expect(s.meanSlope[1]).toBe(1); // tanh′(0) over the one number
    expect(Array.from(s.dead)).toEqual([0, 0]);
    expect(s.counts.reduce((a, b) => a + b, 0)).toBe(1);
  });

  test("no examples: counts 0, shares and means NaN, nothing dead", () => {
    const s = unitStats(new Float64Array(0), base(3));
    expect(s.n).toBe(0);
    expect(Array.from(s.dead).every(Number.isNaN)).toBe(true);
    expect(Array.from(s.meanSlope).every(Number.isNaN)).toBe(true);
    expect(isDead(s, 0)).toBe(false);
  });

  test("bad input gets a clear error", () => {
    const z = new Float64Array(6);
    expect(() => unitStats(z, {...base(4)})).toThrow(/not a multiple of 4/);
    expect(() => statsOf([1, 2] as unknown as Float64Array, z, base(1))).toThrow(/Float64Array/);
    expect(() => unitStats(z, {...base(0)})).toThrow(/units must be an integer/);
    expect(() => unitStats(z, {...base(2), bins: 0})).toThrow(/bins/);
    expect(() => unitStats(z, {...base(2), domain: [1, 1]})).toThrow(/domain/);
    expect(() => unitStats(z, {...base(2), domain: [0, Infinity]})).toThrow(/domain/);
    expect(() => unitStats(z, {...base(2), threshold: NaN})).toThrow(/threshold/);
    expect(() => statsOf(z, new Float64Array(4), base(2))).toThrow(
      /slopes must be a Float64Array as long as z/
    );
    expect(() => statsOf(z, z, null as unknown as UnitStatsOptions)).toThrow(/options/);
  });
});

describe("unitStats against lib's reference network", () => {
  // unitValues' z and slopes give the stats; the reference network (network.ts) gives every
  // example's z, and counts made from them with the record's f′ (where it is not in a far
  // tail the trainer rounds to 0) agree; the dead units are the ones lib's deadUnits counts
  for (const id of ["relu", "tanh"] as const) {
    test(`${id}: dead and saturated units as the reference forward pass finds them`, () => {
      const sizes = networkSizes(2, 5);
      const mlp = createMlp({sizes, activation: id, seed: 7});
      // push some units far out, so that the network has dead or saturated ones
      mlp.biases[0][0] = -50;
      mlp.biases[0][1] = 4;
      const {train} = playgroundData({dataset: "circle", noise: 0.1, split: 0.5, seed: 3});
      const n = train.targets.length;
      const net = toDenseLayers(mlp);
      const activation = activations[id];
      const threshold = saturationThreshold(activation.maxSlope.value);
      const passes = Array.from({length: n}, (_, e) =>
        forward(net, [train.inputs[2 * e], train.inputs[2 * e + 1]])
      );
      const values = unitValues(mlp, train.inputs);
      const dead = deadUnits(mlp, train.inputs);
      const options = {domain: [-6, 6] as const, bins: 12, threshold};
      for (let l = 0; l < sizes.length - 2; l++) {
        const units = sizes[l + 1];
        const s = statsOf(values.z[l], values.slope[l], {units, ...options});
        for (let j = 0; j < units; j++) {
          const column = passes.map((pass) => pass.z[l][j]);
          column.forEach((z, e) =>
            expectClose(values.z[l][e * units + j], z, 1e-12, 1e-12, `z of unit ${j}`)
          );
          // the trainer's slope: the record's f′, but 0 in tanh's far tails (lib/kernels.ts)
          const slopes = column.map((v) => (id === "tanh" && Math.abs(v) > 18.7 ? 0 : activation.df(v)));
          expect(s.dead[j]).toBe(slopes.filter((d) => d === 0).length / n);
          expect(s.saturated[j]).toBe(slopes.filter((d) => d !== 0 && Math.abs(d) < threshold).length / n);
          expect(s.below[j]).toBe(column.filter((v) => v < -6).length);
          expectClose(
            s.meanSlope[j],
            slopes.reduce((a, b) => a + b, 0) / n,
            1e-9,
            1e-15,
            `mean slope of unit ${j}`
          );
        }
        const deadHere = Array.from({length: units}, (_, j) => isDead(s, j)).filter(Boolean).length;
        expect(deadHere, `layer ${l + 1}`).toBe(dead[l]);
        if (l === 0) {
          // the unit pushed to z ≈ −50 passes no gradient back: dead, for ReLU and (in the
          // trainer's arithmetic) for tanh; the one pushed to z ≈ 4 is a saturated tanh unit
          expect(s.dead[0]).toBe(1);
          if (id === "tanh") expect(s.saturated[1]).toBeGreaterThan(0.5);
        }
      }
      expect(dead[0]).toBeGreaterThan(0);
    });
  }
});
