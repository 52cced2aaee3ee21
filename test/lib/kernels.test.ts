import {describe, expect, it} from "vitest";
import {activations, makeLeakyRelu} from "../../lib/index.js";
import type {Activation} from "../../lib/index.js";
import {kernelOf, leakyReluKernel, tanhKernel, tanhValues} from "../../lib/kernels.js";
import type {Kernel} from "../../lib/kernels.js";
import {expectClose, grid} from "./helpers.js";

const special = [
  0,
  -0,
  5e-324,
  -5e-324,
  1e-300,
  -1e-300,
  1e-8,
  -1e-8,
  19.5,
  -19.5,
  800,
  -800,
  1e300,
  -1e300,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Infinity,
  -Infinity,
  NaN
];
const points = [...special, ...grid(-8, 8, 161)];

/** The kernel's value and slope at z, as the first unit of a layer of n = 1 (of 2 slots). */
function run(kernel: Kernel, z: number): [number, number] {
  const a = new Float64Array(2).fill(12345);
  const slopes = new Float64Array(2).fill(12345);
  kernel(Float64Array.of(z, 0.5), a, slopes, 1);
  expect(a[1]).toBe(12345); // n units only
  expect(slopes[1]).toBe(12345);
  return [a[0], slopes[0]];
}

describe("built-in kernels give their record's f and df", () => {
  const records: [string, Activation][] = [
    ["sigmoid", activations.sigmoid],
    ["relu", activations.relu],
    ["leakyRelu", activations.leakyRelu],
    ["linear", activations.linear],
    ["leakyRelu α = 0", makeLeakyRelu(0)],
    ["leakyRelu α = 0.2", makeLeakyRelu(0.2)],
    ["leakyRelu α = 1", makeLeakyRelu(1)]
  ];
  for (const [name, record] of records) {
    it(`${name}: bit for bit, the sign of zero included`, () => {
      expect(record.kernel).toBeTypeOf("function");
      for (const z of points) {
        const [value, slope] = run(record.kernel!, z);
        expect(value, `f(${z})`).toBe(record.f(z)); // toBe is Object.is: +0 and −0 differ
        expect(slope, `f′(${z})`).toBe(record.df(z));
      }
    });
  }

  it("whole layers: finite values alone, and with ±∞ and NaN among them, unit by unit as the records", () => {
    // a kernel may take a quicker road for a layer of finite values (reluKernel does) and
    // another for a layer holding a non-finite one: both must give every unit its record's numbers
    const finite = points.filter(Number.isFinite);
    for (const [name, record] of records) {
      for (const layer of [finite, points, [...finite].reverse().concat([NaN])]) {
        const z = Float64Array.from(layer);
        const a = new Float64Array(z.length);
        const slopes = new Float64Array(z.length);
        record.kernel!(z, a, slopes, z.length);
        layer.forEach((x, j) => {
          expect(a[j], `${name} f(${x})`).toBe(record.f(x));
          expect(slopes[j], `${name} f′(${x})`).toBe(record.df(x));
        });
      }
    }
  });

  it("tanh: within 2 ulps of Math.tanh, with tanh(±0) = ±0 and the limits exact", () => {
    for (const z of points) {
      const [value] = run(tanhKernel, z);
      expectClose(value, Math.tanh(z), 4.5e-16, 0, `tanh(${z})`);
      if (value === 0) expect(Object.is(value, -0), `sign of tanh(${z})`).toBe(Object.is(z, -0));
    }
    expect(run(tanhKernel, Infinity)).toEqual([1, 0]);
    expect(run(tanhKernel, -Infinity)).toEqual([-1, 0]);
    expect(run(tanhKernel, 0)).toEqual([0, 1]);
  });

  it("tanh's slope: within 2 ulps of sech² for |z| ≤ 1, and within 2.5e-16 of it everywhere", () => {
    // 1 + m = e^{−2|z|} is computed as 1 + (e^{−2|z|} − 1), so its error is up to half an ulp
    // of 1 however small it is: relative precision fades in the tails (f′ < 1e−7 beyond |z| = 8)
    for (const z of points) {
      const [, slope] = run(tanhKernel, z);
      const sech2 = activations.tanh.df(z);
      expectClose(
        slope,
        sech2,
        Math.abs(z) <= 1 ? 4.5e-16 : 0,
        Math.abs(z) <= 1 ? 0 : 2.5e-16,
        `sech²(${z})`
      );
    }
    expect(run(tanhKernel, 19.5)[1]).toBe(0); // rounded to 0 where sech² is 4.6e−17
  });
});

