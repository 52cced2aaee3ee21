// The playground's shared forward pass (src/components/playgroundPass.js): what it computes over
// the full and the preview grid, when it computes again, and how the diagram's maps sample it.
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
      expect(result.values).toBeNull();
      expect(Array.from(result.output)).toEqual(
        Array.from(predict(trainer.mlp, trainer.inputsOf(grid.inputs)))
      );
    }
    const outputs = Array.from(pass.over(trainer, PREVIEW_BLOCK).output);
    pass.withUnits(unitValues);
    // the diagram has come: the next call records every unit, without waiting for a change
    const result = pass.over(trainer, PREVIEW_BLOCK);
    expect(result.values?.z).toHaveLength(3);
    expect(Array.from(result.output)).toEqual(outputs);
    expect(result.output).toBe(result.values?.a[2]);
  });

  it("given unitValues, gives every unit over the full grid, or the preview grid, as unitValues does", () => {
    const trainer = trainerOf(1);
    const pass = gridPass();
    pass.withUnits(unitValues);
    for (const block of [1, PREVIEW_BLOCK]) {
      const grid = heatGrid([-EXTENT, EXTENT], RESOLUTION / block);
      const expected = unitValues(trainer.mlp, trainer.inputsOf(grid.inputs));
      const result = pass.over(trainer, block);
      expect(result.block).toBe(block);
      expect(result.side).toBe(RESOLUTION / block);
      expect(Array.from(result.inputs)).toEqual(Array.from(trainer.inputsOf(grid.inputs)));
      expect(result.values).toEqual(expected);
    }
  });

  it("computes once until invalidated, the trainer or its network changes, or another block is asked for", () => {
    const trainer = trainerOf(2);
    const pass = gridPass();
    pass.withUnits(unitValues);
    const first = pass.over(trainer, 1);
    const output = Array.from(first.values.a[2]);
    expect(pass.over(trainer, 1)).toBe(first);
    expect(pass.over(trainer)).toBe(first); // any block: the last one
    // a weight changed: the cached values are stale until the owner says so
    trainer.mlp.weights[2][0] += 1;
    expect(Array.from(pass.over(trainer, 1).values.a[2])).toEqual(output);
    pass.invalidate();
    const changed = pass.over(trainer, 1);
    expect(Array.from(changed.values.a[2])).not.toEqual(output);
    expect(Array.from(changed.values.a[2])).toEqual(Array.from(unitValues(trainer.mlp, changed.inputs).a[2]));
    // the inputs are made once per grid and inputsOf
    const calls = trainer.calls.inputsOf;
    expect(pass.over(trainer, PREVIEW_BLOCK).block).toBe(PREVIEW_BLOCK);
    expect(pass.over(trainer).block).toBe(PREVIEW_BLOCK);
    pass.invalidate();
    expect(pass.over(trainer).block).toBe(1); // nothing current: the full grid
    expect(trainer.calls.inputsOf).toBe(calls + 1); // the preview grid's, the first time
    const other = trainerOf(3);
    const next = pass.over(other, 1);
    expect(Array.from(next.values.a[2])).toEqual(Array.from(unitValues(other.mlp, next.inputs).a[2]));
    expect(other.calls.inputsOf).toBe(1);
  });

  it("the diagram's maps read the full grid at every third cell from the second: the preview grid's cells", () => {
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
    const good = trainerOf(4);
    const broken = {...good, inputsOf: () => new Float64Array(5)};
    expect(() => pass.over(broken, 1)).toThrow(/inputs has 5 numbers/);
    expect(() => pass.over(broken, 1)).toThrow(/inputs has 5 numbers/);
    const failing = {
      ...good,
      inputsOf: () => {
        throw new Error("no such feature");
      }
    };
    expect(() => pass.over(failing, 1)).toThrow("no such feature");
    expect(pass.over(good, 1).output).toHaveLength(RESOLUTION ** 2);
  });
});
