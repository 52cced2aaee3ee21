// The playground's shared forward passes (src/components/playgroundPass.js): the outputs over the
// full and the preview grid, every unit at the preview cells from the full grid's one pass, when
// each computes again, and how the two grids line up.
import {describe, expect, it} from "vitest";
import {heatGrid} from "../../lib/heatmap.js";
import {createMlp, predict} from "../../lib/mlp.js";
import type {Mlp} from "../../lib/mlp.js";
import {unitValues, unitValuesAt} from "../../lib/mlpUnits.js";
import {
  cellsOf,
  EXTENT,
  gridPass,
  PREVIEW_BLOCK,
  RESOLUTION,
  UNIT_SIDE
} from "../../src/components/playgroundPass.js";

/** As much of a trainer as the pass reads: its network, features and inputsOf (x₁, x₂, x₁x₂). */
function trainerOf(
  seed: number,
  mlp: Mlp = createMlp({sizes: [3, 4, 4, 1], activation: "tanh", outputActivation: "tanh", seed})
) {
  const calls = {inputsOf: 0};
  const inputsOf = (points: Float64Array) => {
    calls.inputsOf++;
    const rows = new Float64Array((points.length / 2) * 3);
    for (let p = 0; p < points.length / 2; p++) {
      rows.set([points[2 * p], points[2 * p + 1], points[2 * p] * points[2 * p + 1]], 3 * p);
    }
    return rows;
  };
  return {mlp, features: ["x1", "x2", "x1x2"], inputsOf, calls};
}

/**
 * Counts the network's forward passes over blocks of examples: every pass over many examples
 * (predict's, which unitValuesAt reads) calls each layer's kernel once per block of 256.
 */
function countKernelCalls(mlp: Mlp) {
  const count = {calls: 0};
  mlp.scratch.kernels = mlp.scratch.kernels.map((kernel) => (z, a, slopes, n) => {
    count.calls++;
    kernel(z, a, slopes, n);
  });
  return count;
}
const blocksOf = (points: number) => Math.ceil(points / 256);

/** The grid's points: the full grid's at the cells of cellsOf(block). */
function pointsOf(block: number): Float64Array {
  const full = heatGrid([-EXTENT, EXTENT], RESOLUTION).inputs;
  const rows = cellsOf(block);
  return Float64Array.from({length: 2 * rows.length}, (_, k) => full[2 * rows[k >> 1] + (k & 1)]);
}

