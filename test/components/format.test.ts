import {describe, expect, test} from "vitest";
import {
  formatNumber,
  formatPowerOfTen,
  superscript,
  texFactor,
  texNumber
} from "../../src/components/format.js";

describe("formatNumber", () => {
  test("rounds to significant digits and drops trailing zeros", () => {
    expect(formatNumber(0.7310585786300049)).toBe("0.7311");
    expect(formatNumber(0.25)).toBe("0.25");
    expect(formatNumber(1)).toBe("1");
    expect(formatNumber(123.456, {digits: 2})).toBe("120");
  });

  test("writes a true minus sign and powers of ten for tiny and huge magnitudes", () => {
    expect(formatNumber(-0.0417)).toBe("−0.0417");
    expect(formatNumber(4.248354255291589e-18)).toBe("4.248×10⁻¹⁸");
    expect(formatNumber(-2e7)).toBe("−2×10⁷");
  });

  test("never shows NaN", () => {
    expect(formatNumber(NaN)).toBe("undefined");
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(-Infinity)).toBe("−∞");
    expect(formatNumber(-0)).toBe("0");
  });
});

describe("texNumber and texFactor", () => {
  test("write the same rounding as TeX", () => {
    expect(texNumber(-0.04172)).toBe("-0.04172");
    expect(texNumber(4.54e-5)).toBe("4.54 \\times 10^{-5}");
    expect(texNumber(NaN)).toBe("\\text{undefined}");
    expect(texNumber(-Infinity)).toBe("-\\infty");
  });

  test("parenthesise negative and scientific factors", () => {
    expect(texFactor(2)).toBe("2");
    expect(texFactor(-2)).toBe("(-2)");
    expect(texFactor(3e-9)).toBe("(3 \\times 10^{-9})");
  });
});

describe("superscript and formatPowerOfTen", () => {
  test("label log-axis ticks", () => {
    expect(superscript(-15)).toBe("⁻¹⁵");
    expect(formatPowerOfTen(1)).toBe("1");
    expect(formatPowerOfTen(1e-3)).toBe("10⁻³");
    expect(formatPowerOfTen(1e5)).toBe("10⁵");
  });
});
