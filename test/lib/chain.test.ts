import {describe, expect, it} from "vitest";
import {activations, chainSlopes} from "../../lib/index.js";
import {expectClose} from "./helpers.js";

describe("chainSlopes", () => {
  it("the first layer's gradient is the product of the local slopes (weight 1)", () => {
    for (const id of ["sigmoid", "tanh", "gelu", "softplus"] as const) {
      for (const depth of [1, 2, 5, 20]) {
        const result = chainSlopes(id, depth, {input: 0.3});
        expect(result.z.length).toBe(depth);
        expect(result.slopes).toEqual(result.z.map(activations[id].df));
        const product = result.slopes.reduce((p, s) => p * s, 1);
        expectClose(result.firstLayerGradient, product, 1e-13, 0, `${id} depth ${depth}`);
        expectClose(result.gradients[depth - 1], result.slopes[depth - 1], 1e-13); // the last layer: its own slope
      }
    }
  });

  it("sigmoid gradients vanish at least 4× per layer; tanh and ReLU keep theirs longer", () => {
    const sigmoid = [1, 5, 10, 20].map((d) => chainSlopes("sigmoid", d).firstLayerGradient);
    sigmoid.forEach((g, k) => expect(g).toBeLessThanOrEqual(0.25 ** [1, 5, 10, 20][k]));
    expect(chainSlopes("sigmoid", 20).firstLayerGradient).toBeLessThan(1e-12);
    const tanh20 = chainSlopes("tanh", 20).firstLayerGradient;
    expect(tanh20).toBeGreaterThan(chainSlopes("sigmoid", 20).firstLayerGradient * 1e6);
    expect(chainSlopes("relu", 50).firstLayerGradient).toBe(1);
    expect(chainSlopes("linear", 50).firstLayerGradient).toBe(1);
  });

  it("a negative input kills a ReLU chain; Leaky ReLU keeps α per layer", () => {
    expect(chainSlopes("relu", 5, {input: -1}).firstLayerGradient).toBe(0);
    // first layer z = −1 < 0 and then every z stays negative: each slope is 0.01
    expectClose(chainSlopes("leakyRelu", 5, {input: -1}).firstLayerGradient, 1e-10, 1e-12);
  });

  it("the weights multiply in too: linear chain with weight 2 gives 2^(depth − 1)", () => {
    expect(chainSlopes("linear", 6, {weight: 2}).firstLayerGradient).toBe(32);
    expect(chainSlopes("linear", 6, {weight: 2}).gradients).toEqual([32, 16, 8, 4, 2, 1]);
  });

  it("rejects a bad depth or activation", () => {
    expect(() => chainSlopes("tanh", 0)).toThrow(/^depth must be an integer ≥ 1, got 0$/);
    expect(() => chainSlopes("tanh", 2.5)).toThrow(/^depth must be an integer ≥ 1, got 2.5$/);
    expect(() => chainSlopes("bogus" as "tanh", 2)).toThrow(/unknown activation "bogus"/);
  });
});
