import {describe, expect, it} from "vitest";
import {expm1NonPositive} from "../../lib/expm1.js";
import {createRandom, uniform} from "../../lib/index.js";

/** The distance from x to the next double away from zero. */
function ulp(x: number): number {
  const bits = new Float64Array([Math.abs(x)]);
  new BigUint64Array(bits.buffer)[0] += 1n;
  return bits[0] - Math.abs(x);
}

describe("expm1NonPositive", () => {
  it("is within 1 ulp of Math.expm1 over [−45, 0], near 0 and across every reduction step", () => {
    const random = createRandom(7);
    const xs = [
      ...Array.from({length: 60000}, () => uniform(random, -45, 0)),
      ...Array.from({length: 20000}, () => uniform(random, -1, 0)),
      ...Array.from({length: 20000}, () => -(10 ** uniform(random, -20, 0))),
      // either side of each k·½ln 2, where the rounding of x / ln 2 changes k
      ...Array.from({length: 120}, (_, j) => -((j + 0.5) * Math.LN2) * (1 + 1e-15)),
      ...Array.from({length: 120}, (_, j) => -((j + 0.5) * Math.LN2) * (1 - 1e-15))
    ];
    let worst = 0;
    for (const x of xs) {
      const exact = Math.expm1(x);
      const error = Math.abs(expm1NonPositive(x) - exact) / ulp(exact);
      worst = Math.max(worst, error);
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it("special values: 0 at ±0, the tiny exactly, −1 far below zero, NaN for NaN and past ½ ln 2", () => {
    expect(expm1NonPositive(0)).toBe(0);
    expect(expm1NonPositive(-0)).toBe(0); // +0: the tanh kernel keeps the sign of zero itself
    expect(expm1NonPositive(-5e-324)).toBe(-5e-324);
    expect(expm1NonPositive(-1e-300)).toBe(-1e-300);
    expect(expm1NonPositive(-1e-8)).toBe(Math.expm1(-1e-8));
    expect(expm1NonPositive(-1)).toBeCloseTo(Math.E ** -1 - 1, 15);
    for (const x of [-40, -41, -800, -1e300, -Number.MAX_VALUE, -Infinity])
      expect(expm1NonPositive(x)).toBe(-1);
    expect(expm1NonPositive(NaN)).toBeNaN();
    expect(expm1NonPositive(0.3)).toBe(Math.expm1(0.3));
    expect(expm1NonPositive(1)).toBeNaN();
    expect(expm1NonPositive(Infinity)).toBeNaN();
  });
});
