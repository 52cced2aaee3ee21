// The frame every course chart shares, in one place: Plot's options for the margins that
// leave room for the tick labels, for axis labels without arrows (the x label at the right
// end) and for the y grid, and the faint rules through zero. A chart gives only what is its
// own; any option it gives wins over these.
import * as Plot from "npm:@observablehq/plot/course";
import {linearMap, steadyDomain, steadyYAxis} from "./liveChart.js";

/** Margins (px) that fit the course's tick labels: a chart with longer labels gives its own. */
const MARGINS = {marginLeft: 44, marginBottom: 36};
const X_AXIS = {labelAnchor: "right", labelArrow: "none"};
const Y_AXIS = {labelArrow: "none", grid: true};

/**
 * Plot.plot(options) with the course's defaults: the margins, and `x` and `y` merged over
 * the axis defaults (e.g. `y: {grid: false}` for a chart without a grid).
 */
export function coursePlot({x, y, ...options}) {
  return Plot.plot({...MARGINS, ...options, x: {...X_AXIS, ...x}, y: {...Y_AXIS, ...y}});
}

/**
 * The faint rules along y = 0 and x = 0, in that order (`x: false` leaves out the second);
 * `className` marks the first, for a chart that finds it again.
 */
export function zeroRules({className, x = true} = {}) {
  const rules = [Plot.ruleY([0], {strokeOpacity: 0.4, className})];
  if (x) rules.push(Plot.ruleX([0], {strokeOpacity: 0.4}));
  return rules;
}

/**
 * The frame of a chart of curves over `xs` (arrays of y-values) that sliders move: Plot
 * draws it once over the curves' steadyDomain, with the zero rules (the first of class
 * `zeroClass`); `fit(curves)` re-ticks the y-axis in place when the curves leave it
 * (steadyYAxis) and returns the x and y maps, value to pixel. The height, unless given,
 * follows the width. Returns {chart, fit}.
 */
export function curvesPlot({width, height, xs, curves, yLabel, zeroClass, ...options}) {
  height ??= Math.round(Math.max(220, Math.min(340, width * 0.5)));
  const domain = steadyDomain(curves);
  const chart = coursePlot({
    width,
    height,
    ...options,
    x: {domain: [xs[0], xs[xs.length - 1]], label: "x"},
    y: {domain, label: yLabel},
    marks: zeroRules({className: zeroClass})
  });
  const sx = chart.scale("x");
  const x = linearMap(sx.domain, sx.range);
  const fitY = steadyYAxis(chart, domain, chart.scale("y").range, chart.querySelector(`g.${zeroClass} line`));
  return {chart, fit: (next) => ({x, y: fitY(next)})};
}
