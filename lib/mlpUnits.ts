// Every unit of an Mlp (./mlp.js) over many examples at once: its pre-activation z and its
// own activation f(z), from one forward pass. The playground draws each unit's decision map
// and where its pre-activations fall on its activation from these.

import type {Mlp} from "./mlp.js";
import {exampleCount, forwardExample} from "./mlpLoops.js";

/**
 * Per weight layer l (sizes.length − 1 of them): z[l] and a[l], each n × sizes[l+1] row-major
 * (example e, unit j at e·sizes[l+1] + j). z is the pre-activation, a = f(z) the unit's own
 * activation (before any residual add), so the last layer's a is the network's output.
 */
export interface UnitValues {
  z: Float64Array[];
  a: Float64Array[];
}

/** Whether `out` holds buffers of exactly the shapes n examples need. */
function fits(out: UnitValues | undefined, sizes: readonly number[], n: number): out is UnitValues {
  if (out === undefined || out === null || typeof out !== "object") return false;
  const layers = sizes.length - 1;
  const {z, a} = out;
  if (!Array.isArray(z) || !Array.isArray(a) || z.length !== layers || a.length !== layers) return false;
  for (let l = 0; l < layers; l++) {
    const length = n * sizes[l + 1];
    if (!(z[l] instanceof Float64Array) || z[l].length !== length) return false;
    if (!(a[l] instanceof Float64Array) || a[l].length !== length) return false;
  }
  return true;
}

/**
 * One forward pass over the n examples of inputs (row-major n × sizes[0]) recording every
 * unit's z and f(z) (see UnitValues). `out` is reused when its shapes match n and the
 * network (so a page redrawing every frame allocates nothing); otherwise fresh buffers are
 * returned. Throws, naming the problem, for inputs that are not a Float64Array of whole rows.
 */
export function unitValues(mlp: Mlp, inputs: Float64Array, out?: UnitValues): UnitValues {
  const {sizes} = mlp;
  const n = exampleCount(inputs, sizes[0], "inputs");
  const layers = sizes.length - 1;
  const result: UnitValues = fits(out, sizes, n)
    ? out
    : {
        z: Array.from({length: layers}, (_, l) => new Float64Array(n * sizes[l + 1])),
        a: Array.from({length: layers}, (_, l) => new Float64Array(n * sizes[l + 1]))
      };
  const {z, a} = mlp.scratch;
  for (let example = 0; example < n; example++) {
    forwardExample(mlp, inputs, example);
    for (let l = 0; l < layers; l++) {
      const width = sizes[l + 1];
      const offset = example * width;
      result.z[l].set(z[l], offset);
      result.a[l].set(a[l + 1], offset);
    }
  }
  return result;
}
