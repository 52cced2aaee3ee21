import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  createRandom,
  gaussian,
  QUANTILE_LEVELS,
  quantilesInPlace,
  quantilesOfSample,
  selectInPlace,
  spreadOf
} from "../../lib/index.js";

/** Type-7 quantile of a sorted copy: the independent reference. */
function referenceQuantile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = p * (sorted.length - 1);
  const k = Math.floor(position);
  const fraction = position - k;
  return fraction === 0 ? sorted[k] : sorted[k] + fraction * (sorted[k + 1] - sorted[k]);
}

describe("selectInPlace", () => {
  it("puts the k-th smallest at k with no larger value before it and no smaller after", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({noNaN: true}), {minLength: 1, maxLength: 200}),
        fc.nat(),
        (values, seed) => {
          const k = seed % values.length;
          const a = Float64Array.from(values);
          selectInPlace(a, k);
          const sorted = [...values].sort((x, y) => x - y);
          expect(a[k]).toBe(sorted[k] === 0 ? a[k] : sorted[k]); // ±0 compare equal
          for (let i = 0; i < k; i++) expect(a[i] <= a[k]).toBe(true);
          for (let i = k + 1; i < a.length; i++) expect(a[i] >= a[k]).toBe(true);
          expect([...a].sort((x, y) => x - y)).toEqual(sorted.map((x) => (x === 0 ? expect.anything() : x)));
        }
      ),
      {numRuns: 300}
    );
  });

  it("settles a long run of equal values in one partition (half of a ReLU layer is exactly 0)", () => {
    const a = new Float64Array(20_000); // zeros, with a few values above and below them
    for (let i = 0; i < a.length; i += 1000) a[i] = i % 2000 ? i : -i;
    const sorted = [...a].sort((x, y) => x - y);
    for (const k of [0, 5, 9, 10, 5000, 19_989, 19_990, 19_999]) {
      const copy = a.slice();
      selectInPlace(copy, k);
      expect(copy[k] === sorted[k]).toBe(true);
      expect(copy.subarray(0, k).every((x) => x <= copy[k])).toBe(true);
      expect(copy.subarray(k + 1).every((x) => x >= copy[k])).toBe(true);
    }
  });

  it("copes with many equal values (half of a ReLU layer is exactly 0)", () => {
    const a = new Float64Array(10_001);
    for (let i = 0; i < a.length; i += 2) a[i] = i;
    selectInPlace(a, 5000);
    expect(a[5000]).toBe(0);
    selectInPlace(a, 7500);
    expect(a[7500]).toBe(5000);
  });

  it("rejects k outside the range", () => {
    expect(() => selectInPlace(new Float64Array(3), 3)).toThrow(/^k must lie in \[0, 2\], got 3$/);
  });
});

describe("quantilesInPlace", () => {
  it("matches the sorted reference at the course's levels and at the ends", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({noNaN: true, min: -1e6, max: 1e6}), {minLength: 1, maxLength: 300}),
        (values) => {
          const levels = [0, ...QUANTILE_LEVELS, 1];
          const got = quantilesInPlace(Float64Array.from(values), values.length, levels);
          levels.forEach((p, i) => {
            const expected = referenceQuantile(values, p);
            expect(Math.abs(got[i] - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
          });
        }
      ),
      {numRuns: 300}
    );
  });

  it("gives NaN for an empty sample and rejects decreasing or out-of-range levels", () => {
    expect(quantilesInPlace(new Float64Array(0), 0, [0.5])).toEqual([NaN]);
    expect(() => quantilesInPlace(Float64Array.of(1, 2, 3), 3, [0.9, 0.1])).toThrow(/increasing/);
    expect(() => quantilesInPlace(Float64Array.of(1, 2, 3), 3, [1.5])).toThrow(
      /^quantile levels must lie in \[0, 1\], got 1.5$/
    );
  });
});

