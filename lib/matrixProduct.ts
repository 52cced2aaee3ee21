// The one matrix product the deep network needs, written for speed in plain JavaScript:
// out = a · bᵀ, where both operands are read along contiguous rows; where the engine has
// WebAssembly SIMD, multiplyTransposedFast hands it to ./simdProduct.ts instead. In Float64Array: the same
// kernel on Float32Array measured no faster in Node (JavaScript multiplies in doubles either
// way, and a 128 × 128 weight matrix fits in cache as doubles), and doubles keep the
// statistics of exploding layers exact up to 1.8 × 10³⁰⁸ instead of 3.4 × 10³⁸.
//
// Every output is summed over k in increasing order, whichever kernel computes it, so the
// dense and the zero-skipping product give the same bits (adding an exact 0 × w to a sum
// changes nothing while w is finite).

import {createSimdProduct} from "./simdProduct.js";
import type {Product} from "./simdProduct.js";

/** Throws unless the arrays hold the given dimensions (and bT, when given, cols × inner numbers). */
function checkSizes(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  rows: number,
  cols: number,
  inner: number,
  bT?: Float64Array
): void {
  if (
    a.length < rows * inner ||
    b.length < cols * inner ||
    out.length < rows * cols ||
    (bT !== undefined && bT.length < cols * inner)
  ) {
    throw new Error("multiplyTransposed: an array is shorter than its dimensions");
  }
}

/**
 * Rows r to r + 2 of out = a · bᵀ: three rows of a meet four rows of b at a time (twelve
 * sums from seven loads per step), which cuts the loads of a plain triple loop by more than
 * three; the columns left over are done one dot product at a time. (Three rows, not four:
 * sixteen sums and their operands outgrow the sixteen floating-point registers of x86-64,
 * and the spills made the 4 × 4 block about a tenth slower in Node on 256 × 128 · 128 × 128.)
 */
function threeRows(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  r: number,
  cols: number,
  inner: number
): void {
  const blockCols = cols - (cols % 4);
  const a0 = r * inner;
  const a1 = a0 + inner;
  const a2 = a1 + inner;
  for (let c = 0; c < blockCols; c += 4) {
    const b0 = c * inner;
    const b1 = b0 + inner;
    const b2 = b1 + inner;
    const b3 = b2 + inner;
    let s00 = 0,
      s01 = 0,
      s02 = 0,
      s03 = 0;
    let s10 = 0,
      s11 = 0,
      s12 = 0,
      s13 = 0;
    let s20 = 0,
      s21 = 0,
      s22 = 0,
      s23 = 0;
    for (let k = 0; k < inner; k++) {
      const y0 = b[b0 + k];
      const y1 = b[b1 + k];
      const y2 = b[b2 + k];
      const y3 = b[b3 + k];
      let x = a[a0 + k];
      s00 += x * y0;
      s01 += x * y1;
      s02 += x * y2;
      s03 += x * y3;
      x = a[a1 + k];
      s10 += x * y0;
      s11 += x * y1;
      s12 += x * y2;
      s13 += x * y3;
      x = a[a2 + k];
      s20 += x * y0;
      s21 += x * y1;
      s22 += x * y2;
      s23 += x * y3;
    }
    let o = r * cols + c;
    out[o] = s00;
    out[o + 1] = s01;
    out[o + 2] = s02;
    out[o + 3] = s03;
    o += cols;
    out[o] = s10;
    out[o + 1] = s11;
    out[o + 2] = s12;
    out[o + 3] = s13;
    o += cols;
    out[o] = s20;
    out[o + 1] = s21;
    out[o + 2] = s22;
    out[o + 3] = s23;
  }
  for (let row = r; row < r + 3; row++) {
    for (let c = blockCols; c < cols; c++) {
      let s = 0;
      for (let k = 0; k < inner; k++) s += a[row * inner + k] * b[c * inner + k];
      out[row * cols + c] = s;
    }
  }
}

/**
 * out (rows × cols) = a (rows × inner) · bᵀ, with b given as cols × inner: every output is a
 * dot product of two contiguous rows, done three rows by four columns at a time (rows left
 * over one dot product at a time).
 */
export function multiplyTransposed(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  rows: number,
  cols: number,
  inner: number
): void {
  checkSizes(a, b, out, rows, cols, inner);
  const blockRows = rows - (rows % 3);
  for (let r = 0; r < blockRows; r += 3) threeRows(a, b, out, r, cols, inner);
  for (let r = blockRows; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let k = 0; k < inner; k++) s += a[r * inner + k] * b[c * inner + k];
      out[r * cols + c] = s;
    }
  }
}

/** A row's non-zero entries and, for each, where its row of bᵀ starts; grown as needed. */
let nonZeroValues = new Float64Array(0);
let nonZeroStarts = new Int32Array(0);

