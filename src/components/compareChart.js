import * as Plot from "npm:@observablehq/plot/course";
import {activationIds, activations} from "../lib/activations.js";
import {sampleActivation} from "../lib/sample.js";
import {coursePlot, zeroRules} from "./coursePlot.js";
import {markerXs, seriesFrame, seriesLegend, seriesLine, seriesMarkers} from "./seriesMarks.js";

/** The y-domain of each view, wide enough for every registered activation on [−3, 3]. */
const Y_DOMAINS = {f: [-2, 3], df: [-0.25, 1.85]};

/**
 * One chart of the functions f (mode "f") or their slopes f′ (mode "df") of any subset of
 * the registered activations, for comparing shapes. Each line has its activation's colour,
 * dash pattern and marker (markers at staggered x so coinciding lines still show theirs).
 * `registry` is where the ids are looked up (the course's activations by default).
 */
export function compareChart(
  ids,
  {width = 640, height, mode = "f", domain = [-3, 3], registry = activations} = {}
) {
  width = Math.max(240, width); // never narrower than its margins
  height ??= Math.round(Math.max(260, Math.min(420, width * 0.6)));
  const key = mode === "df" ? "df" : "f";
  const [ylo, yhi] = Y_DOMAINS[key];
  const marks = zeroRules();
  ids.forEach((id, i) => {
    const record = registry[id];
    const s = sampleActivation(record, {from: domain[0], to: domain[1], count: 241});
    marks.push(seriesLine(id, s.x, s[key], {strokeWidth: 2.25, ariaDescription: record.label}));
    const points = markerXs(i, ids.length, domain)
      .map((x) => ({x, y: record[key](x)}))
      .filter(({y}) => y >= ylo && y <= yhi);
    marks.push(seriesMarkers(id, points, {outlines: true, strokeWidth: 1.75, ariaHidden: true}));
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
  const chart = coursePlot({
    width,
    height,
    ...seriesFrame(key, domain, [ylo, yhi]),
    ariaLabel: `${key === "f" ? "Functions" : "Derivatives"} of ${ids.map((id) => registry[id].label).join(", ") || "no activation"} for x from ${domain[0]} to ${domain[1]}`,
    ariaDescription:
      "One line per activation, told apart by colour, dash pattern and marker symbol (see the legend).",
    marks
  });
  chart.dataset.mode = key;
  chart.dataset.ids = ids.join(" ");
  return chart;
}

/**
 * The legend for compareChart: each activation's colour, dash and marker, then its label.
 * @param {readonly string[]} [ids]
 * @param {Record<string, {label: string}>} [registry]
 */
export function compareLegend(ids = activationIds, registry = activations) {
  return seriesLegend(ids, (id) => registry[id].label, {width: 2.25, className: "legend compare-legend"});
}
