// The deep network's matrix product in WebAssembly SIMD, where the engine has it (Node 20,
// Chromium, Firefox, Safari 16.4+): out = a · bᵀ read from bT = bᵀ, two columns per 128-bit
// lane pair, so one multiply and one add instruction do the work of two. Plain JavaScript
// multiplies one pair of doubles per instruction and is held there (./matrixProduct.ts); this
// kernel is about twice as quick on a 256 × 128 · 128 × 128 product.
//
// The same bits as ./matrixProduct.ts: every output is summed over k in increasing order from
// 0, one multiply and one add per step, and a lane of f64x2 rounds exactly as a scalar double
// does. The module is a few hundred bytes, assembled here from its instructions (there is no
// WebAssembly toolchain in the build, and none is needed for one function).

/** One loop of the kernel, written out as the WebAssembly text format would give it. */
// (func $product (param $a i32) (param $bT i32) (param $out i32) (param $rows i32)
//                (param $cols i32) (param $inner i32) (param $lastCol i32)
//   for r in 0, 4, … < rows:            ;; rows, lastCol: multiples of 4 (the caller does the rest)
//     for c in 0, 4, … < lastCol:       ;; cols: the length of bT's and out's rows
//       s[i][j] = 0 (f64x2, i < 4 rows, j < 2 pairs of columns)
//       for k in 0 … < inner:
//         y0 = bT[k, c..c+1]; y1 = bT[k, c+2..c+3]
//         for i < 4: x = splat(a[r + i, k]); s[i][0] += x · y0; s[i][1] += x · y1
//       out[r + i, c..c+3] = s[i][0], s[i][1]

const BLOCK_ROWS = 4;
const BLOCK_COLS = 4;

// opcodes (WebAssembly core specification, binary format, and its SIMD extension)
const op = {
  block: 0x02,
  loop: 0x03,
  br: 0x0c,
  brIf: 0x0d,
  end: 0x0b,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  i32GeU: 0x4f,
  i32Add: 0x6a,
  i32Mul: 0x6c,
  f64Load: 0x2b,
  simd: 0xfd
} as const;
const simd = {load: 0, store: 11, f64x2Splat: 20, f64x2Add: 240, f64x2Mul: 242} as const;
const type = {i32: 0x7f, v128: 0x7b, func: 0x60, empty: 0x40} as const;

/** Unsigned LEB128, as the binary format writes sizes, indices and SIMD opcodes. */
function unsigned(n: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (n !== 0);
  return bytes;
}

/** Signed LEB128 (i32.const's operand), for the small non-negative constants used here. */
function signed(n: number): number[] {
  const bytes: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      bytes.push(byte);
      return bytes;
    }
    bytes.push(byte | 0x80);
  }
}

/** A vector of the binary format: its length, then its items. */
const vector = (items: number[][]): number[] => [...unsigned(items.length), ...items.flat()];
/** A section: its id, its size, its contents. */
const section = (id: number, contents: number[]): number[] => [id, ...unsigned(contents.length), ...contents];
/** A name, as UTF-8 bytes with their length (ASCII here). */
const name = (s: string): number[] => [...unsigned(s.length), ...Array.from(s, (ch) => ch.charCodeAt(0))];

