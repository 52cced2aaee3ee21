// Gated linear units (GLU and its variants), the feed-forward block of most large language
// models. A gated unit reads its input twice, through two weights W and V: one product, xW,
// goes through an activation and becomes the gate; the other, xV, stays linear; the output is
// the gate times the linear product. Here x, W and V are single numbers, so every formula can
// be followed by hand; in a network x is a row vector, W and V are matrices, and the same
// formulas hold for each output unit, element by element.
//
// Which factor carries the gate differs between the two papers:
// - Dauphin, Fan, Auli & Grangier (2017), "Language Modeling with Gated Convolutional
//   Networks", introduce the GLU as h(X) = (X∗W + b) ⊗ σ(X∗V + c): the sigmoid gates the
//   second product.
// - Shazeer (2020), "GLU Variants Improve Transformer", writes GLU(x, W, V, b, c) =
//   σ(xW + b) ⊗ (xV + c): the gate is the first product. He names the variants by the
//   activation that replaces σ (SwiGLU with Swish, GEGLU with GELU, ReGLU with ReLU) and drops
//   the biases in the Transformer's feed-forward layer.
// The two are the same function with W and V swapped. The course follows Shazeer, without
// biases: out = g(xW) · xV.
//
// Numerical conventions: NaN in gives NaN out. A product 0 · ±∞ (an infinite x, W or V
// against a factor that is exactly 0) is taken as 0, its limit: the zero is either an exact
// zero of the input (W = 0 or V = 0 make that product 0 for every x) or a gate's tail, which
// decays exponentially and so faster than any product grows. With that, ±Infinity in any
// argument gives the limit of the value and of each derivative.

import {activations} from "./activations.js";
import type {Activation} from "./activations.js";
import {entryOf} from "./registry.js";

export type GatedId = "glu" | "swiglu" | "geglu";

/** One gated unit: its gate activation, its TeX and the paper that named it. */
export interface GatedUnit {
  id: GatedId;
  label: string;
  /** The activation applied to xW to make the gate. */
  gate: Activation;
  /** TeX: the gate's name, the unit's value and its derivatives with respect to x, W and V. */
  tex: {gate: string; f: string; dfdx: string; dfdw: string; dfdv: string};
  /** Who introduced it, as cited in the course. */
  source: string;
}

function texFor(label: string, g: string): GatedUnit["tex"] {
  const name = `\\operatorname{${label}}`;
  return {
    gate: g,
    f: `${name}(x) = ${g}(xW)\\cdot xV`,
    // two lines, so that it fits a phone's column
    dfdx: `\\begin{aligned} \\frac{\\partial}{\\partial x}\\,${name}(x) &= \\underbrace{${g}'(xW)\\,W}_{\\text{gate's slope}}\\cdot xV \\\\ &\\quad + ${g}(xW)\\cdot\\underbrace{V}_{\\text{slope of }xV} \\end{aligned}`,
    dfdw: `\\frac{\\partial}{\\partial W}\\,${name}(x) = ${g}'(xW)\\,x\\cdot xV`,
    dfdv: `\\frac{\\partial}{\\partial V}\\,${name}(x) = ${g}(xW)\\cdot x`
  };
}

export const gatedUnits: Readonly<Record<GatedId, GatedUnit>> = Object.freeze({
  glu: {
    id: "glu",
    label: "GLU",
    gate: activations.sigmoid,
    tex: texFor("GLU", "\\sigma"),
    source:
      "Dauphin, Fan, Auli & Grangier (2017), “Language Modeling with Gated Convolutional Networks” (sigmoid gate on the second product, (XW + b) ⊗ σ(XV + c))"
  },
  swiglu: {
    id: "swiglu",
    label: "SwiGLU",
    gate: activations.swish,
    tex: texFor("SwiGLU", "\\operatorname{swish}"),
    source: "Shazeer (2020), “GLU Variants Improve Transformer” (gate on the first product, Swish(xW) ⊗ xV)"
  },
  geglu: {
    id: "geglu",
    label: "GeGLU",
    gate: activations.gelu,
    tex: texFor("GeGLU", "\\operatorname{GELU}"),
    source: "Shazeer (2020), “GLU Variants Improve Transformer” (gate on the first product, GELU(xW) ⊗ xV)"
  }
});

export const gatedIds: readonly GatedId[] = ["glu", "swiglu", "geglu"];

/** The unit with this id; throws, naming the ids there are, for any other. */
export function getGatedUnit(id: string): GatedUnit {
  return entryOf(gatedUnits, id, "unknown gated unit", gatedIds);
}

/** Everything about one gated unit at one point, each piece on its own. */
export interface GatedPoint {
  /** The product that becomes the gate, xW. */
  xw: number;
  /** The linear product, xV. */
  xv: number;
  /** The gate g(xW). */
  gate: number;
  /** The gate's slope with respect to x, g′(xW)·W. */
  gateSlope: number;
  /** The output g(xW)·xV. */
  out: number;
  /** ∂out/∂x by the product rule: g′(xW)·W·xV + g(xW)·V. */
  dx: number;
  /** ∂out/∂W = g′(xW)·x·xV. */
  dw: number;
  /** ∂out/∂V = g(xW)·x. */
  dv: number;
}

/** a·b, except that 0·±∞ is 0, its limit here (see the conventions at the top). */
function times(a: number, b: number): number {
  if ((a === 0 && (b === Infinity || b === -Infinity)) || (b === 0 && (a === Infinity || a === -Infinity))) {
    return 0;
  }
  return a * b;
}

function checkNumber(name: string, value: unknown): void {
  if (typeof value !== "number") throw new Error(`${name} is ${String(value)}, expected a number`);
}

/**
 * The gated unit `unit` (an id or a record) at input x with weights w (the gate's) and
 * v (the linear product's): the two products, the gate, the output and its derivatives.
 */
export function gatedPoint(unit: GatedUnit | string, x: number, w: number, v: number): GatedPoint {
  const {gate: g} = typeof unit === "string" ? getGatedUnit(unit) : unit;
  checkNumber("x", x);
  checkNumber("W", w);
  checkNumber("V", v);
  const xw = times(x, w);
  const xv = times(x, v);
  const gate = g.f(xw);
  const slope = g.df(xw);
  const gateSlope = times(slope, w);
  return {
    xw,
    xv,
    gate,
    gateSlope,
    out: times(gate, xv),
    dx: times(gateSlope, xv) + times(gate, v),
    dw: times(times(slope, x), xv),
    dv: times(gate, x)
  };
}

/** The TeX of every gated unit by name, `<id>.<key>` (e.g. "swiglu.f"), for `$$@swiglu.f$$` in Markdown. */
export function gatedReferences(): Record<string, string> {
  const references: Record<string, string> = {};
  for (const {id, tex} of Object.values(gatedUnits)) {
    for (const [key, value] of Object.entries(tex)) references[`${id}.${key}`] = value;
  }
  return references;
}

/** The output g(xW)·xV alone. */
export function gatedValue(unit: GatedUnit | string, x: number, w: number, v: number): number {
  return gatedPoint(unit, x, w, v).out;
}
