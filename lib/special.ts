// Special functions the activations are built from, written to keep full relative
// precision in the tails, where the textbook formulas round to 0, 1 or Infinity.

// erf and erfc: a port of FreeBSD's msun s_erf.c (Sun Microsystems fdlibm, "Permission to
// use, copy, modify, and distribute this software is freely granted, provided that this
// notice is preserved."), accurate to about one ulp. Hand-written rather than imported so
// that lib/ has no third-party dependency and so that erfc (needed for GELU's left tail,
// where 1 + erf(x) cancels to 0) shares the same coefficients. Tested against
// @stdlib/math-base-special-erf and against 50-digit mpmath values.

const ERX = 8.45062911510467529297e-1;
const EFX = 1.28379167095512586316e-1;
const EFX8 = 1.02703333676410069053;
const TINY = 1e-300;

function ratioSmall(z: number): number {
  // R(z) for |x| < 0.84375, z = x²
  const r =
    1.28379167095512558561e-1 +
    z *
      (-3.2504210724700149937e-1 +
        z * (-2.84817495755985104766e-2 + z * (-5.77027029648944159157e-3 + z * -2.37630166566501626084e-5)));
  const s =
    1 +
    z *
      (3.97917223959155352819e-1 +
        z *
          (6.50222499887672944485e-2 +
            z *
              (5.08130628187576562776e-3 + z * (1.32494738004321644526e-4 + z * -3.9602282787753681232e-6))));
  return r / s;
}

function ratioNearOne(s: number): number {
  // P1(s)/Q1(s) for 0.84375 ≤ |x| < 1.25, s = |x| − 1
  const p =
    -2.36211856075265944077e-3 +
    s *
      (4.14856118683748331666e-1 +
        s *
          (-3.72207876035701323847e-1 +
            s *
              (3.18346619901161753674e-1 +
                s *
                  (-1.10894694282396677476e-1 +
                    s * (3.54783043256182359371e-2 + s * -2.166375594868790843e-3)))));
  const q =
    1 +
    s *
      (1.06420880400844228286e-1 +
        s *
          (5.40397917702171048937e-1 +
            s *
              (7.18286544141962662868e-2 +
                s *
                  (1.26171219808761642112e-1 +
                    s * (1.36370839120290507362e-2 + s * 1.1984499846799107417e-2)))));
  return p / q;
}

/** erfc(ax)·ax·e^{ax²} for 1.25 ≤ ax < 28, via the fdlibm asymptotic rational fits. */
function erfcTail(ax: number): number {
  const s = 1 / (ax * ax);
  let r: number;
  let q: number;
  if (ax < 1 / 0.35) {
    r =
      -9.86494403484714822705e-3 +
      s *
        (-6.93858572707181764372e-1 +
          s *
            (-1.05586262253232909814e1 +
              s *
                (-6.23753324503260060396e1 +
                  s *
                    (-1.62396669462573470355e2 +
                      s *
                        (-1.84605092906711035994e2 +
                          s * (-8.12874355063065934246e1 + s * -9.81432934416914548592))))));
    q =
      1 +
      s *
        (1.96512716674392571292e1 +
          s *
            (1.376577541435190426e2 +
              s *
                (4.34565877475229228821e2 +
                  s *
                    (6.45387271733267880336e2 +
                      s *
                        (4.29008140027567833386e2 +
                          s *
                            (1.08635005541779435134e2 +
                              s * (6.57024977031928170135 + s * -6.04244152148580987438e-2)))))));
  } else {
    r =
      -9.86494292470009928597e-3 +
      s *
        (-7.99283237680523006574e-1 +
          s *
            (-1.77579549177547519889e1 +
              s *
                (-1.60636384855821916062e2 +
                  s *
                    (-6.37566443368389627722e2 +
                      s * (-1.02509513161107724954e3 + s * -4.83519191608651397019e2)))));
    q =
      1 +
      s *
        (3.03380607434824582924e1 +
          s *
            (3.25792512996573918826e2 +
              s *
                (1.53672958608443695994e3 +
                  s *
                    (3.19985821950859553908e3 +
                      s *
                        (2.55305040643316442583e3 +
                          s * (4.74528541206955367215e2 + s * -2.24409524465858183362e1))))));
  }
  // e^{−ax²} split as e^{−z²}·e^{(z−ax)(z+ax)}: z has 24 significant bits, so z² is exact
  // and the rounding of ax² does not cost relative precision when ax² is large.
  const z = Math.fround(ax);
  return Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + r / q);
}

/** The error function erf(x) = (2/√π)∫₀ˣ e^{−t²} dt, to about one ulp; erf(−0) = −0. */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 3.725290298461914e-9) {
      // 2^-28: erf(x) ≈ (2/√π)x; the 8x form avoids underflow for tiny x
      return ax < 2.848094538889218e-306 ? 0.125 * (8 * x + EFX8 * x) : x + EFX * x;
    }
    return x + x * ratioSmall(x * x);
  }
  if (ax < 1.25) {
    const p = ratioNearOne(ax - 1);
    return x < 0 ? -ERX - p : ERX + p;
  }
  if (ax >= 6) return x < 0 ? TINY - 1 : 1 - TINY;
  const r = erfcTail(ax) / ax;
  return x < 0 ? r - 1 : 1 - r;
}

/** The complementary error function 1 − erf(x), keeping relative precision as it → 0. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  if (ax < 0.84375) {
    if (ax < 1.3877787807814457e-17) return 1 - x; // 2^-56
    const y = ratioSmall(x * x);
    if (x < 0.25) return 1 - (x + x * y);
    return 0.5 - (x * y + (x - 0.5));
  }
  if (ax < 1.25) {
    const p = ratioNearOne(ax - 1);
    return x >= 0 ? 1 - ERX - p : 1 + (ERX + p);
  }
  if (ax < 28) {
    if (x <= -6) return 2 - TINY;
    const r = erfcTail(ax) / ax;
    return x > 0 ? r : 2 - r;
  }
  return x > 0 ? 0 : 2; // erfc(28) ≈ 6e-343 underflows
}

/** Standard normal cumulative distribution Φ(x), accurate relative to its size in both tails. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

const INV_SQRT_2PI = 0.3989422804014327; // 1/√(2π)

/** Standard normal density φ(x) = e^{−x²/2}/√(2π), with x² split so large |x| keeps precision. */
export function normalPdf(x: number): number {
  const ax = Math.abs(x);
  if (!(ax <= 40)) return ax > 40 ? 0 : NaN; // e^{−800} underflows; also catches ±Infinity
  const hi = Math.fround(ax);
  const lo = ax - hi;
  return INV_SQRT_2PI * Math.exp(-0.5 * hi * hi) * Math.exp(-0.5 * lo * (ax + hi));
}

/** The logistic sigmoid 1/(1 + e^{−x}), computed so that neither tail loses precision. */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x); // x < 0 or NaN
  return e / (1 + e);
}

/** σ′(x) = e^{−|x|}/(1 + e^{−|x|})², exact in the tails where σ(1 − σ) rounds to 0. */
export function logisticDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  return e / (d * d);
}

/** log(1 + eˣ) without overflow for large x or loss of precision for very negative x. */
export function log1pExp(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** sech²(x) = 1/cosh²(x) = 4e^{−2|x|}/(1 + e^{−2|x|})², the slope of tanh, exact where 1 − tanh² is 0. */
export function sech2(x: number): number {
  const e = Math.exp(-2 * Math.abs(x));
  const d = 1 + e;
  return (4 * e) / (d * d);
}
