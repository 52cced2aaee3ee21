import {svg} from "npm:htl";
import {activations, coreActivationIds} from "../lib/activations.js";
import {sampleActivation} from "../lib/sample.js";
import {coursePlot, zeroRules} from "./coursePlot.js";
import {markerXs, seriesFrame, seriesLegend, seriesLine, seriesMarkers} from "./seriesMarks.js";
import {seriesClass, seriesStyle} from "./style.js";
import {symbolPath} from "./symbols.js";

/** The y-domain of each view: the functions, or their slopes. */
const Y_DOMAINS = {f: [-1.6, 3], df: [-0.1, 1.15]};

/**
 * All of `ids` (default the core five) on one chart: the functions f (mode "f") or their
 * derivatives f′ (mode "df"). Each line has its activation's colour (CSS class
 * .series-<id>), dash pattern and marker symbol; the markers sit at staggered x so lines
 * that coincide (ReLU, Leaky ReLU and linear for x > 0) still show each of their markers.
 * `chart.update(x)` moves a guide line and a dot on each curve without redrawing the curves.
 */
export function familyChart(
  ids = coreActivationIds,
  {width = 640, height, mode = "f", domain = [-3, 3], x = 1} = {}
) {
  height ??= Math.round(Math.max(260, Math.min(400, width * 0.6)));
  const key = mode === "df" ? "df" : "f";
  const [ylo, yhi] = Y_DOMAINS[key];
  const chart = coursePlot({
    width,
    height,
    ...seriesFrame(key, domain, [ylo, yhi]),
    ariaLabel: `${key === "f" ? "The functions" : "The derivatives"} of ${ids.map((id) => activations[id].label).join(", ")} for x from ${domain[0]} to ${domain[1]}`,
    ariaDescription:
      "One line per activation, told apart by colour, dash pattern and marker symbol (see the legend). A vertical guide and dots mark the current x.",
    marks: [
      ...zeroRules(),
      ...ids.map((id) => {
        const s = sampleActivation(activations[id], {from: domain[0], to: domain[1], count: 241});
        return seriesLine(id, s.x, s[key], {strokeWidth: 2.5});
      }),
      ...ids.map((id, i) =>
        seriesMarkers(
          id,
          markerXs(i, ids.length, domain)
            .map((xm) => ({x: xm, y: activations[id][key](xm)}))
            .filter(({y}) => y >= ylo && y <= yhi),
          {className: "series-marker"}
        )
      )
    ]
  });
  chart.dataset.mode = key;
  return withGuide(chart, ids, key, x);
}

/** Adds the guide line and one dot per curve at x, and `chart.update(x)`. */
function withGuide(chart, ids, key, x0) {
  const sx = chart.scale("x");
  const sy = chart.scale("y");
  const [bottom, top] = sy.range;
  const overlay = svg`<g class="family-guide" aria-hidden="true">
    <line class="chart-guide" y1=${top} y2=${bottom}></line>
    ${ids.map(
      (id) =>
        svg`<path class=${seriesClass(id)} fill="currentColor" d=${symbolPath(seriesStyle(id).symbol, 5.6)}></path>`
    )}
  </g>`;
  chart.append(overlay);
  const guide = overlay.querySelector("line");
  const dots = overlay.querySelectorAll("path");
  const clampY = (y) => Math.max(top - 6, Math.min(bottom + 6, y));
  chart.update = (x) => {
    const px = sx.apply(x);
    guide.setAttribute("x1", px);
    guide.setAttribute("x2", px);
    ids.forEach((id, i) => {
      const y = activations[id][key](x);
      dots[i].setAttribute("transform", `translate(${px},${clampY(sy.apply(y))})`);
    });
    overlay.dataset.x = x;
    return chart;
  };
  return chart.update(x0);
}

/** A legend of the lines: a swatch with each activation's colour, dash and marker, then its label. */
export function familyLegend(ids = coreActivationIds) {
  return seriesLegend(ids, (id) => activations[id].label, {className: "legend family-legend"});
}
