import {describe, expect, it} from "vitest";
import {activations, makeLeakyRelu} from "../../lib/index.js";
import {deadRegions, nonFiniteIntervals, peakAbs, regionsWhere, vanishingRegions} from "../../lib/regions.js";

describe("regionsWhere", () => {
  it("finds the intervals where a test holds, with sharp inner ends", () => {
    const regions = regionsWhere((x) => Math.abs(x) > 1.2345, -3, 3, {count: 61});
    expect(regions).toHaveLength(2);
    expect(regions[0].from).toBe(-3);
    expect(regions[0].to).toBeCloseTo(-1.2345, 12);
    expect(regions[1].from).toBeCloseTo(1.2345, 12);
    expect(regions[1].to).toBe(3);
  });

  it("returns the whole interval, or nothing", () => {
    expect(regionsWhere(() => true, 0, 1)).toEqual([{from: 0, to: 1}]);
    expect(regionsWhere(() => false, 0, 1)).toEqual([]);
  });

  it("refuses a bad interval or grid", () => {
    expect(() => regionsWhere(() => true, 1, 0)).toThrow(/from < to/);
    expect(() => regionsWhere(() => true, 0, Infinity)).toThrow(/finite/);
    expect(() => regionsWhere(() => true, 0, 1, {count: 1})).toThrow(/count/);
    expect(() => vanishingRegions(() => 0, 0, 1, 0)).toThrow(/threshold/);
  });
});

describe("vanishing and dead regions of the course's activations", () => {
  it("puts sigmoid's vanishing tails where σ′ = 0.01", () => {
    const {df} = activations.sigmoid;
    const regions = vanishingRegions(df, -8, 8, 0.01);
    expect(regions).toHaveLength(2);
    // σ′(x) = 0.01 ⇔ σ(x) = (1 ± √0.96)/2 ⇔ |x| = ln((1 + √0.96)/(1 − √0.96))
    const edge = Math.log((1 + Math.sqrt(0.96)) / (1 - Math.sqrt(0.96)));
    expect(regions[0]).toEqual({from: -8, to: expect.closeTo(-edge, 10)});
    expect(regions[1]).toEqual({from: expect.closeTo(edge, 10), to: 8});
    expect(Math.abs(df(regions[1].from))).toBeCloseTo(0.01, 12);
  });

  it("puts tanh's vanishing tails where tanh′ = 0.01", () => {
    const regions = vanishingRegions(activations.tanh.df, -6, 6, 0.01);
    const edge = Math.atanh(Math.sqrt(0.99));
    expect(regions.map((r) => [r.from, r.to])).toEqual([
      [-6, expect.closeTo(-edge, 10)],
      [expect.closeTo(edge, 10), 6]
    ]);
  });

  it("finds ReLU's dead half-line, including the convention ReLU′(0) = 0", () => {
    expect(deadRegions(activations.relu.df, -6, 6)).toEqual([{from: -6, to: 0}]);
    expect(deadRegions(makeLeakyRelu(0).df, -6, 6)).toEqual([{from: -6, to: 0}]);
    expect(deadRegions(makeLeakyRelu(0.01).df, -6, 6)).toEqual([]);
    expect(vanishingRegions(activations.linear.df, -6, 6)).toEqual([]);
  });
});

describe("peakAbs", () => {
  it("finds σ′'s and tanh′'s peaks at 0", () => {
    const sigmoid = peakAbs(activations.sigmoid.df, -8, 8);
    expect(sigmoid.x).toBeCloseTo(0, 6);
    expect(sigmoid.value).toBeCloseTo(0.25, 12);
    const tanh = peakAbs(activations.tanh.df, -7, 9);
    expect(tanh.x).toBeCloseTo(0, 6);
    expect(tanh.value).toBeCloseTo(1, 12);
  });

  it("agrees with every record's maxSlope", () => {
    for (const act of Object.values(activations)) {
      const {x, value} = act.maxSlope;
      const peak = peakAbs(act.df, -10, 10);
      if (x === null) {
        // reached or approached on a half-line: never exceeded
        expect(peak.value, act.id).toBeLessThanOrEqual(value + 1e-12);
        expect(peak.value, act.id).toBeGreaterThan(value - 1e-4);
      } else {
        expect(peak.value, act.id).toBeCloseTo(value, 8);
        expect(peak.x, act.id).toBeCloseTo(x, 5);
      }
    }
  });

  it("finds an off-grid peak and a peak at an end", () => {
    const peak = peakAbs((x) => -((x - 0.123456) ** 2), -1, 1, {count: 11});
    expect(peak.x).toBeCloseTo(-1, 12);
    const bump = peakAbs((x) => Math.exp(-((x - 0.123456) ** 2)), -1, 1, {count: 11});
    expect(bump.x).toBeCloseTo(0.123456, 6);
    expect(bump.value).toBeCloseTo(1, 12);
  });
});

describe("nonFiniteIntervals", () => {
  it("merges runs of NaN and runs of infinities, either sign, into separate stretches", () => {
    const xs = [0, 1, 2, 3, 4, 5, 6];
    expect(nonFiniteIntervals(xs, [NaN, NaN, Infinity, -Infinity, 0, NaN, 1])).toEqual([
      {from: 0, to: 1, kind: "undefined"},
      {from: 2, to: 3, kind: "infinite"},
      {from: 5, to: 5, kind: "undefined"}
    ]);
  });

  it("finds nothing in finite samples, huge ones and −0 included, or in no samples", () => {
    expect(nonFiniteIntervals([0, 1, 2], [-0, 1e308, -Number.MAX_VALUE])).toEqual([]);
    expect(nonFiniteIntervals([], [])).toEqual([]);
  });

  it("covers the whole range when nothing is finite", () => {
    expect(nonFiniteIntervals([-1, 0, 1], [NaN, NaN, NaN])).toEqual([{from: -1, to: 1, kind: "undefined"}]);
  });
});
