import fc from "fast-check";
import katex from "katex";
import {describe, expect, it} from "vitest";
import {
  activationIds,
  activations,
  compareDerivative,
  coreActivationIds,
  extraActivationIds,
  getActivation,
  isActivationId,
  makeElu,
  makeLeakyRelu,
  SELU_ALPHA,
  SELU_SCALE
} from "../../lib/index.js";
import type {Activation, ActivationId} from "../../lib/index.js";
import {expectClose, grid} from "./helpers.js";
import {referenceValues} from "./reference-values.js";

const entries = Object.entries(activations) as [ActivationId, Activation][];
const LAMBDA_ALPHA = SELU_SCALE * SELU_ALPHA;

describe("registry", () => {
  it("keys each record by its id, core five first in the document's order", () => {
    for (const [key, act] of entries) expect(act.id).toBe(key);
    expect(coreActivationIds).toEqual(["sigmoid", "tanh", "relu", "leakyRelu", "linear"]);
    expect([...activationIds].sort()).toEqual(Object.keys(activations).sort());
    expect(activationIds.slice(0, 5)).toEqual(coreActivationIds);
    expect(extraActivationIds).toEqual(
      Object.keys(activations).filter((id) => !coreActivationIds.includes(id as never))
    );
  });

  it("registry contents: today's further records, in order (update this list when a record is added)", () => {
    expect(extraActivationIds).toEqual(["elu", "selu", "gelu", "geluTanh", "swish", "softplus", "mish"]);
  });

  it("gives every record a label, prose and the required fields", () => {
    for (const [, act] of entries) {
      expect(act.label.length, act.id).toBeGreaterThan(0);
      expect(act.useCase.length, act.id).toBeGreaterThan(10);
      expect(act.notes.length, act.id).toBeGreaterThan(10);
      expect(act.limitations.length, act.id).toBeGreaterThan(0);
      expect(["both", "left", "none"]).toContain(act.saturates);
      expect(["yes", "less", "no", "dies"]).toContain(act.vanishingGradient);
    }
    expect(activations.relu.label).toBe("ReLU");
    // a variant names a registered record other than itself
    for (const [id, act] of entries)
      if (act.variantOf !== undefined) {
        expect(isActivationId(act.variantOf), id).toBe(true);
        expect(act.variantOf, id).not.toBe(id);
      }
    expect(activations.leakyRelu.label).toBe("Leaky ReLU");
  });

  it("has TeX that KaTeX renders without error", () => {
    for (const [, act] of entries) {
      const strings = [act.tex.name, act.tex.f, act.tex.df, act.range.tex];
      if (act.tex.dfInTermsOfF) strings.push(act.tex.dfInTermsOfF);
      for (const tex of strings) {
        expect(() => katex.renderToString(tex, {throwOnError: true}), `${act.id}: ${tex}`).not.toThrow();
      }
    }
  });

  it("looks ids up, and names the valid ones for an unknown id", () => {
    expect(getActivation("tanh")).toBe(activations.tanh);
    expect(isActivationId("relu")).toBe(true);
    expect(isActivationId("foo")).toBe(false);
    expect(isActivationId("toString")).toBe(false); // not fooled by Object.prototype
    expect(isActivationId(3)).toBe(false);
    expect(() => getActivation("foo")).toThrow(
      'unknown activation "foo"; expected one of sigmoid, tanh, relu, leakyRelu, linear, elu, selu, gelu, geluTanh, swish, softplus, mish'
    );
    expect(() => getActivation("constructor")).toThrow(/unknown activation "constructor"/);
  });
});

describe("accuracy against 50-digit references (mpmath)", () => {
  // Relative error ≤ 1e-12; results in the subnormal range (below 2.2e-308) carry absolute
  // rounding of a few 5e-324 steps, times |x| for products like x·σ(x), hence abs 1e-320.
  for (const [id, rows] of Object.entries(referenceValues)) {
    it(`${id}: f and f′ at ${rows.length} points from −MAX_VALUE to MAX_VALUE`, () => {
      const act = getActivation(id);
      for (const [x, f, df] of rows) {
        expectClose(act.f(x), Number(f), 1e-12, 1e-320, `${id}(${x})`);
        expectClose(act.df(x), Number(df), 1e-12, 1e-320, `${id}′(${x})`);
      }
    });
  }

  it("covers every registered activation", () => {
    expect(Object.keys(referenceValues).sort()).toEqual([...activationIds].sort());
  });
});

