import fc from "fast-check";
import {describe, expect, test} from "vitest";
import {activationIds, activations, getActivation} from "../../lib/index.js";
import type {Activation} from "../../lib/index.js";
import {compileActivation} from "../../lib/expression.js";
import {encodePoints, MAX_POINTS_PARAM_LENGTH, pointsShareNote} from "../../lib/customPoints.js";
import {problemDatasets} from "../../lib/datasets.js";
import {featureIds} from "../../lib/features.js";
import {initialisationIds} from "../../lib/initialisation.js";
import {
  batchSizes,
  defaultDatasets,
  initIds,
  learningRates,
  lossIds,
  nearestLogChoice,
  problemIds,
  regIds,
  regRates,
  snapToStep
} from "../../lib/playgroundOptions.js";
import {
  defaultState,
  parseState,
  resolveActivation,
  serializeState,
  stateKeys
} from "../../lib/playgroundState.js";
import type {PlaygroundState} from "../../lib/playgroundState.js";

describe("parseState", () => {
  test("an empty query gives the defaults and no note", () => {
    for (const query of ["", "?", new URLSearchParams()]) {
      const {state, activation, notes} = parseState(query);
      expect(state).toEqual(defaultState);
      expect(activation).toBe(activations.tanh);
      expect(notes).toEqual([]);
    }
  });

  test("the defaults keep the playground's earlier setup", () => {
    expect(defaultState).toMatchObject({
      problem: "classification",
      dataset: "circle",
      noise: 0.1,
      split: 0.5,
      seed: 1,
      features: ["x1", "x2"],
      units: [4, 4],
      activation: "tanh",
      loss: "squaredError",
      residual: false,
      lr: 0.03,
      batch: 10,
      reg: "none",
      regRate: 0,
      showTest: false,
      discretise: false
    });
    expect(defaultState.points).toBeUndefined();
    expect(Object.isFrozen(defaultState.units) && Object.isFrozen(defaultState.features)).toBe(true);
  });

  test("a valid shared URL restores every control", () => {
    const {state, activation, notes} = parseState(
      "?problem=classification&dataset=xor&noise=0.25&split=0.7&seed=7&features=x1,x2,x1x2,sinX2&units=8,8,4" +
        "&activation=relu&init=he&loss=crossEntropy&residual=on&lr=0.1&batch=5&reg=L2&regRate=0.003&showTest=on&discretise=on" +
        "&points=.5,-.25,1_0,1.2,-1"
    );
    expect(notes).toEqual([]);
    expect(state).toEqual({
      problem: "classification",
      dataset: "xor",
      noise: 0.25,
      split: 0.7,
      seed: 7,
      features: ["x1", "x2", "x1x2", "sinX2"],
      units: [8, 8, 4],
      activation: "relu",
      init: "he",
      loss: "crossEntropy",
      residual: true,
      lr: 0.1,
      batch: 5,
      reg: "L2",
      regRate: 0.003,
      showTest: true,
      discretise: true,
      points: [
        {x1: 0.5, x2: -0.25, label: 1},
        {x1: 0, x2: 1.2, label: -1}
      ]
    });
    expect(activation).toBe(activations.relu);
  });

  test("an address the playground wrote before per-layer widths is read as it meant", () => {
    const {state, notes} = parseState(
      "?dataset=xor&noise=0.25&split=0.7&seed=7&layers=3&units=6&activation=relu&lr=0.1&batch=5"
    );
    expect(notes).toEqual([]);
    expect(state).toEqual({
      ...defaultState,
      dataset: "xor",
      noise: 0.25,
      split: 0.7,
      seed: 7,
      units: [6, 6, 6],
      activation: "relu",
      init: "glorotUniform", // the weights the playground drew then
      lr: 0.1,
      batch: 5
    });
    expect(parseState("layers=2&units=4&init=he").state.init).toBe("he");
    expect(parseState("units=4").state.init).toBe("auto");
    expect(parseState("layers=0&units=4").state.units).toEqual([]);
    expect(parseState("layers=2&units=4").state.units).toEqual([4, 4]);
    expect(parseState("layers=5").state.units).toEqual([4, 4, 4, 4, 4]);
  });

  test("the older form keeps its notes", () => {
    const {state, notes} = parseState("layers=99&units=0");
    expect(state.units).toEqual([4, 4]);
    expect(notes).toEqual(["layers=99 is outside 0–6; using 2", "units=0 is outside 1–8; using 4"]);
    expect(parseState("layers=2.6&units=3").notes).toEqual(["layers=2.6 is not a whole number; using 3"]);
    expect(parseState("layers=2.6&units=3").state.units).toEqual([3, 3, 3]);
    const mixed = parseState("layers=3&units=8,4");
    expect(mixed.state.units).toEqual([8, 4]);
    expect(mixed.notes).toEqual(["layers=3 is ignored beside a list of widths units=8,4"]);
  });

  test("invalid values fall back to their defaults, each with a note naming it", () => {
    const {state, notes} = parseState("activation=nope&units=99&lr=abc");
    expect(state).toEqual({...defaultState, units: [8]});
    expect(notes).toEqual([
      "units=99: layer 1's 99 is outside 1–8, so 8; using 8",
      "activation=nope is not a known activation; using tanh",
      "lr=abc is not a number; using 0.03"
    ]);
  });

  test("every parameter is validated, in the order of stateKeys", () => {
    const query = {
      problem: "ranking",
      dataset: "moons",
      noise: "-1",
      split: "2",
      seed: "-3",
      features: "x3",
      units: "x",
      activation: "",
      init: "zeros",
      loss: "hinge",
      residual: "yes",
      lr: "50",
      batch: "1000",
      reg: "L3",
      regRate: "-0.1",
      showTest: "1",
      discretise: "true"
    };
    expect(Object.keys(query)).toEqual([...stateKeys]);
    const {state, notes} = parseState(new URLSearchParams(query));
    expect(state).toEqual(defaultState);
    expect(notes.map((note) => note.split("=")[0])).toEqual([...stateKeys]);
  });

  test("strict numbers: blanks, hex, trailing junk, Infinity and NaN are not numbers", () => {
    for (const text of ["", " ", "0x3", "3px", "1e", "Infinity", "-Infinity", "NaN"]) {
      for (const key of ["noise", "split", "seed", "lr", "batch", "regRate"] as const) {
        const {state, notes} = parseState(new URLSearchParams({[key]: text}));
        expect(state[key], `${key}=${text}`).toBe(defaultState[key]);
        expect(notes, `${key}=${text}`).toEqual([
          `${key}=${text} is not a number; using ${defaultState[key]}`
        ]);
      }
    }
  });

  test("huge and tiny numbers are outside their ranges", () => {
    expect(parseState("noise=1e308").notes).toEqual(["noise=1e308 is outside 0–0.5; using 0.1"]);
    expect(parseState("lr=1e-300").notes).toEqual(["lr=1e-300 is outside 0.00001–10; using 0.03"]);
    expect(parseState("seed=4294967296").notes).toEqual(["seed=4294967296 is outside 0–4294967295; using 1"]);
  });

  test("values between steps snap to the nearest step, with a note", () => {
    const {state, notes} = parseState("noise=0.12&split=0.55&seed=2.4&lr=0.05&batch=12&regRate=0.02");
    expect(state).toMatchObject({noise: 0.1, split: 0.6, seed: 2, lr: 0.03, batch: 10, regRate: 0.03});
    expect(notes).toEqual([
      "noise=0.12 is between the slider's steps of 0.05; using 0.1",
      "split=0.55 is between the slider's steps of 0.1; using 0.6",
      "seed=2.4 is not a whole number; using 2",
      "lr=0.05 is not one of 0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10; using 0.03",
      "batch=12 is not one of 1, 2, 5, 10, 20, 50, 100; using 10",
      "regRate=0.02 is not one of 0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10; using 0.03"
    ]);
  });

  test("steps written differently are accepted silently", () => {
    const {state, notes} = parseState("noise=.30&lr=1e-5&batch=2.0&seed=4294967295&regRate=0.0");
    expect(notes).toEqual([]);
    expect(state).toMatchObject({noise: 0.3, lr: 0.00001, batch: 2, seed: 4294967295, regRate: 0});
  });

  test("the learning rate takes TensorFlow Playground's range; older values still read", () => {
    for (const lr of learningRates) {
      const {state, notes} = parseState(`lr=${lr}`);
      expect(notes).toEqual([]);
      expect(state.lr).toBe(lr);
    }
    for (const old of [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1])
      expect(parseState(`lr=${old}`).state.lr).toBe(old);
    expect(parseState("lr=0.5").state.lr).toBe(0.3);
    expect(parseState("lr=0.6").state.lr).toBe(1);
    expect(parseState("lr=20").notes).toEqual(["lr=20 is outside 0.00001–10; using 0.03"]);
  });

  test("regularisation: its kind by name and its rate from TensorFlow Playground's list", () => {
    for (const reg of regIds) expect(parseState(`reg=${reg}`).state.reg).toBe(reg);
    expect(parseState("reg=l2").notes).toEqual(["reg=l2 is not one of none, L1, L2; using none"]);
    for (const rate of regRates)
      expect(parseState(`regRate=${rate}`)).toMatchObject({state: {regRate: rate}, notes: []});
    expect(parseState("regRate=0.0004").state.regRate).toBe(0);
    expect(parseState("regRate=0.0006").state.regRate).toBe(0.001);
    expect(parseState("regRate=0.0004").notes[0]).toMatch(
      /^regRate=0.0004 is not one of 0, 0.001, .*; using 0$/
    );
    expect(parseState("regRate=11").notes).toEqual(["regRate=11 is outside 0–10; using 0"]);
  });

  test("every registered activation id is accepted", () => {
    for (const id of activationIds) {
      const {state, activation, notes} = parseState(`activation=${id}`);
      expect(notes).toEqual([]);
      expect(state.activation).toBe(id);
      expect(activation).toBe(getActivation(id));
    }
  });

  test("every initialisation is accepted, the course's schemes among them", () => {
    expect(initIds).toEqual(["auto", "xavier", "he", "lecun", "standard", "small", "glorotUniform"]);
    for (const id of initialisationIds) expect(initIds).toContain(id);
    for (const init of initIds) expect(parseState(`init=${init}`)).toMatchObject({state: {init}, notes: []});
    expect(parseState("init=Xavier").notes).toEqual([
      "init=Xavier is not one of auto, xavier, he, lecun, standard, small, glorotUniform; using auto"
    ]);
  });

  test("switches are on or off", () => {
    for (const key of ["residual", "showTest", "discretise"] as const) {
      expect(parseState(`${key}=on`).state[key]).toBe(true);
      expect(parseState(`${key}=off`).state[key]).toBe(false);
      expect(parseState(`${key}=`).notes).toEqual([`${key}= is not on or off; using off`]);
    }
  });

  test("a long bad value is shortened in its note", () => {
    for (const key of ["activation", "dataset", "features", "units", "points", "init", "noise"]) {
      const {notes} = parseState(`${key}=${"x".repeat(500)}`);
      expect(notes, key).toHaveLength(1);
      expect(notes[0].length, key).toBeLessThan(260);
      expect(notes[0], key).toContain("…");
    }
  });

  test("unknown parameters are ignored", () => {
    expect(parseState("foo=bar&units=3").notes).toEqual([]);
  });
});

