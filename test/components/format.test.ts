import {describe, expect, test} from "vitest";
import {
  formatNumber,
  formatPowerOfTen,
  roundNumber,
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

describe("one rounding for every writer", () => {
  const values = [0.7310585786300049, -0.0417, 4.54e-5, -2e7, 123.456, 1e-300, -9.99999e5, 0.1 + 0.2];
  test("formatNumber and texNumber write the same digits, sign and power of ten", () => {
    for (const v of values) {
      for (const digits of [2, 3, 4, 6]) {
        const {negative, mantissa, exponent} = roundNumber(v, {digits})!;
        const text = formatNumber(v, {digits});
        const tex = texNumber(v, {digits});
        expect(text.startsWith("−")).toBe(negative);
        expect(tex.startsWith("-")).toBe(negative);
        expect(text).toContain(mantissa);
        expect(tex).toContain(mantissa);
        expect(tex.includes("\\times")).toBe(exponent !== null);
        // and the digits are the value to that many significant digits
        expect(Number(mantissa) * 10 ** (exponent ?? 0) * (negative ? -1 : 1)).toBeCloseTo(
          Number(v.toPrecision(digits)),
          10
        );
      }
    }
  });
  test("with decimals: a matrix entry, at most that many decimals, round-off reads 0", () => {
    expect(formatNumber(1.23456, {decimals: 4})).toBe("1.2346");
    expect(formatNumber(-2.5, {decimals: 4})).toBe("−2.5");
    expect(formatNumber(1e-17, {decimals: 4})).toBe("0");
    expect(formatNumber(-0.00001, {decimals: 4})).toBe("0");
    expect(formatNumber(20000000, {decimals: 4})).toBe("20000000");
    expect(formatNumber(2e-5, {decimals: 4})).toBe("0");
    expect(formatNumber(NaN, {decimals: 4})).toBe("undefined");
    expect(formatNumber(-Infinity, {decimals: 4})).toBe("−∞");
    expect(formatNumber(3e25, {decimals: 4})).toBe("3×10²⁵");
    expect(texNumber(-0.12345, {decimals: 2})).toBe("-0.12");
  });
  test("zero, −0 and values that are not numbers", () => {
    expect(roundNumber(0)).toBeNull();
    expect(roundNumber(-0)).toBeNull();
    expect(formatNumber(undefined as unknown as number)).toBe("undefined");
    expect(texNumber(undefined as unknown as number)).toBe("\\text{undefined}");
    expect(texNumber(-0)).toBe("0");
  });
});
