import {describe, expect, it} from "vitest";
import {describeGaps} from "../../src/components/gapText.js";
import {compileExpression, linspace, nonFiniteIntervals} from "../../lib/index.js";

function gapsOf(formula: string, half = 6) {
  const xs = linspace(-half, half, 241);
  const {f} = compileExpression(formula);
  return nonFiniteIntervals(
    xs,
    Array.from(xs, (x) => f(x))
  );
}

describe("describeGaps", () => {
  it("says nothing when f is finite everywhere, or for no list at all", () => {
    expect(describeGaps([])).toBeNull();
    expect(describeGaps(gapsOf("x * sigmoid(x)"))).toBeNull();
    expect(describeGaps(undefined)).toBeNull();
    expect(describeGaps(null)).toBeNull();
    expect(describeGaps("gaps")).toBeNull();
  });

  it("names an undefined stretch with its ends", () => {
    const text = describeGaps(gapsOf("log(x)"));
    // log x is NaN left of 0 and −∞ at 0, the grid point after the last NaN (x = −0.05)
    expect(text).toMatch(
      /^Over this range f is undefined \(not a number\) for x from −6 to −0\.05; infinite at x ≈ 0\. /
    );
    expect(text).toMatch(/a network using this f there would produce NaN\.$/);
  });

  it("names a single infinite point", () => {
    expect(describeGaps(gapsOf("1 / x"))).toMatch(/^Over this range f is infinite at x ≈ 0\. /);
  });

  it("names three stretches and counts the rest, in the singular for one", () => {
    const gap = (from: number, kind = "undefined") => ({from, to: from + 0.5, kind});
    const four = describeGaps([gap(-4), gap(-2, "infinite"), gap(0), gap(2)]);
    expect(four).toMatch(
      /infinite for x from −2 to −1\.5; undefined \(not a number\) for x from 0 to 0\.5, and 1 more stretch\. /
    );
    const five = describeGaps([gap(-4), gap(-2), gap(0), gap(2), gap(4)]);
    expect(five).toMatch(/, and 2 more stretches\. /);
  });

  it("writes bounds that are not numbers as words, never as NaN", () => {
    const text = describeGaps([{from: NaN, to: Infinity, kind: "undefined"}]);
    expect(text).toMatch(/for x from undefined to ∞/);
    expect(text).not.toMatch(/NaN for x/);
  });
});