describe("closed forms at special points", () => {
  it("sigmoid", () => {
    expect(activations.sigmoid.f(0)).toBe(0.5);
    expect(activations.sigmoid.df(0)).toBe(0.25);
    expectClose(activations.sigmoid.f(Math.log(3)), 0.75, 1e-15); // 1/(1 + 1/3)
    expectClose(activations.sigmoid.df(Math.log(3)), 0.1875, 1e-15); // ¾·¼
  });

  it("tanh", () => {
    expect(activations.tanh.f(0)).toBe(0);
    expect(activations.tanh.df(0)).toBe(1);
    expectClose(activations.tanh.f(Math.log(2)), 0.6, 1e-15); // (2 − ½)/(2 + ½)
    expectClose(activations.tanh.df(Math.log(2)), 0.64, 1e-15); // 1 − 0.36
  });

  it("relu, leaky relu and linear, including the conventions at 0", () => {
    const {relu, leakyRelu, linear} = activations;
    expect([relu.f(3), relu.f(-3), relu.df(3), relu.df(-3), relu.df(0)]).toEqual([3, 0, 1, 0, 0]);
    expect([leakyRelu.f(3), leakyRelu.f(-2), leakyRelu.df(3), leakyRelu.df(-2), leakyRelu.df(0)]).toEqual([
      3, -0.02, 1, 0.01, 0.01
    ]);
    expect([linear.f(-7.5), linear.df(-7.5), linear.df(1e300)]).toEqual([-7.5, 1, 1]);
  });

  it("elu and selu", () => {
    const {elu, selu} = activations;
    expect(elu.f(2)).toBe(2);
    expectClose(elu.f(-1), Math.exp(-1) - 1, 1e-15);
    expect(elu.df(0)).toBe(1); // α = 1: both one-sided slopes are 1
    expectClose(elu.df(-1), Math.exp(-1), 1e-15);
    expect(selu.f(1)).toBe(SELU_SCALE);
    expect(selu.df(1)).toBe(SELU_SCALE);
    expect(selu.df(0)).toBe(LAMBDA_ALPHA);
    expectClose(selu.f(-1), LAMBDA_ALPHA * (Math.exp(-1) - 1), 1e-15);
    expectClose(LAMBDA_ALPHA, 1.7580993408473768, 1e-15);
  });

  it("gelu, swish, softplus and mish", () => {
    const {gelu, geluTanh, swish, softplus, mish} = activations;
    expect(gelu.f(0)).toBe(0);
    expect(gelu.df(0)).toBe(0.5);
    expectClose(gelu.f(1), 0.8413447460685429, 1e-15); // Φ(1)
    expectClose(gelu.f(-1), -0.15865525393145707, 1e-14); // −Φ(−1)
    expect(geluTanh.df(0)).toBe(0.5);
    expect(swish.df(0)).toBe(0.5);
    expectClose(swish.f(1), 0.7310585786300049, 1e-15); // σ(1)
    expect(softplus.f(0)).toBe(Math.LN2);
    expect(softplus.df(0)).toBe(0.5);
    expect(mish.f(0)).toBe(0);
    expectClose(mish.df(0), 0.6, 1e-15); // tanh(ln 2) = 3/5
  });
});

