// The playground's data chart: the training and test points over the network's decision map
// (./heatmap.js). Plot draws the axes, the frame and the map once; the points are drawn in
// place in the shapes of Plot's dot mark, a few paths in all: by class (circles and diamonds)
// for classification, by colour step of the target (./playgroundScale.js) for regression.
// A reader's own data is edited on it (./playgroundMapEdit.js).
import * as Plot from "npm:@observablehq/plot/course";
import {heatColor, heatGrid} from "../lib/heatmap.js";
import {frameClip, linearMap, svgElement} from "./liveChart.js";
import {heatmap, rgbString} from "./heatmap.js";
import {legend} from "./legend.js";
import {EXTENT, gridPass, PREVIEW_BLOCK, RESOLUTION} from "./playgroundPass.js";
import {binValue, mapScores, valueBin, VALUE_BINS} from "./playgroundScale.js";
import {symbolsAt} from "./symbols.js";

/** How sure a map colour gets: at most this far from the background towards a class colour. */
const MAP_STRENGTH = 0.65;

/** The marker symbol of each class (d3 symbol names, as Plot's dot takes them) and its radius. */
const SHAPES = {1: "circle", [-1]: "diamond"};
const RADIUS = 3.5;

const COLORS = {low: "--pg-negative", mid: "--theme-background", high: "--pg-positive"};

/**
 * The key to the points and the map, for classification (`regression` false: the two classes)
 * or regression (a colour ramp from −1 to +1). `root.show(regression)` switches it in place.
 */
export function dataLegend(regression = false) {
  const root = document.createElement("div");
  root.className = "pg-data-legend";
  const classes = legend(
    [
      {label: "class +1", className: "pg-positive", marker: SHAPES[1]},
      {label: "class −1", className: "pg-negative", marker: SHAPES[-1]}
    ],
    {
      className: "legend pg-legend",
      notes: ["filled: training, hollow: test · background: the network's prediction (paler = less sure)"]
    }
  );
  const values = legend([], {
    className: "legend pg-legend",
    notes: ["filled: training, hollow: test · points and background share the scale"]
  });
  const ramp = document.createElement("span");
  ramp.className = "pg-ramp";
  ramp.innerHTML = `<span>−1</span><span class="pg-ramp-bar" aria-hidden="true"></span><span>+1</span>`;
  ramp.setAttribute(
    "aria-label",
    "target and prediction from −1 (orange) through 0 (background) to +1 (blue)"
  );
  ramp.setAttribute("role", "img");
  values.prepend(ramp);
  root.show = (isRegression) => {
    root.replaceChildren(isRegression ? values : classes);
    root.dataset.problem = isRegression ? "regression" : "classification";
  };
  root.show(regression);
  return root;
}

/**
 * The data chart, `size` pixels square. `chart.showData(train, test, {regression})` draws
 * another data set's points (2-D inputs, targets ±1 or, for regression, values in [−1, 1]);
 * `chart.showMap(trainer, preview)` paints the decision map of `trainer.mlp` (its inputs made
 * from the grid by `trainer.inputsOf`, a sigmoid output read on the same scale as a linear
 * one), at a ninth of its points when `preview` (PREVIEW_BLOCK: one prediction per 3 × 3
 * pixels), from the outputs of `pass` (./playgroundPass.js: a pass shared with the network
 * diagram, which its owner marks out of date when the network changes; without one, the chart
 * runs its own each time); `chart.setView({showTest, discretise})` hides or shows the test
 * points and paints the map in two colours or shades; `chart.setEditing(mode)` (false,
 * "add" or "erase") lets a pointer edit the points, once the points editor has attached its
 * pointer editing (`chart.editScales` are the maps it reads); `chart.recolor()` repaints in
 * the theme's colours.
 * `chart.canvas` is the map's canvas, `chart.legend` its key.
 */
