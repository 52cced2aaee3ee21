import * as Plot from "npm:@observablehq/plot/course";
import {coursePlot, zeroRules} from "./coursePlot.js";
import {legend} from "./legend.js";
import {frameClip, linearMap} from "./liveChart.js";
import {liveLine} from "./liveMark.js";
import {curveDash} from "./style.js";

/** The plane of the two weights the chart shows; paths that leave it are clipped. */
const W1_DOMAIN = [-2, 1.5];
const W2_DOMAIN = [-1.5, 1.5];

/** Path data through [w₁, w₂] points (pixels rounded to 0.01). */
function pointsPath(points, x, y) {
  let d = "";
  for (const [w1, w2] of points) {
    if (!Number.isFinite(w1) || !Number.isFinite(w2)) break;
    d += `${d ? "L" : "M"}${Math.round(x(w1) * 100) / 100},${Math.round(y(w2) * 100) / 100}`;
  }
  return d;
}

/**
 * Two descent paths of the two weights of one unit in the (w₁, w₂) plane: one example per
 * step (solid, with a dot at each step) and the whole batch per step (dashed), from a start
 * (ring) towards the weights that fit the data (cross), as lib/zigzag.js computes them.
 * Plot draws the axes and the two fixed points once; `chart.update({example, batch})`, each
 * an array of [w₁, w₂], redraws the paths in place.
 */
export function zigzagChart({width = 640, height, start, best, example = [], batch = []}) {
  height ??= Math.round(Math.max(240, Math.min(360, width * 0.6)));
  const chart = coursePlot({
    width,
    height,
    ariaLabel: "Descent paths of two weights, w₁ across and w₂ up",
    ariaDescription:
      "Solid line with dots: one example per step, every step up and to the right or down and to the left. Dashed line: the whole batch per step. Ring: the start. Cross: the weights that fit every example.",
    x: {domain: W1_DOMAIN, label: "w₁", grid: true},
    y: {domain: W2_DOMAIN, label: "w₂"},
    marks: [
      ...zeroRules(),
      Plot.dot([start], {x: "0", y: "1", r: 6, stroke: "currentColor", strokeWidth: 2}),
      Plot.dot([best], {x: "0", y: "1", r: 7, symbol: "times", stroke: "currentColor", strokeWidth: 2.5})
    ]
  });
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const x = linearMap(sx.domain, sx.range);
  const y = linearMap(sy.domain, sy.range);
  const clip = frameClip(chart, sx.range, sy.range);
  const line = (className, attributes) =>
    liveLine(chart, {class: className, "stroke-width": 2, "clip-path": clip, ...attributes});
  const batchPath = line("chart-df zigzag-batch", {"stroke-dasharray": curveDash.df, "stroke-width": 2.5});
  const examplePath = line("chart-f zigzag-example");
  // a dot at every step of the single-example path: round caps on zero-length segments
  const stepDots = line("chart-f zigzag-steps", {"stroke-width": 5});
  chart.update = ({example, batch}) => {
    examplePath.setAttribute("d", pointsPath(example, x, y));
    batchPath.setAttribute("d", pointsPath(batch, x, y));
    stepDots.setAttribute("d", pointsPath(example, x, y).replaceAll("L", "h0M") + (example.length ? "h0" : ""));
    return chart;
  };
  return chart.update({example, batch});
}

/** The legend of zigzagChart. */
export function zigzagLegend() {
  return legend(
    [
      {label: "one example per step", className: "chart-f", line: {dash: curveDash.f, cap: "round"}},
      {label: "the whole batch per step", className: "chart-df", line: {dash: curveDash.df, cap: "round"}}
    ],
    {notes: ["○ start", "× weights that fit every example"]}
  );
}
