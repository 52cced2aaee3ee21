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
 * Selection's work (see selectInPlace); returns the block [less, greater] around k that the
 * last partition found equal to a[k], each of which is in its sorted place too.
 */
function selectBlock(a: Float64Array, k: number, lo: number, hi: number): [number, number] {
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    const pivot = a[mid];
    // invariant: a[lo..less) < pivot, a[less..i) = pivot, a(greater..hi] > pivot
    let less = lo;
    let i = lo;
    let greater = hi;
    while (i <= greater) {
      const x = a[i];
      if (x < pivot) {
        a[i++] = a[less];
        a[less++] = x;
      } else if (x > pivot) {
        a[i] = a[greater];
        a[greater--] = x;
      } else i++;
    }
    if (k < less) hi = less - 1;
    else if (k > greater) lo = greater + 1;
    else return [less, greater];
  }
  return [k, k];
}

/**
 * Rearranges a[lo..hi] (NaN-free) so that a[k] holds the value it would have if sorted, with
 * no larger value before it and no smaller value after it: selection with a median-of-three
 * pivot and a three-way partition (less than, equal to, greater than the pivot), so a run of
 * equal values, such as the half of a ReLU layer that is exactly 0, is settled in one pass.
 * +0 and −0 are equal here: which of them lands at k is not defined.
 */
export function selectInPlace(a: Float64Array, k: number, lo = 0, hi = a.length - 1): void {
  if (!(k >= lo && k <= hi)) throw new Error(`k must lie in [${lo}, ${hi}], got ${String(k)}`);
  selectBlock(a, k, lo, hi);
}

/**
 * A function giving the value at any position of a[lo..hi] (NaN-free) as if it were sorted,
 * by selection that remembers what it settled: every selection leaves a block of values in
 * their sorted places with none larger before it and none smaller after it, so a position in
 * a settled block costs nothing and any other is sought only between its neighbouring blocks.
 */
function sortedPositions(a: Float64Array, lo: number, hi: number): (position: number) => number {
  const settled: number[] = []; // [less, greater] of each settled block, in order of position
  return (position) => {
    let from = lo;
    let to = hi;
    let at = 0;
    for (; at < settled.length; at += 2) {
      if (position < settled[at]) {
        to = settled[at] - 1;
        break;
      }
      if (position <= settled[at + 1]) return a[position];
      from = settled[at + 1] + 1;
    }
    settled.splice(at, 0, ...selectBlock(a, position, from, to));
    return a[position];
  };
}

/**
 * Quantiles (R's type 7) of the n values in scratch[0..n), which are rearranged. `levels`
 * must be increasing in [0, 1]; each selection works only between the blocks that earlier
 * ones settled, so the five levels cost about two passes of the data.
 */
export function quantilesInPlace(scratch: Float64Array, n: number, levels: readonly number[]): number[] {
  if (n === 0) return levels.map(() => NaN);
  const sortedAt = sortedPositions(scratch, 0, n - 1);
  let previous = 0;
  return levels.map((p) => {
    if (!(p >= 0 && p <= 1)) throw new Error(`quantile levels must lie in [0, 1], got ${String(p)}`);
    const position = p * (n - 1);
    const k = Math.floor(position);
    if (k < previous) throw new Error("quantile levels must be increasing");
    previous = k;
    const fraction = position - k;
    const low = sortedAt(k);
    return fraction === 0 || k + 1 >= n ? low : low + fraction * (sortedAt(k + 1) - low);
  });
}

/** Buckets for locating order statistics in a large sample (see quantilesOfSample). */
const BUCKETS = 2048;
/** Below this many values, selection on a copy of the whole sample is as quick as bucketing. */
const BUCKETING_FROM = 4096;
/** Values per bucket, then (after a running sum) the values in the buckets before each one. */
const bucketStarts = new Int32Array(BUCKETS + 1);
/** For each bucket, where its values start in `gathered`, or −1 when no wanted rank lies in it. */
const gatherAt = new Int32Array(BUCKETS);
/** Per bucket, where its next value is copied to in `gathered` (a spare slot for an unwanted bucket)… */
const bucketNext = new Int32Array(BUCKETS);
/** …and how far that moves after each copy: 1 for a wanted bucket, 0 for the others. */
const bucketStep = new Int32Array(BUCKETS);
/** The values of the buckets that hold a wanted rank (or, for a small sample, all of it), grown as needed. */
let gathered = new Float64Array(0);

/**
 * The bucket of x (min ≤ x ≤ max) among last + 1 equal buckets from min, `scale` of them per
 * unit: an order-keeping map (x ≤ y gives a bucket no later), max itself in the last.
 */
function bucketOfValue(x: number, min: number, scale: number, last: number): number {
  const b = ((x - min) * scale) | 0;
  return b < last ? b : last;
}

/** `gathered`, at least n long. */
function gatherBuffer(n: number): Float64Array {
  if (gathered.length < n) gathered = new Float64Array(Math.max(n, 2 * gathered.length));
  return gathered;
}

/**
 * Quantiles (R's type 7) of the n values in values[0..n) (NaN-free, with the given min and
 * max), exactly as quantilesInPlace gives them (but for the sign of a zero), and without
 * changing `values`. A large
 * sample is not sorted or copied whole: one pass counts the values in each of 2048 equal
 * buckets between min and max (an order-keeping map, so every value of a bucket is ≤ every
 * value of the next), the counts tell which bucket holds each wanted rank, a second pass
 * copies out the values of those buckets alone (a few hundred of 32,768 for a normal
 * sample), and selection runs within each. A sample whose values crowd into a few buckets
 * (an outlier stretching the range, a ReLU layer's zeros) only makes that copy larger.
 */