describe("leakyReluKernel", () => {
  it("uses the α it is given for z ≤ 0, and slope 1 for z > 0", () => {
    expect(run(leakyReluKernel(0.2), -3)).toEqual([-0.6000000000000001, 0.2]); // 0.2·(−3) in doubles
    expect(run(leakyReluKernel(0.5), -3)).toEqual([-1.5, 0.5]);
    expect(run(leakyReluKernel(0.2), 0)).toEqual([0, 0.2]); // the left-hand slope at the kink
    expect(run(leakyReluKernel(0.2), 2)).toEqual([2, 1]);
    expect(run(leakyReluKernel(0), -Infinity)).toEqual([0, 0]); // the limit, not 0·(−∞) = NaN
  });

  it("the record's kernel is made with the record's own α", () => {
    for (const alpha of [0, 0.01, 0.2, 0.75, 1]) {
      const record = makeLeakyRelu(alpha);
      expect(record.parameter?.value).toBe(alpha);
      expect(run(record.kernel!, -2)[1]).toBe(alpha);
    }
  });
});

describe("a layer in one call", () => {
  it("evaluates every unit, each from its own z", () => {
    const z = Float64Array.from(points);
    for (const kernel of [tanhKernel, activations.sigmoid.kernel!, leakyReluKernel(0.3)]) {
      const a = new Float64Array(z.length);
      const slopes = new Float64Array(z.length);
      kernel(z, a, slopes, z.length);
      points.forEach((v, j) => expect([a[j], slopes[j]]).toEqual(run(kernel, v)));
    }
  });
});

describe("kernelOf", () => {
  it("returns a record's own kernel", () => {
    expect(kernelOf(activations.tanh)).toBe(activations.tanh.kernel);
  });

  it("calls f and df for a record without one (e.g. a reader's formula)", () => {
    const calls: string[] = [];
    const record: Activation = {
      ...activations.gelu,
      f: (x) => (calls.push(`f(${x})`), x * x),
      df: (x) => (calls.push(`df(${x})`), 2 * x)
    };
    expect(record.kernel).toBeUndefined();
    expect(run(kernelOf(record), 3)).toEqual([9, 6]);
    expect(calls.sort()).toEqual(["df(3)", "f(3)"]);
    for (const z of points) {
      const [value, slope] = run(kernelOf(activations.mish), z);
      expect(value).toBe(activations.mish.f(z));
      expect(slope).toBe(activations.mish.df(z));
    }
  });
});

describe("tanhValues", () => {
  it("gives tanhKernel's values bit for bit, signed zeros and the limits included, and n values only", () => {
    // around where tanh's formula first gives exactly 1
    const near = [18.7, 18.715, 18.72, 18.99, 19, 19.000001, 25, 38];
    const z = Float64Array.from([...points, ...near, ...near.map((v) => -v)]);
    const a = new Float64Array(z.length);
    tanhKernel(z, a, new Float64Array(z.length), z.length);
    const values = new Float64Array(z.length + 1).fill(12345);
    tanhValues(z, values, z.length);
    z.forEach((v, j) => expect(values[j], `tanh(${v})`).toBe(a[j])); // toBe: −0 is not +0
    expect(values[z.length]).toBe(12345);
  });
});
