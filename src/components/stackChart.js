import * as Plot from "npm:@observablehq/plot/course";
import {html, svg} from "npm:htl";

/**
 * Two stacked layers against one: the output of the linear stack (wide, solid), the single
 * equivalent linear layer (dashed, on top of it) and the same stack with ReLU in between
 * (dotted, with a kink). Every curve is given as y-values over the same xs, computed by the
 * page with lib's forward.
 */
export function stackChart({width = 640, height, xs, stacked, single, withRelu, kink}) {
  height ??= Math.round(Math.max(220, Math.min(340, width * 0.5)));
  let lo = -1;
  let hi = 1;
  for (const values of [stacked, single, withRelu]) {
    for (const v of values) if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  }
  const pad = (hi - lo) * 0.08;
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 44,
    marginBottom: 36,
    ariaLabel: "Output of two stacked layers for x from " + xs[0] + " to " + xs[xs.length - 1],
    ariaDescription:
      "Wide solid line: two linear layers. Dashed line: the single equivalent linear layer, lying exactly on it. Dotted line: the same two layers with ReLU in between, which bends.",
    x: {domain: [xs[0], xs[xs.length - 1]], label: "x", labelAnchor: "right", labelArrow: "none"},
    y: {domain: [lo - pad, hi + pad], label: "output", labelArrow: "none", grid: true},
    marks: [
      Plot.ruleY([0], {strokeOpacity: 0.4}),
      Plot.ruleX([0], {strokeOpacity: 0.4}),
      Plot.line(xs, {
        x: xs,
        y: stacked,
        className: "chart-f stack-linear",
        strokeWidth: 7,
        strokeOpacity: 0.45
      }),
      Plot.line(xs, {
        x: xs,
        y: single,
        className: "chart-df stack-single",
        strokeWidth: 2.5,
        strokeDasharray: "7 4"
      }),
      Plot.line(xs, {
        x: xs,
        y: withRelu,
        className: "chart-alt stack-relu",
        strokeWidth: 2.5,
        strokeDasharray: "1.5 4",
        strokeLinecap: "round"
      }),
      kink ? Plot.dot([kink], {x: "x", y: "y", r: 4, className: "chart-alt stack-kink"}) : null
    ]
  });
  return chart;
}

/** The legend of stackChart. */
export function stackLegend() {
  const item = (className, dash, widthPx, opacity, label) =>
    html`<span
      >${svg`<svg width="28" height="10" aria-hidden="true"><line class=${className} x1="2" x2="26" y1="5" y2="5" stroke-width=${widthPx} stroke-opacity=${opacity} stroke-dasharray=${dash} stroke-linecap="round"></line></svg>`}${label}</span
    >`;
  return html`<div class="legend">
    ${item("chart-f", "none", 7, 0.45, "two linear layers")}
    ${item("chart-df", "7 4", 2.5, 1, "one equivalent layer")}
    ${item("chart-alt", "1.5 4", 2.5, 1, "two layers with ReLU between")}
  </div>`;
}
