import * as tf from "@tensorflow/tfjs";
import {beforeAll, describe, expect, it} from "vitest";
import {activations} from "../../lib/activations.js";
import {gatedIds, gatedPoint, gatedReferences, gatedUnits, gatedValue, getGatedUnit} from "../../lib/gated.js";
import type {GatedId} from "../../lib/gated.js";
import {expectClose, grid} from "./helpers.js";

const xs = grid(-6, 6, 49);
const weights = [-2.5, -1, -0.3, 0, 0.4, 1, 2];

describe("gatedUnits", () => {
  it("gate with sigmoid (GLU), Swish (SwiGLU) and exact GELU (GeGLU)", () => {
    expect(gatedIds).toEqual(["glu", "swiglu", "geglu"]);
    expect(gatedUnits.glu.gate).toBe(activations.sigmoid);
    expect(gatedUnits.swiglu.gate).toBe(activations.swish);
    expect(gatedUnits.geglu.gate).toBe(activations.gelu);
    for (const id of gatedIds) expect(gatedUnits[id].id).toBe(id);
  });

  it("cite the papers with the gate on the factor each one puts it on", () => {
    expect(gatedUnits.glu.source).toMatch(/Dauphin.*2017.*\(XW \+ b\) ⊗ σ\(XV \+ c\)/);
    expect(gatedUnits.swiglu.source).toMatch(/Shazeer \(2020\).*Swish\(xW\) ⊗ xV/);
    expect(gatedUnits.geglu.source).toMatch(/Shazeer \(2020\).*GELU\(xW\) ⊗ xV/);
  });

  it("write the gate on xW and the product rule in their TeX", () => {
    for (const id of gatedIds) {
      const {gate, f, dfdx, dfdw, dfdv} = gatedUnits[id].tex;
      expect(f).toContain(`${gate}(xW)\\cdot xV`);
      expect(dfdx).toContain(`${gate}'(xW)\\,W`);
      expect(dfdx).toContain(`+ ${gate}(xW)\\cdot`);
      expect(dfdw).toContain(`${gate}'(xW)\\,x\\cdot xV`);
      expect(dfdv).toContain(`${gate}(xW)\\cdot x`);
    }
  });

  it("gatedReferences names each unit's TeX <id>.<key>", () => {
    const references = gatedReferences();
    expect(Object.keys(references)).toHaveLength(15);
    expect(references["swiglu.f"]).toBe(gatedUnits.swiglu.tex.f);
    expect(references["glu.dfdx"]).toBe(gatedUnits.glu.tex.dfdx);
  });

  it("getGatedUnit names the known ids when given another", () => {
    expect(getGatedUnit("swiglu")).toBe(gatedUnits.swiglu);
    expect(() => getGatedUnit("reglu")).toThrow(/unknown gated unit "reglu"; expected one of glu, swiglu, geglu/);
    expect(() => getGatedUnit("constructor")).toThrow(/unknown gated unit/);
  });
});

