import * as Plot from "npm:@observablehq/plot/course";
import {activationIds, activations} from "../lib/activations.js";
import {sampleActivation} from "../lib/sample.js";
import {legend} from "./legend.js";
import {compareStyle, isStrokedSymbol} from "./style.js";

/** The y-domain of each view, wide enough for every registered activation on [−3, 3]. */
const Y_DOMAINS = {f: [-2, 3], df: [-0.25, 1.85]};

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
    const stroked = isStrokedSymbol(symbol);
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
  return legend(
    ids.map((id) => ({
      label: activations[id].label,
      className: `series-${id}`,
      line: {dash: compareStyle[id].dash, width: 2.25},
      symbol: compareStyle[id].symbol
    })),
    {className: "legend compare-legend"}
  );
}
