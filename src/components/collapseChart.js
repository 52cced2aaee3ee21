// The collapse chart of /why-activation-functions: a grid of inputs sent through a stack of
// two linear layers (circles, with the grid's lines) and through the one layer they collapse
// to (crosses). Every cross lands in its circle, and the grid stays straight.
import * as Plot from "npm:@observablehq/plot/course";
import {linearMap, linePath, setLinearAxis, steadyCeiling, svgElement} from "./liveChart.js";

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
  const chart = Plot.plot({
    width: size,
    height: size,
    marginLeft: 44,
    marginRight: 16,
    marginBottom: 40,
    ariaLabel:
      "A grid of inputs and its image under the two-layer stack and under the collapsed single layer",
    ariaDescription:
      "Faint dashed lines: the input grid. Solid lines and circles: the stack's outputs. Crosses: the single layer's outputs, which land on the circles.",
    x: {domain: [-extent, extent], label: "first coordinate", labelArrow: "none", grid: true},
    y: {domain: [-extent, extent], label: "second coordinate", labelArrow: "none", grid: true},
    marks: [Plot.ruleX([0], {strokeOpacity: 0.3}), Plot.ruleY([0], {strokeOpacity: 0.3})]
  });
  const xRange = chart.scale("x").range;
  const yRange = chart.scale("y").range;
  const group = (attributes) => {
    const g = svgElement("g", {transform: "translate(0.5,0.5)", ...attributes});
    chart.append(g);
    return g;
  };
  const lineStyle = {
    fill: "none",
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
    "stroke-miterlimit": 1
  };
  // one path per layer of marks (not one element per point): a slider rewrites five
  // attributes per update instead of about eighty
  const inputLines = svgElement("path");
  const inputDots = svgElement("path");
  const stackLines = svgElement("path");
  const stackDots = svgElement("path");
  const crosses = svgElement("path");
  group({
    ...lineStyle,
    stroke: "currentColor",
    "stroke-width": 1.5,
    "stroke-opacity": 0.5,
    "stroke-dasharray": "3 3"
  }).append(inputLines);
  group({fill: "currentColor", "fill-opacity": 0.5}).append(inputDots);
  group({...lineStyle, class: "chart-f", stroke: "currentColor", "stroke-width": 1.5}).append(stackLines);
  group({class: "chart-f", fill: "none", stroke: "currentColor", "stroke-width": 2}).append(stackDots);
  group({class: "chart-df", fill: "none", stroke: "currentColor", "stroke-width": 2}).append(crosses);
  // d3's "times" symbol of Plot's r = 4
  const arm = Math.sqrt(16 * Math.PI - Math.min((16 * Math.PI) / 6, 1.7)) * 0.6189;
  const r2 = (v) => Math.round(v * 100) / 100;
  const circlesPath = (xs, ys, r) =>
    xs
      .map(
        (cx, i) =>
          `M${r2(cx + r)},${r2(ys[i])}A${r},${r},0,1,1,${r2(cx - r)},${r2(ys[i])}A${r},${r},0,1,1,${r2(cx + r)},${r2(ys[i])}Z`
      )
      .join("");
  const crossesPath = (xs, ys) =>
    xs
      .map((cx, i) => {
        const [x0, x1, y0, y1] = [r2(cx - arm), r2(cx + arm), r2(ys[i] - arm), r2(ys[i] + arm)];
        return `M${x0},${y0}L${x1},${y1}M${x0},${y1}L${x1},${y0}`;
      })
      .join("");
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
      inputDots.setAttribute("d", circlesPath(xs("input"), ys("input"), 2));
    }
    stackLines.setAttribute("d", gridLines("stack"));
    stackDots.setAttribute("d", circlesPath(xs("stack"), ys("stack"), 6));
    crosses.setAttribute("d", crossesPath(xs("single"), ys("single")));
    return chart;
  };
  return chart.update(points);
}
