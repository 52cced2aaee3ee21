// Shared pieces of the five function pages (sigmoid, tanh, ReLU, Leaky ReLU, linear): the
// chart with its log view, live numbers, a guarded slider and the computed steepest slope.
// Each page keeps its own prose; these keep its cells short.
import {html} from "npm:htl";
import {peakAbs} from "../lib/regions.js";
import {activationChart, curveLegend, slopeLogChart, slopeZones} from "./activationChart.js";

// the guarded slider and live numbers live in their own modules, for pages that need nothing
// else from here; the function pages import all three from this one
export {guardRange} from "./guardRange.js";
export {live} from "./liveSlot.js";

/**
 * The chart of a function page: f and f′ with the marker and tangent over `domain`, or, when
 * `logView`, |f′| on a log axis over `logDomain`; a legend names the curves and the shaded
 * zones (vanishing where |f′| < vanishingThreshold, dead where f′ = 0, both computed from
 * the record's df). Returns a div whose `update(x)` moves the marker without a redraw.
 */
export function functionFigure(
  activation,
  {
    width,
    logView = false,
    domain = [-6, 6],
    logDomain = domain,
    yDomain,
    vanishingThreshold,
    shadeDead = false,
    names = {}
  }
) {
  const options = {width, vanishingThreshold, shadeDead};
  const draw = (activation) => {
    const chart = logView
      ? slopeLogChart(activation, {
          ...options,
          domain: logDomain,
          vanishingThreshold: vanishingThreshold ?? 0.01
        })
      : activationChart(activation, {...options, domain, yDomain});
    const zones = slopeZones(activation, logView ? logDomain : domain, {
      vanishingThreshold: logView ? (vanishingThreshold ?? 0.01) : vanishingThreshold,
      shadeDead
    });
    const df = names.df ?? "f′(x)";
    const zoneLegend = [];
    if (zones.some((z) => z.className === "chart-zone")) {
      zoneLegend.push({
        className: "chart-zone",
        label: `vanishing: |${df.replace("(x)", "")}| < ${vanishingThreshold ?? 0.01}`
      });
    }
    if (zones.some((z) => z.className === "chart-dead")) {
      zoneLegend.push({className: "chart-dead", label: `dead: ${df.replace("(x)", "")} = 0`});
    }
    const legend = curveLegend({
      f: logView ? null : (names.f ?? "f(x)"),
      df: logView ? `|${df}|` : df,
      zones: zoneLegend
    });
    return {legend, chart};
  };
  const {legend, chart} = draw(activation);
  const figure = html`<div class="function-figure">${legend}${chart}</div>`;
  let current = activation;
  let lastX;
  figure.chart = chart;
  figure.update = (x) => ((lastX = x), figure.chart.update(x), figure);
  /**
   * Shows another activation of the same family (a new α) in the same figure: the curves
   * are redrawn in place when the axes and shaded zones stay the same, else the chart is
   * drawn anew. The marker stays at the last x.
   */
  figure.setActivation = (next) => {
    if (next === current) return figure;
    current = next;
    if (!figure.chart.redraw?.(next)) {
      const drawn = draw(next);
      figure.replaceChildren(drawn.legend, drawn.chart);
      figure.chart = drawn.chart;
      if (lastX !== undefined) drawn.chart.update(lastX);
    }
    return figure;
  };
  return figure;
}

/**
 * The steepest slope of an activation, computed rather than typed: the record's maxSlope
 * checked by evaluating df at its x (or, for a slope reached on a half-line, by scanning
 * df over `domain`). `x` is null for a half-line; `checked` says the two agree.
 */
export function steepestSlope(activation, domain = [-10, 10]) {
  const scanned = peakAbs(activation.df, domain[0], domain[1]);
  const {x, value: claimed} = activation.maxSlope;
  const value = x === null ? scanned.value : Math.abs(activation.df(x));
  const checked =
    Math.abs(value - claimed) <= 1e-9 * Math.max(1, claimed) && Math.abs(scanned.value - claimed) <= 1e-6;
  return {x, value, scanned, checked};
}
