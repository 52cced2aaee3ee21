// Numerical derivatives, for checking analytic ones ("gradient checking").

/** Options for the central difference; h is the half-width of the stencil. */
export interface GradcheckOptions {
  h?: number;
}

/**
 * The central difference (f(x + h) − f(x − h)) / 2h, whose error is O(h²).
 * The default h = ∛ε·max(1, |x|) ≈ 6e-6·max(1, |x|) balances that truncation error against
 * rounding error; h is adjusted so that x ± h is exact, which keeps the divisor honest.
 */
export function gradcheck(f: (x: number) => number, x: number, options: GradcheckOptions = {}): number {
  if (!Number.isFinite(x)) throw new Error(`x must be a finite number, got ${String(x)}`);
  const requested = options.h ?? Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(x));
  if (!(requested > 0) || !Number.isFinite(requested)) {
    throw new Error(`h must be a finite number > 0, got ${String(options.h)}`);
  }
  const h = x + requested - x; // the step actually representable at x
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** The worst disagreement between an analytic derivative and central differences. */
export interface DerivativeComparison {
  /** Largest |df(x) − numeric| over the points. */
  maxAbsError: number;
  /** Largest |df(x) − numeric| / max(1, |df(x)|): relative where the slope is large, absolute near 0. */
  maxRelError: number;
  /** The point with the largest relative error. */
  worstX: number;
}

/** Compares df against central differences of f at each x (keep x away from kinks). */
export function compareDerivative(
  f: (x: number) => number,
  df: (x: number) => number,
  xs: ArrayLike<number>,
  options: GradcheckOptions = {}
): DerivativeComparison {
  let maxAbsError = 0;
  let maxRelError = 0;
  let worstX = NaN;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const exact = df(x);
    const error = Math.abs(exact - gradcheck(f, x, options));
    const relative = error / Math.max(1, Math.abs(exact));
    if (!(error <= maxAbsError)) maxAbsError = error; // NaN error wins, so it is reported
    if (!(relative <= maxRelError)) {
      maxRelError = relative;
      worstX = x;
    }
  }
  return {maxAbsError, maxRelError, worstX};
}
