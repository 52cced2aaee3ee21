// A small, safe formula language for "invent your own activation": a tokenizer and a
// recursive-descent (precedence-climbing) parser to an AST, evaluation with forward-mode
// dual numbers (value and derivative together), a TeX renderer, and a compiler to a full
// Activation record whose properties are estimated numerically.
//
// Safety: nothing is ever evaluated as JavaScript (no eval, no new Function). Names are
// looked up in fixed Maps, so "constructor" or "__proto__" are simply unknown names.
//
// Derivative convention at kinks (abs, min, max, ReLU-like functions): f′ is the LEFT-HAND
// slope, the slope of the branch that holds just to the left of x. That is the convention
// lib's records use (ReLU′(0) = 0, Leaky ReLU′(0) = α), so max(0, x) has exactly ReLU's
// derivative and max(0.1 * x, x) has Leaky ReLU's with α = 0.1. Consequently |x|′(0) = −1.

import {activations} from "./activations.js";
import type {Activation, Interval} from "./activations.js";
import {gradcheck} from "./gradcheck.js";
import {linspace} from "./sample.js";
import {erf, normalPdf, sech2} from "./special.js";

/** Longest formula accepted, in characters. */
export const MAX_FORMULA_LENGTH = 500;

/** What went wrong: nothing typed, too long, bad syntax, an unknown name or a wrong argument count. */
export type ExpressionErrorKind = "empty" | "too-long" | "syntax" | "unknown-name" | "arity";

const ERROR_TITLES: Record<ExpressionErrorKind, string> = {
  empty: "ParseError",
  "too-long": "LengthError",
  syntax: "ParseError",
  "unknown-name": "NameError",
  arity: "ArityError"
};

/** A formula that cannot be parsed; `position` is the 0-based offset of the problem in the text. */
export class ExpressionError extends Error {
  override name = "ExpressionError";
  readonly kind: ExpressionErrorKind;
  /** 0-based character offset where the problem starts (the text's length for "at the end"). */
  readonly position: number;
  /** How many characters the problem spans (at least 1), for underlining. */
  readonly length: number;
  /** Known names close to an unknown one, best first. */
  readonly suggestions: string[];

  constructor(
    kind: ExpressionErrorKind,
    message: string,
    position: number,
    length = 1,
    suggestions: string[] = []
  ) {
    super(message);
    this.kind = kind;
    this.position = position;
    this.length = Math.max(1, length);
    this.suggestions = suggestions;
  }

  /** 1-based column, as the message states it. */
  get column(): number {
    return this.position + 1;
  }

  /** A short heading for the kind of error: ParseError, NameError, ArityError or LengthError. */
  get title(): string {
    return ERROR_TITLES[this.kind];
  }
}

// --- AST ---------------------------------------------------------------------------------

interface Span {
  /** 0-based offset of the node's first character. */
  start: number;
  /** Offset just past its last character. */
  end: number;
}

export type BinaryOperator = "+" | "-" | "*" | "/" | "^";

/** A parsed formula. */
export type ExpressionNode =
  | ({type: "number"; value: number; text: string} & Span)
  | ({type: "variable"; name: "x"} & Span)
  | ({type: "constant"; name: "pi" | "e"; value: number} & Span)
  | ({type: "unary"; operator: "-"; argument: ExpressionNode} & Span)
  | ({type: "binary"; operator: BinaryOperator; left: ExpressionNode; right: ExpressionNode} & Span)
  | ({type: "call"; name: string; args: ExpressionNode[]} & Span);

// --- Dual numbers ------------------------------------------------------------------------

/** A value and its derivative with respect to x. */
export interface Dual {
  v: number;
  d: number;
}

/** A dual number; a NaN value always carries a NaN derivative. */
function dual(v: number, d: number): Dual {
  return {v, d: v !== v ? NaN : d};
}

/**
 * A derivative times another factor, with 0 · anything = 0: a locally constant part (zero
 * derivative) contributes nothing even where the other factor is infinite.
 */
function times(derivative: number, other: number): number {
  return derivative === 0 ? 0 : derivative * other;
}

// --- Functions ---------------------------------------------------------------------------

