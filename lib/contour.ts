// One contour line of a sampled function, by marching squares: where a grid of values
// crosses a threshold (for a classifier, the decision boundary where its output crosses 0).
//
// The grid is row-major, `width` columns by `height` rows, and covers the rectangle
// [x1, x2] × [y1, y2] the way a raster image does: value `values[r * width + c]` belongs to
// the cell in column c, row r, and is sampled at that cell's centre
//   x = x1 + (c + ½)(x2 − x1)/width,   y = y1 + (r + ½)(y2 − y1)/height,
// so row 0 lies at the y1 end. The lines therefore run between the outermost cell centres,
// half a cell inside the rectangle.

/** A point in data coordinates, [x, y]. */
export type Point = [number, number];
/** A straight piece of a contour line, from one point to another. */
export type Segment = [Point, Point];

/** Where the grid lies in data coordinates, and the level to trace (default 0). */
export interface ContourOptions {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  threshold?: number;
}

function checkGrid(values: ArrayLike<number>, width: number, height: number, options: ContourOptions) {
  for (const [name, n] of [
    ["width", width],
    ["height", height]
  ] as const) {
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`${name} must be a positive integer, got ${String(n)}`);
  }
  if (values.length !== width * height) {
    throw new Error(`expected width × height = ${width * height} values, got ${values.length}`);
  }
  const {x1, x2, y1, y2, threshold = 0} = options;
  for (const [name, v] of Object.entries({x1, x2, y1, y2, threshold})) {
    if (typeof v !== "number" || !Number.isFinite(v))
      throw new Error(`${name} must be a finite number, got ${String(v)}`);
  }
}

/**
 * The line segments where the grid crosses `threshold` (default 0), in data coordinates,
 * by marching squares over the squares between four neighbouring cell centres.
 *
 * - A value counts as above the level when it is > threshold, otherwise as below, so a
 *   grid equal to the threshold everywhere (for example all zeros) gives no segments.
 * - Crossings are placed by linear interpolation along the square's edges. Each edge's
 *   crossing is computed from that edge alone, so the two squares sharing an edge give
 *   exactly the same point and the segments join end to end (see `joinSegments`).
 * - Saddles (two diagonal corners above, two below) are resolved by the mean of the four
 *   corners: the corners on the same side as the centre are joined, the other two are cut
 *   off by a segment each.
 * - A square with a NaN (or infinite) corner is skipped, leaving a gap in the line.
 * - Segments of zero length (a line just touching a cell centre) are dropped.
 */
export function zeroCrossings(
  values: ArrayLike<number>,
  width: number,
  height: number,
  options: ContourOptions
): Segment[] {
  checkGrid(values, width, height, options);
  const {x1, x2, y1, y2, threshold = 0} = options;
  const dx = (x2 - x1) / width;
  const dy = (y2 - y1) / height;
  const xAt = (column: number) => x1 + (column + 0.5) * dx;
  const yAt = (row: number) => y1 + (row + 0.5) * dy;
  const at = (c: number, r: number) => values[r * width + c];
  // the crossing on the edge from cell (c, r) to its right or upper neighbour
  const across = (c: number, r: number): Point => {
    const a = at(c, r);
    const t = (threshold - a) / (at(c + 1, r) - a);
    return [xAt(c + t), yAt(r)];
  };
  const up = (c: number, r: number): Point => {
    const a = at(c, r);
    const t = (threshold - a) / (at(c, r + 1) - a);
    return [xAt(c), yAt(r + t)];
  };

  const segments: Segment[] = [];
  const push = (a: Point, b: Point) => {
    if (a[0] !== b[0] || a[1] !== b[1]) segments.push([a, b]);
  };
  for (let r = 0; r < height - 1; r++) {
    for (let c = 0; c < width - 1; c++) {
      const bl = at(c, r);
      const br = at(c + 1, r);
      const tl = at(c, r + 1);
      const tr = at(c + 1, r + 1);
      if (!Number.isFinite(bl) || !Number.isFinite(br) || !Number.isFinite(tl) || !Number.isFinite(tr))
        continue;
      const above = [bl > threshold, br > threshold, tr > threshold, tl > threshold];
      // crossed edges: bottom (bl–br), right (br–tr), top (tl–tr), left (bl–tl)
      const bottom = above[0] !== above[1] ? across(c, r) : null;
      const right = above[1] !== above[2] ? up(c + 1, r) : null;
      const top = above[3] !== above[2] ? across(c, r + 1) : null;
      const left = above[0] !== above[3] ? up(c, r) : null;
      if (bottom && right && top && left) {
        // saddle: cut off the two corners that differ from the centre
        const centreAbove = (bl + br + tl + tr) / 4 > threshold;
        if (above[0] !== centreAbove) {
          push(left, bottom); // bl and tr cut off
          push(right, top);
        } else {
          push(bottom, right); // br and tl cut off
          push(top, left);
        }
      } else {
        const crossed = [bottom, right, top, left].filter((p): p is Point => p !== null);
        if (crossed.length === 2) push(crossed[0], crossed[1]);
      }
    }
  }
  return segments;
}

/**
 * Joins segments that share end points (exactly equal coordinates, as `zeroCrossings`
 * produces) into polylines. A closed loop comes back as a polyline whose last point equals
 * its first. Where more than two segments meet at a point, they are joined greedily.
 */
export function joinSegments(segments: readonly Segment[]): Point[][] {
  const key = (p: Point) => `${p[0]},${p[1]}`;
  const byPoint = new Map<string, number[]>();
  segments.forEach(([a, b], i) => {
    for (const p of [a, b]) {
      const k = key(p);
      const list = byPoint.get(k);
      if (list) list.push(i);
      else byPoint.set(k, [i]);
    }
  });
  const used = new Uint8Array(segments.length);
  // the far end of an unused segment touching p, marking the segment used
  const next = (p: Point): Point | null => {
    for (const i of byPoint.get(key(p)) ?? []) {
      if (used[i]) continue;
      used[i] = 1;
      const [a, b] = segments[i];
      return key(a) === key(p) ? b : a;
    }
    return null;
  };
  const lines: Point[][] = [];
  for (let i = 0; i < segments.length; i++) {
    if (used[i]) continue;
    used[i] = 1;
    const line: Point[] = [segments[i][0], segments[i][1]];
    for (let p = next(line[line.length - 1]); p; p = next(p)) line.push(p);
    const head: Point[] = [];
    for (let p = next(line[0]); p; p = next(p)) head.push(p);
    lines.push(head.length ? [...head.reverse(), ...line] : line);
  }
  return lines;
}
