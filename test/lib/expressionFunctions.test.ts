import {describe, expect, it} from "vitest";
import {activations} from "../../lib/activations.js";
import {CONSTANTS, FUNCTIONS, functionNames} from "../../lib/expressionFunctions.js";
import {BINARY_OPERATORS} from "../../lib/expressionOperators.js";
import {gradcheck} from "../../lib/gradcheck.js";
import {parseExpression, toTex} from "../../lib/expression.js";
import {expectClose} from "./helpers.js";

/** Points inside every one-argument function's domain, away from kinks (0) and tan's poles. */
const POINTS = [-1.3, -0.6, 0.25, 0.8, 1.4];
const POSITIVE = new Set(["log", "ln", "log1p", "sqrt"]);

describe("FUNCTIONS", () => {
  const unary = [...FUNCTIONS].filter(([, spec]) => spec.arity === 1);

  it.each(unary.map(([name]) => name))("%s: the chain rule on its dual gives u′ · f′(u)", (name) => {
    const spec = FUNCTIONS.get(name)!;
    const u = (x: number) => (POSITIVE.has(name) ? 1 + x * x : 0.7 * x + 0.05);
    const du = (x: number) => (POSITIVE.has(name) ? 2 * x : 0.7);
    for (const x of POINTS) {
      const result = spec.dual([{v: u(x), d: du(x)}]);
      expect(result.v, `${name}(${x})`).toBe(spec.value([u(x)]));
      expectClose(
        result.d,
        gradcheck((t) => spec.value([u(t)]), x),
        1e-7,
        1e-9,
        `${name}′ at ${x}`
      );
    }
  });

  it("keeps a constant argument's slope at 0, even where f′ is infinite", () => {
    expect(FUNCTIONS.get("sqrt")!.dual([{v: 0, d: 0}])).toEqual({v: 0, d: 0});
    expect(FUNCTIONS.get("log")!.dual([{v: 0, d: 0}])).toEqual({v: -Infinity, d: 0});
  });

  it("takes the left-hand slope at kinks for abs, max and min", () => {
    const abs = FUNCTIONS.get("abs")!;
    expect(abs.dual([{v: 0, d: 1}]).d).toBe(-1);
    expect(abs.dual([{v: 0, d: -2}]).d).toBe(-2);
    expect(abs.dual([{v: -3, d: 1}])).toEqual({v: 3, d: -1});
    const max = FUNCTIONS.get("max")!;
    expect(
      max.dual([
        {v: 0, d: 0},
        {v: 0, d: 1}
      ])
    ).toEqual({v: 0, d: 0});
    expect(
      max.dual([
        {v: NaN, d: 0},
        {v: 1, d: 1}
      ]).v
    ).toBeNaN();
    expect(max.value([NaN, 1])).toBeNaN();
    expect(max.value([-0, 0])).toBe(-0);
    const min = FUNCTIONS.get("min")!;
    expect(
      min.dual([
        {v: 0, d: 0},
        {v: 0, d: 1}
      ])
    ).toEqual({v: 0, d: 1});
    expect(min.value([2, -Infinity])).toBe(-Infinity);
  });

  it("makes pow the ^ operator's row", () => {
    const pow = FUNCTIONS.get("pow")!;
    const power = BINARY_OPERATORS["^"];
    for (const [u, w] of [
      [2, 3],
      [0, 0],
      [-8, 1 / 3],
      [Infinity, -1],
      [NaN, 0]
    ]) {
      expect(pow.value([u, w])).toBe(power.value(u, w));
      expect(
        pow.dual([
          {v: u, d: 1},
          {v: w, d: 0.5}
        ])
      ).toEqual(power.dual({v: u, d: 1}, {v: w, d: 0.5}));
    }
    expect(toTex(parseExpression("pow(x, 2)"))).toBe("x^{2}");
  });

  it("maps each alias to the canonical function and knows no object-prototype names", () => {
    expect(FUNCTIONS.get("ln")).toBe(FUNCTIONS.get("log"));
    expect(FUNCTIONS.get("silu")).toBe(FUNCTIONS.get("swish"));
    expect(FUNCTIONS.get("identity")).toBe(FUNCTIONS.get("linear"));
    for (const name of ["constructor", "__proto__", "toString", "hasOwnProperty"]) {
      expect(FUNCTIONS.has(name)).toBe(false);
      expect(CONSTANTS.has(name)).toBe(false);
    }
    expect([...CONSTANTS]).toEqual([
      ["pi", Math.PI],
      ["e", Math.E]
    ]);
  });

  it("offers every activation in lib's registry under its id", () => {
    for (const [id, act] of Object.entries(activations)) {
      const spec = FUNCTIONS.get(id);
      expect(spec, id).toBeDefined();
      for (const x of [-2, 0, 1e-9, 3]) expect(spec!.value([x]), id).toBe(act.f(x));
    }
    const listed = functionNames();
    expect(listed).toHaveLength(FUNCTIONS.size);
    expect(
      listed.filter((e) => e.aliasOf === undefined).every((e) => FUNCTIONS.get(e.name)!.name === e.name)
    ).toBe(true);
  });
});
