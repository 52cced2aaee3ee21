import {describe, expect, it} from "vitest";
import {compareDerivative, gradcheck} from "../../lib/index.js";
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
