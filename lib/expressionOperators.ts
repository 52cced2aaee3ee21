// The formula language's operators, each defined once: its symbol and the look-alikes a reader
// may paste, how tightly it binds, which way it groups, its value, its derivative by the rules
// of dual numbers, and its TeX. The tokenizer, the parser, evaluation and TeX output all read
// these rows; nothing else spells out what an operator does.

import type {BinaryOperator, ExpressionNode, TexRenderer} from "./expressionAst.js";
import {dual, powDual, times} from "./dual.js";
import type {Dual} from "./dual.js";

/** One binary operator. */
export interface BinaryOperatorSpec {
  symbol: BinaryOperator;
  /** Characters a reader may type or paste for it (− for minus; × and · for times). */
  aliases: string[];
  /** Binding power: higher binds tighter (unary minus sits between * and ^). */
  precedence: number;
  /** "left": 1 − 2 − 3 = (1 − 2) − 3; "right": 2^3^2 = 2^(3^2). */
  associativity: "left" | "right";
  value(u: number, w: number): number;
  /** Value and derivative from the operands' values and derivatives. */
  dual(a: Dual, b: Dual): Dual;
  /** The TeX of `left operator right`, rendering the operands with `render`. */
  tex(left: ExpressionNode, right: ExpressionNode, render: TexRenderer): string;
}

/** A leading minus, as in −x^2 = −(x^2): it binds looser than ^ and tighter than * and /. */
export const UNARY_MINUS = {
  symbol: "-",
  precedence: 3,
  value: (u: number) => -u,
  dual: (a: Dual) => dual(-a.v, -a.d),
  tex(argument: ExpressionNode, render: TexRenderer): string {
    const inner = render(argument);
    return bindingPower(argument) <= UNARY_MINUS.precedence ? `-${paren(inner)}` : `-${inner}`;
  }
} as const;

/** How tightly numbers, x, constants and calls bind: tighter than any operator. */
const ATOM_PRECEDENCE = 5;

/** A TeX group in stretchy parentheses. */
export function paren(tex: string): string {
  return `\\left(${tex}\\right)`;
}

/** How tightly a node binds when it is an operand (higher binds tighter). */
export function bindingPower(node: ExpressionNode): number {
  if (node.type === "binary") return BINARY_OPERATORS[node.operator].precedence;
  if (node.type === "unary") return UNARY_MINUS.precedence;
  return ATOM_PRECEDENCE;
}

/**
 * The operands of an infix operator as TeX, parenthesised where needed: the left one when it
 * binds looser, the right one also at equal precedence (a − (b + c)) and when it is a unary minus.
 */
function infixOperands(
  precedence: number,
  left: ExpressionNode,
  right: ExpressionNode,
  render: TexRenderer
): [string, string] {
  const leftTex = bindingPower(left) < precedence ? paren(render(left)) : render(left);
  const rightTex =
    bindingPower(right) <= precedence || right.type === "unary" ? paren(render(right)) : render(right);
  return [leftTex, rightTex];
}

/** Whether a power's base must be wrapped in parentheses to read (and typeset) correctly. */
function baseNeedsParens(node: ExpressionNode): boolean {
  if (node.type === "number") return /e/.test(String(node.value));
  if (node.type === "variable" || node.type === "constant") return false;
  if (node.type === "call") return node.name === "exp" || node.name === "pow";
  return true;
}

/** Starts with a letter-like atom, so a number in front of it can be juxtaposed (1.5x, 2\pi). */
function juxtaposable(node: ExpressionNode): boolean {
  if (node.type === "variable" || node.type === "constant") return true;
  if (node.type === "call") return node.name !== "exp";
  if (node.type === "binary" && node.operator === "^")
    return node.left.type === "variable" || node.left.type === "constant";
  return false;
}

/** Every binary operator, by symbol. */
export const BINARY_OPERATORS: Record<BinaryOperator, BinaryOperatorSpec> = {
  "+": {
    symbol: "+",
    aliases: [],
    precedence: 1,
    associativity: "left",
    value: (u, w) => u + w,
    dual: (a, b) => dual(a.v + b.v, a.d + b.d),
    tex(left, right, render) {
      const [l, r] = infixOperands(this.precedence, left, right, render);
      return `${l} + ${r}`;
    }
  },
  "-": {
    symbol: "-",
    aliases: ["\u2212"],
    precedence: 1,
    associativity: "left",
    value: (u, w) => u - w,
    dual: (a, b) => dual(a.v - b.v, a.d - b.d),
    tex(left, right, render) {
      const [l, r] = infixOperands(this.precedence, left, right, render);
      return `${l} - ${r}`;
    }
  },
  "*": {
    symbol: "*",
    aliases: ["\u00d7", "\u00b7"],
    precedence: 2,
    associativity: "left",
    value: (u, w) => u * w,
    dual: (a, b) => dual(a.v * b.v, times(a.d, b.v) + times(b.d, a.v)),
    tex(left, right, render) {
      const [l, r] = infixOperands(this.precedence, left, right, render);
      // a number before a letter-like factor is written next to it: 1.5x, 2 \pi
      if (left.type === "number" && juxtaposable(right) && !l.includes("\\times"))
        return `${l}${r.startsWith("\\") ? " " : ""}${r}`;
      return `${l} \\cdot ${r}`;
    }
  },
  "/": {
    symbol: "/",
    aliases: [],
    precedence: 2,
    associativity: "left",
    value: (u, w) => u / w,
    dual(a, b) {
      const v = a.v / b.v;
      return dual(v, (a.d - times(b.d, v)) / b.v);
    },
    tex: (left, right, render) => `\\frac{${render(left)}}{${render(right)}}`
  },
  "^": {
    symbol: "^",
    aliases: [],
    precedence: 4,
    associativity: "right",
    value: (u, w) => u ** w,
    dual: powDual,
    tex(left, right, render) {
      const base = render(left);
      return `${baseNeedsParens(left) ? paren(base) : base}^{${render(right)}}`;
    }
  }
};

/** The binary operator a character stands for (its symbol or a look-alike), if any. */
export const OPERATOR_CHARACTERS: ReadonlyMap<string, BinaryOperator> = new Map(
  Object.values(BINARY_OPERATORS).flatMap((spec) =>
    [spec.symbol, ...spec.aliases].map((c): [string, BinaryOperator] => [c, spec.symbol])
  )
);
