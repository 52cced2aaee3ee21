// The playground's data chart: the training and test points over the network's decision map
// (./heatmap.js). Plot draws the axes, the frame and the map once; the points are drawn in
// place in the shapes of Plot's dot mark (circles and diamonds), four paths in all.
import * as Plot from "npm:@observablehq/plot/course";
import {heatGrid} from "../lib/heatmap.js";
import {predict} from "../lib/mlp.js";
import {frameClip, linearMap, svgElement} from "./liveChart.js";
import {heatmap} from "./heatmap.js";
import {legend} from "./legend.js";
import {symbolsAt} from "./symbols.js";

/** Half the side of the square the data chart shows: the datasets lie in about [−1, 1]². */
const EXTENT = 1.6;
/** Pixels per side of the decision map (a prediction per pixel, stretched smoothly). */
const RESOLUTION = 60;
/** The preview map predicts once per this many pixels square (a divisor of RESOLUTION). */
export const PREVIEW_BLOCK = 3;
/** How sure a map colour gets: at most this far from the background towards a class colour. */
const MAP_STRENGTH = 0.65;

/** The marker symbol of each class (d3 symbol names, as Plot's dot takes them) and its radius. */
const SHAPES = {1: "circle", [-1]: "diamond"};
const RADIUS = 3.5;

/** The key to the points and the map. */
export function dataLegend() {
  return legend(
    [
      {label: "class +1", className: "pg-positive", marker: SHAPES[1]},
      {label: "class −1", className: "pg-negative", marker: SHAPES[-1]}
    ],
    {
      className: "legend pg-legend",
      notes: ["filled: training, hollow: test · background: the network's prediction (paler = less sure)"]
    }
  );
}

/**
 * The data chart, `size` pixels square. `chart.showData(train, test)` draws another data
 * set's points; `chart.showMap(mlp, preview)` paints the network's decision map, at a
 * quarter of its points when `preview` (PREVIEW_BLOCK: one prediction per 3 × 3 pixels);
 * `chart.recolor()` repaints it in the theme's colours. `chart.canvas` is the map's canvas.
 */
export function dataChart({size}) {
  const map = heatmap({
    width: RESOLUTION,
    colors: {low: "--pg-negative", mid: "--theme-background", high: "--pg-positive"},
    strength: MAP_STRENGTH,
    className: "pg-heatmap"
  });
  // the full map's grid and the preview's, each with room for its predictions
  const grids = {
    1: heatGrid([-EXTENT, EXTENT], RESOLUTION),
    [PREVIEW_BLOCK]: heatGrid([-EXTENT, EXTENT], RESOLUTION / PREVIEW_BLOCK)
  };
  const outputs = {
    1: new Float64Array(RESOLUTION ** 2),
    [PREVIEW_BLOCK]: new Float64Array((RESOLUTION / PREVIEW_BLOCK) ** 2)
  };
  const chart = Plot.plot({
    width: size,
    height: size,
    marginLeft: 40,
    marginBottom: 36,
    ariaLabel: "The training and test points over the network's decision map",
    ariaDescription:
      "Blue circles: class +1; orange diamonds: class −1; filled: training set, hollow: test set. The background is blue where the network predicts +1 and orange where it predicts −1, paler where it is less sure.",
    x: {domain: [-EXTENT, EXTENT], label: "x₁", labelArrow: "none"},
    y: {domain: [-EXTENT, EXTENT], label: "x₂", labelArrow: "none"},
    // the empty dot gives Plot the x and y channels for the axes
    marks: [map.mark(grids[1]), Plot.frame({strokeOpacity: 0.3}), Plot.dot([], {x: (d) => d, y: (d) => d})]
  });
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const points = pointPaths(chart, frameClip(chart, sx.range, sy.range));
  // the chart's linear scales as plain arithmetic: a new dataset places hundreds of points
  const px = linearMap(sx.domain, sx.range);
  const py = linearMap(sy.domain, sy.range);

  chart.showData = (train, test) => {
    for (const {filled, label, path} of points) {
      const set = filled ? train : test;
      const xs = [];
      const ys = [];
      for (let i = 0; i < set.targets.length; i++) {
        if (set.targets[i] !== label) continue;
        xs.push(px(set.inputs[2 * i]));
        ys.push(py(set.inputs[2 * i + 1]));
      }
      path.setAttribute("d", symbolsAt(SHAPES[label], RADIUS, xs, ys));
    }
    chart.setAttribute(
      "aria-label",
      `The ${train.targets.length} training and ${test.targets.length} test points over the network's decision map`
    );
  };
  chart.showMap = (mlp, preview = false) => {
    const block = preview ? PREVIEW_BLOCK : 1;
    map.paint(predict(mlp, grids[block].inputs, outputs[block]), RESOLUTION / block);
  };
  chart.recolor = map.recolor;
  chart.canvas = map.canvas;
  return chart;
}

/**
 * One path per group (class and set) holds all its points as subpaths: a new dataset
 * rewrites four attributes instead of moving hundreds of elements.
 */
function pointPaths(chart, clip) {
  return [
    [true, 1],
    [true, -1],
    [false, 1],
    [false, -1]
  ].map(([filled, label]) => {
    const color = label > 0 ? "var(--pg-positive)" : "var(--pg-negative)";
    const path = svgElement("path", {
      class: `pg-points-${filled ? "train" : "test"} pg-points-${label > 0 ? "positive" : "negative"}`,
      fill: filled ? color : "var(--theme-background)",
      stroke: filled ? "var(--theme-background)" : color,
      "stroke-width": filled ? 0.75 : 1.75,
      transform: "translate(0.5,0.5)",
      "clip-path": clip
    });
    chart.append(path);
    return {filled, label, path};
  });
}
