// @vitest-environment jsdom
// The charts with a decision map on a canvas: xorChart (/why-activation-functions) and the
// playground's data chart, and the playground's Plot charts of loss and gradient size.
// jsdom draws no canvas: a small 2D context (./canvas.ts) keeps the pixels each paint puts, so a
// chart updated in place is compared with the chart drawn afresh in both its SVG (normalised)
// and its map's pixels; the snapshots hold the SVG. The pixel colours themselves are tested
// through lib/heatmap.ts (test/lib/heatmap.test.ts) and below through heatmap().
import {beforeAll, describe, expect, test} from "vitest";
import {xor} from "../../lib/datasets.js";
import {heatColor, heatGrid} from "../../lib/heatmap.js";
import {featureInputs, type FeatureId} from "../../lib/features.js";
import {createMlp, predict} from "../../lib/mlp.js";
import {networkSizes, playgroundData} from "../../lib/playground.js";
import {xorTrainer} from "../../lib/xorTrainer.js";
import {binValue, valueBin} from "../../src/components/playgroundScale.js";
import {installCanvas, painted} from "./canvas.js";
import {expectSameDrawing, expectSnapshot, type Loose} from "./snapshot.js";

const COLORS = {
  "--xor-heat-low": "#5e3c99",
  "--xor-heat-mid": "#f7f7f7",
  "--xor-heat-high": "#e66101",
  "--pg-negative": "#2166ac",
  "--pg-positive": "#b2182b",
  "--theme-background": "#ffffff"
};

let xorChart: typeof import("../../src/components/xorChart.js").xorChart;
let xorView: typeof import("../../src/components/xorChart.js").xorView;
let dataChart: typeof import("../../src/components/playgroundDataChart.js").dataChart;
let dataLegend: typeof import("../../src/components/playgroundDataChart.js").dataLegend;
let heatmap: Loose<typeof import("../../src/components/heatmap.js")>["heatmap"];
let charts: typeof import("../../src/components/playgroundCharts.js");
beforeAll(async () => {
  installCanvas();
  HTMLCanvasElement.prototype.toDataURL = () => "data:image/png;base64,";
  for (const [name, value] of Object.entries(COLORS)) document.documentElement.style.setProperty(name, value);
  ({xorChart, xorView} = await import("../../src/components/xorChart.js"));
  ({dataChart, dataLegend} = await import("../../src/components/playgroundDataChart.js"));
  ({heatmap} = await import("../../src/components/heatmap.js"));
  charts = await import("../../src/components/playgroundCharts.js");
});

/** The map's canvas inside a chart, and the pixels last painted on it. */
function pixelsOf(chart: Element) {
  const canvas = chart.querySelector("canvas");
  expect(canvas).not.toBeNull();
  return painted.get(canvas!);
}

describe("heatmap", () => {
  test("paints the outputs −1, 0, 1 in the colours its CSS variables name, read from the page", () => {
    const map = heatmap({
      width: 3,
      colors: {low: "--xor-heat-low", mid: "--xor-heat-mid", high: "--xor-heat-high"}
    });
    map.paint([-1, 0, 1, -1, 0, 1, -1, 0, 1], 3);
    expect([...painted.get(map.canvas)!.slice(0, 12)]).toEqual([
      0x5e, 0x3c, 0x99, 255, 0xf7, 0xf7, 0xf7, 255, 0xe6, 0x61, 0x01, 255
    ]);
  });
});

describe("heatmap after a change of theme", () => {
  test("recolor reads the colours again and repaints the last outputs in them", () => {
    const names = {low: "--map-low", mid: "--map-mid", high: "--map-high"};
    const root = document.documentElement.style;
    root.setProperty("--map-low", "#000000");
    root.setProperty("--map-mid", "#808080");
    root.setProperty("--map-high", "#ffffff");
    const map = heatmap({width: 2, colors: names});
    map.paint([1, 1, -1, -1], 2);
    // the grid's row 0 ([1, 1]) is the image's bottom row, its row 1 ([−1, −1]) the top one
    const image = () => [...painted.get(map.canvas)!];
    expect(image()).toEqual([0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255, 255, 255, 255, 255, 255]);
    root.setProperty("--map-high", "rgb(10, 20, 30)");
    map.recolor();
    expect(image()).toEqual([0, 0, 0, 255, 0, 0, 0, 255, 10, 20, 30, 255, 10, 20, 30, 255]);
  });
});

