import {describe, expect, it} from "vitest";
import {parseExpression} from "../../lib/expression.js";
import {formulaParam} from "../../lib/formulaParam.js";

const parses = (text: string) => {
  try {
    parseExpression(text);
    return true;
  } catch {
    return false;
  }
};

describe("formulaParam", () => {
  it("is null when the query has no formula", () => {
    expect(formulaParam("", parses)).toBeNull();
    expect(formulaParam("?activation=custom&formulas=x", parses)).toBeNull();
  });

  it("reads a hand-typed + as plus when only that reading can be used, with or without the ?", () => {
    expect(formulaParam("?activation=custom&formula=sin(x)+x", parses)).toBe("sin(x)+x");
    expect(formulaParam("activation=custom&formula=sin(x)+x", parses)).toBe("sin(x)+x");
    expect(formulaParam("formula=sin(x)+x&activation=custom", parses)).toBe("sin(x)+x");
  });

  it("keeps the standard reading when it can be used, when neither can, or when the escape is malformed", () => {
    expect(formulaParam("?formula=x+*+sigmoid(x)", parses)).toBe("x * sigmoid(x)");
    expect(formulaParam("?formula=x+y", parses)).toBe("x y");
    expect(formulaParam("?formula=%ZZx+1", parses)).toBe("%ZZx 1");
    expect(formulaParam("?formula=", parses)).toBe("");
  });

  it("asks the given test, not the parser: a reading is chosen by what the caller can use", () => {
    const asked: string[] = [];
    const onlyLiteral = (text: string) => {
      asked.push(text);
      return text === "a+b";
    };
    expect(formulaParam("?formula=a+b", onlyLiteral)).toBe("a+b");
    expect(asked).toEqual(["a b", "a+b"]);
    expect(formulaParam("?formula=a+b", () => true)).toBe("a b");
    expect(formulaParam("?formula=a%2Bb", () => false)).toBe("a+b"); // the same either way
  });

  it("does not match a parameter whose name merely ends in formula", () => {
    expect(formulaParam("?myformula=x+1&formula=x", parses)).toBe("x");
  });
});
