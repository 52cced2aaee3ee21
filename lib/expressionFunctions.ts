// The functions and constants a formula may name, each defined once: its value, its
// derivative by the chain rule on dual numbers, and its TeX. Names are looked up in fixed
// Maps, so "constructor" or "__proto__" are simply unknown names.
//
// Derivative convention at kinks (abs, min, max, ReLU-like functions): f′ is the LEFT-HAND
// slope, the slope of the branch that holds just to the left of x. That is the convention
// lib's records use (ReLU′(0) = 0, Leaky ReLU′(0) = α), so max(0, x) has exactly ReLU's
// derivative and max(0.1 * x, x) has Leaky ReLU's with α = 0.1. Consequently |x|′(0) = −1.

import {activations} from "./activations.js";
import type {Activation} from "./activations.js";
import type {ExpressionNode, TexRenderer} from "./expressionAst.js";
import {dual, times} from "./dual.js";
import type {Dual} from "./dual.js";
import {BINARY_OPERATORS, paren} from "./expressionOperators.js";
import {erf, sech2} from "./special.js";

/** One function a formula may call. */
export interface FunctionSpec {
  /** Canonical name (aliases map to it). */
  name: string;
  arity: number;
  value(args: number[]): number;
  /** Value and derivative from the arguments' values and derivatives. */
  dual(args: Dual[]): Dual;
  /** The TeX of the call, rendering the arguments with `render`. */
  tex(args: ExpressionNode[], render: TexRenderer): string;
  /** One line for the help list. */
  help: string;
}

/** A one-argument function from its value and slope, by the chain rule. */
function unary(
  name: string,
  f: (u: number) => number,
  df: (u: number) => number,
  tex: (a: string) => string,
  help: string
): FunctionSpec {
  return {
    name,
    arity: 1,
    value: ([u]) => f(u),
    dual: ([a]) => dual(f(a.v), times(a.d, df(a.v))),
    tex: ([a], render) => tex(render(a)),
    help
  };
}

const named = (command: string) => (a: string) => `${command}${paren(a)}`;

/** Left-hand slope of |u|: −|u′| at u = 0 (the branch just left of x). */
function absDual([a]: Dual[]): Dual {
  const d = a.v > 0 ? a.d : a.v < 0 ? -a.d : -Math.abs(a.d);
  return dual(Math.abs(a.v), d);
}

/** max(u, w); on a tie the left-hand slope is the smaller one (that branch is larger just left of x). */
function maxDual([a, b]: Dual[]): Dual {
  if (a.v !== a.v || b.v !== b.v) return dual(NaN, NaN);
  if (a.v > b.v) return dual(a.v, a.d);
  if (b.v > a.v) return dual(b.v, b.d);
  return dual(a.v, Math.min(a.d, b.d)); // a tie
}

function minDual([a, b]: Dual[]): Dual {
  if (a.v !== a.v || b.v !== b.v) return dual(NaN, NaN);
  if (a.v < b.v) return dual(a.v, a.d);
  if (b.v < a.v) return dual(b.v, b.d);
  return dual(a.v, Math.max(a.d, b.d));
}

const TWO_OVER_SQRT_PI = 1.1283791670955126;

/**
 * A lib activation as a function of the formula. Its kinks (all at 0) use lib's left-hand
 * convention in its own argument u; when u decreases through 0 as x increases (u′ < 0), the
 * left-hand slope in x is the branch just right of u = 0, so that branch's slope is used.
 */
function activationFunction(name: string, act: Activation): FunctionSpec {
  const head = act.tex.name.replace(/\(x\)$/, "");
  return {
    name,
    arity: 1,
    value: ([u]) => act.f(u),
    dual: ([a]) => {
      const slope = a.v === 0 && a.d < 0 ? act.df(Number.MIN_VALUE) : act.df(a.v);
      return dual(act.f(a.v), times(a.d, slope));
    },
    tex: ([a], render) => `${head}${paren(render(a))}`,
    help: `${act.label} from the course's library`
  };
}

const power = BINARY_OPERATORS["^"];

