// @vitest-environment jsdom
// The one log axis: decades as the domain, power-of-ten ticks, and an axis re-ticked in place
// that reads as Plot draws it afresh.
import * as Plot from "@observablehq/plot";
import {describe, expect, test} from "vitest";
import {logAxis, logMap, setLogAxis} from "../../src/components/logAxis.js";
import {formatPowerOfTen} from "../../src/components/format.js";

describe("logAxis", () => {
  test("whole decades around the values, a tick at each power of ten from the top", () => {
    expect(logAxis(0.003, 2)).toEqual({domain: [1e-3, 10], ticks: [10, 1, 0.1, 0.01, 1e-3]});
    expect(logAxis(1e-3, 1)).toEqual({domain: [1e-3, 1], ticks: [1, 0.1, 0.01, 1e-3]});
  });
  test("at most `count` ticks: every second, third, … decade over a wide range", () => {
    const {domain, ticks} = logAxis(1e-12, 1, {count: 4});
    expect(domain).toEqual([1e-12, 1]);
    expect(ticks).toEqual([1, 1e-3, 1e-6, 1e-9, 1e-12]);
    expect(logAxis(1e-10, 1, {count: 6}).ticks).toEqual([1, 1e-2, 1e-4, 1e-6, 1e-8, 1e-10]);
  });
  test("snaps its ends out to multiples of `snap` decades, so small moves keep it", () => {
    expect(logAxis(2e-5, 1, {snap: 3}).domain).toEqual([1e-6, 1]);
    expect(logAxis(2e-3, 1, {snap: 3}).domain).toEqual([1e-3, 1]);
    expect(logAxis(9e-4, 1, {snap: 3}).domain).toEqual([1e-6, 1]);
    expect(logAxis(1e-4, 1, {snap: 3})).toEqual(logAxis(5e-6, 1, {snap: 3}));
  });
  test("widens a domain within one decade, and never fails on bad input", () => {
    expect(logAxis(1, 1).domain).toEqual([0.1, 10]);
    expect(logAxis(3, 3).domain).toEqual([1, 10]);
    for (const bad of [0, -1, NaN, Infinity, -Infinity]) {
      const {domain, ticks} = logAxis(bad, 100);
      expect(domain).toEqual([1, 100]);
      expect(ticks).toEqual([100, 10, 1]);
      expect(logAxis(bad, bad).domain).toEqual([0.1, 10]);
    }
    // the ends the wrong way round are put right
    expect(logAxis(100, 0.01).domain).toEqual([0.01, 100]);
  });
  test("oneTwoFive: 2× and 5× ticks over two decades or less, a tick on each end", () => {
    expect(logAxis(0.03, 0.2, {oneTwoFive: true})).toEqual({domain: [0.01, 1], ticks: [1, 0.5, 0.2, 0.1, 0.05, 0.02, 0.01]});
    expect(logAxis(0.3, 2, {oneTwoFive: true}).ticks).toEqual([10, 5, 2, 1, 0.5, 0.2, 0.1]);
    // three decades and more: powers of ten only, as without the option
    expect(logAxis(2e-4, 0.5, {oneTwoFive: true})).toEqual(logAxis(2e-4, 0.5));
    // seven decades at six ticks: every second one, the lower end moved down to a tick
    expect(logAxis(2e-7, 0.5, {oneTwoFive: true})).toEqual({domain: [1e-8, 1], ticks: [1, 1e-2, 1e-4, 1e-6, 1e-8]});
    expect(logAxis(2e-7, 0.5).domain).toEqual([1e-7, 1]);
    // one value: widened a decade each way, then 1-2-5
    expect(logAxis(1, 1, {oneTwoFive: true}).ticks).toEqual([10, 5, 2, 1, 0.5, 0.2, 0.1]);
    for (const bad of [0, NaN, -Infinity]) expect(logAxis(bad, bad, {oneTwoFive: true}).domain).toEqual([0.1, 10]);
  });
});

describe("logMap", () => {
  test("places decades evenly", () => {
    const y = logMap([1e-3, 1e3], [300, 0]);
    expect(y(1e-3)).toBeCloseTo(300, 9);
    expect(y(1)).toBeCloseTo(150, 9);
    expect(y(1e3)).toBeCloseTo(0, 9);
    expect(logMap([10, 10], [0, 100])(10)).toBe(0);
  });
});

describe("setLogAxis", () => {
  const chartOf = ({domain, ticks}: {domain: number[]; ticks: number[]}) =>
    Plot.plot({
      width: 400,
      height: 300,
      y: {type: "log", domain, ticks, grid: true, tickFormat: formatPowerOfTen},
      marks: [Plot.dot([], {x: (d: number) => d, y: (d: number) => d})]
    });
  const labels = (chart: Element) =>
    [...chart.querySelectorAll('g[aria-label="y-axis tick label"] > *')].map((e) => [
      e.textContent,
      Number(/translate\([^,]+,([^)]+)\)/.exec(e.getAttribute("transform")!)![1])
    ]);

  test("re-ticks in place as Plot draws the new axis afresh", () => {
    const before = logAxis(1e-4, 1);
    const after = logAxis(1e-12, 10, {count: 5});
    const chart = chartOf(before);
    const range = chart.scale("y")!.range as [number, number];
    setLogAxis(chart, "y", after, before, range, formatPowerOfTen);
    const ours = labels(chart);
    const theirs = labels(chartOf(after));
    expect(ours.map(([t]) => t)).toEqual(theirs.map(([t]) => t));
    ours.forEach(([, y], i) => expect(y).toBeCloseTo(theirs[i][1] as number, 6));
  });
});
