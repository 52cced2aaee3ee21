// What the initialisation page receives of a deep network's run: lib/deepStats.js's result
// without the histograms. The page draws each layer's quantile band and root mean square and
// writes a few moments and shares, never a histogram, and the histograms (each spread's
// counts per bin, with its bins and its counts below and above them) were a third of every
// message the worker sent, a third that the page's main thread paid to receive at every
// result. Every other field is lib's, unchanged.

/**
 * A spread without its histogram: count, nanCount, mean, secondMoment, variance, min, max and
 * quantiles, as lib computed them; null stays null (a gradient the backward pass has not reached).
 * @param {import("../lib/spread.js").Spread | null} spread
 */
export function spreadWithoutHistogram(spread) {
  if (!spread) return spread;
  const {histogram, below, above, bins, ...kept} = spread;
  return kept;
}

/**
 * The result as the page receives it: every spread without its histogram (the inputs', the
 * top gradient's, and each layer's pre-activations, activations and gradients).
 * @param {import("../lib/deepStats.js").DeepStatsResult} result
 */
export function drawnResult(result) {
  return {
    ...result,
    input: spreadWithoutHistogram(result.input),
    topGradient: spreadWithoutHistogram(result.topGradient),
    layers: result.layers.map((layer) => ({
      ...layer,
      pre: spreadWithoutHistogram(layer.pre),
      post: spreadWithoutHistogram(layer.post),
      gradient: spreadWithoutHistogram(layer.gradient)
    }))
  };
}
