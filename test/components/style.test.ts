// @vitest-environment jsdom
// The course's line styles: every activation has one, no two share a marker, and a record
// that the style table does not list yet still draws a line of its own.
import {describe, expect, test} from "vitest";
import {activationIds, activations, coreActivationIds} from "../../lib/activations.js";
import type {Activation} from "../../lib/activations.js";
import {compareChart, compareLegend} from "../../src/components/compareChart.js";
import {
  compareStyle,
  curveDash,
  fallbackStyle,
  isStrokedSymbol,
  seriesClass,
  seriesStyle
} from "../../src/components/style.js";
import {symbolPath} from "../../src/components/symbols.js";

/** Softsign, x / (1 + |x|): a record the style table does not list. */
const toy: Activation = {
  ...activations.sigmoid,
  id: "toy",
  label: "Toy softsign",
  f: (x) => x / (1 + Math.abs(x)),
  df: (x) => 1 / (1 + Math.abs(x)) ** 2
};
const withToy = {...activations, toy};

describe("style", () => {
  test("every listed activation is registered and has a dash and a marker of its own", () => {
    for (const id of Object.keys(compareStyle)) expect(activationIds, id).toContain(id);
    const symbols = Object.values(compareStyle).map((s) => s.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
    // the core five differ by dash too
    const dashes = coreActivationIds.map((id) => seriesStyle(id).dash);
    expect(new Set(dashes).size).toBe(dashes.length);
  });
  test("seriesStyle and seriesClass read compareStyle for a listed id", () => {
    for (const id of Object.keys(compareStyle)) {
      expect(seriesStyle(id)).toBe(compareStyle[id as keyof typeof compareStyle]);
      expect(seriesClass(id)).toBe(`series-${id}`);
    }
    expect(curveDash).toEqual({f: "none", df: "7 4"});
  });
  test("an unlisted id gets the fallback: a dash no listed activation uses, a d3 symbol, the .series-other colour", () => {
    expect(seriesStyle("toy")).toBe(fallbackStyle);
    expect(seriesStyle("constructor")).toBe(fallbackStyle); // not an Object.prototype member
    expect(Object.values(compareStyle).map((s) => s.dash)).not.toContain(fallbackStyle.dash);
    expect(symbolPath(fallbackStyle.symbol, 4.5)).toMatch(/^M/);
    expect(seriesClass("toy")).toBe("series-toy series-other");
  });
  test("outline symbols are stroked, shapes filled", () => {
    expect(isStrokedSymbol("times")).toBe(true);
    expect(isStrokedSymbol("circle")).toBe(false);
  });
});

describe("a record added to the registry, with nothing else edited, in the comparison chart", () => {
  test("ticking it draws its line, dashed and coloured by the fallback, with its markers", () => {
    const chart = compareChart(["sigmoid", "toy"], {width: 640, registry: withToy});
    const line = chart.querySelector("g.series-toy.series-other path");
    expect(line).not.toBeNull();
    expect(line!.getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+L/);
    expect(chart.querySelector("g.series-toy")!.getAttribute("stroke-dasharray")).toBe(fallbackStyle.dash);
    const markers = chart.querySelectorAll("g.series-toy.series-other")[1];
    expect(markers.querySelectorAll("path").length).toBeGreaterThan(0);
    expect(chart.getAttribute("aria-label")).toContain("Toy softsign");
  });
  test("its legend names it with the fallback dash", () => {
    const key = compareLegend(["toy"], withToy);
    expect(key.textContent).toBe("Toy softsign");
    expect(key.querySelector("svg.series-other line")!.getAttribute("stroke-dasharray")).toBe(fallbackStyle.dash);
  });
});
