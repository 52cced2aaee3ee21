import {describe, expect, it} from "vitest";
import {multiplyTransposed} from "../../lib/index.js";

describe("multiplyTransposed", () => {
  it("matches a plain triple loop for even and odd shapes", () => {
    for (const [rows, cols, inner] of [
      [1, 1, 1],
      [2, 2, 3],
      [3, 5, 7],
      [4, 4, 4],
      [5, 6, 2],
      [9, 7, 11]
    ]) {
      const a = Float64Array.from({length: rows * inner}, (_, i) => Math.sin(i + 1));
      const b = Float64Array.from({length: cols * inner}, (_, i) => Math.cos(3 * i));
      const out = new Float64Array(rows * cols).fill(NaN);
      multiplyTransposed(a, b, out, rows, cols, inner);
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          let s = 0;
          for (let k = 0; k < inner; k++) s += a[r * inner + k] * b[c * inner + k];
          expect(out[r * cols + c]).toBeCloseTo(s, 13);
        }
      }
    }
    expect(() =>
      multiplyTransposed(new Float64Array(3), new Float64Array(4), new Float64Array(4), 2, 2, 2)
    ).toThrow(/shorter/);
  });
});
