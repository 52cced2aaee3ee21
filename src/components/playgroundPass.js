// The playground's forward passes per redraw over the data chart's grid: the data chart paints
// its map from the outputs over the full grid (./playgroundDataChart.js), the network diagram
// every node's map from every unit over the preview grid, every third cell centre of the full
// one (./networkDiagram.js). The panel (./playground.js) hands both charts one pass object and
// marks it out of date whenever the network changes; each grid's pass then runs once, for the
// first chart that asks. The diagram loads later than the data chart, or never: until it
// hands the pass unitValues (../lib/mlpUnits.js, loaded with it), the preview grid's pass
// runs predict too, which gives the outputs alone and keeps the page's first load light.
import {heatGrid} from "../lib/heatmap.js";
import {predict} from "../lib/mlp.js";

/** Half the side of the square the data chart shows: the datasets lie in about [−1, 1]². */
export const EXTENT = 1.6;
/** Cells per side of the full grid: a prediction per pixel of the data chart's map. */
export const RESOLUTION = 60;
/** The preview grid has one cell per this many cells square of the full one (a divisor of RESOLUTION). */
export const PREVIEW_BLOCK = 3;
/**
 * Cells per side of a unit's map in the diagram: the preview grid's, which is every
 * PREVIEW_BLOCK-th cell centre of the full grid (cell centres, so the full grid's cells
 * PREVIEW_BLOCK·i + 1 lie exactly where the preview grid's cells i lie).
 */
export const UNIT_SIDE = RESOLUTION / PREVIEW_BLOCK;

/**
 * The passes over the grid, shared by the charts that read them. `over(trainer, block)`
 * returns `{block, side, inputs, output, values}` for the grid of RESOLUTION / block cells per
 * side (block 1, the default: the full grid; PREVIEW_BLOCK: the preview): `inputs` are the
 * network's inputs there (`trainer.inputsOf` of the grid's points, side² rows), `output` the
 * network's outputs (predict), and over the preview grid, once `withUnits(unitValues)` has
 * been called, `values` every unit's z, f(z) and f′(z) (../lib/mlpUnits.js; `output` is then
 * its last layer, the same numbers; else null). Each grid's pass runs only when the trainer
 * or its network differ from the last call, or after `invalidate()` (the weights changed).
 * Errors (features or a network that cannot run) are thrown to the caller, each time it asks.
 */
export function gridPass() {
  const grids = {}; // block → {grid, inputsOf, inputs, output, values}
  let results = {}; // block → the result, while `owner` is current
  let owner = null; // {trainer, mlp} the results are for
  let units = null; // unitValues, once a reader of every unit has handed it over

  function over(trainer, block = 1) {
    const {mlp} = trainer;
    if (owner?.trainer !== trainer || owner.mlp !== mlp) {
      results = {};
      owner = {trainer, mlp};
    }
    const every = units !== null && block === PREVIEW_BLOCK;
    const known = results[block];
    if (known && (known.values !== null || !every)) return known;
    const entry = (grids[block] ??= {grid: heatGrid([-EXTENT, EXTENT], RESOLUTION / block)});
    // the grid's network inputs, made again for another trainer (features are a trainer's own)
    if (entry.inputsOf !== trainer.inputsOf || !entry.inputs) {
      entry.inputs = trainer.inputsOf?.(entry.grid.inputs) ?? entry.grid.inputs;
      entry.inputsOf = trainer.inputsOf;
    }
    let values = null;
    let output;
    if (every) {
      values = entry.values = units(mlp, entry.inputs, entry.values);
      output = values.a[values.a.length - 1];
    } else {
      const reuse = entry.output?.length === entry.grid.size ** 2 ? entry.output : undefined;
      output = entry.output = predict(mlp, entry.inputs, reuse);
    }
    return (results[block] = {block, side: entry.grid.size, inputs: entry.inputs, output, values});
  }

  return {
    over,
    invalidate: () => (owner = null),
    withUnits: (unitValues) => (units = unitValues)
  };
}
