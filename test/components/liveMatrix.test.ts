// @vitest-environment jsdom
// How a live matrix writes its entries (src/components/liveMatrix.js): what a reader sees
// for round-off, negative zero, and values that are not finite.
import {describe, expect, test} from "vitest";
import {writeMatrix} from "../../src/components/liveMatrix.js";

/** The text a one-entry live matrix shows for `value`. */
function formatEntry(value: number): string {
  const slot = document.createElement("span");
  slot.dataset.live = "m";
  slot.setAttribute("aria-label", "M");
  slot.style.setProperty("--rows", "1");
  slot.style.setProperty("--cols", "1");
  writeMatrix(slot, [[value]]);
  return slot.textContent ?? "";
}

describe("a live matrix's entries (formatNumber with 4 decimals)", () => {
  test("rounds to 4 decimals, so floating-point round-off reads as the exact product", () => {
    expect(formatEntry(0.1 * 3)).toBe("0.3");
    expect(formatEntry(1.9 * -1.9 * 2)).toBe("−7.22");
    expect(formatEntry(1.23456)).toBe("1.2346");
    expect(formatEntry(-123456.123449)).toBe("−123456.1234");
  });
  test("keeps 4 decimals wherever the first digit is: small entries are not written with a power of ten", () => {
    expect(formatEntry(0.00006)).toBe("0.0001");
    expect(formatEntry(-0.00004)).toBe("0");
    expect(formatEntry(0.012345)).toBe("0.0123");
    expect(formatEntry(9.99996)).toBe("10");
  });
  test("writes a true minus, and never −0", () => {
    expect(formatEntry(-0.5)).toBe("−0.5");
    expect(formatEntry(-0)).toBe("0");
    expect(formatEntry(-1e-17)).toBe("0");
    expect(formatEntry(1e-17)).toBe("0");
  });
  test("says what is not a number instead of printing NaN", () => {
    expect(formatEntry(Number.NaN)).toBe("undefined");
    expect(formatEntry(Infinity)).toBe("∞");
    expect(formatEntry(-Infinity)).toBe("−∞");
  });
});
