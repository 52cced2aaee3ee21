import {describe, expect, it} from "vitest";
import {
  activations,
  createMlp,
  createRandom,
  forward,
  predict,
  toDenseLayers,
  uniform,
  unitValues,
  unitValuesAt
} from "../../lib/index.js";
import type {ActivationId, Mlp, UnitValues} from "../../lib/index.js";
import {forwardExample} from "../../lib/mlpLoops.js";
import {expectClose} from "./helpers.js";

/** n random rows of `width` numbers in [−scale, scale]. */
function randomRows(n: number, width: number, seed: number, scale = 1): Float64Array {
  const random = createRandom(seed);
  return Float64Array.from({length: n * width}, () => uniform(random, -scale, scale));
}

describe("unitValues", () => {
  const hidden: ActivationId[] = ["tanh", "sigmoid", "relu", "leakyRelu", "linear", "elu", "gelu", "swish"];
  for (const activation of hidden) {
    for (const compile of [true, false]) {
      it(`${activation}${compile ? "" : " (loops)"}: every unit's z, f(z) and f′(z) equal lib/network.ts's forward pass`, () => {
        const mlp = createMlp({
          sizes: [3, 5, 4, 2],
          activation,
          outputActivation: "sigmoid",
          seed: 5,
          compile
        });
        const inputs = randomRows(7, 3, 9, 2);
        const values = unitValues(mlp, inputs);
        const net = toDenseLayers(mlp);
        expect(values.z.map((z) => z.length)).toEqual([35, 28, 14]);
        expect(values.a.map((a) => a.length)).toEqual([35, 28, 14]);
        for (let e = 0; e < 7; e++) {
          const pass = forward(net, Array.from(inputs.subarray(e * 3, e * 3 + 3)));
          pass.z.forEach((zl, l) =>
            zl.forEach((z, j) => {
              // the same sums; a kernel may differ from its record's f by a few ulps (kernels.ts)
              expectClose(values.z[l][e * zl.length + j], z, 1e-13, 1e-15, `z[${l}] e${e} j${j}`);
              expectClose(values.a[l][e * zl.length + j], pass.a[l][j], 1e-13, 1e-15, `a[${l}] e${e} j${j}`);
              const f = l === 2 ? activations.sigmoid : activations[activation];
              expectClose(
                values.slope[l][e * zl.length + j],
                f.df(z),
                1e-13,
                1e-15,
                `slope[${l}] e${e} j${j}`
              );
            })
          );
        }
      });
    }
  }

  it("the last layer's a is predict's output, bit for bit (compiled and loops)", () => {
    for (const compile of [true, false]) {
      const mlp = createMlp({
        sizes: [2, 8, 8, 8, 3],
        activation: "tanh",
        outputActivation: "tanh",
        seed: 2,
        compile
      });
      const inputs = randomRows(50, 2, 4, 5);
      const values = unitValues(mlp, inputs);
      expect(Array.from(values.a[3])).toEqual(Array.from(predict(mlp, inputs)));
    }
  });

  it("reuses out when its shapes match, and allocates afresh otherwise", () => {
    const mlp = createMlp({sizes: [2, 4, 1], activation: "relu", seed: 3});
    const first = unitValues(mlp, randomRows(10, 2, 1));
    const again = unitValues(mlp, randomRows(10, 2, 2), first);
    expect(again).toBe(first);
    expect(again.z[0]).toBe(first.z[0]);
    const fresh = unitValues(mlp, randomRows(11, 2, 2), first);
    expect(fresh).not.toBe(first);
    expect(fresh.z[0].length).toBe(44);
    // a wrongly shaped or malformed out is not written into
    const wrong = {z: [new Float64Array(40)], a: [new Float64Array(40)], slope: [new Float64Array(40)]};
    expect(unitValues(mlp, randomRows(10, 2, 2), wrong)).not.toBe(wrong);
    expect(Array.from(wrong.z[0])).toEqual(Array(40).fill(0));
  });

  it("no examples gives empty buffers; bad inputs get a clear error", () => {
    const mlp = createMlp({sizes: [2, 3, 1], activation: "tanh"});
    const empty = unitValues(mlp, new Float64Array(0));
    expect(empty.z.map((z) => z.length)).toEqual([0, 0]);
    expect(() => unitValues(mlp, new Float64Array(3))).toThrow(/not a multiple of 2/);
    expect(() => unitValues(mlp, [1, 2] as unknown as Float64Array)).toThrow(/Float64Array/);
  });

  it("huge and infinite inputs saturate instead of failing", () => {
    const mlp = createMlp({sizes: [2, 3, 1], activation: "tanh", outputActivation: "sigmoid", seed: 4});
    const values = unitValues(mlp, Float64Array.from([1e300, -1e300, Infinity, 0]));
    for (let e = 0; e < 2; e++)
      for (let j = 0; j < 3; j++) expect(Math.abs(values.a[0][e * 3 + j])).toBeLessThanOrEqual(1);
    for (const y of values.a[1]) expect(y >= 0 && y <= 1).toBe(true);
    expect(values.slope.every((s) => s.every((v) => v >= 0 && v <= 1))).toBe(true);
  });

  it("a NaN input gives NaN for that example's units only", () => {
    for (const compile of [true, false]) {
      const mlp = createMlp({sizes: [2, 3, 3, 1], activation: "relu", residual: true, seed: 4, compile});
      const values = unitValues(mlp, Float64Array.from([NaN, 0.5, 0.2, 0.3]));
      for (let l = 0; l < 3; l++) {
        const width = mlp.sizes[l + 1];
        for (let j = 0; j < width; j++) {
          expect(values.z[l][j]).toBeNaN();
          expect(values.a[l][j]).toBeNaN();
          expect(Number.isFinite(values.a[l][width + j])).toBe(true);
        }
      }
    }
  });

  it("generated code and loops write the same numbers, bit for bit, with and without skips", () => {
    for (const residual of [false, true]) {
      const options = {
        sizes: [2, 6, 6, 6, 5, 5, 2],
        activation: "tanh",
        outputActivation: "sigmoid",
        residual,
        seed: 8
      } as const;
      const compiled = createMlp(options);
      const loops = createMlp({...options, compile: false});
      expect(compiled.scratch.compiled?.layers).toHaveLength(6);
      const inputs = randomRows(33, 2, 5, 4);
      const a = unitValues(compiled, inputs);
      const b = unitValues(loops, inputs);
      expect(a).toEqual(b);
      expect(Array.from(a.a[5])).toEqual(Array.from(predict(compiled, inputs)));
      expect(Array.from(b.a[5])).toEqual(Array.from(predict(loops, inputs)));
    }
  });

  it("one buffer reused across networks of the same shape, with and without skips, stays right", () => {
    const sizes = [2, 4, 4, 4, 1];
    const plain = createMlp({sizes, activation: "relu", seed: 6});
    const skipping = createMlp({sizes, activation: "relu", seed: 6, residual: true});
    const inputs = randomRows(20, 2, 7, 3);
    const shared = unitValues(plain, inputs);
    expect(unitValues(skipping, inputs, shared)).toBe(shared);
    expect(Array.from(shared.a[3])).toEqual(Array.from(predict(skipping, inputs)));
    // the skips change what later layers see (same weights)
    expect(Array.from(shared.a[3])).not.toEqual(Array.from(predict(plain, inputs)));
    expect(unitValues(plain, inputs, shared)).toBe(shared);
    expect(Array.from(shared.a[3])).toEqual(Array.from(predict(plain, inputs)));
  });

  it("a network too large for generated code runs the loops, with the same results as predict", () => {
    // the playground's largest network (7 input features, 6 hidden layers of 8) runs generated code
    const largest = createMlp({sizes: [7, 8, 8, 8, 8, 8, 8, 1], activation: "tanh"});
    expect(largest.scratch.compiled?.layers[0]).toBeTypeOf("function");
    expect(createMlp({sizes: [2, 18, 18, 18, 1], activation: "tanh"}).scratch.compiled).toBeNull();
    const mlp = createMlp({sizes: [2, 40, 40, 40, 1], activation: "tanh", seed: 3, residual: true});
    expect(mlp.scratch.compiled).toBeNull();
    const inputs = randomRows(10, 2, 2);
    expect(Array.from(unitValues(mlp, inputs).a[3])).toEqual(Array.from(predict(mlp, inputs)));
  });
});

