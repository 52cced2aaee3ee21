// chainProduct.js: the chain-rule product of each weight and unit of the 2-2-2 walk-through,
// checked against the published worked example (Mazur 2015) and against the trace's own numbers.
import {describe, expect, test} from "vitest";
import {backpropStep, classicExample} from "../../lib/backpropTrace.js";
import {
  SELECTABLE,
  WEIGHT_NAMES,
  chainProduct,
  selectionName,
  selectionNamed
} from "../../src/components/chainProduct.js";

function classicStep() {
  const ex = classicExample();
  const step = backpropStep(ex.net, ex.input, ex.target, ex.learningRate, {updateBiases: false});
  return {ex, step};
}

/** The numbers a line writes, as numbers ("−0.0190" → −0.019). */
const numbersIn = (line: string) =>
  (line.replace(/−/g, "-").match(/-?\d+(\.\d+)?(e-?\d+)?/g) ?? []).map(Number);

describe("selections", () => {
  test("there are twelve, each named once, and a name finds its item", () => {
    const names = SELECTABLE.map(selectionName);
    expect(new Set(names).size).toBe(12);
    expect(names).toEqual(["w1", "w2", "w3", "w4", "h1", "h2", "w5", "w6", "w7", "w8", "o1", "o2"]);
    for (const item of SELECTABLE) expect(selectionNamed(selectionName(item))).toBe(item);
    expect(selectionNamed("w9")).toBeUndefined();
  });
  test("the weight names are the published example's", () => {
    expect(WEIGHT_NAMES).toEqual(classicExample().weightNames);
  });
});

describe("chainProduct on the published example", () => {
  const {ex, step} = classicStep();
  const product = (name: string) =>
    chainProduct(step, ex.net, selectionNamed(name)!, ex.learningRate);

  test("w5: ∂E/∂w5 = 0.082167041 and w5⁺ = 0.35891648", () => {
    const {title, lines} = product("w5");
    expect(title).toContain("h1 to o1");
    const last = numbersIn(lines[lines.length - 1]);
    expect(last[last.length - 1]).toBeCloseTo(0.35891648, 8);
    const gradientLine = numbersIn(lines[lines.length - 2]);
    expect(gradientLine[gradientLine.length - 1]).toBeCloseTo(0.082167041, 8);
    // out_o1 − t_o1 = 0.74136507
    expect(lines.join("\n")).toContain("0.74136507");
  });

  test("w1: both downstream paths, their sum, and w1⁺ = 0.149780716", () => {
    const {lines} = product("w1");
    const text = lines.join("\n");
    expect(text).toMatch(/via o1: w5·δ_o1/);
    expect(text).toMatch(/via o2: w7·δ_o2/);
    // ∂E/∂out_h1 = 0.036350306 in the published walk-through
    expect(text).toContain("0.036350306");
    const last = numbersIn(lines[lines.length - 1]);
    expect(last[last.length - 1]).toBeCloseTo(0.149780716, 8);
  });

  test("a hidden unit shows the sum of both paths equal to the trace's ∂E/∂out", () => {
    const {title, lines} = product("h2");
    expect(title).toBe("Unit h2");
    const sumLine = lines.find((line) => line.includes("sum of both paths"))!;
    const numbers = numbersIn(sumLine);
    expect(numbers[numbers.length - 1]).toBeCloseTo(step.trace.layers[0].dLda[1], 8);
    expect(numbers[numbers.length - 1]).toBeCloseTo(numbers[numbers.length - 3] + numbers[numbers.length - 2], 8);
  });

  test("an output unit: out_o1 = 0.75136507 and its δ", () => {
    const text = product("o1").lines.join("\n");
    expect(text).toContain("out_o1 = f(net_o1) = 0.75136507");
    expect(text).toContain(`= ${"0.13849856"}`);
    expect(text).not.toContain("via");
  });

  test("every weight's gradient is the trace's, and its new value is the step's", () => {
    for (const item of SELECTABLE.filter((s) => s.kind === "weight")) {
      const {layer, j, i} = item as {layer: number; j: number; i: number};
      const lines = product(selectionName(item)).lines;
      const gradient = numbersIn(lines[lines.length - 2]);
      expect(gradient[gradient.length - 1]).toBeCloseTo(step.trace.layers[layer].weightGradients[j][i], 9);
      const after = numbersIn(lines[lines.length - 1]);
      expect(after[after.length - 1]).toBeCloseTo(step.net[layer].weights[j][i], 8);
    }
  });
});

describe("a dead hidden unit", () => {
  test("says that nothing passes back through it", () => {
    const ex = classicExample();
    ex.net[0].activation = "relu";
    ex.net[0].biases = [-1, 0.35];
    const step = backpropStep(ex.net, ex.input, ex.target, ex.learningRate, {updateBiases: false});
    const dead = chainProduct(step, ex.net, selectionNamed("h1")!, ex.learningRate).lines.join("\n");
    expect(dead).toContain("nothing passes back through h1");
    const alive = chainProduct(step, ex.net, selectionNamed("h2")!, ex.learningRate).lines.join("\n");
    expect(alive).not.toContain("nothing passes back");
    const w1 = chainProduct(step, ex.net, selectionNamed("w1")!, ex.learningRate).lines;
    expect(numbersIn(w1[w1.length - 2]).pop()).toBe(0);
  });
});
