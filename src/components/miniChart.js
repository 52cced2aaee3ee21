import * as Plot from "npm:@observablehq/plot/course";
import {sampleActivation} from "../lib/sample.js";
import {formatNumber} from "./format.js";
import {tinyCurveDash} from "./style.js";

/**
 * A tiny chart of an activation f (solid) and its derivative f′ (dashed), for tables: no
 * axes, only the zero lines, the same colours and dashes as activationChart.
 */
export function miniActivationChart(activation, {width = 120, height = 60, domain = [-4, 4]} = {}) {
  const {x, f, df} = sampleActivation(activation, {from: domain[0], to: domain[1], count: 121});
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...f, ...df]) if (Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  const pad = (hi - lo || 1) * 0.08;
  return Plot.plot({
    width,
    height,
    margin: 4,
    ariaLabel: `${activation.label} (solid) and its derivative (dashed) for x from ${formatNumber(domain[0])} to ${formatNumber(domain[1])}`,
    x: {domain, axis: null},
    y: {domain: [lo - pad, hi + pad], axis: null},
    marks: [
      Plot.ruleY([0], {strokeOpacity: 0.35}),
      Plot.ruleX([0], {strokeOpacity: 0.35}),
      Plot.line(x, {x, y: f, className: "chart-f", strokeWidth: 2}),
      Plot.line(x, {x, y: df, className: "chart-df", strokeWidth: 2, strokeDasharray: tinyCurveDash.df})
    ]
  });
}
