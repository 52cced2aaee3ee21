// @vitest-environment jsdom
// The in-place chart helpers: an axis re-ticked in place reads as Plot draws it afresh (d3's
// own ticks and labels), nice domains are d3's, and line paths have gaps and stay within
// what SVG can read.
// @ts-expect-error d3 ships no type declarations (no @types/d3 here); it is the reference
import * as d3 from "d3";
import * as Plot from "@observablehq/plot";
import {describe, expect, test} from "vitest";
import {
  steadyCeiling,
  steadyDomain,
  steadyYAxis,
  linePath,
  linearMap,
  lineThrough,
  niceDomain,
  setLinearAxis,
  tickCount
} from "../../src/components/liveChart.js";

const domains: [number, number][] = [
  [0, 1],
  [-1.344, 1.344],
  [-9.5, 6.2],
  [0, 0.000167],
  [-22.1, 22.1],
  [1, 30],
  [0.5, 0.5000001],
  [-3.7, 1234.5],
  [-2.5e6, 7e6]
];

/** Every tick of a Plot chart's axis: its label, and the position of tick, label and grid line. */
function axisOf(chart: Element, axis: "x" | "y") {
  const part = (name: string) => [...chart.querySelectorAll(`g[aria-label="${axis}-${name}"] > *`)];
  return {
    labels: part("axis tick label").map((e) => e.textContent),
    labelAt: part("axis tick label").map((e) => e.getAttribute("transform")),
    tickAt: part("axis tick").map((e) => e.getAttribute("transform")),
    gridAt: part("grid").map((e) => [e.getAttribute(`${axis}1`), e.getAttribute(`${axis}2`)].map(Number))
  };
}

const chartOf = (x: [number, number], y: [number, number]) =>
  Plot.plot({
    width: 480,
    height: 300,
    x: {domain: x, grid: true},
    y: {domain: y, grid: true},
    marks: [Plot.dot([], {x: (d: number) => d, y: (d: number) => d})]
  });

describe("an axis re-ticked in place", () => {
  test.each(domains)("to [%d, %d] reads as Plot draws it afresh", (lo, hi) => {
    for (const axis of ["x", "y"] as const) {
      const fresh = chartOf(axis === "x" ? [lo, hi] : [0, 1], axis === "y" ? [lo, hi] : [0, 1]);
      const updated = chartOf([-7, 3], [-7, 3]);
      const range = updated.scale(axis)!.range as [number, number];
      setLinearAxis(updated, axis, [lo, hi], range);
      const ours = axisOf(updated, axis);
      const theirs = axisOf(fresh, axis);
      expect(ours.labels.length).toBeGreaterThan(0);
      expect(ours.labels).toEqual(theirs.labels);
      // positions agree to within a rounding of Plot's own
      for (const key of ["labelAt", "tickAt"] as const) {
        const numbers = (list: (string | null)[]) => list.flatMap((t) => (t ?? "").match(/-?\d[\d.]*(?:e[-+]?\d+)?/g)!.map(Number));
        const a = numbers(ours[key]);
        const b = numbers(theirs[key]);
        expect(a.length).toBe(b.length);
        a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
      }
      ours.gridAt.flat().forEach((v, i) => expect(v).toBeCloseTo(theirs.gridAt.flat()[i], 6));
    }
  });

  test("tick count follows Plot's spacing: one per 35 px up, one per 80 px across", () => {
    expect(tickCount([270, 20], "y")).toBeCloseTo(250 / 35, 12);
    expect(tickCount([40, 440], "x")).toBe(5);
  });
});

describe("steadyDomain", () => {
  test("holds [−1, 1] and every finite value, each end a steady step out", () => {
    expect(steadyDomain([[0, 0.5], [-0.2]])).toEqual([-1.5, 1.5]);
    expect(steadyDomain([[0.1, 4.2], [-2.5]])).toEqual([-3, 5]);
    expect(steadyDomain([[NaN, Infinity, -Infinity, 0.3]])).toEqual([-1.5, 1.5]);
    expect(steadyDomain([])).toEqual([-1.5, 1.5]);
    expect(steadyDomain([[-30], [12]])).toEqual([-50, 15]);
  });
});

describe("steadyYAxis", () => {
  test("re-ticks the y-axis only when the steady domain changes, moves the zero rule, maps values", () => {
    const chart = Plot.plot({y: {domain: [-1.5, 1.5]}, marks: [Plot.ruleY([0], {className: "zero"})]});
    const range = chart.scale("y")!.range as [number, number];
    const zero = chart.querySelector("g.zero line")!;
    const fit = steadyYAxis(chart, [-1.5, 1.5], range, zero);
    const ticksOf = () => [...chart.querySelectorAll('g[aria-label="y-axis tick label"] text')].map((t) => t.textContent);
    const before = ticksOf();
    const y = fit([[0.2, -0.4]]);
    expect(ticksOf()).toEqual(before);
    expect(y(-1.5)).toBeCloseTo(range[0], 9);
    expect(y(1.5)).toBeCloseTo(range[1], 9);
    const y2 = fit([[4.2]]);
    expect(y2(5)).toBeCloseTo(range[1], 9);
    expect(ticksOf()).not.toEqual(before);
    const top = (labels: (string | null)[]) => Math.max(...labels.map((t) => Number(t!.replace("−", "-"))));
    expect(top(before)).toBeLessThanOrEqual(1.5);
    expect(top(ticksOf())).toBeGreaterThanOrEqual(4);
    expect(Number(zero.getAttribute("y1"))).toBeCloseTo(y2(0), 9);
    expect(zero.getAttribute("y2")).toBe(zero.getAttribute("y1"));
  });
});

