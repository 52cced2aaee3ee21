// @vitest-environment jsdom
// The charts whose curves a slider redraws in place: stackChart (/linear), gatedChart (/more-
// activations) and zigzagChart (/sigmoid), with their legends. A chart updated in place draws
// exactly as the chart drawn afresh for the same curves; a snapshot of each catches an
// unintended change of drawing.
import {describe, test} from "vitest";
import {gatedPoint} from "../../lib/gated.js";
import {linspace} from "../../lib/sample.js";
import * as gated from "../../src/components/gatedChart.js";
import * as stack from "../../src/components/stackChart.js";
import * as zigzag from "../../src/components/zigzagChart.js";
import {expectSameDrawing, expectSnapshot, type Loose} from "./snapshot.js";

const {gatedChart, gatedLegend} = gated as Loose<typeof gated>;
const {stackChart, stackLegend} = stack as Loose<typeof stack>;
const {zigzagChart, zigzagLegend} = zigzag as Loose<typeof zigzag>;

const xs = Array.from(linspace(-4, 4, 81));

describe("stackChart", () => {
  /** Two layers w₂(w₁x + b₁) + b₂, the one layer they make, and ReLU between them. */
  const curves = (w1: number, b1: number, w2: number, b2: number) => ({
    stacked: xs.map((x) => w2 * (w1 * x + b1) + b2),
    single: xs.map((x) => w2 * w1 * x + (w2 * b1 + b2)),
    withRelu: xs.map((x) => w2 * Math.max(0, w1 * x + b1) + b2),
    kink: w1 !== 0 && Math.abs(-b1 / w1) <= 4 ? {x: -b1 / w1, y: b2} : null
  });

  test("update to steeper curves (the y-axis re-ticks) draws as the chart drawn afresh", () => {
    const b = curves(2, 1, -3, 0.5);
    const updated = stackChart({width: 480, xs, ...curves(1, 0, 1, 0)}).update(b);
    expectSameDrawing(updated, stackChart({width: 480, xs, ...b}));
    expectSnapshot("stackChart", updated);
    expectSnapshot("stackLegend", stackLegend());
  });

  test("update to a flat stack (no kink) and curves with a gap (NaN) draws as afresh", () => {
    const b = {...curves(0, 0.5, 1, 0), withRelu: xs.map((x, i) => (i === 40 ? NaN : 0.5))};
    const updated = stackChart({width: 480, xs, ...curves(2, 1, -3, 0.5)}).update(b);
    expectSameDrawing(updated, stackChart({width: 480, xs, ...b}));
  });

  test("the page's own start: empty curves, then the sliders' curves", () => {
    const b = curves(1.5, 0.5, 1.2, -1);
    const updated = stackChart({width: 640, xs, stacked: [], single: [], withRelu: [], kink: null}).update(b);
    expectSameDrawing(updated, stackChart({width: 640, xs, ...b}));
  });
});

describe("gatedChart", () => {
  const gxs = Array.from(linspace(-4, 4, 161));
  const unit = (id: "glu" | "swiglu" | "geglu", x: number, w: number, v: number) => {
    const curve = gxs.map((t) => gatedPoint(id, t, w, v));
    const here = gatedPoint(id, x, w, v);
    return {
      out: curve.map((p) => p.out),
      dx: curve.map((p) => p.dx),
      gate: curve.map((p) => p.gate),
      point: {x, out: here.out, dx: here.dx}
    };
  };

  test("update to another unit and larger weights (the y-axis re-ticks) draws as the chart drawn afresh", () => {
    const b = unit("geglu", -2.5, 2, 2);
    const updated = gatedChart({width: 480, xs: gxs, label: "GLU"})
      .update(unit("swiglu", 1, 1, 0.5))
      .update(b);
    expectSameDrawing(updated, gatedChart({width: 480, xs: gxs, label: "GLU", ...b}));
    expectSnapshot("gatedChart", updated);
    expectSnapshot("gatedLegend", gatedLegend());
  });

  test("update to no point (the dots hide) draws as afresh", () => {
    const b = {...unit("glu", 0, 1, 1), point: null};
    const updated = gatedChart({width: 480, xs: gxs, ...unit("swiglu", 1, 1, 0.5)}).update(b);
    expectSameDrawing(updated, gatedChart({width: 480, xs: gxs, ...b}));
  });
});

describe("zigzagChart", () => {
  const start: [number, number] = [-1.5, 1];
  const best: [number, number] = [1, -1];
  /** A path of n steps from the start towards the best weights, zigzagging when `zig`. */
  const path = (n: number, zig: number): [number, number][] =>
    Array.from({length: n + 1}, (_, k) => {
      const t = k / Math.max(1, n);
      const wobble = k % 2 ? zig : -zig;
      return [start[0] + t * (best[0] - start[0]) + wobble, start[1] + t * (best[1] - start[1]) + wobble];
    });

  test("update to longer paths, one leaving the plane, draws as the chart drawn afresh", () => {
    const b = {example: path(30, 0.2), batch: path(12, 0).map(([w1, w2]): [number, number] => [w1 * 3, w2])};
    const updated = zigzagChart({width: 480, start, best})
      .update({example: path(4, 0.1), batch: path(2, 0)})
      .update(b);
    expectSameDrawing(updated, zigzagChart({width: 480, start, best, ...b}));
    expectSnapshot("zigzagChart", updated);
    expectSnapshot("zigzagLegend", zigzagLegend());
  });

  test("update to paths that stop at a non-finite step draws as afresh", () => {
    const example = path(10, 0.15);
    example[6] = [NaN, Infinity];
    const b = {example, batch: []};
    const updated = zigzagChart({width: 480, start, best})
      .update({example: path(20, 0.1), batch: path(20, 0)})
      .update(b);
    expectSameDrawing(updated, zigzagChart({width: 480, start, best, ...b}));
  });
});
