import {curvesPlot} from "./coursePlot.js";
import {legend} from "./legend.js";
import {linePath, svgElement} from "./liveChart.js";
import {liveLine} from "./liveMark.js";
import {curveDash} from "./style.js";

/** The gate's dotted line. */
const GATE_DASH = "1.5 4";

/**
 * A gated unit over x for fixed weights: its output g(xW)·xV (solid), its derivative in x
 * (dashed) and the gate g(xW) (dotted), each given as y-values over the same xs (computed
 * by the page with lib/gated.js), and a dot on the output and on the derivative at the
 * current x. Plot draws the axes once; `chart.update({out, dx, gate, point})`, with point
 * {x, out, dx}, redraws the curves, the dots and (when the range changes) the y-ticks in place.
 */
export function gatedChart({width = 640, height, xs, out = [], dx = [], gate = [], point = null, label = "unit"}) {
  const {chart, fit} = curvesPlot({
    width,
    height,
    xs,
    curves: [out, dx, gate],
    yLabel: "value",
    zeroClass: "gated-zero",
    ariaLabel: `A gated unit (${label}) for x from ${xs[0]} to ${xs[xs.length - 1]}`,
    ariaDescription:
      "Solid line: the unit's output, the gate times xV. Dashed line: its derivative with respect to x. Dotted line: the gate alone. Dots mark the current x."
  });
  const line = (className, attributes) => liveLine(chart, {class: className, "stroke-width": 2.5, ...attributes});
  const gatePath = line("gated-gate", {"stroke-dasharray": GATE_DASH, "stroke-opacity": 0.8});
  const dxPath = line("chart-df gated-dx", {"stroke-dasharray": curveDash.df});
  const outPath = line("chart-f gated-out");
  // (the colour class on the circle itself: g.chart-f has no fill)
  const markers = svgElement("g", {class: "chart-marker gated-dots"});
  chart.append(markers);
  const dot = (className) => {
    const circle = svgElement("circle", {r: 5, class: className});
    markers.append(circle);
    return circle;
  };
  const dxDot = dot("chart-df gated-dx-dot");
  const outDot = dot("chart-f gated-out-dot");
  const place = (circle, x, y) => {
    const visible = Number.isFinite(x) && Number.isFinite(y);
    circle.style.display = visible ? "" : "none";
    if (visible) {
      circle.setAttribute("cx", x);
      circle.setAttribute("cy", y);
    }
  };
  chart.update = ({out, dx, gate, point}) => {
    const {x, y} = fit([out, dx, gate]);
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
  return legend([
    {label: "output g(xW)·xV", className: "chart-f", line: {dash: curveDash.f, cap: "round"}},
    {label: "its derivative in x", className: "chart-df", line: {dash: curveDash.df, cap: "round"}},
    {label: "the gate g(xW)", line: {dash: GATE_DASH, cap: "round"}}
  ]);
}
