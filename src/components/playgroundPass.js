// The playground's one forward pass per redraw: every unit of the network over the data
// chart's grid (../lib/mlpUnits.js), from which the data chart paints its map (the output
// layer, ./playgroundDataChart.js) and the network diagram every node's map (each layer, read
// at every third point of each row and column, ./networkDiagram.js). The panel
// (./playground.js) hands both charts one pass and marks it out of date whenever the network
// changes; each chart then asks it for the grid's values, and only the first to ask computes
// them. The diagram loads later than the data chart, or never: the pass does not depend on it.
import {heatGrid} from "../lib/heatmap.js";
import {unitValues} from "../lib/mlpUnits.js";

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
 * `{block, side, inputs, values}` for the grid of RESOLUTION / block cells per side (block 1:
 * the full grid, PREVIEW_BLOCK: the preview; undefined: whichever was computed last, else the
 * full one): `inputs` are the network's inputs there (`trainer.inputsOf` of the grid's points,
 * side² rows), `values` every unit's z, f(z) and f′(z) (../lib/mlpUnits.js). It computes them
 * only when the trainer, its network or the block differ from the last call, or after
 * `invalidate()` (the weights changed). Errors (features or a network that cannot run) are
 * thrown to the caller, each time it asks.
 */
export function gridPass() {
  const grids = new Map(); // block → {grid, key, inputs, values}
  let last = null; // {trainer, mlp, result}

  function gridOf(block) {
    let entry = grids.get(block);
    if (entry === undefined) {
      const grid = heatGrid([-EXTENT, EXTENT], RESOLUTION / block);
      entry = {grid, key: null, inputsOf: null, inputs: null, values: undefined};
      grids.set(block, entry);
    }
    return entry;
  }

  function over(trainer, block) {
    if (
      last !== null &&
      last.trainer === trainer &&
      last.mlp === trainer.mlp &&
      (block === undefined || last.result.block === block)
    ) {
      return last.result;
    }
    const chosen = block ?? 1;
    const entry = gridOf(chosen);
    // the grid's network inputs, made again only for other features or another trainer's inputsOf
    const key = (trainer.features ?? []).join(",");
    if (entry.inputs === null || entry.key !== key || entry.inputsOf !== trainer.inputsOf) {
      entry.inputs = null;
      entry.inputs = trainer.inputsOf ? trainer.inputsOf(entry.grid.inputs) : entry.grid.inputs;
      entry.key = key;
      entry.inputsOf = trainer.inputsOf;
    }
    entry.values = unitValues(trainer.mlp, entry.inputs, entry.values);
    const result = {block: chosen, side: entry.grid.size, inputs: entry.inputs, values: entry.values};
    last = {trainer, mlp: trainer.mlp, result};
    return result;
  }

  return {
    over,
    invalidate() {
      last = null;
    }
  };
}
