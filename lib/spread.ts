// The spread of a large sample of numbers (a layer's activations or gradients) in a few
// figures: mean, second moment, variance, extremes, quantiles and a fixed-bin histogram.
// Quantiles are found by selection (average O(n)), not by sorting: a layer of 128 units
// over 256 inputs is 32,768 values, and sorting them costs a few milliseconds each time.

/** The quantile levels every spread reports: 5 %, 25 %, 50 %, 75 % and 95 %. */
export const QUANTILE_LEVELS: readonly number[] = [0.05, 0.25, 0.5, 0.75, 0.95];

/** Fixed histogram bins: `count` equal bins covering [min, max). */
export interface Bins {
  min: number;
  max: number;
  count: number;
}

/** The default bins, −4 to 4 in steps of 0.25: wide enough to show tanh saturating at ±1. */
export const DEFAULT_BINS: Readonly<Bins> = {min: -4, max: 4, count: 32};

/** A summary of a sample. Statistics are over the values that are not NaN. */
export interface Spread {
  /** How many values were summarised (NaNs excluded). */
  count: number;
  /** How many values were NaN (after an overflow, Infinity − Infinity). */
  nanCount: number;
  mean: number;
  /** E[x²]. */
  secondMoment: number;
  /** E[x²] − E[x]², never below 0. */
  variance: number;
  min: number;
  max: number;
  /** The quantiles at QUANTILE_LEVELS, by linear interpolation between order statistics (R's type 7). */
  quantiles: number[];
  /** Counts per bin of `bins`; values below bins.min or at/above bins.max are in below / above. */
  histogram: number[];
  below: number;
  above: number;
  bins: Bins;
}

/** Throws unless bins are finite with min < max and an integer count in [1, 1000]. */
export function checkBins(bins: Bins): void {
  const {min, max, count} = bins;
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) {
    throw new Error(`histogram bins need finite min < max, got ${String(min)} and ${String(max)}`);
  }
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw new Error(`histogram bin count must be an integer in [1, 1000], got ${String(count)}`);
  }
}

/** Swaps a[i] and a[j]. */
function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * Rearranges a[lo..hi] (NaN-free) so that a[k] holds the value it would have if sorted, with
 * no larger value before it and no smaller value after it (Hoare's selection with a
 * median-of-three pivot).
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  if (!(k >= lo && k <= hi)) throw new Error(`k must lie in [${lo}, ${hi}], got ${String(k)}`);
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    // now a[lo..j] ≤ pivot ≤ a[i..hi], and any index between j and i holds the pivot
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** The smallest of a[lo..hi]. */
function minOf(a: Float64Array, lo: number, hi: number): number {
  let m = a[lo];
  for (let i = lo + 1; i <= hi; i++) if (a[i] < m) m = a[i];
  return m;
}

/**
 * Quantiles (R's type 7) of the n values in scratch[0..n), which are rearranged. `levels`
 * must be increasing in [0, 1]; each selection works only on the part right of the
 * previous one, so the five levels cost about two passes of the data.
 */
export function quantilesInPlace(scratch: Float64Array, n: number, levels: readonly number[]): number[] {
  if (n === 0) return levels.map(() => NaN);
  const out: number[] = [];
  let lo = 0;
  for (const p of levels) {
    if (!(p >= 0 && p <= 1)) throw new Error(`quantile levels must lie in [0, 1], got ${String(p)}`);
    const position = p * (n - 1);
    const k = Math.floor(position);
    if (k < lo) throw new Error("quantile levels must be increasing");
    selectInPlace(scratch, k, lo, n - 1);
    const fraction = position - k;
    const low = scratch[k];
    out.push(fraction === 0 || k + 1 >= n ? low : low + fraction * (minOf(scratch, k + 1, n - 1) - low));
    lo = k;
  }
  return out;
}

/** Buckets for locating order statistics in a large sample (see orderStatistics). */
const BUCKETS = 2048;
/** Below this many values, selection on the whole sample is as quick as bucketing. */
const BUCKETING_FROM = 4096;
let bucketIds = new Uint16Array(0);
const bucketStarts = new Int32Array(BUCKETS + 1);

