// The course's line styles, in one place: how a chart tells f from f′, and one activation
// from another. Colours live in CSS (src/style.css): .chart-f and .chart-df colour the two
// curves, .series-<id> sets `color` for an activation, and marks drawn in currentColor pick
// it up. Dash and marker make sure colour is never the only cue.

/** The dash of the function f (solid) and of its derivative f′ (dashed), on every chart. */
export const curveDash = {f: "none", df: "7 4"};

/** A decision boundary's dash (where a network's output crosses 0). */
export const boundaryDash = "5 3";

/** The dashes of f and f′ on the tiny charts of a table (miniChart.js): a shorter one that still reads there. */
export const tinyCurveDash = {f: "none", df: "5 3"};

/**
 * Every registered activation's dash pattern and marker symbol (a d3 symbol name, as Plot's
 * dot mark takes it): each has its own colour-and-dash pair and its own marker.
 */
export const compareStyle = {
  sigmoid: {dash: "none", symbol: "circle"},
  tanh: {dash: "7 3", symbol: "square"},
  relu: {dash: "2 3", symbol: "triangle"},
  leakyRelu: {dash: "9 3 2 3", symbol: "diamond"},
  linear: {dash: "1 4", symbol: "star"},
  elu: {dash: "10 3", symbol: "cross"},
  selu: {dash: "5 2 1 2", symbol: "wye"},
  gelu: {dash: "none", symbol: "times"},
  geluTanh: {dash: "3 2", symbol: "plus"},
  swish: {dash: "8 2 2 2 2 2", symbol: "asterisk"},
  softplus: {dash: "6 4", symbol: "diamond2"},
  mish: {dash: "1 2", symbol: "triangle2"}
};

/**
 * What an activation that compareStyle does not list (a record just added to the registry)
 * is drawn with, so that it still gets a line: a dash and marker of its own, and the colour
 * of the CSS class .series-other (src/style.css), which seriesClass adds for it.
 */
export const fallbackStyle = {dash: "12 3 3 3", symbol: "square"};

/** The dash and marker symbol of activation `id`: its row of compareStyle, else fallbackStyle. */
export function seriesStyle(id) {
  return Object.hasOwn(compareStyle, id) ? compareStyle[id] : fallbackStyle;
}

/** The CSS class(es) that colour activation `id`'s marks: .series-<id>, plus .series-other for an unlisted id. */
export function seriesClass(id) {
  return Object.hasOwn(compareStyle, id) ? `series-${id}` : `series-${id} series-other`;
}

/** d3 symbols drawn as outlines (stroked), not filled shapes. */
const STROKED = new Set(["times", "plus", "asterisk", "diamond2", "triangle2", "square2"]);

/** Whether a d3 symbol is drawn as an outline rather than filled. */
export function isStrokedSymbol(name) {
  return STROKED.has(name);
}
