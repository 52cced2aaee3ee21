import {describe, expect, it} from "vitest";
import {activations, linspace, sampleActivation} from "../../lib/index.js";

describe("linspace", () => {
  it("spaces points evenly and includes both ends exactly", () => {
    expect(Array.from(linspace(-1, 1, 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
    const xs = linspace(0.1, 0.7, 7);
    expect(xs[6]).toBe(0.7);
    expect(xs[0]).toBe(0.1);
  });
});

describe("sampleActivation", () => {
  it("samples f and f′ of a record or an id into Float64Arrays", () => {
    const {x, f, df} = sampleActivation("sigmoid", {from: -2, to: 2, count: 3});
    expect(x).toBeInstanceOf(Float64Array);
    expect(Array.from(x)).toEqual([-2, 0, 2]);
    expect(Array.from(f)).toEqual([-2, 0, 2].map(activations.sigmoid.f));
    expect(Array.from(df)).toEqual([-2, 0, 2].map(activations.sigmoid.df));
    const byRecord = sampleActivation(activations.relu, {from: -1, to: 1, count: 201});
    expect(byRecord.f.length).toBe(201);
    expect(byRecord.df[200]).toBe(1);
    expect(byRecord.df[0]).toBe(0);
  });

  it("rejects bad arguments with clear errors", () => {
    const sample = (options: {from: number; to: number; count: number}) => () =>
      sampleActivation("tanh", options);
    expect(sample({from: 0, to: 1, count: 1})).toThrow(/^count must be an integer ≥ 2, got 1$/);
    expect(sample({from: 0, to: 1, count: 2.5})).toThrow(/^count must be an integer ≥ 2, got 2.5$/);
    expect(sample({from: 1, to: 1, count: 5})).toThrow(/^from must be less than to, got from = 1, to = 1$/);
    expect(sample({from: 2, to: 1, count: 5})).toThrow(/^from must be less than to/);
    expect(sample({from: NaN, to: 1, count: 5})).toThrow(/^from must be a finite number, got NaN$/);
    expect(sample({from: 0, to: Infinity, count: 5})).toThrow(/^to must be a finite number, got Infinity$/);
    expect(() => sampleActivation("nope", {from: 0, to: 1, count: 2})).toThrow(/^unknown activation "nope"/);
  });
});