describe("features=…", () => {
  test("names the network's inputs, kept in the features' order", () => {
    expect(parseState("features=x1Squared,x2Squared").state.features).toEqual(["x1Squared", "x2Squared"]);
    expect(parseState(`features=${[...featureIds].reverse().join(",")}`)).toMatchObject({
      state: {features: featureIds},
      notes: []
    });
    expect(parseState("features=%20sinX1%20,x1").state.features).toEqual(["x1", "sinX1"]);
  });

  test("unknown, empty and repeated names are noted and dropped", () => {
    const {state, notes} = parseState("features=x1,,x3,x1,sinX2");
    expect(state.features).toEqual(["x1", "sinX2"]);
    expect(notes).toEqual([
      'features=x1,,x3,x1,sinX2: entry 2 is empty; "x3" is not a feature (x1, x2, x1Squared, x2Squared, x1x2, sinX1, sinX2); x1 is listed twice; using x1,sinX2'
    ]);
  });

  test("at least one feature: none known gives the default, with a note", () => {
    for (const text of ["", "X1", ",,", "NaN"]) {
      const {state, notes} = parseState(new URLSearchParams({features: text}));
      expect(state.features).toEqual(["x1", "x2"]);
      expect(notes).toEqual([
        `features=${text} names no feature, and the network needs at least one; using x1,x2`
      ]);
    }
  });
});

