import {describe, expect, it} from "vitest";
import {gridInputs} from "../../lib/datasets.js";
import {heatColor, heatGrid, paintCells} from "../../lib/heatmap.js";
import type {HeatColors} from "../../lib/heatmap.js";

const colors: HeatColors = {low: [0, 100, 200], mid: [255, 255, 255], high: [200, 50, 0]};

/** The bytes [r, g, b, a] of a 32-bit pixel, in the platform's byte order (as a canvas reads them). */
const bytes = (pixel: number) => Array.from(new Uint8Array(new Uint32Array([pixel]).buffer));

describe("heatGrid", () => {
  it("puts one cell centre in the middle of each of size × size cells over the frame", () => {
    const g = heatGrid([-1.6, 1.6], 4);
    expect(g.size).toBe(4);
    expect(g.frame).toEqual([-1.6, 1.6]);
    expect(g.extent).toEqual([-1.6, 1.6]);
    expect(g.cell).toBeCloseTo(0.8, 15);
    // centres −1.2, −0.4, 0.4, 1.2: the same as gridInputs from the first centre to the last
    [-1.2, -1.2, -0.4, -1.2, 0.4, -1.2, 1.2, -1.2].forEach((v, i) => expect(g.inputs[i]).toBeCloseTo(v, 14));
    expect(g.inputs).toEqual(gridInputs([-1.6 + 0.4, 1.6 - 0.4], [-1.6 + 0.4, 1.6 - 0.4], 4, 4));
    // row 0 is the bottom row: its x₂ is the lowest
    expect(g.inputs[1]).toBeLessThan(g.inputs[2 * 4 * 3 + 1]);
  });

  it("reaches `margin` cells beyond the frame, each cell the frame's side over size − 2·margin", () => {
    const g = heatGrid([-1.6, 1.6], 50, 1);
    const cell = 3.2 / 48;
    expect(g.cell).toBe(cell);
    expect(g.extent).toEqual([-1.6 - cell, 1.6 + cell]);
    // the outermost centres lie half a cell outside the frame, the cells tile the extent
    expect(g.inputs[0]).toBeCloseTo(-1.6 - cell / 2, 14);
    expect(g.inputs[g.inputs.length - 1]).toBeCloseTo(1.6 + cell / 2, 14);
    expect(g.cell * g.size).toBeCloseTo(g.extent[1] - g.extent[0], 14);
    expect(g.inputs.length).toBe(2 * 50 * 50);
  });

  it("rejects a frame, size or margin it cannot lay out", () => {
    expect(() => heatGrid([1, 1], 10)).toThrow(/frame/);
    expect(() => heatGrid([1, -1], 10)).toThrow(/frame/);
    expect(() => heatGrid([NaN, 1], 10)).toThrow(/frame/);
    expect(() => heatGrid([-Infinity, 1], 10)).toThrow(/frame/);
    expect(() => heatGrid([-1, 1], 1)).toThrow(/size/);
    expect(() => heatGrid([-1, 1], 2.5)).toThrow(/size/);
    expect(() => heatGrid([-1, 1], 4, 2)).toThrow(/size/);
    expect(() => heatGrid([-1, 1], 4, -1)).toThrow(/margin/);
    expect(() => heatGrid([-1, 1], 4, 0.5)).toThrow(/margin/);
  });
});

