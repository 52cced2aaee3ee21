// @vitest-environment jsdom
// Markers drawn in place or in legends are the very shapes Plot's dot mark draws.
// @ts-expect-error d3 ships no type declarations (no @types/d3 here); it is the reference
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";
import {describe, expect, test} from "vitest";
import {symbolPath, symbolsAt} from "../../src/components/symbols.js";
import {compareStyle} from "../../src/components/style.js";

const names = [...new Set(Object.values(compareStyle).map((s) => s.symbol))];

describe("symbolPath", () => {
  // Plot draws a circle as a <circle>; every other symbol as a path
  test.each(names.filter((n) => n !== "circle"))("%s is the path Plot's dot draws for it", (name) => {
    const chart = Plot.plot({
      width: 100,
      height: 100,
      axis: null,
      marks: [Plot.dot([0], {x: 0, y: 0, symbol: name, r: 4.5, frameAnchor: "middle"})]
    });
    const drawn = chart.querySelector('g[aria-label="dot"] path')!.getAttribute("d");
    expect(symbolPath(name, 4.5)).toBe(drawn);
  });
  test("a circle is d3's, of area πr²", () => {
    expect(symbolPath("circle", 4.5)).toBe(d3.symbol(d3.symbolCircle, Math.PI * 4.5 * 4.5)());
  });
  test("an unknown name draws a circle, never nothing", () => {
    expect(symbolPath("no such symbol", 3)).toBe(d3.symbol(d3.symbolCircle, Math.PI * 9)());
  });
});

describe("symbolsAt", () => {
  test("one path with the symbol at each point, to 0.01 px, non-finite points left out", () => {
    expect(symbolsAt("circle", 6, [10, 30.123], [20, 40])).toBe(
      "M16,20A6,6,0,1,1,4,20A6,6,0,1,1,16,20M36.12,40A6,6,0,1,1,24.12,40A6,6,0,1,1,36.12,40"
    );
    const times = symbolsAt("times", 4, [100, NaN, 50], [100, 0, Infinity]);
    const arm = Math.round(Math.sqrt(16 * Math.PI - Math.min((16 * Math.PI) / 6, 1.7)) * 0.6189 * 100) / 100;
    expect(times).toBe(
      `M${100 - arm},${100 - arm}L${100 + arm},${100 + arm}M${100 - arm},${100 + arm}L${100 + arm},${100 - arm}`
    );
    expect(symbolsAt("square", 2, [0], [0])).toMatch(/^M-1\.77,-1\.77h3\.54v3\.54h-3\.54Z$/);
    expect(symbolsAt("circle", 3, [], [])).toBe("");
  });
});
