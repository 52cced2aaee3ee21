// The sliced runner gives the event loop back between layers, so a page never freezes while
// a deep network is computed, and a newer run makes an older one stop.
import {describe, expect, it} from "vitest";
import {createDeepStatsRunner, nextTask, runDeepStats} from "../../src/components/deepStatsRunner.js";
import {deepStats} from "../../lib/index.js";
import type {DeepStatsOptions} from "../../lib/index.js";

const options: DeepStatsOptions = {
  depth: 6,
  width: 16,
  batch: 8,
  initialisation: "he",
  activation: "relu",
  seed: 2
};

describe("runDeepStats", () => {
  it("yields between slices and ends with exactly deepStats' result", async () => {
    let yields = 0;
    const progress: number[] = [];
    const result = await runDeepStats(options, {
      sliceMs: 0, // one layer per slice
      yieldTo: async () => void yields++,
      onProgress: (done: number, total: number) => {
        expect(total).toBe(12);
        progress.push(done);
      }
    });
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(yields).toBe(11);
    expect(result).toEqual(deepStats(options));
  });

  it("lets other tasks run while it works", async () => {
    const order: string[] = [];
    const running = runDeepStats(options, {
      sliceMs: 0,
      onProgress: (done: number) => order.push(`layer step ${done}`)
    });
    nextTask().then(() => order.push("another task"));
    await running;
    const other = order.indexOf("another task");
    expect(other).toBeGreaterThan(0);
    expect(other).toBeLessThan(order.length - 1); // it ran before the last slice, not after the whole run
  });

  it("stops at the next slice when aborted, rejecting with an AbortError", async () => {
    const controller = new AbortController();
    let slices = 0;
    const running = runDeepStats(options, {
      sliceMs: 0,
      signal: controller.signal,
      onProgress: () => {
        if (++slices === 3) controller.abort();
      }
    });
    await expect(running).rejects.toMatchObject({name: "AbortError"});
    expect(slices).toBe(3);
    const already = new AbortController();
    already.abort();
    await expect(runDeepStats(options, {signal: already.signal})).rejects.toMatchObject({name: "AbortError"});
  });

  it("rejects bad options with lib's message instead of throwing", async () => {
    const running = runDeepStats({...options, depth: 0});
    expect(running).toBeInstanceOf(Promise);
    await expect(running).rejects.toThrow(/^depth must be an integer from 1 to 100, got 0$/);
  });
});

describe("createDeepStatsRunner", () => {
  it("cancels a stale run when a new one starts: the stale one resolves null", async () => {
    const runner = createDeepStatsRunner({sliceMs: 0});
    const first = runner.run(options);
    expect(runner.busy).toBe(true);
    const second = runner.run({...options, activation: "tanh", initialisation: "xavier"});
    expect(await first).toBeNull();
    expect(await second).toEqual(deepStats({...options, activation: "tanh", initialisation: "xavier"}));
    expect(runner.busy).toBe(false);
  });

  it("cancel() stops the run going; a bad option rejects and leaves the runner free", async () => {
    const runner = createDeepStatsRunner({sliceMs: 0});
    const running = runner.run(options);
    runner.cancel();
    expect(await running).toBeNull();
    await expect(runner.run({...options, scale: NaN})).rejects.toThrow(/^scale must be a finite number/);
    expect(runner.busy).toBe(false);
    expect((await runner.run(options))?.layers).toHaveLength(6);
  });
});
