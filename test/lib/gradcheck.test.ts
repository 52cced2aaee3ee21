import {describe, expect, it} from "vitest";
import {checkDerivative, compareDerivative, gradcheck, stencilAt} from "../../lib/index.js";
import {expectClose, grid} from "./helpers.js";

describe("gradcheck", () => {
  it("central differences approximate derivatives to about 1e-10", () => {
    expectClose(gradcheck(Math.sin, 1), Math.cos(1), 1e-10);
    expectClose(
      gradcheck((x) => x ** 3, 2),
      12,
      1e-10
    );
    expectClose(gradcheck(Math.exp, -3), Math.exp(-3), 1e-9);
    expectClose(gradcheck(Math.log, 1e6), 1e-6, 1e-8); // the step scales with |x|
  });

  it("is exact for a quadratic up to rounding, with any step", () => {
    expectClose(
      gradcheck((x) => 3 * x * x - x, 0.5, {h: 0.25}),
      2,
      1e-15
    );
  });

  it("rejects a non-finite x or a bad step", () => {
    expect(() => gradcheck(Math.sin, NaN)).toThrow(/^x must be a finite number, got NaN$/);
    expect(() => gradcheck(Math.sin, 0, {h: 0})).toThrow(/^h must be a finite number > 0, got 0$/);
    expect(() => gradcheck(Math.sin, 0, {h: -1})).toThrow(/^h must be a finite number > 0/);
  });
});

describe("compareDerivative", () => {
  it("reports a tiny error for a correct derivative", () => {
    const result = compareDerivative(Math.sin, Math.cos, grid(-3, 3, 61));
    expect(result.maxAbsError).toBeLessThan(1e-9);
    expect(result.maxRelError).toBeLessThan(1e-9);
  });

  it("catches a wrong derivative and says where", () => {
    const result = compareDerivative(Math.sin, (x) => Math.cos(x) + (x > 2 ? 0.1 : 0), grid(-3, 3, 61));
    expectClose(result.maxAbsError, 0.1, 1e-6);
    expect(result.worstX).toBeGreaterThan(2);
  });

  it("reports NaN derivatives rather than hiding them", () => {
    expect(compareDerivative(Math.sin, () => NaN, [1]).maxAbsError).toBeNaN();
  });
});

describe("stencilAt", () => {
  it("accepts a smooth point, and flags a kink within h and a non-finite stencil", () => {
    const relu = (x: number) => Math.max(0, x);
    const step = (x: number) => (x > 0 ? 1 : 0);
    expect(stencilAt(Math.sin, Math.cos, 1)).toBe("ok");
    expect(stencilAt(relu, step, 0)).toBe("kink");
    expect(stencilAt(relu, step, 1e-7)).toBe("kink"); // the kink lies within h ≈ 6e-6
    expect(stencilAt(relu, step, 1e-3)).toBe("ok");
    expect(stencilAt(Math.log, (x) => 1 / x, 0)).toBe("undefined"); // log(−h) is NaN
    expect(stencilAt(Math.log, (x) => 1 / x, -1)).toBe("undefined");
    expect(stencilAt(Math.sqrt, (x) => 0.5 / Math.sqrt(x), 1)).toBe("ok");
    expect(stencilAt(Math.sin, () => NaN, 1)).toBe("undefined"); // a derivative that is not a number
  });

  it("calls x itself unusable when it is not finite, and refuses a bad step", () => {
    for (const x of [NaN, Infinity, -Infinity])
      expect(
        stencilAt(
          () => 1,
          () => 0,
          x
        )
      ).toBe("undefined");
    expect(() => stencilAt(Math.sin, Math.cos, 0, {h: 0})).toThrow(/h must be a finite number > 0/);
  });
});

describe("checkDerivative", () => {
  it("is compareDerivative over the points a central difference can check", () => {
    const xs = grid(-3, 3, 61);
    const check = checkDerivative({f: Math.sin, df: Math.cos}, xs);
    const compared = compareDerivative(Math.sin, Math.cos, xs);
    expect(check).toEqual({
      maxError: compared.maxRelError,
      maxAbsError: compared.maxAbsError,
      worstX: compared.worstX,
      checked: 61,
      nearKinks: 0,
      undefinedPoints: 0
    });
  });

  it("counts and skips kinks and undefined points, and still finds a wrong slope elsewhere", () => {
    const xs = grid(-3, 3, 61); // step 0.1
    const f = (x: number) => (x < -2 ? NaN : Math.abs(x - 1));
    const df = (x: number) => (x <= 1 ? -1 : 1.01); // 1% wrong right of the kink
    const check = checkDerivative({f, df}, xs);
    expect(check.undefinedPoints).toBe(11); // x ≤ −2: f is NaN at x or x − h
    expect(check.nearKinks).toBe(1); // x = 1
    expect(check.checked).toBe(49);
    expectClose(check.maxAbsError, 0.01, 1e-6);
    expect(check.worstX).toBeGreaterThan(1);
  });

  it("reports nothing checked, rather than throwing, for no points or points that are not numbers", () => {
    expect(checkDerivative({f: Math.sin, df: Math.cos}, [])).toEqual({
      maxError: 0,
      maxAbsError: 0,
      worstX: NaN,
      checked: 0,
      nearKinks: 0,
      undefinedPoints: 0
    });
    const odd = checkDerivative({f: () => 1, df: () => 0}, [NaN, Infinity, -Infinity, 1e308]);
    expect(odd.undefinedPoints).toBe(3);
    expect(odd.checked).toBe(1);
    expect(odd.maxError).toBe(0);
  });
});
