import * as Plot from "npm:@observablehq/plot/course";
import {html, svg} from "npm:htl";
import {linearMap, linePath, setLinearAxis, steadyCeiling, svgElement} from "./liveChart.js";

/**
 * The y-domain of gatedChart: every finite value and [−1, 1], each end rounded out to a
 * steady step (1.5, 2, 3, 5, …), so the axis stays put while a slider nudges the curves.
 */
function gatedDomain(curves) {
  let lo = -1;
  let hi = 1;
  for (const values of curves) {
    for (const v of values) if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  }
  return [-steadyCeiling(-lo), steadyCeiling(hi)];
}

/**
 * A gated unit over x for fixed weights: its output g(xW)·xV (solid), its derivative in x
 * (dashed) and the gate g(xW) (dotted), each given as y-values over the same xs (computed
 * by the page with lib/gated.js), and a dot on the output and on the derivative at the
 * current x. Plot draws the axes once; `chart.update({out, dx, gate, point})`, with point
 * {x, out, dx}, redraws the curves, the dots and (when the range changes) the y-ticks in place.
 */
export function gatedChart({width = 640, height, xs, out = [], dx = [], gate = [], point = null, label = "unit"}) {
  height ??= Math.round(Math.max(220, Math.min(340, width * 0.5)));
  const domain = gatedDomain([out, dx, gate]);
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginBottom: 36,
    ariaLabel: `A gated unit (${label}) for x from ${xs[0]} to ${xs[xs.length - 1]}`,
    ariaDescription:
      "Solid line: the unit's output, the gate times xV. Dashed line: its derivative with respect to x. Dotted line: the gate alone. Dots mark the current x.",
    x: {domain: [xs[0], xs[xs.length - 1]], label: "x", labelAnchor: "right", labelArrow: "none"},
    y: {domain, label: "value", labelArrow: "none", grid: true},
    marks: [Plot.ruleY([0], {strokeOpacity: 0.4, className: "gated-zero"}), Plot.ruleX([0], {strokeOpacity: 0.4})]
  });
  const sx = chart.scale("x");
  const yRange = chart.scale("y").range;
  const group = (className, attributes) => {
    const g = svgElement("g", {class: className, ...attributes});
    chart.append(g);
    return g;
  };
  const line = (className, attributes) => {
    const path = svgElement("path");
    group(className, {
      fill: "none",
      stroke: "currentColor",
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
      "stroke-width": 2.5,
      ...attributes
    }).append(path);
    return path;
  };
  const gatePath = line("gated-gate", {"stroke-dasharray": "1.5 4", "stroke-opacity": 0.8});
  const dxPath = line("chart-df gated-dx", {"stroke-dasharray": "7 4"});
  const outPath = line("chart-f gated-out");
  // (the colour class on the circle itself: g.chart-f has no fill)
  const markers = group("chart-marker gated-dots");
  const dot = (className) => {
    const circle = svgElement("circle", {r: 5, class: className});
    markers.append(circle);
    return circle;
  };
  const dxDot = dot("chart-df gated-dx-dot");
  const outDot = dot("chart-f gated-out-dot");
  const zero = chart.querySelector("g.gated-zero line");
  let shown = domain;
  const place = (circle, x, y) => {
    const visible = Number.isFinite(x) && Number.isFinite(y);
    circle.style.display = visible ? "" : "none";
    if (visible) {
      circle.setAttribute("cx", x);
      circle.setAttribute("cy", y);
    }
  };
  chart.update = ({out, dx, gate, point}) => {
    const next = gatedDomain([out, dx, gate]);
    if (next[0] !== shown[0] || next[1] !== shown[1]) {
      shown = next;
      setLinearAxis(chart, "y", shown, yRange);
    }
    const y = linearMap(shown, yRange);
    const x = linearMap(sx.domain, sx.range);
    zero.setAttribute("y1", y(0));
    zero.setAttribute("y2", y(0));
    outPath.setAttribute("d", linePath(xs, out, x, y));
    dxPath.setAttribute("d", linePath(xs, dx, x, y));
    gatePath.setAttribute("d", linePath(xs, gate, x, y));
    place(outDot, point ? x(point.x) : NaN, point ? y(point.out) : NaN);
    place(dxDot, point ? x(point.x) : NaN, point ? y(point.dx) : NaN);
    return chart;
  };
  return chart.update({out, dx, gate, point});
}

/** The legend of gatedChart. */
export function gatedLegend() {
  const item = (className, dash, label) =>
    html`<span
      >${svg`<svg width="28" height="10" aria-hidden="true"><line class=${className} x1="2" x2="26" y1="5" y2="5" stroke="currentColor" stroke-width="2.5" stroke-dasharray=${dash} stroke-linecap="round"></line></svg>`}${label}</span
    >`;
  return html`<div class="legend">
    ${item("chart-f", "none", "output g(xW)·xV")} ${item("chart-df", "7 4", "its derivative in x")}
    ${item("", "1.5 4", "the gate g(xW)")}
  </div>`;
}