describe("xorChart", () => {
  const data = xor();
  const grid = heatGrid([-1.6, 1.6], 50, 1);
  const trainer = xorTrainer({activation: "tanh", seed: 3, heatInputs: grid.inputs});
  const linear = xorTrainer({activation: "linear", seed: 3, heatInputs: grid.inputs});

  test.each([
    ["from the random start to 1000 epochs (a boundary appears)", trainer, 0, 1000],
    ["the linear network, from 1000 epochs back to 50", linear, 1000, 50]
  ])("update %s draws as the chart drawn afresh", (_, t, a, b) => {
    const updated = xorChart(t.at(a), {width: 380, data, grid}).update(t.at(b));
    const fresh = xorChart(t.at(b), {width: 380, data, grid});
    expectSameDrawing(updated, fresh);
    expect(pixelsOf(updated)).toEqual(pixelsOf(fresh));
  });

  test("snapshot: tanh after 1000 epochs", () => {
    expectSnapshot("xorChart", xorChart(trainer.at(1000), {width: 380, data, grid}));
  });

  test("xorView: set before, between and after render draws as the chart drawn afresh", () => {
    const view = xorView({data, grid});
    const placeholder = view.render(380);
    document.body.replaceChildren(placeholder);
    view.set(trainer.at(100));
    const chart = document.body.firstElementChild!;
    view.set(trainer.at(1000));
    expectSameDrawing(chart, xorChart(trainer.at(1000), {width: 380, data, grid}));
  });
});

