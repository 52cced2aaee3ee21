// The playground's one forward pass per redraw over the data chart's grid, from which the data
// chart paints its map (the output layer, ./playgroundDataChart.js) and the network diagram
// every node's map (each layer, read at every third point of each row and column,
// ./networkDiagram.js). The panel (./playground.js) hands both charts one pass and marks it out
// of date whenever the network changes; each chart then asks it for the grid's values, and
// only the first to ask computes them. The diagram loads later than the data chart, or never:
// until it hands the pass unitValues (../lib/mlpUnits.js, loaded with it), the pass runs
// predict, which gives the output alone and keeps the page's first load light.
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
 * A pass over the grid, shared by the charts that read it. `over(trainer, block)` returns
 * `{block, side, inputs, output, values}` for the grid of RESOLUTION / block cells per side
 * (block 1: the full grid, PREVIEW_BLOCK: the preview; undefined: whichever was computed last,
 * else the full one): `inputs` are the network's inputs there (`trainer.inputsOf` of the grid's
 * points, side² rows), `output` the network's outputs, and `values`, once `withUnits(unitValues)`
 * has been called, every unit's z, f(z) and f′(z) (../lib/mlpUnits.js; `output` is then its
 * last layer, the same numbers). It computes them only when the trainer, its network or the
 * block differ from the last call, or after `invalidate()` (the weights changed). Errors
 * (features or a network that cannot run) are thrown to the caller, each time it asks.
 */
export function gridPass() {
  const grids = {}; // block → {grid, inputsOf, inputs, values, output}
  let last = null; // {trainer, mlp, result}
  let units = null; // unitValues, once a reader of every unit has handed it over

  function over(trainer, block) {
    const {mlp} = trainer;
    const known = last?.result;
    if (known && last.trainer === trainer && last.mlp === mlp && (block ?? known.block) === known.block) {
      if (units === null || known.values !== null) return known;
    }
    block ??= 1;
    const entry = (grids[block] ??= {grid: heatGrid([-EXTENT, EXTENT], RESOLUTION / block)});
    // the grid's network inputs, made again for another trainer (features are a trainer's own)
    if (entry.inputsOf !== trainer.inputsOf || !entry.inputs) {
      entry.inputs = trainer.inputsOf?.(entry.grid.inputs) ?? entry.grid.inputs;
      entry.inputsOf = trainer.inputsOf;
    }
    let values = null;
    let output;
    if (units) {
      values = entry.values = units(mlp, entry.inputs, entry.values);
      output = values.a[values.a.length - 1];
    } else {
      output = entry.output = predict(
        mlp,
        entry.inputs,
        entry.output?.length === entry.grid.size ** 2 ? entry.output : undefined
      );
    }
    const result = {block, side: entry.grid.size, inputs: entry.inputs, output, values};
    last = {trainer, mlp, result};
    return result;
  }

  return {
    over,
    invalidate: () => (last = null),
    withUnits: (unitValues) => (units = unitValues)
  };
}
