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

/**
 * One way of evaluating a tree: as plain numbers (f) or as dual numbers (f and f′ together).
 * `kind` names the column of the operator and function tables it reads.
 */
interface Evaluation<T> {
  kind: "value" | "dual";
  /** A number or constant of the formula. */
  constant(value: number): T;
  /** The variable x. */
  variable(x: number): T;
}

const VALUES: Evaluation<number> = {kind: "value", constant: (value) => value, variable: (x) => x};
const DUALS: Evaluation<Dual> = {kind: "dual", constant: (value) => dual(value, 0), variable: (x) => dual(x, 1)};

/** The tree as one closure of x, each node reading its table row's column for `how`. */
function compile<T>(node: ExpressionNode, how: Evaluation<T>): (x: number) => T {
  switch (node.type) {
    case "number":
    case "constant": {
      const value = node.value;
      return () => how.constant(value);
    }
    case "variable":
      return how.variable;
    case "unary": {
      const a = compile(node.argument, how);
      const negate = UNARY_MINUS[how.kind] as unknown as (a: T) => T;
      return (x) => negate(a(x));
    }
    case "binary": {
      const a = compile(node.left, how);
      const b = compile(node.right, how);
      const rule = BINARY_OPERATORS[node.operator][how.kind] as unknown as (a: T, b: T) => T;
      return (x) => rule(a(x), b(x));
    }
    case "call": {
      const spec = FUNCTIONS.get(node.name)!;
      const apply = spec[how.kind] as unknown as (args: T[]) => T;
      const args = node.args.map((arg) => compile(arg, how));
      if (args.length === 1) {
        const [a] = args;
        return (x) => apply([a(x)]);
      }
      const [a, b] = args;
      return (x) => apply([a(x), b(x)]);
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
  const value = compile(ast, VALUES);
  const withSlope = compile(ast, DUALS);
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