describe("playground data chart", () => {
  const setA = playgroundData({dataset: "circle", noise: 0, split: 0.5, seed: 1}, 60);
  const setB = playgroundData({dataset: "spiral", noise: 0.2, split: 0.7, seed: 2}, 90);
  const setR = playgroundData({dataset: "multiGaussian", noise: 0, split: 0.5, seed: 3}, 80);
  /** What showMap reads of a trainer: its network, its input features and its kind of output. */
  const net = (
    activation: "tanh" | "relu",
    seed: number,
    features: FeatureId[] = ["x1", "x2"],
    sigmoid = false
  ) => ({
    mlp: createMlp({
      sizes: networkSizes([4, 4], features.length),
      activation,
      seed,
      ...(sigmoid ? {loss: "binaryCrossEntropy" as const, outputActivation: "sigmoid" as const} : {})
    }),
    features,
    inputsOf: (points: Float64Array) => featureInputs(points, features),
    sigmoidOutput: sigmoid
  });
  /** The number of points (subpaths) in the paths a selector picks. */
  const pointCount = (chart: Element, selector: string) =>
    [...chart.querySelectorAll(selector)].reduce(
      (n, path) => n + (path.getAttribute("d")!.match(/M/g)?.length ?? 0),
      0
    );

  test("showData and showMap to another dataset and network draw as the chart drawn afresh", () => {
    const updated = dataChart({size: 400});
    updated.showData(setA.train, setA.test);
    updated.showMap(net("tanh", 1), true);
    updated.showData(setB.train, setB.test);
    updated.showMap(net("relu", 5));
    const fresh = dataChart({size: 400});
    fresh.showData(setB.train, setB.test);
    fresh.showMap(net("relu", 5));
    expectSameDrawing(updated, fresh);
    expect(pixelsOf(updated)).toEqual(pixelsOf(fresh));
    expectSnapshot("playgroundDataChart", updated);
    expectSnapshot("playgroundDataLegend", dataLegend());
  });

  test("a preview map paints blocks of 3 × 3 pixels of one colour", () => {
    const chart = dataChart({size: 300});
    chart.showMap(net("tanh", 2), true);
    const pixels = pixelsOf(chart)!;
    expect(chart.querySelector("canvas")!.dataset.block).toBe("3");
    // pixels (0, 0) and (2, 2) of the first block are one colour
    expect([...pixels.slice(0, 4)]).toEqual([...pixels.slice((2 * 60 + 2) * 4, (2 * 60 + 2) * 4 + 4)]);
  });

  test("regression points are drawn by colour step of their target, and back to classes as the chart drawn afresh", () => {
    const chart = dataChart({size: 300});
    chart.showData(setR.train, setR.test, {regression: true});
    expect(pointCount(chart, "path.pg-points-value.pg-points-train")).toBe(setR.train.targets.length);
    expect(pointCount(chart, "path.pg-points-value.pg-points-test")).toBe(setR.test.targets.length);
    expect(pointCount(chart, "path.pg-points-positive, path.pg-points-negative")).toBe(0);
    // each step's path holds exactly the points whose target rounds to it, in its colour
    const targets = Array.from(setR.train.targets);
    const bin = valueBin(Math.max(...targets));
    expect(bin).toBeGreaterThan(5);
    const path = chart.querySelector(`path.pg-points-train.pg-points-bin-${bin}`)!;
    expect(pointCount(chart, `path.pg-points-train.pg-points-bin-${bin}`)).toBe(
      targets.filter((t) => valueBin(t) === bin).length
    );
    const colors = {low: [0x21, 0x66, 0xac], mid: [255, 255, 255], high: [0xb2, 0x18, 0x2b]} as const;
    expect(path.getAttribute("fill")).toBe(`rgb(${heatColor(binValue(bin), colors, 1).join(", ")})`);
    expect(chart.legend.dataset.problem).toBe("regression");
    expect(chart.getAttribute("aria-label")).toContain("prediction");
    chart.showData(setA.train, setA.test);
    chart.showMap(net("tanh", 1));
    const fresh = dataChart({size: 300});
    fresh.showData(setA.train, setA.test);
    fresh.showMap(net("tanh", 1));
    expectSameDrawing(chart, fresh);
    expect(chart.legend.dataset.problem).toBe("classification");
  });

  test("features feed the map; a sigmoid output is read at ½; a discretised map has two colours; test points can hide", () => {
    const features: FeatureId[] = ["x1Squared", "x2Squared", "sinX1"];
    const chart = dataChart({size: 300});
    chart.showData(setA.train, setA.test);
    chart.showMap(net("tanh", 4, features, true));
    const smooth = pixelsOf(chart)!;
    // the same network asked directly: its outputs through 2y − 1, then the map's colours
    const {mlp} = net("tanh", 4, features, true);
    const grid = heatGrid([-1.6, 1.6], 60);
    const outputs = predict(mlp, featureInputs(grid.inputs, features));
    const probe = heatmap({
      width: 60,
      colors: {low: "--pg-negative", mid: "--theme-background", high: "--pg-positive"},
      strength: 0.65
    });
    probe.paint(
      Array.from(outputs, (y) => 2 * y - 1),
      60
    );
    expect([...smooth]).toEqual([...painted.get(probe.canvas)!]);
    chart.setView({discretise: true});
    const two = new Set<string>();
    const pixels = pixelsOf(chart)!;
    for (let k = 0; k < pixels.length; k += 4) two.add(pixels.slice(k, k + 3).join(","));
    expect(two.size).toBeLessThanOrEqual(2);
    expect(chart.dataset.discretise).toBe("true");
    chart.setView({showTest: false});
    for (const path of chart.querySelectorAll<SVGPathElement>("path.pg-points-test"))
      expect(path.style.display).toBe("none");
    for (const path of chart.querySelectorAll<SVGPathElement>("path.pg-points-train"))
      expect(path.style.display).toBe("");
    chart.setView({showTest: true, discretise: false});
    expect([...pixelsOf(chart)!]).toEqual([...smooth]);
  });
});