/**
 * Row r of out = a · bᵀ from bT = bᵀ (inner × cols), over the non-zero entries of a's row
 * only: each adds its multiple of one contiguous row of bT to eight sums at a time.
 */
function sparseRow(
  a: Float64Array,
  bT: Float64Array,
  out: Float64Array,
  r: number,
  cols: number,
  inner: number
): void {
  const values = nonZeroValues;
  const starts = nonZeroStarts;
  let n = 0;
  for (let k = 0, i = r * inner; k < inner; k++, i++) {
    // written without a branch: which entries are 0 follows no pattern, so a branch on it
    // would be mispredicted half the time (and +(test), as V8 compiles test ? 1 : 0 to a branch)
    const x = a[i];
    values[n] = x;
    starts[n] = k * cols;
    n += +(x !== 0);
  }
  const o = r * cols;
  const blockCols = cols - (cols % 8);
  for (let c = 0; c < blockCols; c += 8) {
    let s0 = 0,
      s1 = 0,
      s2 = 0,
      s3 = 0,
      s4 = 0,
      s5 = 0,
      s6 = 0,
      s7 = 0;
    for (let j = 0; j < n; j++) {
      const x = values[j];
      const y = starts[j] + c;
      s0 += x * bT[y];
      s1 += x * bT[y + 1];
      s2 += x * bT[y + 2];
      s3 += x * bT[y + 3];
      s4 += x * bT[y + 4];
      s5 += x * bT[y + 5];
      s6 += x * bT[y + 6];
      s7 += x * bT[y + 7];
    }
    out[o + c] = s0;
    out[o + c + 1] = s1;
    out[o + c + 2] = s2;
    out[o + c + 3] = s3;
    out[o + c + 4] = s4;
    out[o + c + 5] = s5;
    out[o + c + 6] = s6;
    out[o + c + 7] = s7;
  }
  for (let c = blockCols; c < cols; c++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += values[j] * bT[starts[j] + c];
    out[o + c] = s;
  }
}

/**
 * The same product as multiplyTransposed, out = a · bᵀ, and the same bits while b is finite,
 * but quicker when many entries of a are exactly 0 (ReLU's outputs, and the gradients behind
 * its zero slopes: about half of each): a block of three rows of a of which at least a
 * quarter is 0 is done row by row over the non-zero entries alone, reading bT = bᵀ (inner ×
 * cols, given too, as transposing b for every product would cost more than it saves);
 * denser blocks go to multiplyTransposed's kernel. (Dense, the zero-skipping kernel is about
 * a fifth slower; at half zeros about a third quicker: measured in Node on 256 × 128 · 128 × 128.)
 */
export function multiplyTransposedSparse(
  a: Float64Array,
  b: Float64Array,
  bT: Float64Array,
  out: Float64Array,
  rows: number,
  cols: number,
  inner: number
): void {
  checkSizes(a, b, out, rows, cols, inner, bT);
  if (nonZeroValues.length < inner) {
    nonZeroValues = new Float64Array(inner);
    nonZeroStarts = new Int32Array(inner);
  }
  const blockRows = rows - (rows % 3);
  const sparseFrom = (3 * inner) / 4; // zeros in three rows (of 3 × inner entries) that make the block sparse
  for (let r = 0; r < blockRows; r += 3) {
    let zeros = 0;
    for (let i = r * inner, end = i + 3 * inner; i < end; i++) zeros += +(a[i] === 0); // (no branch)
    if (zeros >= sparseFrom) for (let row = r; row < r + 3; row++) sparseRow(a, bT, out, row, cols, inner);
    else threeRows(a, b, out, r, cols, inner);
  }
  for (let r = blockRows; r < rows; r++) sparseRow(a, bT, out, r, cols, inner);
}

/** The SIMD product, made on first use: a function, or null where the engine has no SIMD. */
let simd: Product | null | undefined;

/**
 * The same product and the same bits as multiplyTransposed and multiplyTransposedSparse, by
 * the quickest road the engine has: WebAssembly SIMD (./simdProduct.ts), about four times
 * multiplyTransposed's speed and three times the zero-skipping kernel's on a ReLU layer, or,
 * without SIMD, multiplyTransposedSparse. Needs both b and bT = bᵀ, as that one does.
 */
export function multiplyTransposedFast(
  a: Float64Array,
  b: Float64Array,
  bT: Float64Array,
  out: Float64Array,
  rows: number,
  cols: number,
  inner: number
): void {
  checkSizes(a, b, out, rows, cols, inner, bT);
  if (simd === undefined) simd = createSimdProduct();
  if (simd) simd(a, bT, out, rows, cols, inner);
  else multiplyTransposedSparse(a, b, bT, out, rows, cols, inner);
}
