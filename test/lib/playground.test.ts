import {describe, expect, test} from "vitest";
import {createMlp, meanLoss, predict, trainEpoch} from "../../lib/index.js";
import {accuracy, problemDatasets} from "../../lib/datasets.js";
import {
  datasetIds,
  PLAYGROUND_EXAMPLES,
  playgroundData,
  defaultState,
  EpochHistory,
  networkSizes,
  parameterCount,
  splitData,
  stateSizes,
  weightCount
} from "../../lib/playground.js";

describe("network size", () => {
  test("networkSizes has the inputs, the hidden widths and one output", () => {
    expect(networkSizes([])).toEqual([2, 1]);
    expect(networkSizes([8, 8, 4])).toEqual([2, 8, 8, 4, 1]);
    expect(networkSizes([3], 7)).toEqual([7, 3, 1]);
  });

  test("networkSizes still takes the older (layers, width) form", () => {
    expect(networkSizes(0, 5)).toEqual([2, 1]);
    expect(networkSizes(2, 4)).toEqual([2, 4, 4, 1]);
  });

  test("stateSizes has one input per feature", () => {
    expect(stateSizes(defaultState)).toEqual([2, 4, 4, 1]);
    expect(stateSizes({features: ["x1Squared", "x2Squared", "sinX1"], units: [5]})).toEqual([3, 5, 1]);
    expect(stateSizes({features: ["x1x2"], units: []})).toEqual([1, 1]);
  });

  test("weightCount and parameterCount match createMlp's arrays", () => {
    for (const units of [[], [2, 4], [8, 8, 8, 8, 8, 8], [1, 7, 3]]) {
      const sizes = networkSizes(units, 3);
      const mlp = createMlp({sizes, activation: "tanh"});
      const weights = mlp.weights.reduce((sum, w) => sum + w.length, 0);
      const biases = mlp.biases.reduce((sum, b) => sum + b.length, 0);
      expect(weightCount(sizes)).toBe(weights);
      expect(parameterCount(sizes)).toBe(weights + biases);
    }
    expect(weightCount([2, 4, 4, 1])).toBe(8 + 16 + 4);
  });
});

describe("splitData", () => {
  const n = 10;
  const data = {
    inputs: Float64Array.from({length: 2 * n}, (_, k) => k),
    targets: Float64Array.from({length: n}, (_, i) => i)
  };

  test("splits by fraction, keeps rows together and loses no example", () => {
    const {train, test: held} = splitData(data, 0.7, 3);
    expect(train.targets.length).toBe(7);
    expect(held.targets.length).toBe(3);
    const all = [...train.targets, ...held.targets].sort((a, b) => a - b);
    expect(all).toEqual([...data.targets]);
    for (const set of [train, held]) {
      set.targets.forEach((i, row) => {
        expect(set.inputs[2 * row]).toBe(2 * i);
        expect(set.inputs[2 * row + 1]).toBe(2 * i + 1);
      });
    }
  });

  test("is seeded: same seed same split, other seed other split", () => {
    expect(splitData(data, 0.5, 1)).toEqual(splitData(data, 0.5, 1));
    expect(splitData(data, 0.5, 1).train.targets).not.toEqual(splitData(data, 0.5, 2).train.targets);
  });

  test("keeps at least one example on each side", () => {
    expect(splitData(data, 0, 1).train.targets.length).toBe(1);
    expect(splitData(data, 1, 1).test.targets.length).toBe(1);
    expect(() => splitData(data, 1.5, 1)).toThrow(/trainFraction/);
    expect(() => splitData({inputs: new Float64Array(4), targets: new Float64Array(3)}, 0.5, 1)).toThrow();
  });
});

describe("EpochHistory", () => {
  test("keeps everything while small", () => {
    const history = new EpochHistory(10);
    for (let e = 1; e <= 10; e++) history.push(e, [e, -e]);
    expect(history.epochs).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(history.values[2]).toEqual([3, -3]);
  });

  test("thins itself to at most maxPoints, evenly", () => {
    const history = new EpochHistory(10);
    for (let e = 1; e <= 1000; e++) history.push(e, [e]);
    expect(history.length).toBeLessThanOrEqual(10);
    expect(history.length).toBeGreaterThanOrEqual(5);
    const gaps = history.epochs.slice(1).map((e, i) => e - history.epochs[i]);
    expect(new Set(gaps).size).toBe(1);
    history.values.forEach((v, i) => expect(v[0]).toBe(history.epochs[i]));
  });
});