describe("tails, where naive formulas fail", () => {
  it("sigmoid′ keeps the slope where σ(1 − σ) rounds to 0", () => {
    const sigma = (x: number) => 1 / (1 + Math.exp(-x));
    expect(sigma(40) * (1 - sigma(40))).toBe(0); // the naive formula
    expectClose(activations.sigmoid.df(40), 4.248354255291589e-18, 1e-15);
    expectClose(activations.sigmoid.df(-40), 4.248354255291589e-18, 1e-15);
    expect(activations.sigmoid.df(-745)).toBe(5e-324); // e^−745 rounds to the smallest subnormal
    expect(activations.sigmoid.df(-746)).toBe(0);
  });

  it("tanh′ keeps the slope where 1 − tanh² rounds to 0", () => {
    expect(1 - Math.tanh(20) ** 2).toBe(0); // the naive formula
    expectClose(activations.tanh.df(20), 4 * Math.exp(-40), 1e-15);
    expectClose(activations.tanh.df(-20), 1.6993417021166355e-17, 1e-15);
  });

  it("softplus neither overflows nor loses the left tail", () => {
    expect(Math.log(1 + Math.exp(1000))).toBe(Infinity); // the naive formula
    expect(activations.softplus.f(1000)).toBe(1000);
    expect(activations.softplus.f(-1000)).toBe(0); // e^−1000 underflows
    expectClose(activations.softplus.f(-40), 4.248354255291589e-18, 1e-15);
    expectClose(activations.softplus.f(1e-20 - 50), Math.exp(-50), 1e-14);
  });

  it("gelu uses erfc, not 1 + erf, in the left tail", () => {
    expectClose(activations.gelu.f(-10), -7.619853024160526e-23, 1e-13);
    expectClose(activations.gelu.df(-10), -7.618400096464814e-22, 1e-13); // Φ(−10) − 10φ(10)
    expect(activations.gelu.f(-1e300)).toBe(-0);
  });

  it("products x·g(x) at ±huge give the limits, never Infinity·0 = NaN", () => {
    for (const id of ["gelu", "geluTanh", "swish", "mish"] as const) {
      const act = activations[id];
      expect(act.f(Number.MAX_VALUE), id).toBe(Number.MAX_VALUE);
      expect(act.df(Number.MAX_VALUE), id).toBe(1);
      expect(Object.is(act.f(-Number.MAX_VALUE), -0), id).toBe(true);
      expect(act.df(-Number.MAX_VALUE), id).toBe(0);
    }
  });
});

