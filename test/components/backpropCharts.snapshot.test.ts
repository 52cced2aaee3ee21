// @vitest-environment jsdom
// The backpropagation page's charts: lossChart, the one-neuron trainer, the loss small
// multiples (backprop.js), and the vanishing-gradient charts chainChart and firstLayerChart
// (vanishingCharts.js). A chart updated in place draws exactly as the chart drawn afresh
// for the same data; a snapshot of each catches an unintended change of drawing.
import {describe, expect, test} from "vitest";
import * as backprop from "../../src/components/backprop.js";
import {chainChart, chainsFor, firstLayerChart, seriesLegend} from "../../src/components/vanishingCharts.js";
import {expectSameDrawing, expectSnapshot, type Loose} from "./snapshot.js";

const {lossChart, lossMultiples, neuronTrainer} = backprop as Loose<typeof backprop>;

/** Loss by step: `loss(step)` for steps 0 … n (the points lossChart takes). */
const lossPoints = (n: number, loss: (step: number) => number) =>
  Array.from({length: n + 1}, (_, step) => ({step, w: 0, b: 0, loss: loss(step)}));

describe("lossChart", () => {
  const small = lossPoints(5, (s) => 0.5 / (s + 1));
  // beyond the x-domain (80 steps of at least 10), up to 40 (the y-axis re-ticks), one NaN
  const large = lossPoints(80, (s) => (s === 30 ? NaN : 40 * Math.exp(-s / 20)));

  test("update to points that widen both axes draws as the chart drawn afresh", () => {
    const updated = lossChart(small, {width: 480, xMax: 10}).update(large);
    expectSameDrawing(updated, lossChart(large, {width: 480, xMax: 10}));
    expectSnapshot("lossChart", updated);
  });

  test("update back to fewer, smaller points narrows them again as afresh", () => {
    const updated = lossChart(small, {width: 480, xMax: 10}).update(large).update(small);
    expectSameDrawing(updated, lossChart(small, {width: 480, xMax: 10}));
  });

  test("without dots, with an aria-label of its own", () => {
    const options = {width: 240, height: 130, xMax: 50, marginLeft: 40, dots: false};
    const updated = lossChart(small, {...options, ariaLabel: "A"}).update(large, {ariaLabel: "B"});
    expectSameDrawing(updated, lossChart(large, {...options, ariaLabel: "B"}));
    expect(updated.querySelector("circle")).toBeNull();
  });
});

const start = {x: 1.5, w: 0.8, b: 0.1, target: 0.2, learningRate: 0.5, activation: "sigmoid" as const};
const other = {x: -2, w: 3, b: -1, target: 0.9, learningRate: 1, activation: "tanh" as const};

/** Clicks the trainer's button for `action` (step, run or reset). */
const press = (trainer: Element, action: string) =>
  (trainer.querySelector(`[data-action=${action}]`) as HTMLButtonElement).click();

describe("neuronTrainer", () => {
  test("after 50 steps, update(new start) draws as the trainer made afresh from it", () => {
    const trainer = neuronTrainer(start, {width: 480});
    press(trainer, "run");
    expect(trainer.querySelector(".trainer-readout")!.textContent).toContain("After 50 steps");
    trainer.update(other);
    expectSameDrawing(trainer, neuronTrainer(other, {width: 480}));
  });

  test("Reset draws as the trainer made afresh", () => {
    const trainer = neuronTrainer(start, {width: 480});
    press(trainer, "step");
    press(trainer, "reset");
    expectSameDrawing(trainer, neuronTrainer(start, {width: 480}));
  });

  test("snapshot: after 51 steps", () => {
    const trainer = neuronTrainer(start, {width: 640});
    press(trainer, "step");
    press(trainer, "run");
    expectSnapshot("neuronTrainer", trainer);
  });
});

describe("lossMultiples", () => {
  // a learning rate so large that some of the five overflow
  const wild = {...other, learningRate: 60};

  test("update(new start) draws as the panels drawn afresh for it", () => {
    const updated = lossMultiples(start, {width: 640, steps: 50}).update(wild);
    expectSameDrawing(updated, lossMultiples(wild, {width: 640, steps: 50}));
    expectSnapshot("lossMultiples", updated);
  });
});

describe("chainChart", () => {
  test.each([
    ["a deeper chain (the x-axis re-ticks) with a larger weight", [10, 1], [23, 2.5]],
    ["a shallower one with a tiny weight (many decades on the y-axis)", [30, 1], [4, 0.05]]
  ])("update to %s draws as the chart drawn afresh", (_, [depthA, weightA], [depthB, weightB]) => {
    const updated = chainChart(chainsFor(depthA, weightA), {width: 480, depth: depthA}).update(
      chainsFor(depthB, weightB),
      {
        depth: depthB
      }
    );
    expectSameDrawing(updated, chainChart(chainsFor(depthB, weightB), {width: 480, depth: depthB}));
  });

  test("snapshot: 10 layers, weight 1", () => {
    expectSnapshot(
      "chainChart",
      chainChart(chainsFor(12, 1), {width: 480, depth: 12}).update(chainsFor(10, 1), {depth: 10})
    );
    expectSnapshot("seriesLegend", seriesLegend());
  });
});

describe("firstLayerChart", () => {
  test.each([
    ["longer chains with a smaller weight (more decades on the x-axis)", [10, 1], [30, 0.5]],
    ["a weight of 4 (gradients from 10⁻²⁴ to 10⁵ on one axis)", [10, 1], [10, 4]]
  ])("update to %s draws as the chart drawn afresh", (_, [depthA, weightA], [depthB, weightB]) => {
    const updated = firstLayerChart(chainsFor(depthA, weightA), {width: 480}).update(
      chainsFor(depthB, weightB)
    );
    expectSameDrawing(updated, firstLayerChart(chainsFor(depthB, weightB), {width: 480}));
  });

  test("snapshot: 10 layers, weight 1", () => {
    expectSnapshot(
      "firstLayerChart",
      firstLayerChart(chainsFor(30, 0.5), {width: 480}).update(chainsFor(10, 1))
    );
  });
});