describe("gridPass", () => {
  it("gives the outputs over the full grid, or the preview grid, as predict does, until given unitValuesAt", () => {
    const trainer = trainerOf(1);
    const pass = gridPass();
    for (const block of [1, PREVIEW_BLOCK]) {
      const result = pass.over(trainer, block);
      expect(result.block).toBe(block);
      expect(result.side).toBe(RESOLUTION / block);
      expect(result.values).toBeNull();
      const inputs = trainer.inputsOf(pointsOf(block));
      expect(Array.from(result.inputs)).toEqual(Array.from(inputs));
      expect(Array.from(result.output)).toEqual(Array.from(predict(trainer.mlp, inputs)));
    }
    expect(pass.over(trainer).block).toBe(1); // the full grid by default
    const outputs: number[] = Array.from(pass.over(trainer, PREVIEW_BLOCK).output);
    pass.withUnits(unitValuesAt);
    // the diagram has come: the preview grid's next pass records every unit, without waiting for a change
    const result = pass.over(trainer, PREVIEW_BLOCK);
    expect(result.values?.z).toHaveLength(3);
    expect(Array.from(result.output)).toEqual(outputs);
    expect(result.output).toBe(result.values?.a[2]);
  });

  it("given unitValuesAt, one pass over the full grid gives its outputs and every unit at the preview cells", () => {
    const trainer = trainerOf(
      1,
      createMlp({sizes: [3, 5, 5, 5, 1], activation: "tanh", residual: true, seed: 1})
    );
    const kernels = countKernelCalls(trainer.mlp);
    const pass = gridPass();
    pass.withUnits((...args: Parameters<typeof unitValuesAt>) => {
      units++;
      return unitValuesAt(...args);
    });
    let units = 0;
    const full = pass.over(trainer, 1);
    const preview = pass.over(trainer, PREVIEW_BLOCK);
    // one pass: every layer once per block of the full grid, and nothing more for the preview
    expect(units).toBe(1);
    expect(kernels.calls).toBe(4 * blocksOf(RESOLUTION ** 2));
    expect(full.values).toBeNull();
    expect(Array.from(full.output)).toEqual(Array.from(predict(trainer.mlp, full.inputs)));
    expect(preview.side).toBe(UNIT_SIDE);
    // the preview's inputs are the full grid's at its cells, and its units unitValues' there
    const cells = cellsOf(PREVIEW_BLOCK);
    expect(Array.from(preview.inputs)).toEqual(
      Array.from(cells).flatMap((row) => Array.from(full.inputs.subarray(3 * row, 3 * row + 3)))
    );
    expect(Array.from(preview.inputs)).toEqual(Array.from(trainer.inputsOf(pointsOf(PREVIEW_BLOCK))));
    expect(preview.values).toEqual(unitValues(trainer.mlp, preview.inputs));
    expect(preview.output).toBe(preview.values?.a[3]);
    expect(Array.from(preview.output)).toEqual(Array.from(cells).map((row) => full.output[row]));
    const calls = kernels.calls;
    expect(pass.over(trainer, PREVIEW_BLOCK)).toBe(preview); // read, not run again
    expect(pass.over(trainer, 1)).toBe(full);
    expect(kernels.calls).toBe(calls);
  });

  it("the preview grid asked first (a slider's preview, or a diagram with no map drawn) runs over its own cells alone", () => {
    const trainer = trainerOf(5);
    const kernels = countKernelCalls(trainer.mlp);
    const pass = gridPass();
    // without the diagram: predict over the preview's cells
    const cheap = pass.over(trainer, PREVIEW_BLOCK);
    expect(kernels.calls).toBe(3 * blocksOf(UNIT_SIDE ** 2));
    pass.withUnits(unitValuesAt);
    pass.invalidate();
    const preview = pass.over(trainer, PREVIEW_BLOCK);
    expect(kernels.calls).toBe(2 * 3 * blocksOf(UNIT_SIDE ** 2));
    // the full grid's pass then computes its outputs alone, leaving the preview's units as they are
    const full = pass.over(trainer, 1);
    expect(kernels.calls).toBe(2 * 3 * blocksOf(UNIT_SIDE ** 2) + 3 * blocksOf(RESOLUTION ** 2));
    expect(preview.values).toEqual(unitValues(trainer.mlp, preview.inputs));
    expect(Array.from(preview.output)).toEqual(Array.from(cheap.output));
    expect(Array.from(full.output)).toEqual(Array.from(predict(trainer.mlp, full.inputs)));
    expect(pass.over(trainer, PREVIEW_BLOCK)).toBe(preview);
  });

  it("computes each grid once until invalidated, or the trainer or its network changes", () => {
    const trainer = trainerOf(2);
    const pass = gridPass();
    pass.withUnits(unitValuesAt);
    const full = pass.over(trainer, 1);
    const preview = pass.over(trainer, PREVIEW_BLOCK);
    const output = Array.from(full.output);
    const unitOutput = Array.from(preview.output);
    expect(pass.over(trainer, 1)).toBe(full);
    expect(pass.over(trainer, PREVIEW_BLOCK)).toBe(preview);
    // a weight changed: the cached values are stale until the owner says so
    trainer.mlp.weights[2][0] += 1;
    expect(Array.from(pass.over(trainer, 1).output)).toEqual(output);
    expect(Array.from(pass.over(trainer, PREVIEW_BLOCK).output)).toEqual(unitOutput);
    pass.invalidate();
    const changed = pass.over(trainer, 1);
    expect(Array.from(changed.output)).not.toEqual(output);
    expect(Array.from(changed.output)).toEqual(Array.from(predict(trainer.mlp, changed.inputs)));
    const changedUnits = pass.over(trainer, PREVIEW_BLOCK);
    expect(Array.from(changedUnits.output)).not.toEqual(unitOutput);
    expect(changedUnits.values).toEqual(unitValues(trainer.mlp, changedUnits.inputs));
    // the inputs are made once per grid and inputsOf
    expect(trainer.calls.inputsOf).toBe(2);
    const other = trainerOf(3);
    const next = pass.over(other, PREVIEW_BLOCK);
    expect(next.values).toEqual(unitValues(other.mlp, next.inputs));
    expect(other.calls.inputsOf).toBe(1);
    const nextMlp = {...trainer, mlp: createMlp({sizes: [3, 4, 4, 1], activation: "tanh", seed: 9})};
    expect(pass.over(nextMlp, 1)).not.toBe(changed); // another network: computed again
    expect(pass.over(nextMlp, PREVIEW_BLOCK).values).toEqual(unitValues(nextMlp.mlp, changedUnits.inputs));
  });

  it("the preview grid's cells are the full grid's every third cell centre, from the second, where heatGrid puts a grid of their size", () => {
    expect(UNIT_SIDE * PREVIEW_BLOCK).toBe(RESOLUTION);
    expect(Array.from(cellsOf(1))).toEqual(Array.from({length: RESOLUTION ** 2}, (_, k) => k));
    const rows = cellsOf(PREVIEW_BLOCK);
    expect(rows).toHaveLength(UNIT_SIDE ** 2);
    expect(Array.from(rows.slice(0, 3))).toEqual([RESOLUTION + 1, RESOLUTION + 4, RESOLUTION + 7]);
    expect(rows[UNIT_SIDE]).toBe(4 * RESOLUTION + 1); // the preview's second row
    const full = heatGrid([-EXTENT, EXTENT], RESOLUTION).inputs;
    const preview = heatGrid([-EXTENT, EXTENT], UNIT_SIDE).inputs;
    for (let p = 0; p < UNIT_SIDE ** 2; p++) {
      const i = Math.floor(p / UNIT_SIDE);
      const j = p % UNIT_SIDE;
      expect(rows[p]).toBe((PREVIEW_BLOCK * i + 1) * RESOLUTION + PREVIEW_BLOCK * j + 1);
      for (const axis of [0, 1]) expect(full[2 * rows[p] + axis]).toBeCloseTo(preview[2 * p + axis], 14);
    }
  });

  it("an error from inputsOf or the network reaches the caller each time, and a good trainer then runs", () => {
    const pass = gridPass();
    pass.withUnits(unitValuesAt);
    const good = trainerOf(4);
    const broken = {...good, inputsOf: () => new Float64Array(5)};
    expect(() => pass.over(broken, 1)).toThrow(/inputs has 5 numbers/);
    expect(() => pass.over(broken, PREVIEW_BLOCK)).toThrow(/inputs has 5 numbers/);
    const failing = {
      ...good,
      inputsOf: () => {
        throw new Error("no such feature");
      }
    };
    expect(() => pass.over(failing, 1)).toThrow("no such feature");
    expect(() => pass.over(failing, PREVIEW_BLOCK)).toThrow("no such feature");
    expect(pass.over(good, 1).output).toHaveLength(RESOLUTION ** 2);
    expect(pass.over(good, PREVIEW_BLOCK).values?.a[2]).toHaveLength(UNIT_SIDE ** 2);
  });
});
