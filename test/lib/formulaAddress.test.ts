import {describe, expect, it} from "vitest";
import {MAX_FORMULA_LENGTH, parseExpression} from "../../lib/expression.js";
import {addressWithFormula, formulaFromAddress, playgroundAddress} from "../../lib/formulaAddress.js";

const FALLBACK = "x * sigmoid(1.5 * x)";

describe("formulaFromAddress", () => {
  it("returns the fallback when the address names no formula", () => {
    expect(formulaFromAddress("", FALLBACK)).toBe(FALLBACK);
    expect(formulaFromAddress("?", FALLBACK)).toBe(FALLBACK);
    expect(formulaFromAddress("?activation=custom&formulas=x", FALLBACK)).toBe(FALLBACK);
  });

  it("reads a percent-encoded formula as written", () => {
    const formula = "max(0.1 * x, x) + 2^-x";
    expect(formulaFromAddress(`?formula=${encodeURIComponent(formula)}`, FALLBACK)).toBe(formula);
    expect(formulaFromAddress(`?a=1&formula=${encodeURIComponent(formula)}&b=2`, FALLBACK)).toBe(formula);
  });

  it("reads a form-encoded formula, where + is a space", () => {
    expect(formulaFromAddress("?formula=x+*+sigmoid(x)", FALLBACK)).toBe("x * sigmoid(x)");
  });

  it("reads a + typed by hand as plus when only that reading parses", () => {
    // the standard reading "x 1" does not parse; the literal "x+1" does
    expect(formulaFromAddress("?formula=x+1", FALLBACK)).toBe("x+1");
    expect(formulaFromAddress("?formula=log(1+exp(x))", FALLBACK)).toBe("log(1+exp(x))");
  });

  it("keeps the standard reading when neither or both parse", () => {
    expect(formulaFromAddress("?formula=x+y", FALLBACK)).toBe("x y"); // neither parses: the page says why
    expect(formulaFromAddress("?formula=x+", FALLBACK)).toBe("x "); // both parse to x
  });

  it("gives an empty or unparsable formula back as it is, for the page to explain", () => {
    expect(formulaFromAddress("?formula=", FALLBACK)).toBe("");
    expect(formulaFromAddress("?formula", FALLBACK)).toBe("");
    expect(formulaFromAddress("?formula=NaN", FALLBACK)).toBe("NaN");
    expect(() => parseExpression(formulaFromAddress("?formula=NaN", FALLBACK))).toThrow(/unknown name "NaN"/);
  });

  it("survives malformed escapes", () => {
    // a lone % cannot be decoded literally; URLSearchParams keeps it as it is
    expect(formulaFromAddress("?formula=x%", FALLBACK)).toBe("x%");
    expect(formulaFromAddress("?formula=%E0%A4%A", FALLBACK)).toBe(
      new URLSearchParams("?formula=%E0%A4%A").get("formula")
    );
    expect(formulaFromAddress("?formula=%ZZx+1", FALLBACK)).toBe("%ZZx 1");
  });

  it("takes the first of repeated parameters and returns an absurdly long one unchanged", () => {
    expect(formulaFromAddress("?formula=x&formula=relu(x)", FALLBACK)).toBe("x");
    const long = "x+".repeat(5000) + "x";
    expect(formulaFromAddress(`?formula=${encodeURIComponent(long)}`, FALLBACK)).toBe(long);
  });
});

describe("addressWithFormula", () => {
  it("sets the formula parameter and keeps the rest of the address", () => {
    const href = addressWithFormula("https://course.test/your-own?formula=x#top", "x + 1");
    expect(href).toBe("https://course.test/your-own?formula=x+%2B+1#top");
    const url = new URL(href!);
    expect(url.searchParams.get("formula")).toBe("x + 1");
    expect(formulaFromAddress(url.search, FALLBACK)).toBe("x + 1"); // a round trip
  });

  it("refuses a formula over the length limit and an address that is not a URL", () => {
    expect(addressWithFormula("https://course.test/your-own", "x".repeat(MAX_FORMULA_LENGTH))).not.toBeNull();
    expect(addressWithFormula("https://course.test/your-own", "x".repeat(MAX_FORMULA_LENGTH + 1))).toBeNull();
    expect(addressWithFormula("not a url", "x")).toBeNull();
    expect(addressWithFormula("", "x")).toBeNull();
  });
});

describe("playgroundAddress", () => {
  it("asks the playground for a custom activation with the formula, escaped", () => {
    expect(playgroundAddress("x * sigmoid(x)")).toBe(
      "./playground?activation=custom&formula=x%20*%20sigmoid(x)"
    );
    const params = new URLSearchParams(playgroundAddress("x+1 & 2").split("?")[1]);
    expect(params.get("activation")).toBe("custom");
    expect(params.get("formula")).toBe("x+1 & 2");
  });
});
