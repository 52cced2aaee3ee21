// @vitest-environment jsdom
// The charts of functions over x: familyChart, compareChart, formulaChart, miniChart and
// collapseChart, with their legends. A chart moved in place by update draws exactly as the
// chart drawn afresh there; a snapshot of each catches an unintended change of drawing.
import {describe, expect, test} from "vitest";
import {activationIds, coreActivationIds} from "../../lib/activations.js";
import {activations} from "../../lib/activations.js";
import {collapseChart} from "../../src/components/collapseChart.js";
import {compareChart, compareLegend} from "../../src/components/compareChart.js";
import {familyChart, familyLegend} from "../../src/components/familyChart.js";
import {formulaChart, formulaLegend} from "../../src/components/formulaChart.js";
import {miniActivationChart} from "../../src/components/miniChart.js";
import {expectSameDrawing, expectSnapshot} from "./snapshot.js";

describe("familyChart", () => {
  test.each([
    ["a point inside the domain", "f", 2.2],
    ["a point far off the axis", "f", -40],
    ["x = NaN", "df", NaN]
  ])("update(x) to %s draws as the chart drawn afresh there", (_, mode, x) => {
    const updated = familyChart(coreActivationIds, {width: 480, mode: mode as "f" | "df", x: 1}).update(x);
    expectSameDrawing(updated, familyChart(coreActivationIds, {width: 480, mode: mode as "f" | "df", x}));
  });

  test("snapshot: the core five and their slopes, marked at x = −1.5", () => {
    expectSnapshot("familyChart-f", familyChart(coreActivationIds, {width: 640, x: 1}).update(-1.5));
    expectSnapshot("familyChart-df", familyChart(coreActivationIds, {width: 360, mode: "df", x: -1.5}));
    expectSnapshot("familyLegend", familyLegend());
  });
});

describe("compareChart (drawn afresh for every choice: no update)", () => {
  test("a chart drawn after another draws as it does alone", () => {
    compareChart(["relu", "tanh"], {width: 480});
    const second = compareChart(["sigmoid", "gelu"], {width: 480, mode: "df"});
    expectSameDrawing(second, compareChart(["sigmoid", "gelu"], {width: 480, mode: "df"}));
  });

  test("snapshot: three functions, every slope, and none", () => {
    expectSnapshot("compareChart-f", compareChart(["relu", "gelu", "swish"], {width: 640}));
    expectSnapshot("compareChart-df", compareChart([...activationIds], {width: 480, mode: "df"}));
    expectSnapshot("compareChart-empty", compareChart([], {width: 200}));
    expectSnapshot("compareLegend", compareLegend());
  });
});

describe("formulaChart", () => {
  const reciprocal = {label: "1/x", f: (x: number) => 1 / x, df: (x: number) => -1 / (x * x)};
  const root = {label: "√x", f: (x: number) => Math.sqrt(x), df: (x: number) => 0.5 / Math.sqrt(x)};

  test.each([
    ["a point inside the domain", 2],
    ["the pole (f and f′ infinite: the marker hides)", 0],
    ["a point far off the axis", 1e9],
    ["x = NaN", NaN]
  ])("update(x) to %s draws as the chart drawn afresh there", (_, x) => {
    const updated = formulaChart(reciprocal, {width: 480, x: -3}).update(x);
    expectSameDrawing(updated, formulaChart(reciprocal, {width: 480, x}));
  });

  test("snapshot: a pole, and a gap where f is undefined (NaN)", () => {
    expectSnapshot("formulaChart-pole", formulaChart(reciprocal, {width: 640, x: -3}).update(0.5));
    const gap = formulaChart(root, {width: 480, x: 2});
    expect(gap.dataset.gaps).toBe("1");
    expectSnapshot("formulaChart-gap", gap);
    expectSnapshot("formulaLegend", formulaLegend({gaps: true}));
  });
});

describe("miniActivationChart (no update)", () => {
  test("snapshot: a drawing for each core activation's row", () => {
    for (const id of ["sigmoid", "relu"] as const) {
      expectSnapshot(`miniChart-${id}`, miniActivationChart(activations[id]));
    }
  });
});

describe("collapseChart", () => {
  /** A 3 × 3 grid of inputs and its image under x ↦ scale·x (+ a shear), stacked and single. */
  const grid = (scale: number, shear = 0) =>
    Array.from({length: 9}, (_, k) => {
      const [row, col] = [Math.floor(k / 3), k % 3];
      const input = [col - 1, row - 1];
      const image = [scale * input[0] + shear * input[1], scale * input[1]];
      return {row, col, input, stack: image, single: image.map((v) => v + 1e-16)};
    });

  test("update to points that widen the axes re-ticks them as the chart drawn afresh", () => {
    const updated = collapseChart(grid(1), {width: 480}).update(grid(4.2, 0.7));
    expectSameDrawing(updated, collapseChart(grid(4.2, 0.7), {width: 480}));
    expectSnapshot("collapseChart", updated);
  });

  test("update to points that narrow them again draws as afresh", () => {
    const updated = collapseChart(grid(1), {width: 480}).update(grid(9)).update(grid(-0.5, 0.2));
    expectSameDrawing(updated, collapseChart(grid(-0.5, 0.2), {width: 480}));
  });
});
