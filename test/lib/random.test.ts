import {describe, expect, it} from "vitest";
import {createRandom, fillNormals, gaussian, mulberry32, shuffle, uniform} from "../../lib/index.js";

describe("mulberry32", () => {
  it("reproduces the reference algorithm's outputs", () => {
    // from an independent Python port of Tommy Ettinger's mulberry32
    const random = mulberry32(1);
    expect([random(), random(), random(), random()]).toEqual([
      0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741
    ]);
    const other = mulberry32(42);
    expect([other(), other()]).toEqual([0.6011037519201636, 0.44829055899754167]);
  });

  it("is deterministic per seed, in [0, 1), and roughly uniform", () => {
    const a = createRandom(5);
    const b = createRandom(5);
    const values = Array.from({length: 100_000}, () => a());
    expect(values.slice(0, 10)).toEqual(Array.from({length: 10}, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
    expect(createRandom(6)()).not.toBe(createRandom(5)());
    expect(createRandom()()).toBe(mulberry32(1)());
  });

  it("rejects a non-finite seed", () => {
    expect(() => mulberry32(NaN)).toThrow(/^seed must be a finite number, got NaN$/);
  });

  it("fills an array with the numbers its calls would give, and goes on from there", () => {
    const calls = mulberry32(9);
    const filling = mulberry32(9);
    const expected = Array.from({length: 7}, () => calls());
    const out = new Float64Array(9).fill(-1);
    expect(filling.fill(out, 1, 8)).toBe(out);
    expect(Array.from(out)).toEqual([-1, ...expected, -1]);
    expect(filling()).toBe(calls()); // the stream continues where the calls left it
    expect(Array.from(filling.fill(new Float64Array(3), 2, 2))).toEqual([0, 0, 0]); // an empty range draws nothing
    expect(filling()).toBe(calls());
  });
});

/**
 * The Box–Muller generator written out one number at a time, independently of lib: u, v from
 * the stream, r = √(−2 ln(1 − u)), then mean + sd·r·cos 2πv and, at the next call, mean +
 * sd·(r·sin 2πv).
 */
function referenceGaussian(random: () => number, mean: number, sd: number): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return mean + sd * value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return mean + sd * radius * Math.cos(angle);
  };
}

describe("fillNormals and gaussian", () => {
  /** The same check for any length, from a filling generator and from a plain function. */
  const sameAsReference = (length: number, plain: boolean, mean: number, sd: number) => {
    const reference = referenceGaussian(mulberry32(3), mean, sd);
    const expected = Array.from({length}, () => reference());
    const seeded = mulberry32(3);
    const random = plain ? () => seeded() : seeded;
    const out = fillNormals(random, new Float64Array(length), mean, sd);
    // bit for bit, zeros' signs included (toEqual on numbers is Object.is)
    expect(Array.from(out)).toEqual(expected);
    // the stream is left where the one-at-a-time generator leaves it: an odd length drew its last pair whole
    const after = mulberry32(3);
    for (let i = 0; i < length + (length % 2); i++) after();
    expect(random()).toBe(after());
    // gaussian, one at a time, gives the same numbers
    const one = gaussian(mulberry32(3), mean, sd);
    expect(Array.from({length}, () => one())).toEqual(expected);
  };

  it("give the reference's numbers bit for bit: odd lengths, plain generators, any mean and sd", () => {
    for (const length of [0, 1, 2, 3, 10, 1001]) {
      sameAsReference(length, false, 0, 1);
      sameAsReference(length, true, 0, 1);
      sameAsReference(length, false, -0.3, 0.7);
      sameAsReference(length, true, 5, 1e-3);
    }
  });

  it("turn a uniform of exactly 0 (1 − u = 1) into a zero radius and a finite normal", () => {
    const zeros = () => 0;
    const out = fillNormals(zeros, new Float64Array(3));
    expect(Array.from(out)).toEqual([0, 0, 0]); // radius √(−2 ln 1) = 0, and 0 + 0 · cos 0 is +0
    const reference = gaussian(zeros, 0, 1);
    expect([reference(), reference(), reference()]).toEqual([0, 0, 0]);
  });
});

describe("uniform, gaussian and shuffle", () => {
  it("uniform stays in [low, high)", () => {
    const random = createRandom(1);
    const xs = Array.from({length: 1000}, () => uniform(random, -2, 3));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-2);
    expect(Math.max(...xs)).toBeLessThan(3);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(4.9);
  });

  it("gaussian has the requested mean and standard deviation, deterministically", () => {
    const normal = gaussian(createRandom(2), 3, 2);
    const xs = Array.from({length: 100_000}, () => normal());
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean - 3)).toBeLessThan(0.03);
    expect(Math.abs(sd - 2)).toBeLessThan(0.03);
    expect(xs.filter((v) => Math.abs(v - 3) < 2).length / xs.length).toBeCloseTo(0.6827, 2); // within 1 sd
    const again = gaussian(createRandom(2), 3, 2);
    expect([again(), again(), again()]).toEqual(xs.slice(0, 3));
  });

  it("shuffle permutes in place, deterministically", () => {
    const items = Array.from({length: 50}, (_, i) => i);
    const shuffled = shuffle(createRandom(3), items.slice());
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
    expect(shuffle(createRandom(3), items.slice())).toEqual(shuffled);
  });
});
