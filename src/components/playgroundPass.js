// The playground's forward passes per redraw over the data chart's grid: the data chart paints
// its map from the outputs over the full grid (./playgroundDataChart.js), the network diagram
// every node's map from every unit over the preview grid, every third cell centre of the full
// one (./networkDiagram.js). The panel (./playground.js) hands both charts one pass object and
// marks it out of date whenever the network changes; each pass then runs once, for the first
// chart that asks. The diagram loads later than the data chart, or never: it hands the pass
// unitValues (../lib/mlpUnits.js, loaded with it), so the page's first load carries only
// predict.
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
 * returns `{block, side, inputs, output}` for the grid of RESOLUTION / block cells per side
 * (block 1: the full grid, PREVIEW_BLOCK: the preview; undefined: whichever was computed last,
 * else the full one): `inputs` are the network's inputs there (`trainer.inputsOf` of the grid's
 * points, side² rows), `output` the network's outputs (predict). `units(trainer)`, once
 * `withUnits(unitValues)` has been called, returns `{block, side, inputs, output, values}` over
 * the preview grid, `values` every unit's z, f(z) and f′(z) (../lib/mlpUnits.js; `output` its
 * last layer). Each computes only when the trainer or its network differ from its last call
 * (and `over` the block), or after `invalidate()` (the weights changed). Errors (features or
 * a network that cannot run) are thrown to the caller, each time it asks.
 */
export function gridPass() {
  const grids = {}; // block → {grid, inputsOf, inputs, output, values}
  let last = null; // over's last {trainer, mlp, result}
  let lastUnits = null; // units' last {trainer, mlp, result}
  let unitValues = null; // handed over by the diagram

  /** The grid of this block with the trainer's network inputs there (made again for another trainer). */
  function entryOf(trainer, block) {
    const entry = (grids[block] ??= {grid: heatGrid([-EXTENT, EXTENT], RESOLUTION / block)});
    if (entry.inputsOf !== trainer.inputsOf || !entry.inputs) {
      entry.inputs = trainer.inputsOf?.(entry.grid.inputs) ?? entry.grid.inputs;
      entry.inputsOf = trainer.inputsOf;
    }
    return entry;
  }
  const current = (memo, trainer) => memo !== null && memo.trainer === trainer && memo.mlp === trainer.mlp;

  function over(trainer, block) {
    if (current(last, trainer) && (block ?? last.result.block) === last.result.block) return last.result;
    block ??= 1;
    const entry = entryOf(trainer, block);
    const reuse = entry.output?.length === entry.grid.size ** 2 ? entry.output : undefined;
    const output = (entry.output = predict(trainer.mlp, entry.inputs, reuse));
    const result = {block, side: entry.grid.size, inputs: entry.inputs, output};
    last = {trainer, mlp: trainer.mlp, result};
    return result;
  }

  function units(trainer) {
    if (unitValues === null) throw new Error("gridPass: units() needs withUnits(unitValues) first");
    if (current(lastUnits, trainer)) return lastUnits.result;
    const entry = entryOf(trainer, PREVIEW_BLOCK);
    const values = (entry.values = unitValues(trainer.mlp, entry.inputs, entry.values));
    const output = values.a[values.a.length - 1];
    const result = {block: PREVIEW_BLOCK, side: entry.grid.size, inputs: entry.inputs, output, values};
    lastUnits = {trainer, mlp: trainer.mlp, result};
    return result;
  }

  return {
    over,
    units,
    invalidate: () => (last = lastUnits = null),
    withUnits: (values) => (unitValues = values)
  };
}
