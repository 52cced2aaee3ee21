import {describe, expect, it} from "vitest";
import {logistic} from "../../lib/special.js";
import {descentPath, exampleGradient, sigmoidExamples, zigzagSetup} from "../../lib/zigzag.js";
import type {Weights, ZigzagExample} from "../../lib/zigzag.js";
import {expectClose} from "./helpers.js";

const {best, start} = zigzagSetup;
const examples = sigmoidExamples(best);
const distance = (a: Weights, b: Weights) => Math.hypot(a[0] - b[0], a[1] - b[1]);

describe("sigmoidExamples", () => {
  it("the demo starts where w₁ must rise and w₂ must fall to fit", () => {
    expect(zigzagSetup.best[0]).toBeGreaterThan(zigzagSetup.start[0]);
    expect(zigzagSetup.best[1]).toBeLessThan(zigzagSetup.start[1]);
  });

  it("has 16 examples whose inputs are sigmoid outputs, all strictly positive", () => {
    expect(examples).toHaveLength(16);
    for (const {inputs} of examples) for (const a of inputs) expect(a > 0 && a < 1).toBe(true);
    expect(examples[0].inputs).toEqual([logistic(-1.5), logistic(-1.5)]);
    expect(examples[15].inputs).toEqual([logistic(1.5), logistic(1.5)]);
  });

  it("has targets that the given weights fit exactly", () => {
    for (const example of examples) expect(exampleGradient(best, example)).toEqual([0, 0]);
    const other = sigmoidExamples([2, 0.5]);
    expectClose(other[4].target, 2 * logistic(-0.5) + 0.5 * logistic(-1.5), 1e-15);
  });

  it("refuses weights that are not two finite numbers", () => {
    expect(() => sigmoidExamples([1, NaN])).toThrow(/best must be two finite numbers/);
    expect(() => sigmoidExamples([1] as unknown as Weights)).toThrow(/best must be two finite numbers/);
  });
});

describe("exampleGradient", () => {
  it("is the gradient of ½(w·a − t)², by central differences", () => {
    const loss = (w: Weights, {inputs, target}: ZigzagExample) =>
      0.5 * (w[0] * inputs[0] + w[1] * inputs[1] - target) ** 2;
    const h = 1e-6;
    for (const w of [start, [0.3, 2.1] as Weights, [-2, -0.5] as Weights]) {
      for (const example of examples) {
        const [g0, g1] = exampleGradient(w, example);
        expectClose(g0, (loss([w[0] + h, w[1]], example) - loss([w[0] - h, w[1]], example)) / (2 * h), 1e-6, 1e-9);
        expectClose(g1, (loss([w[0], w[1] + h], example) - loss([w[0], w[1] - h], example)) / (2 * h), 1e-6, 1e-9);
      }
    }
  });
});

describe("descentPath", () => {
  it("one example per step: every step moves both weights the same way", () => {
    const {points, sameSign} = descentPath(examples, {start, learningRate: 1, steps: 64, mode: "example"});
    expect(points).toHaveLength(65);
    expect(sameSign.every(Boolean)).toBe(true);
    for (let s = 1; s < points.length; s++) {
      const d0 = points[s][0] - points[s - 1][0];
      const d1 = points[s][1] - points[s - 1][1];
      expect(d0 * d1, `step ${s}`).toBeGreaterThanOrEqual(0);
    }
    // ... and yet it ends near the weights that need one to rise and the other to fall
    expect(distance(points[64], best)).toBeLessThan(0.15);
    expect(distance(points[64], best)).toBeLessThan(distance(start, best) / 10);
  });

  it("one example per step: the path zigzags, moving up-right on some steps and down-left on others", () => {
    const {points} = descentPath(examples, {start, learningRate: 1, steps: 32, mode: "example"});
    const ups = points.slice(1).filter((p, s) => p[0] > points[s][0]).length;
    const downs = points.slice(1).filter((p, s) => p[0] < points[s][0]).length;
    expect(ups).toBeGreaterThan(4);
    expect(downs).toBeGreaterThan(4);
  });

  it("the whole batch per step: errors of both signs add up to steps that move the weights apart", () => {
    const {points, sameSign} = descentPath(examples, {start, learningRate: 1, steps: 64, mode: "batch"});
    expect(sameSign.some(Boolean)).toBe(false);
    for (let s = 1; s < points.length; s++) {
      expect(points[s][0]).toBeGreaterThan(points[s - 1][0]);
      expect(points[s][1]).toBeLessThan(points[s - 1][1]);
    }
    expect(distance(points[64], best)).toBeLessThan(0.1);
  });

  it("inputs of both signs free single-example steps from the two quadrants", () => {
    // the same examples with each input centred (a − ½, as a tanh-like layer would give)
    const centred = examples.map(({inputs}) => {
      const a: [number, number] = [inputs[0] - 0.5, inputs[1] - 0.5];
      return {inputs: a, target: best[0] * a[0] + best[1] * a[1]};
    });
    const {sameSign} = descentPath(centred, {start, learningRate: 1, steps: 64, mode: "example"});
    expect(sameSign.filter((same) => !same).length).toBeGreaterThan(16);
  });

  it("with no steps is just the start, and it copies the start", () => {
    const own: Weights = [0.5, 0.25];
    const path = descentPath(examples, {start: own, learningRate: 1, steps: 0, mode: "batch"});
    expect(path).toEqual({points: [[0.5, 0.25]], sameSign: []});
    expect(path.points[0]).not.toBe(own);
  });

  it("refuses bad options with a clear message", () => {
    const ok = {start, learningRate: 1, steps: 3, mode: "example" as const};
    expect(() => descentPath([], ok)).toThrow(/examples must be a non-empty array/);
    expect(() => descentPath(examples, {...ok, learningRate: 0})).toThrow(/learningRate is 0, expected a finite number > 0/);
    expect(() => descentPath(examples, {...ok, learningRate: Infinity})).toThrow(/learningRate is Infinity/);
    expect(() => descentPath(examples, {...ok, learningRate: NaN})).toThrow(/learningRate is NaN/);
    expect(() => descentPath(examples, {...ok, steps: 2.5})).toThrow(/steps is 2.5, expected a whole number/);
    expect(() => descentPath(examples, {...ok, steps: -1})).toThrow(/steps is -1/);
    expect(() => descentPath(examples, {...ok, start: [0, Infinity]})).toThrow(/start must be two finite numbers/);
    expect(() => descentPath(examples, {...ok, mode: "online" as "batch"})).toThrow(/mode is online/);
  });
});