describe("the playground's default setup learns", () => {
  test("tanh 2×4 on a circle: loss falls and accuracy rises", () => {
    // a circle dataset drawn here, so this test does not depend on lib/datasets.ts
    const n = 200;
    const inputs = new Float64Array(2 * n);
    const targets = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = i % 2 === 0 ? (1 * ((i * 7) % 10)) / 10 : 3 + ((i * 3) % 10) / 10;
      const angle = (i * 2.399) % (2 * Math.PI);
      inputs[2 * i] = r * Math.cos(angle);
      inputs[2 * i + 1] = r * Math.sin(angle);
      targets[i] = i % 2 === 0 ? 1 : -1;
    }
    const {train, test: held} = splitData({inputs, targets}, defaultState.split, 1);
    const mlp = createMlp({
      sizes: stateSizes(defaultState),
      activation: "tanh",
      seed: 1
    });
    const before = meanLoss(mlp, held.inputs, held.targets);
    for (let e = 0; e < 200; e++)
      trainEpoch(mlp, train.inputs, train.targets, {
        learningRate: defaultState.lr,
        batchSize: defaultState.batch
      });
    expect(meanLoss(mlp, held.inputs, held.targets)).toBeLessThan(before / 2);
    expect(accuracy(predict(mlp, held.inputs), held.targets)).toBeGreaterThan(0.9);
  });

  test("playgroundData draws the regression datasets too, targets in [−1, 1]", () => {
    for (const dataset of problemDatasets.regression) {
      const {train, test: held} = playgroundData({dataset, noise: 0.2, split: 0.5, seed: 2});
      expect(train.targets.length + held.targets.length).toBe(PLAYGROUND_EXAMPLES);
      const targets = [...train.targets, ...held.targets];
      expect(targets.every((t) => t >= -1 && t <= 1)).toBe(true);
      expect(new Set(targets).size).toBeGreaterThan(100);
    }
  });

  test("playgroundData uses the reader's points when the state has them, split as usual", () => {
    const points = Array.from({length: 10}, (_, k) => ({x1: k / 10, x2: -k / 10, label: k % 2 ? 1 : -1}));
    const data = playgroundData({dataset: "spiral", noise: 0.3, split: 0.7, seed: 5, points});
    expect(data.train.targets.length).toBe(7);
    expect(data.test.targets.length).toBe(3);
    const rows = [data.train, data.test].flatMap((set) =>
      Array.from(set.targets, (label, k) => [set.inputs[2 * k], set.inputs[2 * k + 1], label])
    );
    expect(rows.sort((a, b) => a[0] - b[0])).toEqual(points.map((p) => [p.x1, p.x2, p.label]));
    expect(data).toEqual(playgroundData({dataset: "circle", noise: 0, split: 0.7, seed: 5, points}));
    const none = playgroundData({...defaultState, points: []});
    expect(none.train.targets.length + none.test.targets.length).toBe(0);
  });

  test("playgroundData draws lib's datasets, seeded, and splits them", () => {
    for (const dataset of datasetIds) {
      const {train, test: held} = playgroundData({dataset, noise: 0.1, split: 0.7, seed: 3});
      expect(train.targets.length).toBe(Math.round(PLAYGROUND_EXAMPLES * 0.7));
      expect(held.targets.length).toBe(PLAYGROUND_EXAMPLES - train.targets.length);
      expect(train.inputs.length).toBe(2 * train.targets.length);
      expect(new Set(train.targets)).toEqual(new Set([-1, 1]));
      expect(playgroundData({dataset, noise: 0.1, split: 0.7, seed: 3})).toEqual({train, test: held});
      expect(playgroundData({dataset, noise: 0.1, split: 0.7, seed: 4}).train.inputs).not.toEqual(
        train.inputs
      );
    }
  });
});
