// Where each unit of a layer sits on its activation: from the pre-activations z of a layer
// over many examples (n × units, row-major, as ./mlpUnits.js records them), per unit the
// histogram of z over a domain, the share of examples where the unit's slope f′(z) is 0
// (it passes no gradient back: "dead" there) or tiny but not 0 (saturated), and its mean
// slope. The playground draws these over f′, so a saturated tanh unit or a dead ReLU unit
// is seen at a glance.
//
// The slopes are the ones the forward pass computed with the z (./mlpUnits.js: the
// activation's kernel, ./kernels.js), the very numbers the trainer multiplies its gradients
// by: where a kernel rounds a far tail's slope to 0 (tanh beyond |z| ≈ 18.7), no gradient
// passes, and the unit counts as dead there, as lib's deadUnits counts it.

/** Options of unitStats. */
export interface UnitStatsOptions {
  /** Units of the layer: the number of columns of z. An integer ≥ 1. */
  units: number;
  /** The z range the histogram covers, [low, high] with low < high, both finite. */
  domain: readonly [number, number];
  /** Bins of equal width over the domain. An integer ≥ 1. */
  bins: number;
  /** A slope with 0 < |f′(z)| < threshold counts as saturated (see saturationThreshold). ≥ 0. */
  threshold: number;
}

/** Per-unit statistics of one layer (arrays indexed by unit; counts by unit · bins + bin). */
export interface UnitStats {
  units: number;
  bins: number;
  domain: [number, number];
  /** Examples (rows of z). */
  n: number;
  /** counts[j·bins + b]: examples whose z falls in bin b of the domain (the top bin includes `high`). */
  counts: Uint32Array;
  /** Examples with z below the domain (−∞ included). */
  below: Uint32Array;
  /** Examples with z above the domain (+∞ included). */
  above: Uint32Array;
  /** Examples with z NaN (a diverged network): neither counted in a bin nor in a share below. */
  invalid: Uint32Array;
  /** Share of all n examples with f′(z) = 0 exactly. */
  dead: Float64Array;
  /** Share of all n examples with 0 < |f′(z)| < threshold. */
  saturated: Float64Array;
  /** Mean f′(z) over the examples whose slope is a number (NaN when none is). */
  meanSlope: Float64Array;
}

/** Slopes below this fraction of an activation's largest slope count as saturated. */
export const SATURATION_FRACTION = 0.01;

/**
 * The saturation threshold of an activation: SATURATION_FRACTION of its largest slope
 * |f′| (its record's maxSlope.value), or of 1 when that is not a positive finite number.
 * For tanh (largest slope 1) a unit is saturated beyond |z| ≈ 3; for the sigmoid (0.25),
 * beyond |z| ≈ 6.
 */
export function saturationThreshold(maxSlope: number | undefined): number {
  const top = typeof maxSlope === "number" && Number.isFinite(maxSlope) && maxSlope > 0 ? maxSlope : 1;
  return SATURATION_FRACTION * top;
}

function check(options: UnitStatsOptions): void {
  if (options === null || typeof options !== "object") throw new Error("unitStats needs an options object");
  const {units, domain, bins, threshold} = options;
  if (!Number.isInteger(units) || units < 1)
    throw new Error(`units must be an integer ≥ 1, got ${String(units)}`);
  if (
    !Array.isArray(domain) ||
    domain.length !== 2 ||
    !Number.isFinite(domain[0]) ||
    !Number.isFinite(domain[1]) ||
    !(domain[0] < domain[1])
  ) {
    throw new Error(`domain must be two finite numbers, low < high, got ${JSON.stringify(domain)}`);
  }
  if (!Number.isInteger(bins) || bins < 1)
    throw new Error(`bins must be an integer ≥ 1, got ${String(bins)}`);
  if (typeof threshold !== "number" || !(threshold >= 0) || threshold === Infinity) {
    throw new Error(`threshold must be a finite number ≥ 0, got ${String(threshold)}`);
  }
}

/**
 * The statistics of every unit of a layer from its pre-activations `z` and their slopes
 * `slopes` = f′(z) (both n × units, row-major: example e, unit j at e·units + j, as
 * unitValues gives them). Throws, naming the problem, for bad options or arrays that are not
 * Float64Arrays of whole rows of the same length. With no examples (n = 0) every count is 0
 * and every share and mean NaN.
 */
export function unitStats(z: Float64Array, slopes: Float64Array, options: UnitStatsOptions): UnitStats {
  check(options);
  const {units, bins, threshold} = options;
  if (!(z instanceof Float64Array)) throw new Error("z must be a Float64Array (n × units, row-major)");
  if (z.length % units !== 0) {
    throw new Error(`z has ${z.length} numbers, not a multiple of ${units} (one per unit per example)`);
  }
  if (!(slopes instanceof Float64Array) || slopes.length !== z.length) {
    throw new Error(`slopes must be a Float64Array as long as z (${z.length} numbers)`);
  }
  const n = z.length / units;
  const [low, high] = options.domain;
  const scale = bins / (high - low);
  const counts = new Uint32Array(units * bins);
  const below = new Uint32Array(units);
  const above = new Uint32Array(units);
  const invalid = new Uint32Array(units);
  const deadCount = new Uint32Array(units);
  const saturatedCount = new Uint32Array(units);
  const slopeSum = new Float64Array(units);
  const slopeCount = new Uint32Array(units);
  for (let j = 0; j < units; j++) {
    const first = j * bins;
    for (let e = 0; e < n; e++) {
      const v = z[e * units + j];
      if (v !== v) {
        invalid[j]++;
        continue;
      }
      if (v < low) below[j]++;
      else if (v > high) above[j]++;
      else counts[first + Math.min(bins - 1, Math.floor((v - low) * scale))]++;
      const slope = slopes[e * units + j];
      if (slope !== slope) continue;
      slopeSum[j] += slope;
      slopeCount[j]++;
      if (slope === 0) deadCount[j]++;
      else if (Math.abs(slope) < threshold) saturatedCount[j]++;
    }
  }
  const share = (count: Uint32Array) => Float64Array.from(count, (c) => (n === 0 ? NaN : c / n));
  return {
    units,
    bins,
    domain: [low, high],
    n,
    counts,
    below,
    above,
    invalid,
    dead: share(deadCount),
    saturated: share(saturatedCount),
    meanSlope: Float64Array.from(slopeSum, (sum, j) => (slopeCount[j] === 0 ? NaN : sum / slopeCount[j]))
  };
}

/**
 * Whether unit j is dead over these examples: f′(z) = 0 on every one (as lib's deadUnits
 * counts them), so no gradient reaches its incoming weights. False with no examples.
 */
export function isDead(stats: UnitStats, j: number): boolean {
  return stats.n > 0 && stats.dead[j] === 1;
}
