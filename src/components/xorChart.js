// The XOR charts of /why-activation-functions: a trained network's output over the plane as a
// decision map (./heatmap.js, repainted in place), its decision boundary, and the four XOR
// points. `grid` is the map's HeatGrid (../lib/heatmap.js): its cells reach one cell beyond
// the chart's frame on every side (clipped), so the boundary reaches the frame.
import * as Plot from "npm:@observablehq/plot/course";
import {activations} from "../lib/activations.js";
import {joinSegments, zeroCrossings} from "../lib/contour.js";
import {coursePlot} from "./coursePlot.js";
import {formatNumber} from "./format.js";
import {heatmap, rgbString} from "./heatmap.js";
import {frameClip, linePath, svgElement} from "./liveChart.js";
import {setText} from "./liveDom.js";
import {liveLine} from "./liveMark.js";
import {boundaryDash} from "./style.js";

// the CSS variables (src/style.css) of the network output −1 (purple), 0 (neutral) and +1 (orange)
const HEAT_COLORS = {low: "--xor-heat-low", mid: "--xor-heat-mid", high: "--xor-heat-high"};

/**
 * The chart of one run (from lib's xorTrainer) of the network on `data`, at most 380 px
 * square; `chart.update(next)` shows another run of the same network in place.
 */
export function xorChart(run, {width, data, grid}) {
  const {frame: domain, extent: heatDomain} = grid;
  const size = Math.max(240, Math.min(width, 380));
  const points = Array.from({length: data.count}, (_, k) => ({
    x1: data.inputs[2 * k],
    x2: data.inputs[2 * k + 1],
    target: data.targets[k]
  }));
  // the map as a canvas, not an image: the Epochs slider repaints it in place, with no PNG to
  // encode and decode per step
  const map = heatmap({width: grid.size, colors: HEAT_COLORS});
  const {low, mid, high} = map.colors();
  const chart = coursePlot({
    // margins chosen so the plotting frame is square: (size − 52) × (size − 52)
    width: size,
    height: size,
    marginLeft: 40,
    marginRight: 12,
    marginTop: 12,
    marginBottom: 40,
    ariaLabel: `Output of the XOR network with ${activations[run.activation].label} hidden units over the plane`,
    ariaDescription:
      "Background colour: the network output, purple below 0 (class −1), orange above 0 (class +1). The four XOR points are drawn as circles marked + or −.",
    x: {domain: domain, label: "x₁"},
    y: {domain: domain, label: "x₂", grid: false},
    color: {
      type: "linear",
      domain: [-1, 0, 1],
      range: [low, mid, high].map(rgbString),
      clamp: true,
      legend: true,
      label: "network output",
      ticks: [-1, -0.5, 0, 0.5, 1],
      width: Math.min(size, 300)
    },
    marks: [
      map.mark(grid, {className: "xor-heat"}),
      // no marks drawn: it only uses the color scale, so that Plot builds the scale's legend
      Plot.dot([], {fill: (d) => d}),
      Plot.frame({strokeOpacity: 0.4}),
      Plot.dot(points, {x: "x1", y: "x2", r: 11, className: "xor-point"}),
      Plot.text(points, {
        x: "x1",
        y: "x2",
        text: (d) => (d.target > 0 ? "+" : "−"),
        fontSize: 18,
        fontWeight: "bold",
        className: "xor-sign"
      })
    ]
  });
  // The decision boundary (drawn by update, under the frame and the points), clipped to the frame.
  const plotSvg =
    chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector(":scope > svg:last-of-type");
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const boundaryPath = liveLine(
    plotSvg,
    {class: "xor-boundary", "stroke-dasharray": boundaryDash, "clip-path": frameClip(plotSvg, sx.range, sy.range)},
    {before: plotSvg.querySelector('[aria-label="frame"]')}
  );
  // How far training has gone, in the corner of the frame: once the network has converged,
  // more epochs barely change the colours, but the reader still sees which run is shown.
  const status = svgElement("text", {
    class: "xor-status",
    x: sx.range[0] + 6,
    y: sy.range[1] + 16,
    "font-size": 11,
    "text-anchor": "start"
  });
  plotSvg.append(status);
  /** Shows another run of the same network (another epoch count) in place. */
  chart.update = (next) => {
    map.paint(next.heat);
    // where the output crosses 0 (none when the output is 0 everywhere); the grid's cell
    // centres reach half a cell beyond the frame
    const spread = Math.max(...next.heat.map(Math.abs));
    const lines =
      spread > 1e-6
        ? joinSegments(
            zeroCrossings(next.heat, grid.size, grid.size, {
              x1: heatDomain[0],
              x2: heatDomain[1],
              y1: heatDomain[0],
              y2: heatDomain[1]
            })
          )
        : [];
    boundaryPath.setAttribute(
      "d",
      lines
        .map((line) =>
          linePath(
            line.map((p) => p[0]),
            line.map((p) => p[1]),
            (v) => sx.apply(v),
            (v) => sy.apply(v)
          )
        )
        .join("")
    );
    chart.setAttribute(
      "aria-label",
      `Output of the XOR network with ${activations[next.activation].label} hidden units over the plane`
    );
    chart.dataset.accuracy = next.accuracy;
    setText(status, `${next.epochs} epochs · loss ${formatNumber(next.loss, {digits: 3})}`);
    return chart;
  };
  return chart.update(run);
}

/**
 * One XOR chart on the page: drawn by `render(width)` from the latest run (again on resize,
 * and when the theme changes, so that the colours read from the page follow it), and updated
 * in place by `set(run)` when the epochs, the activation or the start change.
 */
export function xorView({data, grid}) {
  let run = null;
  let chart = null;
  let size = null;
  let placeholder = null;
  return {
    render(width) {
      size = {width};
      if (run) return (chart = xorChart(run, {...size, data, grid}));
      chart = null;
      return (placeholder = document.createElement("div"));
    },
    set(next) {
      run = next;
      if (chart) chart.update(next);
      else if (size && placeholder?.isConnected)
        placeholder.replaceWith((chart = xorChart(run, {...size, data, grid})));
    }
  };
}