describe("steadyCeiling", () => {
  test("the first of 1, 1.5, 2, 3, 5, 7.5 × 10^k at least 8% above the top", () => {
    expect(steadyCeiling(0.25)).toBe(0.3);
    expect(steadyCeiling(0.277)).toBe(0.3);
    expect(steadyCeiling(0.28)).toBe(0.5);
    expect(steadyCeiling(1)).toBe(1.5);
    expect(steadyCeiling(0.9)).toBe(1);
    expect(steadyCeiling(6.5)).toBe(7.5);
    expect(steadyCeiling(7)).toBe(10);
    expect(steadyCeiling(0.0123)).toBe(0.015);
    expect(steadyCeiling(4200)).toBe(5000);
    expect(steadyCeiling(0.2, {headroom: 1})).toBe(0.2);
  });

  test("leaves at most 40% of the axis empty (3 → 5), in round numbers", () => {
    for (const top of [1e-6, 0.003, 0.07, 0.25, 0.29, 1, 2.2, 6.9, 31, 4200, 1e9]) {
      const c = steadyCeiling(top);
      expect(c).toBeGreaterThanOrEqual(top * 1.08);
      expect(c).toBeLessThanOrEqual(((top * 1.08 * 5) / 3) * (1 + 1e-12));
      expect(Number(c.toPrecision(2))).toBe(c);
    }
  });

  test("stays put while the data move a little", () => {
    // a loss sweeping 0.2 → 0.4 in 200 small steps: the axis changes twice, not 200 times
    const tops = Array.from({length: 200}, (_, i) => 0.2 + i * 0.001);
    expect([...new Set(tops.map((t) => steadyCeiling(t)))]).toEqual([0.3, 0.5]);
  });

  test("1 for no data, zero, NaN or infinity", () => {
    for (const top of [0, -1, NaN, Infinity]) expect(steadyCeiling(top)).toBe(1);
  });
});

describe("niceDomain", () => {
  test.each(domains)("[%d, %d] is niced as d3's scale.nice()", (lo, hi) => {
    expect(niceDomain([lo, hi])).toEqual(d3.scaleLinear().domain([lo, hi]).nice().domain());
  });
});

