// The decision map of a network over the plane: a small canvas, one pixel per cell of a grid
// (or a block of pixels per cell, for a quick preview), stretched smoothly over a chart's
// frame. Its colours are CSS variables of src/style.css, read from the page, so they follow
// the light and dark themes. The pure parts (grid, colours, pixels) are ../lib/heatmap.js.
import {svg} from "npm:htl";
import {paintCells} from "../lib/heatmap.js";

let probe = null;

/** [r, g, b] of any CSS colour (hex, rgb(), color-mix(), a resolved var()…), drawn and read back. */
function rgbOf(color) {
  probe ??= document.createElement("canvas").getContext("2d", {willReadFrequently: true});
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = "#000";
  probe.fillStyle = color;
  probe.fillRect(0, 0, 1, 1);
  const [r, g, b] = probe.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

/**
 * The colours named by CSS variables, e.g. {low: "--heat-low", mid: "--heat-mid", high:
 * "--heat-high"}, as the page's current theme sets them on the root element: {low, mid,
 * high} as [r, g, b].
 */
export function cssColors(names) {
  const style = getComputedStyle(document.documentElement);
  const read = (name) => rgbOf(style.getPropertyValue(name).trim());
  return {low: read(names.low), mid: read(names.mid), high: read(names.high)};
}

/** "rgb(r, g, b)" of [r, g, b], for Plot (e.g. a legend of the map's colours). */
export function rgbString([r, g, b]) {
  return `rgb(${r}, ${g}, ${b})`;
}

/**
 * A decision map of width × width pixels. `colors` names the CSS variables of its colours
 * ({low, mid, high}); `strength` is how far from `mid` towards an end colour a sure output
 * (|y| ≥ 1) goes. `paint(values, side)` draws a side × side grid of outputs (row 0 at the
 * bottom; side a divisor of width, each cell a block of width / side pixels); `recolor()`
 * reads the colours again (after a change of theme) and repaints; `mark(grid)` is a Plot
 * mark that places the canvas over a chart, clipped to its frame (a HeatGrid of
 * ../lib/heatmap.js: the canvas covers grid.extent, the clip is grid.frame).
 */
export function heatmap({width, colors, strength = 1, className}) {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = width;
  if (className) canvas.className = className;
  canvas.style.cssText = "display: block; width: 100%; height: 100%";
  const context = canvas.getContext("2d");
  const image = context.createImageData(width, width);
  const pixels = new Uint32Array(image.data.buffer);
  let rgb = null;
  let last = null;
  const map = {
    canvas,
    /** The colours in use, {low, mid, high} as [r, g, b]. */
    colors: () => (rgb ??= cssColors(colors)),
    paint(values, side = width) {
      paintCells(pixels, width, values, side, map.colors(), strength);
      context.putImageData(image, 0, 0);
      canvas.dataset.block = String(width / side);
      last = {values, side};
    },
    recolor() {
      rgb = null;
      if (last) map.paint(last.values, last.side);
    },
    mark({frame, extent = frame}, {className: holderClass} = {}) {
      return (index, {x, y}) => {
        // a nested <svg> clips to the frame (its inline overflow style beats the
        // `.grid svg {overflow: visible}` of Framework's grid)
        const [left, top] = [x(frame[0]), y(frame[1])];
        const [right, bottom] = [x(frame[1]), y(frame[0])];
        const holder = svg`<svg class=${holderClass} x=${left} y=${top} width=${right - left} height=${bottom - top}
          style="overflow: hidden" aria-hidden="true">
          <foreignObject x=${x(extent[0]) - left} y=${y(extent[1]) - top}
            width=${x(extent[1]) - x(extent[0])} height=${y(extent[0]) - y(extent[1])} />
        </svg>`;
        holder.querySelector("foreignObject").append(canvas);
        return holder;
      };
    }
  };
  return map;
}
