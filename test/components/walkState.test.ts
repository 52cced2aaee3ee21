// walkState.js: the walk-through starts from the published example and steps with
// backpropStep; a learning rate that overflows the weights stops the walk with a flag.
import {describe, expect, test} from "vitest";
import {backpropStep, classicExample} from "../../lib/backpropTrace.js";
import {advanceWalk, classicParams, startNet, startWalk} from "../../src/components/walkState.js";

describe("startWalk", () => {
  test("the published example: E_total = 0.298371109, out_o1 = 0.75136507", () => {
    const state = startWalk(classicParams());
    expect(state.count).toBe(0);
    expect(state.step.trace.lossValue).toBeCloseTo(0.298371109, 9);
    expect(state.step.trace.output[0]).toBeCloseTo(0.75136507, 8);
    expect(state.points).toEqual([{step: 0, loss: state.step.trace.lossValue}]);
    expect(state.step.net[1].weights[0][0]).toBeCloseTo(0.35891648, 8);
    expect(state.step.net[0].weights[0][0]).toBeCloseTo(0.149780716, 9);
    // biases fixed, as published
    expect(state.step.net[0].biases).toEqual([0.35, 0.35]);
  });
  test("takes the controls' activations and leaves the example's weights", () => {
    const net = startNet({...classicParams(), hidden: "relu", output: "linear"});
    expect(net.map((layer) => layer.activation)).toEqual(["relu", "linear"]);
    expect(net[1].weights).toEqual(classicExample().net[1].weights);
  });
  test("biases learn when asked", () => {
    const state = startWalk({...classicParams(), updateBiases: true});
    expect(state.step.net[1].biases[0]).toBeCloseTo(0.6 - 0.5 * state.step.trace.layers[1].delta[0], 12);
  });
  test("a bad control value is an error with backpropStep's message", () => {
    expect(() => startWalk({...classicParams(), x1: NaN})).toThrow(/input\[0\]/);
    expect(() => startWalk({...classicParams(), learningRate: -1})).toThrow(/learningRate/);
  });
});

describe("advanceWalk", () => {
  test("one step is backpropStep's, and the loss falls", () => {
    const start = startWalk(classicParams());
    const once = advanceWalk(start, 1);
    const ex = classicExample();
    const expected = backpropStep(ex.net, ex.input, ex.target, 0.5, {updateBiases: false}).net;
    expect(once.net).toEqual(expected);
    expect(once.count).toBe(1);
    expect(once.points.length).toBe(2);
    expect(once.points[1].loss).toBeLessThan(once.points[0].loss);
    expect(start.count).toBe(0); // unchanged
    expect(start.points.length).toBe(1);
  });
  test("stops at maxSteps", () => {
    const state = advanceWalk(startWalk(classicParams()), 50, {maxSteps: 20});
    expect(state.count).toBe(20);
    expect(advanceWalk(state, 5, {maxSteps: 20}).count).toBe(20);
  });
  test("a learning rate that overflows the weights stops the walk, diverged", () => {
    const params = {...classicParams(), hidden: "linear", output: "linear", t1: 1e6, t2: -1e6, learningRate: 10};
    const state = advanceWalk(startWalk(params), 1000);
    expect(state.diverged).toBe(true);
    expect(state.count).toBeLessThan(1000);
    expect(Number.isFinite(state.step.trace.lossValue)).toBe(true);
    expect(state.points.every((p: {loss: number}) => Number.isFinite(p.loss))).toBe(true);
  });
});
