import {describe, expect, it} from "vitest";
import {featureIds, featureInputs, features, isFeatureId} from "../../lib/features.js";
import type {FeatureId} from "../../lib/features.js";

describe("features", () => {
  it("lists TensorFlow Playground's seven features in its order, each record naming itself", () => {
    expect(featureIds).toEqual(["x1", "x2", "x1Squared", "x2Squared", "x1x2", "sinX1", "sinX2"]);
    expect(featureIds.map((id) => features[id].label)).toEqual([
      "x₁",
      "x₂",
      "x₁²",
      "x₂²",
      "x₁x₂",
      "sin x₁",
      "sin x₂"
    ]);
    for (const id of featureIds) expect(features[id].id).toBe(id);
    expect(features.sinX2.tex).toBe("\\sin x_2");
    expect(features.x1Squared.tex).toBe("x_1^2");
  });

  it("computes each feature at a point", () => {
    const [x1, x2] = [0.3, -0.7];
    const expected: Record<FeatureId, number> = {
      x1: 0.3,
      x2: -0.7,
      x1Squared: 0.09,
      x2Squared: 0.49,
      x1x2: -0.21,
      sinX1: 0.29552020666133955, // sin 0.3
      sinX2: -0.644217687237691 // sin −0.7
    };
    for (const id of featureIds) expect(features[id].f(x1, x2), id).toBeCloseTo(expected[id], 15);
  });

  it("keeps the special values: −0, ±tiny, ±huge, ±Infinity, NaN", () => {
    expect(Object.is(features.x1.f(-0, 1), -0)).toBe(true);
    expect(Object.is(features.sinX2.f(1, -0), -0)).toBe(true);
    expect(features.x1x2.f(1e-200, 1e-200)).toBe(0); // underflows
    expect(features.sinX1.f(1e-300, 0)).toBe(1e-300);
    expect(features.x1Squared.f(1e200, 0)).toBe(Infinity);
    expect(features.x2Squared.f(0, -Infinity)).toBe(Infinity);
    expect(features.sinX1.f(Infinity, 0)).toBeNaN();
    expect(features.x1x2.f(NaN, 2)).toBeNaN();
    expect(features.x1x2.f(0, Infinity)).toBeNaN();
  });

  it("isFeatureId accepts exactly the ids", () => {
    for (const id of featureIds) expect(isFeatureId(id)).toBe(true);
    for (const bad of ["X1", "x3", "", "toString", null, 1]) expect(isFeatureId(bad)).toBe(false);
  });
});

describe("featureInputs", () => {
  const points = Float64Array.from([0.5, -1, 0, 0.25, -0.4, 0.8]);

  it("writes one row per point, one column per chosen feature, in the order given", () => {
    const out = featureInputs(points, ["x1x2", "x1", "sinX2"]);
    expect(out).toBeInstanceOf(Float64Array);
    expect(out.length).toBe(9);
    expect(Array.from(out)).toEqual([
      -0.5,
      0.5,
      Math.sin(-1),
      0,
      0,
      Math.sin(0.25),
      -0.4 * 0.8,
      -0.4,
      Math.sin(0.8)
    ]);
  });

  it("with x1, x2 gives the points back unchanged", () => {
    expect(featureInputs(points, ["x1", "x2"])).toEqual(points);
  });

  it("agrees with the records for every feature", () => {
    const out = featureInputs(points, featureIds);
    for (let k = 0; k < 3; k++) {
      featureIds.forEach((id, j) =>
        expect(out[k * featureIds.length + j]).toBe(features[id].f(points[2 * k], points[2 * k + 1]))
      );
    }
  });

  it("refills a given buffer and returns it", () => {
    const out = new Float64Array(6).fill(99);
    expect(featureInputs(points, ["x2Squared", "sinX1"], out)).toBe(out);
    expect(out[0]).toBe(1);
    expect(out[1]).toBe(Math.sin(0.5));
    expect(out[4]).toBeCloseTo(0.64, 15);
  });

  it("handles no points", () => {
    expect(featureInputs(new Float64Array(0), ["x1"]).length).toBe(0);
  });

  it("passes NaN and infinities through", () => {
    const out = featureInputs(Float64Array.from([NaN, Infinity]), ["x1", "x2Squared", "sinX2"]);
    expect(out[0]).toBeNaN();
    expect(out[1]).toBe(Infinity);
    expect(out[2]).toBeNaN();
  });

  it("refuses bad arguments with a clear message", () => {
    expect(() => featureInputs(Float64Array.from([1, 2, 3]), ["x1"])).toThrow(/odd length \(3\)/);
    expect(() => featureInputs(points, [])).toThrow(/at least one feature/);
    expect(() => featureInputs(points, ["x3" as FeatureId])).toThrow(/unknown feature "x3"/);
    expect(() => featureInputs(points, ["x1"], new Float64Array(4))).toThrow(/3 points × 1 features need 3/);
  });
});
