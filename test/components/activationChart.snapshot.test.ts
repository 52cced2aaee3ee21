// @vitest-environment jsdom
// activationChart, slopeLogChart (and the zones they shade, slopeZones) and the tangent
// marker (withMarker): a chart moved in place by update(x), or redrawn for a new α by
// redraw, draws exactly as the chart drawn afresh there; a snapshot of each catches an
// unintended change of drawing.
import {describe, expect, test} from "vitest";
import {activations, makeElu, makeLeakyRelu} from "../../lib/activations.js";
import * as activationCharts from "../../src/components/activationChart.js";
import {slopeZones} from "../../src/components/activationChart.js";
import {withMarker} from "../../src/components/tangentMarker.js";
import * as Plot from "@observablehq/plot";
import {expectSameDrawing, expectSnapshot, type Loose} from "./snapshot.js";

const {activationChart, curveLegend, slopeLogChart} = activationCharts as Loose<typeof activationCharts>;

const {sigmoid, tanh, relu} = activations;

describe("activationChart", () => {
  test.each([
    ["a point inside the domain", 3],
    ["a point far off the axis", 50],
    ["x = NaN (the marker hides)", NaN],
    ["x = −Infinity", -Infinity]
  ])("update(x) to %s draws as the chart drawn afresh there", (_, x) => {
    const updated = activationChart(tanh, {width: 480, x: 0}).update(x);
    const fresh = activationChart(tanh, {width: 480, x});
    expectSameDrawing(updated, fresh);
    expect(updated.querySelector(".chart-marker")!.getAttribute("data-x")).toBe(String(x));
  });

  test("redraw for a new α draws as the chart drawn afresh for it", () => {
    const options = {width: 480, domain: [-4, 4], yDomain: [-1.5, 4.5], x: -2};
    const updated = activationChart(makeLeakyRelu(0.01), options);
    expect(updated.redraw(makeLeakyRelu(0.3))).toBe(true);
    expectSameDrawing(updated, activationChart(makeLeakyRelu(0.3), options));
    expectSnapshot("activationChart-leakyRelu", updated);
  });

  test("redraw refuses a function whose curves need another y-domain, and leaves the chart as it was", () => {
    const chart = activationChart(makeElu(1), {width: 480, x: 1});
    expect(chart.redraw(makeElu(2))).toBe(false);
    expectSameDrawing(chart, activationChart(makeElu(1), {width: 480, x: 1}));
  });

  test("snapshot: sigmoid with its vanishing zones, marked at x = 3", () => {
    const chart = activationChart(sigmoid, {width: 640, x: 0, vanishingThreshold: 0.05}).update(3);
    expectSnapshot("activationChart-sigmoid", chart);
  });

  test("snapshot: ReLU with its dead zone shaded, marked at x = 1 (phone width)", () => {
    expectSnapshot("activationChart-relu", activationChart(relu, {width: 360, x: 1, shadeDead: true}));
  });
});

describe("slopeLogChart", () => {
  test.each([
    ["a point in a tail", -30],
    ["a point where f′ = 0 (the dot hides, a note shows)", -3],
    ["a point far off the axis", 1e6],
    ["x = NaN", NaN]
  ])("update(x) to %s draws as the chart drawn afresh there", (_, x) => {
    const activation = x === -3 ? relu : sigmoid;
    const updated = slopeLogChart(activation, {width: 480, x: 1, shadeDead: true}).update(x);
    expectSameDrawing(updated, slopeLogChart(activation, {width: 480, x, shadeDead: true}));
  });

  test("snapshot: |σ′| on a log axis, marked at x = −30", () => {
    expectSnapshot("slopeLogChart-sigmoid", slopeLogChart(sigmoid, {width: 640, x: 1}).update(-30));
  });

  test("snapshot: |ReLU′| with its dead half shaded, marked where f′ = 0", () => {
    expectSnapshot("slopeLogChart-relu", slopeLogChart(relu, {width: 480, x: 2, shadeDead: true}).update(-3));
  });
});

describe("slopeZones", () => {
  test("shades ReLU's dead half and nothing else", () => {
    expect(
      slopeZones(relu, [-4, 4], {shadeDead: true}).map(({className, from, to}) => [className, from, to])
    ).toEqual([["chart-dead", -4, 0]]);
  });
});

describe("withMarker on any Plot chart of a function", () => {
  const chartOf = () =>
    Plot.plot({width: 400, height: 240, x: {domain: [-2, 2]}, y: {domain: [-1, 5]}, marks: [Plot.frame()]});
  const square = {f: (x: number) => x * x, df: (x: number) => 2 * x};

  test("update(x) draws as the marker placed afresh there, with the tangent cut at the frame", () => {
    const updated = withMarker(chartOf(), square, 0).update(1.5);
    expectSameDrawing(updated, withMarker(chartOf(), square, 1.5));
    expectSnapshot("tangentMarker-square", updated);
  });

  test("setFunction swaps the function and re-marks the last x", () => {
    const cube = {f: (x: number) => x ** 3, df: (x: number) => 3 * x * x};
    const updated = withMarker(chartOf(), square, 0).update(1);
    updated.setFunction(cube);
    expectSameDrawing(updated, withMarker(chartOf(), cube, 1));
  });
});

describe("curveLegend", () => {
  test("snapshot: f, f′ and both kinds of zone", () => {
    expectSnapshot(
      "curveLegend",
      curveLegend({
        zones: [
          {className: "chart-zone", label: "|f′| < 0.05"},
          {className: "chart-dead", label: "f′ = 0"}
        ]
      })
    );
  });
});
