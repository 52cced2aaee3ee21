// A parsed formula as TeX: fractions for /, e^{…} for exp, \sigma for sigmoid, parentheses
// only where needed. Each operator's and function's TeX is a column of its table row
// (lib/expressionOperators.ts, lib/expressionFunctions.ts); this walks the tree.

import type {ExpressionNode} from "./expressionAst.js";
import {FUNCTIONS} from "./expressionFunctions.js";
import {BINARY_OPERATORS, UNARY_MINUS} from "./expressionOperators.js";

/** A number as TeX: 1e-7 as 10^{-7}, 2.5e-7 as 2.5 \times 10^{-7}. */
function numberTex(node: Extract<ExpressionNode, {type: "number"}>): string {
  const text = String(node.value);
  const match = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const exponent = String(Number(match[2]));
  return match[1] === "1" ? `10^{${exponent}}` : `${match[1]} \\times 10^{${exponent}}`;
}

/** The formula as TeX (the right-hand side of f(x) = …). */
export function toTex(node: ExpressionNode): string {
  switch (node.type) {
    case "number":
      return numberTex(node);
    case "variable":
      return "x";
    case "constant":
      return node.name === "pi" ? "\\pi" : "e";
    case "unary":
      return UNARY_MINUS.tex(node.argument, toTex);
    case "call":
      return FUNCTIONS.get(node.name)!.tex(node.args, toTex);
    case "binary":
      return BINARY_OPERATORS[node.operator].tex(node.left, node.right, toTex);
  }
}