describe("special inputs", () => {
  // Today's records; a new record is checked by the generic test below (a row here is welcome).
  const limits: Partial<Record<ActivationId, [number, number, number, number]>> = {
    // f(−∞), f(∞), f′(−∞), f′(∞)
    sigmoid: [0, 1, 0, 0],
    tanh: [-1, 1, 0, 0],
    relu: [0, Infinity, 0, 1],
    leakyRelu: [-Infinity, Infinity, 0.01, 1],
    linear: [-Infinity, Infinity, 1, 1],
    elu: [-1, Infinity, 0, 1],
    selu: [-LAMBDA_ALPHA, Infinity, 0, SELU_SCALE],
    gelu: [0, Infinity, 0, 1],
    geluTanh: [0, Infinity, 0, 1],
    swish: [0, Infinity, 0, 1],
    softplus: [0, Infinity, 0, 1],
    mish: [0, Infinity, 0, 1]
  };

  it("±Infinity gives the exact limits stated for today's records, zero limits as +0", () => {
    const stated = Object.entries(limits) as [ActivationId, [number, number, number, number]][];
    expect(stated.length).toBe(12);
    for (const [id, expected] of stated) {
      const act = activations[id];
      // toEqual uses Object.is, so −0 would fail where +0 is documented
      expect([act.f(-Infinity), act.f(Infinity), act.df(-Infinity), act.df(Infinity)], id).toEqual(expected);
    }
  });

  it("every record: f and f′ at ±Infinity are the limits of their values at ±1e300 and ±1e308, zero as +0", () => {
    // A value at ±Infinity agrees with the far tail: equal within 1e-9 (relative) to a finite
    // limit, or the tail is beyond 1e250 with the infinity's sign.
    const agrees = (atInfinity: number, far: number) =>
      Number.isFinite(atInfinity)
        ? Math.abs(far - atInfinity) <= 1e-9 * Math.max(1, Math.abs(atInfinity))
        : atInfinity === (far > 0 ? Infinity : -Infinity) && Math.abs(far) > 1e250;
    for (const [id, act] of entries) {
      for (const sign of [-1, 1]) {
        for (const g of [act.f, act.df]) {
          const name = `${id}${g === act.df ? "′" : ""}(${sign > 0 ? "+" : "−"}∞)`;
          const atInfinity = g(sign * Infinity);
          expect(Number.isNaN(atInfinity), name).toBe(false);
          for (const far of [1e300, 1e308])
            expect(
              agrees(atInfinity, g(sign * far)),
              `${name} = ${atInfinity} vs ${g(sign * far)} at ${sign * far}`
            ).toBe(true);
          if (atInfinity === 0) expect(Object.is(atInfinity, 0), `${name} is +0`).toBe(true);
        }
      }
    }
  });

  it("NaN in gives NaN out, for f and f′", () => {
    for (const [id, act] of entries) {
      expect(act.f(NaN), id).toBeNaN();
      expect(act.df(NaN), id).toBeNaN();
    }
  });

  it("−0: functions through the origin keep its sign, except relu(−0) = +0", () => {
    for (const [id, act] of entries) {
      if (act.f(0) !== 0) continue; // sigmoid and softplus are positive at 0
      expect(Object.is(act.f(0), 0), `${id}(+0)`).toBe(true);
      expect(Object.is(act.f(-0), id === "relu" ? 0 : -0), `${id}(−0)`).toBe(true);
      expect(act.df(-0), `${id}′(−0)`).toBe(act.df(0));
    }
    expect(Object.is(activations.tanh.f(-0), -0)).toBe(true);
    expect(activations.sigmoid.f(-0)).toBe(0.5);
  });

  it("tiny inputs: f(x) ≈ f(0) + f′(0)·x exactly in double precision", () => {
    for (const [id, act] of entries) {
      for (const x of [5e-324, -5e-324, 1e-300, -1e-300]) {
        const slope = x > 0 ? act.df(1e-300) : act.df(-1e-300);
        expectClose(act.f(x), act.f(0) + slope * x, 1e-15, 0, `${id}(${x})`);
      }
    }
  });

  it("finite in gives finite out wherever the true value is finite", () => {
    fc.assert(
      fc.property(fc.double({noNaN: true, noDefaultInfinity: true}), (x) => {
        for (const [id, act] of entries) {
          const overflows = id === "selu" && x > Number.MAX_VALUE / SELU_SCALE; // λx > MAX_VALUE
          if (Number.isFinite(act.f(x)) === overflows) return false;
          if (!Number.isFinite(act.df(x))) return false;
        }
        return true;
      }),
      {numRuns: 2000}
    );
  });
});

/**
 * Piecewise definitions join at 0: there a central difference straddles two formulas and
 * is only O(h) accurate (even for ELU with α = 1, which is differentiable but has a jump in f″).
 */
/**
 * True where a record's formula switches branch at 0: a kink (not smooth), or a jump in f″
 * there (ELU at α = 1, softsign), where central differences lose their O(h²) accuracy.
 */
function piecewiseAtZero(act: Activation): boolean {
  if (!act.smooth) return true;
  const h = 1e-4;
  const right = (act.df(h) - act.df(0)) / h;
  const left = (act.df(0) - act.df(-h)) / h;
  return Math.abs(right - left) > 1e-2 * Math.max(1, Math.abs(right) + Math.abs(left));
}

/** Points in [−8, 8], avoiding ±1e-3 around 0 for piecewise functions. */
function derivativeGrid(act: Activation): number[] {
  return grid(-8, 8, 1601).filter((x) => !piecewiseAtZero(act) || Math.abs(x) > 1e-3);
}

describe("derivatives agree with central differences", () => {
  for (const [id, act] of entries) {
    it(`${id} on a grid over [−8, 8]`, () => {
      const {maxRelError} = compareDerivative(act.f, act.df, derivativeGrid(act));
      expect(maxRelError).toBeLessThan(1e-8);
    });
  }

  it("at random points in [−30, 30], away from kinks", () => {
    fc.assert(
      fc.property(fc.double({min: -30, max: 30, noNaN: true}), (x) => {
        for (const [, act] of entries) {
          if (piecewiseAtZero(act) && Math.abs(x) < 1e-3) continue;
          const {maxRelError} = compareDerivative(act.f, act.df, [x]);
          if (!(maxRelError < 1e-7)) return false;
        }
        return true;
      }),
      {numRuns: 500}
    );
  });
});

