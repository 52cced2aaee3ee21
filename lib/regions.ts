// Where a function has a property along the x axis: the intervals where a slope is below a
// threshold (vanishing gradients) or exactly zero (dead units), where |f′| peaks, and the
// stretches where sampled values are not finite numbers.
// Found numerically from the function itself, so no page has to type such numbers.

/** A closed interval [from, to] of the x axis. */
export interface Region {
  from: number;
  to: number;
}

/** The grid size and bisection steps used to locate a region's ends. */
export interface RegionOptions {
  /** Grid points scanned over [from, to] (≥ 2). */
  count?: number;
  /** Bisection steps that sharpen each boundary found between two grid points. */
  refine?: number;
}

function checkInterval(from: number, to: number, count: number): void {
  if (!Number.isFinite(from) || !Number.isFinite(to) || !(from < to)) {
    throw new Error(`need finite from < to, got from = ${String(from)}, to = ${String(to)}`);
  }
  if (!Number.isInteger(count) || count < 2)
    throw new Error(`count must be an integer ≥ 2, got ${String(count)}`);
}

/** The x where `test` switches between a (test true) and b (test false), by bisection. */
function boundary(test: (x: number) => boolean, a: number, b: number, steps: number): number {
  let inside = a;
  let outside = b;
  for (let i = 0; i < steps; i++) {
    const mid = (inside + outside) / 2;
    if (mid === inside || mid === outside) break;
    if (test(mid)) inside = mid;
    else outside = mid;
  }
  return inside;
}

/**
 * The maximal intervals of [from, to] where `test(x)` holds, scanned on an even grid and
 * with each inner end sharpened by bisection (so a region ends where the test really
 * switches, up to the grid's resolution for regions narrower than one grid step).
 */
export function regionsWhere(
  test: (x: number) => boolean,
  from: number,
  to: number,
  {count = 801, refine = 52}: RegionOptions = {}
): Region[] {
  checkInterval(from, to, count);
  const step = (to - from) / (count - 1);
  const xAt = (i: number) => (i === count - 1 ? to : from + i * step);
  const regions: Region[] = [];
  let start: number | null = null;
  let previousX = from;
  for (let i = 0; i < count; i++) {
    const x = xAt(i);
    const inside = test(x);
    if (inside && start === null) {
      start = i === 0 ? from : boundary(test, x, previousX, refine);
    } else if (!inside && start !== null) {
      regions.push({from: start, to: boundary(test, previousX, x, refine)});
      start = null;
    }
    previousX = x;
  }
  if (start !== null) regions.push({from: start, to});
  return regions;
}

/** Where |df(x)| < threshold on [from, to]: the flat tails where gradients vanish. */
export function vanishingRegions(
  df: (x: number) => number,
  from: number,
  to: number,
  threshold = 0.01,
  options?: RegionOptions
): Region[] {
  if (!(threshold > 0)) throw new Error(`threshold must be > 0, got ${String(threshold)}`);
  return regionsWhere((x) => Math.abs(df(x)) < threshold, from, to, options);
}

/** Where df(x) is exactly 0 on [from, to]: inputs for which a unit passes back no gradient. */
export function deadRegions(
  df: (x: number) => number,
  from: number,
  to: number,
  options?: RegionOptions
): Region[] {
  return regionsWhere((x) => df(x) === 0, from, to, options);
}

/** The x in [from, to] where |g(x)| is largest, and that value. */
export interface Peak {
  x: number;
  value: number;
}

/**
 * Finds the largest |g(x)| on [from, to]: the best point of an even grid, then a
 * golden-section search in the grid cells on either side (exact for a smooth single peak;
 * on a plateau it returns the first grid point that reaches the plateau).
 */
export function peakAbs(
  g: (x: number) => number,
  from: number,
  to: number,
  {count = 2001}: {count?: number} = {}
): Peak {
  checkInterval(from, to, count);
  const step = (to - from) / (count - 1);
  const h = (x: number) => {
    const v = Math.abs(g(x));
    return Number.isNaN(v) ? -Infinity : v;
  };
  let best = 0;
  let bestValue = -Infinity;
  for (let i = 0; i < count; i++) {
    const v = h(i === count - 1 ? to : from + i * step);
    if (v > bestValue) ((best = i), (bestValue = v));
  }
  const xBest = best === count - 1 ? to : from + best * step;
  let a = Math.max(from, xBest - step);
  let b = Math.min(to, xBest + step);
  const ratio = (Math.sqrt(5) - 1) / 2;
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  for (let i = 0; i < 80 && b - a > 1e-12 * Math.max(1, Math.abs(a)); i++) {
    if (h(c) >= h(d)) ((b = d), (d = c), (c = b - ratio * (b - a)));
    else ((a = c), (c = d), (d = a + ratio * (b - a)));
  }
  const xRefined = (a + b) / 2;
  const refined = h(xRefined);
  return refined > bestValue ? {x: xRefined, value: refined} : {x: xBest, value: bestValue};
}

/** A stretch of x where samples are not finite: "undefined" (NaN) or "infinite" (±∞). */
export interface NonFiniteInterval {
  from: number;
  to: number;
  kind: "undefined" | "infinite";
}

/** Merges consecutive non-finite samples into intervals [from, to] of sample positions. */
export function nonFiniteIntervals(xs: ArrayLike<number>, values: ArrayLike<number>): NonFiniteInterval[] {
  const intervals: NonFiniteInterval[] = [];
  let current: NonFiniteInterval | undefined;
  for (let i = 0; i < xs.length; i++) {
    const v = values[i];
    const kind = v !== v ? "undefined" : Number.isFinite(v) ? undefined : "infinite";
    if (kind && current && current.kind === kind) current.to = xs[i];
    else if (kind) intervals.push((current = {from: xs[i], to: xs[i], kind}));
    else current = undefined;
  }
  return intervals;
}
