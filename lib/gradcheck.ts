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
  const h = stepAt(x, options);
  return (f(x + h) - f(x - h)) / (2 * h);
}

/** The stencil's half-width at a finite x: options.h or the default, adjusted so x ± h is exact. */
function stepAt(x: number, options: GradcheckOptions): number {
  const requested = options.h ?? Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(x));
  if (!(requested > 0) || !Number.isFinite(requested)) {
    throw new Error(`h must be a finite number > 0, got ${String(options.h)}`);
  }
  return x + requested - x; // the step actually representable at x
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

/**
 * Whether a central difference at x can check a derivative there: "undefined" when x, f on
 * the stencil x − h, x, x + h, or df(x) is not a finite number; "kink" when the left and
 * right differences disagree by more than 1% (a kink within h of x, where no finite
 * difference is meaningful); else "ok".
 */
export function stencilAt(
  f: (x: number) => number,
  df: (x: number) => number,
  x: number,
  options: GradcheckOptions = {}
): "ok" | "kink" | "undefined" {
  if (!Number.isFinite(x)) return "undefined";
  const h = stepAt(x, options);
  const [left, middle, right] = [f(x - h), f(x), f(x + h)];
  if (![left, middle, right, df(x)].every(Number.isFinite)) return "undefined";
  const leftSlope = (middle - left) / h;
  const rightSlope = (right - middle) / h;
  const scale = Math.max(1, Math.abs(leftSlope), Math.abs(rightSlope));
  return Math.abs(rightSlope - leftSlope) > 1e-2 * scale ? "kink" : "ok";
}

/** How an analytic derivative compares with central differences over a set of points. */
export interface DerivativeCheck {
  /** Largest |df − numeric| / max(1, |df|) over the checked points. */
  maxError: number;
  /** Largest |df − numeric|. */
  maxAbsError: number;
  /** Where maxError occurs (NaN when nothing was checked). */
  worstX: number;
  /** Points compared. */
  checked: number;
  /** Points skipped because a kink lies inside the difference stencil (one-sided slopes disagree). */
  nearKinks: number;
  /** Points skipped because f is not finite at x or x ± h (or df(x) is not). */
  undefinedPoints: number;
}

/**
 * compareDerivative over the points of xs where a central difference means something
 * (stencilAt): points near a kink and points where f is not finite are counted and skipped,
 * so a formula with a corner or a gap can still be checked everywhere else.
 */
export function checkDerivative(
  fn: {f(x: number): number; df(x: number): number},
  xs: ArrayLike<number>,
  options: GradcheckOptions = {}
): DerivativeCheck {
  const f = (x: number) => fn.f(x);
  const df = (x: number) => fn.df(x);
  const checkable: number[] = [];
  let nearKinks = 0;
  let undefinedPoints = 0;
  for (let i = 0; i < xs.length; i++) {
    const status = stencilAt(f, df, xs[i], options);
    if (status === "ok") checkable.push(xs[i]);
    else if (status === "kink") nearKinks++;
    else undefinedPoints++;
  }
  const {maxAbsError, maxRelError, worstX} = compareDerivative(f, df, checkable, options);
  return {maxError: maxRelError, maxAbsError, worstX, checked: checkable.length, nearKinks, undefinedPoints};
}
