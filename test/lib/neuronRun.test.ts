import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {runNeuron} from "../../lib/neuronRun.js";
import {coreActivationIds, neuronStep} from "../../lib/index.js";
import type {NeuronStepInput} from "../../lib/index.js";

const healthy: NeuronStepInput = {x: 1, w: 0.5, b: 0, target: 0.8, learningRate: 0.3, activation: "sigmoid"};

describe("runNeuron", () => {
  it("starts at the given weights and repeats neuronStep exactly", () => {
    for (const activation of coreActivationIds) {
      const start = {...healthy, activation};
      const {points, diverged} = runNeuron(start, 5);
      expect(diverged).toBe(false);
      expect(points.map((p) => p.step)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(points[0]).toEqual({step: 0, w: 0.5, b: 0, loss: neuronStep(start).loss});
      for (let k = 0; k < 5; k++) {
        const s = neuronStep({...start, w: points[k].w, b: points[k].b});
        expect(points[k].loss).toBe(s.loss);
        expect(points[k + 1]).toEqual({step: k + 1, w: s.wAfter, b: s.bAfter, loss: s.lossAfter});
      }
    }
  });

  it("is bit for bit repeated neuronStep, for any start, up to divergence", () => {
    const real = (max: number) => fc.double({min: -max, max, noNaN: true});
    fc.assert(
      fc.property(
        real(10),
        real(10),
        real(10),
        real(2),
        fc.double({min: 0, max: 50, noNaN: true}),
        fc.constantFrom(...coreActivationIds),
        (x, w, b, target, learningRate, activation) => {
          const start = {x, w, b, target, learningRate, activation};
          const run = runNeuron(start, 30);
          let state = {w, b};
          for (let k = 0; k + 1 < run.points.length; k++) {
            const s = neuronStep({...start, ...state});
            expect(run.points[k].loss).toBe(s.loss);
            expect(run.points[k + 1]).toEqual({step: k + 1, w: s.wAfter, b: s.bAfter, loss: s.lossAfter});
            state = {w: s.wAfter, b: s.bAfter};
          }
          if (run.diverged) {
            // the step after the last point overflows
            const s = neuronStep({...start, ...state});
            expect([s.wAfter, s.bAfter, s.lossAfter].every(Number.isFinite)).toBe(false);
          } else expect(run.points).toHaveLength(31);
        }
      ),
      {numRuns: 300}
    );
  });

  it("runs under binary cross-entropy as repeated neuronStep with that loss, bit for bit", () => {
    const real = (max: number) => fc.double({min: -max, max, noNaN: true});
    fc.assert(
      fc.property(
        real(10),
        real(10),
        real(10),
        fc.double({min: 0, max: 1, noNaN: true}),
        fc.double({min: 0, max: 50, noNaN: true}),
        (x, w, b, target, learningRate) => {
          const start: NeuronStepInput = {x, w, b, target, learningRate, activation: "sigmoid", loss: "binaryCrossEntropy"};
          const run = runNeuron(start, 30);
          let state = {w, b};
          for (let k = 0; k + 1 < run.points.length; k++) {
            const s = neuronStep({...start, ...state});
            expect(run.points[k].loss).toBe(s.loss);
            expect(run.points[k + 1]).toEqual({step: k + 1, w: s.wAfter, b: s.bAfter, loss: s.lossAfter});
            state = {w: s.wAfter, b: s.bAfter};
          }
        }
      ),
      {numRuns: 200}
    );
  });

  it("moves a saturated sigmoid under cross-entropy that squared error leaves crawling", () => {
    const saturated: NeuronStepInput = {x: 1, w: 5, b: 5, target: 0.2, learningRate: 0.3, activation: "sigmoid"};
    const se = runNeuron(saturated, 50).points;
    const ce = runNeuron({...saturated, loss: "binaryCrossEntropy"}, 50).points;
    // squared error: the loss has barely moved after 50 steps
    expect(se[50].loss).toBeGreaterThan(se[0].loss * 0.99);
    // cross-entropy: well over half of it is gone
    expect(ce[50].loss).toBeLessThan(ce[0].loss * 0.5);
  });

  it("refuses cross-entropy on a neuron that is not a sigmoid, with neuronStep's message", () => {
    expect(() => runNeuron({...healthy, activation: "relu", loss: "binaryCrossEntropy"}, 5)).toThrow(/sigmoid/);
  });

  it("numbers steps from firstStep and allows zero steps", () => {
    expect(runNeuron(healthy, 2, 10).points.map((p) => p.step)).toEqual([10, 11, 12]);
    expect(runNeuron(healthy, 0).points).toHaveLength(1);
  });

  it("lowers the loss of a healthy neuron and leaves a dead ReLU unit where it is", () => {
    const {points} = runNeuron({...healthy, activation: "linear"}, 50);
    expect(points[50].loss).toBeLessThan(points[0].loss * 1e-6);
    const dead = runNeuron(
      {x: 1, w: -1, b: -1, target: 0.8, learningRate: 0.3, activation: "relu"},
      50
    ).points;
    expect(new Set(dead.map((p) => p.w))).toEqual(new Set([-1]));
    expect(dead[50].loss).toBe(dead[0].loss);
  });

  it("stops, flagged as diverged, when the weights overflow", () => {
    const run = runNeuron({x: 3, w: 1, b: 0, target: 0, learningRate: 50, activation: "linear"}, 1000);
    expect(run.diverged).toBe(true);
    expect(run.points.length).toBeLessThan(1001);
    for (const p of run.points) {
      expect(Number.isFinite(p.w) && Number.isFinite(p.b) && Number.isFinite(p.loss)).toBe(true);
    }
  });

  it("rejects a bad step count and invalid input", () => {
    expect(() => runNeuron(healthy, -1)).toThrow("steps must be an integer ≥ 0");
    expect(() => runNeuron(healthy, 1.5)).toThrow("steps must be an integer ≥ 0");
    expect(() => runNeuron({...healthy, x: NaN}, 3)).toThrow(/input\[0\]/);
  });
});
