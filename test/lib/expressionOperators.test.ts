import {readdirSync, readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import type {ExpressionNode} from "../../lib/expressionAst.js";
import {
  BINARY_OPERATORS,
  bindingPower,
  OPERATOR_CHARACTERS,
  UNARY_MINUS
} from "../../lib/expressionOperators.js";
import {compileExpression, parseExpression, toTex} from "../../lib/expression.js";
import {gradcheck} from "../../lib/gradcheck.js";
import {expectClose} from "./helpers.js";

const SPECIAL = [0, -0, 1e-300, -1e-300, 2.5, -3, 1e300, -1e300, Infinity, -Infinity, NaN];
const JS: Record<string, (u: number, w: number) => number> = {
  "+": (u, w) => u + w,
  "-": (u, w) => u - w,
  "*": (u, w) => u * w,
  "/": (u, w) => u / w,
  "^": (u, w) => u ** w
};

describe("BINARY_OPERATORS", () => {
  it("has one row per operator, keyed by its own symbol", () => {
    expect(Object.keys(BINARY_OPERATORS).sort()).toEqual(["*", "+", "-", "/", "^"]);
    for (const [symbol, spec] of Object.entries(BINARY_OPERATORS)) expect(spec.symbol).toBe(symbol);
  });

  it.each(Object.keys(JS))("%s: its value is JavaScript's operator, special values included", (symbol) => {
    const spec = BINARY_OPERATORS[symbol as keyof typeof BINARY_OPERATORS];
    for (const u of SPECIAL)
      for (const w of SPECIAL) expect(spec.value(u, w), `${u} ${symbol} ${w}`).toBe(JS[symbol](u, w));
  });

  it.each(Object.keys(JS))(
    "%s: its dual rule gives the value and the derivative of u(x) op w(x)",
    (symbol) => {
      const spec = BINARY_OPERATORS[symbol as keyof typeof BINARY_OPERATORS];
      const u = (x: number) => Math.exp(x / 2); // positive, so u^w is defined
      const w = (x: number) => Math.sin(x) + 2;
      const du = (x: number) => Math.exp(x / 2) / 2;
      const dw = Math.cos;
      for (const x of [-2, -0.4, 0.3, 1.9]) {
        const result = spec.dual({v: u(x), d: du(x)}, {v: w(x), d: dw(x)});
        expect(result.v).toBe(spec.value(u(x), w(x)));
        expectClose(
          result.d,
          gradcheck((t) => spec.value(u(t), w(t)), x),
          1e-8,
          1e-10,
          `${symbol} at ${x}`
        );
      }
    }
  );

  it("pairs a NaN value with a NaN derivative and ignores an infinite factor with a constant partner", () => {
    for (const spec of Object.values(BINARY_OPERATORS)) {
      expect(spec.dual({v: NaN, d: 1}, {v: 2, d: 0}).d, spec.symbol).toBeNaN();
    }
    // d(c · u) = c · u′ with c constant: u = ∞ does not make 0 · ∞ = NaN
    expect(BINARY_OPERATORS["*"].dual({v: 3, d: 0}, {v: Infinity, d: 0}).d).toBe(0);
  });

  it("binds ^ tightest, then a leading minus, then * and /, then + and −", () => {
    const p = (s: keyof typeof BINARY_OPERATORS) => BINARY_OPERATORS[s].precedence;
    expect(p("^")).toBeGreaterThan(UNARY_MINUS.precedence);
    expect(UNARY_MINUS.precedence).toBeGreaterThan(p("*"));
    expect(p("*")).toBe(p("/"));
    expect(p("/")).toBeGreaterThan(p("+"));
    expect(p("+")).toBe(p("-"));
    expect(BINARY_OPERATORS["^"].associativity).toBe("right");
    for (const s of ["+", "-", "*", "/"] as const) expect(BINARY_OPERATORS[s].associativity).toBe("left");
  });

  it("ranks nodes by how tightly they bind as operands", () => {
    expect(bindingPower(parseExpression("x + 1"))).toBe(BINARY_OPERATORS["+"].precedence);
    expect(bindingPower(parseExpression("x ^ 2"))).toBe(BINARY_OPERATORS["^"].precedence);
    expect(bindingPower(parseExpression("-x"))).toBe(UNARY_MINUS.precedence);
    expect(bindingPower(parseExpression("sin(x)"))).toBeGreaterThan(BINARY_OPERATORS["^"].precedence);
  });

  it("writes each operator's TeX, wrapping operands only where needed", () => {
    const tex = (formula: string) => toTex(parseExpression(formula));
    expect(tex("(x + 1) + (x + 1)")).toBe("x + 1 + \\left(x + 1\\right)");
    expect(tex("(x - 1) - (x - 1)")).toBe("x - 1 - \\left(x - 1\\right)");
    expect(tex("x - -1")).toBe("x - \\left(-1\\right)");
    expect(tex("2 * x")).toBe("2x");
    expect(tex("2 * sin(x)")).toBe("2 \\sin\\left(x\\right)");
    expect(tex("2 * exp(x)")).toBe("2 \\cdot e^{x}");
    expect(tex("2 * 3")).toBe("2 \\cdot 3");
    expect(tex("2e-7 * x")).toBe("2 \\times 10^{-7} \\cdot x");
    expect(tex("(x + 1) / (x - 1)")).toBe("\\frac{x + 1}{x - 1}");
    expect(tex("(-x)^2")).toBe("\\left(-x\\right)^{2}");
    expect(tex("pow(x + 1, 2)")).toBe(tex("(x + 1)^2")); // pow is the ^ row
    expect(tex("-(x * 2)")).toBe("-\\left(x \\cdot 2\\right)");
    expect(tex("-x^2")).toBe("-x^{2}");
  });

  it("gives the operators' look-alikes their meaning", () => {
    expect(OPERATOR_CHARACTERS.get("\u2212")).toBe("-");
    expect(OPERATOR_CHARACTERS.get("\u00d7")).toBe("*");
    expect(OPERATOR_CHARACTERS.get("\u00b7")).toBe("*");
    expect(OPERATOR_CHARACTERS.get("(")).toBeUndefined();
    expect(compileExpression("2 · x − 1").f(3)).toBe(5);
  });
});

describe("UNARY_MINUS", () => {
  it("negates the value and the derivative, −0 included", () => {
    expect(Object.is(UNARY_MINUS.value(0), -0)).toBe(true);
    expect(UNARY_MINUS.dual({v: 2, d: -3})).toEqual({v: -2, d: 3});
    expect(UNARY_MINUS.dual({v: NaN, d: 1}).d).toBeNaN();
  });
});

describe("one table, no switch", () => {
  it("no other module of the formula language switches over operator symbols", () => {
    const libDir = new URL("../../lib/", import.meta.url);
    for (const file of readdirSync(libDir).filter((f) => f.endsWith(".ts"))) {
      if (file === "expressionOperators.ts") continue;
      const source = readFileSync(new URL(file, libDir), "utf8");
      expect(source, file).not.toMatch(/case\s+"(\+|-|\*|\/|\^)"\s*:/);
    }
  });

  it("parses, evaluates and typesets every operator from its row", () => {
    const node = parseExpression("1 + 2 - 3 * 4 / 5 ^ 6") as ExpressionNode;
    expect(node).toMatchObject({type: "binary", operator: "-"});
    expect(compileExpression("1 + 2 - 3 * 4 / 5 ^ 6").f(0)).toBe(1 + 2 - (3 * 4) / 5 ** 6);
  });
});
