import {curvesPlot} from "./coursePlot.js";
import {legend} from "./legend.js";
import {linePath, svgElement} from "./liveChart.js";
import {liveLine} from "./liveMark.js";
import {curveDash} from "./style.js";

/** The three lines' strokes, on the chart and in its legend. */
const STYLES = {
  linear: {"stroke-width": 7, "stroke-opacity": 0.45},
  single: {"stroke-width": 2.5, "stroke-dasharray": curveDash.df},
  relu: {"stroke-width": 2.5, "stroke-dasharray": "1.5 4"}
};

/**
 * Two stacked layers against one: the output of the linear stack (wide, solid), the single
 * equivalent linear layer (dashed, on top of it) and the same stack with ReLU in between
 * (dotted, with a kink). Every curve is given as y-values over the same xs, computed by the
 * page with lib's forward. Plot draws the axes once; `chart.update({stacked, single,
 * withRelu, kink})` redraws the curves (and the y-axis ticks, when the range changes) in
 * place, for the sliders.
 */
export function stackChart({width = 640, height, xs, stacked, single, withRelu, kink}) {
  const {chart, fit} = curvesPlot({
    width,
    height,
    xs,
    curves: [stacked, single, withRelu],
    yLabel: "output",
    zeroClass: "stack-zero",
    ariaLabel: "Output of two stacked layers for x from " + xs[0] + " to " + xs[xs.length - 1],
    ariaDescription:
      "Wide solid line: two linear layers. Dashed line: the single equivalent linear layer, lying exactly on it. Dotted line: the same two layers with ReLU in between, which bends."
  });
  const linearPath = liveLine(chart, {class: "chart-f stack-linear", ...STYLES.linear});
  const singlePath = liveLine(chart, {class: "chart-df stack-single", ...STYLES.single});
  const reluPath = liveLine(chart, {class: "chart-alt stack-relu", ...STYLES.relu});
  const kinkGroup = svgElement("g", {class: "chart-alt stack-kink"});
  const kinkDot = svgElement("circle", {r: 4});
  kinkGroup.append(kinkDot);
  chart.append(kinkGroup);
  chart.update = ({stacked, single, withRelu, kink}) => {
    const {x, y} = fit([stacked, single, withRelu]);
    linearPath.setAttribute("d", linePath(xs, stacked, x, y));
    singlePath.setAttribute("d", linePath(xs, single, x, y));
    reluPath.setAttribute("d", linePath(xs, withRelu, x, y));
    kinkGroup.style.display = kink ? "" : "none";
    if (kink) {
      kinkDot.setAttribute("cx", x(kink.x));
      kinkDot.setAttribute("cy", y(kink.y));
    }
    return chart;
  };
  return chart.update({stacked, single, withRelu, kink});
}

/** The legend of stackChart. */
export function stackLegend() {
  const item = (label, className, style) => ({
    label,
    className,
    line: {
      width: style["stroke-width"],
      dash: style["stroke-dasharray"],
      opacity: style["stroke-opacity"],
      cap: "round"
    }
  });
  return legend([
    item("two linear layers", "chart-f", STYLES.linear),
    item("one equivalent layer", "chart-df", STYLES.single),
    item("two layers with ReLU between", "chart-alt", STYLES.relu)
  ]);
}
