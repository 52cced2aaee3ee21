import {readFileSync} from "node:fs";
import katex from "katex";
import {describe, expect, it} from "vitest";
import {activations, createMlp, gradcheck, linspace, makeLeakyRelu, trainEpoch} from "../../lib/index.js";
import type {Activation} from "../../lib/index.js";
import {logistic, log1pExp, sech2} from "../../lib/special.js";
import {
  checkDerivative,
  compileActivation,
  compileExpression,
  ExpressionError,
  functionNames,
  MAX_FORMULA_LENGTH,
  nonFiniteIntervals,
  parseExpression,
  suggestNames,
  toTex
} from "../../lib/expression.js";
import {expectClose} from "./helpers.js";

const POINTS = [-2.5, -0.7, 0.3, 1.9];

/** The formula language's modules: the entry and every module it is split into. */
const FORMULA_MODULES = [
  "expression.ts",
  "expressionAst.ts",
  "expressionError.ts",
  "expressionOperators.ts",
  "expressionFunctions.ts",
  "expressionParse.ts",
  "expressionEval.ts",
  "expressionTex.ts",
  "dual.ts",
  "customActivation.ts",
  "formulaAddress.ts"
];

/** Formulas with their closed-form value and derivative (away from any kink). */
const TABLE: {formula: string; f: (x: number) => number; df: (x: number) => number; points?: number[]}[] = [
  {
    formula: "x * sigmoid(1.5 * x)",
    f: (x) => x * logistic(1.5 * x),
    df: (x) => logistic(1.5 * x) + 1.5 * x * logistic(1.5 * x) * (1 - logistic(1.5 * x))
  },
  {formula: "max(0.1 * x, x)", f: (x) => (x > 0 ? x : 0.1 * x), df: (x) => (x > 0 ? 1 : 0.1)},
  {formula: "log(1 + exp(x))", f: log1pExp, df: logistic},
  {formula: "log1p(exp(x))", f: log1pExp, df: logistic},
  {formula: "x^3 - 2*x", f: (x) => x ** 3 - 2 * x, df: (x) => 3 * x * x - 2},
  {formula: "exp(-x^2 / 2)", f: (x) => Math.exp((-x * x) / 2), df: (x) => -x * Math.exp((-x * x) / 2)},
  {formula: "sin(x) * cos(x)", f: (x) => Math.sin(2 * x) / 2, df: (x) => Math.cos(2 * x)},
  {formula: "tan(x / 2)", f: (x) => Math.tan(x / 2), df: (x) => 0.5 / Math.cos(x / 2) ** 2},
  {formula: "sqrt(1 + x^2)", f: (x) => Math.hypot(1, x), df: (x) => x / Math.hypot(1, x)},
  {formula: "x / (1 + abs(x))", f: (x) => x / (1 + Math.abs(x)), df: (x) => 1 / (1 + Math.abs(x)) ** 2},
  {formula: "tanh(x)^2", f: (x) => Math.tanh(x) ** 2, df: (x) => 2 * Math.tanh(x) * sech2(x)},
  {
    formula: "erf(x / sqrt(2))",
    f: (x) => (2 * activations.gelu.f(x)) / x - 1,
    df: (x) => Math.sqrt(2 / Math.PI) * Math.exp((-x * x) / 2)
  },
  {formula: "2^x", f: (x) => 2 ** x, df: (x) => Math.LN2 * 2 ** x},
  {formula: "x^x", f: (x) => x ** x, df: (x) => x ** x * (Math.log(x) + 1), points: [0.3, 1.9, 2.5]},
  {formula: "pow(x, 2) + min(x, 0)", f: (x) => x * x + Math.min(x, 0), df: (x) => 2 * x + (x < 0 ? 1 : 0)},
  {formula: "1e-3 * x + .5", f: (x) => 1e-3 * x + 0.5, df: () => 1e-3},
  {formula: "pi * x + e", f: (x) => Math.PI * x + Math.E, df: () => Math.PI},
  {formula: "sinh(x) / cosh(x)", f: Math.tanh, df: sech2},
  {formula: "ln(x^2 + 1)", f: (x) => Math.log(x * x + 1), df: (x) => (2 * x) / (x * x + 1)},
  {formula: "1 / (1 + exp(-x))", f: logistic, df: (x) => logistic(x) * (1 - logistic(x))},
  {formula: "−x × 2", f: (x) => -2 * x, df: () => -2}
];

