import {describe, expect, test} from "vitest";
import {
  activationIds,
  activations,
  createMlp,
  getActivation,
  meanLoss,
  predict,
  trainEpoch
} from "../../lib/index.js";
import type {Activation} from "../../lib/index.js";
import {compileActivation} from "../../lib/expression.js";
import {accuracy} from "../../lib/datasets.js";
import {
  datasetIds,
  PLAYGROUND_EXAMPLES,
  playgroundData,
  batchSizes,
  defaultState,
  EpochHistory,
  learningRates,
  nearestLogChoice,
  networkSizes,
  parameterCount,
  parseState,
  resolveActivation,
  serializeState,
  snapToStep,
  splitData,
  weightCount
} from "../../lib/playground.js";

describe("parseState", () => {
  test("an empty query gives the defaults and no note", () => {
    const {state, activation, notes} = parseState("");
    expect(state).toEqual(defaultState);
    expect(activation).toBe(activations.tanh);
    expect(notes).toEqual([]);
  });

  test("a valid shared URL restores every control", () => {
    const {state, activation, notes} = parseState(
      "?dataset=xor&noise=0.25&split=0.7&seed=7&layers=2&units=4&activation=relu&lr=0.1&batch=5"
    );
    expect(notes).toEqual([]);
    expect(state).toEqual({
      dataset: "xor",
      noise: 0.25,
      split: 0.7,
      seed: 7,
      layers: 2,
      units: 4,
      activation: "relu",
      lr: 0.1,
      batch: 5
    });
    expect(activation).toBe(activations.relu);
  });

  test("invalid values fall back to their defaults, each with a note naming it", () => {
    const {state, notes} = parseState("activation=nope&layers=99&lr=abc");
    expect(state).toEqual(defaultState);
    expect(notes).toHaveLength(3);
    expect(notes).toContain("activation=nope is not a known activation; using tanh");
    expect(notes).toContain("layers=99 is outside 0–6; using 2");
    expect(notes).toContain("lr=abc is not a number; using 0.03");
  });

  test("every parameter is validated", () => {
    const {state, notes} = parseState(
      "dataset=moons&noise=-1&split=2&seed=-3&layers=two&units=0&lr=5&batch=1000&activation="
    );
    expect(state).toEqual(defaultState);
    expect(notes.map((note) => note.split("=")[0])).toEqual([
      "dataset",
      "noise",
      "split",
      "seed",
      "layers",
      "units",
      "lr",
      "batch",
      "activation"
    ]);
  });

  test("strict numbers: blanks, hex and trailing junk are not numbers", () => {
    for (const text of ["", " ", "0x3", "3px", "1e", "Infinity", "NaN"]) {
      const {state, notes} = parseState(new URLSearchParams({units: text}));
      expect(state.units, text).toBe(defaultState.units);
      expect(notes, text).toHaveLength(1);
    }
  });

  test("values between steps snap to the nearest step, with a note", () => {
    const {state, notes} = parseState("noise=0.12&split=0.55&layers=2.6&lr=0.05&batch=12");
    expect(state.noise).toBe(0.1);
    expect(state.split).toBe(0.6);
    expect(state.layers).toBe(3);
    expect(state.lr).toBe(0.03);
    expect(state.batch).toBe(10);
    expect(notes).toHaveLength(5);
    expect(notes[0]).toBe("noise=0.12 is between the slider's steps of 0.05; using 0.1");
    expect(notes[2]).toBe("layers=2.6 is not a whole number; using 3");
  });

  test("steps written differently are accepted silently", () => {
    const {state, notes} = parseState("noise=.30&lr=1e-3&batch=2.0&seed=4294967295");
    expect(notes).toEqual([]);
    expect(state).toMatchObject({noise: 0.3, lr: 0.001, batch: 2, seed: 4294967295});
  });

  test("every registered activation id is accepted", () => {
    for (const id of activationIds) {
      const {state, activation, notes} = parseState(`activation=${id}`);
      expect(notes).toEqual([]);
      expect(state.activation).toBe(id);
      expect(activation).toBe(getActivation(id));
    }
  });

  test("a long bad value is shortened in its note", () => {
    const {notes} = parseState(`activation=${"x".repeat(500)}`);
    expect(notes[0].length).toBeLessThan(120);
  });

  test("unknown parameters are ignored", () => {
    expect(parseState("foo=bar&units=3").notes).toEqual([]);
  });
});

