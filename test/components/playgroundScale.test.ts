// The playground's colour scale: network outputs and targets on one scale from −1 to +1.
import {describe, expect, test} from "vitest";
import {binValue, mapScores, valueBin, VALUE_BINS} from "../../src/components/playgroundScale.js";

describe("mapScores", () => {
  test("a linear output is its own score; in place by default", () => {
    const outputs = new Float64Array([-2, -0.25, 0, 0.5, 3]);
    const scores = mapScores(outputs);
    expect(scores).toBe(outputs);
    expect(Array.from(scores)).toEqual([-2, -0.25, 0, 0.5, 3]);
  });

  test("a sigmoid output y becomes 2y − 1, so ½ sits at 0", () => {
    const outputs = new Float64Array([0, 0.25, 0.5, 0.9, 1]);
    const out = new Float64Array(5);
    mapScores(outputs, {sigmoid: true}, out);
    expect(Array.from(out)).toEqual([-1, -0.5, 0, 2 * 0.9 - 1, 1]);
    expect(Array.from(outputs)).toEqual([0, 0.25, 0.5, 0.9, 1]); // untouched
  });

  test("discretised: only the side of the threshold, ±1; 0, −0 and non-finite outputs have no side", () => {
    const outputs = new Float64Array([-1e-300, 1e-300, -5, 0.01, 0, -0, NaN, Infinity, -Infinity]);
    const out = mapScores(outputs, {discretise: true}, new Float64Array(9));
    expect(Array.from(out.slice(0, 4))).toEqual([-1, 1, -1, 1]);
    expect(Object.is(out[4], 0)).toBe(true);
    expect(Object.is(out[5], -0)).toBe(true);
    expect(out[6]).toBeNaN();
    expect(out[7]).toBe(Infinity);
    expect(out[8]).toBe(-Infinity);
    // a sigmoid output discretised at ½
    const sig = mapScores(new Float64Array([0.49, 0.5, 0.51]), {sigmoid: true, discretise: true}, new Float64Array(3));
    expect(Array.from(sig)).toEqual([-1, 0, 1]);
  });

  test("an out of the wrong length is an error, not a silent partial map", () => {
    expect(() => mapScores(new Float64Array(3), {}, new Float64Array(2))).toThrow(/out holds 2 values, expected 3/);
  });
});

describe("valueBin and binValue", () => {
  test("eleven steps from −1 to +1, each value to the nearest", () => {
    expect(VALUE_BINS).toBe(11);
    expect(binValue(0)).toBe(-1);
    expect(binValue(5)).toBe(0);
    expect(binValue(10)).toBe(1);
    for (let bin = 0; bin < VALUE_BINS; bin++) expect(valueBin(binValue(bin))).toBe(bin);
    expect(valueBin(0.09)).toBe(5);
    expect(valueBin(0.11)).toBe(6);
    expect(valueBin(-0.95)).toBe(0);
    expect(valueBin(-0)).toBe(5);
  });

  test("beyond ±1 at the ends; NaN in the middle; ±tiny at 0", () => {
    expect(valueBin(7)).toBe(10);
    expect(valueBin(Infinity)).toBe(5); // non-finite: no place on the scale, the middle
    expect(valueBin(-1e300)).toBe(0);
    expect(valueBin(NaN)).toBe(5);
    expect(valueBin(1e-300)).toBe(5);
    expect(valueBin(0.3, 3)).toBe(1);
    expect(valueBin(0.6, 3)).toBe(2);
  });

  test("fewer than two steps is an error", () => {
    expect(() => valueBin(0, 1)).toThrow(/bins must be an integer ≥ 2/);
    expect(() => valueBin(0, 2.5)).toThrow(/bins must be an integer ≥ 2/);
  });
});
