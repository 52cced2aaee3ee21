// The playground's input features, as in TensorFlow Playground: besides the two coordinates
// x₁ and x₂, the network may be fed their squares, their product and their sines, so a
// curved boundary can be drawn by a network with fewer (or no) hidden layers.

/** The features, in the order the playground lists them and feeds them to the network. */
export const featureIds = ["x1", "x2", "x1Squared", "x2Squared", "x1x2", "sinX1", "sinX2"] as const;
export type FeatureId = (typeof featureIds)[number];

/** One input feature: a function of the point (x₁, x₂). */
export interface Feature {
  id: FeatureId;
  /** The name in plain text with Unicode subscripts, e.g. "x₁²". */
  label: string;
  /** The same in TeX, e.g. "x_1^2". */
  tex: string;
  /** The feature's value at the point (x₁, x₂). */
  f(x1: number, x2: number): number;
}

export const features: Readonly<Record<FeatureId, Feature>> = Object.freeze({
  x1: {id: "x1", label: "x₁", tex: "x_1", f: (x1: number) => x1},
  x2: {id: "x2", label: "x₂", tex: "x_2", f: (_x1: number, x2: number) => x2},
  x1Squared: {id: "x1Squared", label: "x₁²", tex: "x_1^2", f: (x1: number) => x1 * x1},
  x2Squared: {id: "x2Squared", label: "x₂²", tex: "x_2^2", f: (_x1: number, x2: number) => x2 * x2},
  x1x2: {id: "x1x2", label: "x₁x₂", tex: "x_1 x_2", f: (x1: number, x2: number) => x1 * x2},
  sinX1: {id: "sinX1", label: "sin x₁", tex: "\\sin x_1", f: (x1: number) => Math.sin(x1)},
  sinX2: {id: "sinX2", label: "sin x₂", tex: "\\sin x_2", f: (_x1: number, x2: number) => Math.sin(x2)}
});

export function isFeatureId(id: unknown): id is FeatureId {
  return typeof id === "string" && (featureIds as readonly string[]).includes(id);
}

/**
 * The network's inputs for n points: row-major n × ids.length, row k holding each feature
 * of `ids` (in that order) at point k of `points` (row-major n × 2: x₁, x₂). Written into
 * `out` when given (it must hold exactly n × ids.length numbers), so a grid's inputs can be
 * refilled without allocating. Throws on an odd-length `points`, an empty or unknown `ids`,
 * or an `out` of the wrong length. NaN and ±Infinity pass through as the functions give them
 * (sin ±Infinity is NaN).
 */
export function featureInputs(
  points: Float64Array,
  ids: readonly FeatureId[],
  out?: Float64Array
): Float64Array {
  if (points.length % 2 !== 0) {
    throw new Error(`points must hold x₁, x₂ pairs, but has an odd length (${points.length})`);
  }
  if (ids.length === 0) throw new Error("at least one feature is needed");
  const fs = ids.map((id) => {
    if (!isFeatureId(id))
      throw new Error(`unknown feature "${String(id)}" (known: ${featureIds.join(", ")})`);
    return features[id].f;
  });
  const n = points.length / 2;
  const width = ids.length;
  const result = out ?? new Float64Array(n * width);
  if (result.length !== n * width) {
    throw new Error(`out holds ${result.length} numbers; ${n} points × ${width} features need ${n * width}`);
  }
  for (let k = 0; k < n; k++) {
    const x1 = points[2 * k];
    const x2 = points[2 * k + 1];
    for (let j = 0; j < width; j++) result[k * width + j] = fs[j](x1, x2);
  }
  return result;
}
