// The spread chart of the initialisation page: for every layer of a deep random network
// (lib/deepStats.ts), how large its pre-activations z are on the forward pass and its
// gradients δ = ∂L/∂z on the backward pass, on a log axis. A line joins each layer's root mean
// square √E[x²]; a band behind it runs from half the width of the middle 50 % of the values
// to half the width of the middle 90 % (lib/spread.ts's quantiles), down to the bottom of the
// axis where more than half of the values are exactly 0. Plot draws the axes once;
// chart.update(result) moves the lines, bands, dots and axes in place, writing an attribute
// only when its value changes; chart.highlight(layer) marks one layer with a vertical rule.
import * as Plot from "npm:@observablehq/plot/course";
import {formatNumber} from "./format.js";
import {legend} from "./legend.js";
import {linePath, linearMap, setIfChanged, setLinearAxis} from "./liveChart.js";
import {axesOnly, liveLine} from "./liveMark.js";
import {logAxis, logMap, setLogAxis} from "./logAxis.js";

/** Framework's `width` can be 0 for a moment while the page lays out; the chart never goes below this. */
const MIN_WIDTH = 240;

/** The two series: the forward pass's z and the backward pass's δ. */
export const spreadSeries = [
  {key: "forward", label: "forward: z", className: "spread-forward", dash: "none"},
  {key: "backward", label: "backward: δ = ∂L/∂z", className: "spread-backward", dash: "6 4"}
];

/** A legend of the two series (lines) and of the bands (areas). */
export function spreadLegend() {
  return legend([
    ...spreadSeries.map(({label, className, dash}) => ({
      label: `${label} (root mean square)`,
      className,
      line: {dash}
    })),
    {label: "band: half-widths of the middle 50 % to 90 %", className: "spread-band-swatch", area: true}
  ]);
}

/** The spread of one sample as the chart draws it: √E[x²], and the half-widths of its middle 50 % and 90 %. */
export function spreadSizes(spread) {
  if (!spread) return null;
  const [q05, q25, , q75, q95] = spread.quantiles;
  return {rms: Math.sqrt(spread.secondMoment), inner: (q75 - q25) / 2, outer: (q95 - q05) / 2};
}

/**
 * Per layer, the sizes of z (forward) and δ (backward; null where the backward pass has not arrived).
 * @typedef {{rms: number, inner: number, outer: number}} SpreadSizes
 * @param {{layers: {layer: number, pre: any, gradient?: any}[]}} result
 * @returns {{layer: number, forward: SpreadSizes | null, backward: SpreadSizes | null}[]}
 */
export function spreadRows(result) {
  return result.layers.map((l) => ({
    layer: l.layer,
    forward: spreadSizes(l.pre),
    backward: spreadSizes(l.gradient)
  }));
}

/** Whether a value can sit on a log axis. */
const drawable = (v) => v > 0 && Number.isFinite(v);

/** The axes and the aria label for a result; for null (nothing computed yet), 20 empty layers. */
function layout(result) {
  if (!result) {
    return {
      rows: [],
      x: [1, 20],
      yAxis: logAxis(0.1, 10),
      ariaLabel: "Spread of z and of the gradient δ at each layer: computing"
    };
  }
  const rows = spreadRows(result);
  const values = rows.flatMap((r) =>
    [r.forward, r.backward].flatMap((s) => (s ? [s.rms, s.inner, s.outer] : [])).filter(drawable)
  );
  const lo = values.length ? Math.min(...values) : 0.1;
  const hi = values.length ? Math.max(...values) : 10;
  const first = rows[0];
  const last = rows.at(-1);
  const said = (s) => (s ? formatNumber(s.rms, {digits: 3}) : "not yet computed");
  return {
    rows,
    // in steps of five layers, so the Depth slider re-ticks the axis only every fifth layer
    x: [1, Math.max(5, Math.ceil(result.depth / 5) * 5)],
    yAxis: logAxis(lo, hi, {count: 6, snap: 2}),
    ariaLabel: `Spread of z and of the gradient δ at each of ${result.depth} layers, log scale: z has root mean square ${said(first.forward)} at layer 1 and ${said(last.forward)} at layer ${last.layer}; δ has ${said(first.backward)} at layer 1 and ${said(last.backward)} at layer ${last.layer}`
  };
}

const logTick = (d) => formatNumber(d, {digits: 2});

/**
 * The closed outline of a band between `lower` and `upper` (pixel-mapped), broken wherever
 * either end is not drawable, so a layer whose values all vanished leaves a gap.
 */
export function bandPath(xs, lower, upper, x, y) {
  let d = "";
  let run = [];
  const flush = () => {
    if (run.length > 1) {
      const top = run.map((i) => `${round(x(xs[i]))},${round(y(upper[i]))}`);
      const bottom = run.map((i) => `${round(x(xs[i]))},${round(y(lower[i]))}`).reverse();
      d += `M${top.join("L")}L${bottom.join("L")}Z`;
    }
    run = [];
  };
  for (let i = 0; i < xs.length; i++) {
    if (drawable(lower[i]) && drawable(upper[i])) run.push(i);
    else flush();
  }
  flush();
  return d;
}