describe("maps and paths", () => {
  test("a linear map", () => {
    const x = linearMap([-2, 2], [40, 440]);
    expect(x(-2)).toBe(40);
    expect(x(0)).toBe(240);
    expect(x(2)).toBe(440);
    expect(linearMap([1, 1], [0, 100])(5)).toBe(0);
  });
  test("a line path leaves a gap where a value is not finite", () => {
    const id = (v: number) => v;
    expect(linePath([0, 1, 2], [0, 1, 4], id, id)).toBe("M0,0L1,1L2,4");
    expect(linePath([0, 1, 2, 3, 4], [0, 1, NaN, 9, 16], id, id)).toBe("M0,0L1,1M3,9L4,16");
    expect(linePath([0, 1], [Infinity, NaN], id, id)).toBe("");
    expect(linePath([0.123456, 1], [2.0049, 3], id, id)).toBe("M0.12,2L1,3");
  });
  test("a value far outside the chart is clamped a million pixels out, never written as it is", () => {
    // y up to 1e308 on an axis of [-1, 1] over 200 px: pixels of 1e40, 1e62 and -Infinity
    const x = linearMap([0, 4], [0, 400]);
    const y = linearMap([-1, 1], [200, 0]);
    for (const huge of [1e38, 1e60, 1e308, Number.MAX_VALUE]) {
      expect(linePath([0, 1, 2], [0, huge, 0], x, y)).toBe("M0,100L100,-1000000L200,100");
      expect(linePath([0, 1, 2], [0, -huge, 0], x, y)).toBe("M0,100L100,1000000L200,100");
      expect(linePath([0, 1], [huge, 0], x, y)).toBe("M0,-1000000L100,100");
    }
    // not finite: a gap, as before
    for (const gap of [Infinity, -Infinity, NaN])
      expect(linePath([0, 1, 2, 3], [0, gap, 0.5, 0], x, y)).toBe("M0,100M200,50L300,100");
    expect(linePath([NaN, 1, 2], [0, 0.5, 0], x, y)).toBe("M100,50L200,100");
    // a scale that overflows on a finite value clamps too; one that gives NaN leaves a gap
    expect(linePath([0, 1], [0, 1], x, () => -Infinity)).toBe("M0,-1000000L100,-1000000");
    expect(linePath([0, 1], [0, 1], x, () => NaN)).toBe("");
    // whatever comes in, every number in the path is one SVG reads
    const wild = [0, 1e38, -1e60, 1e308, -1e308, Infinity, -Infinity, NaN, -0, 5e-324, 1];
    const d = linePath(
      wild.map((_, i) => i),
      wild,
      x,
      y
    );
    for (const n of d.match(/-?[\d.e+]+/g)!.map(Number)) expect(Math.abs(n)).toBeLessThanOrEqual(1e6);
    expect(d).not.toMatch(/Infinity|NaN|e/);
  });
  test("a line path leaves out the points of a straight stretch, and keeps every bend", () => {
    const id = (v: number) => v;
    const xs = Array.from({length: 101}, (_, i) => i - 50);
    // a straight line, even one rounded to 0.01 px: one segment
    expect(
      linePath(
        xs,
        xs.map((v) => 0.3 * v + 1.234),
        id,
        id
      )
    ).toBe("M-50,-13.77L50,16.23");
    // ReLU: two straight arms, the bend kept
    expect(
      linePath(
        xs,
        xs.map((v) => Math.max(0, v)),
        id,
        id
      )
    ).toBe("M-50,0L0,0L50,50");
    // a point more than 0.05 px off the line through its neighbours stays
    expect(linePath([0, 1, 2], [0, 0.06, 0], id, id)).toBe("M0,0L1,0.06L2,0");
    expect(linePath([0, 1, 2], [0, 0.04, 0], id, id)).toBe("M0,0L2,0");
    // turning back along the same line is a bend too
    expect(linePath([0, 2, 1], [0, 0, 0], id, id)).toBe("M0,0L2,0L1,0");
    // gaps split straight runs, and a coarsely sampled curve keeps all its points
    expect(linePath([0, 1, 2, 3, 4, 5], [0, 1, 2, NaN, 4, 5], id, id)).toBe("M0,0L2,2M4,4L5,5");
    const parabola = [-5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5];
    expect(
      linePath(
        parabola,
        parabola.map((v) => v * v),
        id,
        id
      ).split("L")
    ).toHaveLength(11);
  });
  test("a finely sampled curve's path passes within 0.05 px of every point it leaves out", () => {
    // a half circle of radius 40 px in 400 steps: a few points per segment can go
    const t = Array.from({length: 401}, (_, i) => (Math.PI * i) / 400);
    const xs = t.map((v) => 100 + 40 * Math.cos(v));
    const ys = t.map((v) => 100 + 40 * Math.sin(v));
    const id = (v: number) => v;
    const vertices = linePath(xs, ys, id, id)
      .slice(1)
      .split("L")
      .map((pair) => pair.split(",").map(Number));
    expect(vertices.length).toBeGreaterThan(20);
    expect(vertices.length).toBeLessThan(200);
    const distance = ([px, py]: number[], [ax, ay]: number[], [bx, by]: number[]) => {
      const [dx, dy] = [bx - ax, by - ay];
      const u = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(px - (ax + u * dx), py - (ay + u * dy));
    };
    for (let i = 0; i < xs.length; i++) {
      const point = [Math.round(xs[i] * 100) / 100, Math.round(ys[i] * 100) / 100];
      const nearest = Math.min(...vertices.slice(1).map((b, k) => distance(point, vertices[k], b)));
      expect(nearest).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });
});

describe("lineThrough", () => {
  test("spans the x-range at an ordinary slope", () => {
    expect(lineThrough(100, 50, 0.5, [0, 400])).toEqual([0, 0, 400, 200]);
    expect(lineThrough(100, 50, 0, [400, 0])).toEqual([0, 50, 400, 50]);
    expect(lineThrough(100, 50, -0, [0, 400])).toEqual([0, 50, 400, 50]);
  });
  test("is cut short a million pixels from its point when steep, and vertical when infinite", () => {
    // steep: still the line through (100, 50) with that slope, 1e6 px each way
    const [x1, y1, x2, y2] = lineThrough(100, 50, 1e4, [0, 400])!;
    expect([x1, x2]).toEqual([0, 200]);
    expect([y1, y2]).toEqual([50 - 1e6, 50 + 1e6]);
    // steeper than 1e9: a vertical line 1e6 px each way
    for (const slope of [2e9, 1e38, 1e60, 1e308, -1e308])
      expect(lineThrough(100, 50, slope, [0, 400])).toEqual([100, 50 - 1e6, 100, 50 + 1e6]);
    expect(lineThrough(100, 50, Infinity, [0, 400])).toEqual([100, 50 - 1e6, 100, 50 + 1e6]);
    expect(lineThrough(100, 50, -Infinity, [0, 400])).toEqual([100, 50 - 1e6, 100, 50 + 1e6]);
  });
  test("is null for a slope or a point that cannot be drawn", () => {
    expect(lineThrough(100, 50, NaN, [0, 400])).toBeNull();
    expect(lineThrough(100, NaN, 1, [0, 400])).toBeNull();
    expect(lineThrough(100, 1e60, 1, [0, 400])).toBeNull();
    expect(lineThrough(-Infinity, 50, 1, [0, 400])).toBeNull();
  });
});