/**
 * Quantiles (R's type 7) of the n values in work[0..n) (NaN-free, with the given min and max),
 * as quantilesInPlace gives them, but found through buckets when the sample is large: one
 * pass files each value in one of 2048 equal buckets between min and max (an order-keeping
 * map, so every value of a bucket is ≤ every value of the next), counting tells which bucket
 * holds each wanted rank, and selection then runs within that bucket alone. The result is
 * exact; a sample whose values crowd into a few buckets (an outlier stretching the range, a
 * ReLU layer's zeros) only makes that selection larger.
 */
export function quantilesOfSample(
  work: Float64Array,
  n: number,
  levels: readonly number[],
  min: number,
  max: number
): number[] {
  const span = max - min;
  if (n < BUCKETING_FROM || !(span > 0) || !Number.isFinite(span)) return quantilesInPlace(work, n, levels);
  if (bucketIds.length < n) bucketIds = new Uint16Array(n);
  const ids = bucketIds;
  const starts = bucketStarts.fill(0);
  const scale = BUCKETS / span;
  for (let i = 0; i < n; i++) {
    let b = ((work[i] - min) * scale) | 0;
    if (b >= BUCKETS) b = BUCKETS - 1;
    ids[i] = b;
    starts[b + 1]++;
  }
  for (let b = 1; b <= BUCKETS; b++) starts[b] += starts[b - 1]; // starts[b]: values in buckets before b
  const gathered = new Map<number, Float64Array>();
  /** The value of the given rank (0-based) in sorted order. */
  const orderStatistic = (rank: number): number => {
    let lo = 0;
    let hi = BUCKETS - 1; // the last bucket b with starts[b] ≤ rank
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= rank) lo = mid;
      else hi = mid - 1;
    }
    let values = gathered.get(lo);
    if (!values) {
      values = new Float64Array(starts[lo + 1] - starts[lo]);
      let equal = true; // a bucket of one repeated value (a ReLU layer's zeros) needs no selection
      for (let i = 0, j = 0; i < n; i++) {
        if (ids[i] === lo) {
          const x = work[i];
          values[j++] = x;
          equal &&= x === values[0] && Object.is(x, values[0]);
        }
      }
      if (equal) values = values.subarray(0, 1);
      gathered.set(lo, values);
    }
    if (values.length === 1) return values[0];
    selectInPlace(values, rank - starts[lo]);
    return values[rank - starts[lo]];
  };
  return levels.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new Error(`quantile levels must lie in [0, 1], got ${String(p)}`);
    const position = p * (n - 1);
    const k = Math.floor(position);
    const fraction = position - k;
    const low = orderStatistic(k);
    return fraction === 0 || k + 1 >= n ? low : low + fraction * (orderStatistic(k + 1) - low);
  });
}

/**
 * The spread of `values` (any length; NaNs are counted and left out). `scratch`, when given,
 * must hold at least values.length numbers; it saves an allocation per call.
 */
export function spreadOf(
  values: ArrayLike<number>,
  bins: Bins = DEFAULT_BINS,
  scratch?: Float64Array
): Spread {
  checkBins(bins);
  const n = values.length;
  const work = scratch && scratch.length >= n ? scratch : new Float64Array(n);
  const binCount = bins.count;
  const low = bins.min;
  const high = bins.max;
  const counts = new Int32Array(binCount);
  const scale = binCount / (high - low);
  let count = 0;
  let below = 0;
  let above = 0;
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x !== x) continue;
    work[count++] = x;
    sum += x;
    sumSquares += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
    if (x < low) below++;
    else if (x >= high) above++;
    else {
      const b = ((x - low) * scale) | 0;
      counts[b < binCount ? b : binCount - 1]++;
    }
  }
  const mean = count > 0 ? sum / count : NaN;
  const secondMoment = count > 0 ? sumSquares / count : NaN;
  const variance = count > 0 ? Math.max(0, secondMoment - mean * mean) : NaN;
  return {
    count,
    nanCount: n - count,
    mean,
    secondMoment,
    variance: Number.isNaN(variance) && count > 0 ? Infinity : variance, // Infinity − Infinity after overflow
    min: count > 0 ? min : NaN,
    max: count > 0 ? max : NaN,
    quantiles: quantilesOfSample(work, count, QUANTILE_LEVELS, min, max),
    histogram: Array.from(counts),
    below,
    above,
    bins: {...bins}
  };
}
