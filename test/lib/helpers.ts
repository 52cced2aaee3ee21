// Shared assertions for the lib tests.
import {expect} from "vitest";

/** Smallest positive normal double; below it results are subnormal and lose relative precision. */
export const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * |actual − expected| ≤ rel·|expected| + abs, with equal infinities and NaNs accepted and
 * the sign of zero ignored (sign tests are separate).
 */
export function expectClose(actual: number, expected: number, rel = 1e-12, abs = 0, label = ""): void {
  if (Number.isNaN(expected) || !Number.isFinite(expected)) {
    expect(actual, label).toBe(expected);
    return;
  }
  const error = Math.abs(actual - expected);
  const tolerance = rel * Math.abs(expected) + abs;
  if (!(error <= tolerance)) {
    throw new Error(`${label}: expected ${expected}, got ${actual} (error ${error}, tolerance ${tolerance})`);
  }
}

/** Evenly spaced points from `from` to `to`, both included. */
export function grid(from: number, to: number, count: number): number[] {
  return Array.from({length: count}, (_, i) => from + ((to - from) * i) / (count - 1));
}
