// How the course writes numbers: one rounding (roundNumber), written for reading in prose
// and in matrix entries (formatNumber), inside live TeX (texNumber, texFactor), and as
// powers of ten on log axes (formatPowerOfTen).

/**
 * The one rounding of the course's numbers, which every writer below spells out in its own
 * notation: the sign, the digits and the power of ten of `value` (finite, non-zero) rounded
 * to `digits` significant digits, or with `decimals` to that many decimal places, trailing
 * zeros dropped. Very large or small magnitudes get a power of ten ({negative: false,
 * mantissa: "4.54", exponent: -5}), others plain decimals ({mantissa: "0.0417", exponent:
 * null}); with `decimals`, plain decimals up to 10²¹. Null when the value rounds to zero.
 */
export function roundNumber(value, {digits = 4, decimals} = {}) {
  if (decimals !== undefined) {
    const scale = 10 ** decimals;
    const rounded = Math.round(value * scale) / scale;
    if (rounded === 0) return null;
    if (Math.abs(rounded) < 1e21)
      return {negative: rounded < 0, mantissa: String(Math.abs(rounded)), exponent: null};
    value = rounded;
  }
  if (value === 0) return null;
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-4) {
    const [mantissa, exponent] = magnitude.toExponential(digits - 1).split("e");
    return {negative: value < 0, mantissa: mantissa.replace(/\.?0+$/, ""), exponent: Number(exponent)};
  }
  return {negative: value < 0, mantissa: String(Number(magnitude.toPrecision(digits))), exponent: null};
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
 * Formats a live number for reading: up to `digits` significant digits (or, with `decimals`,
 * that many decimal places: a matrix entry), trailing zeros dropped, a true minus sign,
 * "×10⁻⁵" exponents for very large or small magnitudes, and a word for values that are not
 * finite (so NaN never shows as a number).
 */
export function formatNumber(value, options) {
  return writeNumber(value, options, PROSE);
}

/** A number as TeX, rounded as formatNumber rounds it: "-0.0417", "4.54 \\times 10^{-5}", "\\text{undefined}". */
export function texNumber(value, options) {
  return writeNumber(value, options, TEX);
}

/** How prose writes a number's parts (formatNumber), and how TeX does (texNumber). */
const PROSE = {undefined: "undefined", infinity: "∞", minus: "−", power: (e) => `×10${superscript(e)}`};
const TEX = {undefined: "\\text{undefined}", infinity: "\\infty", minus: "-", power: (e) => ` \\times 10^{${e}}`};

/**
 * `value` rounded by roundNumber and written in `notation`: its word for what is not a
 * number, its infinity, its minus sign and its power of ten; "0" for what rounds to zero.
 */
function writeNumber(value, options, {undefined: notANumber, infinity, minus, power}) {
  if (typeof value !== "number" || Number.isNaN(value)) return notANumber;
  if (value === Infinity) return infinity;
  if (value === -Infinity) return minus + infinity;
  const parts = roundNumber(value, options);
  if (parts === null) return "0";
  const {negative, mantissa, exponent} = parts;
  return `${negative ? minus : ""}${mantissa}${exponent === null ? "" : power(exponent)}`;
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