/** A pixel to 0.01 px, clamped far outside the chart (SVG reads path numbers as floats). */
const round = (v) => Math.round(Math.max(-1e6, Math.min(1e6, v)) * 100) / 100;

/** The radius of a layer's dot. */
const DOT_RADIUS = 2.5;

/**
 * Dots of radius `r` at the pixel positions (xs[i], ys[i]) as one path of circles (each two
 * half-circle arcs, as d3-path draws a circle): one element for the page to rewrite when a
 * result arrives, not one circle per layer, each of which the browser would restyle and lay
 * out again. Filled and not outlined, a path of circles looks exactly as the circles did.
 */
export function dotsPath(xs, ys, r = DOT_RADIUS) {
  let d = "";
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const y = ys[i];
    d += `M${round(x + r)},${y}A${r},${r},0,1,1,${round(x - r)},${y}A${r},${r},0,1,1,${round(x + r)},${y}Z`;
  }
  return d;
}

/** The chart, drawn once for `result` (null: empty axes until the first result); chart.update(next) redraws it in place. */
export function spreadChart(result, {width = 640} = {}) {
  width = Math.max(width, MIN_WIDTH);
  let current = layout(result);
  const chart = Plot.plot({
    width,
    height: Math.round(Math.max(260, Math.min(380, width * 0.55))),
    marginLeft: 62,
    marginBottom: 36,
    ariaLabel: current.ariaLabel,
    x: {
      domain: current.x,
      label: "layer (1 = first, next to the inputs)",
      labelAnchor: "right",
      labelArrow: "none"
    },
    y: {
      type: "log",
      domain: current.yAxis.domain,
      ticks: current.yAxis.ticks,
      label: "size of z and δ (log scale)",
      labelArrow: "none",
      grid: true,
      tickFormat: logTick
    },
    // update draws the data in place
    marks: [axesOnly()]
  });
  chart.classList.add("spread-chart");
  const xRange = chart.scale("x").range;
  const yRange = chart.scale("y").range;
  const marks = spreadSeries.map(({key, className, dash}) => {
    const band = liveLine(chart, {class: `${className} spread-band`, fill: "currentColor", stroke: "none"});
    const line = liveLine(chart, {class: className, "stroke-width": 2.5, "stroke-dasharray": dash});
    // a filled dot per layer (no outline: stroke null leaves the attribute out), all in one path
    const dots = liveLine(chart, {class: className, "aria-label": "dot", fill: "currentColor", stroke: null});
    return {key, band, line, dots};
  });
  // the layer whose arithmetic the page shows, marked by a thin vertical rule
  const marker = liveLine(chart, {class: "spread-marker", "stroke-opacity": 0.5, "stroke-dasharray": "2 3"});
  let highlighted = null;
  const drawMarker = () => {
    const x = linearMap(current.x, xRange);
    const shown = highlighted !== null && highlighted >= current.x[0] && highlighted <= current.x[1];
    setIfChanged(marker, "d", shown ? `M${round(x(highlighted))},${yRange[0]}V${yRange[1]}` : "");
  };
  const draw = () => {
    drawMarker();
    const x = linearMap(current.x, xRange);
    const y = logMap(current.yAxis.domain, yRange);
    for (const {key, band, line, dots} of marks) {
      const rows = current.rows.filter((r) => r[key]);
      const xs = rows.map((r) => r.layer);
      const rms = rows.map((r) => (drawable(r[key].rms) ? r[key].rms : NaN));
      // where more than half of the values are exactly 0 (ReLU's gradients, often), the middle
      // 50 % has no width: the band then reaches down to the bottom of the axis, towards 0
      const floor = current.yAxis.domain[0];
      setIfChanged(
        band,
        "d",
        bandPath(
          xs,
          rows.map((r) => (r[key].inner > 0 || !drawable(r[key].outer) ? r[key].inner : floor)),
          rows.map((r) => r[key].outer),
          x,
          y
        )
      );
      setIfChanged(line, "d", linePath(xs, rms, x, y));
      const shown = xs.map((_, i) => i).filter((i) => Number.isFinite(rms[i]));
      setIfChanged(
        dots,
        "d",
        dotsPath(
          shown.map((i) => round(x(xs[i]))),
          shown.map((i) => round(y(rms[i])))
        )
      );
    }
  };
  chart.update = (next) => {
    const nextLayout = layout(next);
    if (nextLayout.x[1] !== current.x[1]) setLinearAxis(chart, "x", nextLayout.x, xRange);
    setLogAxis(chart, "y", nextLayout.yAxis, current.yAxis, yRange, logTick);
    current = nextLayout;
    setIfChanged(chart, "aria-label", current.ariaLabel);
    draw();
    return chart;
  };
  /** Marks `layer` with a vertical rule (null: none). */
  chart.highlight = (layer) => {
    highlighted = Number.isFinite(layer) ? layer : null;
    drawMarker();
    return chart;
  };
  draw();
  return chart;
}
