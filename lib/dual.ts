// Dual numbers for forward-mode automatic differentiation: a value carried together with its
// derivative with respect to x, like a + a′ε with ε² = 0. The formula language's operator and
// function tables state each rule beside its value (lib/expressionOperators.ts,
// lib/expressionFunctions.ts); this module holds what those rules share.

/** A value and its derivative with respect to x. */
export interface Dual {
  v: number;
  d: number;
}

/** A dual number; a NaN value always carries a NaN derivative. */
export function dual(v: number, d: number): Dual {
  return {v, d: v !== v ? NaN : d};
}

/**
 * A derivative times another factor, with 0 · anything = 0: a locally constant part (zero
 * derivative) contributes nothing even where the other factor is infinite.
 */
export function times(derivative: number, other: number): number {
  return derivative === 0 ? 0 : derivative * other;
}

/** u^w for dual numbers: the power rule when w is locally constant, else e^{w ln u}. */
export function powDual(a: Dual, b: Dual): Dual {
  const v = a.v ** b.v;
  if (b.d === 0) {
    if (b.v === 0 || a.d === 0) return dual(v, 0);
    return dual(v, b.v * a.v ** (b.v - 1) * a.d);
  }
  const fromExponent = b.d * Math.log(a.v);
  const fromBase = a.d === 0 ? 0 : (b.v * a.d) / a.v;
  return dual(v, v * (fromExponent + fromBase));
}
