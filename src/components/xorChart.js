// The XOR charts of /why-activation-functions: a trained network's output over the plane as a
// heat map (a canvas, repainted in place), its decision boundary, and the four XOR points.
// `grid` describes the heat grid: {size} cells a side, centred over `heatDomain`, one cell
// beyond the chart's `domain` on every side (clipped), so the boundary reaches the frame.
import * as Plot from "npm:@observablehq/plot/course";
import {svg} from "npm:htl";
import {activations} from "../lib/activations.js";
import {joinSegments, zeroCrossings} from "../lib/contour.js";
import {formatNumber} from "./format.js";
import {frameClip, linePath, svgElement} from "./liveChart.js";
import {setText} from "./liveDom.js";

// the colours of the network output −1 (purple), 0 (neutral) and +1 (orange)
export const HEAT_COLORS = {
  light: ["#5e3c99", "#f7f7f7", "#e66101"],
  dark: ["#8f7fd6", "#26262b", "#f0a05a"]
};

/** Paints the heat grid into `canvas`, one pixel per cell, colours as the legend (clamped to ±1). */
function paintHeat(canvas, heat, colors) {
  const size = canvas.width; // one pixel per cell of a square grid
  const [low, mid, high] = colors.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  const context = canvas.getContext("2d");
  const image = context.createImageData(size, size);
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const v = Math.max(-1, Math.min(1, heat[r * size + c]));
      if (!Number.isFinite(v)) continue; // transparent
      const [to, t] = v < 0 ? [low, -v] : [high, v];
      const k = 4 * ((size - 1 - r) * size + c); // grid row 0 is the lowest x₂: the image's bottom row
      for (let i = 0; i < 3; i++) image.data[k + i] = Math.round(mid[i] + (to[i] - mid[i]) * t);
      image.data[k + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
}

/**
 * A Plot mark: the heat grid as a size × size canvas stretched over its heatDomain (smoothed,
 * as an image would be), clipped to the frame by a nested <svg> (its inline overflow style
 * beats the `.grid svg {overflow: visible}` of Framework's grid). A canvas, not an image:
 * the Epochs slider repaints it in place, with no PNG to encode and decode per step.
 */
function heatmapMark(heat, colors, {size, domain, heatDomain}) {
  return (index, {x, y}) => {
    const [left, top] = [x(domain[0]), y(domain[1])];
    const [right, bottom] = [x(domain[1]), y(domain[0])];
    const holder = svg`<svg class="xor-heat" x=${left} y=${top} width=${right - left} height=${bottom - top}
      style="overflow: hidden" aria-hidden="true">
      <foreignObject x=${x(heatDomain[0]) - left} y=${y(heatDomain[1]) - top}
        width=${x(heatDomain[1]) - x(heatDomain[0])} height=${y(heatDomain[0]) - y(heatDomain[1])} />
    </svg>`;
    const canvas = Object.assign(document.createElement("canvas"), {width: size, height: size});
    canvas.style.cssText = "display: block; width: 100%; height: 100%";
    paintHeat(canvas, heat, colors);
    holder.querySelector("foreignObject").append(canvas);
    return holder;
  };
}

export function xorChart(run, {width, dark, data, grid}) {
  const {domain, heatDomain} = grid;
  const size = Math.max(240, Math.min(width, 380));
  const points = Array.from({length: data.count}, (_, k) => ({
    x1: data.inputs[2 * k],
    x2: data.inputs[2 * k + 1],
    target: data.targets[k]
  }));
  const colors = HEAT_COLORS[dark ? "dark" : "light"];
  const chart = Plot.plot({
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
    x: {domain: domain, label: "x₁", labelArrow: "none"},
    y: {domain: domain, label: "x₂", labelArrow: "none"},
    color: {
      type: "linear",
      domain: [-1, 0, 1],
      range: colors,
      clamp: true,
      legend: true,
      label: "network output",
      ticks: [-1, -0.5, 0, 0.5, 1],
      width: Math.min(size, 300)
    },
    marks: [
      heatmapMark(run.heat, colors, grid),
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
  const boundary = svgElement("g", {
    class: "xor-boundary",
    fill: "none",
    stroke: "currentColor",
    "stroke-width": 1.5,
    "stroke-dasharray": "5 3",
    "stroke-linecap": "round",
    "stroke-linejoin": "round",
    transform: "translate(0.5,0.5)",
    "clip-path": frameClip(plotSvg, sx.range, sy.range)
  });
  const boundaryPath = svgElement("path");
  boundary.append(boundaryPath);
  plotSvg.insertBefore(boundary, plotSvg.querySelector('[aria-label="frame"]'));
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
    paintHeat(chart.querySelector(".xor-heat canvas"), next.heat, colors);
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
 * One XOR chart on the page: drawn by `render(width, dark)` (for resize) from the latest
 * run, and updated in place by `set(run)` when the epochs, the activation or the start change.
 */
export function xorView({data, grid}) {
  let run = null;
  let chart = null;
  let size = null;
  let placeholder = null;
  return {
    render(width, dark) {
      size = {width, dark};
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
