import {describe, expect, it} from "vitest";
import {activationIds, activations, SELU_ALPHA, SELU_SCALE} from "../../lib/activations.js";
import {
  frameworkBridge,
  frameworkBridges,
  frameworkIds,
  frameworkLabels,
  frameworksDifferingAtKink,
  geluTanhMaxError
} from "../../lib/frameworks.js";
import {expectClose} from "./helpers.js";

const TINY = 1e-300;

/** Equal to within rounding of the product λα (the only computed constant stated). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-15 * Math.max(1, Math.abs(a), Math.abs(b));
}

// The entries present: a record may have none yet (frameworkBridges is a partial map).
const ids = Object.keys(frameworkBridges) as (keyof typeof frameworkBridges)[];

describe("frameworkBridges", () => {
  it("has PyTorch, TensorFlow and JAX code for each entry, and entries only for registered activations", () => {
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(activationIds, id).toContain(id);
    expect(frameworkIds).toEqual(["pytorch", "tensorflow", "jax"]);
    for (const framework of frameworkIds) expect(frameworkLabels[framework].length).toBeGreaterThan(0);
    for (const id of ids) {
      for (const framework of frameworkIds) {
        const {code} = frameworkBridges[id][framework];
        expect(code.trim().length, `${id} ${framework}`).toBeGreaterThan(0);
        expect(code, `${id} ${framework}: no trailing spaces`).not.toMatch(/[ \t]$/m);
        expect(code, `${id} ${framework}: assigns y`).toMatch(/^y = /m);
      }
    }
  });

  it("states a kink derivative exactly for the activations that have a kink", () => {
    for (const id of ids) {
      const act = activations[id];
      const hasKink = !act.smooth;
      for (const framework of frameworkIds) {
        const kink = frameworkBridges[id][framework].kink;
        expect(kink !== undefined, `${id} ${framework}`).toBe(hasKink);
        if (hasKink) expect(act.derivativeAtZeroConvention, id).toBeDefined();
      }
    }
  });

  it("marks a framework as differing from the course exactly when its kink value is not lib's f′ there", () => {
    let checked = 0;
    for (const id of ids) {
      for (const framework of frameworkIds) {
        const kink = frameworkBridges[id][framework].kink;
        if (!kink) continue;
        const course = activations[id].df(kink.at);
        expect(kink.differsFromCourse, `${id} ${framework}: ${kink.value} vs course ${course}`).toBe(
          !same(kink.value, course)
        );
        checked++;
      }
    }
    expect(checked).toBe(9);
  });

  it("states only one-sided slopes at a kink: each value is the slope just left or just right of it", () => {
    for (const id of ids) {
      for (const framework of frameworkIds) {
        const kink = frameworkBridges[id][framework].kink;
        if (!kink) continue;
        const left = activations[id].df(kink.at - TINY);
        const right = activations[id].df(kink.at + TINY);
        expect(same(kink.value, left) || same(kink.value, right), `${id} ${framework}`).toBe(true);
        expect(kink.rule.length).toBeGreaterThan(0);
      }
    }
  });

  it("gives the values read from each framework's source", () => {
    const alpha = activations.leakyRelu.df(-1);
    const at = (id: "relu" | "leakyRelu" | "selu") => frameworkIds.map((f) => frameworkBridges[id][f].kink!.value);
    expect(at("relu")).toEqual([0, 0, 0]);
    expect(at("leakyRelu")).toEqual([alpha, alpha, 1]);
    expect(at("selu")).toEqual([SELU_SCALE * SELU_ALPHA, SELU_SCALE, SELU_SCALE * SELU_ALPHA]);
    // and lib's own conventions, which the pages compare them with
    expect(activations.relu.df(0)).toBe(0);
    expect(activations.leakyRelu.df(0)).toBe(alpha);
    expectClose(activations.selu.df(0), SELU_SCALE * SELU_ALPHA, 1e-15);
  });

  it("names the frameworks that differ from the course at a kink", () => {
    expect(frameworksDifferingAtKink("relu")).toEqual([]);
    expect(frameworksDifferingAtKink("leakyRelu")).toEqual(["jax"]);
    expect(frameworksDifferingAtKink("selu")).toEqual(["tensorflow"]);
    expect(frameworksDifferingAtKink("sigmoid")).toEqual([]);
  });

  it("uses the course's α in the Leaky ReLU code, whatever each framework's default", () => {
    const alpha = String(activations.leakyRelu.df(-1));
    for (const framework of frameworkIds) expect(frameworkBridges.leakyRelu[framework].code).toContain(`=${alpha})`);
    expect(frameworkBridges.leakyRelu.tensorflow.code).toContain("default alpha is 0.2");
  });

  it("writes GELU's approximation flag as each framework spells it", () => {
    expect(frameworkBridges.gelu.pytorch.code).not.toContain('approximate="tanh"');
    expect(frameworkBridges.geluTanh.pytorch.code).toContain('approximate="tanh"');
    expect(frameworkBridges.gelu.tensorflow.code).toContain("approximate=False, the default");
    expect(frameworkBridges.geluTanh.tensorflow.code).toContain("approximate=True");
    // jax.nn.gelu's default is the tanh form, so the exact one must say approximate=False
    expect(frameworkBridges.gelu.jax.code).toContain("approximate=False");
    expect(frameworkBridges.geluTanh.jax.code).toContain("approximate=True, the default");
  });

  it("answers an unknown id with an error that lists the known ones", () => {
    expect(() => frameworkBridge("softsign")).toThrow(/no framework code for "softsign"; expected one of sigmoid/);
    expect(() => frameworkBridge("__proto__")).toThrow(/no framework code/);
    expect(() => frameworksDifferingAtKink("")).toThrow(/no framework code/);
    expect(frameworkBridge("tanh")).toBe(frameworkBridges.tanh);
  });
});

describe("geluTanhMaxError", () => {
  const gap = (x: number) => Math.abs(activations.gelu.f(x) - activations.geluTanh.f(x));
  const result = geluTanhMaxError();

  it("is at least every value of a dense independent scan of [−20, 20], and within rounding of its best", () => {
    let best = 0;
    for (let i = 0; i <= 400_000; i++) best = Math.max(best, gap(-20 + i * 1e-4));
    expect(result.value).toBeGreaterThanOrEqual(best);
    expect(result.value - best).toBeLessThan(1e-10);
    expect(result.value).toBe(gap(result.x));
  });

  it("is a local maximum, far larger than the gap in either tail", () => {
    for (const dx of [1e-3, 1e-5]) {
      expect(gap(result.x - dx)).toBeLessThanOrEqual(result.value);
      expect(gap(result.x + dx)).toBeLessThanOrEqual(result.value);
    }
    for (const x of [-10, 10, -1e6, 1e6]) expect(gap(x)).toBeLessThan(result.value * 1e-6);
    expect(gap(-Infinity)).toBe(0);
  });
});
