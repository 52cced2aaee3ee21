// The playground's one colour scale: the network's outputs (the decision map) and the data's
// labels or targets (the points) on the same diverging scale from −1 to +1, the map's colours
// (../lib/heatmap.js) at either end. Pure: no DOM.

/**
 * The network's outputs as scores on the map's scale, written into `out` (default: in place).
 * A sigmoid output y ∈ (0, 1) (cross-entropy) becomes 2y − 1, so its threshold ½ sits at 0 as
 * a linear output's does. `discretise` keeps only the side of the threshold: +1 or −1 (a score
 * of exactly 0, and a non-finite output, stay 0 and NaN: they have no side).
 */
export function mapScores(outputs, {sigmoid = false, discretise = false} = {}, out = outputs) {
  if (out.length !== outputs.length)
    throw new Error(`out holds ${out.length} values, expected ${outputs.length}`);
  for (let k = 0; k < outputs.length; k++) {
    const score = sigmoid ? 2 * outputs[k] - 1 : outputs[k];
    out[k] = discretise && score !== 0 && Number.isFinite(score) ? Math.sign(score) : score;
  }
  return out;
}

/** Colour steps of the regression points: targets −1, −0.8, …, +1 each get their own colour. */
export const VALUE_BINS = 11;

/**
 * The step (0 … bins − 1) of a target on the scale: the nearest of `bins` evenly spaced values
 * from −1 to +1, values beyond ±1 at the ends. A non-finite target gets the middle step (bins / 2, rounded down).
 */
export function valueBin(value, bins = VALUE_BINS) {
  if (!Number.isInteger(bins) || bins < 2)
    throw new Error(`bins must be an integer ≥ 2, got ${String(bins)}`);
  if (!Number.isFinite(value)) return Math.floor(bins / 2);
  const clamped = Math.max(-1, Math.min(1, value));
  return Math.round(((clamped + 1) / 2) * (bins - 1));
}

/** The value at the centre of step `bin` (−1 for the first, +1 for the last). */
export function binValue(bin, bins = VALUE_BINS) {
  return -1 + (2 * bin) / (bins - 1);
}
