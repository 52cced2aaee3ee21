// The one matrix product the deep network needs, written for speed in plain JavaScript:
// out = a · bᵀ, where both operands are read along contiguous rows. In Float64Array: the same
// kernel on Float32Array measured no faster in Node (JavaScript multiplies in doubles either
// way, and a 128 × 128 weight matrix fits in cache as doubles), and doubles keep the
// statistics of exploding layers exact up to 1.8 × 10³⁰⁸ instead of 3.4 × 10³⁸.

/**
 * out (rows × cols) = a (rows × inner) · bᵀ, with b given as cols × inner: every output is a
 * dot product of two contiguous rows. Four rows of a meet four rows of b at a time (sixteen
 * sums from eight loads per step), which cuts the loads of a plain triple loop by four; the
 * rows and columns left over are done one dot product at a time.
 */
export function multiplyTransposed(
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  rows: number,
  cols: number,
  inner: number
): void {
  if (a.length < rows * inner || b.length < cols * inner || out.length < rows * cols) {
    throw new Error("multiplyTransposed: an array is shorter than its dimensions");
  }
  const blockRows = rows - (rows % 4);
  const blockCols = cols - (cols % 4);
  for (let r = 0; r < blockRows; r += 4) {
    const a0 = r * inner;
    const a1 = a0 + inner;
    const a2 = a1 + inner;
    const a3 = a2 + inner;
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
      let s30 = 0,
        s31 = 0,
        s32 = 0,
        s33 = 0;
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
        x = a[a3 + k];
        s30 += x * y0;
        s31 += x * y1;
        s32 += x * y2;
        s33 += x * y3;
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
      o += cols;
      out[o] = s30;
      out[o + 1] = s31;
      out[o + 2] = s32;
      out[o + 3] = s33;
    }
  }
  // the rows and columns outside the 4 × 4 blocks, one dot product each
  for (let r = 0; r < rows; r++) {
    for (let c = r < blockRows ? blockCols : 0; c < cols; c++) {
      let s = 0;
      for (let k = 0; k < inner; k++) s += a[r * inner + k] * b[c * inner + k];
      out[r * cols + c] = s;
    }
  }
}
