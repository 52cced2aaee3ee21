// @vitest-environment jsdom
// softmaxChart.js: one dot per class at its logit and probability, the true class apart; a
// shift of every logit slides the logit axis and leaves the dots' heights; lossComparison.js:
// both losses' runs are runNeuron's.
import {describe, expect, test} from "vitest";
import {logitDomain, softmaxChart} from "../../src/components/softmaxChart.js";
import {lossComparison} from "../../src/components/lossComparison.js";
import {runNeuron} from "../../lib/neuronRun.js";
import {softmax} from "../../lib/softmax.js";

const heights = (chart: Element) =>
  [...chart.querySelectorAll(".softmax-dot circle, .softmax-dot-true circle")].map((c) => c.getAttribute("cy"));

describe("softmaxChart", () => {
  test("the logit axis covers the logits with room either side, and copes with no finite logit", () => {
    const [lo, hi] = logitDomain([2, 1, -1]);
    expect(lo).toBeLessThanOrEqual(-2);
    expect(hi).toBeGreaterThanOrEqual(3);
    const [lo2, hi2] = logitDomain([1002, 1001, 999]);
    expect(lo2).toBeLessThanOrEqual(998);
    expect(hi2).toBeGreaterThanOrEqual(1003);
    expect(logitDomain([NaN, Infinity])).toEqual([-1, 1]);
  });

  test("a dot per class, the true one filled; a shift of 1000 moves no dot up or down", () => {
    const logits = [2, 1, -1];
    const chart = softmaxChart({logits, p: softmax(logits), trueClass: 1}, {width: 400});
    expect(chart.querySelectorAll(".softmax-dot circle")).toHaveLength(2);
    expect(chart.querySelectorAll(".softmax-dot-true circle")).toHaveLength(1);
    const before = heights(chart);
    const shifted = logits.map((z) => z + 1000);
    chart.update({logits: shifted, p: softmax(shifted), trueClass: 1});
    expect(heights(chart)).toEqual(before);
    expect(chart.getAttribute("aria-label")).toContain("class 2 (true) at logit 1001");
  });
});

describe("lossComparison", () => {
  test("two panels, squared error and cross-entropy, each with runNeuron's losses", () => {
    const start = {x: 1, w: 5, b: 5, target: 0.2, learningRate: 0.3};
    const grid = lossComparison(start, {width: 600, steps: 50});
    for (const loss of ["squaredError", "binaryCrossEntropy"] as const) {
      const figure = grid.querySelector<HTMLElement>(`[data-loss=${loss}]`)!;
      const {points} = runNeuron({...start, activation: "sigmoid", loss}, 50);
      expect(Number(figure.dataset.startLoss)).toBe(points[0].loss);
      expect(Number(figure.dataset.finalLoss)).toBe(points[50].loss);
    }
    grid.update({...start, learningRate: 1});
    const faster = runNeuron({...start, learningRate: 1, activation: "sigmoid", loss: "binaryCrossEntropy"}, 50).points;
    expect(Number(grid.querySelector<HTMLElement>("[data-loss=binaryCrossEntropy]")!.dataset.finalLoss)).toBe(faster[50].loss);
  });
});
