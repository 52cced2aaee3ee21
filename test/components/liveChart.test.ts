// The in-place chart helpers give the ticks, tick labels and nice domains d3 gives (so a
// chart updated in place looks as Plot would draw it afresh), and line paths with gaps.
// @ts-expect-error d3 ships no type declarations (no @types/d3 here); it is the reference
import * as d3 from "d3";
import {describe, expect, test} from "vitest";
import {
  steadyCeiling,
  linePath,
  linearMap,
  linearTickFormat,
  logMap,
  niceDomain,
  tickStep,
  ticks
} from "../../src/components/liveChart.js";

const domains: [number, number, number][] = [
  [0, 1, 10],
  [-1.344, 1.344, 8.6],
  [-9.5, 6.2, 7.4],
  [0, 0.000167, 5],
  [-22.1, 22.1, 12],
  [1, 30, 9.6],
  [0.5, 0.5000001, 4],
  [-3.7, 1234.5, 6]
];

describe("ticks", () => {
  test.each(domains)("over [%d, %d], about %d ticks, as d3.ticks", (lo, hi, count) => {
    expect(ticks(lo, hi, count)).toEqual(d3.ticks(lo, hi, count));
    expect(tickStep(lo, hi, count)).toBe(d3.tickStep(lo, hi, count));
  });
  test("a degenerate or invalid domain", () => {
    expect(ticks(2, 2, 5)).toEqual([2]);
    expect(ticks(0, 1, 0)).toEqual([]);
    expect(ticks(0, NaN, 5)).toEqual([]);
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

describe("linearTickFormat", () => {
  test.each(domains)("labels over [%d, %d] as d3's tickFormat", (lo, hi, count) => {
    const ours = linearTickFormat(lo, hi, count);
    const theirs = d3.scaleLinear().domain([lo, hi]).tickFormat(count);
    for (const v of d3.ticks(lo, hi, count)) expect(ours(v)).toBe(theirs(v));
  });
});

describe("maps and paths", () => {
  test("linear and log maps", () => {
    const x = linearMap([-2, 2], [40, 440]);
    expect(x(-2)).toBe(40);
    expect(x(0)).toBe(240);
    expect(x(2)).toBe(440);
    const y = logMap([1e-3, 1e3], [300, 0]);
    expect(y(1e-3)).toBeCloseTo(300, 9);
    expect(y(1)).toBeCloseTo(150, 9);
    expect(y(1e3)).toBeCloseTo(0, 9);
  });
  test("a line path leaves a gap where a value is not finite", () => {
    const id = (v: number) => v;
    expect(linePath([0, 1, 2], [0, 1, 4], id, id)).toBe("M0,0L1,1L2,4");
    expect(linePath([0, 1, 2, 3, 4], [0, 1, NaN, 9, 16], id, id)).toBe("M0,0L1,1M3,9L4,16");
    expect(linePath([0, 1], [Infinity, NaN], id, id)).toBe("");
    expect(linePath([0.123456, 1], [2.0049, 3], id, id)).toBe("M0.12,2L1,3");
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