describe("gatedPoint", () => {
  it("is the gate of xW times xV, piece by piece", () => {
    for (const id of gatedIds) {
      const g = gatedUnits[id].gate;
      for (const x of [-2, -0.5, 0.7, 3]) {
        for (const w of weights) {
          for (const v of weights) {
            const p = gatedPoint(id, x, w, v);
            expect(p.xw).toBe(x * w);
            expect(p.xv).toBe(x * v);
            expect(p.gate).toBe(g.f(x * w));
            expect(p.gateSlope).toBe(g.df(x * w) * w);
            expect(p.out).toBe(g.f(x * w) * (x * v));
            expect(gatedValue(id, x, w, v)).toBe(p.out);
          }
        }
      }
    }
  });

  it("GLU(x) with W = V = 1 is x·σ(x), which is Swish: the two papers' forms agree", () => {
    for (const x of xs) expectClose(gatedValue("glu", x, 1, 1), activations.swish.f(x), 1e-15, 0, `x = ${x}`);
  });

  it("Dauphin's form (xW)·σ(xV) is Shazeer's with W and V swapped", () => {
    for (const x of xs) {
      for (const w of weights) {
        const v = 1.3;
        expectClose(gatedValue("glu", x, v, w), x * w * activations.sigmoid.f(x * v), 1e-15, 0, `x = ${x}`);
      }
    }
  });

  it("derivatives in x, W and V match central differences", () => {
    const h = 1e-5;
    for (const id of gatedIds) {
      for (const x of xs) {
        for (const w of weights) {
          for (const v of [-1.5, 0.5, 2]) {
            const p = gatedPoint(id, x, w, v);
            const f = (a: number, b: number, c: number) => gatedValue(id, a, b, c);
            const dx = (f(x + h, w, v) - f(x - h, w, v)) / (2 * h);
            const dw = (f(x, w + h, v) - f(x, w - h, v)) / (2 * h);
            const dv = (f(x, w, v + h) - f(x, w, v - h)) / (2 * h);
            const at = `${id} at x = ${x}, W = ${w}, V = ${v}`;
            expectClose(p.dx, dx, 1e-6, 1e-7, `∂/∂x ${at}`);
            expectClose(p.dw, dw, 1e-6, 1e-7, `∂/∂W ${at}`);
            expectClose(p.dv, dv, 1e-6, 1e-7, `∂/∂V ${at}`);
          }
        }
      }
    }
  });

  it("takes the product rule's two terms from the pieces it reports", () => {
    for (const id of gatedIds) {
      const p = gatedPoint(id, 1.2, -0.8, 1.5);
      expect(p.dx).toBe(p.gateSlope * p.xv + p.gate * 1.5);
      expect(p.dv).toBe(p.gate * 1.2);
    }
  });

  it("at x = 0 the output is 0 and the slope is the gate's value at 0 times V", () => {
    for (const id of gatedIds) {
      const g = gatedUnits[id].gate;
      for (const v of weights) {
        const p = gatedPoint(id, 0, 1.7, v);
        // (zeros compared without their sign: 0·V is −0 for negative V)
        expect(Math.abs(p.out)).toBe(0);
        expect(p.dx).toBe(g.f(0) * v);
        expect(Math.abs(p.dw)).toBe(0);
        expect(Math.abs(p.dv)).toBe(0);
      }
    }
    expect(gatedPoint("glu", 0, 1, 2).dx).toBe(1); // σ(0) = ½, times V = 2
    expect(gatedPoint("swiglu", 0, 1, 2).dx).toBe(0); // swish(0) = 0: the gate is shut
  });

  it("W = 0 makes the gate a constant g(0); V = 0 makes the output 0", () => {
    for (const id of gatedIds) {
      const g = gatedUnits[id].gate;
      for (const x of [-3, 0.5, 4]) {
        const p = gatedPoint(id, x, 0, 2);
        expectClose(p.gate, g.f(0), 0); // g(±0): −0 for GELU at x < 0
        expectClose(p.out, g.f(0) * 2 * x, 1e-15);
        expectClose(p.dx, g.f(0) * 2, 1e-15);
        expect(Math.abs(gatedPoint(id, x, 1.5, 0).out)).toBe(0);
      }
    }
  });

  it("keeps its precision for tiny inputs (±1e-300) and −0", () => {
    // near 0: GLU(x) ≈ x·V/2, while SwiGLU(x) and GeGLU(x) ≈ W·V·x²/2
    expectClose(gatedValue("glu", 1e-300, 1, 3), 1.5e-300, 1e-15);
    expectClose(gatedValue("glu", -1e-300, 1, 3), -1.5e-300, 1e-15);
    expect(gatedValue("swiglu", 1e-300, 1, 3)).toBe(0); // underflows: 3e-600 is below the smallest double
    expectClose(gatedValue("swiglu", 1e-160, 2, 3), 3e-320, 1e-3); // subnormal result, still close
    expectClose(gatedPoint("geglu", 1e-150, 1, 1).dx, 1e-150, 1e-12); // W·V·x
    expect(Object.is(gatedPoint("glu", -0, 1, 1).out, -0)).toBe(true); // σ(−0)·(−0) = ½·(−0)
  });

  it("gives the limits for huge and infinite inputs, with no NaN from 0·∞", () => {
    // σ(xW)·xV as x → +∞ with W = 1, V = 1: x·1 → +∞; its slope → 1
    expect(gatedPoint("glu", Infinity, 1, 1)).toMatchObject({out: Infinity, dx: 1, dw: 0, dv: Infinity});
    // W = −1: the gate shuts faster than xV grows, so the output → 0 and so does its slope
    expect(gatedPoint("glu", Infinity, -1, 1)).toMatchObject({out: 0, dx: 0, dw: 0, dv: 0});
    // SwiGLU(x) with W = V = 1 is x²σ(x): → ∞ on the right, → 0 on the left
    expect(gatedPoint("swiglu", Infinity, 1, 1)).toMatchObject({out: Infinity, dx: Infinity});
    expect(gatedPoint("swiglu", -Infinity, 1, 1)).toMatchObject({out: 0, dx: 0, dw: 0, dv: 0});
    // GeGLU(x) with W = −1, V = 1 is GELU(−x)·x ≈ −x² as x → −∞: the slope −2x → +∞
    expect(gatedPoint("geglu", -Infinity, -1, 1)).toMatchObject({out: -Infinity, dx: Infinity});
    // W = 0 or V = 0 keep their products exactly 0 for every x, so also in the limit
    expect(gatedPoint("glu", Infinity, 0, 2)).toMatchObject({xw: 0, gate: 0.5, out: Infinity, dx: 1});
    expect(gatedPoint("swiglu", -Infinity, 1, 0)).toMatchObject({xv: 0, out: 0, dx: 0});
    // the same limits, approached from huge finite inputs
    for (const id of gatedIds) {
      for (const [w, v] of [
        [1, 1],
        [-1, 1],
        [1, -2],
        [-0.5, 0.5]
      ]) {
        for (const x of [1e150, -1e150]) {
          const p = gatedPoint(id, x, w, v);
          for (const key of ["out", "dx", "dw", "dv"] as const) expect(p[key], `${id} ${key}`).not.toBeNaN();
        }
      }
    }
  });

  it("NaN in any argument gives NaN out", () => {
    for (const id of gatedIds) {
      for (const args of [
        [NaN, 1, 1],
        [1, NaN, 1],
        [1, 1, NaN]
      ] as [number, number, number][]) {
        const p = gatedPoint(id, ...args);
        expect(p.out).toBeNaN();
        expect(p.dx).toBeNaN();
      }
    }
  });

  it("refuses what is not a number, or an unknown unit, with a clear message", () => {
    expect(() => gatedPoint("glu", "1" as unknown as number, 1, 1)).toThrow(/x is 1, expected a number/);
    expect(() => gatedPoint("glu", 1, undefined as unknown as number, 1)).toThrow(/W is undefined/);
    expect(() => gatedPoint("glu", 1, 1, null as unknown as number)).toThrow(/V is null/);
    expect(() => gatedPoint("tanhglu", 1, 1, 1)).toThrow(/unknown gated unit/);
  });
});

