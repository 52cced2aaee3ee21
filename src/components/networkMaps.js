// The network diagram's node maps (./networkDiagram.js) on one canvas under its SVG, rather
// than a canvas per node: while the network trains every map is repainted at each frame, and
// one canvas is one layer for the browser to paint and composite where 51 were 51. Each node
// keeps its own small map (./heatmap.js: its pixels, its colours, its theme), off the page;
// compose() draws them all, each stretched over its node's square as the page would stretch
// a canvas of its own, a dead unit's faded.
import {svgElement} from "./liveChart.js";
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
 * foreignObject to be placed in the diagram's SVG (`holder`), and `compose(nodes)`, which
 * draws every node's map ({map, x, y, dead}: a heatmap, its top-left corner, whether it is
 * faded) at its place, `layout.node` px square.
 */
export function networkMaps(layout) {
  const holder = svgElement("foreignObject", {
    class: "nd-maps",
    width: layout.width,
    height: layout.height,
    "aria-hidden": "true"
  });
  const canvas = document.createElement("canvas");
  canvas.width = layout.width;
  canvas.height = layout.height;
  canvas.style.cssText = "display: block; width: 100%; height: 100%";
  holder.append(canvas);
  const context = canvas.getContext("2d");
  const side = layout.node;
  return {
    holder,
    canvas,
    compose(nodes) {
      context.clearRect(0, 0, canvas.width, canvas.height);
      for (const {map, x, y, dead} of nodes) {
        context.globalAlpha = dead ? DEAD_MAP_OPACITY : 1;
        context.drawImage(map.canvas, x, y, side, side);
      }
      context.globalAlpha = 1;
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