describe("identities", () => {
  const moderate = fc.double({min: -30, max: 30, noNaN: true});

  it("σ(−x) = 1 − σ(x)", () => {
    const {f} = activations.sigmoid;
    fc.assert(fc.property(moderate, (x) => Math.abs(f(-x) - (1 - f(x))) <= 2.3e-16));
  });

  it("σ′ is even and equals σ(1 − σ) where that is accurate", () => {
    const {f, df} = activations.sigmoid;
    // σ(x) is rounded to within ε/2 of its value, and 1 − σ(x) inherits that absolute error
    // (large relative to 1 − σ near 1), so σ(1 − σ) is good to about ε absolute; the stable σ′
    // is exact to a few ulps of itself, far smaller.
    fc.assert(
      fc.property(moderate, (x) => df(-x) === df(x) && Math.abs(df(x) - f(x) * (1 - f(x))) <= Number.EPSILON)
    );
  });

  it("tanh is odd, tanh′ even, and tanh(x) = 2σ(2x) − 1", () => {
    const tanh = activations.tanh;
    const sigmoid = activations.sigmoid.f;
    fc.assert(
      fc.property(
        fc.double({noNaN: true}),
        (x) => Object.is(tanh.f(-x), -tanh.f(x)) && tanh.df(-x) === tanh.df(x)
      )
    );
    fc.assert(fc.property(moderate, (x) => Math.abs(tanh.f(x) - (2 * sigmoid(2 * x) - 1)) <= 4.5e-16));
  });

  it("softplus′ = σ, and softplus(x) − softplus(−x) = x", () => {
    const {softplus, sigmoid} = activations;
    fc.assert(
      fc.property(moderate, (x) => {
        return softplus.df(x) === sigmoid.f(x) && Math.abs(softplus.f(x) - softplus.f(-x) - x) <= 1e-14;
      })
    );
  });

  it("swish(x) = x·σ(x) and mish(x) = x·tanh(softplus(x))", () => {
    const {swish, mish, sigmoid, tanh, softplus} = activations;
    fc.assert(
      fc.property(moderate, (x) => {
        return (
          Math.abs(swish.f(x) - x * sigmoid.f(x)) <= 1e-15 * Math.abs(x) &&
          Math.abs(mish.f(x) - x * tanh.f(softplus.f(x))) <= 1e-15 * Math.abs(x)
        );
      })
    );
  });

  it("the tanh form of GELU stays within 5e-4 of exact GELU", () => {
    const gap = Math.max(
      ...grid(-8, 8, 3201).map((x) => Math.abs(activations.gelu.f(x) - activations.geluTanh.f(x)))
    );
    expect(gap).toBeLessThan(5e-4);
    expect(gap).toBeGreaterThan(1e-5); // it is an approximation
  });
});

/** E f(Z) for Z ~ N(0, 1), by the trapezoid rule on [−12, 12]. */
function meanUnderStandardNormal(f: (x: number) => number): number {
  const xs = grid(-12, 12, 24001);
  const step = xs[1] - xs[0];
  return xs.reduce((sum, x) => sum + f(x) * Math.exp(-0.5 * x * x), 0) * (step / Math.sqrt(2 * Math.PI));
}

