// @vitest-environment jsdom
// coursePlot.js: the frame every course chart shares. Plot's options get the course's
// margins and axes (labels without arrows, the y grid) unless the chart gives its own, and
// zeroRules draws the faint rules through 0.
import {describe, expect, test} from "vitest";
import {coursePlot, zeroRules} from "../../src/components/coursePlot.js";

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