// TensorFlow.js as an independent oracle: each unit built from tfjs's own pieces (sigmoid,
// erf), differentiated by tf.grads in x, W and V at once, in float32.
type Op = (x: tf.Tensor, w: tf.Tensor, v: tf.Tensor) => tf.Tensor;
const gelu = (t: tf.Tensor) => tf.mul(tf.mul(t, 0.5), tf.add(1, tf.erf(tf.mul(t, Math.SQRT1_2))));
const tfOps: Record<GatedId, Op> = {
  glu: (x, w, v) => tf.mul(tf.sigmoid(tf.mul(x, w)), tf.mul(x, v)),
  swiglu: (x, w, v) => {
    const xw = tf.mul(x, w);
    return tf.mul(tf.mul(xw, tf.sigmoid(xw)), tf.mul(x, v));
  },
  geglu: (x, w, v) => tf.mul(gelu(tf.mul(x, w)), tf.mul(x, v))
};

beforeAll(async () => {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes("running TensorFlow.js in Node.js")) warn(...args);
  };
  try {
    await tf.setBackend("cpu");
    await tf.ready();
  } finally {
    console.warn = warn;
  }
});

describe("agreement with TensorFlow.js (CPU backend, float32)", () => {
  // every (x, W, V) on a grid, held exactly in float32 so both sides see the same inputs
  const points: [number, number, number][] = [];
  for (const x of grid(-4, 4, 41)) {
    for (const w of [-2, -0.75, 0, 0.5, 1.25]) {
      for (const v of [-1.5, 0.25, 2]) points.push([Math.fround(x), w, v]);
    }
  }
  for (const id of gatedIds) {
    it(`${id}: value and tf.grads in x, W and V at ${points.length} points`, () => {
      const [values, dx, dw, dv] = tf.tidy(() => {
        const x = tf.tensor1d(points.map((p) => p[0]));
        const w = tf.tensor1d(points.map((p) => p[1]));
        const v = tf.tensor1d(points.map((p) => p[2]));
        const out = tfOps[id](x, w, v).dataSync() as Float32Array;
        const grads = tf.grads((a: tf.Tensor, b: tf.Tensor, c: tf.Tensor) => tfOps[id](a, b, c))([x, w, v]);
        return [out, ...grads.map((g) => g.dataSync() as Float32Array)];
      });
      points.forEach(([x, w, v], k) => {
        const p = gatedPoint(id, x, w, v);
        const at = `${id} at (${x}, ${w}, ${v})`;
        // float32: about 6e-8 relative per operation
        expectClose(p.out, values[k], 1e-5, 2e-6, `value ${at}`);
        expectClose(p.dx, dx[k], 1e-5, 2e-6, `∂/∂x ${at}`);
        expectClose(p.dw, dw[k], 1e-5, 2e-6, `∂/∂W ${at}`);
        expectClose(p.dv, dv[k], 1e-5, 2e-6, `∂/∂V ${at}`);
      });
    });
  }
});