describe("compileExpression: autodiff against closed forms and central differences", () => {
  it.each(TABLE)("$formula", ({formula, f, df, points = POINTS}) => {
    const compiled = compileExpression(formula);
    for (const x of points) {
      expectClose(compiled.f(x), f(x), 1e-12, 1e-15, `${formula} f(${x})`);
      expectClose(compiled.df(x), df(x), 1e-12, 1e-15, `${formula} f'(${x})`);
      expectClose(
        compiled.df(x),
        gradcheck(compiled.f, x),
        1e-6,
        1e-8,
        `${formula} f'(${x}) vs central difference`
      );
      const {value, derivative} = compiled.evaluate(x);
      expect(value).toBe(compiled.f(x));
      expect(derivative).toBe(compiled.df(x));
    }
  });
});

describe("precedence and associativity", () => {
  const value = (formula: string, x = 3) => compileExpression(formula).f(x);
  it.each([
    ["2^3^2", 512],
    ["(2^3)^2", 64],
    ["-x^2", -9],
    ["-2^2", -4],
    ["(-2)^2", 4],
    ["2^-1", 0.5],
    ["2^-x^2", 2 ** -9],
    ["2*-3", -6],
    ["1-2-3", -4],
    ["8/4/2", 1],
    ["2+3*4", 14],
    ["(2+3)*4", 20],
    ["-x*2", -6],
    ["--x", 3],
    ["+x", 3],
    ["x - -1", 4],
    ["2 * x ^ 2 / 3", 6]
  ])("%s = %d", (formula, expected) => {
    expect(value(formula)).toBe(expected);
  });

  it("builds the AST the precedence implies", () => {
    const ast = parseExpression("-x^2");
    expect(ast.type).toBe("unary");
    if (ast.type === "unary") expect(ast.argument).toMatchObject({type: "binary", operator: "^"});
    const power = parseExpression("2^3^2");
    expect(power).toMatchObject({type: "binary", operator: "^", left: {value: 2}, right: {operator: "^"}});
  });
});

describe("activations by name", () => {
  const names: [string, Activation][] = [
    ...(Object.entries(activations) as [string, Activation][]),
    ["leaky_relu", activations.leakyRelu],
    ["silu", activations.swish],
    ["gelu_tanh", activations.geluTanh]
  ];
  const xs = [...linspace(-6, 6, 49), 0, -1e-9, 1e-9, 30, -30];
  it.each(names)("%s(x) matches lib's record", (name, act) => {
    const compiled = compileExpression(`${name}(x)`);
    for (const x of xs) {
      expect(compiled.f(x), `${name} f(${x})`).toBe(act.f(x));
      expect(compiled.df(x), `${name} f'(${x})`).toBe(act.df(x));
    }
  });

  it("chains the record's derivative", () => {
    const compiled = compileExpression("gelu(2 * x + 1)");
    for (const x of POINTS) expectClose(compiled.df(x), 2 * activations.gelu.df(2 * x + 1), 1e-15);
  });

  it("lists every function with its arity", () => {
    const list = functionNames();
    expect(list.find((e) => e.name === "max")?.arity).toBe(2);
    expect(list.find((e) => e.name === "silu")?.aliasOf).toBe("swish");
    for (const id of Object.keys(activations)) expect(list.some((e) => e.name === id)).toBe(true);
  });
});

describe("kinks: f′ is the left-hand slope, as lib's ReLU", () => {
  it("max(0, x) has ReLU's derivative and max(0.1x, x) Leaky ReLU's", () => {
    const relu = compileExpression("max(0, x)");
    const leaky = compileExpression("max(0.1 * x, x)");
    const leaky01 = makeLeakyRelu(0.1);
    for (const x of [-1, -1e-300, 0, 1e-300, 1]) {
      expect(relu.df(x)).toBe(activations.relu.df(x));
      expect(leaky.df(x)).toBe(leaky01.df(x));
    }
  });

  it("takes the branch just left of x for abs, min and a decreasing argument", () => {
    expect(compileExpression("abs(x)").df(0)).toBe(-1);
    expect(compileExpression("min(x, 0)").df(0)).toBe(1);
    expect(compileExpression("relu(-x)").df(0)).toBe(-1); // relu(−x) = −x left of 0
    expect(compileExpression("relu(x)").df(0)).toBe(0);
    expect(compileExpression("abs(x - 1)").df(1)).toBe(-1);
  });

  it("keeps NaN values paired with NaN derivatives", () => {
    const log = compileExpression("log(x)");
    expect(log.f(-1)).toBeNaN();
    expect(log.df(-1)).toBeNaN();
    expect(compileExpression("max(x, log(x))").df(-1)).toBeNaN();
    expect(compileExpression("sqrt(x)").df(0)).toBe(Infinity);
    expect(compileExpression("x^2").df(0)).toBe(0);
    expect(compileExpression("x^0").df(0)).toBe(0);
  });
});

