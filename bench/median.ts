// The middle of several timings: one slow run (the machine busy elsewhere) does not move it.

/** The median of `values` (the upper middle one of an even count); `values` is left as it is. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}
