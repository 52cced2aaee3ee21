// @vitest-environment jsdom
// coursePlot.js: the frame every course chart shares. Plot's options get the course's
// margins and axes (labels without arrows, the y grid) unless the chart gives its own, and
// zeroRules draws the faint rules through 0; curvesPlot keeps a slider-moved chart's y-axis
// steady.
import {describe, expect, test} from "vitest";
import * as frame from "../../src/components/coursePlot.js";
import type {Loose} from "./snapshot.js";

const {coursePlot, curvesPlot, zeroRules} = frame as Loose<typeof frame>;

const unit = {domain: [-1, 1]};

/** The text of the x and y axis labels a Plot chart draws. */
const axisLabels = (chart: Element) =>
  ["x", "y"].map((axis) => chart.querySelector(`g[aria-label="${axis}-axis label"] text`)?.textContent);

describe("coursePlot", () => {
  test("gives the course's margins, arrowless labels and a y grid", () => {
    const chart = coursePlot({width: 300, height: 200, x: {...unit, label: "x"}, y: {...unit, label: "y"}});
    expect(chart.scale("x").range).toEqual([44, 280]);
    expect(chart.scale("y").range).toEqual([164, 20]);
    expect(axisLabels(chart)).toEqual(["x", "y"]);
    expect(chart.querySelector('g[aria-label="y-grid"]')).not.toBeNull();
    expect(chart.querySelector('g[aria-label="x-grid"]')).toBeNull();
  });

  test("an option the chart gives wins over the frame's", () => {
    const chart = coursePlot({
      width: 300,
      height: 200,
      marginLeft: 60,
      x: {...unit, label: "x", labelArrow: "auto"},
      y: {...unit, label: "y", grid: false}
    });
    expect(chart.scale("x").range).toEqual([60, 280]);
    expect(axisLabels(chart)[0]).toBe("x →");
    expect(chart.querySelector('g[aria-label="y-grid"]')).toBeNull();
  });
});

describe("zeroRules", () => {
  test("the rules along y = 0 and x = 0, faint, the first marked by className", () => {
    const chart = coursePlot({width: 300, height: 200, x: unit, y: unit, marks: zeroRules({className: "demo-zero"})});
    const rules = [...chart.querySelectorAll('g[aria-label="rule"]')];
    expect(rules).toHaveLength(2);
    expect(rules.map((g) => g.getAttribute("stroke-opacity"))).toEqual(["0.4", "0.4"]);
    const horizontal = rules[0].querySelector("line")!;
    expect(horizontal.getAttribute("y1")).toBe(horizontal.getAttribute("y2"));
    expect(rules[0].getAttribute("class")).toBe("demo-zero");
    expect(rules[1].hasAttribute("class")).toBe(false);
  });

  test("x: false leaves out the rule along x = 0", () => {
    expect(zeroRules({x: false})).toHaveLength(1);
    expect(zeroRules()).toHaveLength(2);
  });
});

describe("curvesPlot", () => {
  const xs = [-2, 0, 2];
  const yTicks = (chart: Element) =>
    [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);

  test("maps x across the frame and y over the curves' steady domain, the zero rule at y = 0", () => {
    const {chart, fit} = curvesPlot({width: 400, xs, curves: [[0, 0.5, 1]], yLabel: "value", zeroClass: "demo-zero"});
    expect(chart.getAttribute("height")).toBe("220");
    const {x, y} = fit([[0, 0.5, 1]]);
    expect(x(-2)).toBeCloseTo(44);
    expect(x(2)).toBeCloseTo(400 - 20);
    const zero = chart.querySelector("g.demo-zero line")!;
    expect(Number(zero.getAttribute("y1"))).toBeCloseTo(y(0));
    expect(y(1)).toBeLessThan(y(0));
  });

  test("fit re-ticks the y-axis in place when the curves leave it, and keeps it while they stay", () => {
    const {chart, fit} = curvesPlot({width: 400, xs, curves: [[0, 0.5, 1]], yLabel: "value", zeroClass: "demo-zero"});
    const before = yTicks(chart);
    fit([[0, 0.6, 1.05]]);
    expect(yTicks(chart)).toEqual(before);
    const {y} = fit([[0, 40, 80]]);
    expect(yTicks(chart)).not.toEqual(before);
    expect(y(80)).toBeGreaterThanOrEqual(chart.scale("y").range[1]);
  });
});
