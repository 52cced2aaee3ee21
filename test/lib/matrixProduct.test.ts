import {afterEach, describe, expect, it, vi} from "vitest";
import {
  createRandom,
  createSimdProduct,
  multiplyTransposed,
  multiplyTransposedFast,
  multiplyTransposedSparse,
  productModuleBytes
} from "../../lib/index.js";

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

/** Entries of a: uniform in (−1, 1), a share of them zeros of either sign. */
function entries(random: () => number, length: number, zeroShare: number): Float64Array {
  return Float64Array.from({length}, () => {
    const u = random();
    return u < zeroShare ? (random() < 0.5 ? 0 : -0) : 2 * random() - 1;
  });
}

describe("the SIMD product (lib/simdProduct.ts)", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is a valid WebAssembly module of a few hundred bytes, and this engine runs it", () => {
    const bytes = productModuleBytes();
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(bytes.length).toBeLessThan(1024);
    // Node 20 and every browser the course supports have WebAssembly SIMD
    expect(createSimdProduct()).toBeTypeOf("function");
  });

  it("gives the plain triple loop's bits, blocks of four and the rows and columns left over", () => {
    const product = createSimdProduct()!;
    const random = createRandom(11);
    for (const [rows, cols, inner] of [...shapes, [4, 8, 1], [13, 10, 6], [16, 16, 33], [37, 29, 5]]) {
      for (const zeroShare of [0, 0.5]) {
        const a = entries(random, rows * inner, zeroShare);
        const b = Float64Array.from({length: cols * inner}, () => 2 * random() - 1);
        const out = new Float64Array(rows * cols).fill(NaN);
        product(a, transposed(b, cols, inner), out, rows, cols, inner);
        expect(out, `${rows}×${inner} · (${cols}×${inner})ᵀ`).toEqual(reference(a, b, rows, cols, inner));
      }
    }
  });

  it("carries NaN, infinities and the sign of a zero sum as the scalar loop does", () => {
    const product = createSimdProduct()!;
    const [rows, cols, inner] = [8, 8, 4];
    const a = Float64Array.from({length: rows * inner}, (_, i) => Math.sin(i));
    a[1] = NaN;
    a[9] = Infinity;
    a[16] = -Infinity;
    a[17] = Infinity; // ∞ − ∞ in one sum
    for (let k = 0; k < inner; k++) a[5 * inner + k] = -0; // row 5: every product ±0
    const b = Float64Array.from({length: cols * inner}, (_, i) => Math.cos(i) + 2);
    const out = new Float64Array(rows * cols);
    product(a, transposed(b, cols, inner), out, rows, cols, inner);
    expect(out).toEqual(reference(a, b, rows, cols, inner));
    expect(Number.isNaN(out[0])).toBe(true);
    expect(out[2 * cols]).toBe(Infinity);
    expect(Object.is(out[5 * cols], 0)).toBe(true); // 0 + (−0) + … is +0, in both
  });

  it("grows its memory for a larger product and stays right for smaller ones after", () => {
    const product = createSimdProduct()!;
    const random = createRandom(12);
    for (const [rows, cols, inner] of [[4, 4, 4], [512, 256, 256], [6, 5, 3]]) {
      const a = entries(random, rows * inner, 0.2);
      const b = Float64Array.from({length: cols * inner}, () => 2 * random() - 1);
      const out = new Float64Array(rows * cols);
      product(a, transposed(b, cols, inner), out, rows, cols, inner);
      expect(out).toEqual(reference(a, b, rows, cols, inner));
    }
  });

  it("is null where the engine has no WebAssembly", () => {
    vi.stubGlobal("WebAssembly", undefined);
    expect(createSimdProduct()).toBeNull();
  });
});

describe("multiplyTransposedFast", () => {
  it("gives multiplyTransposedSparse's bits and checks sizes as it does", () => {
    const random = createRandom(13);
    for (const [rows, cols, inner] of shapes) {
      const a = entries(random, rows * inner, 0.5);
      const b = Float64Array.from({length: cols * inner}, () => 2 * random() - 1);
      const bT = transposed(b, cols, inner);
      const fast = new Float64Array(rows * cols);
      const sparse = new Float64Array(rows * cols);
      multiplyTransposedFast(a, b, bT, fast, rows, cols, inner);
      multiplyTransposedSparse(a, b, bT, sparse, rows, cols, inner);
      expect(fast).toEqual(sparse);
    }
    const ok = new Float64Array(4);
    expect(() => multiplyTransposedFast(ok, ok, new Float64Array(3), ok, 2, 2, 2)).toThrow(/shorter/);
    expect(() => multiplyTransposedFast(new Float64Array(3), ok, ok, ok, 2, 2, 2)).toThrow(/shorter/);
  });
});
