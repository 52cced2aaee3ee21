// A reader's formula as a full Activation record (id "custom") that the course's charts and
// trainer accept: f and f′ exactly (dual numbers, lib/expressionEval.ts), and the properties
// lib's own records state (range, monotonic, smooth, zero-centred, saturation, steepest
// slope, vanishing gradients, limitations) estimated numerically on [−20, 20] and far out
// in the tails.

import type {Activation, Interval} from "./activations.js";
import type {ExpressionNode} from "./expressionAst.js";
import {ExpressionError} from "./expressionError.js";
import {compileExpression} from "./expressionEval.js";
import {peakAbs} from "./regions.js";
import {linspace} from "./sample.js";
import {normalPdf} from "./special.js";

type ValueFn = (x: number) => number;

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
  // the steepest |f′| on the analysis grid (none when f′ is nowhere above 0), then the tails
  const peak = peakAbs(df, ANALYSIS_FROM, ANALYSIS_TO, {count: ANALYSIS_COUNT});
  let maxValue = peak.value > 0 ? peak.value : 0;
  let maxX: number | null = peak.value > 0 ? peak.x : NaN;
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

/**
 * compileActivation that never throws: the record, or the ExpressionError saying why there is
 * none (any other failure becomes a syntax error at column 1 carrying its message).
 */
export function compileActivationSafely(
  formula: string
): {activation: CustomActivation; error?: undefined} | {activation?: undefined; error: ExpressionError} {
  try {
    return {activation: compileActivation(formula)};
  } catch (error) {
    if (error instanceof ExpressionError) return {error};
    const message = (error as {message?: unknown} | null | undefined)?.message ?? error;
    return {error: new ExpressionError("syntax", String(message), 0)};
  }
}