/** The kernel's body: its locals and instructions. */
function body(): number[] {
  // parameters 0–6 (LAST_COL: where the blocks of columns stop; cols is the rows' length),
  // then the locals
  const [A, BT, OUT, ROWS, COLS, INNER, LAST_COL] = [0, 1, 2, 3, 4, 5, 6];
  const [R, C, K, PB, PO, ROW_A, ROW_B] = [7, 8, 9, 10, 11, 12, 13];
  const PA = 14; // PA + i: the address of a[r + i, k]
  const i32Locals = 7 + BLOCK_ROWS;
  const S = 7 + i32Locals; // S + 2i + j: the sums of row i, column pair j
  const [Y0, Y1, X] = [S + 2 * BLOCK_ROWS, S + 2 * BLOCK_ROWS + 1, S + 2 * BLOCK_ROWS + 2];
  const v128Locals = 2 * BLOCK_ROWS + 3;

  const get = (i: number) => [op.localGet, ...unsigned(i)];
  const set = (i: number) => [op.localSet, ...unsigned(i)];
  const constant = (n: number) => [op.i32Const, ...signed(n)];
  const simdOp = (code: number) => [op.simd, ...unsigned(code)];
  const memarg = (align: number, offset: number) => [...unsigned(align), ...unsigned(offset)];
  /** local += n */
  const add = (local: number, n: number[]) => [...get(local), ...n, op.i32Add, ...set(local)];
  /** block { loop { if (counter >= limit) break; …body; continue } } */
  const forLoop = (counter: number, limit: number, inner: number[]) => [
    op.block, type.empty,
    op.loop, type.empty,
    ...get(counter), ...get(limit), op.i32GeU, op.brIf, 1,
    ...inner,
    op.br, 0,
    op.end,
    op.end
  ];

  const zeroSums: number[] = [];
  for (let s = 0; s < 2 * BLOCK_ROWS; s++) {
    // splat(0.0): f64x2 of +0, the start of every scalar sum too
    zeroSums.push(op.i32Const, 0, 0xb7 /* f64.convert_i32_s */, ...simdOp(simd.f64x2Splat), ...set(S + s));
  }
  const rowStarts: number[] = [];
  for (let i = 0; i < BLOCK_ROWS; i++) {
    // PA + i = a + (r + i) · inner · 8
    rowStarts.push(...get(A), ...get(R), ...constant(i), op.i32Add, ...get(ROW_A), op.i32Mul, op.i32Add, ...set(PA + i));
  }
  const step: number[] = [
    ...get(PB), ...simdOp(simd.load), ...memarg(3, 0), ...set(Y0),
    ...get(PB), ...simdOp(simd.load), ...memarg(3, 16), ...set(Y1)
  ];
  for (let i = 0; i < BLOCK_ROWS; i++) {
    step.push(...get(PA + i), op.f64Load, ...memarg(3, 0), ...simdOp(simd.f64x2Splat), ...set(X));
    for (let j = 0; j < 2; j++) {
      const sum = S + 2 * i + j;
      step.push(...get(sum), ...get(X), ...get(j === 0 ? Y0 : Y1), ...simdOp(simd.f64x2Mul), ...simdOp(simd.f64x2Add), ...set(sum));
    }
    step.push(...add(PA + i, constant(8)));
  }
  step.push(...add(PB, get(ROW_B)), ...add(K, constant(1)));
  const stores: number[] = [
    // PO = out + (r · cols + c) · 8
    ...get(OUT), ...get(R), ...get(ROW_B), op.i32Mul, op.i32Add, ...get(C), ...constant(8), op.i32Mul, op.i32Add, ...set(PO)
  ];
  for (let i = 0; i < BLOCK_ROWS; i++) {
    stores.push(...get(PO), ...get(S + 2 * i), ...simdOp(simd.store), ...memarg(3, 0));
    stores.push(...get(PO), ...get(S + 2 * i + 1), ...simdOp(simd.store), ...memarg(3, 16));
    stores.push(...add(PO, get(ROW_B)));
  }
  const columns = [
    ...zeroSums,
    ...rowStarts,
    // PB = bT + c · 8, k = 0
    ...get(BT), ...get(C), ...constant(8), op.i32Mul, op.i32Add, ...set(PB),
    ...constant(0), ...set(K),
    ...forLoop(K, INNER, step),
    ...stores,
    ...add(C, constant(BLOCK_COLS))
  ];
  const rows = [...constant(0), ...set(C), ...forLoop(C, LAST_COL, columns), ...add(R, constant(BLOCK_ROWS))];
  const code = [
    // row strides in bytes: a's rows are inner long, bT's and out's cols long
    ...get(INNER), ...constant(8), op.i32Mul, ...set(ROW_A),
    ...get(COLS), ...constant(8), op.i32Mul, ...set(ROW_B),
    ...constant(0), ...set(R),
    ...forLoop(R, ROWS, rows),
    op.end
  ];
  const locals = vector([
    [...unsigned(i32Locals), type.i32],
    [...unsigned(v128Locals), type.v128]
  ]);
  const fn = [...locals, ...code];
  return [...unsigned(fn.length), ...fn];
}

/** The module's bytes: one function, `product`, and its memory, `memory`, both exported. */
export function productModuleBytes(): Uint8Array<ArrayBuffer> {
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, vector([[type.func, ...vector(Array.from({length: 7}, () => [type.i32])), ...vector([])]])),
    ...section(3, vector([[0]])),
    ...section(5, vector([[0x00, ...unsigned(1)]])), // memory: 1 page to start, grown as needed
    ...section(7, vector([
      [...name("product"), 0x00, 0],
      [...name("memory"), 0x02, 0]
    ])),
    ...section(10, vector([body()]))
  ];
  return Uint8Array.from(bytes);
}

/** out (rows × cols) = a (rows × inner) · bᵀ, from bT = bᵀ (inner × cols). */
export type Product = (
  a: Float64Array,
  bT: Float64Array,
  out: Float64Array,
  rows: number,
  cols: number,
  inner: number
) => void;

/**
 * The SIMD product, or null where the engine has no WebAssembly SIMD (the caller keeps its
 * JavaScript kernel then). Each call copies a and bT into the module's memory (grown as
 * needed), runs the kernel over the rows and columns that fill blocks of four, copies the
 * result out, and does the rows and columns left over in JavaScript, in the same order of k.
 */
export function createSimdProduct(): Product | null {
  const bytes = productModuleBytes();
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(bytes)) return null;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes));
  const memory = instance.exports.memory as WebAssembly.Memory;
  const product = instance.exports.product as (...args: number[]) => void;
  let heap = new Float64Array(memory.buffer);
  return (a, bT, out, rows, cols, inner) => {
    const aSize = rows * inner;
    const bSize = inner * cols;
    const outSize = rows * cols;
    const needed = (aSize + bSize + outSize) * 8;
    if (needed > memory.buffer.byteLength) {
      memory.grow(Math.ceil((needed - memory.buffer.byteLength) / 65536));
      heap = new Float64Array(memory.buffer);
    }
    heap.set(a.subarray(0, aSize), 0);
    heap.set(bT.subarray(0, bSize), aSize);
    const blockRows = rows - (rows % BLOCK_ROWS);
    const blockCols = cols - (cols % BLOCK_COLS);
    const at = aSize + bSize; // where out starts, in doubles
    product(0, aSize * 8, at * 8, blockRows, cols, inner, blockCols);
    // the kernel wrote rows < blockRows, columns < blockCols
    for (let r = 0; r < blockRows; r++) {
      out.set(heap.subarray(at + r * cols, at + r * cols + blockCols), r * cols);
    }
    for (let r = 0; r < rows; r++) {
      for (let c = r < blockRows ? blockCols : 0; c < cols; c++) {
        let s = 0;
        for (let k = 0; k < inner; k++) s += a[r * inner + k] * bT[k * cols + c];
        out[r * cols + c] = s;
      }
    }
  };
}
