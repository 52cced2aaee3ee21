// The chain-rule product of one part of the 2-2-2 network walk-through, written out with the
// current numbers: what the page shows for the weight or unit the reader selects on the graph.
// Pure: it reads a lib/backpropTrace.js trace and the network it came from, and returns text;
// every number is the trace's own (the products are the library's, not recomputed here).
import {formatNumber} from "./format.js";

/**
 * A weight (layer, unit j, input i) or a unit (layer, unit j) of the network.
 * @typedef {{kind: string, layer: number, j: number, i?: number}} Selection
 */

/** Names in the published walk-through's notation: i1, i2 → h1, h2 → o1, o2. */
export const UNIT_NAMES = [
  ["h1", "h2"],
  ["o1", "o2"]
];
export const INPUT_NAMES = ["i1", "i2"];
/** weightNames[l][j][i]: the weight from unit i of the layer before into unit j of layer l. */
export const WEIGHT_NAMES = [
  [
    ["w1", "w2"],
    ["w3", "w4"]
  ],
  [
    ["w5", "w6"],
    ["w7", "w8"]
  ]
];

/**
 * Everything the reader can select, in reading order (left to right, top to bottom).
 * @type {Selection[]}
 */
export const SELECTABLE = [
  {kind: "weight", layer: 0, j: 0, i: 0},
  {kind: "weight", layer: 0, j: 0, i: 1},
  {kind: "weight", layer: 0, j: 1, i: 0},
  {kind: "weight", layer: 0, j: 1, i: 1},
  {kind: "unit", layer: 0, j: 0},
  {kind: "unit", layer: 0, j: 1},
  {kind: "weight", layer: 1, j: 0, i: 0},
  {kind: "weight", layer: 1, j: 0, i: 1},
  {kind: "weight", layer: 1, j: 1, i: 0},
  {kind: "weight", layer: 1, j: 1, i: 1},
  {kind: "unit", layer: 1, j: 0},
  {kind: "unit", layer: 1, j: 1}
];

/**
 * The name of a selectable item: "w5", "h1".
 * @param {Selection} selection
 */
export function selectionName({kind, layer, j, i = 0}) {
  return kind === "weight" ? WEIGHT_NAMES[layer][j][i] : UNIT_NAMES[layer][j];
}

/** The selectable item named `name` ("w5", "h1"), or undefined. */
export function selectionNamed(name) {
  return SELECTABLE.find((item) => selectionName(item) === name);
}

/** What feeds unit i of layer l: an input's value or a hidden unit's output. */
const sourceName = (layer, i) => (layer === 0 ? INPUT_NAMES[i] : `out_${UNIT_NAMES[0][i]}`);

/** A number for the product: 9 significant digits, as many as the published walk-through writes, in parentheses when negative. */
function n(value, digits) {
  const text = formatNumber(value, {digits});
  return value < 0 ? `(${text})` : text;
}

/** The lines that say how ∂E/∂out of a unit is found: the loss's slope, or the sum of the downstream paths. */
function dLdaLines(trace, net, layer, j, digits) {
  const unit = UNIT_NAMES[layer][j];
  const L = trace.layers[layer];
  if (layer === 1) {
    return [
      `∂E/∂out_${unit} = out_${unit} − t_${unit} = ${n(L.a[j], digits)} − ${n(trace.target[j], digits)} = ${formatNumber(L.dLda[j], {digits})}`
    ];
  }
  const next = trace.layers[1];
  const lines = UNIT_NAMES[1].map((down, k) => {
    const w = WEIGHT_NAMES[1][k][j];
    return `via ${down}: ${w}·δ_${down} = ${n(net[1].weights[k][j], digits)} × ${n(next.delta[k], digits)} = ${formatNumber(L.paths[j][k], {digits})}`;
  });
  lines.push(
    `∂E/∂out_${unit} = sum of both paths = ${L.paths[j].map((p) => n(p, digits)).join(" + ")} = ${formatNumber(L.dLda[j], {digits})}`
  );
  return lines;
}

/**
 * The chain-rule product for `selection` (an item of SELECTABLE), as lines of text with the
 * numbers of `step` = backpropStep(net, …, learningRate) under squared error: its trace, and
 * for a weight its value in step.net, after the step. Returns {title, lines}.
 * @param {Selection} selection
 */
export function chainProduct(step, net, selection, learningRate, {digits = 9} = {}) {
  const {trace} = step;
  const {kind, layer, j} = selection;
  const L = trace.layers[layer];
  const unit = UNIT_NAMES[layer][j];
  const delta = `δ_${unit} = ∂E/∂net_${unit} = ∂E/∂out_${unit} · f′(net_${unit}) = ${n(L.dLda[j], digits)} × ${n(L.fPrime[j], digits)} = ${formatNumber(L.delta[j], {digits})}`;
  if (kind === "unit") {
    const sum = L.input
      .map((_, i) => `${WEIGHT_NAMES[layer][j][i]}·${sourceName(layer, i)}`)
      .join(" + ");
    const lines = [
      `net_${unit} = ${sum} + b = ${formatNumber(L.z[j], {digits})}`,
      `out_${unit} = f(net_${unit}) = ${formatNumber(L.a[j], {digits})}`,
      ...dLdaLines(trace, net, layer, j, digits),
      delta
    ];
    if (L.fPrime[j] === 0)
      lines.push(`f′(net_${unit}) is 0, so δ_${unit} is 0: nothing passes back through ${unit} to its weights.`);
    return {title: `Unit ${unit}`, lines};
  }
  const {i = 0} = selection;
  const w = WEIGHT_NAMES[layer][j][i];
  const source = sourceName(layer, i);
  const gradient = L.weightGradients[j][i];
  const weight = net[layer].weights[j][i];
  return {
    title: `Weight ${w}, from ${layer === 0 ? INPUT_NAMES[i] : UNIT_NAMES[0][i]} to ${unit}`,
    lines: [
      `∂E/∂${w} = ∂E/∂out_${unit} · ∂out_${unit}/∂net_${unit} · ∂net_${unit}/∂${w}`,
      ...dLdaLines(trace, net, layer, j, digits),
      `∂E/∂${w} = ${n(L.dLda[j], digits)} × ${n(L.fPrime[j], digits)} × ${n(L.input[i], digits)} = δ_${unit} · ${source} = ${formatNumber(gradient, {digits})}`,
      `${w}⁺ = ${w} − η·∂E/∂${w} = ${n(weight, digits)} − ${n(learningRate, digits)} × ${n(gradient, digits)} = ${formatNumber(step.net[layer].weights[j][i], {digits})}`
    ]
  };
}
