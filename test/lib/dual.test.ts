import {describe, expect, it} from "vitest";
import {dual, powDual, times} from "../../lib/dual.js";
import {gradcheck} from "../../lib/gradcheck.js";
import {expectClose} from "./helpers.js";

describe("dual", () => {
  it("pairs a value with its derivative, and a NaN value with a NaN derivative", () => {
    expect(dual(2, 3)).toEqual({v: 2, d: 3});
    expect(dual(Infinity, 1)).toEqual({v: Infinity, d: 1});
    expect(dual(NaN, 1).d).toBeNaN();
    expect(dual(NaN, 0).d).toBeNaN();
    expect(Object.is(dual(-0, -0).v, -0)).toBe(true);
  });
});

describe("times", () => {
  it("is a product in which a zero derivative wins over any other factor", () => {
    expect(times(2, 3)).toBe(6);
    expect(times(0, Infinity)).toBe(0);
    expect(times(0, NaN)).toBe(0);
    expect(times(-0, -Infinity)).toBe(0);
    expect(times(1e-300, 1e300)).toBeCloseTo(1, 12);
    expect(times(NaN, 0)).toBeNaN();
    expect(times(1, Infinity)).toBe(Infinity);
  });
});

describe("powDual", () => {
  /** u^w along x, with u = a(x) and w = b(x), compared with central differences. */
  function along(a: (x: number) => number, b: (x: number) => number, da: number, db: number, x: number) {
    return powDual({v: a(x), d: da}, {v: b(x), d: db});
  }

  it("follows the power rule for a constant exponent and e^{w ln u} otherwise", () => {
    for (const x of [0.3, 1.7, 4]) {
      expectClose(
        along(
          (t) => t,
          () => 3,
          1,
          0,
          x
        ).d,
        3 * x * x,
        1e-15
      );
      expectClose(
        along(
          () => 2,
          (t) => t,
          0,
          1,
          x
        ).d,
        Math.LN2 * 2 ** x,
        1e-15
      );
      const both = along(
        (t) => t,
        (t) => t,
        1,
        1,
        x
      );
      expectClose(both.v, x ** x, 1e-15);
      expectClose(
        both.d,
        gradcheck((t) => t ** t, x),
        1e-8
      );
    }
  });

  it("handles the special values 0^0, a zero base, a negative base and infinities", () => {
    expect(powDual({v: 0, d: 1}, {v: 0, d: 0})).toEqual({v: 1, d: 0}); // x^0 is 1 with slope 0
    expect(powDual({v: 0, d: 1}, {v: 2, d: 0})).toEqual({v: 0, d: 0}); // x² at 0
    expect(powDual({v: 0, d: 1}, {v: 0.5, d: 0}).d).toBe(Infinity); // √x at 0
    expect(powDual({v: -2, d: 1}, {v: 3, d: 0})).toEqual({v: -8, d: 12}); // x³ at −2
    expect(powDual({v: -2, d: 1}, {v: 0.5, d: 0}).d).toBeNaN(); // √ of a negative number
    expect(powDual({v: 2, d: 0}, {v: -Infinity, d: 1})).toEqual({v: 0, d: 0});
    expect(powDual({v: 5, d: 0}, {v: 0, d: 0})).toEqual({v: 1, d: 0}); // a constant
  });
});