describe("playground loss and gradient charts (drawn by Plot once, updated in place)", () => {
  const sizes = networkSizes([4, 4]);
  const history = (epochs: number[], loss: (e: number) => number[], gradient: (e: number) => number[]) => ({
    losses: {epochs, values: epochs.map(loss)},
    gradients: {epochs, values: epochs.map(gradient)}
  });
  const base = {sizes, activation: {label: "tanh"}, loss: "squaredError", learningRate: 0.03, batchSize: 10};
  const short = [0, 5, 10, 15, 20];
  const trainer = {
    ...base,
    ...history(
      short,
      (e) => [0.5 / (1 + e), e === 10 ? NaN : 0.6 / (1 + e)],
      (e) => [1e-3 / (1 + e), 2e-2 / (1 + e), 0.1 * Math.exp(-e)]
    )
  };
  // longer, with larger losses (both axes step) and a layer whose gradient vanishes to 0
  const long = Array.from({length: 60}, (_, i) => 5 * i);
  const later = {
    ...base,
    learningRate: 0.1,
    ...history(
      long,
      (e) => [4 / (1 + e), 3 / (1 + e)],
      (e) => [e > 100 ? 0 : 1e-6 / (1 + e), 2e-2 / (1 + e), 5 / (1 + e)]
    )
  };
  const empty = {
    ...base,
    ...history(
      [],
      () => [],
      () => []
    )
  };
  const lossSize = {width: 400, height: 240};
  const gradientSize = {width: 400, height: 260};

  test("snapshots: with a history, and before training", () => {
    expectSnapshot("playgroundLossChart", charts.lossChart(trainer, lossSize));
    expectSnapshot("playgroundGradientChart", charts.gradientChart(trainer, gradientSize));
    expectSnapshot("playgroundLossChart-empty", charts.lossChart(empty, lossSize));
    expectSnapshot("playgroundGradientChart-empty", charts.gradientChart(empty, gradientSize));
    expectSnapshot("playgroundLossLegend", charts.lossLegend());
  });

  test("updated in place, from empty through a history to a longer one and back, each draws as the chart drawn afresh", () => {
    const loss = charts.lossChart(empty, lossSize);
    const gradient = charts.gradientChart(empty, gradientSize);
    for (const next of [trainer, later, empty, trainer]) {
      expectSameDrawing(loss.update(next), charts.lossChart(next, lossSize));
      expectSameDrawing(gradient.update(next), charts.gradientChart(next, gradientSize));
    }
  });

  test("a loss that is not finite and a gradient of 0 leave gaps; a layer's label sits at its last point on the axis", () => {
    const chart = charts.gradientChart(later, gradientSize);
    const first = chart.querySelector("g.pg-layer-0 path")!.getAttribute("d")!;
    expect(first.match(/M/g)).toHaveLength(1);
    const label = chart.querySelector("g.pg-layer-0 text")!;
    const lastOnAxis = long.filter((e) => e <= 100).at(-1)!;
    // the label's x is the pixel of epoch 100 (the last with a size above 0), on the axis to 300
    const [x0, x1] = [56, 344];
    expect(label.getAttribute("transform")).toContain(`translate(${x0 + ((x1 - x0) * lastOnAxis) / 300},`);
    const lossLine = charts
      .lossChart(trainer, lossSize)
      .querySelector("g.pg-loss-test path")!
      .getAttribute("d")!;
    expect(lossLine.match(/M/g)).toHaveLength(2); // broken at epoch 10
  });

  test("the axes step: x to a steady end at or past the last epoch, y above the largest loss", () => {
    expect(charts.epochDomain(0)).toEqual([0, 10]);
    expect(charts.epochDomain(10)).toEqual([0, 10]);
    expect(charts.epochDomain(11)).toEqual([0, 15]);
    expect(charts.epochDomain(295)).toEqual([0, 300]);
    expect(charts.lossDomain([])).toEqual([0, 1]);
    expect(
      charts.lossDomain([
        [0.5, NaN],
        [Infinity, 0.6]
      ])
    ).toEqual([0, 0.75]);
    expect(charts.gradientAxis([[0, -1, NaN]]).domain).toEqual([1e-6, 1]);
    expect(charts.gradientAxis([[1e-3, 0.5]]).domain).toEqual([1e-3, 1]);
  });

  test("the empty note shows only before training; a chart for another depth is refused", () => {
    const loss = charts.lossChart(empty, lossSize);
    const note = (loss.querySelector(".pg-empty") as SVGElement);
    expect(note.style.display).toBe("");
    loss.update(trainer);
    expect(note.style.display).toBe("none");
    const gradient = charts.gradientChart(trainer, gradientSize);
    expect(() => gradient.update({...trainer, sizes: networkSizes([4])})).toThrow(/3 weight layers, not 2/);
  });
});
