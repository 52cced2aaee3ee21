import {describe, expect, it} from "vitest";
import {compileActivationSafely} from "../../lib/customActivation.js";
import {ExpressionError} from "../../lib/expressionError.js";

describe("compileActivationSafely", () => {
  it("returns the record for a formula that compiles", () => {
    const {activation, error} = compileActivationSafely("x * sigmoid(x)");
    expect(error).toBeUndefined();
    expect(activation?.id).toBe("custom");
    expect(activation?.f(0)).toBe(0);
  });

  it.each([
    ["", "empty"],
    ["x +", "syntax"],
    ["x * sigmod(x)", "unknown-name"],
    ["max(x)", "arity"],
    ["x + ".repeat(200), "too-long"]
  ])("returns the ExpressionError for %j instead of throwing", (formula, kind) => {
    const {activation, error} = compileActivationSafely(formula);
    expect(activation).toBeUndefined();
    expect(error).toBeInstanceOf(ExpressionError);
    expect(error?.kind).toBe(kind);
  });

  it("answers input that is not text with an error, not an exception", () => {
    for (const input of [undefined, null, 42, NaN, {}]) {
      const {error} = compileActivationSafely(input as unknown as string);
      expect(error).toBeInstanceOf(ExpressionError);
      expect(error?.message).toBe("the formula must be text");
    }
  });

  it("compiles formulas whose values are absurd or nowhere defined, flagging them", () => {
    const huge = compileActivationSafely("1e300 * exp(x)^10");
    expect(huge.activation?.range.upper).toBe(Infinity);
    const nowhere = compileActivationSafely("log(-1 - x^2)");
    expect(nowhere.activation?.rangeKnown).toBe(false);
    const nan = compileActivationSafely("0 / 0 * x");
    expect(nan.activation?.undefinedSomewhere).toBe(true);
  });
});