describe("heatColor", () => {
  it("is mid at 0 (and −0) and the end colour at ±1 and beyond", () => {
    for (const v of [0, -0]) expect(heatColor(v, colors)).toEqual([255, 255, 255]);
    for (const v of [1, 1.5, 1e300, Number.MAX_VALUE]) expect(heatColor(v, colors)).toEqual([200, 50, 0]);
    for (const v of [-1, -7, -1e300]) expect(heatColor(v, colors)).toEqual([0, 100, 200]);
  });

  it("goes in proportion to |output| below 1, rounded to whole bytes", () => {
    // mid + (to − mid)·t, worked by hand
    expect(heatColor(0.5, colors)).toEqual([228, 153, 128]); // 255 − 27.5, 255 − 102.5, 255 − 127.5
    expect(heatColor(-0.25, colors)).toEqual([191, 216, 241]); // 255 − 63.75, 255 − 38.75, 255 − 13.75
    expect(heatColor(1e-300, colors)).toEqual([255, 255, 255]);
    expect(heatColor(-Number.MIN_VALUE, colors)).toEqual([255, 255, 255]);
  });

  it("scales the way to the end colour by the strength", () => {
    // the playground's map: at most 0.65 of the way from the background
    expect(heatColor(2, colors, 0.65)).toEqual([219, 122, 89]); // 255 − 35.75, 255 − 133.25, 255 − 165.75
    expect(heatColor(-1, colors, 0)).toEqual([255, 255, 255]);
    for (const s of [-0.1, 1.1, NaN]) expect(() => heatColor(0.5, colors, s)).toThrow(/strength/);
  });

  it("gives a non-finite output (a diverged network) the mid colour", () => {
    for (const v of [NaN, Infinity, -Infinity]) expect(heatColor(v, colors, 0.65)).toEqual([255, 255, 255]);
  });

  it("writes into the array it is given", () => {
    const out = new Uint8ClampedArray(4);
    expect(heatColor(1, colors, 1, out)).toBe(out);
    expect(Array.from(out)).toEqual([200, 50, 0, 0]);
  });
});

describe("paintCells", () => {
  it("paints one opaque pixel per cell, the image's top row from the grid's last", () => {
    // a 2 × 2 grid: row 0 (bottom) = [−1, 0], row 1 (top) = [1, 0.5]
    const pixels = new Uint32Array(4);
    paintCells(pixels, 2, [-1, 0, 1, 0.5], 2, colors);
    expect(Array.from(pixels, bytes)).toEqual([
      [200, 50, 0, 255],
      [228, 153, 128, 255],
      [0, 100, 200, 255],
      [255, 255, 255, 255]
    ]);
  });

  it("fills a block of width / side pixels square per cell, the same colours as the full grid", () => {
    const values = [-1, -0.3, 0.2, 0.9, NaN, 4, -0.6, 0, 0.45];
    const preview = new Uint32Array(36);
    paintCells(preview, 6, values, 3, colors, 0.65);
    // the same grid blown up by hand: each value repeated 2 × 2
    const full: number[] = [];
    for (let r = 0; r < 6; r++)
      for (let c = 0; c < 6; c++) full.push(values[Math.floor(r / 2) * 3 + Math.floor(c / 2)]);
    const reference = new Uint32Array(36);
    paintCells(reference, 6, full, 6, colors, 0.65);
    expect(preview).toEqual(reference);
    // and each pixel is heatColor of its cell's output, rows flipped
    for (let row = 0; row < 6; row++) {
      for (let col = 0; col < 6; col++) {
        const value = values[(2 - Math.floor(row / 2)) * 3 + Math.floor(col / 2)];
        expect(bytes(preview[row * 6 + col])).toEqual([...heatColor(value, colors, 0.65), 255]);
      }
    }
  });

  it("gives every pixel exactly heatColor's bytes, special values too", () => {
    const side = 20;
    const values = Array.from({length: side * side}, (_, i) => 3 * Math.sin(i * 1.7));
    values.splice(0, 8, NaN, Infinity, -Infinity, -0, 0, 1e-300, -1e-300, 1e300);
    for (const strength of [1, 0.65, 0]) {
      const pixels = new Uint32Array(side * side);
      paintCells(pixels, side, values, side, colors, strength);
      for (let row = 0; row < side; row++) {
        for (let col = 0; col < side; col++) {
          const value = values[(side - 1 - row) * side + col];
          expect(bytes(pixels[row * side + col])).toEqual([...heatColor(value, colors, strength), 255]);
        }
      }
    }
    expect(() => paintCells(new Uint32Array(4), 2, [0, 0, 0, 0], 2, colors, 1.5)).toThrow(/strength/);
  });

  it("rejects an image, grid or list of outputs that do not fit together", () => {
    expect(() => paintCells(new Uint32Array(35), 6, new Array(9).fill(0), 3, colors)).toThrow(/pixels/);
    expect(() => paintCells(new Uint32Array(36), 6, new Array(16).fill(0), 4, colors)).toThrow(/divisor/);
    expect(() => paintCells(new Uint32Array(36), 6, new Array(0), 0, colors)).toThrow(/divisor/);
    expect(() => paintCells(new Uint32Array(36), 6, new Array(8).fill(0), 3, colors)).toThrow(/outputs/);
  });
});