function errorOf(formula: string): ExpressionError {
  try {
    parseExpression(formula);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error(`expected ${JSON.stringify(formula)} to throw`);
}

describe("malformed formulas", () => {
  it.each([
    ["", "empty", 0, /empty formula/],
    ["   ", "empty", 0, /empty formula/],
    ["x +", "syntax", 3, /unexpected end of formula at column 4/],
    ["(x", "syntax", 2, /missing "\)" at column 3 \(end of formula\) to close the "\(" at column 1/],
    ["x)", "syntax", 1, /unexpected "\)" at column 2/],
    ["(x + 1) * x)", "syntax", 11, /unexpected "\)" at column 12/],
    ["2 ** x", "syntax", 2, /"\*\*" at column 3 is not an operator: write \^/],
    ["foo(x)", "unknown-name", 0, /unknown function "foo" at column 1/],
    ["max(x)", "arity", 0, /max at column 1 takes 2 arguments, got 1/],
    ["relu(x, 2)", "arity", 0, /relu at column 1 takes 1 argument, got 2/],
    ["1..2", "syntax", 0, /malformed number "1..2" at column 1/],
    ["x y", "syntax", 2, /unexpected name "y" at column 3: missing an operator/],
    ["2x", "syntax", 1, /unexpected name "x" at column 2/],
    ["x * (", "syntax", 5, /unexpected end of formula at column 6/],
    ["max(x,)", "syntax", 6, /unexpected "\)" at column 7/],
    ["max(x, 1", "syntax", 8, /missing "\)" at column 9/],
    ["x # 2", "syntax", 2, /unexpected character "#" at column 3/],
    ["sigmoid", "syntax", 0, /is a function: give it an argument/],
    ["x(2)", "syntax", 0, /"x" at column 1 is not a function/],
    ["y + 1", "unknown-name", 0, /unknown name "y" at column 1 — the only variable is x/],
    ["1e999", "syntax", 0, /too large/],
    ["x, 1", "syntax", 1, /unexpected "," at column 2/]
  ])("%j: %s error at position %d", (formula, kind, position, message) => {
    const error = errorOf(formula);
    expect(error.kind).toBe(kind);
    expect(error.position).toBe(position);
    expect(error.column).toBe(position + 1);
    expect(error.message).toMatch(message);
    expect(error.name).toBe("ExpressionError");
  });

  it("suggests close names for typos", () => {
    const error = errorOf("x * sigmod(x)");
    expect(error.message).toBe('unknown function "sigmod" at column 5 — did you mean sigmoid?');
    expect(error.suggestions[0]).toBe("sigmoid");
    expect(error.title).toBe("NameError");
    expect(errorOf("Relu(x)").suggestions[0]).toBe("relu");
    expect(errorOf("expp(x)").suggestions).toContain("exp");
    expect(suggestNames("tahn", ["tanh", "tan", "sigmoid"])).toContain("tanh");
  });

  it("underlines the whole bad name", () => {
    const error = errorOf("2 * softpluss(x)");
    expect([error.position, error.length]).toEqual([4, 9]);
  });

  it("refuses a formula over the length limit", () => {
    const long = "x + ".repeat(130) + "x";
    expect(long.length).toBeGreaterThan(MAX_FORMULA_LENGTH);
    const error = errorOf(long);
    expect(error.kind).toBe("too-long");
    expect(error.message).toMatch(/limit is 500/);
  });

  it("has no back door to JavaScript: object-prototype names are unknown", () => {
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "prototype"]) {
      expect(errorOf(name).kind).toBe("unknown-name");
      expect(errorOf(`${name}(x)`).kind).toBe("unknown-name");
    }
    for (const module of FORMULA_MODULES) {
      const source = readFileSync(new URL(`../../lib/${module}`, import.meta.url), "utf8")
        .split("\n")
        .filter((line) => !/^\s*(\/\/|\*|\/\*\*)/.test(line)) // code, not comments
        .join("\n");
      expect(source, module).not.toMatch(/\beval\s*\(|new\s+Function|\bFunction\s*\(/);
    }
  });
});

describe("toTex", () => {
  it.each([
    ["x * sigmoid(1.5 * x)", "x \\cdot \\sigma\\left(1.5x\\right)"],
    ["log(1 + exp(x))", "\\ln\\left(1 + e^{x}\\right)"],
    ["max(0.1 * x, x)", "\\max\\left(0.1x, x\\right)"],
    ["2^3^2", "2^{3^{2}}"],
    ["(x + 1)^2", "\\left(x + 1\\right)^{2}"],
    ["-x^2", "-x^{2}"],
    ["-(x + 1)", "-\\left(x + 1\\right)"],
    ["x - (x - 1)", "x - \\left(x - 1\\right)"],
    ["(x - 1) * (x + 1)", "\\left(x - 1\\right) \\cdot \\left(x + 1\\right)"],
    ["x / (1 + abs(x))", "\\frac{x}{1 + \\left|x\\right|}"],
    ["2 * pi * x", "2 \\pi \\cdot x"],
    ["1e-7 * x", "10^{-7}x"],
    ["sqrt(x)", "\\sqrt{x}"],
    ["exp(x)^2", "\\left(e^{x}\\right)^{2}"],
    ["gelu(x) + mish(x)", "\\operatorname{GELU}\\left(x\\right) + \\operatorname{mish}\\left(x\\right)"],
    ["leaky_relu(x)", "\\operatorname{LeakyReLU}\\left(x\\right)"]
  ])("%s → %s", (formula, tex) => {
    expect(toTex(parseExpression(formula))).toBe(tex);
  });

  it("renders every table formula as valid TeX", () => {
    for (const {formula} of TABLE) {
      expect(() => katex.renderToString(compileExpression(formula).tex, {throwOnError: true})).not.toThrow();
    }
  });
});

describe("checkDerivative", () => {
  const xs = linspace(-6, 6, 241);
  it("finds autodiff and central differences in agreement for smooth formulas", () => {
    const result = checkDerivative(compileExpression("x * sigmoid(1.5 * x)"), xs);
    expect(result.checked).toBe(241);
    expect(result.maxError).toBeLessThan(1e-8);
  });

  it("skips points next to a kink and points where f is undefined", () => {
    const kink = checkDerivative(compileExpression("max(0.1 * x, x)"), xs);
    expect(kink.nearKinks).toBe(1);
    expect(kink.maxError).toBeLessThan(1e-8);
    const log = checkDerivative(compileExpression("log(x)"), xs);
    expect(log.undefinedPoints).toBeGreaterThan(100);
    expect(log.checked).toBeGreaterThan(100);
  });

  it("reports a wrong derivative", () => {
    const result = checkDerivative({f: Math.sin, df: (x) => Math.cos(x) + 0.01}, xs);
    expect(result.maxError).toBeGreaterThan(0.005);
  });
});

describe("nonFiniteIntervals", () => {
  it("merges runs of NaN and of infinities", () => {
    const xs = [-2, -1, 0, 1, 2];
    expect(nonFiniteIntervals(xs, [NaN, NaN, -Infinity, 0, 1])).toEqual([
      {from: -2, to: -1, kind: "undefined"},
      {from: 0, to: 0, kind: "infinite"}
    ]);
    expect(nonFiniteIntervals(xs, [1, 2, 3, 4, 5])).toEqual([]);
  });
});

describe("compileActivation", () => {
  it("builds a full Activation record", () => {
    const act = compileActivation("x * sigmoid(x)");
    expect(act.id).toBe("custom");
    expect(act.label).toBe("Custom: x * sigmoid(x)");
    expect(act.tex.f).toBe("f(x) = x \\cdot \\sigma\\left(x\\right)");
    for (const x of POINTS) {
      expectClose(act.f(x), activations.swish.f(x), 1e-15);
      expectClose(act.df(x), activations.swish.df(x), 1e-14);
    }
    expectClose(act.range.lower, activations.swish.range.lower, 1e-4);
    expect(act.range.upper).toBe(Infinity);
    expect(act.range.tex).toBe("[\\approx -0.278, \\infty)");
    expect(act.monotonic).toBe(false);
    expect(act.smooth).toBe(true);
    expect(act.saturates).toBe("left");
    expectClose(act.maxSlope.value, activations.swish.maxSlope.value, 1e-4);
    expect(act.maxSlope.x).toBeCloseTo(activations.swish.maxSlope.x!, 1);
    expect(() => katex.renderToString(act.tex.f, {throwOnError: true})).not.toThrow();
    expect(() => katex.renderToString(act.range.tex, {throwOnError: true})).not.toThrow();
  });

  it.each(["sigmoid", "tanh", "relu", "linear", "softplus", "elu"] as const)(
    "estimates the same properties lib states for %s",
    (id) => {
      const act = compileActivation(`${id}(x)`);
      const lib: Activation = activations[id];
      expect(act.monotonic).toBe(lib.monotonic);
      expect(act.smooth).toBe(lib.smooth);
      expect(act.zeroCentred).toBe(lib.zeroCentred);
      expect(act.saturates).toBe(lib.saturates);
      expect(act.vanishingGradient).toBe(lib.vanishingGradient);
      expect(act.range.lowerClosed).toBe(lib.range.lowerClosed);
      expect(act.range.upperClosed).toBe(lib.range.upperClosed);
      expectClose(act.range.lower, lib.range.lower, 1e-6, 1e-6);
      expectClose(act.range.upper, lib.range.upper, 1e-6, 1e-6);
      expectClose(act.maxSlope.value, lib.maxSlope.value, 1e-6);
      expect(act.maxSlope.x === null).toBe(lib.maxSlope.x === null);
    }
  );

  it("finds the steepest slope where lib's records state it, not just on the analysis grid", () => {
    for (const [id, lib] of Object.entries(activations) as [string, Activation][]) {
      if (lib.maxSlope.x === null) continue;
      const act = compileActivation(`${id}(x)`);
      expectClose(act.maxSlope.value, lib.maxSlope.value, 1e-9, 0, `${id} steepest slope`);
      expect(act.maxSlope.x, id).not.toBeNull();
      expect(Math.abs(act.maxSlope.x! - lib.maxSlope.x), id).toBeLessThan(1e-5);
    }
    // a narrow spike between grid points (width 0.007 < the grid's 0.005 step · 2)
    const spike = compileActivation("x + 1e60 * exp(-10000 * x^2)");
    expectClose(spike.maxSlope.value, 1e60 * Math.sqrt(20000) * Math.exp(-0.5), 1e-9);
    // a sup approached at a kink: selu(−x)′ → λα as x → 0⁺
    expectClose(compileActivation("selu(-x)").maxSlope.value, activations.selu.maxSlope.value, 1e-9);
  });

  it("flags kinks, undefined stretches and unbounded ranges", () => {
    expect(compileActivation("max(0.1 * x, x)").smooth).toBe(false);
    expect(compileActivation("max(0.1 * x, x)").derivativeAtZeroConvention).toMatch(/left-hand/);
    const log = compileActivation("log(x)");
    expect(log.undefinedSomewhere).toBe(true);
    expect([log.range.lower, log.range.upper]).toEqual([-Infinity, Infinity]);
    expect(log.limitations.join(" ")).toMatch(/NaN/);
    const nowhere = compileActivation("log(-1 - x^2)");
    expect(nowhere.rangeKnown).toBe(false);
    expect(nowhere.range.tex).toBe("\\text{unknown}");
    expect(compileActivation("x^2").maxSlope.value).toBe(Infinity);
    expect(compileActivation("sin(x)").range.tex).toBe("[-1, 1]");
  });

  it("throws ExpressionError for a malformed formula", () => {
    expect(() => compileActivation("x +")).toThrow(ExpressionError);
  });

  it("trains in lib's MLP", () => {
    const act = compileActivation("x * sigmoid(1.5 * x)");
    const mlp = createMlp({sizes: [1, 4, 1], activation: act, seed: 3});
    const inputs = linspace(-1, 1, 16);
    const targets = inputs.map((x) => x * x);
    const first = trainEpoch(mlp, inputs, targets, {learningRate: 0.1, batchSize: 4});
    let last = first;
    for (let epoch = 0; epoch < 200; epoch++)
      last = trainEpoch(mlp, inputs, targets, {learningRate: 0.1, batchSize: 4});
    expect(Number.isFinite(last)).toBe(true);
    expect(last).toBeLessThan(first);
  });
});
