/**
 * Formats a live number for reading: up to `digits` significant digits, trailing zeros
 * dropped, a true minus sign, exponents for very large or small magnitudes, and a word for
 * values that are not finite (so NaN never shows as a number).
 */
export function formatNumber(value, {digits = 4} = {}) {
  if (Number.isNaN(value)) return "undefined";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  if (value === 0) return "0";
  const magnitude = Math.abs(value);
  const text =
    magnitude >= 1e6 || magnitude < 1e-4
      ? value
          .toExponential(digits - 1)
          .replace(/\.?0+e/, "e")
          .replace("e+", "e")
      : String(Number(value.toPrecision(digits)));
  return text
    .replace(/-/g, "−")
    .replace(/e(−?\d+)$/, "×10^$1")
    .replace(/\^(−?\d+)$/, (_, e) => toSuperscript(e));
}

const SUPERSCRIPT = {
  "−": "⁻",
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

function toSuperscript(text) {
  return [...text].map((c) => SUPERSCRIPT[c] ?? c).join("");
}