interface FunctionSpec {
  /** Canonical name (aliases map to it). */
  name: string;
  arity: number;
  value(args: number[]): number;
  dual(args: Dual[]): Dual;
  tex(args: string[], nodes: ExpressionNode[]): string;
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
    tex: ([a]) => tex(a),
    help
  };
}

const paren = (a: string) => `\\left(${a}\\right)`;
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

/** u^w for dual numbers: the power rule when w is locally constant, else e^{w ln u}. */
function powDual(a: Dual, b: Dual): Dual {
  const v = a.v ** b.v;
  if (b.d === 0) {
    if (b.v === 0 || a.d === 0) return dual(v, 0);
    return dual(v, b.v * a.v ** (b.v - 1) * a.d);
  }
  const fromExponent = b.d * Math.log(a.v);
  const fromBase = a.d === 0 ? 0 : (b.v * a.d) / a.v;
  return dual(v, v * (fromExponent + fromBase));
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
    tex: ([a]) => `${head}${paren(a)}`,
    help: `${act.label} from the course's library`
  };
}

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
    tex: ([a]) => `\\left|${a}\\right|`,
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
    tex: ([a, b]) => `\\max${paren(`${a}, ${b}`)}`,
    help: "the larger of two values"
  });
  add({
    name: "min",
    arity: 2,
    value: ([u, w]) => (u < w ? u : w < u ? w : u === w ? u : NaN),
    dual: minDual,
    tex: ([a, b]) => `\\min${paren(`${a}, ${b}`)}`,
    help: "the smaller of two values"
  });
  add({
    name: "pow",
    arity: 2,
    value: ([u, w]) => u ** w,
    dual: ([a, b]) => powDual(a, b),
    tex: ([a, b], nodes) => powerTex(a, b, nodes[0]),
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

const FUNCTIONS = buildFunctions();
const CONSTANTS = new Map<string, number>([
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

// --- Tokenizer ---------------------------------------------------------------------------

type Token =
  | {type: "number"; text: string; start: number; end: number}
  | {type: "name"; text: string; start: number; end: number}
  | {type: "op"; text: "+" | "-" | "*" | "/" | "^" | "(" | ")" | ","; start: number; end: number}
  | {type: "end"; text: ""; start: number; end: number};

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
/** Operators, with the look-alikes a reader may paste (− minus, × and · times). */
const OPERATORS: Record<string, "+" | "-" | "*" | "/" | "^" | "(" | ")" | ","> = {
  "+": "+",
  "-": "-",
  "\u2212": "-",
  "*": "*",
  "\u00d7": "*",
  "\u00b7": "*",
  "/": "/",
  "^": "^",
  "(": "(",
  ")": ")",
  ",": ","
};

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
    const op = OPERATORS[c];
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

// --- Parser ------------------------------------------------------------------------------

/** Binding power of the left-associative binary operators (^ and unary minus bind tighter). */
const PRECEDENCE: Partial<Record<string, number>> = {"+": 1, "-": 1, "*": 2, "/": 2};

/** Up to three known names close to `name` (same letters ignoring case, or a typo or two away). */
export function suggestNames(name: string, candidates: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  const scored: {candidate: string; score: number}[] = [];
  const limit = lower.length <= 3 ? 1 : 2;
  for (const candidate of new Set(candidates)) {
    const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    const prefix = lower.length >= 3 && candidate.toLowerCase().startsWith(lower);
    if (distance <= limit || prefix)
      scored.push({candidate, score: prefix ? Math.min(distance, 1.5) : distance});
  }
  scored.sort((p, q) => p.score - q.score || p.candidate.localeCompare(q.candidate));
  return scored.slice(0, 3).map((s) => s.candidate);
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({length: rows}, (_, i) =>
    Array.from({length: cols}, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

function didYouMean(suggestions: string[]): string {
  return suggestions.length ? ` — did you mean ${suggestions.join(" or ")}?` : "";
}

function describeToken(token: Token): string {
  if (token.type === "end") return "end of formula";
  if (token.type === "number") return `number ${token.text}`;
  if (token.type === "name") return `name "${token.text}"`;
  return `"${token.text}"`;
}

class Parser {
  private index = 0;
  constructor(
    private readonly text: string,
    private readonly tokens: Token[]
  ) {}

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

  /** Precedence climbing over + − * /, with unary expressions as operands. */
  private parseBinary(minPrecedence: number): ExpressionNode {
    let left = this.parseUnary();
    for (;;) {
      const token = this.peek();
      const precedence = token.type === "op" ? PRECEDENCE[token.text] : undefined;
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.next();
      const right = this.parseBinary(precedence + 1); // left-associative
      left = {
        type: "binary",
        operator: token.text as BinaryOperator,
        left,
        right,
        start: left.start,
        end: right.end
      };
    }
  }

  /** Unary minus binds looser than ^ (so −x^2 = −(x^2)) and tighter than * and /. */
  private parseUnary(): ExpressionNode {
    const token = this.peek();
    if (this.isOp(token, "-")) {
      this.next();
      const argument = this.parseUnary();
      return {type: "unary", operator: "-", argument, start: token.start, end: argument.end};
    }
    if (this.isOp(token, "+")) {
      this.next();
      return this.parseUnary();
    }
    return this.parsePower();
  }

  /** base ^ exponent, right-associative (2^3^2 = 2^9); the exponent may carry a sign (2^-x). */
  private parsePower(): ExpressionNode {
    const base = this.parsePrimary();
    if (!this.isOp(this.peek(), "^")) return base;
    this.next();
    const exponent = this.parseUnary();
    return {type: "binary", operator: "^", left: base, right: exponent, start: base.start, end: exponent.end};
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
  return new Parser(text, tokens).parse();
}

// --- Evaluation --------------------------------------------------------------------------

type ValueFn = (x: number) => number;
type DualFn = (x: number) => Dual;

function binaryValue(operator: BinaryOperator, a: ValueFn, b: ValueFn): ValueFn {
  switch (operator) {
    case "+":
      return (x) => a(x) + b(x);
    case "-":
      return (x) => a(x) - b(x);
    case "*":
      return (x) => a(x) * b(x);
    case "/":
      return (x) => a(x) / b(x);
    case "^":
      return (x) => a(x) ** b(x);
  }
}

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
      return (x) => -a(x);
    }
    case "binary":
      return binaryValue(node.operator, compileValue(node.left), compileValue(node.right));
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
      return (x) => {
        const p = a(x);
        return dual(-p.v, -p.d);
      };
    }
    case "binary":
      return binaryDual(node.operator, compileDual(node.left), compileDual(node.right));
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

function binaryDual(operator: BinaryOperator, a: DualFn, b: DualFn): DualFn {
  switch (operator) {
    case "+":
      return (x) => {
        const p = a(x);
        const q = b(x);
        return dual(p.v + q.v, p.d + q.d);
      };
    case "-":
      return (x) => {
        const p = a(x);
        const q = b(x);
        return dual(p.v - q.v, p.d - q.d);
      };
    case "*":
      return (x) => {
        const p = a(x);
        const q = b(x);
        return dual(p.v * q.v, times(p.d, q.v) + times(q.d, p.v));
      };
    case "/":
      return (x) => {
        const p = a(x);
        const q = b(x);
        const v = p.v / q.v;
        return dual(v, (p.d - times(q.d, v)) / q.v);
      };
    case "^":
      return (x) => powDual(a(x), b(x));
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

// --- TeX ---------------------------------------------------------------------------------

/** How tightly a node binds when it is an operand (higher binds tighter). */
function bindingPower(node: ExpressionNode): number {
  if (node.type === "binary") return node.operator === "^" ? 4 : PRECEDENCE[node.operator]!;
  if (node.type === "unary") return 3;
  return 5;
}

function numberTex(node: Extract<ExpressionNode, {type: "number"}>): string {
  const text = String(node.value);
  const match = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const exponent = String(Number(match[2]));
  return match[1] === "1" ? `10^{${exponent}}` : `${match[1]} \\times 10^{${exponent}}`;
}

/** Whether a power's base must be wrapped in parentheses to read (and typeset) correctly. */
function baseNeedsParens(node: ExpressionNode): boolean {
  if (node.type === "number") return /e/.test(String(node.value));
  if (node.type === "variable" || node.type === "constant") return false;
  if (node.type === "call") return node.name === "exp" || node.name === "pow";
  return true;
}

function powerTex(base: string, exponent: string, baseNode: ExpressionNode): string {
  return `${baseNeedsParens(baseNode) ? paren(base) : base}^{${exponent}}`;
}

/** Starts with a letter-like atom, so a number in front of it can be juxtaposed (1.5x, 2\pi). */
function juxtaposable(node: ExpressionNode): boolean {
  if (node.type === "variable" || node.type === "constant") return true;
  if (node.type === "call") return node.name !== "exp";
  if (node.type === "binary" && node.operator === "^")
    return node.left.type === "variable" || node.left.type === "constant";
  return false;
}

/** The formula as TeX: fractions for /, e^{…} for exp, \sigma for sigmoid, parentheses only where needed. */
export function toTex(node: ExpressionNode): string {
  switch (node.type) {
    case "number":
      return numberTex(node);
    case "variable":
      return "x";
    case "constant":
      return node.name === "pi" ? "\\pi" : "e";
    case "unary": {
      const inner = toTex(node.argument);
      return bindingPower(node.argument) <= 3 ? `-${paren(inner)}` : `-${inner}`;
    }
    case "call": {
      const spec = FUNCTIONS.get(node.name)!;
      return spec.tex(node.args.map(toTex), node.args);
    }
    case "binary": {
      const {operator, left, right} = node;
      if (operator === "/") return `\\frac{${toTex(left)}}{${toTex(right)}}`;
      if (operator === "^") return powerTex(toTex(left), toTex(right), left);
      const power = PRECEDENCE[operator]!;
      const leftTex = bindingPower(left) < power ? paren(toTex(left)) : toTex(left);
      // the right operand is wrapped at equal precedence too (a − (b + c)), and a unary minus always
      const rightTex =
        bindingPower(right) <= power || right.type === "unary" ? paren(toTex(right)) : toTex(right);
      if (operator === "*") {
        if (left.type === "number" && juxtaposable(right) && !leftTex.includes("\\times"))
          return `${leftTex}${rightTex.startsWith("\\") ? " " : ""}${rightTex}`;
        return `${leftTex} \\cdot ${rightTex}`;
      }
      return `${leftTex} ${operator} ${rightTex}`;
    }
  }
}

// --- Checking and describing -------------------------------------------------------------

/** How autodiff compares with central differences over a set of points. */
export interface DerivativeCheck {
  /** Largest |f′autodiff − f′numeric| / max(1, |f′autodiff|) over the checked points. */
  maxError: number;
  /** Largest |f′autodiff − f′numeric|. */
  maxAbsError: number;
  /** Where maxError occurs (NaN when nothing was checked). */
  worstX: number;
  /** Points compared. */
  checked: number;
  /** Points skipped because a kink lies inside the difference stencil (one-sided slopes disagree). */
  nearKinks: number;
  /** Points skipped because f is not finite at x or x ± h. */
  undefinedPoints: number;
}

/**
 * Compares f′ (autodiff) with lib's central difference at each x. Points where f is not finite
 * within the stencil, or where the left and right differences disagree (a kink within h of x,
 * where no finite difference is meaningful), are counted and skipped.
 */
export function checkDerivative(
  fn: {f(x: number): number; df(x: number): number},
  xs: ArrayLike<number>
): DerivativeCheck {
  let maxError = 0;
  let maxAbsError = 0;
  let worstX = NaN;
  let checked = 0;
  let nearKinks = 0;
  let undefinedPoints = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const h = x + Math.cbrt(Number.EPSILON) * Math.max(1, Math.abs(x)) - x;
    const [left, middle, right] = [fn.f(x - h), fn.f(x), fn.f(x + h)];
    const exact = fn.df(x);
    if (![left, middle, right, exact].every(Number.isFinite)) {
      undefinedPoints++;
      continue;
    }
    const leftSlope = (middle - left) / h;
    const rightSlope = (right - middle) / h;
    if (Math.abs(rightSlope - leftSlope) > 1e-2 * Math.max(1, Math.abs(leftSlope), Math.abs(rightSlope))) {
      nearKinks++;
      continue;
    }
    const numeric = gradcheck(fn.f, x);
    const absError = Math.abs(exact - numeric);
    const error = absError / Math.max(1, Math.abs(exact));
    checked++;
    if (!(absError <= maxAbsError)) maxAbsError = absError;
    if (!(error <= maxError)) {
      maxError = error;
      worstX = x;
    }
  }
  return {maxError, maxAbsError, worstX, checked, nearKinks, undefinedPoints};
}

/** A stretch of x where samples are not finite: "undefined" (NaN) or "infinite" (±∞). */
export interface NonFiniteInterval {
  from: number;
  to: number;
  kind: "undefined" | "infinite";
}

/** Merges consecutive non-finite samples into intervals [from, to] of sample positions. */
export function nonFiniteIntervals(xs: ArrayLike<number>, values: ArrayLike<number>): NonFiniteInterval[] {
  const intervals: NonFiniteInterval[] = [];
  let current: NonFiniteInterval | undefined;
  for (let i = 0; i < xs.length; i++) {
    const v = values[i];
    const kind = v !== v ? "undefined" : Number.isFinite(v) ? undefined : "infinite";
    if (kind && current && current.kind === kind) current.to = xs[i];
    else if (kind) intervals.push((current = {from: xs[i], to: xs[i], kind}));
    else current = undefined;
  }
  return intervals;
}

/** A compiled formula as a full Activation record, with the estimates flagged. */
export interface CustomActivation extends Activation {
  id: "custom";
  formula: string;
  ast: ExpressionNode;
  /** False when the range could not be estimated (e.g. f is nowhere finite). */
  rangeKnown: boolean;
  /** True when f is NaN for some inputs in [−20, 20] (e.g. log(x) for x ≤ 0). */
  undefinedSomewhere: boolean;
}

const ANALYSIS_FROM = -20;
const ANALYSIS_TO = 20;
const ANALYSIS_COUNT = 8001; // step 0.005
const FAR = [1e3, 1e4, 1e6];

/** A short decimal for TeX: 3 significant digits, no ≈ when the value is (close to) an integer. */
function boundTex(value: number): string {
  if (value === Infinity) return "\\infty";
  if (value === -Infinity) return "-\\infty";
  const rounded = Math.round(value);
  if (Math.abs(value - rounded) < 1e-6 * Math.max(1, Math.abs(value))) return String(rounded);
  return `\\approx ${Number(value.toPrecision(3))}`;
}

/**
 * The extreme values f takes approaching the edge of its domain between a finite sample at
 * `inside` and a non-finite one at `outside` (e.g. log x as x → 0⁺): [lowest, highest, grows].
 * `grows` is true when f keeps moving by more than 1 over the last 30 of 60 halvings.
 */
function probeEdge(f: ValueFn, inside: number, outside: number): {lo: number; hi: number; grows: boolean} {
  let lo = Infinity;
  let hi = -Infinity;
  let a = inside;
  let b = outside;
  let halfway = NaN;
  let last = NaN;
  for (let k = 0; k < 60; k++) {
    const m = a + (b - a) / 2;
    if (m === a || m === b) break;
    const v = f(m);
    if (Number.isFinite(v)) {
      a = m;
      last = v;
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
      if (k === 29) halfway = v;
    } else {
      b = m;
      if (v === Infinity) hi = Infinity;
      if (v === -Infinity) lo = -Infinity;
    }
  }
  return {lo, hi, grows: Math.abs(last - halfway) > 1};
}

function estimateRange(f: ValueFn, xs: Float64Array, fs: Float64Array): {range: Interval; known: boolean} {
  let lo = Infinity;
  let hi = -Infinity;
  let loAt = -1;
  let hiAt = -1;
  let anyFinite = false;
  for (let i = 0; i < fs.length; i++) {
    const v = fs[i];
    if (v === Infinity) hi = Infinity;
    if (v === -Infinity) lo = -Infinity;
    if (!Number.isFinite(v)) continue;
    anyFinite = true;
    if (v < lo) ((lo = v), (loAt = i));
    if (v > hi) ((hi = v), (hiAt = i));
  }
  // Near the edge of the domain (a NaN or infinite neighbour), look closer: log x → −∞ as x → 0⁺.
  for (const i of [loAt, hiAt]) {
    for (const j of [i - 1, i + 1]) {
      if (i < 0 || j < 0 || j >= fs.length || Number.isFinite(fs[j])) continue;
      const edge = probeEdge(f, xs[i], xs[j]);
      if (edge.grows && edge.lo < fs[i]) lo = -Infinity;
      if (edge.grows && edge.hi > fs[i]) hi = Infinity;
      lo = Math.min(lo, edge.lo);
      hi = Math.max(hi, edge.hi);
    }
  }
  // A bound met within |x| ≤ 5 is attained (closed); one only approached further out is open.
  let innerLo = Infinity;
  let innerHi = -Infinity;
  for (let i = 0; i < fs.length; i++) {
    if (Math.abs(xs[i]) > 5 || !Number.isFinite(fs[i])) continue;
    innerLo = Math.min(innerLo, fs[i]);
    innerHi = Math.max(innerHi, fs[i]);
  }
  // The tails: growth from ±10⁴ to ±10⁶ by more than 1 means unbounded (x, log x, √x).
  for (const sign of [-1, 1]) {
    const near = f(sign * 1e4);
    const far = f(sign * 1e6);
    for (const v of [f(sign * 1e3), near, far]) {
      if (v === Infinity) hi = Infinity;
      if (v === -Infinity) lo = -Infinity;
      if (Number.isFinite(v)) ((anyFinite = true), (lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
    }
    if (far - near > 1) hi = Infinity;
    if (near - far > 1) lo = -Infinity;
  }
  if (!anyFinite) {
    return {
      range: {lower: NaN, upper: NaN, lowerClosed: false, upperClosed: false, tex: "\\text{unknown}"},
      known: false
    };
  }
  if (Math.abs(lo) < 1e-9) lo = 0;
  if (Math.abs(hi) < 1e-9) hi = 0;
  const attained = (inner: number, bound: number) =>
    Number.isFinite(bound) && Math.abs(inner - bound) <= 1e-5 * Math.max(1, Math.abs(bound));
  const lowerClosed = attained(innerLo, lo);
  const upperClosed = attained(innerHi, hi);
  const tex = `${lowerClosed ? "[" : "("}${boundTex(lo)}, ${boundTex(hi)}${upperClosed ? "]" : ")"}`;
  return {range: {lower: lo, upper: hi, lowerClosed, upperClosed, tex}, known: true};
}

/** True when df jumps at some point in [from, to] (a kink), found by bisecting the largest jumps. */
function hasKink(df: ValueFn, xs: Float64Array, dfs: Float64Array): boolean {
  const jumps: {i: number; size: number}[] = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const size = Math.abs(dfs[i + 1] - dfs[i]);
    if (size > 1e-3) jumps.push({i, size});
  }
  jumps.sort((p, q) => q.size - p.size);
  for (const {i} of jumps.slice(0, 8)) {
    let a = xs[i];
    let b = xs[i + 1];
    let da = dfs[i];
    let db = dfs[i + 1];
    for (let k = 0; k < 80; k++) {
      const m = a + (b - a) / 2;
      if (m <= a || m >= b) break;
      const dm = df(m);
      if (Math.abs(dm - da) >= Math.abs(db - dm)) ((b = m), (db = dm));
      else ((a = m), (da = dm));
    }
    if (Math.abs(db - da) > 1e-6 * Math.max(1, Math.abs(da))) return true;
  }
  return false;
}

/**
 * Compiles a formula into a full lib Activation record (id "custom") that the course's
 * trainer and charts accept. f and f′ are exact (dual numbers); range and properties are
 * estimated numerically on [−20, 20] and at x = ±10³, ±10⁴, ±10⁶. Throws ExpressionError.
 */
export function compileActivation(formula: string): CustomActivation {
  const compiled = compileExpression(formula);
  const {f, df, ast} = compiled;
  const xs = linspace(ANALYSIS_FROM, ANALYSIS_TO, ANALYSIS_COUNT);
  const fs = new Float64Array(xs.length);
  const dfs = new Float64Array(xs.length);
  let undefinedSomewhere = false;
  let slopeNotFinite = false;
  for (let i = 0; i < xs.length; i++) {
    fs[i] = f(xs[i]);
    dfs[i] = df(xs[i]);
    if (fs[i] !== fs[i]) undefinedSomewhere = true;
    if (!Number.isFinite(dfs[i])) slopeNotFinite = true;
  }
  const {range, known} = estimateRange(f, xs, fs);

  // zero-centred: |E f(Z)| < 0.05 for Z ~ N(0, 1), by the trapezoid rule on [−10, 10]
  let mean = 0;
  for (let i = 0; i < xs.length; i++) {
    if (Math.abs(xs[i]) > 10) continue;
    const weight = (Math.abs(xs[i]) === 10 ? 0.5 : 1) * 0.005 * normalPdf(xs[i]);
    mean += weight * fs[i];
  }
  const zeroCentred = Number.isFinite(mean) && Math.abs(mean) < 0.05;

  let rising = true;
  let falling = true;
  let previous = NaN;
  for (const v of fs) {
    if (!Number.isFinite(v)) continue;
    const tolerance = 1e-12 * Math.max(1, Math.abs(v));
    if (previous === previous) {
      if (v < previous - tolerance) rising = false;
      if (v > previous + tolerance) falling = false;
    }
    previous = v;
  }
  const monotonic = rising || falling; // where defined
  const smooth = !undefinedSomewhere && !slopeNotFinite && !hasKink(df, xs, dfs);

  const flat = (x: number) => Math.abs(df(x)) < 1e-6;
  const leftFlat = flat(-1e3) && flat(-1e6);
  const rightFlat = flat(1e3) && flat(1e6);
  const saturates: Activation["saturates"] = leftFlat && rightFlat ? "both" : leftFlat ? "left" : "none";
  const zeroOnHalfLine = (sign: number) => [10, 20, 1e3, 1e6].every((t) => df(sign * t) === 0);
  let maxValue = 0;
  let maxX: number | null = NaN;
  for (let i = 0; i < xs.length; i++) {
    const slope = Math.abs(dfs[i]);
    if (slope > maxValue) ((maxValue = slope), (maxX = xs[i]));
  }
  for (const sign of [-1, 1]) {
    const [mid, far, farthest] = [50, 1e3, 1e6].map((t) => Math.abs(df(sign * t)));
    if (farthest > far + 1)
      ((maxValue = Infinity), (maxX = null)); // the slope itself grows (x², eˣ)
    else if (Number.isFinite(mid) && mid >= maxValue - 1e-9 * Math.max(1, maxValue)) {
      // reached (or approached) on a whole half-line, like ReLU's slope 1
      ((maxValue = Math.max(maxValue, mid)), (maxX = null));
    }
  }
  const vanishingGradient: Activation["vanishingGradient"] =
    zeroOnHalfLine(-1) || zeroOnHalfLine(1)
      ? "dies"
      : saturates === "both"
        ? maxValue <= 0.25 + 1e-9
          ? "yes"
          : "less"
        : "no";

  const limitations: string[] = [];
  if (undefinedSomewhere)
    limitations.push("Undefined (NaN) for some inputs: a network using it would produce NaN");
  if (!smooth && !undefinedSomewhere) limitations.push("Not differentiable everywhere: f′ jumps at a kink");
  if (vanishingGradient === "dies")
    limitations.push("Zero slope on a whole half-line: units there stop learning");
  if (saturates === "both") limitations.push("Flat at both ends: gradients vanish for large |x|");
  if (!known) limitations.push("No finite values found, so the range is unknown");
  if (limitations.length === 0) limitations.push("None found numerically on [−20, 20] and in the far tails");

  const label =
    formula.trim().length > 40 ? `Custom: ${formula.trim().slice(0, 39)}…` : `Custom: ${formula.trim()}`;
  return {
    id: "custom",
    label,
    f,
    df,
    tex: {name: "f(x)", f: `f(x) = ${compiled.tex}`, df: "f'(x) \\text{ by automatic differentiation}"},
    range,
    zeroCentred,
    monotonic,
    smooth,
    saturates,
    vanishingGradient,
    maxSlope: {x: maxX, value: maxValue},
    ...(smooth
      ? {}
      : {derivativeAtZeroConvention: "At a kink, f′ takes the left-hand slope (as lib's ReLU′(0) = 0)"}),
    useCase: "Your own invention: try it in the playground.",
    limitations,
    notes:
      `Compiled from the formula ${formula.trim()}. f and f′ are exact (dual numbers); ` +
      "range and properties are estimated numerically on [−20, 20] and far out in the tails" +
      (rightFlat && !leftFlat ? "; it saturates on the right." : "."),
    formula,
    ast,
    rangeKnown: known,
    undefinedSomewhere
  };
}
