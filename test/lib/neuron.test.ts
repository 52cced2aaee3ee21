import {describe, expect, it} from "vitest";
import {activations, gradcheck, losses, neuronStep, sgdStep} from "../../lib/index.js";
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

  it("squared error is the default: naming it changes nothing", () => {
    expect(neuronStep({...input, loss: "squaredError"})).toEqual(neuronStep(input));
  });

  it("under binary cross-entropy, ∂L/∂z = y − t: σ′(z) cancels the denominator of ∂L/∂y", () => {
    const s = neuronStep({...input, loss: "binaryCrossEntropy"});
    expect(s.y).toBe(activations.sigmoid.f(s.z));
    expectClose(s.loss, -Math.log(s.y), 1e-15); // target 1
    expectClose(s.dLdy, -1 / s.y, 1e-15);
    expectClose(s.dLdz, s.y - 1, 1e-15);
    expectClose(s.dLdz, s.dLdy * s.fPrime, 1e-14);
    expect(s.dLdw).toBe(s.dLdz * 1.5);
    expect(s.dLdb).toBe(s.dLdz);
    expect(s.wAfter).toBe(0.8 - 0.5 * s.dLdw);
    expect(s.bAfter).toBe(-0.2 - 0.5 * s.dLdb);
    expectClose(s.lossAfter, -Math.log(activations.sigmoid.f(s.wAfter * 1.5 + s.bAfter)), 1e-14);
    expect(s.lossAfter).toBeLessThan(s.loss);
  });

  it("∂L/∂w under either loss matches central differences of the loss in w", () => {
    const unitLoss = {
      squaredError: losses.squaredError.unit!,
      binaryCrossEntropy: losses.binaryCrossEntropy.unit!
    };
    for (const loss of ["squaredError", "binaryCrossEntropy"] as const)
      for (const target of [0, 0.3, 1]) {
        const s = neuronStep({...input, target, loss});
        const numeric = gradcheck(
          (w) => unitLoss[loss].value(activations.sigmoid.f(w * 1.5 - 0.2), target),
          0.8
        );
        expectClose(s.dLdw, numeric, 1e-7, 1e-10, `${loss}, t = ${target}`);
      }
  });

  it("a saturated, confidently wrong sigmoid: squared error barely moves it, cross-entropy does", () => {
    const wrong = {...input, w: -8, b: -2}; // z = −14, y ≈ 8e-7, target 1
    const se = neuronStep(wrong);
    const ce = neuronStep({...wrong, loss: "binaryCrossEntropy"});
    expect(Math.abs(se.dLdz)).toBeLessThan(1e-6);
    expectClose(ce.dLdz, -1, 1e-6);
  });

  it("names the losses a single neuron cannot take", () => {
    expect(() => neuronStep({...input, activation: "tanh", loss: "binaryCrossEntropy"})).toThrow(
      /^binary cross-entropy needs a sigmoid output layer, got tanh$/
    );
    expect(() => neuronStep({...input, loss: "categoricalCrossEntropy" as "squaredError"})).toThrow(
      /^a single neuron takes squared error or binary cross-entropy/
    );
    expect(() => neuronStep({...input, loss: "hinge" as "squaredError"})).toThrow(/^unknown loss "hinge"/);
    expect(() => neuronStep({...input, target: 2, loss: "binaryCrossEntropy"})).toThrow(
      /^target\[0\] is 2, expected a probability in \[0, 1\]$/
    );
  });
});