function buildFunctions(): Map<string, FunctionSpec> {
  const table = new Map<string, FunctionSpec>();
  const add = (spec: FunctionSpec, ...aliases: string[]) => {
    table.set(spec.name, spec);
    for (const alias of aliases) table.set(alias, spec);
  };
  add(unary("exp", Math.exp, Math.exp, (a) => `e^{${a}}`, "e to the power u"));
  add(
    unary("log", Math.log, (u) => 1 / u, named("\\ln"), "natural logarithm (u > 0)"),
    "ln"
  );
  add(
    unary(
      "log1p",
      Math.log1p,
      (u) => 1 / (1 + u),
      (a) => `\\ln${paren(`1 + ${a}`)}`,
      "ln(1 + u), accurate for small u"
    )
  );
  add(
    unary(
      "sqrt",
      Math.sqrt,
      (u) => 0.5 / Math.sqrt(u),
      (a) => `\\sqrt{${a}}`,
      "square root (u ≥ 0)"
    )
  );
  add({
    name: "abs",
    arity: 1,
    value: ([u]) => Math.abs(u),
    dual: absDual,
    tex: ([a], render) => `\\left|${render(a)}\\right|`,
    help: "absolute value |u|"
  });
  add(unary("sin", Math.sin, Math.cos, named("\\sin"), "sine"));
  add(unary("cos", Math.cos, (u) => -Math.sin(u), named("\\cos"), "cosine"));
  add(unary("tan", Math.tan, (u) => 1 / Math.cos(u) ** 2, named("\\tan"), "tangent"));
  add(unary("tanh", Math.tanh, sech2, named("\\tanh"), "hyperbolic tangent"));
  add(unary("sinh", Math.sinh, Math.cosh, named("\\sinh"), "hyperbolic sine"));
  add(unary("cosh", Math.cosh, Math.sinh, named("\\cosh"), "hyperbolic cosine"));
  add(
    unary(
      "erf",
      erf,
      (u) => TWO_OVER_SQRT_PI * Math.exp(-u * u),
      named("\\operatorname{erf}"),
      "error function"
    )
  );
  add({
    name: "max",
    arity: 2,
    value: ([u, w]) => (u > w ? u : w > u ? w : u === w ? u : NaN),
    dual: maxDual,
    tex: ([a, b], render) => `\\max${paren(`${render(a)}, ${render(b)}`)}`,
    help: "the larger of two values"
  });
  add({
    name: "min",
    arity: 2,
    value: ([u, w]) => (u < w ? u : w < u ? w : u === w ? u : NaN),
    dual: minDual,
    tex: ([a, b], render) => `\\min${paren(`${render(a)}, ${render(b)}`)}`,
    help: "the smaller of two values"
  });
  // pow(u, w) is u ^ w: the operator's row gives its value, derivative and TeX
  add({
    name: "pow",
    arity: 2,
    value: ([u, w]) => power.value(u, w),
    dual: ([a, b]) => power.dual(a, b),
    tex: ([a, b], render) => power.tex(a, b, render),
    help: "pow(u, w) = u^w"
  });
  const aliases: Record<string, string[]> = {
    leakyRelu: ["leaky_relu", "leakyrelu"],
    swish: ["silu"],
    geluTanh: ["gelu_tanh"],
    linear: ["identity"]
  };
  for (const [id, act] of Object.entries(activations) as [string, Activation][]) {
    if (id === "tanh") continue; // Math.tanh with sech² is exactly lib's tanh record
    add(activationFunction(id, act), ...(aliases[id] ?? []));
  }
  return table;
}

/** Every function a formula may call, by name and alias. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = buildFunctions();

/** The named constants. */
export const CONSTANTS: ReadonlyMap<string, number> = new Map([
  ["pi", Math.PI],
  ["e", Math.E]
]);

/** Every name a formula may call, canonical names first, each with its argument count and a help line. */
export function functionNames(): {name: string; arity: number; help: string; aliasOf?: string}[] {
  return [...FUNCTIONS].map(([name, spec]) => ({
    name,
    arity: spec.arity,
    help: spec.help,
    ...(name === spec.name ? {} : {aliasOf: spec.name})
  }));
}