describe("quantilesOfSample", () => {
  /** Large samples of the shapes a deep network produces, each checked against sorting. */
  function samples(): [string, Float64Array][] {
    const next = gaussian(createRandom(8));
    const n = 20_000;
    const normal = Float64Array.from({length: n}, () => next());
    const relu = normal.map((x) => Math.max(x, 0)); // half exactly 0
    const outlier = normal.slice();
    outlier[17] = 1e12; // stretches the range: nearly all values in one bucket
    const tails = normal.map((x) => x ** 7); // heavy tails
    const ties = normal.map((x) => Math.round(x * 4) / 4);
    const signedZeros = normal.map((x, i) => (Math.abs(x) < 0.5 ? (i % 2 ? -0 : 0) : x));
    const infinite = normal.slice();
    infinite[3] = -Infinity; // an infinite range: selection on the whole
    return Object.entries({normal, relu, outlier, tails, ties, signedZeros, infinite});
  }

  it("gives exactly the sorted reference's quantiles, through buckets or not", () => {
    const levels = [0, 0.001, ...QUANTILE_LEVELS, 0.999, 1];
    for (const [name, values] of samples()) {
      let min = Infinity;
      let max = -Infinity;
      for (const x of values) {
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      const before = values.slice();
      const got = quantilesOfSample(values, values.length, levels, min, max);
      expect(values, `${name} left as it was`).toEqual(before);
      const reference = Array.from(values);
      levels.forEach((p, i) => expect(got[i], `${name} at ${p}`).toBe(referenceQuantile(reference, p)));
      // a small sample goes straight to selection, with the same answers
      const small = values.slice(0, 500);
      const smallRef = Array.from(small);
      const smallGot = quantilesOfSample(small, 500, levels, Math.min(...small), Math.max(...small));
      levels.forEach((p, i) =>
        expect(smallGot[i], `${name} (500) at ${p}`).toBe(referenceQuantile(smallRef, p))
      );
    }
  });
});

describe("spreadOf", () => {
  it("summarises a standard normal sample as theory says", () => {
    const next = gaussian(createRandom(4));
    const values = Float64Array.from({length: 32_768}, () => next());
    const s = spreadOf(values);
    // standard errors: mean 1/√n ≈ 0.0055, variance √(2/n) ≈ 0.0078; bands of ~4 standard errors
    expect(Math.abs(s.mean)).toBeLessThan(0.025);
    expect(Math.abs(s.variance - 1)).toBeLessThan(0.035);
    expect(s.secondMoment).toBeCloseTo(s.variance + s.mean ** 2, 12);
    // normal quantiles ±1.6449 and ±0.6745: quantile standard errors are under 0.015 here
    const normal = [-1.6449, -0.6745, 0, 0.6745, 1.6449];
    s.quantiles.forEach((q, i) => expect(Math.abs(q - normal[i])).toBeLessThan(0.06));
    expect(s.count).toBe(32_768);
    expect(s.nanCount).toBe(0);
    expect(s.histogram.reduce((a, b) => a + b, 0) + s.below + s.above).toBe(32_768);
    // the bins around 0 hold the most: P(|Z| < 0.25) ≈ 0.197
    expect((s.histogram[15] + s.histogram[16]) / 32_768).toBeCloseTo(0.197, 1);
  });

  it("bins each value by [min, max) and counts the rest below and above", () => {
    const s = spreadOf([-5, -4, -0.1, 0, 3.99, 4, Infinity, -Infinity], {min: -4, max: 4, count: 8});
    expect(s.below).toBe(2); // −5 and −∞
    expect(s.above).toBe(2); // 4 and ∞
    expect(s.histogram).toEqual([1, 0, 0, 1, 1, 0, 0, 1]);
    expect(s.min).toBe(-Infinity);
    expect(s.max).toBe(Infinity);
    expect(s.quantiles[2]).toBeCloseTo(-0.05, 12);
  });

  it("leaves NaNs out and counts them; overflowed samples give infinite moments, not NaN", () => {
    const s = spreadOf([NaN, 1, NaN, 3]);
    expect([s.count, s.nanCount, s.mean, s.min, s.max]).toEqual([2, 2, 2, 1, 3]);
    const empty = spreadOf([NaN]);
    expect([empty.count, empty.mean, empty.variance, empty.quantiles[0]]).toEqual([0, NaN, NaN, NaN]);
    const huge = spreadOf([1e200, -1e200, Infinity]);
    expect(huge.secondMoment).toBe(Infinity);
    expect(huge.variance).toBe(Infinity);
    const tiny = spreadOf([5e-324, -5e-324, -0]);
    expect(tiny.variance).toBe(0);
    expect(tiny.quantiles[2] === 0).toBe(true); // the middle value, −0 (or +0: equal as numbers)
  });

  it("rejects bins that cannot be drawn", () => {
    expect(() => spreadOf([1], {min: 1, max: 1, count: 4})).toThrow(/^histogram bins need finite min < max/);
    expect(() => spreadOf([1], {min: 0, max: NaN, count: 4})).toThrow(/finite min < max/);
    expect(() => spreadOf([1], {min: 0, max: 1, count: 0})).toThrow(
      /^histogram bin count must be an integer in \[1, 1000\], got 0$/
    );
  });
});
