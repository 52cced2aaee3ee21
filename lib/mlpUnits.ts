// Every unit of an Mlp (./mlp.js) over many examples at once: its pre-activation z, its own
// activation f(z) and its slope f′(z), from one forward pass. The playground draws each unit's
// decision map and where its pre-activations fall on its activation from these.
//
// The pass runs layer by layer over all the examples (not example by example as training
// does), so each layer's activation is one kernel call over n × width values. Each z is still
// the bias plus the terms Σ_i w_i·x_i in order, the sums of ./mlpLoops.js, so the last layer
// equals predict's output exactly. Small networks run code generated for each layer's shape
// (./mlpCompile.js), which keeps the layer's weights in local variables; others, loops.

import type {Mlp} from "./mlp.js";
import {exampleCount} from "./mlpLoops.js";
import {layerFunctions} from "./mlpPredict.js";

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

/** Per result: what each layer with a skip connection passes on, f(z) + its input (n × width). */
const passedOn = new WeakMap<UnitValues, Float64Array[]>();

function fitsLayers(buffers: unknown, lengths: readonly number[]): buffers is Float64Array[] {
  return (
    Array.isArray(buffers) &&
    buffers.length === lengths.length &&
    lengths.every((length, l) => buffers[l] instanceof Float64Array && buffers[l].length === length)
  );
}

/** Whether `out` holds buffers of exactly the shapes n examples need. */
function fits(out: UnitValues | undefined, lengths: readonly number[]): out is UnitValues {
  if (out === undefined || out === null || typeof out !== "object") return false;
  return fitsLayers(out.z, lengths) && fitsLayers(out.a, lengths) && fitsLayers(out.slope, lengths);
}

/**
 * One forward pass over the n examples of inputs (row-major n × sizes[0]) recording every
 * unit's z, f(z) and f′(z) (see UnitValues). `out` is reused when its shapes match n and the
 * network (so a page redrawing every frame allocates nothing); otherwise fresh buffers are
 * returned. Throws, naming the problem, for inputs that are not a Float64Array of whole rows.
 */
export function unitValues(mlp: Mlp, inputs: Float64Array, out?: UnitValues): UnitValues {
  const {sizes, residual} = mlp;
  const n = exampleCount(inputs, sizes[0], "inputs");
  const lengths = sizes.slice(1).map((width) => n * width);
  const fresh = (): Float64Array[] => lengths.map((length) => new Float64Array(length));
  const values: UnitValues = fits(out, lengths) ? out : {z: fresh(), a: fresh(), slope: fresh()};
  const sumLengths = lengths.map((length, l) => (residual[l] ? length : 0));
  let sums = passedOn.get(values);
  if (!fitsLayers(sums, sumLengths)) {
    sums = sumLengths.map((length) => new Float64Array(length));
    passedOn.set(values, sums);
  }
  const {weights, biases, scratch} = mlp;
  const layers = layerFunctions(mlp);
  let previous = inputs;
  for (let l = 0; l < layers.length; l++) {
    const width = n * sizes[l + 1];
    const own = values.a[l];
    layers[l](weights[l], biases[l], previous, values.z[l], n);
    scratch.kernels[l](values.z[l], own, values.slope[l], width);
    if (residual[l]) {
      const sum = sums[l];
      for (let k = 0; k < width; k++) sum[k] = own[k] + previous[k];
      previous = sum;
    } else {
      previous = own;
    }
  }
  return values;
}
