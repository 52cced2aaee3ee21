import {describe, expect, it} from "vitest";
import {createRandom, multiplyTransposed, multiplyTransposedSparse} from "../../lib/index.js";

/** out = a · bᵀ by a plain triple loop, summing over k in increasing order: the reference. */
function reference(
  a: Float64Array,
  b: Float64Array,
  rows: number,
  cols: number,
  inner: number
): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let k = 0; k < inner; k++) s += a[r * inner + k] * b[c * inner + k];
      out[r * cols + c] = s;
    }
  }
  return out;
}

/** The cols × inner matrix b as inner × cols. */
function transposed(b: Float64Array, cols: number, inner: number): Float64Array {
  const t = new Float64Array(b.length);
  for (let c = 0; c < cols; c++) for (let k = 0; k < inner; k++) t[k * cols + c] = b[c * inner + k];
  return t;
}

const shapes = [
  [1, 1, 1],
  [2, 2, 3],
  [3, 5, 7],
  [4, 4, 4],
  [5, 6, 2],
  [9, 7, 11],
  [8, 17, 9],
  [12, 24, 16]
];

describe("multiplyTransposed", () => {
  it("matches a plain triple loop for even and odd shapes", () => {
    for (const [rows, cols, inner] of shapes) {
      const a = Float64Array.from({length: rows * inner}, (_, i) => Math.sin(i + 1));
      const b = Float64Array.from({length: cols * inner}, (_, i) => Math.cos(3 * i));
      const out = new Float64Array(rows * cols).fill(NaN);
      multiplyTransposed(a, b, out, rows, cols, inner);
      // summed in the same order as the reference, so to the bit
      expect(out).toEqual(reference(a, b, rows, cols, inner));
    }
    expect(() =>
      multiplyTransposed(new Float64Array(3), new Float64Array(4), new Float64Array(4), 2, 2, 2)
    ).toThrow(/shorter/);
  });
});

describe("multiplyTransposedSparse", () => {
  it("gives multiplyTransposed's bits whatever the share of zeros in a", () => {
    const random = createRandom(5);
    for (const [rows, cols, inner] of shapes) {
      for (const zeroShare of [0, 0.1, 0.3, 0.5, 0.9, 1]) {
        // zeros of both signs, as ReLU's outputs (+0) and the gradients behind them (±0) have
        const a = Float64Array.from({length: rows * inner}, () => {
          const u = random();
          return u < zeroShare ? (random() < 0.5 ? 0 : -0) : 2 * random() - 1;
        });
        const b = Float64Array.from({length: cols * inner}, () => 2 * random() - 1);
        const out = new Float64Array(rows * cols).fill(NaN);
        multiplyTransposedSparse(a, b, transposed(b, cols, inner), out, rows, cols, inner);
        const dense = new Float64Array(rows * cols);
        multiplyTransposed(a, b, dense, rows, cols, inner);
        expect(out, `${rows}×${inner} · (${cols}×${inner})ᵀ, ${zeroShare} zeros`).toEqual(dense);
        expect(out).toEqual(reference(a, b, rows, cols, inner));
      }
    }
  });

  it("carries NaN and infinities in a as the dense product does", () => {
    const rows = 8;
    const cols = 8;
    const inner = 8;
    const a = Float64Array.from({length: rows * inner}, (_, i) => (i % 3 === 0 ? 0 : Math.sin(i)));
    a[5] = NaN;
    a[17] = Infinity;
    a[40] = -Infinity;
    a[41] = Infinity; // ∞ − ∞ in one sum
    const b = Float64Array.from({length: cols * inner}, (_, i) => Math.cos(i) + 2);
    const out = new Float64Array(rows * cols);
    multiplyTransposedSparse(a, b, transposed(b, cols, inner), out, rows, cols, inner);
    expect(out).toEqual(reference(a, b, rows, cols, inner));
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[2 * cols]).toBe(Infinity);
  });

  it("rejects arrays shorter than their dimensions", () => {
    const ok = new Float64Array(4);
    expect(() => multiplyTransposedSparse(ok, ok, new Float64Array(3), ok, 2, 2, 2)).toThrow(/shorter/);
    expect(() => multiplyTransposedSparse(new Float64Array(3), ok, ok, ok, 2, 2, 2)).toThrow(/shorter/);
  });
});
