import {describe, expect, it} from "vitest";
import {activations, neuronStep, sgdStep} from "../../lib/index.js";
import type {ActivationId} from "../../lib/index.js";
import {expectClose} from "./helpers.js";

describe("neuronStep", () => {
  const input = {
    x: 1.5,
    w: 0.8,
    b: -0.2,
    target: 1,
    learningRate: 0.5,
    activation: "sigmoid" as ActivationId
  };

  it("names every quantity of the chain rule, and they multiply out exactly", () => {
    const s = neuronStep(input);
    expect(s.z).toBe(0.8 * 1.5 + -0.2);
    expect(s.y).toBe(activations.sigmoid.f(s.z));
    expect(s.loss).toBe(0.5 * (1 - s.y) ** 2);
    expect(s.dLdy).toBe(s.y - 1);
    expect(s.fPrime).toBe(activations.sigmoid.df(s.z));
    expect(s.dLdz).toBe(s.dLdy * s.fPrime);
    expect(s.dLdw).toBe(s.dLdz * 1.5);
    expect(s.dLdb).toBe(s.dLdz);
    expect(s.wAfter).toBe(0.8 - 0.5 * s.dLdw);
    expect(s.bAfter).toBe(-0.2 - 0.5 * s.dLdb);
    expect(s.yAfter).toBe(activations.sigmoid.f(s.wAfter * 1.5 + s.bAfter));
    expect(s.lossAfter).toBeLessThan(s.loss);
  });

  it("gives the numbers sgdStep gives for the same one-unit network", () => {
    const s = neuronStep(input);
    const step = sgdStep([{weights: [[0.8]], biases: [-0.2], activation: "sigmoid"}], [1.5], [1], 0.5);
    expect([s.loss, s.dLdw, s.dLdb, s.wAfter, s.bAfter]).toEqual([
      step.loss,
      step.gradients.weights[0][0][0],
      step.gradients.biases[0][0],
      step.net[0].weights[0][0],
      step.net[0].biases[0]
    ]);
  });

  it("worked numbers: z = 1, y = σ(1)", () => {
    const s = neuronStep(input);
    expectClose(s.z, 1, 1e-15);
    expectClose(s.y, 0.7310585786300049, 1e-15); // σ(1)
    expectClose(s.fPrime, 0.19661193324148185, 1e-14); // σ(1)(1 − σ(1))
    expectClose(s.dLdz, (0.7310585786300049 - 1) * 0.19661193324148185, 1e-14);
  });

  it("a ReLU neuron with negative input to its activation gets no gradient", () => {
    const s = neuronStep({...input, b: -5, activation: "relu"});
    // (y − t)·0 is −0 here; compare with === so the sign of zero does not matter
    expect([s.y, s.fPrime, s.dLdz, s.dLdw, s.dLdb].every((v) => v === 0)).toBe(true);
    expect([s.wAfter, s.bAfter]).toEqual([0.8, -5]);
  });

  it("passes on validation errors", () => {
    expect(() => neuronStep({...input, activation: "nope" as ActivationId})).toThrow(
      /unknown activation "nope"/
    );
    expect(() => neuronStep({...input, x: NaN})).toThrow(/^input\[0\] is NaN, expected a finite number$/);
    expect(() => neuronStep({...input, learningRate: -1})).toThrow(
      /^learningRate must be a finite number ≥ 0/
    );
  });
});
