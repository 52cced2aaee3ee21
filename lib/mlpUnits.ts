// Every unit of an Mlp (./mlp.js) over many examples at once: its pre-activation z, its own
// activation f(z) and its slope f′(z). The playground draws each unit's decision map and where
// its pre-activations fall on its activation from these.
//
// There is one forward pass over many examples, predict's (./mlpPredict.js): layer by layer
// over blocks of examples, each layer's activation one kernel call over the block, each z the
// bias plus the terms Σ_i w_i·x_i in order (the sums of ./mlpLoops.js), so the last layer
// equals predict's output exactly. This module reads the units off that pass through its tap,
// at every example (unitValues) or at chosen ones while predict writes every example's output
// (unitValuesAt: a map over a grid and every unit's map at some of its cells, from one pass).

import type {Mlp} from "./mlp.js";
import {exampleCount} from "./mlpLoops.js";
import {predict} from "./mlpPredict.js";

/**
 * Per weight layer l (sizes.length − 1 of them): z[l], a[l] and slope[l], each n × sizes[l+1]
 * row-major (example e, unit j at e·sizes[l+1] + j). z is the pre-activation, a = f(z) the
 * unit's own activation (before any skip connection adds the layer's input), so the last
 * layer's a is the network's output, and slope = f′(z).
 */
export interface UnitValues {
  z: Float64Array[];
  a: Float64Array[];
  slope: Float64Array[];
}

/** 0, 1, 2, …: the rows of every example (grown as needed). */
let everyRow = new Int32Array(0);
/** The outputs of a pass whose caller wants the units alone (grown as needed). */
let spareOutput = new Float64Array(0);

/** Whether `out` holds buffers of exactly the lengths the layers need. */
function fits(out: UnitValues | undefined, lengths: readonly number[]): out is UnitValues {
  if (out === undefined || out === null || typeof out !== "object") return false;
  const fitsLayers = (buffers: unknown) =>
    Array.isArray(buffers) &&
    buffers.length === lengths.length &&
    lengths.every((length, l) => buffers[l] instanceof Float64Array && buffers[l].length === length);
  return fitsLayers(out.z) && fitsLayers(out.a) && fitsLayers(out.slope);
}

/** What a value that is not the array expected is, for an error message. */
function kindOf(value: unknown): string {
  return typeof value === "object" && value !== null
    ? `an object of type ${value.constructor.name}`
    : String(value);
}

/** Throws, naming the problem, unless `rows` is an Int32Array of rows of n, in ascending order. */
function checkRows(rows: Int32Array, n: number): void {
  if (!(rows instanceof Int32Array)) {
    throw new Error(
      `rows must be an Int32Array of example indices in ascending order (or null: every example), got ${kindOf(rows)}`
    );
  }
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k];
    if (row < 0 || row >= n) {
      throw new Error(
        `rows[${k}] is ${row}, outside the inputs' ${n} examples (${n === 0 ? "none" : `rows 0 to ${n - 1}`})`
      );
    }
    if (k > 0 && row <= rows[k - 1]) {
      throw new Error(
        `rows must ascend, each once: rows[${k}] is ${row}, after rows[${k - 1}] = ${rows[k - 1]}`
      );
    }
  }
}

/**
 * One forward pass over the n examples of inputs (row-major n × sizes[0]) recording every
 * unit's z, f(z) and f′(z) (see UnitValues). `out` is reused when its shapes match n and the
 * network (so a page redrawing every frame allocates nothing); otherwise fresh buffers are
 * returned. Throws, naming the problem, for inputs that are not a Float64Array of whole rows.
 */
export function unitValues(mlp: Mlp, inputs: Float64Array, out?: UnitValues): UnitValues {
  return unitValuesAt(mlp, inputs, null, out);
}

/**
 * One forward pass over the n examples of inputs (row-major n × sizes[0]) that writes every
 * example's output, as predict does, into `output` (n × the output size; left out, the outputs
 * are not kept), and records every unit's z, f(z) and f′(z) at the examples `rows` (ascending
 * indices of examples, each once; null: every example, as unitValues): UnitValues of
 * rows.length examples, the k-th being example rows[k], the numbers unitValues gives for that
 * example, bit for bit. `out` is reused when its
 * shapes match, as unitValues reuses it. Throws, naming the problem, for inputs that are not a
 * Float64Array of whole rows, rows that are not an Int32Array of ascending examples of inputs,
 * or an output of another length.
 */
export function unitValuesAt(
  mlp: Mlp,
  inputs: Float64Array,
  rows: Int32Array | null,
  out?: UnitValues,
  output?: Float64Array
): UnitValues {
  const {sizes} = mlp;
  const n = exampleCount(inputs, sizes[0], "inputs");
  if (rows === null) {
    if (everyRow.length < n)
      everyRow = Int32Array.from({length: Math.max(n, 2 * everyRow.length)}, (_, k) => k);
    rows = everyRow.subarray(0, n);
  } else checkRows(rows, n);
  const size = n * sizes[sizes.length - 1];
  if (output === undefined) {
    if (spareOutput.length < size) spareOutput = new Float64Array(Math.max(size, 2 * spareOutput.length));
    output = spareOutput.subarray(0, size);
  } else if (!(output instanceof Float64Array) || output.length !== size) {
    throw new Error(
      `output must be a Float64Array of ${size} entries (${n} examples × ${sizes[sizes.length - 1]} outputs), got ${
        output instanceof Float64Array ? `${output.length} entries` : kindOf(output)
      }`
    );
  }
  const m = rows.length;
  const lengths = sizes.slice(1).map((width) => m * width);
  const fresh = (): Float64Array[] => lengths.map((length) => new Float64Array(length));
  const values: UnitValues = fits(out, lengths) ? out : {z: fresh(), a: fresh(), slope: fresh()};
  // the blocks come in order, each layer by layer: rows[first, end) are the block's rows
  let first = 0;
  let end = 0;
  predict(mlp, inputs, output, (l, start, count, z, a, slope) => {
    if (l === 0) {
      first = end;
      while (end < m && rows[end] < start + count) end++;
    }
    const width = sizes[l + 1];
    const zl = values.z[l];
    const al = values.a[l];
    const sl = values.slope[l];
    if (end - first === count) {
      // every example of the block (rows ascend, each once): one copy of each buffer
      const size = count * width;
      zl.set(z.subarray(0, size), first * width);
      al.set(a.subarray(0, size), first * width);
      sl.set(slope.subarray(0, size), first * width);
      return;
    }
    for (let k = first; k < end; k++) {
      const from = (rows[k] - start) * width;
      const to = k * width;
      for (let j = 0; j < width; j++) {
        zl[to + j] = z[from + j];
        al[to + j] = a[from + j];
        sl[to + j] = slope[from + j];
      }
    }
  });
  return values;
}