describe("each record's claimed properties hold numerically", () => {
  const dense = grid(-20, 20, 40001);

  it.each(entries)("%s: maxSlope", (id, act) => {
    const {x, value} = act.maxSlope;
    const largest = Math.max(...dense.map((t) => Math.abs(act.df(t))));
    expect(largest).toBeLessThanOrEqual(value * (1 + 1e-12));
    if (x === null) {
      // reached on a half-line: far out on the positive side
      expectClose(Math.abs(act.df(50)), value, 1e-12);
      expectClose(Math.abs(act.df(1e6)), value, 1e-12);
    } else {
      expectClose(Math.abs(act.df(x)), value, 1e-12);
      expect(Math.abs(act.df(x + 0.01))).toBeLessThan(value);
      expect(Math.abs(act.df(x - 0.01))).toBeLessThan(value);
    }
  });

  it.each(entries)("%s: range", (id, act) => {
    const {lower, upper, lowerClosed, upperClosed, tex} = act.range;
    expect(tex[0]).toBe(lowerClosed ? "[" : "(");
    expect(tex[tex.length - 1]).toBe(upperClosed ? "]" : ")");
    const inside = (y: number, strict: boolean) => {
      const aboveLower = lowerClosed || !strict ? y >= lower - 1e-15 : y > lower;
      const belowUpper = upperClosed || !strict ? y <= upper : y < upper;
      return aboveLower && belowUpper;
    };
    // strictly inside for moderate x, where open ends are not reached by rounding
    fc.assert(fc.property(fc.double({min: -15, max: 15, noNaN: true}), (x) => inside(act.f(x), true)));
    fc.assert(fc.property(fc.double({noNaN: true}), (x) => inside(act.f(x), false)));
    // ...and tight: the bounds are reached or approached
    const values = dense.map(act.f);
    const smallest = Math.min(...values);
    if (lower === -Infinity) expect(act.f(-1e300)).toBeLessThan(-1e290);
    else if (lowerClosed) {
      expect(smallest).toBeGreaterThanOrEqual(lower - 1e-15);
      expect(smallest - lower).toBeLessThan(1e-6); // the grid comes within 5e-4 of the minimiser
    } else expectClose(act.f(-1e300), lower, 0, 1e-12); // far out: a tail may approach slowly (softsign's as 1/x)
    if (upper === Infinity) expect(act.f(1e300)).toBeGreaterThan(1e290);
    else expectClose(act.f(1e300), upper, 0, 1e-12);
  });

  it.each(entries)("%s: zeroCentred means |E f(Z)| < 0.05 for standard-normal Z", (id, act) => {
    const mean = Math.abs(meanUnderStandardNormal(act.f));
    if (act.zeroCentred) expect(mean).toBeLessThan(0.05);
    else expect(mean).toBeGreaterThan(0.1); // decisively not
  });

  it.each(entries)("%s: monotonic", (id, act) => {
    const decreases = dense.some((x, i) => i > 0 && act.f(x) < act.f(dense[i - 1]));
    expect(decreases).toBe(!act.monotonic);
    if (act.monotonic) {
      fc.assert(
        fc.property(fc.double({noNaN: true}), fc.double({noNaN: true}), (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return act.f(lo) <= act.f(hi);
        })
      );
    }
  });

  it.each(entries)("%s: smooth, and the convention at a kink", (id, act) => {
    const h = 1e-7;
    const right = (act.f(h) - act.f(0)) / h;
    const left = (act.f(0) - act.f(-h)) / h;
    if (act.smooth) {
      expect(Math.abs(right - left)).toBeLessThan(1e-5);
      expect(act.derivativeAtZeroConvention).toBeUndefined();
    } else {
      expect(Math.abs(right - left)).toBeGreaterThan(1e-3);
      expect(act.derivativeAtZeroConvention).toMatch(/′\(0\) = /);
      expectClose(act.df(0), left, 1e-6); // the left-hand slope
    }
  });

  it.each(entries)("%s: saturates and vanishingGradient", (id, act) => {
    const flatLeft = Math.abs(act.df(-50)) < 1e-6;
    const flatRight = Math.abs(act.df(50)) < 1e-6;
    expect(act.saturates).toBe(
      flatLeft && flatRight ? "both" : flatLeft ? "left" : flatRight ? "right" : "none"
    );
    const expected =
      act.maxSlope.value < 1
        ? "yes" // every layer multiplies the gradient by at most maxSlope < 1
        : act.df(-1) === 0
          ? "dies" // exactly zero gradient for negative inputs
          : act.saturates === "both"
            ? "less"
            : "no";
    expect(act.vanishingGradient).toBe(expected);
  });

  it("the core five match the source document's summary", () => {
    const row = (id: ActivationId) => {
      const a = activations[id];
      return [a.range.tex, a.zeroCentred, a.saturates, a.vanishingGradient];
    };
    expect(row("sigmoid")).toEqual(["(0, 1)", false, "both", "yes"]);
    expect(row("tanh")).toEqual(["(-1, 1)", true, "both", "less"]);
    expect(row("relu")).toEqual(["[0, \\infty)", false, "left", "dies"]);
    expect(row("leakyRelu")).toEqual(["(-\\infty, \\infty)", false, "none", "no"]);
    expect(row("linear")).toEqual(["(-\\infty, \\infty)", true, "none", "no"]);
    expect(activations.sigmoid.maxSlope).toEqual({x: 0, value: 0.25});
    expect(activations.tanh.maxSlope).toEqual({x: 0, value: 1});
    expect(activations.relu.maxSlope).toEqual({x: null, value: 1});
    expect(activations.relu.derivativeAtZeroConvention).toBe("ReLU′(0) = 0, as in PyTorch and TensorFlow");
    expect(activations.leakyRelu.derivativeAtZeroConvention).toBe("Leaky ReLU′(0) = α");
    expect(activations.leakyRelu.parameter).toEqual({
      name: "alpha",
      symbol: "\\alpha",
      value: 0.01,
      min: 0,
      max: 1
    });
    expect(activations.elu.parameter?.value).toBe(1);
  });
});

