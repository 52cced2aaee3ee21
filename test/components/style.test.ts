// The course's line styles: every activation has one, and no two share a marker.
import {describe, expect, test} from "vitest";
import {activationIds, coreActivationIds} from "../../lib/activations.js";
import {compareStyle, curveDash, isStrokedSymbol, seriesDash, seriesSymbol} from "../../src/components/style.js";

describe("style", () => {
  test("every registered activation has a dash and a marker of its own", () => {
    expect(Object.keys(compareStyle).sort()).toEqual([...activationIds].sort());
    const symbols = Object.values(compareStyle).map((s) => s.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    // the core five differ by dash too
    const dashes = coreActivationIds.map((id) => seriesDash[id]);
    expect(new Set(dashes).size).toBe(dashes.length);
  });
  test("seriesDash and seriesSymbol read compareStyle", () => {
    for (const id of activationIds) {
      expect(seriesDash[id]).toBe(compareStyle[id as keyof typeof compareStyle].dash);
      expect(seriesSymbol[id]).toBe(compareStyle[id as keyof typeof compareStyle].symbol);
    }
    expect(curveDash).toEqual({f: "none", df: "7 4"});
  });
  test("outline symbols are stroked, shapes filled", () => {
    expect(isStrokedSymbol("times")).toBe(true);
    expect(isStrokedSymbol("circle")).toBe(false);
  });
});
