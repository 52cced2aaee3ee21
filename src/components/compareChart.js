import * as Plot from "npm:@observablehq/plot/course";
// The course's Plot bundle also exports the d3 symbol generators its dot mark uses.
import {
  symbol as d3Symbol,
  symbolAsterisk,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolDiamond2,
  symbolPlus,
  symbolSquare,
  symbolStar,
  symbolTimes,
  symbolTriangle,
  symbolTriangle2,
  symbolWye
} from "npm:@observablehq/plot/course";
import {svg} from "npm:htl";
import {activationIds, activations} from "../lib/activations.js";
import {sampleActivation} from "../lib/sample.js";
import {seriesDash} from "./backprop.js";

/**
 * Line style of every registered activation: dash pattern and marker symbol (d3 symbol
 * names); the colour comes from the CSS class .series-<id>, which sets `color`. Every
 * activation has its own colour-and-dash pair and its own marker, so colour is never the only cue.
 */
export const compareStyle = {
  sigmoid: {dash: seriesDash.sigmoid, symbol: "circle"},
  tanh: {dash: seriesDash.tanh, symbol: "square"},
  relu: {dash: seriesDash.relu, symbol: "triangle"},
  leakyRelu: {dash: seriesDash.leakyRelu, symbol: "diamond"},
  linear: {dash: seriesDash.linear, symbol: "star"},
  elu: {dash: "10 3", symbol: "cross"},
  selu: {dash: "5 2 1 2", symbol: "wye"},
  gelu: {dash: "none", symbol: "times"},
  geluTanh: {dash: "3 2", symbol: "plus"},
  swish: {dash: "8 2 2 2 2 2", symbol: "asterisk"},
  softplus: {dash: "6 4", symbol: "diamond2"},
  mish: {dash: "1 2", symbol: "triangle2"}
};

/** Symbols d3 draws as outlines (stroked), not filled shapes. */
const STROKED = new Set(["times", "plus", "asterisk", "diamond2", "triangle2", "square2"]);

const D3_SYMBOLS = {
  circle: symbolCircle,
  square: symbolSquare,
  triangle: symbolTriangle,
  diamond: symbolDiamond,
  star: symbolStar,
  cross: symbolCross,
  wye: symbolWye,
  times: symbolTimes,
  plus: symbolPlus,
  asterisk: symbolAsterisk,
  diamond2: symbolDiamond2,
  triangle2: symbolTriangle2
};

/** The y-domain of each view, wide enough for every registered activation on [−3, 3]. */
const Y_DOMAINS = {f: [-2, 3], df: [-0.25, 1.85]};

function markerPath(symbol, size) {
  return d3Symbol(D3_SYMBOLS[symbol] ?? symbolCircle, size)();
}

function markerSvg(id, size) {
  const {symbol} = compareStyle[id];
  const stroked = STROKED.has(symbol);
  return svg`<path d=${markerPath(symbol, size)} fill=${stroked ? "none" : "currentColor"} stroke=${stroked ? "currentColor" : "none"} stroke-width="1.5"></path>`;
}

/**
 * One chart of the functions f (mode "f") or their slopes f′ (mode "df") of any subset of
 * the registered activations, for comparing shapes. Each line has its activation's colour,
 * dash pattern and marker (markers at staggered x so coinciding lines still show theirs).
 */
export function compareChart(ids, {width = 640, height, mode = "f", domain = [-3, 3]} = {}) {
  width = Math.max(240, width); // never narrower than its margins
  height ??= Math.round(Math.max(260, Math.min(420, width * 0.6)));
  const key = mode === "df" ? "df" : "f";
  const [ylo, yhi] = Y_DOMAINS[key];
  const spacing = (domain[1] - domain[0]) / 4;
  const marks = [Plot.ruleY([0], {strokeOpacity: 0.4}), Plot.ruleX([0], {strokeOpacity: 0.4})];
  ids.forEach((id, i) => {
    const s = sampleActivation(activations[id], {from: domain[0], to: domain[1], count: 241});
    const {dash, symbol} = compareStyle[id];
    marks.push(
      Plot.line(s.x, {
        x: s.x,
        y: s[key],
        stroke: "currentColor",
        strokeWidth: 2.25,
        strokeDasharray: dash,
        className: `series-${id}`,
        ariaDescription: activations[id].label,
        clip: true
      })
    );
    const points = [];
    for (let xm = domain[0] + (spacing * (i + 0.5)) / ids.length; xm < domain[1]; xm += spacing) {
      const y = activations[id][key](xm);
      if (y >= ylo && y <= yhi) points.push({x: xm, y});
    }
    const stroked = STROKED.has(symbol);
    marks.push(
      Plot.dot(points, {
        x: "x",
        y: "y",
        symbol,
        r: 4.5,
        fill: stroked ? "none" : "currentColor",
        stroke: stroked ? "currentColor" : "none",
        strokeWidth: 1.75,
        className: `series-${id}`,
        ariaHidden: true
      })
    );
  });
  if (ids.length === 0) {
    marks.push(
      Plot.text(["Tick at least one activation above"], {
        frameAnchor: "middle",
        fontSize: 14,
        className: "compare-empty"
      })
    );
  }
  const what = key === "f" ? "f(x)" : "f′(x)";
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 40,
    marginTop: 16,
    marginBottom: 36,
    ariaLabel: `${key === "f" ? "Functions" : "Derivatives"} of ${ids.map((id) => activations[id].label).join(", ") || "no activation"} for x from ${domain[0]} to ${domain[1]}`,
    ariaDescription:
      "One line per activation, told apart by colour, dash pattern and marker symbol (see the legend).",
    x: {domain, label: "x", labelAnchor: "right", labelArrow: "none"},
    y: {domain: [ylo, yhi], label: what, labelArrow: "none", grid: true},
    marks
  });
  chart.dataset.mode = key;
  chart.dataset.ids = ids.join(" ");
  return chart;
}

/** The legend for compareChart: each activation's colour, dash and marker, then its label. */
export function compareLegend(ids = activationIds) {
  const legend = document.createElement("div");
  legend.className = "legend compare-legend";
  for (const id of ids) {
    const item = document.createElement("span");
    item.append(
      svg`<svg width="36" height="14" aria-hidden="true" class=${`series-${id}`}><line stroke="currentColor" x1="1" x2="35" y1="7" y2="7" stroke-width="2.25" stroke-dasharray=${compareStyle[id].dash}></line><g transform="translate(18,7)">${markerSvg(id, 50)}</g></svg>`,
      activations[id].label
    );
    legend.append(item);
  }
  return legend;
}
