import * as Plot from "npm:@observablehq/plot";
import {svg} from "npm:htl";
import {sampleActivation} from "../lib/index.js";

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
  {width = 640, height, domain = [-6, 6], yDomain, x = 0, title} = {}
) {
  height ??= Math.round(Math.max(220, Math.min(380, width * 0.55)));
  const curves = sampleActivation(activation, {from: domain[0], to: domain[1], count: 241});
  const {x: xs, f: fs, df: dfs} = curves;
  const name = activation.label;
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginBottom: 36,
    ariaLabel: title ?? `${name} and its derivative for x from ${domain[0]} to ${domain[1]}`,
    ariaDescription: `Solid line: ${name} f(x). Dashed line: its derivative f′(x). A dot marks the current x and a dotted line its tangent.`,
    x: {domain, label: "x", labelAnchor: "right", labelArrow: "none"},
    y: {domain: yDomain ?? curvesExtent(curves), label: "f(x), f′(x)", labelArrow: "none", grid: true},
    marks: [
      Plot.ruleY([0], {strokeOpacity: 0.4}),
      Plot.ruleX([0], {strokeOpacity: 0.4}),
      Plot.line(xs, {x: xs, y: fs, className: "chart-f", strokeWidth: 2.5, clip: true}),
      Plot.line(xs, {
        x: xs,
        y: dfs,
        className: "chart-df",
        strokeWidth: 2.5,
        strokeDasharray: "7 4",
        clip: true
      })
    ]
  });
  return withMarker(chart, activation, x);
}

/** Adds the point-and-tangent overlay to a Plot chart of an activation, and `update(x)`. */
function withMarker(chart, activation, x0) {
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const [left, right] = sx.range;
  const [bottom, top] = sy.range;
  const clipId = `clip-${Math.random().toString(36).slice(2)}`;
  const marker = svg`<g class="chart-marker" aria-hidden="true">
    <clipPath id=${clipId}><rect x=${left} y=${top} width=${right - left} height=${bottom - top}></rect></clipPath>
    <line class="chart-guide" y1=${top} y2=${bottom}></line>
    <line class="chart-tangent" clip-path=${`url(#${clipId})`}></line>
    <circle class="chart-df" r="5"></circle>
    <circle class="chart-f" r="6"></circle>
  </g>`;
  chart.append(marker);
  const [guide, tangent, dfDot, fDot] = marker.querySelectorAll("line, circle");
  const [xmin, xmax] = sx.domain;
  const clampY = (y) => Math.max(top - 20, Math.min(bottom + 20, y));
  chart.update = (x) => {
    const fx = activation.f(x);
    const dfx = activation.df(x);
    const px = sx.apply(x);
    guide.setAttribute("x1", px);
    guide.setAttribute("x2", px);
    fDot.setAttribute("cx", px);
    fDot.setAttribute("cy", clampY(sy.apply(fx)));
    dfDot.setAttribute("cx", px);
    dfDot.setAttribute("cy", clampY(sy.apply(dfx)));
    tangent.setAttribute("x1", sx.apply(xmin));
    tangent.setAttribute("y1", sy.apply(fx + dfx * (xmin - x)));
    tangent.setAttribute("x2", sx.apply(xmax));
    tangent.setAttribute("y2", sy.apply(fx + dfx * (xmax - x)));
    marker.dataset.x = x;
    marker.dataset.f = fx;
    marker.dataset.df = dfx;
    return chart;
  };
  return chart.update(x0);
}

/** A legend telling f and f′ apart by colour and dash, for placing above a chart. */
export function curveLegend({f = "f(x)", df = "f′(x)"} = {}) {
  const swatch = (className, dash) =>
    svg`<svg width="28" height="10" aria-hidden="true"><line class=${className} x1="1" x2="27" y1="5" y2="5" stroke-width="2.5" stroke-dasharray=${dash}></line></svg>`;
  const legend = document.createElement("div");
  legend.className = "legend";
  for (const [className, dash, label] of [
    ["chart-f", "none", f],
    ["chart-df", "7 4", df]
  ]) {
    const item = document.createElement("span");
    item.append(swatch(className, dash), label);
    legend.append(item);
  }
  return legend;
}
