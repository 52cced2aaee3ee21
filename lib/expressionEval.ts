// Evaluating a parsed formula: f(x) as plain numbers, and f′(x) by forward-mode automatic
// differentiation with dual numbers (lib/dual.ts). Each operator's and function's value and
// derivative come from its table row; this compiles the tree into closures once, so a chart or
// the trainer calls f and f′ without walking the tree again.

import type {ExpressionNode} from "./expressionAst.js";
import {dual} from "./dual.js";
import type {Dual} from "./dual.js";
import {FUNCTIONS} from "./expressionFunctions.js";
import {BINARY_OPERATORS, UNARY_MINUS} from "./expressionOperators.js";
import {parseExpression} from "./expressionParse.js";
import {toTex} from "./expressionTex.js";

type ValueFn = (x: number) => number;
type DualFn = (x: number) => Dual;

function compileValue(node: ExpressionNode): ValueFn {
  switch (node.type) {
    case "number":
    case "constant": {
      const value = node.value;
      return () => value;
    }
    case "variable":
      return (x) => x;
    case "unary": {
      const a = compileValue(node.argument);
      const negate = UNARY_MINUS.value;
      return (x) => negate(a(x));
    }
    case "binary": {
      const a = compileValue(node.left);
      const b = compileValue(node.right);
      const value = BINARY_OPERATORS[node.operator].value;
      return (x) => value(a(x), b(x));
    }
    case "call": {
      const spec = FUNCTIONS.get(node.name)!;
      const args = node.args.map(compileValue);
      if (args.length === 1) {
        const [a] = args;
        return (x) => spec.value([a(x)]);
      }
      const [a, b] = args;
      return (x) => spec.value([a(x), b(x)]);
    }
  }
}

function compileDual(node: ExpressionNode): DualFn {
  switch (node.type) {
    case "number":
    case "constant": {
      const value = node.value;
      return () => ({v: value, d: 0});
    }
    case "variable":
      return (x) => dual(x, 1);
    case "unary": {
      const a = compileDual(node.argument);
      const negate = UNARY_MINUS.dual;
      return (x) => negate(a(x));
    }
    case "binary": {
      const a = compileDual(node.left);
      const b = compileDual(node.right);
      const rule = BINARY_OPERATORS[node.operator].dual;
      return (x) => rule(a(x), b(x));
    }
    case "call": {
      const spec = FUNCTIONS.get(node.name)!;
      const args = node.args.map(compileDual);
      if (args.length === 1) {
        const [a] = args;
        return (x) => spec.dual([a(x)]);
      }
      const [a, b] = args;
      return (x) => spec.dual([a(x), b(x)]);
    }
  }
}

/** A compiled formula: f and its derivative f′ by forward-mode automatic differentiation. */
export interface CompiledExpression {
  text: string;
  ast: ExpressionNode;
  f(x: number): number;
  /** f′(x) from dual numbers; at kinks, the left-hand slope. */
  df(x: number): number;
  /** Value and derivative in one pass. */
  evaluate(x: number): {value: number; derivative: number};
  /** The formula as TeX (the right-hand side of f(x) = …). */
  tex: string;
}

/** Parses and compiles a formula; throws ExpressionError like parseExpression. */
export function compileExpression(text: string): CompiledExpression {
  const ast = parseExpression(text);
  const value = compileValue(ast);
  const withSlope = compileDual(ast);
  return {
    text,
    ast,
    f: value,
    df: (x) => withSlope(x).d,
    evaluate: (x) => {
      const {v, d} = withSlope(x);
      return {value: v, derivative: d};
    },
    tex: toTex(ast)
  };
}
