// How the course writes numbers: for reading in prose (formatNumber), inside live TeX
// (texNumber, texFactor), and as powers of ten on log axes (formatPowerOfTen).

/**
 * A number rounded to `digits` significant digits, trailing zeros dropped, as a mantissa and
 * a power of ten when the magnitude is very large or small ({mantissa: "4.54", exponent: -5}),
 * else as plain decimal text ({mantissa: "0.0417", exponent: null}).
 */
function roundedParts(value, digits) {
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split("e");
    return {mantissa: mantissa.replace(/\.?0+$/, ""), exponent: Number(exponent)};
  }
  return {mantissa: String(Number(value.toPrecision(digits))), exponent: null};
}

const SUPERSCRIPT = {
  "-": "⁻",
  0: "⁰",
  1: "¹",
  2: "²",
  3: "³",
  4: "⁴",
  5: "⁵",
  6: "⁶",
  7: "⁷",
  8: "⁸",
  9: "⁹"
};

/** An integer in superscript digits: −5 → "⁻⁵". */
export function superscript(n) {
  return [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join("");
}

/**
 * Formats a live number for reading: up to `digits` significant digits, trailing zeros
 * dropped, a true minus sign, "×10⁻⁵" exponents for very large or small magnitudes, and a
 * word for values that are not finite (so NaN never shows as a number).
 */
export function formatNumber(value, {digits = 4} = {}) {
  if (Number.isNaN(value)) return "undefined";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  if (value === 0) return "0";
  const {mantissa, exponent} = roundedParts(value, digits);
  return (exponent === null ? mantissa : `${mantissa}×10${superscript(exponent)}`).replace(/-/g, "−");
}

/** A number as TeX, rounded like formatNumber: "-0.0417", "4.54 \times 10^{-5}", "\text{undefined}". */
export function texNumber(value, {digits = 4} = {}) {
  if (Number.isNaN(value)) return "\\text{undefined}";
  if (value === Infinity) return "\\infty";
  if (value === -Infinity) return "-\\infty";
  if (value === 0) return "0";
  const {mantissa, exponent} = roundedParts(value, digits);
  return exponent === null ? mantissa : `${mantissa} \\times 10^{${exponent}}`;
}

/** texNumber in parentheses when negative or in scientific form, for substituting into a product. */
export function texFactor(value, options) {
  const text = texNumber(value, options);
  return text.startsWith("-") || text.includes("\\times") ? `(${text})` : text;
}

/** A tick label for a log axis: the nearest power of ten, "1", "10⁻³", "10⁵". */
export function formatPowerOfTen(value) {
  const k = Math.round(Math.log10(value));
  return k === 0 ? "1" : `10${superscript(k)}`;
}
