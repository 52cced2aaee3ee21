import {describe, expect, it} from "vitest";
import {joinSegments, zeroCrossings} from "../../lib/contour.js";
import type {Point, Segment} from "../../lib/contour.js";

/** A width × height grid over [x1, x2] × [y1, y2], f sampled at the cell centres (row 0 at y1). */
function sample(
  f: (x: number, y: number) => number,
  width: number,
  height: number,
  extent = {x1: -1, x2: 1, y1: -1, y2: 1}
) {
  const values = new Float64Array(width * height);
  const dx = (extent.x2 - extent.x1) / width;
  const dy = (extent.y2 - extent.y1) / height;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++)
      values[r * width + c] = f(extent.x1 + (c + 0.5) * dx, extent.y1 + (r + 0.5) * dy);
  }
  return {values, ...extent};
}

const ends = (segments: Segment[]) => segments.flat();

describe("zeroCrossings", () => {
  it("traces the plane z = x as one vertical line at x = 0 along the whole height", () => {
    const {values, ...extent} = sample((x) => x, 10, 8);
    const segments = zeroCrossings(values, 10, 8, extent);
    expect(segments).toHaveLength(7); // one per row of squares
    for (const [x] of ends(segments)) expect(x).toBeCloseTo(0, 14);
    const ys = ends(segments).map(([, y]) => y);
    // from the first row of cell centres to the last: half a cell (0.125) inside the frame
    expect(Math.min(...ys)).toBeCloseTo(-1 + 0.125, 14);
    expect(Math.max(...ys)).toBeCloseTo(1 - 0.125, 14);
    const lines = joinSegments(segments);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(8);
    expect(lines[0].map(([, y]) => y).sort((a, b) => a - b)).toEqual(
      Array.from({length: 8}, (_, r) => expect.closeTo(-1 + (r + 0.5) * 0.25, 14))
    );
  });

  it("puts a line through a column of centres that sit exactly on the threshold", () => {
    // 9 columns over [−1, 1]: the middle column of centres is at x = 0 exactly
    const {values, ...extent} = sample((x) => 3 * x, 9, 5);
    const segments = zeroCrossings(values, 9, 5, extent);
    expect(segments).toHaveLength(4);
    for (const [x] of ends(segments)) expect(x).toBeCloseTo(0, 14);
  });

  it("traces a circle as one closed polygon with vertices within a cell of radius r", () => {
    const radius = 0.6;
    const n = 40;
    const cellSize = 2 / n;
    const {values, ...extent} = sample((x, y) => Math.hypot(x, y) - radius, n, n);
    const segments = zeroCrossings(values, n, n, extent);
    expect(segments.length).toBeGreaterThan(40);
    for (const [x, y] of ends(segments)) expect(Math.abs(Math.hypot(x, y) - radius)).toBeLessThan(cellSize);
    const lines = joinSegments(segments);
    expect(lines).toHaveLength(1);
    const loop = lines[0];
    expect(loop[loop.length - 1]).toEqual(loop[0]);
    expect(loop).toHaveLength(segments.length + 1);
    // it goes once around: the signed area is ± π r², close to it
    let area = 0;
    for (let k = 1; k < loop.length; k++) area += loop[k - 1][0] * loop[k][1] - loop[k][0] * loop[k - 1][1];
    expect(Math.abs(area / 2)).toBeCloseTo(Math.PI * radius * radius, 2);
  });

  it("uses the threshold and the extent", () => {
    const extent = {x1: 10, x2: 20, y1: 0, y2: 4};
    const {values} = sample((x) => x, 10, 4, extent);
    const segments = zeroCrossings(values, 10, 4, {...extent, threshold: 14.2});
    expect(segments).toHaveLength(3);
    for (const [x] of ends(segments)) expect(x).toBeCloseTo(14.2, 12);
  });

  it("gives no segments for a grid on one side, or equal to the threshold everywhere", () => {
    expect(zeroCrossings(new Float64Array(25).fill(0.3), 5, 5, {x1: 0, x2: 1, y1: 0, y2: 1})).toEqual([]);
    expect(zeroCrossings(new Float64Array(25).fill(-2), 5, 5, {x1: 0, x2: 1, y1: 0, y2: 1})).toEqual([]);
    // a value equal to the threshold counts as below, so an all-zero grid has no crossing
    expect(zeroCrossings(new Float64Array(25), 5, 5, {x1: 0, x2: 1, y1: 0, y2: 1})).toEqual([]);
  });

  it("resolves saddles by the centre value, consistently", () => {
    // corners bl, br, tl, tr over the unit square's cell centres (0.25, 0.75)
    const extent = {x1: 0, x2: 1, y1: 0, y2: 1};
    // + on the diagonal bl–tr and the centre above: the + corners stay joined, the − ones are cut off
    const centreAbove = zeroCrossings([1, -1, -1, 1.5], 2, 2, extent);
    expect(centreAbove).toHaveLength(2);
    // each segment cuts off one − corner (br or tl): its points lie on that corner's two edges
    const cutsOff = (segments: Segment[], corner: Point) =>
      segments.some(([a, b]) => [a, b].every(([x, y]) => x === corner[0] || y === corner[1]));
    expect(cutsOff(centreAbove, [0.75, 0.25])).toBe(true);
    expect(cutsOff(centreAbove, [0.25, 0.75])).toBe(true);
    // the centre below: the + corners are cut off
    const centreBelow = zeroCrossings([1, -3, -3, 1], 2, 2, extent);
    expect(centreBelow).toHaveLength(2);
    expect(cutsOff(centreBelow, [0.25, 0.25])).toBe(true);
    expect(cutsOff(centreBelow, [0.75, 0.75])).toBe(true);
  });

  it("skips squares with a NaN corner, leaving a gap", () => {
    const {values, ...extent} = sample((x) => x, 10, 8);
    values[3 * 10 + 4] = NaN; // a cell just left of the line, in row 3
    const segments = zeroCrossings(values, 10, 8, extent);
    expect(segments).toHaveLength(5); // rows of squares 2–3 and 3–4 are skipped
    for (const [x, y] of ends(segments)) {
      expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
      expect(x).toBeCloseTo(0, 14);
    }
    expect(joinSegments(segments)).toHaveLength(2);
    expect(zeroCrossings(new Float64Array(16).fill(NaN), 4, 4, {x1: 0, x2: 1, y1: 0, y2: 1})).toEqual([]);
  });

  it("refuses a malformed grid", () => {
    const extent = {x1: 0, x2: 1, y1: 0, y2: 1};
    expect(() => zeroCrossings([1, 2, 3], 2, 2, extent)).toThrow(/4 values/);
    expect(() => zeroCrossings([1, 2], 2.5, 1, extent)).toThrow(/width/);
    expect(() => zeroCrossings([1, 2, 3, 4], 2, 2, {...extent, x2: NaN})).toThrow(/x2/);
  });
});

describe("joinSegments", () => {
  it("chains segments given in any order and direction", () => {
    const segments: Segment[] = [
      [
        [2, 0],
        [1, 0]
      ],
      [
        [0, 0],
        [1, 0]
      ],
      [
        [2, 0],
        [3, 1]
      ],
      [
        [5, 5],
        [6, 6]
      ]
    ];
    const lines = joinSegments(segments);
    expect(lines).toHaveLength(2);
    const long = lines.find((l) => l.length === 4)!;
    const xs = long.map(([x]) => x);
    expect(xs[0] === 0 ? xs : xs.reverse()).toEqual([0, 1, 2, 3]);
    expect(joinSegments([])).toEqual([]);
  });
});
