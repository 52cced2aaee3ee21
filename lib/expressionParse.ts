// Reading a formula: a tokenizer and a precedence-climbing parser to the tree of
// lib/expressionAst.ts, with an error that says what is wrong and where for anything else.
// Operators, their precedence and grouping come from lib/expressionOperators.ts; function and
// constant names from lib/expressionFunctions.ts. Nothing is ever evaluated as JavaScript.

import type {BinaryOperator, ExpressionNode} from "./expressionAst.js";
import {didYouMean, ExpressionError, suggestNames} from "./expressionError.js";
import {CONSTANTS, FUNCTIONS} from "./expressionFunctions.js";
import {BINARY_OPERATORS, OPERATOR_CHARACTERS, UNARY_MINUS} from "./expressionOperators.js";

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 500;

type Punctuation = "(" | ")" | ",";

type Token =
  | {type: "number"; text: string; start: number; end: number}
  | {type: "name"; text: string; start: number; end: number}
  | {type: "op"; text: BinaryOperator | Punctuation; start: number; end: number}
  | {type: "end"; text: ""; start: number; end: number};

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const PUNCTUATION: ReadonlySet<string> = new Set(["(", ")", ","]);

/** The operator or punctuation a character stands for (look-alikes included), if any. */
function operatorAt(c: string): BinaryOperator | Punctuation | undefined {
  return OPERATOR_CHARACTERS.get(c) ?? (PUNCTUATION.has(c) ? (c as Punctuation) : undefined);
}

function describeChar(c: string): string {
  return c === '"' ? "'\"'" : `"${c}"`;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (/[0-9.]/.test(c)) {
      NUMBER.lastIndex = i;
      const match = NUMBER.exec(text);
      if (!match) throw new ExpressionError("syntax", `unexpected "." at column ${i + 1}`, i);
      const end = i + match[0].length;
      if (text[end] === ".") {
        let stop = end;
        while (stop < text.length && /[0-9.]/.test(text[stop])) stop++;
        throw new ExpressionError(
          "syntax",
          `malformed number "${text.slice(i, stop)}" at column ${i + 1}: a number has at most one decimal point`,
          i,
          stop - i
        );
      }
      if (!Number.isFinite(Number(match[0]))) {
        throw new ExpressionError(
          "syntax",
          `number "${match[0]}" at column ${i + 1} is too large`,
          i,
          match[0].length
        );
      }
      tokens.push({type: "number", text: match[0], start: i, end});
      i = end;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(text);
    if (name) {
      tokens.push({type: "name", text: name[0], start: i, end: i + name[0].length});
      i += name[0].length;
      continue;
    }
    const op = operatorAt(c);
    if (op === "*" && (text[i + 1] === "*" || text[i + 1] === "\u00d7")) {
      throw new ExpressionError(
        "syntax",
        `"**" at column ${i + 1} is not an operator: write ^ for powers, as in x^2`,
        i,
        2
      );
    }
    if (op) {
      tokens.push({type: "op", text: op, start: i, end: i + 1});
      i++;
      continue;
    }
    throw new ExpressionError("syntax", `unexpected character ${describeChar(c)} at column ${i + 1}`, i);
  }
  tokens.push({type: "end", text: "", start: text.length, end: text.length});
  return tokens;
}

function describeToken(token: Token): string {
  if (token.type === "end") return "end of formula";
  if (token.type === "number") return `number ${token.text}`;
  if (token.type === "name") return `name "${token.text}"`;
  return `"${token.text}"`;
}

