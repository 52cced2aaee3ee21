import * as Plot from "npm:@observablehq/plot/course";
import {gradcheck} from "../lib/gradcheck.js";
import {linspace} from "../lib/sample.js";
import {nonFiniteIntervals} from "../lib/expression.js";
import {withMarker} from "./tangentMarker.js";
import {coursePlot, zeroRules} from "./coursePlot.js";
import {legend} from "./legend.js";
import {frameClip, linePath, linearMap} from "./liveChart.js";
import {liveLine} from "./liveMark.js";
import {curveDash} from "./style.js";

/** A y-domain for f and f′ that ignores a few extreme values (e.g. near a pole of 1/x). */
function robustExtent(values) {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) return [-1, 1];
  const quantile = (q) =>
    finite[Math.min(finite.length - 1, Math.max(0, Math.round(q * (finite.length - 1))))];
  let lo = finite[0];
  let hi = finite[finite.length - 1];
  const [q1, q99] = [quantile(0.02), quantile(0.98)];
  // a few points far beyond the rest (a pole) would flatten everything else: clip them
  if (hi - lo > 20 * Math.max(q99 - q1, 1e-9)) [lo, hi] = [q1, q99];
  if (!(hi > lo)) [lo, hi] = [lo - 1, hi + 1];
  const pad = (hi - lo) * 0.08;
  return [lo - pad, hi + pad];
}

/**
 * A chart of a reader's formula: f (solid), f′ by automatic differentiation (dashed), and
 * central differences of f (hollow dots) drawn over f′ as a check; grey bands where f is
 * undefined. `chart.update(x)` moves the marked point and its tangent without a redraw.
 *
 * @param fn {f, df, label} (a compiled expression or activation record)
 */
export function formulaChart(
  fn,
  {width = 640, height, domain = [-6, 6], x: x0 = 0, count = 241, checkEvery = 8} = {}
) {
  width = Math.max(240, width);
  height ??= Math.round(Math.max(240, Math.min(400, width * 0.58)));
  const xs = linspace(domain[0], domain[1], count);
  const fs = Array.from(xs, (t) => fn.f(t));
  const dfs = Array.from(xs, (t) => fn.df(t));
  const checks = [];
  for (let i = Math.floor(checkEvery / 2); i < count; i += checkEvery) {
    const t = xs[i];
    if (!Number.isFinite(fn.f(t))) continue;
    const numeric = gradcheck(fn.f, t);
    if (Number.isFinite(numeric)) checks.push({x: t, y: numeric});
  }
  const step = (domain[1] - domain[0]) / (count - 1);
  const gaps = nonFiniteIntervals(xs, fs).map((g) => ({
    from: Math.max(domain[0], g.from - step / 2),
    to: Math.min(domain[1], g.to + step / 2),
    kind: g.kind
  }));
  const yDomain = robustExtent([...fs, ...dfs]);
  const chart = coursePlot({
    width,
    height,
    marginLeft: 48,
    ariaLabel: `${fn.label ?? "Your function"} and its derivative for x from ${domain[0]} to ${domain[1]}`,
    ariaDescription:
      "Solid line: f(x). Dashed line: f′(x) by automatic differentiation. Hollow dots: f′ by central differences, which should sit on the dashed line. Grey bands: where f is undefined. A dot marks the current x and a dotted line its tangent.",
    x: {domain, label: "x"},
    y: {domain: yDomain, label: "f(x), f′(x)"},
    marks: [
      Plot.rect(gaps, {x1: "from", x2: "to", y1: yDomain[0], y2: yDomain[1], className: "chart-undefined"}),
      ...zeroRules(),
      Plot.dot(checks, {x: "x", y: "y", r: 3.5, className: "chart-check", clip: true})
    ]
  });
  // f and f′ are drawn under the check dots with linePath, which leaves a gap where a value
  // is not finite and keeps a value far off the chart (1e60) to numbers SVG can read
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const x = linearMap(sx.domain, sx.range);
  const y = linearMap(sy.domain, sy.range);
  const clip = frameClip(chart, sx.range, sy.range);
  const checkDots = chart.querySelector("g.chart-check");
  const line = (className, dash) =>
    liveLine(
      chart,
      {class: className, "stroke-width": 2.5, "stroke-dasharray": dash, "clip-path": clip},
      {before: checkDots}
    );
  line("chart-f", null).setAttribute("d", linePath(xs, fs, x, y));
  line("chart-df", curveDash.df).setAttribute("d", linePath(xs, dfs, x, y));
  chart.dataset.gaps = String(gaps.length);
  return withMarker(chart, fn, x0);
}

/** Legend: f solid, f′ (autodiff) dashed, central differences as hollow dots, undefined band. */
export function formulaLegend({gaps = false} = {}) {
  return legend([
    {label: "f(x)", className: "chart-f", line: {dash: curveDash.f}},
    {label: "f′(x) by autodiff", className: "chart-df", line: {dash: curveDash.df}},
    {label: "f′(x) by central differences", className: "chart-check", dot: 3.5},
    {label: gaps ? "f undefined" : null, className: "chart-undefined", area: true}
  ]);
}