describe("parametric factories", () => {
  it("makeLeakyRelu(alpha) uses alpha for negative inputs", () => {
    const leaky = makeLeakyRelu(0.2);
    expect([leaky.f(-1), leaky.df(-1), leaky.df(0), leaky.f(5)]).toEqual([-0.2, 0.2, 0.2, 5]);
    expect(leaky.parameter?.value).toBe(0.2);
    expect(leaky.id).toBe("leakyRelu");
    expect(makeLeakyRelu().f(-3)).toBe(activations.leakyRelu.f(-3));
  });

  it("makeLeakyRelu(0) has ReLU's shape and a closed range", () => {
    const flat = makeLeakyRelu(0);
    expect([flat.f(-Infinity), flat.f(-5), flat.df(-5)]).toEqual([0, 0, 0]);
    expect(flat.range).toMatchObject({lower: 0, lowerClosed: true});
    expect(flat.vanishingGradient).toBe("dies");
  });

  it("makeElu(alpha) floors at −alpha and reports the larger left slope for alpha > 1", () => {
    const half = makeElu(0.5);
    expect(half.f(-Infinity)).toBe(-0.5);
    expect(half.range).toMatchObject({lower: -0.5, lowerClosed: false});
    expect(half.df(0)).toBe(0.5);
    expect(half.smooth).toBe(false);
    expect(half.derivativeAtZeroConvention).toMatch(/α/);
    const steep = makeElu(1.5);
    expect(steep.maxSlope).toEqual({x: 0, value: 1.5});
    expectClose(steep.df(-1e-12), 1.5, 1e-11);
    expect(Math.max(...grid(-10, 10, 2001).map(steep.df))).toBeLessThanOrEqual(1.5);
  });

  it("factory records pass the same derivative check", () => {
    for (const act of [makeLeakyRelu(0.3), makeElu(0.5), makeElu(2)]) {
      expect(compareDerivative(act.f, act.df, derivativeGrid(act)).maxRelError).toBeLessThan(1e-8);
    }
  });

  it("rejects invalid alpha with an error naming it", () => {
    for (const bad of [NaN, Infinity, -Infinity, -0.1, 1.5, "0.1" as unknown as number]) {
      expect(() => makeLeakyRelu(bad)).toThrow(/^Leaky ReLU alpha must be a finite number in \[0, 1\], got /);
    }
    for (const bad of [NaN, Infinity, -1, 2.5]) {
      expect(() => makeElu(bad)).toThrow(/^ELU alpha must be a finite number in \[0, 2\], got /);
    }
  });
});
