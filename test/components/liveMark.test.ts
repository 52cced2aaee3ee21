// @vitest-environment jsdom
// Marks drawn in place carry the attributes Plot gives its own line and dot marks.
import * as Plot from "@observablehq/plot";
import {describe, expect, test} from "vitest";
import {
  axesOnly,
  dotDefaults,
  lineDefaults,
  liveDots,
  liveLine,
  liveRulesY,
  liveText,
  ruleDefaults,
  textDefaults
} from "../../src/components/liveMark.js";

/** The attributes of a Plot mark's group, but its transform. */
function groupAttributes(chart: Element, label: string) {
  const group = chart.querySelector(`g[aria-label="${label}"]`)!;
  return Object.fromEntries(
    [...group.attributes].filter((a) => a.name !== "transform").map((a) => [a.name, a.value])
  );
}

const stringify = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, String(v)]));

describe("liveMark", () => {
  test("lineDefaults and dotDefaults are what Plot draws its line and dot with", () => {
    const chart = Plot.plot({
      marks: [
        Plot.line(
          [
            [0, 0],
            [1, 1]
          ],
          {x: "0", y: "1"}
        ),
        Plot.dot([[0, 0]], {x: "0", y: "1"})
      ]
    });
    expect(groupAttributes(chart, "line")).toEqual(stringify(lineDefaults));
    expect(groupAttributes(chart, "dot")).toEqual(stringify(dotDefaults));
  });

  test("liveLine: a path in a group of Plot's line defaults, options over them, placed as asked", () => {
    const chart = Plot.plot({marks: [axesOnly()]});
    const path = liveLine(chart, {class: "chart-f", "stroke-width": 2.5, "stroke-dasharray": null});
    const group = path.parentElement!;
    expect(group.parentElement).toBe(chart);
    expect(group.getAttribute("class")).toBe("chart-f");
    expect(group.getAttribute("stroke-width")).toBe("2.5");
    expect(group.getAttribute("stroke-linejoin")).toBe("round");
    expect(group.hasAttribute("stroke-dasharray")).toBe(false);
    expect(group.getAttribute("transform")).toMatch(/^translate\((0\.5|0),(0\.5|0)\)$/);
    const under = liveLine(chart, {}, {before: group});
    expect(under.parentElement!.nextElementSibling).toBe(group);
  });

  test("liveDots.place puts one circle per point and reuses them", () => {
    const chart = Plot.plot({marks: [axesOnly()]});
    const dots = liveDots(chart, {class: "loss-dot"}, {r: 2.5});
    dots.place([1, 2, 3], [4, 5, 6]);
    const circles = [...dots.children];
    expect(circles.map((c) => [c.getAttribute("cx"), c.getAttribute("cy"), c.getAttribute("r")])).toEqual([
      ["1", "4", "2.5"],
      ["2", "5", "2.5"],
      ["3", "6", "2.5"]
    ]);
    dots.place([7], [8]);
    expect(dots.children).toHaveLength(1);
    expect(dots.children[0]).toBe(circles[0]);
    expect(dots.getAttribute("fill")).toBe("none");
  });

  test("axesOnly draws both axes and no data", () => {
    const chart = Plot.plot({x: {domain: [0, 10]}, y: {domain: [-1, 1]}, marks: [axesOnly()]});
    expect(chart.querySelectorAll('g[aria-label="x-axis tick label"] > *').length).toBeGreaterThan(2);
    expect(chart.querySelectorAll('g[aria-label="y-axis tick label"] > *').length).toBeGreaterThan(2);
    expect(chart.querySelectorAll("circle")).toHaveLength(0);
  });

  test("liveRulesY: Plot's ruleY attributes and shift (y only); rules placed, reused, hidden when not finite", () => {
    const plotted = Plot.plot({marks: [Plot.ruleY([0.5], {x1: 0, x2: 1})]});
    expect(groupAttributes(plotted, "rule")).toEqual(stringify(ruleDefaults));
    const plotShift = plotted.querySelector('g[aria-label="rule"]')!.getAttribute("transform");
    const chart = Plot.plot({marks: [axesOnly()]});
    const rules = liveRulesY(chart, {"stroke-opacity": 0.25});
    expect(rules.getAttribute("transform")).toBe(plotShift);
    expect(rules.getAttribute("stroke-opacity")).toBe("0.25");
    rules.place([10, 10, 10], [50, NaN, 80], [20, 40, 60]);
    const lines = [...rules.querySelectorAll("line")];
    expect(
      lines.map((l) => [
        l.getAttribute("x1"),
        l.getAttribute("x2"),
        l.getAttribute("y1"),
        l.getAttribute("y2")
      ])
    ).toEqual([
      ["10", "50", "20", "20"],
      [null, null, null, null],
      ["10", "80", "60", "60"]
    ]);
    expect(lines.map((l) => l.style.display)).toEqual(["", "none", ""]);
    rules.place([0], [5], [7]);
    expect(rules.querySelectorAll("line").length).toBe(1);
    expect(rules.querySelector("line")).toBe(lines[0]);
  });

  test("liveText: Plot's text attributes and shift (dx added); placed, rewritten, hidden and emptied when not finite", () => {
    const plotted = Plot.plot({marks: [Plot.text([[1, 2]], {x: "0", y: "1", text: () => "a", dx: 4})]});
    const plotGroup = plotted.querySelector('g[aria-label="text"]')!;
    expect(groupAttributes(plotted, "text")).toEqual(stringify(textDefaults));
    const chart = Plot.plot({marks: [axesOnly()]});
    const label = liveText(chart, {class: "pg-layer", "text-anchor": "start"}, {dx: 4});
    expect(label.getAttribute("transform")).toBe(plotGroup.getAttribute("transform"));
    expect(label.getAttribute("aria-label")).toBe("text");
    const text = label.querySelector("text")!;
    expect(text.getAttribute("y")).toBe(plotGroup.querySelector("text")!.getAttribute("y"));
    label.place(120, 30, "layer 1");
    expect([text.getAttribute("transform"), text.textContent, label.style.display]).toEqual([
      "translate(120,30)",
      "layer 1",
      ""
    ]);
    label.place(NaN, 30, "layer 1");
    expect([text.textContent, label.style.display]).toEqual(["", "none"]);
    label.place(5, 6, "output");
    expect([text.getAttribute("transform"), text.textContent, label.style.display]).toEqual([
      "translate(5,6)",
      "output",
      ""
    ]);
  });
});
