// The sentence under /your-own's chart that says where the reader's f is not a number: which
// stretches of x are undefined (NaN) or infinite, as nonFiniteIntervals (lib/regions.ts)
// finds them in the chart's samples.

import {formatNumber} from "./format.js";

/** How many stretches the sentence names before it only counts the rest. */
const NAMED = 3;

function where({from, to}) {
  return from === to
    ? `at x ≈ ${formatNumber(from, {digits: 3})}`
    : `for x from ${formatNumber(from, {digits: 3})} to ${formatNumber(to, {digits: 3})}`;
}

/**
 * The sentence describing the non-finite stretches of f over the chart's range
 * ([{from, to, kind: "undefined" | "infinite"}]), or null when there are none (or the list
 * is not a list).
 */
export function describeGaps(intervals) {
  if (!Array.isArray(intervals) || intervals.length === 0) return null;
  const parts = intervals
    .slice(0, NAMED)
    .map((g) => `${g.kind === "undefined" ? "undefined (not a number)" : "infinite"} ${where(g)}`);
  const rest = intervals.length - NAMED;
  const more = rest > 0 ? `, and ${rest} more stretch${rest === 1 ? "" : "es"}` : "";
  return `Over this range f is ${parts.join("; ")}${more}. Those stretches are left out of the chart (grey bands where f is undefined) rather than breaking it; a network using this f there would produce NaN.`;
}
