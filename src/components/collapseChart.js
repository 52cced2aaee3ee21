// The collapse chart of /why-activation-functions: a grid of inputs sent through a stack of
// two linear layers (circles, with the grid's lines) and through the one layer they collapse
// to (crosses). Every cross lands in its circle, and the grid stays straight.
import * as Plot from "npm:@observablehq/plot/course";
import {coursePlot} from "./coursePlot.js";
import {linearMap, linePath, setLinearAxis, steadyCeiling} from "./liveChart.js";
import {liveLine} from "./liveMark.js";
import {symbolsAt} from "./symbols.js";

/**
 * Half the side of collapseChart's square domain: every input and output, with 12% of air,
 * rounded up to a steady step (1.5, 2, 3, 5, …) so that the axes stay put while a slider
 * moves the points.
 */
const collapseExtent = (points) =>
  steadyCeiling(Math.max(1.2, ...points.flatMap((p) => [...p.input, ...p.stack].map(Math.abs))), {
    headroom: 1.12
  });

/**
 * The grid and its images. Plot draws the axes and the zero rules once; `chart.update(points)`
 * moves the lines, circles and crosses (and the ticks, when the extent changes) in place, so
 * the twelve sliders never re-render the chart.
 */
export function collapseChart(points, {width}) {
  // the points form a square grid: {row, col} give each one's place
  const gridSize = Math.max(...points.map((p) => p.row)) + 1;
  const size = Math.max(260, Math.min(width, 480));
  let extent = collapseExtent(points);
  const chart = coursePlot({
    width: size,
    height: size,
    marginRight: 16,
    marginBottom: 40,
    ariaLabel:
      "A grid of inputs and its image under the two-layer stack and under the collapsed single layer",
    ariaDescription:
      "Faint dashed lines: the input grid. Solid lines and circles: the stack's outputs. Crosses: the single layer's outputs, which land on the circles.",
    x: {domain: [-extent, extent], label: "first coordinate", grid: true},
    y: {domain: [-extent, extent], label: "second coordinate"},
    marks: [Plot.ruleX([0], {strokeOpacity: 0.3}), Plot.ruleY([0], {strokeOpacity: 0.3})]
  });
  const xRange = chart.scale("x").range;
  const yRange = chart.scale("y").range;
  // one path per layer of marks (not one element per point): a slider rewrites five
  // attributes per update instead of about eighty. Lines as Plot's line mark draws them;
  // circles and crosses as its dot mark draws the symbols "circle" and "times".
  const inputLines = liveLine(chart, {"stroke-opacity": 0.5, "stroke-dasharray": "3 3"});
  const inputDots = liveLine(chart, {
    "aria-label": "dot",
    fill: "currentColor",
    "fill-opacity": 0.5,
    stroke: "none"
  });
  const stackLines = liveLine(chart, {class: "chart-f"});
  const stackDots = liveLine(chart, {"aria-label": "dot", class: "chart-f", "stroke-width": 2});
  const crosses = liveLine(chart, {"aria-label": "dot", class: "chart-df", "stroke-width": 2});
  let drawnExtent = null;
  chart.update = (next) => {
    const nextExtent = collapseExtent(next);
    const rescaled = nextExtent !== extent;
    if (rescaled) {
      extent = nextExtent;
      setLinearAxis(chart, "x", [-extent, extent], xRange);
      setLinearAxis(chart, "y", [-extent, extent], yRange);
    }
    const x = linearMap([-extent, extent], xRange);
    const y = linearMap([-extent, extent], yRange);
    // one line per grid row and per grid column, through the points in order
    const gridLines = (key) =>
      Array.from({length: gridSize}, (_, k) => [
        next.filter((p) => p.row === k).sort((a, b) => a.col - b.col),
        next.filter((p) => p.col === k).sort((a, b) => a.row - b.row)
      ])
        .flat()
        .map((line) =>
          linePath(
            line.map((p) => p[key][0]),
            line.map((p) => p[key][1]),
            x,
            y
          )
        )
        .join("");
    const xs = (key) => next.map((p) => x(p[key][0]));
    const ys = (key) => next.map((p) => y(p[key][1]));
    // the input grid moves only when the axes change
    if (extent !== drawnExtent) {
      drawnExtent = extent;
      inputLines.setAttribute("d", gridLines("input"));
      inputDots.setAttribute("d", symbolsAt("circle", 2, xs("input"), ys("input")));
    }
    stackLines.setAttribute("d", gridLines("stack"));
    stackDots.setAttribute("d", symbolsAt("circle", 6, xs("stack"), ys("stack")));
    crosses.setAttribute("d", symbolsAt("times", 4, xs("single"), ys("single")));
    return chart;
  };
  return chart.update(points);
}