describe("units=…", () => {
  test("sets each hidden layer's width", () => {
    expect(parseState("units=8,8,4")).toMatchObject({state: {units: [8, 8, 4]}, notes: []});
    expect(parseState("units=1,2,3,4,5,6")).toMatchObject({state: {units: [1, 2, 3, 4, 5, 6]}, notes: []});
    expect(parseState("units=%208%20,%203").state.units).toEqual([8, 3]);
    expect(parseState("units=5").state.units).toEqual([5]);
  });

  test("an empty list, or 0, is no hidden layer", () => {
    expect(parseState("units=")).toMatchObject({state: {units: []}, notes: []});
    expect(parseState("units=0")).toMatchObject({state: {units: []}, notes: []});
  });

  test("malformed lists keep what they can, with one note that says what was changed", () => {
    expect(parseState("units=8,,x")).toMatchObject({
      state: {units: [8]},
      notes: ['units=8,,x: layer 2 is empty; layer 3\'s "x" is not a number; using 8']
    });
    expect(parseState("units=12,0,2.6,-3")).toMatchObject({
      state: {units: [8, 1, 3, 1]},
      notes: [
        "units=12,0,2.6,-3: layer 1's 12 is outside 1–8, so 8; layer 2's 0 is outside 1–8, so 1; layer 3's 2.6 is not a whole number, so 3; and 1 more; using 8,1,3,1"
      ]
    });
    expect(parseState("units=1,2,3,4,5,6,7,8")).toMatchObject({
      state: {units: [1, 2, 3, 4, 5, 6]},
      notes: ["units=1,2,3,4,5,6,7,8: more than 6 layers, so the first 6; using 1,2,3,4,5,6"]
    });
    expect(parseState("units=8,").notes).toEqual(["units=8,: layer 2 is empty; using 8"]);
    expect(parseState("units=1e308").state.units).toEqual([8]);
  });

  test("a list with no usable width gives the default, with a note", () => {
    for (const text of ["x", ",", "NaN,Infinity", "4;4"]) {
      const {state, notes} = parseState(new URLSearchParams({units: text}));
      expect(state.units, text).toEqual([4, 4]);
      expect(notes, text).toHaveLength(1);
      expect(notes[0], text).toMatch(new RegExp(`^units=.* gives no layer's width \\(.+\\); using 4,4$`));
    }
  });
});

