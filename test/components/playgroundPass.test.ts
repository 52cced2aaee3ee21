// The playground's shared forward passes (src/components/playgroundPass.js): the outputs over the
// full and the preview grid, every unit over the preview grid, when each computes again, and how
// the two grids line up.
import {describe, expect, it} from "vitest";
import {heatGrid} from "../../lib/heatmap.js";
import {createMlp, predict} from "../../lib/mlp.js";
import {unitValues} from "../../lib/mlpUnits.js";
import {EXTENT, gridPass, PREVIEW_BLOCK, RESOLUTION, UNIT_SIDE} from "../../src/components/playgroundPass.js";

/** As much of a trainer as the pass reads: its network, features and inputsOf (x₁, x₂, x₁x₂). */
function trainerOf(seed: number) {
  const mlp = createMlp({sizes: [3, 4, 4, 1], activation: "tanh", outputActivation: "tanh", seed});
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

describe("gridPass", () => {
  it("gives the outputs over the full grid, or the preview grid, as predict does, until given unitValues", () => {
    const trainer = trainerOf(1);
    const pass = gridPass();
    for (const block of [1, PREVIEW_BLOCK]) {
      const grid = heatGrid([-EXTENT, EXTENT], RESOLUTION / block);
      const result = pass.over(trainer, block);
      expect(result.block).toBe(block);
      expect(result.side).toBe(RESOLUTION / block);
      expect(result.values).toBeNull();
      expect(Array.from(result.inputs)).toEqual(Array.from(trainer.inputsOf(grid.inputs)));
      expect(Array.from(result.output)).toEqual(
        Array.from(predict(trainer.mlp, trainer.inputsOf(grid.inputs)))
      );
    }
    expect(pass.over(trainer).block).toBe(1); // the full grid by default
    const outputs: number[] = Array.from(pass.over(trainer, PREVIEW_BLOCK).output);
    pass.withUnits(unitValues);
    // the diagram has come: the preview grid's next pass records every unit, without waiting for a change
    const result = pass.over(trainer, PREVIEW_BLOCK);
    expect(result.values?.z).toHaveLength(3);
    for (const [k, y] of outputs.entries()) expect(result.output[k]).toBeCloseTo(y, 12);
    expect(result.output).toBe(result.values?.a[2]);
  });

  it("given unitValues, gives every unit over the preview grid, as unitValues does, and the full grid's outputs alone", () => {
    const trainer = trainerOf(1);
    const pass = gridPass();
    pass.withUnits(unitValues);
    const preview = pass.over(trainer, PREVIEW_BLOCK);
    const grid = heatGrid([-EXTENT, EXTENT], UNIT_SIDE);
    expect(preview.side).toBe(UNIT_SIDE);
    expect(preview.values).toEqual(unitValues(trainer.mlp, trainer.inputsOf(grid.inputs)));
    const full = pass.over(trainer, 1);
    expect(full.values).toBeNull();
    expect(Array.from(full.output)).toEqual(
      Array.from(predict(trainer.mlp, trainer.inputsOf(heatGrid([-EXTENT, EXTENT], RESOLUTION).inputs)))
    );
  });

  it("computes each grid once until invalidated, or the trainer or its network changes", () => {
    const trainer = trainerOf(2);
    const pass = gridPass();
    pass.withUnits(unitValues);
    const full = pass.over(trainer, 1);
    const preview = pass.over(trainer, PREVIEW_BLOCK);
    const output = Array.from(full.output);
    const unitOutput = Array.from(preview.output);
    expect(pass.over(trainer, 1)).toBe(full); // the preview's pass did not replace the full grid's
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
  });

  it("the preview grid's cells are the full grid's every third cell centre, from the second", () => {
    expect(UNIT_SIDE * PREVIEW_BLOCK).toBe(RESOLUTION);
    const full = heatGrid([-EXTENT, EXTENT], RESOLUTION).inputs;
    const preview = heatGrid([-EXTENT, EXTENT], UNIT_SIDE).inputs;
    const first = (PREVIEW_BLOCK - 1) / 2;
    for (let p = 0; p < UNIT_SIDE ** 2; p++) {
      const cell =
        (first + PREVIEW_BLOCK * Math.floor(p / UNIT_SIDE)) * RESOLUTION +
        first +
        PREVIEW_BLOCK * (p % UNIT_SIDE);
      for (const axis of [0, 1]) expect(full[2 * cell + axis]).toBeCloseTo(preview[2 * p + axis], 14);
    }
  });

  it("an error from inputsOf or the network reaches the caller each time, and a good trainer then runs", () => {
    const pass = gridPass();
    pass.withUnits(unitValues);
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