/** Example e's values of every unit in `values` (k-th example there), as plain arrays. */
function exampleOf(values: UnitValues, k: number, sizes: readonly number[]) {
  const pick = (buffers: Float64Array[]) =>
    buffers.map((buffer, l) => Array.from(buffer.subarray(k * sizes[l + 1], (k + 1) * sizes[l + 1])));
  return {z: pick(values.z), a: pick(values.a), slope: pick(values.slope)};
}

/** Every unit of the example forwardExample ran last, from the network's scratch buffers. */
function trainingPass(mlp: Mlp) {
  const {z, f, slope} = mlp.scratch;
  return {
    z: z.map((zl) => Array.from(zl)),
    a: f.slice(1).map((fl) => Array.from(fl)), // f(z), before the skip's sum
    slope: slope.map((sl) => Array.from(sl))
  };
}

describe("unitValues and training's pass", () => {
  it("every unit's z, f(z) and f′(z) are training's example-by-example pass, bit for bit, over several blocks", () => {
    for (const residual of [false, true]) {
      for (const compile of [true, false]) {
        const mlp = createMlp({sizes: [3, 6, 6, 6, 2], activation: "tanh", residual, seed: 12, compile});
        const n = 530; // blocks of 256, 256 and 18 examples in predict's pass
        const inputs = randomRows(n, 3, 13, 3);
        const values = unitValues(mlp, inputs);
        for (let e = 0; e < n; e++) {
          forwardExample(mlp, inputs, e);
          expect(exampleOf(values, e, mlp.sizes)).toEqual(trainingPass(mlp));
        }
      }
    }
  });
});