describe("problem=…, dataset=… and loss=…", () => {
  test("each problem has its datasets; regression starts with the plane", () => {
    expect(problemIds).toEqual(["classification", "regression"]);
    expect(parseState("problem=regression")).toMatchObject({
      state: {problem: "regression", dataset: "plane"},
      notes: []
    });
    for (const problem of problemIds) {
      for (const dataset of problemDatasets[problem]) {
        expect(parseState(`problem=${problem}&dataset=${dataset}`)).toMatchObject({
          state: {problem, dataset},
          notes: []
        });
      }
    }
  });

  test("a dataset of the other problem gets a note and the problem's default", () => {
    expect(parseState("dataset=plane")).toMatchObject({
      state: {problem: "classification", dataset: "circle"},
      notes: ["dataset=plane is a regression dataset; with problem=classification using circle"]
    });
    expect(parseState("problem=regression&dataset=spiral")).toMatchObject({
      state: {problem: "regression", dataset: "plane"},
      notes: ["dataset=spiral is a classification dataset; with problem=regression using plane"]
    });
    expect(parseState("problem=regression&dataset=moons").notes).toEqual([
      "dataset=moons is not a dataset here (plane, multiGaussian); using plane"
    ]);
    expect(parseState("dataset=moons").notes).toEqual([
      "dataset=moons is not a dataset here (circle, xor, gaussians, spiral); using circle"
    ]);
  });

  test("cross-entropy is for classification only", () => {
    expect(lossIds).toEqual(["squaredError", "crossEntropy"]);
    expect(parseState("loss=crossEntropy")).toMatchObject({state: {loss: "crossEntropy"}, notes: []});
    expect(parseState("problem=regression&loss=crossEntropy")).toMatchObject({
      state: {problem: "regression", loss: "squaredError"},
      notes: [
        "loss=crossEntropy is for classification (a sigmoid output on targets 0 and 1); with problem=regression using squaredError"
      ]
    });
  });
});

