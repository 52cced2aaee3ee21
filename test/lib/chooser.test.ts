import {describe, expect, it} from "vitest";
import {layers, recommendActivation, tasks} from "../../lib/chooser.js";
import type {Layer, Task} from "../../lib/chooser.js";
import {activations, isActivationId} from "../../lib/index.js";

describe("recommendActivation", () => {
  it("recommends ReLU for every hidden layer, Leaky ReLU when dead units are a worry", () => {
    for (const task of tasks) {
      expect(recommendActivation({layer: "hidden", task}).activation).toBe("relu");
      expect(recommendActivation({layer: "hidden", task, avoidDeadUnits: true}).activation).toBe("leakyRelu");
    }
  });

  it("recommends linear, sigmoid and softmax for the three output tasks", () => {
    expect(recommendActivation({layer: "output", task: "regression"}).activation).toBe("linear");
    expect(recommendActivation({layer: "output", task: "binary"}).activation).toBe("sigmoid");
    const softmax = recommendActivation({layer: "output", task: "multiclass"});
    expect(softmax.activation).toBe("softmax");
    expect(softmax.reason).toContain("generalisation of sigmoid");
    expect(isActivationId(softmax.activation)).toBe(false);
  });

  it("takes labels from the records and always gives a reason", () => {
    for (const layer of layers) {
      for (const task of tasks) {
        for (const avoidDeadUnits of [false, true]) {
          const {activation, label, reason} = recommendActivation({layer, task, avoidDeadUnits});
          if (isActivationId(activation)) expect(label).toBe(activations[activation].label);
          expect(reason.length).toBeGreaterThan(40);
        }
      }
    }
  });

  it("ignores avoidDeadUnits for output layers", () => {
    expect(recommendActivation({layer: "output", task: "regression", avoidDeadUnits: true}).activation).toBe(
      "linear"
    );
  });

  it("throws a clear error for an unknown layer or task", () => {
    expect(() => recommendActivation({layer: "input" as Layer, task: "regression"})).toThrow(
      'unknown layer "input"; expected one of hidden, output'
    );
    expect(() => recommendActivation({layer: "output", task: "ranking" as Task})).toThrow(
      'unknown task "ranking"; expected one of regression, binary, multiclass'
    );
    expect(() => recommendActivation({layer: undefined as unknown as Layer, task: "binary"})).toThrow(
      /unknown layer undefined/
    );
  });
});