export function quantilesOfSample(
  values: ArrayLike<number>,
  n: number,
  levels: readonly number[],
  min: number,
  max: number
): number[] {
  for (const p of levels) {
    if (!(p >= 0 && p <= 1)) throw new Error(`quantile levels must lie in [0, 1], got ${String(p)}`);
  }
  const span = max - min;
  if (n < BUCKETING_FROM || !(span > 0) || !Number.isFinite(span)) {
    const work = gatherBuffer(n);
    for (let i = 0; i < n; i++) work[i] = values[i];
    return quantilesInPlace(work, n, levels);
  }
  const starts = bucketStarts.fill(0);
  const scale = BUCKETS / span;
  const last = BUCKETS - 1;
  for (let i = 0; i < n; i++) {
    starts[bucketOfValue(values[i], min, scale, last) + 1]++;
  }
  for (let b = 1; b <= BUCKETS; b++) starts[b] += starts[b - 1]; // starts[b]: values in buckets before b
  /** The bucket that holds the value of the given rank (0-based) in sorted order. */
  const bucketOfRank = (rank: number): number => {
    let lo = 0;
    let hi = last; // the last bucket b with starts[b] ≤ rank
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid] <= rank) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // the ranks each level needs (k, and k + 1 to interpolate), and their buckets
  const ranks = levels.map((p) => {
    const position = p * (n - 1);
    const k = Math.floor(position);
    const fraction = position - k;
    return {k, fraction, next: fraction === 0 || k + 1 >= n ? -1 : k + 1};
  });
  const at = gatherAt.fill(-1);
  let size = 0;
  for (const {k, next} of ranks) {
    for (const rank of next < 0 ? [k] : [k, next]) {
      const b = bucketOfRank(rank);
      if (at[b] < 0) {
        at[b] = size;
        size += starts[b + 1] - starts[b];
      }
    }
  }
  // copy out the wanted buckets' values, each bucket's in the order of the sample
  const work = gatherBuffer(size + 1);
  const next = bucketNext;
  if (8 * size < n) {
    // few values wanted (a bell's tails and middle): a branch on whether a value's bucket is
    // wanted goes the same way nearly every time, and skips the rest
    for (let b = 0; b < BUCKETS; b++) next[b] = at[b];
    for (let i = 0; i < n; i++) {
      const x = values[i];
      const c = bucketOfValue(x, min, scale, last);
      if (next[c] >= 0) work[next[c]++] = x;
    }
  } else {
    // many (a ReLU layer's zeros fill a wanted bucket): that branch would go either way at
    // random, mispredicted half the time, so every value is written, without a branch, those
    // of unwanted buckets to one spare slot past the end
    const step = bucketStep;
    for (let b = 0; b < BUCKETS; b++) {
      const wanted = at[b] >= 0;
      next[b] = wanted ? at[b] : size;
      step[b] = wanted ? 1 : 0;
    }
    for (let i = 0; i < n; i++) {
      const x = values[i];
      const c = bucketOfValue(x, min, scale, last);
      const slot = next[c];
      work[slot] = x;
      next[c] = slot + step[c];
    }
  }
  const sortedAt = new Map<number, (position: number) => number>(); // per wanted bucket
  /** The value of the given rank (0-based) in sorted order. */
  const orderStatistic = (rank: number): number => {
    const b = bucketOfRank(rank);
    let sorted = sortedAt.get(b);
    if (!sorted) {
      sorted = sortedPositions(work, at[b], at[b] + starts[b + 1] - starts[b] - 1);
      sortedAt.set(b, sorted);
    }
    return sorted(at[b] + rank - starts[b]);
  };
  return ranks.map(({k, fraction, next}) => {
    const low = orderStatistic(k);
    return next < 0 ? low : low + fraction * (orderStatistic(next) - low);
  });
}

/**
 * The spread of `values` (any length; NaNs are counted and left out), in one pass for the
 * moments, extremes and histogram and two more for the quantiles (see quantilesOfSample).
 * `scratch`, when given, must hold at least values.length numbers: a sample with NaNs is
 * copied there without them, which saves an allocation per call.
 */
export function spreadOf(
  values: ArrayLike<number>,
  bins: Bins = DEFAULT_BINS,
  scratch?: Float64Array
): Spread {
  checkBins(bins);
  const n = values.length;
  const binCount = bins.count;
  const low = bins.min;
  const high = bins.max;
  // counts[0]: below bins.min; counts[1 + b]: bin b; counts[binCount + 1]: at or above bins.max
  const counts = new Int32Array(binCount + 2);
  const scale = binCount / (high - low);
  const lastBin = binCount - 1;
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x !== x) continue;
    count++;
    sum += x;
    sumSquares += x * x;
    if (x < min) min = x;
    if (x > max) max = x;
    // written as conditional expressions, which compile to branch-free selects: a branch
    // per value on which bin it falls in is mispredicted often and costs several times more
    const b = ((x - low) * scale) | 0;
    counts[x < low ? 0 : x >= high ? binCount + 1 : 1 + (b < lastBin ? b : lastBin)]++;
  }
  let sample = values;
  if (count < n) {
    const work = scratch && scratch.length >= n ? scratch : new Float64Array(n);
    for (let i = 0, j = 0; i < n; i++) if (values[i] === values[i]) work[j++] = values[i];
    sample = work;
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
    quantiles: quantilesOfSample(sample, count, QUANTILE_LEVELS, min, max),
    histogram: Array.from(counts.subarray(1, binCount + 1)),
    below: counts[0],
    above: counts[binCount + 1],
    bins: {...bins}
  };
}
