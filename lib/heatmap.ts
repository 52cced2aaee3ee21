// A decision map's pure parts: the square grid of cells a network is asked about, and the
// colour each answer gets. The canvas that shows them is src/components/heatmap.js.

import {gridInputs} from "./datasets.js";

/** A colour as red, green and blue bytes (0–255). */
export type Rgb = readonly [number, number, number];

/** The colours of a map: `low` for outputs ≤ −1, `mid` for 0, `high` for outputs ≥ 1. */
export interface HeatColors {
  low: Rgb;
  mid: Rgb;
  high: Rgb;
}

/** A size × size grid of square cells, one prediction per cell centre. */
export interface HeatGrid {
  /** Cells per side. */
  size: number;
  /** The square [lo, hi]² the chart frames. */
  frame: [number, number];
  /** The square the cells cover: the frame plus `margin` cells on every side. */
  extent: [number, number];
  /** The side of one cell. */
  cell: number;
  /** The cell centres, row-major, row 0 at the bottom (lowest x₂), as `predict` takes them. */
  inputs: Float64Array;
}

/**
 * The grid of `size` × `size` cells over the square `frame`², reaching `margin` whole cells
 * beyond it on every side (a chart clips those, so a boundary traced through the cell
 * centres runs right up to the frame).
 */
export function heatGrid(frame: readonly [number, number], size: number, margin = 0): HeatGrid {
  const [lo, hi] = frame;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
    throw new Error(`frame must be two finite numbers, low < high, got [${lo}, ${hi}]`);
  }
  if (!Number.isInteger(margin) || margin < 0) {
    throw new Error(`margin must be a whole number of cells ≥ 0, got ${String(margin)}`);
  }
  if (!Number.isInteger(size) || size < 2 || size <= 2 * margin) {
    throw new Error(`size must be an integer ≥ 2 and above twice the margin, got ${String(size)}`);
  }
  const cell = (hi - lo) / (size - 2 * margin);
  const extent: [number, number] = [lo - margin * cell, hi + margin * cell];
  const centres: [number, number] = [extent[0] + cell / 2, extent[1] - cell / 2];
  return {size, frame: [lo, hi], extent, cell, inputs: gridInputs(centres, centres, size, size)};
}

/**
 * The colour of a network output: from `mid` at 0 towards `high` (output > 0) or `low`
 * (output < 0), `strength` of the way at |output| ≥ 1 and in proportion below. A
 * non-finite output (a diverged network) has no side: it gets `mid`. Writes the rounded
 * bytes into `out` and returns it.
 */
export function heatColor<T extends number[] | Uint8ClampedArray = number[]>(
  value: number,
  colors: HeatColors,
  strength = 1,
  out: T = [0, 0, 0] as T
): T {
  if (!(strength >= 0 && strength <= 1))
    throw new Error(`strength must be in [0, 1], got ${String(strength)}`);
  const t = Number.isFinite(value) ? Math.min(1, Math.abs(value)) * strength : 0;
  const to = value > 0 ? colors.high : colors.low;
  const {mid} = colors;
  out[0] = Math.round(mid[0] + (to[0] - mid[0]) * t);
  out[1] = Math.round(mid[1] + (to[1] - mid[1]) * t);
  out[2] = Math.round(mid[2] + (to[2] - mid[2]) * t);
  return out;
}

/** Whether 32-bit words keep their lowest byte first (as on every common platform). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Paints a side × side grid of outputs (row 0 at the bottom, as `HeatGrid.inputs`) into the
 * opaque 32-bit pixels of a width × width image (rows from the top): each cell fills a
 * block of width / side pixels square, so a coarse grid previews the full one. Each cell's
 * colour is heatColor's, worked out once per cell with its arithmetic inlined (the same
 * expressions, so the same bytes) and packed as RGBA bytes read back as one 32-bit word in
 * the platform's byte order (the order a 32-bit view of canvas image data writes back). The
 * playground paints its map and every unit's map many times a second: a cell of one pixel is
 * written directly, not filled.
 */
export function paintCells(
  pixels: Uint32Array,
  width: number,
  values: ArrayLike<number>,
  side: number,
  colors: HeatColors,
  strength = 1
): void {
  if (!Number.isInteger(width) || width < 1 || pixels.length !== width * width) {
    throw new Error(`pixels must hold width × width = ${width} × ${width} pixels, got ${pixels.length}`);
  }
  if (!Number.isInteger(side) || side < 1 || width % side !== 0) {
    throw new Error(`side must be a whole divisor of the width ${width}, got ${String(side)}`);
  }
  if (values.length !== side * side) {
    throw new Error(`values must hold side × side = ${side * side} outputs, got ${values.length}`);
  }
  if (!(strength >= 0 && strength <= 1))
    throw new Error(`strength must be in [0, 1], got ${String(strength)}`);
  const {low, mid, high} = colors;
  const [m0, m1, m2] = mid;
  const [h0, h1, h2] = [high[0] - m0, high[1] - m1, high[2] - m2];
  const [l0, l1, l2] = [low[0] - m0, low[1] - m1, low[2] - m2];
  const block = width / side;
  for (let cellRow = 0; cellRow < side; cellRow++) {
    const source = (side - 1 - cellRow) * side; // the image's top row is the grid's last
    for (let cellCol = 0; cellCol < side; cellCol++) {
      // heatColor(value, colors, strength), inlined
      const value = values[source + cellCol];
      const t = Number.isFinite(value) ? Math.min(1, Math.abs(value)) * strength : 0;
      const up = value > 0;
      const r = Math.round(m0 + (up ? h0 : l0) * t);
      const g = Math.round(m1 + (up ? h1 : l1) * t);
      const b = Math.round(m2 + (up ? h2 : l2) * t);
      const pixel = LITTLE_ENDIAN
        ? (0xff000000 | (b << 16) | (g << 8) | r) >>> 0
        : ((r << 24) | (g << 16) | (b << 8) | 0xff) >>> 0;
      const first = cellRow * block * width + cellCol * block;
      if (block === 1) pixels[first] = pixel;
      else {
        const end = first + block * width;
        for (let row = first; row < end; row += width) pixels.fill(pixel, row, row + block);
      }
    }
  }
}
