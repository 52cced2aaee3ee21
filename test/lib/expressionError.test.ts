import {describe, expect, it} from "vitest";
import {
  caretFor,
  didYouMean,
  editDistance,
  ExpressionError,
  suggestNames
} from "../../lib/expressionError.js";
import {parseExpression} from "../../lib/expression.js";

function errorOf(formula: string): ExpressionError {
  try {
    parseExpression(formula);
  } catch (error) {
    return error as ExpressionError;
  }
  throw new Error(`expected ${JSON.stringify(formula)} to throw`);
}

describe("ExpressionError", () => {
  it("carries its kind, position, a span of at least 1 and a title", () => {
    const error = new ExpressionError("arity", "max takes 2 arguments", 3, 0, ["min"]);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.kind, error.position, error.column, error.length]).toEqual([
      "ExpressionError",
      "arity",
      3,
      4,
      1
    ]);
    expect(error.suggestions).toEqual(["min"]);
    expect(error.title).toBe("ArityError");
    expect(new ExpressionError("too-long", "", 500).title).toBe("LengthError");
    expect(new ExpressionError("unknown-name", "", 0).title).toBe("NameError");
    expect(new ExpressionError("empty", "", 0).title).toBe("ParseError");
  });
});

describe("editDistance and suggestNames", () => {
  it("counts insertions, deletions, substitutions and a swap of neighbours as one edit each", () => {
    expect(editDistance("tanh", "tanh")).toBe(0);
    expect(editDistance("tahn", "tanh")).toBe(1); // a swap
    expect(editDistance("sigmod", "sigmoid")).toBe(1);
    expect(editDistance("relux", "relu")).toBe(1);
    expect(editDistance("", "exp")).toBe(3);
    expect(editDistance("abc", "xyz")).toBe(3);
  });

  it("suggests at most three close names, best first, and none for a far-off name", () => {
    expect(suggestNames("RELU", ["relu", "elu", "selu"])[0]).toBe("relu");
    expect(suggestNames("sig", ["sigmoid", "sin", "sinh"])).toEqual(["sin", "sigmoid"]); // one typo, then a completion
    expect(suggestNames("zzzzzz", ["relu", "tanh"])).toEqual([]);
    expect(suggestNames("elu", ["relu", "selu", "elu", "gelu", "mish"]).length).toBeLessThanOrEqual(3);
    expect(didYouMean(["relu", "selu"])).toBe(" — did you mean relu or selu?");
    expect(didYouMean([])).toBe("");
  });
});

describe("caretFor", () => {
  it("underlines the bad name where the message says it is", () => {
    const text = "2 * softpluss(x)";
    const caret = caretFor(text, errorOf(text));
    expect(caret).toEqual({line: text, column: 4, length: 9});
    expect(caret.line.slice(caret.column, caret.column + caret.length)).toBe("softpluss");
  });

  it("points one past the end for a formula that stops too soon", () => {
    expect(caretFor("x +", errorOf("x +"))).toEqual({line: "x +", column: 3, length: 1});
  });

  it("shows tabs and newlines as spaces, so the caret lines up", () => {
    const text = "x\t+\n#";
    const caret = caretFor(text, errorOf(text));
    expect(caret).toEqual({line: "x + #", column: 4, length: 1});
  });

  it("keeps an out-of-range position on the line, never a negative indent", () => {
    expect(caretFor("x", new ExpressionError("syntax", "", 40, 3))).toEqual({
      line: "x",
      column: 1,
      length: 1
    });
    expect(caretFor("x", new ExpressionError("syntax", "", -5))).toEqual({line: "x", column: 0, length: 1});
    expect(caretFor("", new ExpressionError("empty", "", 0))).toEqual({line: "", column: 0, length: 1});
  });
});
