// The network diagram's node maps (./networkDiagram.js) on one canvas under its SVG, rather
// than a canvas per node: while the network trains every map is repainted at each frame, and
// one small canvas, put once, is one layer for the browser to paint and composite where 51
// were 51. The canvas has a pixel per map cell, stretched by the page as each node's own
// canvas was (a node's square is MAP_SIDE cells of NODE / MAP_SIDE px, its corner on a cell
// boundary: ./networkLayout.js keeps the columns an even number of px apart); a dead unit's
// map is faded.
import {paintCells} from "../lib/heatmap.js";
import {svgElement} from "./liveChart.js";
import {cssColors} from "./heatmap.js";
import {UNIT_SIDE} from "./playgroundPass.js";

/** Cells per side of every node's map: every third of the shared pass's grid (./playgroundPass.js). */
export const MAP_SIDE = UNIT_SIDE;
/** The maps' colours and strength (./heatmap.js's options), as the data chart's map. */
export const MAP = {
  width: MAP_SIDE,
  colors: {low: "--pg-negative", mid: "--theme-background", high: "--pg-positive"},
  strength: 0.65
};
/** How much of a dead unit's map shows (the rest is the page behind it). */
export const DEAD_MAP_OPACITY = 0.45;

/**
 * The canvas for a diagram laid out by `layout` (diagramLayout of ./networkLayout.js), in a
 * foreignObject to be placed in the diagram's SVG (`holder`). `paint(node)` paints a node's
 * map ({values, x, y, dead}: MAP_SIDE² outputs, row 0 at the bottom; the top-left corner of
 * its square; whether it is faded) into the canvas's pixels, `show()` puts them on the
 * canvas, `recolor()` reads the theme's colours again for the next paint.
 */
export function networkMaps(layout) {
  const scale = layout.node / MAP_SIDE; // px per cell
  const width = Math.ceil(layout.width / scale);
  const height = Math.ceil(layout.height / scale);
  const holder = svgElement("foreignObject", {
    class: "nd-maps",
    width: width * scale,
    height: height * scale,
    "aria-hidden": "true"
  });
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  canvas.style.cssText = "display: block; width: 100%; height: 100%";
  holder.append(canvas);
  const context = canvas.getContext("2d");
  const image = context.createImageData(width, height);
  const pixels = new Uint32Array(image.data.buffer);
  const tile = new Uint32Array(MAP_SIDE * MAP_SIDE);
  const faded = Math.round(255 * DEAD_MAP_OPACITY);
  let colors = null;
  return {
    holder,
    canvas,
    paint({values, x, y, dead}) {
      paintCells(tile, MAP_SIDE, values, MAP_SIDE, (colors ??= cssColors(MAP.colors)), MAP.strength);
      const [left, top] = [Math.round(x / scale), Math.round(y / scale)];
      for (let row = 0; row < MAP_SIDE; row++) {
        const at = (top + row) * width + left;
        pixels.set(tile.subarray(row * MAP_SIDE, (row + 1) * MAP_SIDE), at);
        if (dead) for (let p = at; p < at + MAP_SIDE; p++) image.data[4 * p + 3] = faded;
      }
    },
    show() {
      context.putImageData(image, 0, 0);
    },
    recolor() {
      colors = null;
    }
  };
}

/**
 * Fills `values` (side² numbers, row 0 at the bottom) with node k's outputs at every step-th
 * cell centre of a pass's grid (./playgroundPass.js: `plane.side` cells per side, `source`
 * its layer's outputs, `units` per point), read as (y − centre)·scale.
 */
export function sampleMap(values, side, plane, source, units, k, centre = 0, scale = 1) {
  const step = plane.side / side;
  const first = (step - 1) / 2;
  for (let p = 0; p < values.length; p++) {
    const cell = (first + step * Math.floor(p / side)) * plane.side + first + step * (p % side);
    values[p] = (source[cell * units + k] - centre) * scale;
  }
}
