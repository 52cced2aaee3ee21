// The page receives lib's run without the histograms: every statistic it draws or writes is
// lib's own, and nothing that is a histogram crosses from the worker.
import {describe, expect, test} from "vitest";
import {drawnResult, spreadWithoutHistogram} from "../../src/components/deepStatsPayload.js";
import {deepStats} from "../../lib/deepStats.js";
import {spreadOf} from "../../lib/spread.js";

const run = () =>
  deepStats({depth: 4, width: 16, batch: 32, initialisation: "xavier", activation: "tanh", seed: 3});

const histogramKeys = ["histogram", "below", "above", "bins"];

describe("spreadWithoutHistogram", () => {
  test("keeps every summary of a spread and drops its histogram, bins and counts outside them", () => {
    const spread = spreadOf(Float64Array.from([-9, -1, 0, 0.5, 2, 9]));
    const kept = spreadWithoutHistogram(spread)!;
    for (const key of histogramKeys) expect(kept).not.toHaveProperty(key);
    const {histogram, below, above, bins, ...summary} = spread;
    expect(histogram.reduce((a, b) => a + b, 0) + below + above).toBe(6); // the input had one
    expect(bins).toBeDefined();
    expect(kept).toEqual(summary);
    expect(Object.keys(kept).sort()).toEqual(
      ["count", "nanCount", "mean", "secondMoment", "variance", "min", "max", "quantiles"].sort()
    );
  });

  test("a spread not yet computed (null) stays null", () => {
    expect(spreadWithoutHistogram(null)).toBeNull();
  });
});

describe("drawnResult", () => {
  test("every spread of the run loses its histogram; every other field is lib's, unchanged", () => {
    const result = run();
    const drawn = drawnResult(result);
    const spreads = [drawn.input, drawn.topGradient, ...drawn.layers.flatMap((l) => [l.pre, l.post, l.gradient])];
    expect(spreads).toHaveLength(2 + 3 * 4);
    for (const spread of spreads) for (const key of histogramKeys) expect(spread).not.toHaveProperty(key);
    // put the histograms back and it is lib's result again, field for field
    const restore = (mine: object | null, libs: {histogram: number[]; below: number; above: number; bins: object} | null) =>
      libs && {...mine, histogram: libs.histogram, below: libs.below, above: libs.above, bins: libs.bins};
    expect({
      ...drawn,
      input: restore(drawn.input, result.input),
      topGradient: restore(drawn.topGradient, result.topGradient),
      layers: drawn.layers.map((l, i) => ({
        ...l,
        pre: restore(l.pre, result.layers[i].pre),
        post: restore(l.post, result.layers[i].post),
        gradient: restore(l.gradient, result.layers[i].gradient)
      }))
    }).toEqual(result);
  });

  test("a partial run's layers without a gradient keep null, and lib's result is left as it was", () => {
    const result = run();
    const partial = {...result, layers: result.layers.map((l, i) => (i < 2 ? {...l, gradient: null} : l))};
    const before = structuredClone(partial);
    const drawn = drawnResult(partial);
    expect(drawn.layers[0].gradient).toBeNull();
    expect(drawn.layers[3].gradient).not.toBeNull();
    expect(partial).toEqual(before);
  });

  test("it is smaller to send: a structured clone of it carries far fewer numbers", () => {
    const result = deepStats({depth: 20, width: 32, batch: 32, initialisation: "he", activation: "relu", seed: 1});
    const numbers = (value: unknown): number =>
      Array.isArray(value)
        ? value.reduce((n: number, v) => n + numbers(v), 0)
        : value && typeof value === "object"
          ? Object.values(value).reduce((n: number, v) => n + numbers(v), 0)
          : typeof value === "number"
            ? 1
            : 0;
    const drawn = structuredClone(drawnResult(result));
    expect(numbers(drawn)).toBeLessThan(numbers(result) / 2);
  });
});
