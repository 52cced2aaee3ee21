import * as Plot from "npm:@observablehq/plot/course";
import {svg} from "npm:htl";
import {deadRegions, vanishingRegions} from "../lib/regions.js";
import {sampleActivation} from "../lib/sample.js";
import {coursePlot, zeroRules} from "./coursePlot.js";
import {formatPowerOfTen} from "./format.js";
import {legend} from "./legend.js";
import {linePath, linearMap} from "./liveChart.js";
import {setText} from "./liveDom.js";
import {logAxis} from "./logAxis.js";
import {curveDash} from "./style.js";
import {withMarker} from "./tangentMarker.js";

/** A y-domain that holds both curves, with a little air. */
function curvesExtent({f, df}) {
  let lo = Infinity;
  let hi = -Infinity;
  for (const values of [f, df]) {
    for (const v of values) if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  }
  const pad = (hi - lo || 1) * 0.08;
  return [lo - pad, hi + pad];
}

/**
 * A chart of an activation f (solid) and its derivative f′ (dashed) over `domain`, with a
 * marked point at x and the tangent line of slope f′(x). The curves are drawn once;
 * `chart.update(x)` moves the point and the tangent without redrawing them, so a slider
 * stays cheap.
 *
 * @param activation an activation record from lib/ ({label, f, df, ...})
 * @returns an SVG element with an `update(x)` method
 */
export function activationChart(
  activation,
  {
    width = 640,
    height,
    domain = [-6, 6],
    yDomain,
    x = 0,
    title,
    zones,
    vanishingThreshold,
    shadeDead = false
  } = {}
) {
  height ??= Math.round(Math.max(220, Math.min(380, width * 0.55)));
  const curves = sampleActivation(activation, {from: domain[0], to: domain[1], count: 241});
  const {x: xs, f: fs, df: dfs} = curves;
  const name = activation.label;
  const y = yDomain ?? curvesExtent(curves);
  const shaded = slopeZones(activation, domain, {zones, vanishingThreshold, shadeDead});
  const chart = coursePlot({
    width,
    height,
    ariaLabel: title ?? `${name} and its derivative for x from ${domain[0]} to ${domain[1]}`,
    ariaDescription: `Solid line: ${name} f(x). Dashed line: its derivative f′(x). A dot marks the current x and a dotted line its tangent.`,
    x: {domain, label: "x"},
    y: {domain: y, label: "f(x), f′(x)"},
    marks: [
      ...zoneMarks(shaded, y, domain, width),
      ...zeroRules(),
      Plot.line(xs, {x: xs, y: fs, className: "chart-f", strokeWidth: 2.5, clip: true}),
      Plot.line(xs, {
        x: xs,
        y: dfs,
        className: "chart-df",
        strokeWidth: 2.5,
        strokeDasharray: curveDash.df,
        clip: true
      })
    ]
  });
  chart.dataset.view = "linear";
  withMarker(chart, activation, x);
  // Redraws the curves for another activation of the same shape (a new α) in place, for a
  // slider: only when the y-domain and the shaded zones stay the same; false otherwise.
  const fPath = chart.querySelector("g.chart-f path");
  const dfPath = chart.querySelector("g.chart-df path");
  const sameZones = (next) =>
    next.length === shaded.length &&
    next.every(
      (z, i) =>
        z.className === shaded[i].className &&
        Math.abs(z.from - shaded[i].from) < 1e-9 &&
        Math.abs(z.to - shaded[i].to) < 1e-9
    );
  chart.redraw = (next) => {
    if (!fPath || !dfPath) return false;
    const sampled = sampleActivation(next, {from: domain[0], to: domain[1], count: 241});
    if (!yDomain) {
      const [lo, hi] = curvesExtent(sampled);
      if (lo !== y[0] || hi !== y[1]) return false;
    }
    if (!sameZones(slopeZones(next, domain, {zones, vanishingThreshold, shadeDead}))) return false;
    // the chart's linear scales as plain functions (quicker than Plot's scale.apply)
    const sx = chart.scale("x");
    const sy = chart.scale("y");
    const px = linearMap(sx.domain, sx.range);
    const py = linearMap(sy.domain, sy.range);
    fPath.setAttribute("d", linePath(sampled.x, sampled.f, px, py));
    dfPath.setAttribute("d", linePath(sampled.x, sampled.df, px, py));
    chart.setFunction(next);
    return true;
  };
  return chart;
}

/**
 * The shaded stretches of x for a chart: explicit `zones` ({from, to, className, label}),
 * plus, computed from the record's df (never typed), the vanishing zones where
 * |f′| < vanishingThreshold (class chart-zone) and the dead zones where f′ = 0 (chart-dead).
 */
export function slopeZones(activation, domain, {zones = [], vanishingThreshold, shadeDead = false} = {}) {
  const [from, to] = domain;
  const dead = shadeDead ? deadRegions(activation.df, from, to) : [];
  const vanishing =
    vanishingThreshold > 0
      ? vanishingRegions(activation.df, from, to, vanishingThreshold).filter(
          (r) => !dead.some((d) => d.from <= r.from && r.to <= d.to)
        )
      : [];
  return [
    ...zones,
    ...vanishing.map((r) => ({...r, className: "chart-zone", label: `|f′| < ${vanishingThreshold}`})),
    ...dead.map((r) => ({...r, className: "chart-dead", label: "f′ = 0"}))
  ];
}

