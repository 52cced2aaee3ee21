import {describe, expect, it} from "vitest";
import {propertyRows} from "../../src/components/customProperties.js";
import {compileActivation} from "../../lib/expression.js";

const rows = (formula: string) =>
  Object.fromEntries(
    propertyRows(compileActivation(formula)).map((r: {term: string; text?: string; tex?: string}) => [
      r.term,
      r.text ?? `tex:${r.tex}`
    ])
  );

describe("propertyRows", () => {
  it("lists the properties the summary states, in its order", () => {
    expect(propertyRows(compileActivation("x")).map((r: {term: string}) => r.term)).toEqual([
      "Range",
      "Monotonic",
      "Smooth",
      "Zero-centred",
      "Saturates",
      "Steepest slope",
      "Gradients"
    ]);
  });

  it("describes a sigmoid in words, with its range as TeX", () => {
    expect(rows("sigmoid(x)")).toEqual({
      Range: "tex:(0, 1)",
      Monotonic: "yes",
      Smooth: "yes",
      "Zero-centred": "no",
      Saturates: "on both sides",
      "Steepest slope": "0.25 at x ≈ 0",
      Gradients: "shrink through many layers (slope at most 0.25)"
    });
  });

  it("describes a kinked, dying function and a slope reached on a half-line", () => {
    const relu = rows("max(0, x)");
    expect(relu.Smooth).toBe("no (a kink, a gap or an infinite slope)");
    expect(relu.Saturates).toBe("on the left (x → −∞)");
    expect(relu["Steepest slope"]).toBe("1 (over a whole half-line, or growing without bound)");
    expect(relu.Gradients).toBe("can be exactly 0 on a whole half-line (units can die)");
    expect(rows("x^2")["Steepest slope"]).toBe("∞ (over a whole half-line, or growing without bound)");
  });

  it("says the range is unknown where f is nowhere finite, and never throws on a value it has no word for", () => {
    expect(rows("log(-1 - x^2)").Range).toBe("unknown (no finite values found)");
    expect(rows("log(-1 - x^2)")["Steepest slope"]).toBe("unknown (no finite slope other than 0 found)");
    const odd = {...compileActivation("x"), saturates: "sideways", vanishingGradient: undefined};
    const described = Object.fromEntries(
      propertyRows(odd).map((r: {term: string; text?: string}) => [r.term, r.text])
    );
    expect(described.Saturates).toBe("unknown");
    expect(described.Gradients).toBe("unknown");
  });
});
