import stdlibErf from "@stdlib/math-base-special-erf";
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {
  createRandom,
  erf,
  erfc,
  log1pExp,
  logistic,
  logisticDerivative,
  normalCdf,
  normalPdf,
  sech2
} from "../../lib/index.js";
import {expectClose} from "./helpers.js";
import {erfcReference} from "./reference-values.js";

describe("erf", () => {
  it("agrees with @stdlib/math-base-special-erf to within an ulp", () => {
    const random = createRandom(3);
    let worst = 0;
    for (let k = 0; k < 200_000; k++) {
      // mostly |x| < 7, where erf varies; sometimes far out or tiny
      const x =
        k % 10 === 0
          ? (random() - 0.5) * 1e-6
          : k % 10 === 1
            ? (random() - 0.5) * 100
            : (random() - 0.5) * 14;
      const expected = stdlibErf(x);
      const error = Math.abs(erf(x) - expected) / Math.max(Math.abs(expected), Number.MIN_VALUE);
      if (error > worst) worst = error;
    }
    expect(worst).toBeLessThanOrEqual(Number.EPSILON); // ≤ 1 ulp (relative 2.2e-16)
  });

  it("special values", () => {
    expect(erf(0)).toBe(0);
    expect(Object.is(erf(-0), -0)).toBe(true);
    expect([erf(Infinity), erf(-Infinity), erf(30), erf(-30)]).toEqual([1, -1, 1, -1]);
    expect(erf(NaN)).toBeNaN();
    expect(erf(1e-310)).toBe(stdlibErf(1e-310)); // subnormal input: the underflow-safe branch
    expectClose(erf(1), 0.8427007929497149, 1e-16);
  });

  it("is odd", () => {
    fc.assert(fc.property(fc.double({noNaN: true}), (x) => Object.is(erf(-x), -erf(x))));
  });
});

describe("erfc", () => {
  it("matches 50-digit references, including the far right tail", () => {
    for (const [x, value] of erfcReference)
      expectClose(erfc(x), Number(value), 4.5e-16, 1e-320, `erfc(${x})`);
  });

  it("special values, and erf + erfc = 1", () => {
    expect([erfc(0), erfc(Infinity), erfc(-Infinity), erfc(28), erfc(-28)]).toEqual([1, 0, 2, 0, 2]);
    expect(erfc(NaN)).toBeNaN();
    fc.assert(
      fc.property(fc.double({min: -6, max: 6, noNaN: true}), (x) => Math.abs(erf(x) + erfc(x) - 1) <= 4.5e-16)
    );
  });
});

describe("normal distribution", () => {
  it("Φ(0) = ½, Φ(−x) + Φ(x) = 1, and Φ keeps relative precision in the left tail", () => {
    expect(normalCdf(0)).toBe(0.5);
    fc.assert(
      fc.property(
        fc.double({min: -8, max: 8, noNaN: true}),
        (x) => Math.abs(normalCdf(-x) + normalCdf(x) - 1) <= 4.5e-16
      )
    );
    expectClose(normalCdf(-10), 7.619853024160526e-24, 1e-14); // 1 + erf(−10/√2) would be 0
    expect([normalCdf(-Infinity), normalCdf(Infinity)]).toEqual([0, 1]);
  });

  it("φ(0) = 1/√(2π), φ is even, and stays accurate at large |x|", () => {
    expect(normalPdf(0)).toBe(1 / Math.sqrt(2 * Math.PI));
    fc.assert(fc.property(fc.double({noNaN: true}), (x) => normalPdf(-x) === normalPdf(x)));
    expectClose(normalPdf(30), 1.473646134878547519e-196, 1e-14);
    expectClose(normalPdf(-5.5), 1.0769760042543276359e-7, 1e-15);
    expect([normalPdf(41), normalPdf(Infinity)]).toEqual([0, 0]);
    expect(normalPdf(NaN)).toBeNaN();
  });
});

describe("logistic helpers", () => {
  it("logistic, its derivative, log1pExp and sech² at landmarks", () => {
    expect([logistic(0), logisticDerivative(0), log1pExp(0), sech2(0)]).toEqual([0.5, 0.25, Math.LN2, 1]);
    expect([logistic(-Infinity), logistic(Infinity), log1pExp(-Infinity), log1pExp(Infinity)]).toEqual([
      0,
      1,
      0,
      Infinity
    ]);
    expectClose(log1pExp(-745), 5e-324, 0, 5e-324);
    expectClose(sech2(1), 1 / Math.cosh(1) ** 2, 1e-15);
  });
});