export function dataChart({size, pass = null}) {
  const own = pass === null;
  pass ??= gridPass();
  const map = heatmap({width: RESOLUTION, colors: COLORS, strength: MAP_STRENGTH, className: "pg-heatmap"});
  const scores = {
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
    marks: [
      map.mark(heatGrid([-EXTENT, EXTENT], RESOLUTION)),
      Plot.frame({strokeOpacity: 0.3}),
      Plot.dot([], {x: (d) => d, y: (d) => d})
    ]
  });
  chart.classList.add("pg-data-chart");
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const clip = frameClip(chart, sx.range, sy.range);
  const classPaths = classPointPaths(chart, clip);
  const valuePaths = valuePointPaths(chart, clip);
  // the chart's linear scales as plain arithmetic: a new dataset places hundreds of points
  const px = linearMap(sx.domain, sx.range);
  const py = linearMap(sy.domain, sy.range);
  const view = {showTest: true, discretise: false};
  let shown = null; // {train, test, regression}
  let last = null; // {block, sigmoid, output}: the map painted last, for a change of view

  chart.legend = dataLegend();

  chart.showData = (train, test, {regression = false} = {}) => {
    if (shown && shown.train === train && shown.test === test && shown.regression === regression) return;
    shown = {train, test, regression};
    for (const {filled, label, path} of classPaths) {
      path.setAttribute(
        "d",
        regression ? "" : pointsPath(filled ? train : test, SHAPES[label], (t) => t === label)
      );
    }
    for (const {filled, bin, path} of valuePaths) {
      path.setAttribute(
        "d",
        regression ? pointsPath(filled ? train : test, "circle", (t) => valueBin(t) === bin) : ""
      );
    }
    chart.legend.show(regression);
    chart.setAttribute(
      "aria-label",
      `The ${train.targets.length} training and ${test.targets.length} test points over the network's ${regression ? "prediction" : "decision map"}`
    );
    chart.setAttribute(
      "aria-description",
      regression
        ? "Each point is coloured by its target, from orange (−1) through the background (0) to blue (+1); filled: training set, hollow: test set. The background is the network's prediction on the same scale."
        : "Blue circles: class +1; orange diamonds: class −1; filled: training set, hollow: test set. The background is blue where the network predicts +1 and orange where it predicts −1, paler where it is less sure."
    );
  };

  function pointsPath(set, shape, keep) {
    const xs = [];
    const ys = [];
    for (let i = 0; i < set.targets.length; i++) {
      if (!keep(set.targets[i])) continue;
      xs.push(px(set.inputs[2 * i]));
      ys.push(py(set.inputs[2 * i + 1]));
    }
    return xs.length ? symbolsAt(shape, RADIUS, xs, ys) : "";
  }

  function colorValuePaths() {
    const colors = map.colors();
    for (const {filled, bin, path} of valuePaths) {
      const color = rgbString(heatColor(binValue(bin), colors, 1));
      path.setAttribute(filled ? "fill" : "stroke", color);
    }
  }

  function paint() {
    const {block, sigmoid, output} = last;
    mapScores(output, {sigmoid, discretise: view.discretise}, scores[block]);
    map.paint(scores[block], RESOLUTION / block);
  }

  chart.showMap = (trainer, preview = false) => {
    const block = preview ? PREVIEW_BLOCK : 1;
    if (own) pass.invalidate();
    // the pass's own buffer: a repaint for a change of view reads it as the pass last left it
    last = {block, sigmoid: trainer.sigmoidOutput, output: pass.over(trainer, block).output};
    paint();
  };

  chart.setView = ({showTest = view.showTest, discretise = view.discretise} = {}) => {
    view.showTest = showTest;
    for (const {filled, path} of [...classPaths, ...valuePaths]) {
      if (!filled) path.style.display = showTest ? "" : "none";
    }
    chart.dataset.showTest = String(showTest);
    if (discretise !== view.discretise) {
      view.discretise = discretise;
      if (last) paint();
    }
    chart.dataset.discretise = String(discretise);
  };
  chart.setView();

  colorValuePaths();
  chart.recolor = () => {
    map.recolor();
    colorValuePaths();
  };
  chart.canvas = map.canvas;

  // pointer editing (./playgroundMapEdit.js) comes with the reader's points editor, which most
  // readers never open (./playgroundPoints.js attaches it with these maps from the chart's
  // coordinates to the data's); until then, off
  chart.editScales = {
    toX1: linearMap(sx.range, sx.domain),
    toX2: linearMap(sy.range, sy.domain),
    extent: EXTENT
  };
  chart.setEditing = () => (chart.dataset.editing = "off");
  chart.setEditing(false);
  return chart;
}

/**
 * One path per group (class and set) holds all its points as subpaths: a new dataset
 * rewrites four attributes instead of moving hundreds of elements.
 */
function classPointPaths(chart, clip) {
  return [
    [true, 1],
    [true, -1],
    [false, 1],
    [false, -1]
  ].map(([filled, label]) => {
    const color = label > 0 ? "var(--pg-positive)" : "var(--pg-negative)";
    const path = pointPath(chart, clip, filled, color, `pg-points-${label > 0 ? "positive" : "negative"}`);
    return {filled, label, path};
  });
}

/** For regression, one path per set and colour step (its colour set by colorValuePaths). */
function valuePointPaths(chart, clip) {
  const paths = [];
  for (const filled of [true, false]) {
    for (let bin = 0; bin < VALUE_BINS; bin++) {
      paths.push({
        filled,
        bin,
        path: pointPath(chart, clip, filled, "currentColor", `pg-points-value pg-points-bin-${bin}`)
      });
    }
  }
  return paths;
}

function pointPath(chart, clip, filled, color, className) {
  const path = svgElement("path", {
    class: `pg-points-${filled ? "train" : "test"} ${className}`,
    fill: filled ? color : "var(--theme-background)",
    stroke: filled ? "var(--theme-background)" : color,
    "stroke-width": filled ? 0.75 : 1.75,
    transform: "translate(0.5,0.5)",
    "clip-path": clip
  });
  chart.append(path);
  return path;
}