describe("unitValuesAt", () => {
  const n = 600; // blocks of 256, 256 and 88 examples in predict's pass
  const chosen = [
    Int32Array.from([0, 1, 2, 255, 256, 257, 511, 512, 599]), // at the blocks' edges
    Int32Array.from({length: 200}, (_, k) => 3 * k + 1), // every third, as the playground's preview cells
    Int32Array.from([300]), // one row in a middle block
    new Int32Array(0) // none: the outputs alone
  ];
  const cases = [
    ["tanh", false],
    ["tanh", true],
    ["relu", false],
    ["relu", true],
    ["sigmoid", true]
  ] as const;
  for (const [activation, residual] of cases) {
    for (const compile of [true, false]) {
      it(`${activation}${residual ? " with skips" : ""}${compile ? "" : " (loops)"}: unitValues at the rows, and predict's outputs at every row, bit for bit`, () => {
        const mlp = createMlp({
          sizes: [2, 5, 5, 5, 1],
          activation,
          outputActivation: "sigmoid",
          residual,
          seed: 7,
          compile
        });
        const inputs = randomRows(n, 2, 21, 3);
        const every = unitValues(mlp, inputs);
        const expectedOutput = Array.from(predict(mlp, inputs));
        for (const rows of chosen) {
          const output = new Float64Array(n).fill(NaN);
          const values = unitValuesAt(mlp, inputs, rows, undefined, output);
          expect(values.z.map((z) => z.length)).toEqual([5, 5, 5, 1].map((width) => rows.length * width));
          rows.forEach((row, k) => {
            const found = exampleOf(values, k, mlp.sizes);
            expect(found).toEqual(exampleOf(every, row, mlp.sizes));
            // and training's pass over that example alone
            forwardExample(mlp, inputs, row);
            expect(found).toEqual(trainingPass(mlp));
          });
          expect(Array.from(output)).toEqual(expectedOutput);
        }
      });
    }
  }

  it("null rows are every example: unitValues, with the outputs", () => {
    const mlp = createMlp({sizes: [2, 4, 4, 1], activation: "tanh", residual: true, seed: 8});
    const inputs = randomRows(300, 2, 4);
    const output = new Float64Array(300);
    expect(unitValuesAt(mlp, inputs, null, undefined, output)).toEqual(unitValues(mlp, inputs));
    expect(Array.from(output)).toEqual(Array.from(predict(mlp, inputs)));
    // more examples than any call before: every row is still recorded
    const more = randomRows(900, 2, 5);
    expect(Array.from(unitValuesAt(mlp, more, null).a[2])).toEqual(Array.from(predict(mlp, more)));
  });

  it("reuses out when its shapes match the rows, and needs no output", () => {
    const mlp = createMlp({sizes: [2, 4, 1], activation: "tanh", seed: 3});
    const inputs = randomRows(40, 2, 1);
    const rows = Int32Array.from([2, 5, 39]);
    const first = unitValuesAt(mlp, inputs, rows);
    const again = unitValuesAt(mlp, randomRows(40, 2, 2), Int32Array.from([0, 1, 2]), first);
    expect(again).toBe(first);
    expect(again).toEqual(unitValues(mlp, randomRows(3, 2, 2)));
    expect(unitValuesAt(mlp, inputs, Int32Array.from([1, 2]), first)).not.toBe(first);
    // a wrongly shaped out is not written into
    const wrong = {z: [new Float64Array(4)], a: [new Float64Array(4)], slope: [new Float64Array(4)]};
    expect(unitValuesAt(mlp, inputs, Int32Array.from([7]), wrong)).not.toBe(wrong);
    expect(Array.from(wrong.z[0])).toEqual([0, 0, 0, 0]);
  });

  it("bad rows and a bad output get a clear error, before anything is written", () => {
    const mlp = createMlp({sizes: [2, 3, 1], activation: "tanh", seed: 2});
    const inputs = randomRows(10, 2, 3);
    const output = new Float64Array(10);
    const refused: [unknown, RegExp][] = [
      [
        [1, 2],
        /^rows must be an Int32Array of example indices in ascending order \(or null: every example\), got an object of type Array$/
      ],
      [Float64Array.from([1, 2]), /^rows must be an Int32Array .*, got an object of type Float64Array$/],
      [undefined, /^rows must be an Int32Array .*, got undefined$/],
      [Int32Array.from([0, 10]), /^rows\[1\] is 10, outside the inputs' 10 examples \(rows 0 to 9\)$/],
      [Int32Array.from([-1]), /^rows\[0\] is -1, outside the inputs' 10 examples/],
      [Int32Array.from([3, 2]), /^rows must ascend, each once: rows\[1\] is 2, after rows\[0\] = 3$/],
      [Int32Array.from([4, 4]), /^rows must ascend, each once: rows\[1\] is 4, after rows\[0\] = 4$/]
    ];
    for (const [rows, message] of refused) {
      expect(() => unitValuesAt(mlp, inputs, rows as Int32Array, undefined, output)).toThrow(message);
    }
    expect(() => unitValuesAt(mlp, new Float64Array(0), Int32Array.from([0]))).toThrow(
      /^rows\[0\] is 0, outside the inputs' 0 examples \(none\)$/
    );
    expect(Array.from(output)).toEqual(Array(10).fill(0));
    expect(() => unitValuesAt(mlp, inputs, Int32Array.from([1]), undefined, new Float64Array(9))).toThrow(
      /^output must be a Float64Array of 10 entries \(10 examples × 1 outputs\), got 9 entries$/
    );
    expect(() =>
      unitValuesAt(mlp, inputs, Int32Array.from([1]), undefined, [] as unknown as Float64Array)
    ).toThrow(/^output must be a Float64Array of 10 entries .*, got an object of type Array$/);
    expect(() => unitValuesAt(mlp, new Float64Array(3), Int32Array.from([0]))).toThrow(/not a multiple of 2/);
  });
});