/** The binary operator a token is, if any. */
function binaryOperator(token: Token) {
  return token.type === "op" && token.text in BINARY_OPERATORS
    ? BINARY_OPERATORS[token.text as BinaryOperator]
    : undefined;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): ExpressionNode {
    const node = this.parseBinary(1);
    const next = this.peek();
    if (next.type !== "end") throw this.unexpectedAfterOperand(next);
    return node;
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private next(): Token {
    return this.tokens[this.index++];
  }

  private isOp(token: Token, text: string): boolean {
    return token.type === "op" && token.text === text;
  }

  /**
   * Precedence climbing over the binary operators that bind at least as tightly as
   * `minPrecedence`, with unary expressions as operands: a left-associative operator takes
   * only tighter operators into its right operand, a right-associative one (^) its equals too.
   */
  private parseBinary(minPrecedence: number): ExpressionNode {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      const operator = binaryOperator(token);
      if (operator === undefined || operator.precedence < minPrecedence) return left;
      this.next();
      const right = this.parseBinary(
        operator.associativity === "right" ? operator.precedence : operator.precedence + 1
      );
      left = {type: "binary", operator: operator.symbol, left, right, start: left.start, end: right.end};
    }
  }

  /** A leading minus takes the operators that bind tighter than it (−x^2 = −(x^2)); a leading + is dropped. */
  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (this.isOp(token, UNARY_MINUS.symbol)) {
      this.next();
      const argument = this.parseBinary(UNARY_MINUS.precedence);
      return {type: "unary", operator: "-", argument, start: token.start, end: argument.end};
    }
    if (this.isOp(token, "+")) {
      this.next();
      return this.parseUnary();
    }
    return this.parsePrimary();
  }

  private parsePrimary(): ExpressionNode {
    const token = this.next();
    if (token.type === "number") {
      return {
        type: "number",
        value: Number(token.text),
        text: token.text,
        start: token.start,
        end: token.end
      };
    }
    if (token.type === "name") {
      if (this.isOp(this.peek(), "(")) return this.parseCall(token);
      return this.nameReference(token);
    }
    if (this.isOp(token, "(")) {
      const inner = this.parseBinary(1);
      const close = this.peek();
      if (!this.isOp(close, ")")) throw this.missingClose(token, close);
      this.next();
      return inner;
    }
    if (token.type === "end") {
      throw new ExpressionError(
        "syntax",
        `unexpected end of formula at column ${token.start + 1}: expected a number, x, a function or "("`,
        token.start
      );
    }
    const hint = this.isOp(token, ")")
      ? ": a number, x or a function is missing before it"
      : `: expected a number, x, a function or "(" here`;
    throw new ExpressionError(
      "syntax",
      `unexpected "${token.text}" at column ${token.start + 1}${hint}`,
      token.start
    );
  }

  private nameReference(token: Token): ExpressionNode {
    const name = token.text;
    if (name === "x") return {type: "variable", name: "x", start: token.start, end: token.end};
    const constant = CONSTANTS.get(name);
    if (constant !== undefined) {
      return {
        type: "constant",
        name: name as "pi" | "e",
        value: constant,
        start: token.start,
        end: token.end
      };
    }
    const length = token.end - token.start;
    if (FUNCTIONS.has(name)) {
      throw new ExpressionError(
        "syntax",
        `"${name}" at column ${token.start + 1} is a function: give it an argument, as in ${name}(x)`,
        token.start,
        length
      );
    }
    // a one- or two-letter name is most likely a variable: say which one there is
    const suggestions =
      name.length <= 2 ? ["x"] : suggestNames(name, ["x", ...CONSTANTS.keys(), ...FUNCTIONS.keys()]);
    const hint =
      name.length > 2 && suggestions.length
        ? didYouMean(suggestions)
        : " — the only variable is x (constants: pi, e)";
    throw new ExpressionError(
      "unknown-name",
      `unknown name "${name}" at column ${token.start + 1}${hint}`,
      token.start,
      length,
      suggestions
    );
  }

  private parseCall(nameToken: Token): ExpressionNode {
    const name = nameToken.text;
    const spec = FUNCTIONS.get(name);
    const length = nameToken.end - nameToken.start;
    if (!spec) {
      if (name === "x" || CONSTANTS.has(name)) {
        throw new ExpressionError(
          "syntax",
          `"${name}" at column ${nameToken.start + 1} is not a function: write ${name} * (…) to multiply`,
          nameToken.start,
          length
        );
      }
      const suggestions = suggestNames(name, FUNCTIONS.keys());
      throw new ExpressionError(
        "unknown-name",
        `unknown function "${name}" at column ${nameToken.start + 1}${didYouMean(suggestions)}`,
        nameToken.start,
        length,
        suggestions
      );
    }
    const open = this.next();
    const args: ExpressionNode[] = [];
    if (!this.isOp(this.peek(), ")")) {
      args.push(this.parseBinary(1));
      while (this.isOp(this.peek(), ",")) {
        this.next();
        args.push(this.parseBinary(1));
      }
    }
    const close = this.peek();
    if (!this.isOp(close, ")")) throw this.missingClose(open, close, true);
    this.next();
    if (args.length !== spec.arity) {
      const expected = spec.arity === 1 ? "1 argument" : `${spec.arity} arguments`;
      throw new ExpressionError(
        "arity",
        `${name} at column ${nameToken.start + 1} takes ${expected}, got ${args.length}`,
        nameToken.start,
        close.end - nameToken.start
      );
    }
    return {type: "call", name: spec.name, args, start: nameToken.start, end: close.end};
  }

  private missingClose(open: Token, found: Token, inCall = false): ExpressionError {
    const opened = `to close the "(" at column ${open.start + 1}`;
    if (found.type === "end") {
      return new ExpressionError(
        "syntax",
        `missing ")" at column ${found.start + 1} (end of formula) ${opened}`,
        found.start
      );
    }
    if (found.type !== "op" || found.text === "(") return this.unexpectedAfterOperand(found);
    const expected = inCall ? `"," or ")"` : `")"`;
    return new ExpressionError(
      "syntax",
      `unexpected "${found.text}" at column ${found.start + 1}: expected ${expected} ${opened}`,
      found.start
    );
  }

  /** A token that cannot follow a complete operand: a stray ")" or two operands side by side. */
  private unexpectedAfterOperand(token: Token): ExpressionError {
    const column = token.start + 1;
    const length = token.end - token.start;
    if (this.isOp(token, ")")) {
      return new ExpressionError(
        "syntax",
        `unexpected ")" at column ${column}: there is no "(" to close`,
        token.start
      );
    }
    if (this.isOp(token, ",")) {
      return new ExpressionError(
        "syntax",
        `unexpected "," at column ${column}: commas separate the arguments of max, min and pow`,
        token.start
      );
    }
    return new ExpressionError(
      "syntax",
      `unexpected ${describeToken(token)} at column ${column}: missing an operator before it? Write * to multiply, as in 2 * x`,
      token.start,
      length
    );
  }
}

/**
 * Parses a formula in x to an AST. Throws ExpressionError (with the 0-based `position` of
 * the problem) for an empty or over-long formula, bad syntax, unknown names and wrong
 * argument counts.
 */
export function parseExpression(text: string): ExpressionNode {
  if (typeof text !== "string") throw new ExpressionError("empty", "the formula must be text", 0);
  if (text.length > MAX_FORMULA_LENGTH) {
    throw new ExpressionError(
      "too-long",
      `the formula is ${text.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`,
      MAX_FORMULA_LENGTH,
      text.length - MAX_FORMULA_LENGTH
    );
  }
  const tokens = tokenize(text);
  if (tokens.length === 1)
    throw new ExpressionError("empty", "empty formula: type an expression in x, such as x * sigmoid(x)", 0);
  return new Parser(tokens).parse();
}
