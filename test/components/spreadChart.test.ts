// @vitest-environment jsdom
// The spread chart of the initialisation page: the sizes it draws are lib's spreads, its bands
// break where a value cannot sit on a log axis, and a chart drawn for one run and updated to
// another is the chart drawn for the second.
import {describe, expect, test} from "vitest";
import {deepStats} from "../../lib/deepStats.js";
import {spreadOf} from "../../lib/spread.js";
import {bandPath, dotsPath, spreadChart, spreadRows, spreadSizes} from "../../src/components/spreadChart.js";

const run = (options: Partial<Parameters<typeof deepStats>[0]> = {}) =>
  deepStats({depth: 6, width: 16, batch: 32, initialisation: "he", activation: "relu", seed: 2, ...options});

/** Markup with every number rounded to 0.01 (an axis moved in place may differ from Plot's in the 14th digit). */
const rounded = (svg: Element) =>
  svg.outerHTML.replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 100) / 100));

describe("spreadSizes", () => {
  test("the root mean square and the half-widths of the middle 50 % and 90 % of a known sample", () => {
    // 0, 1, …, 100: quantiles (type 7) at 5, 25, 75, 95; E[x²] = 100·201/6 = 3350
    const spread = spreadOf(Float64Array.from({length: 101}, (_, i) => i));
    const sizes = spreadSizes(spread)!;
    expect(sizes.rms).toBeCloseTo(Math.sqrt(3350), 12);
    expect(sizes.inner).toBeCloseTo((75 - 25) / 2, 12);
    expect(sizes.outer).toBeCloseTo((95 - 5) / 2, 12);
  });

  test("no spread (the backward pass has not arrived) gives null", () => {
    expect(spreadSizes(null)).toBeNull();
  });

  test("a standard normal sample: half-widths near the normal's quantiles 0.674 and 1.645", () => {
    const result = deepStats({
      depth: 1,
      width: 128,
      batch: 512,
      initialisation: "lecun",
      activation: "linear",
      seed: 5
    });
    const sizes = spreadSizes(result.input)!;
    expect(sizes.inner).toBeGreaterThan(0.65);
    expect(sizes.inner).toBeLessThan(0.7);
    expect(sizes.outer).toBeGreaterThan(1.6);
    expect(sizes.outer).toBeLessThan(1.69);
  });
});

describe("spreadRows", () => {
  test("one row per layer, from lib's pre-activation and gradient spreads", () => {
    const result = run();
    const rows = spreadRows(result);
    expect(rows.map((r) => r.layer)).toEqual([1, 2, 3, 4, 5, 6]);
    rows.forEach((row, i) => {
      expect(row.forward!.rms).toBe(Math.sqrt(result.layers[i].pre.secondMoment));
      expect(row.backward!.rms).toBe(Math.sqrt(result.layers[i].gradient!.secondMoment));
    });
  });
});

describe("bandPath", () => {
  const identity = (v: number) => v;
  test("a closed outline along the upper values and back along the lower ones", () => {
    expect(bandPath([1, 2, 3], [1, 1, 1], [2, 3, 4], identity, identity)).toBe("M1,2L2,3L3,4L3,1L2,1L1,1Z");
  });
  test("breaks where a value is 0, negative, NaN or infinite, and leaves out a lone point", () => {
    const d = bandPath([1, 2, 3, 4, 5, 6], [1, 1, 0, 1, 1, 1], [2, 2, 2, 2, NaN, 2], identity, identity);
    expect(d).toBe("M1,2L2,2L2,1L1,1Z");
    expect(bandPath([1, 2], [-1, Infinity], [1, 1], identity, identity)).toBe("");
  });
});

/** How many dots a series draws (a circle per layer, all in one path). */
const dotCount = (chart: Element, series: string) =>
  (chart.querySelector(`g.${series}[aria-label="dot"] path`)!.getAttribute("d")!.match(/M/g) ?? []).length;

describe("dotsPath", () => {
  test("a closed circle of two half arcs at each position, as d3-path draws a circle", () => {
    expect(dotsPath([10, 20.5], [30, 40], 2.5)).toBe(
      "M12.5,30A2.5,2.5,0,1,1,7.5,30A2.5,2.5,0,1,1,12.5,30Z" + "M23,40A2.5,2.5,0,1,1,18,40A2.5,2.5,0,1,1,23,40Z"
    );
  });

  test("no positions, no dots; the radius defaults to the chart's 2.5 px", () => {
    expect(dotsPath([], [])).toBe("");
    expect(dotsPath([0], [0])).toBe("M2.5,0A2.5,2.5,0,1,1,-2.5,0A2.5,2.5,0,1,1,2.5,0Z");
  });
});