/** Rectangles spanning the chart's height for each zone, labelled at the top where wide enough. */
function zoneMarks(zones, [lo, hi], domain, width) {
  const pixelsPerUnit = (width - 60) / (domain[1] - domain[0]);
  return zones.flatMap((zone) => {
    const marks = [Plot.rect([zone], {x1: "from", x2: "to", y1: lo, y2: hi, className: zone.className})];
    if (zone.label && (zone.to - zone.from) * pixelsPerUnit >= 72) {
      marks.push(
        Plot.text([zone], {
          x: (d) => (d.from + d.to) / 2,
          y: hi,
          text: "label",
          dy: 10,
          className: "chart-zone-label"
        })
      );
    }
    return marks;
  });
}

/**
 * |f′(x)| on a logarithmic y axis, so the tails where the slope shrinks to 10⁻¹⁰ and below
 * stay visible; a rule marks `vanishingThreshold`. Where f′ = 0 exactly there is no point
 * to draw (0 is off every log scale): the curve has a gap, shaded when `shadeDead`. Has the
 * same `update(x)` as activationChart (the marker's dot sits on |f′(x)|).
 */
export function slopeLogChart(
  activation,
  {
    width = 640,
    height,
    domain = [-40, 40],
    x = 0,
    title,
    zones,
    vanishingThreshold = 0.01,
    shadeDead = false
  } = {}
) {
  height ??= Math.round(Math.max(220, Math.min(380, width * 0.55)));
  const {x: xs, df: dfs} = sampleActivation(activation, {from: domain[0], to: domain[1], count: 801});
  const abs = Array.from(dfs, (v) => (Math.abs(v) > 0 ? Math.abs(v) : NaN));
  const positive = abs.filter(Number.isFinite);
  const smallest = positive.length ? Math.min(...positive) : 1;
  const largest = positive.length ? Math.max(...positive) : 1;
  const yAxis = logAxis(Math.min(smallest, vanishingThreshold / 10), largest * 1.5, {
    count: width < 500 ? 4 : 6
  });
  const [lo, hi] = yAxis.domain;
  const name = activation.label;
  const shaded = slopeZones(activation, domain, {zones, vanishingThreshold, shadeDead});
  const chart = coursePlot({
    width,
    height,
    marginLeft: 48,
    ariaLabel: title ?? `|${name}′(x)| on a log scale for x from ${domain[0]} to ${domain[1]}`,
    ariaDescription: `Dashed line: the size of the derivative, |f′(x)|, on a logarithmic axis. A horizontal rule marks ${vanishingThreshold}.`,
    x: {domain, label: "x"},
    y: {
      type: "log",
      domain: [lo, hi],
      label: "|f′(x)| (log scale)",
      ticks: yAxis.ticks,
      tickFormat: formatPowerOfTen
    },
    marks: [
      ...zoneMarks(shaded, [lo, hi], domain, width),
      Plot.ruleY([vanishingThreshold], {className: "chart-threshold", strokeDasharray: "2 3"}),
      Plot.text([vanishingThreshold], {
        x: domain[1],
        y: vanishingThreshold,
        text: () => `${vanishingThreshold}`,
        textAnchor: "end",
        dy: -7,
        className: "chart-zone-label"
      }),
      Plot.line(xs, {
        x: xs,
        y: abs,
        className: "chart-df",
        strokeWidth: 2.5,
        strokeDasharray: curveDash.df,
        clip: true
      })
    ]
  });
  chart.dataset.view = "log";
  return withLogMarker(chart, activation, x);
}

/** The marker of slopeLogChart: a guide at x and a dot on |f′(x)| (hidden where f′ = 0). */
function withLogMarker(chart, activation, x0) {
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const [bottom, top] = sy.range;
  const marker = svg`<g class="chart-marker" aria-hidden="true">
    <line class="chart-guide" y1=${top} y2=${bottom}></line>
    <circle class="chart-df" r="5"></circle>
    <text class="chart-zone-label" text-anchor="middle" y=${bottom - 8}></text>
  </g>`;
  chart.append(marker);
  const guide = marker.querySelector("line");
  const dot = marker.querySelector("circle");
  const note = marker.querySelector("text");
  const [xmin, xmax] = sx.domain;
  chart.update = (x) => {
    const fx = activation.f(x);
    const dfx = activation.df(x);
    const px = sx.apply(Math.max(xmin, Math.min(xmax, x)));
    guide.setAttribute("x1", px);
    guide.setAttribute("x2", px);
    const size = Math.abs(dfx);
    dot.style.display = size > 0 ? "" : "none";
    dot.setAttribute("cx", px);
    dot.setAttribute("cy", size > 0 ? Math.max(top - 20, Math.min(bottom + 20, sy.apply(size))) : bottom);
    note.setAttribute("x", px);
    setText(note, size > 0 ? "" : "f′ = 0");
    marker.dataset.x = x;
    marker.dataset.f = fx;
    marker.dataset.df = dfx;
    return chart;
  };
  return chart.update(x0);
}

/**
 * A legend telling f and f′ apart by colour and dash (a label of null leaves its curve out),
 * and the shaded stretches `zones` ({className: "chart-zone" | "chart-dead", label}).
 */
export function curveLegend({f = "f(x)", df = "f′(x)", zones = []} = {}) {
  return legend([
    {label: f, className: "chart-f", line: {dash: curveDash.f}},
    {label: df, className: "chart-df", line: {dash: curveDash.df}},
    ...zones.map(({className, label}) => ({label, className, area: true}))
  ]);
}