describe("points=…", () => {
  test("are the reader's own points, kept to two decimals", () => {
    const {state, notes} = parseState("points=.5,-.25,1_0,1.234,0_-1.6,1.6,-1");
    expect(notes).toEqual([]);
    expect(state.points).toEqual([
      {x1: 0.5, x2: -0.25, label: 1},
      {x1: 0, x2: 1.23, label: -1},
      {x1: -1.6, x2: 1.6, label: -1}
    ]);
  });

  test("an empty value is an empty set of points (the reader cleared them)", () => {
    expect(parseState("points=")).toMatchObject({state: {points: []}, notes: []});
  });

  test("labels must suit the problem", () => {
    expect(parseState("problem=regression&points=.1,.2,.35").state.points).toEqual([
      {x1: 0.1, x2: 0.2, label: 0.35}
    ]);
    const {state, notes} = parseState("points=.1,.2,.35_.3,.4,1");
    expect(state.points).toEqual([{x1: 0.3, x2: 0.4, label: 1}]);
    expect(notes).toEqual([
      'points=.1,.2,.35_.3,.4,1: point 1 (".1,.2,.35") cannot be used: label 0.35 is not a class (1, or −1 or 0 for the other class); those points are left out'
    ]);
  });

  test("malformed points are left out with a note", () => {
    const {state, notes} = parseState("points=1,2_x,1,1_1,1,1,1_9,0,1_NaN,0,1_.2,.2,1");
    expect(state.points).toEqual([{x1: 0.2, x2: 0.2, label: 1}]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /^points=.*: point 1 \("1,2"\) is not three numbers x₁,x₂,label; .*; and 2 more; those points are left out$/
    );
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
    expect(serializeState(state)).toBe("activation=custom&formula=x*x");
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

  test('a "+" typed by hand into the address means plus, as /your-own reads it', () => {
    const {state, activation, notes} = parseState("?activation=custom&formula=sin(x)+x", compileActivation);
    expect(notes).toEqual([]);
    expect(state.formula).toBe("sin(x)+x");
    expect(activation.f(0.5)).toBeCloseTo(Math.sin(0.5) + 0.5, 14);
    expect(activation.df(0.5)).toBeCloseTo(Math.cos(0.5) + 1, 14);
    // without the "?" too, and a form-encoded space still a space
    expect(parseState("activation=custom&formula=log(1+exp(x))", compileActivation).state.formula).toBe(
      "log(1+exp(x))"
    );
    expect(parseState("activation=custom&formula=x+*+sigmoid(x)", compileActivation).state.formula).toBe(
      "x * sigmoid(x)"
    );
    // the parameters alone cannot tell: "+" was already read as a space, and the parser says why it fails
    const fromParams = parseState(
      new URLSearchParams("activation=custom&formula=sin(x)+x"),
      compileActivation
    );
    expect(fromParams.state.activation).toBe("tanh");
    expect(fromParams.notes[0]).toMatch(/^formula=sin\(x\) x cannot be used/);
  });

  test("resolveActivation keeps a registered id as is", () => {
    const state = {...defaultState, activation: "sigmoid" as const};
    expect(resolveActivation(state)).toEqual({state, activation: activations.sigmoid});
  });
});

describe("serializeState", () => {
  test("writes nothing for the defaults, so the address stays short", () => {
    expect(serializeState(defaultState)).toBe("");
    expect(serializeState({...defaultState, problem: "regression", dataset: "plane"})).toBe(
      "problem=regression"
    );
  });

  test("writes only what differs, in stateKeys order, lists with bare commas", () => {
    expect(
      serializeState({
        ...defaultState,
        discretise: true,
        units: [8, 8, 4],
        features: ["x1", "x1Squared"],
        dataset: "xor",
        lr: 0.00001,
        residual: true
      })
    ).toBe("dataset=xor&features=x1,x1Squared&units=8,8,4&residual=on&lr=0.00001&discretise=on");
    expect(serializeState({...defaultState, units: []})).toBe("units=");
    expect(serializeState({...defaultState, problem: "regression", dataset: "circle"})).toBe(
      "problem=regression&dataset=circle"
    );
  });

  test("writes a state of the older form {layers, units: a number} as its list, missing fields as defaults", () => {
    expect(
      serializeState({
        dataset: "xor",
        noise: 0.1,
        split: 0.5,
        seed: 1,
        layers: 3,
        units: 6,
        activation: "relu",
        lr: 0.03,
        batch: 10
      })
    ).toBe("dataset=xor&units=6,6,6&activation=relu");
    expect(serializeState({layers: 0, units: 4})).toBe("units=");
    expect(serializeState({})).toBe("");
  });

  test("writes the reader's points while they are short enough, and says when they are not", () => {
    const few = [
      {x1: 0.5, x2: -0.25, label: 1},
      {x1: 0, x2: 1.2, label: -1}
    ];
    expect(serializeState({...defaultState, points: few})).toBe("points=.5,-.25,1_0,1.2,-1");
    expect(serializeState({...defaultState, points: []})).toBe("points=");
    const many = Array.from({length: 200}, (_, k) => ({x1: -1.23, x2: 1.23, label: k % 2 ? 1 : -1}));
    expect(encodePoints(many).length).toBeGreaterThan(MAX_POINTS_PARAM_LENGTH);
    expect(serializeState({...defaultState, points: many, seed: 3})).toBe("seed=3");
    expect(pointsShareNote(many)).toBe(
      "200 points are too many to share in the address; download them as CSV"
    );
    expect(pointsShareNote(few)).toBeNull();
  });

  test("round-trips through parseState", () => {
    const state: PlaygroundState = {
      ...defaultState,
      problem: "regression",
      dataset: "multiGaussian",
      noise: 0.35,
      split: 0.3,
      seed: 123,
      features: ["x2", "x1x2", "sinX1"],
      units: [8, 1, 8, 2, 8, 3],
      activation: "leakyRelu",
      init: "glorotUniform",
      lr: 10,
      batch: 100,
      reg: "L1",
      regRate: 0.3,
      showTest: true,
      points: [{x1: -1.6, x2: 0.07, label: -0.33}]
    };
    const parsed = parseState(serializeState(state));
    expect(parsed.notes).toEqual([]);
    expect(parsed.state).toEqual(state);
  });

  test("every valid state round-trips (property)", () => {
    const hundredths = (lo: number, hi: number) =>
      fc.integer({min: lo * 100, max: hi * 100}).map((k) => k / 100);
    const state = fc
      .record({
        problem: fc.constantFrom(...problemIds),
        datasetIndex: fc.nat(),
        noise: fc.integer({min: 0, max: 10}).map((k) => snapToStep(k * 0.05, {min: 0, step: 0.05})),
        split: fc.integer({min: 1, max: 9}).map((k) => snapToStep(k / 10, {min: 0.1, step: 0.1})),
        seed: fc.integer({min: 0, max: 4294967295}),
        features: fc.subarray([...featureIds], {minLength: 1}),
        units: fc.array(fc.integer({min: 1, max: 8}), {maxLength: 6}),
        activation: fc.constantFrom(...activationIds),
        init: fc.constantFrom(...initIds),
        crossEntropy: fc.boolean(),
        residual: fc.boolean(),
        lr: fc.constantFrom(...learningRates),
        batch: fc.constantFrom(...batchSizes),
        reg: fc.constantFrom(...regIds),
        regRate: fc.constantFrom(...regRates),
        showTest: fc.boolean(),
        discretise: fc.boolean(),
        points: fc.option(
          fc.array(
            fc.record({x1: hundredths(-1.6, 1.6), x2: hundredths(-1.6, 1.6), label: hundredths(-1, 1)}),
            {
              maxLength: 40
            }
          ),
          {nil: undefined}
        )
      })
      .map(({datasetIndex, crossEntropy, points, ...rest}): PlaygroundState => {
        const datasets = problemDatasets[rest.problem];
        const classes = rest.problem === "classification";
        const s: PlaygroundState = {
          ...rest,
          dataset: datasets[datasetIndex % datasets.length],
          loss: crossEntropy && classes ? "crossEntropy" : "squaredError"
        };
        if (points) s.points = points.map((p) => (classes ? {...p, label: p.label >= 0 ? 1 : -1} : p));
        return s;
      });
    fc.assert(
      fc.property(state, (s) => {
        const query = serializeState(s);
        const parsed = parseState(query);
        expect(parsed.notes).toEqual([]);
        expect(parsed.state).toEqual(s);
        // written through a URL, as the page does, it reads the same
        const url = new URL(`https://course.test/playground?${query}`);
        expect(parseState(url.search).state).toEqual(s);
      }),
      {numRuns: 300}
    );
  });

  test("any query at all gives a valid state, without throwing, that reads back without a note (property)", () => {
    const keys = [...stateKeys, "layers", "formula", "points", "other"];
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom(
        "",
        "0",
        "-0",
        "NaN",
        "Infinity",
        "1e308",
        "-1e-308",
        "8,,x",
        ",",
        "on",
        "x1,x9",
        ".5,.5,1_x"
      ),
      fc.array(fc.integer({min: -20, max: 20}), {maxLength: 9}).map((list) => list.join(","))
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...keys), value), {maxLength: 12}), (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const {state, notes} = parseState(query);
        expect(notes.every((note) => typeof note === "string" && note.length > 0)).toBe(true);
        expect(problemDatasets[state.problem] as readonly string[]).toContain(state.dataset);
        expect(state.features.length).toBeGreaterThan(0);
        expect(state.units.length).toBeLessThanOrEqual(6);
        expect(state.units.every((w) => Number.isInteger(w) && w >= 1 && w <= 8)).toBe(true);
        expect(learningRates).toContain(state.lr);
        expect(regRates).toContain(state.regRate);
        expect(
          Number.isFinite(state.noise) && Number.isFinite(state.split) && Number.isInteger(state.seed)
        ).toBe(true);
        if (state.problem === "regression") expect(state.loss).toBe("squaredError");
        const again = parseState(serializeState(state));
        expect(again.notes).toEqual([]);
        expect(again.state).toEqual(state);
      }),
      {numRuns: 500}
    );
  });

  test("float dust from snapping never reaches the URL", () => {
    expect(snapToStep(0.1 + 0.2, {min: 0, step: 0.05})).toBe(0.3);
    expect(snapToStep(0.7000000001, {min: 0.1, step: 0.1})).toBe(0.7);
    for (let k = 0; k <= 10; k++)
      expect(String(snapToStep(k * 0.05, {min: 0, step: 0.05})).length).toBeLessThanOrEqual(4);
  });
});

describe("choices", () => {
  test("nearestLogChoice picks on a log scale, 0 for values under half the smallest step", () => {
    expect(nearestLogChoice(0.05, learningRates)).toBe(0.03);
    expect(nearestLogChoice(0.06, learningRates)).toBe(0.1);
    expect(nearestLogChoice(3, batchSizes)).toBe(2);
    expect(nearestLogChoice(4, batchSizes)).toBe(5);
    expect(nearestLogChoice(0, regRates)).toBe(0);
    expect(nearestLogChoice(0.00049, regRates)).toBe(0);
    expect(nearestLogChoice(0.0005, regRates)).toBe(0.001);
    expect(nearestLogChoice(7, regRates)).toBe(10);
  });

  test("the defaults are among the choices", () => {
    expect(learningRates).toContain(defaultState.lr);
    expect(batchSizes).toContain(defaultState.batch);
    expect(regRates).toContain(defaultState.regRate);
    expect(problemDatasets[defaultState.problem]).toContain(defaultState.dataset);
    for (const problem of problemIds) expect(problemDatasets[problem]).toContain(defaultDatasets[problem]);
  });
});