describe("custom activations (activation=custom&formula=…)", () => {
  const square: Activation = {
    ...activations.linear,
    id: "custom",
    label: "x²",
    f: (x) => x * x,
    df: (x) => 2 * x
  };

  test("without a parser, falls back to the default with a note", () => {
    const {state, activation, notes} = parseState("activation=custom&formula=x*x");
    expect(state.activation).toBe("tanh");
    expect(state.formula).toBeUndefined();
    expect(activation).toBe(activations.tanh);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^activation=custom&formula=x\*x needs the formula parser/);
  });

  test("with a parser, uses the compiled record", () => {
    const {state, activation, notes} = parseState("activation=custom&formula=x*x", () => square);
    expect(notes).toEqual([]);
    expect(state).toMatchObject({activation: "custom", formula: "x*x"});
    expect(activation).toBe(square);
    expect(serializeState(state)).toMatch(/activation=custom&lr=0\.03&batch=10&formula=x\*x$/);
  });

  test("a formula the parser rejects falls back with its message", () => {
    const {state, notes} = parseState("activation=custom&formula=x%2B", () => {
      throw new Error("unexpected end");
    });
    expect(state.activation).toBe("tanh");
    expect(notes).toEqual(["formula=x+ cannot be used (unexpected end); using tanh"]);
  });

  test("a formula that is not finite falls back", () => {
    const bad = {...square, f: (x: number) => 1 / x};
    const {state, notes} = parseState("activation=custom&formula=1/x", () => bad);
    expect(state.activation).toBe("tanh");
    expect(notes[0]).toMatch(/not finite at x = 0/);
  });

  test("a missing formula falls back; a formula without custom is ignored", () => {
    expect(parseState("activation=custom", () => square).notes).toEqual([
      "activation=custom needs a formula=… parameter; using tanh"
    ]);
    expect(parseState("activation=relu&formula=x", () => square).notes).toEqual([
      "formula=x is only used with activation=custom; ignored"
    ]);
  });

  test("works with the course's formula parser (lib/expression.ts)", () => {
    const {state, activation, notes} = parseState(
      "activation=custom&formula=max(0.1*x%2C%20x)",
      compileActivation
    );
    expect(notes).toEqual([]);
    expect(state.formula).toBe("max(0.1*x, x)");
    expect(activation.f(-2)).toBeCloseTo(-0.2, 12);
    expect(activation.df(3)).toBe(1);
    const rejected = parseState("activation=custom&formula=sin(", compileActivation);
    expect(rejected.state.activation).toBe("tanh");
    expect(rejected.notes[0]).toMatch(/^formula=sin\( cannot be used \(.+\); using tanh$/);
  });

  test("resolveActivation keeps a registered id as is", () => {
    const state = {...defaultState, activation: "sigmoid" as const};
    expect(resolveActivation(state)).toEqual({state, activation: activations.sigmoid});
  });
});

describe("serializeState", () => {
  test("writes every parameter in a fixed order", () => {
    expect(serializeState(defaultState)).toBe(
      "dataset=circle&noise=0.1&split=0.5&seed=1&layers=2&units=4&activation=tanh&lr=0.03&batch=10"
    );
  });

  test("round-trips through parseState", () => {
    const state = {
      ...defaultState,
      dataset: "spiral" as const,
      noise: 0.35,
      split: 0.3,
      seed: 123,
      layers: 6,
      units: 8,
      activation: "leakyRelu" as const,
      lr: 1,
      batch: 100
    };
    const parsed = parseState(serializeState(state));
    expect(parsed.notes).toEqual([]);
    expect(parsed.state).toEqual(state);
  });

  test("float dust from snapping never reaches the URL", () => {
    expect(snapToStep(0.1 + 0.2, {min: 0, step: 0.05})).toBe(0.3);
    expect(snapToStep(0.7000000001, {min: 0.1, step: 0.1})).toBe(0.7);
    for (let k = 0; k <= 10; k++)
      expect(String(snapToStep(k * 0.05, {min: 0, step: 0.05})).length).toBeLessThanOrEqual(4);
  });
});

describe("choices", () => {
  test("nearestLogChoice picks on a log scale", () => {
    expect(nearestLogChoice(0.05, learningRates)).toBe(0.03);
    expect(nearestLogChoice(0.06, learningRates)).toBe(0.1);
    expect(nearestLogChoice(3, batchSizes)).toBe(2);
    expect(nearestLogChoice(4, batchSizes)).toBe(5);
  });

  test("the defaults are among the choices", () => {
    expect(learningRates).toContain(defaultState.lr);
    expect(batchSizes).toContain(defaultState.batch);
  });
});

describe("network size", () => {
  test("networkSizes has two inputs and one output", () => {
    expect(networkSizes(0, 5)).toEqual([2, 1]);
    expect(networkSizes(2, 4)).toEqual([2, 4, 4, 1]);
  });

  test("weightCount and parameterCount match createMlp's arrays", () => {
    for (const [layers, units] of [
      [0, 1],
      [2, 4],
      [6, 8]
    ]) {
      const sizes = networkSizes(layers, units);
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
      sizes: networkSizes(defaultState.layers, defaultState.units),
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
