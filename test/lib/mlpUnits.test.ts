import {describe, expect, it} from "vitest";
import {createMlp, createRandom, forward, predict, toDenseLayers, uniform, unitValues} from "../../lib/index.js";
import type {ActivationId} from "../../lib/index.js";
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
      it(`${activation}${compile ? "" : " (loops)"}: every unit's z and f(z) equal lib/network.ts's forward pass`, () => {
        const mlp = createMlp({sizes: [3, 5, 4, 2], activation, outputActivation: "sigmoid", seed: 5, compile});
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
            })
          );
        }
      });
    }
  }

  it("the last layer's a is predict's output, bit for bit (compiled and loops)", () => {
    for (const compile of [true, false]) {
      const mlp = createMlp({sizes: [2, 8, 8, 8, 3], activation: "tanh", outputActivation: "tanh", seed: 2, compile});
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
    const wrong = {z: [new Float64Array(40)], a: [new Float64Array(40)]};
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
    for (let e = 0; e < 2; e++) for (let j = 0; j < 3; j++) expect(Math.abs(values.a[0][e * 3 + j])).toBeLessThanOrEqual(1);
    for (const y of values.a[1]) expect(y >= 0 && y <= 1).toBe(true);
  });
});