describe("spreadChart", () => {
  test("drawn for one run and updated to another, it is the chart drawn for the second", () => {
    const a = run();
    const b = run({depth: 12, initialisation: "standard", activation: "tanh", seed: 3});
    const updated = spreadChart(a, {width: 500}).update(b);
    const fresh = spreadChart(b, {width: 500});
    expect(rounded(updated)).toBe(rounded(fresh));
  });

  test("drawn empty (nothing computed yet), then updated, it is the chart drawn for the run", () => {
    const a = run({depth: 20});
    const updated = spreadChart(null, {width: 500});
    expect(updated.querySelectorAll("g.spread-forward circle").length).toBe(0);
    updated.update(a);
    expect(rounded(updated)).toBe(rounded(spreadChart(a, {width: 500})));
  });

  test("where more than half of the gradients are exactly 0, the band reaches the bottom of the axis", () => {
    const result = run({depth: 20, width: 32, batch: 64});
    const halfZero = spreadRows(result).findIndex((r) => !(r.backward!.inner > 0));
    expect(halfZero).toBeGreaterThanOrEqual(0);
    const chart = spreadChart(result, {width: 500});
    const bottom = chart.scale("y").range[0];
    const d = chart.querySelector("g.spread-backward.spread-band path")!.getAttribute("d")!;
    expect(d).toContain(`,${bottom}`);
  });

  test("a dot per layer for each pass, and a vanished gradient leaves no dot", () => {
    const chart = spreadChart(run(), {width: 500});
    expect(dotCount(chart, "spread-forward")).toBe(6);
    expect(dotCount(chart, "spread-backward")).toBe(6);
    // at the line's vertices: each dot's centre is a point of its series' line
    const line = chart.querySelector("g.spread-forward:not(.spread-band):not([aria-label=dot]) path")!.getAttribute("d")!;
    const dots = chart.querySelector('g.spread-forward[aria-label="dot"] path')!.getAttribute("d")!;
    const centres = [...dots.matchAll(/M([-\d.]+),([-\d.]+)/g)].map(([, x, y]) => [Number(x) - 2.5, Number(y)]);
    const vertices = [...line.matchAll(/([-\d.]+),([-\d.]+)/g)].map(([, x, y]) => [Number(x), Number(y)]);
    expect(centres).toHaveLength(vertices.length);
    centres.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(vertices[i][0], 1);
      expect(y).toBeCloseTo(vertices[i][1], 1);
    });
    // small weights with tanh through 100 layers: z and δ underflow to exactly 0 in the deepest layers
    const vanished = deepStats({
      depth: 100,
      width: 8,
      batch: 16,
      initialisation: "small",
      activation: "tanh",
      seed: 1,
      scale: 0.1
    });
    const zeros = vanished.layers.filter((l) => l.pre.secondMoment === 0).length;
    expect(zeros).toBeGreaterThan(0);
    const drawn = spreadChart(vanished, {width: 500});
    expect(dotCount(drawn, "spread-forward")).toBe(100 - zeros);
  });

  test("an update to the run already drawn, or a highlight of the layer already marked, changes nothing", async () => {
    const result = run();
    const chart = spreadChart(result, {width: 500}).highlight(3);
    const changes: MutationRecord[] = [];
    const observer = new MutationObserver((records) => changes.push(...records));
    observer.observe(chart, {subtree: true, attributes: true, childList: true, characterData: true});
    chart.update(structuredClone(result));
    chart.highlight(3);
    await Promise.resolve(); // mutation records arrive in a microtask
    expect(changes.concat(observer.takeRecords())).toEqual([]);
    chart.update(run({seed: 5}));
    expect(observer.takeRecords().length).toBeGreaterThan(0);
    observer.disconnect();
  });

  test("highlight marks a layer with a vertical rule, and null removes it", () => {
    const chart = spreadChart(run(), {width: 500});
    const marker = chart.querySelector("g.spread-marker path")!;
    chart.highlight(3);
    expect(marker.getAttribute("d")).toMatch(/^M[\d.]+,[\d.]+V[\d.]+$/);
    const at3 = marker.getAttribute("d");
    chart.highlight(4);
    expect(marker.getAttribute("d")).not.toBe(at3);
    chart.highlight(null);
    expect(marker.getAttribute("d")).toBe("");
  });

  test("the aria label reads the sizes at the first and last layers", () => {
    const result = run();
    const label = spreadChart(result, {width: 500}).getAttribute("aria-label")!;
    expect(label).toContain("6 layers");
    expect(label).toContain("layer 6");
  });
});
