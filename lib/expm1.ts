// e^x − 1 for x ≤ 0 in plain arithmetic, for the tanh kernel (./kernels.js): Math.expm1 is a
// call into the engine's C library (about 8 ns a value in V8, where a layer of 8 tanh units
// over a 100 × 100 grid needs 80,000 of them), while these few multiplications and additions
// are compiled into the loop that calls them.
//
// Range reduction as in fdlibm's expm1: x = k·ln 2 + r with k = round(x / ln 2) and
// |r| ≤ ½ ln 2 ≈ 0.347, ln 2 split in two parts so that k·ln2Hi is exact; then
// e^x − 1 = 2^k·(e^r − 1) + (2^k − 1), with e^r − 1 from its Taylor series to r^13, whose
// remainder is below r^14 / 14! < 4.3e−18 relative to r (so it does not show in the last bit),
// evaluated in Estrin's scheme (pairs of terms, fewer steps in a row than Horner's). Within
// 1 ulp of Math.expm1 over [−40, 0] (test/lib/expm1.test.ts).

/**
 * e^x − 1 for x ≤ 0, to within 1 ulp of Math.expm1: 0 at ±0 (+0 at −0, where Math.expm1 keeps
 * the sign), −1 below −40 and at −∞, NaN for NaN. Right for 0 < x ≤ ½ ln 2 too (k = 0), but NaN
 * beyond, which it does not cover.
 *
 * Its constants are the local variables of the function that makes it, not the module's: the
 * optimising compiler folds a closure's constants into the code, while a module's own variables
 * (in a bundle of ES modules, as the site and the benchmark load it) are read and checked at
 * every call, which made a deep network's forward pass half as slow again in Node.
 */
export const expm1NonPositive: (x: number) => number = (() => {
  const LN2_HI = 6.9314718036912381649e-1; // ln 2 to 32 bits: k·LN2_HI is exact for |k| < 2^20
  const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
  const INV_LN2 = 1.442695040888963387;
  /** 1.5·2^52: adding it and taking it away rounds a double of magnitude < 2^51 to an integer. */
  const ROUND = 6755399441055744;
  /** Below this, e^x < 2^−57 and e^x − 1 rounds to −1: the table stops here. */
  const LOWEST = -40;
  /** POWERS[j] = 2^−j, for the k = −j of x ≥ LOWEST. */
  const POWERS = Float64Array.from({length: 60}, (_, j) => 2 ** -j);
  /** 1/2!, 1/3!, …, 1/13!: each factorial is exact in a double, its reciprocal correctly rounded. */
  let factorial = 1;
  const [C2, C3, C4, C5, C6, C7, C8, C9, C10, C11, C12, C13] = Array.from(
    {length: 12},
    (_, j) => 1 / (factorial *= j + 2)
  );
  return (x) => {
    const y = Math.max(x, LOWEST);
    const k = y * INV_LN2 + ROUND - ROUND;
    const r = y - k * LN2_HI - k * LN2_LO;
    const r2 = r * r;
    const r4 = r2 * r2;
    const r8 = r4 * r4;
    const p =
      C2 +
      r * C3 +
      r2 * (C4 + r * C5) +
      r4 * (C6 + r * C7 + r2 * (C8 + r * C9)) +
      r8 * (C10 + r * C11 + r2 * (C12 + r * C13));
    // an integer index (−k is −0 at x = ±0, which is no int32: the compiled code would start
    // over); undefined, so NaN, for x past ½ ln 2 (k ≥ 1)
    const scale = POWERS[-k | 0];
    return scale * (r + r2 * p) + (scale - 1);
  };
})();
