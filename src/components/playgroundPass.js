// The playground's forward passes per redraw over the data chart's grid: the data chart paints
// its map from the outputs over the full grid (./playgroundDataChart.js), the network diagram
// every node's map from every unit at the preview cells, every third cell centre of the full
// grid (./networkDiagram.js). The panel (./playground.js) hands both charts one pass object and
// marks it out of date whenever the network changes; the pass then runs once, for the first
// chart that asks, and gives both: once the diagram has handed over unitValuesAt
// (../lib/mlpUnits.js, loaded with it), the full grid's pass, which writes the map's outputs,
// records every unit at the preview cells on its way. Until the diagram comes (or if it never
// does) the pass is predict alone, which keeps the page's first load light. The preview grid
// has a pass of its own, over its cells alone, for the data chart's map while a slider moves
// (and for the diagram when no map was drawn for the network it shows).
import {heatGrid} from "../lib/heatmap.js";
import {predict} from "../lib/mlp.js";

/** Half the side of the square the data chart shows: the datasets lie in about [−1, 1]². */
export const EXTENT = 1.6;
/** Cells per side of the full grid: a prediction per pixel of the data chart's map. */
export const RESOLUTION = 60;
/** The preview grid has one cell per this many cells square of the full one (an odd divisor of RESOLUTION). */
export const PREVIEW_BLOCK = 3;
/** Cells per side of a unit's map in the diagram: the preview grid's. */
export const UNIT_SIDE = RESOLUTION / PREVIEW_BLOCK;

/**
 * The full grid's cells (heatGrid's row-major order: row r of cells, from the bottom, then
 * column c, at r·RESOLUTION + c) that make the grid of one cell per `block` × `block` square
 * (`block` 1 or PREVIEW_BLOCK): each square's centre cell, so the preview grid's cell (i, j) is
 * the full grid's (3i + 1, 3j + 1). A grid's points are the full grid's at its cells (those
 * of heatGrid with UNIT_SIDE cells lie there too, but only to an ulp), so the pass over the
 * full grid and the preview's own pass see the very same inputs.
 */
export function cellsOf(block) {
  const side = RESOLUTION / block;
  const first = (block - 1) / 2;
  return Int32Array.from(
    {length: side * side},
    (_, p) => (first + block * Math.floor(p / side)) * RESOLUTION + first + block * (p % side)
  );
}

/**
 * The passes over the grid, shared by the charts that read them. `over(trainer, block)`
 * returns `{block, side, inputs, output, values}` for the grid of RESOLUTION / block cells per
 * side (block 1, the default: the full grid; PREVIEW_BLOCK: the preview, its cells those of
 * cellsOf): `inputs` are the network's inputs there (`trainer.inputsOf` of the grid's points,
 * side² rows), `output` the network's outputs, and over the preview grid, once
 * `withUnits(unitValuesAt)` has been called, `values` every unit's z, f(z) and f′(z)
 * (../lib/mlpUnits.js; `output` is then its last layer, the same numbers; else null). With
 * unitValuesAt, the full grid's pass gives the preview grid's result too, from the same pass.
 * Each grid's pass runs only when the trainer or its network differ from the last call, or
 * after `invalidate()` (the weights changed). Errors (features or a network that cannot run)
 * are thrown to the caller, each time it asks.
 */
export function gridPass() {
  const grids = {}; // block → {side, rows, points, inputsOf, inputs, output, values}
  const full = heatGrid([-EXTENT, EXTENT], RESOLUTION).inputs; // the full grid's points
  let results = {}; // block → the result, while `owner` is current
  let owner = null; // {trainer, mlp} the results are for
  let units = null; // unitValuesAt, once a reader of every unit has handed it over

  /** The grid's cells and the network's inputs there, made again for another trainer (features are a trainer's own). */
  function gridOf(trainer, block) {
    let entry = grids[block];
    if (!entry) {
      const rows = cellsOf(block);
      const points = Float64Array.from({length: 2 * rows.length}, (_, k) => full[2 * rows[k >> 1] + (k & 1)]);
      entry = grids[block] = {side: RESOLUTION / block, rows, points};
    }
    if (entry.inputsOf !== trainer.inputsOf || !entry.inputs) {
      entry.inputs = trainer.inputsOf?.(entry.points) ?? entry.points;
      entry.inputsOf = trainer.inputsOf;
    }
    return entry;
  }

  function over(trainer, block = 1) {
    const {mlp} = trainer;
    if (owner?.trainer !== trainer || owner.mlp !== mlp) {
      results = {};
      owner = {trainer, mlp};
    }
    const known = results[block];
    if (known && (known.values || block === 1 || !units)) return known;
    const entry = gridOf(trainer, block);
    const output = (entry.output ??= new Float64Array(entry.side ** 2)); // the network has one output
    // with unitValuesAt, every unit at the preview's cells: in the full grid's pass (unless
    // recorded already), or in the preview's own pass over them alone
    const preview =
      units && (block !== 1 || !results[PREVIEW_BLOCK]?.values) && gridOf(trainer, PREVIEW_BLOCK);
    if (preview) {
      const values = (preview.values = units(
        mlp,
        entry.inputs,
        block === 1 ? preview.rows : null,
        preview.values,
        output
      ));
      const {side, inputs} = preview;
      results[PREVIEW_BLOCK] = {
        block: PREVIEW_BLOCK,
        side,
        inputs,
        output: values.a.at(-1),
        values
      };
    } else predict(mlp, entry.inputs, output);
    return (results[block] ??= {block, side: entry.side, inputs: entry.inputs, output, values: null});
  }

  return {
    over,
    invalidate: () => (owner = null),
    withUnits: (unitValuesAt) => (units = unitValuesAt)
  };
}
