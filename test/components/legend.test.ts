// @vitest-environment jsdom
// One legend builder: each item's swatch is drawn as its chart draws the mark.
import {describe, expect, test} from "vitest";
import {legend} from "../../src/components/legend.js";
import {symbolPath} from "../../src/components/symbols.js";

describe("legend", () => {
  test("a line swatch with its class, width and dash; null labels left out", () => {
    const root = legend([
      {label: "f(x)", className: "chart-f", line: {dash: "none"}},
      {label: null, className: "chart-df", line: {dash: "7 4"}},
      {label: "one layer", className: "chart-df", line: {dash: "7 4", width: 7, opacity: 0.45, cap: "round"}}
    ]);
    expect(root.className).toBe("legend");
    const items = [...root.children];
    expect(items.map((i) => i.textContent)).toEqual(["f(x)", "one layer"]);
    const line = items[1].querySelector("svg line")!;
    expect(line.getAttribute("class")).toBe("chart-df");
    expect(line.getAttribute("stroke-width")).toBe("7");
    expect(line.getAttribute("stroke-dasharray")).toBe("7 4");
    expect(line.getAttribute("stroke-opacity")).toBe("0.45");
    expect(line.getAttribute("stroke-linecap")).toBe("round");
    expect(items[0].querySelector("svg")!.getAttribute("aria-hidden")).toBe("true");
    expect(items[0].querySelector("line")!.getAttribute("stroke-width")).toBe("2.5");
  });

  test("a line with its marker: the class on the swatch, d3's symbol, filled or stroked", () => {
    const root = legend(
      [
        {label: "ReLU", className: "series-relu", line: {dash: "2 3"}, symbol: "triangle"},
        {label: "GELU", className: "series-gelu", line: {dash: "none", width: 2.25}, symbol: "times"}
      ],
      {className: "legend compare-legend"}
    );
    expect(root.className).toBe("legend compare-legend");
    const [relu, gelu] = [...root.querySelectorAll("svg")];
    expect(relu.getAttribute("class")).toBe("series-relu");
    expect(relu.querySelector("path")!.getAttribute("d")).toBe(symbolPath("triangle", 4.5));
    expect(relu.querySelector("path")!.getAttribute("fill")).toBe("currentColor");
    expect(gelu.querySelector("path")!.getAttribute("fill")).toBe("none");
    expect(gelu.querySelector("path")!.getAttribute("stroke")).toBe("currentColor");
    expect(gelu.querySelector("line")!.getAttribute("stroke-width")).toBe("2.25");
  });

  test("a dot and a shaded area", () => {
    const root = legend([
      {label: "check", className: "chart-check", dot: 3.5},
      {label: "undefined", className: "chart-undefined", area: true}
    ]);
    expect(root.querySelector("circle")!.getAttribute("r")).toBe("3.5");
    expect(root.querySelector("circle")!.getAttribute("class")).toBe("chart-check");
    expect(root.querySelector("rect")!.getAttribute("class")).toBe("chart-undefined");
  });

  test("a marker alone, filled in its class's colour; notes after the items", () => {
    const root = legend(
      [
        {label: "class +1", className: "pg-positive", marker: "circle"},
        {label: "class −1", className: "pg-negative", marker: "diamond"}
      ],
      {notes: ["filled: training", "hollow: test"]}
    );
    const paths = [...root.querySelectorAll("svg path")];
    expect(paths.map((p) => p.getAttribute("d"))).toEqual([symbolPath("circle", 4.5), symbolPath("diamond", 4.5)]);
    expect(paths.map((p) => p.getAttribute("class"))).toEqual(["pg-positive", "pg-negative"]);
    expect(paths[1].getAttribute("fill")).toBe("currentColor");
    expect(root.querySelector("line")).toBeNull();
    expect([...root.children].map((i) => i.textContent)).toEqual(["class +1", "class −1", "filled: training", "hollow: test"]);
  });
});
