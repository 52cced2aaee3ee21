// Where a unit sits on its activation: the pre-activations z of the training examples as a
// histogram, drawn over the activation's slope f′(z), with the shares where the unit is dead
// (f′ = 0) or saturated (|f′| tiny) from ../lib/unitStats.js. Two sizes: the thin strip under
// every node of the network diagram (./networkDiagram.js: the two paths below), and the large
// chart of the focused unit, with its own map over the input plane.
import * as Plot from "npm:@observablehq/plot/course";
import {html} from "npm:htl";
import {linspace} from "../lib/sample.js";
import {isDead, saturationThreshold, unitStats} from "../lib/unitStats.js";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";
import {heatmap} from "./heatmap.js";
import {linearMap, setIfChanged, svgElement} from "./liveChart.js";
import {curveDash} from "./style.js";

/** The z range the histograms cover; examples beyond it are counted in its end bins. */
export const Z_DOMAIN = [-6, 6];
/** Bins of the histograms over Z_DOMAIN. */
export const Z_BINS = 24;

/** The slope f′ sampled over Z_DOMAIN, and the [low, high] range the charts give it (0 included). */
export function slopeSamples(activation) {
  const zs = linspace(Z_DOMAIN[0], Z_DOMAIN[1], 97);
  const slopes = Float64Array.from(zs, (z) => activation.df(z));
  const finite = Array.from(slopes).filter(Number.isFinite);
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  return {zs, slopes, range: high > low ? [low, high] : [0, 1]};
}

/** Path data of f′ over Z_DOMAIN, through the pixel maps x (z ↦ px) and y (f′ ↦ px). */
export function slopePath({zs, slopes}, x, y) {
  let d = "";
  let open = false;
  for (let k = 0; k < zs.length; k++) {
    if (!Number.isFinite(slopes[k])) {
      open = false;
      continue;
    }
    d += `${open ? "L" : "M"}${Math.round(x(zs[k]) * 10) / 10},${Math.round(y(slopes[k]) * 10) / 10}`;
    open = true;
  }
  return d;
}

/**
 * Path data of unit j's histogram (a UnitStats of ../lib/unitStats.js) as bars standing on
 * `base` px, the tallest `height` px high, each bin `binWidth` px wide from `left`: examples
 * below or above the domain are added to its first or last bin. "" with no examples. Bars
 * are whole pixels high (at least 1): while the network trains, a unit's path changes only
 * when a bar grows or shrinks by a pixel, not at every frame.
 */
export function histogramPath(stats, j, {left, base, binWidth, height}) {
  const {bins, counts} = stats;
  const first = j * bins;
  let top = 0;
  const count = (b) =>
    counts[first + b] + (b === 0 ? stats.below[j] : 0) + (b === bins - 1 ? stats.above[j] : 0);
  for (let b = 0; b < bins; b++) top = Math.max(top, count(b));
  if (top === 0) return "";
  let d = "";
  for (let b = 0; b < bins; b++) {
    const c = count(b);
    if (c === 0) continue;
    const h = Math.max(1, Math.round((c / top) * height));
    d += `M${left + b * binWidth},${base}v${-h}h${binWidth}v${h}z`;
  }
  return d;
}

const percent = (share) =>
  Number.isFinite(share) ? `${formatNumber(100 * share, {digits: 3})}%` : "no examples";

/** One sentence on unit j of these stats: its dead and saturated shares and mean slope. */
export function unitSummary(stats, j) {
  const beyond = stats.below[j] + stats.above[j];
  return (
    `Over the ${stats.n} training examples: f′(z) = 0 (dead) on ${percent(stats.dead[j])}, ` +
    `saturated (0 < |f′(z)| < 1% of its largest) on ${percent(stats.saturated[j])}, mean f′(z) ${formatNumber(stats.meanSlope[j])}` +
    (beyond > 0
      ? `; ${percent(beyond / stats.n)} lie beyond z = ±${Z_DOMAIN[1]}, counted in the end bars.`
      : ".")
  );
}

/**
 * What unit j of these stats adds to its node's accessible name: that it is dead, or its
 * saturated and dead shares ("" with no stats or no examples).
 */
export function unitState(stats, j) {
  if (!(stats?.n > 0)) return "";
  return isDead(stats, j)
    ? ": dead, f′(z) = 0 on every training example"
    : `: saturated on ${percent(stats.saturated[j])} of the training examples, f′(z) = 0 on ${percent(stats.dead[j])}`;
}

/**
 * Each weight layer's unit statistics (../lib/unitStats.js) from `values`, unitValues over
 * the training data: z binned over Z_DOMAIN as the strips and the chart draw it, saturation
 * judged against each layer's activation (`activations`; `sizes` the network's).
 */
export function layerStats(values, activations, sizes) {
  return activations.map((activation, l) =>
    unitStats(values.z[l], values.slope[l], {
      units: sizes[l + 1],
      domain: Z_DOMAIN,
      bins: Z_BINS,
      threshold: saturationThreshold(activation.maxSlope?.value)
    })
  );
}

/** The z chart's width at most, and the rest of its size. */
export const CHART_WIDTH = 320;
const CHART = {height: 160, marginLeft: 44, marginBottom: 32, marginTop: 22, marginRight: 12};

/**
 * The focused unit, large: its name, its map over the input plane (a heatmap of `side` ×
 * `side` cells) and, for a hidden or output unit, its shares in words and its z chart over
 * f′, at most CHART_WIDTH px wide (less in a narrower `width`). `show({name,
 * activation})` starts a unit (the chart is drawn again only for another activation);
 * `update(values, stats, j)` paints the map from the side × side values and draws unit j's
 * histogram in place (stats null for an input, which has no z).
 */
export function unitChart({side, width, colors, strength}) {
  const map = heatmap({width: side, colors, strength, className: "nd-big-map"});
  const title = html`<p class="nd-big-title"></p>`;
  const summary = html`<p class="nd-big-summary"></p>`;
  const chartSlot = html`<div class="nd-big-chart"></div>`;
  const root = html`<div class="nd-big">
    ${title}
    <div class="nd-big-row">
      <div class="nd-big-map-box">${map.canvas}</div>
      ${summary}
    </div>
    ${chartSlot}
  </div>`;
  let drawnFor = null;
  let bars = null;
  let geometry = null;
  const chartWidth = Math.max(240, Math.min(CHART_WIDTH, width));

  function draw(activation) {
    const samples = slopeSamples(activation);
    const chart = Plot.plot({
      width: chartWidth,
      ...CHART,
      ariaLabel: `The unit's pre-activations z over the training data, drawn over ${activation.label}'s slope f′(z)`,
      x: {domain: Z_DOMAIN, label: "z", labelArrow: "none"},
      y: {domain: samples.range, label: "f′(z)", labelArrow: "none", ticks: 3},
      marks: [
        Plot.ruleY([0], {strokeOpacity: 0.3}),
        Plot.line(
          Array.from(samples.zs, (z, k) => [z, samples.slopes[k]]),
          {
            x: (d) => d[0],
            y: (d) => d[1],
            className: "chart-df",
            strokeDasharray: curveDash.df,
            strokeWidth: 2
          }
        )
      ]
    });
    const sx = chart.scale("x");
    const sy = chart.scale("y");
    bars = svgElement("path", {class: "nd-hist"});
    // the bars under the curve, so f′ stays readable
    chart.querySelector("[aria-label='line']")?.before(bars) ?? chart.append(bars);
    const x = linearMap(sx.domain, sx.range);
    geometry = {
      left: x(Z_DOMAIN[0]),
      base: sy.range[0],
      binWidth: (x(Z_DOMAIN[1]) - x(Z_DOMAIN[0])) / Z_BINS,
      height: sy.range[0] - sy.range[1]
    };
    chartSlot.replaceChildren(chart);
    drawnFor = activation;
  }

  root.show = ({name, activation}) => {
    setText(title, name);
    root.dataset.unit = name;
    if (activation === null) {
      chartSlot.hidden = true;
      summary.hidden = true;
      return root;
    }
    chartSlot.hidden = false;
    summary.hidden = false;
    if (activation !== drawnFor) draw(activation);
    return root;
  };
  root.update = (values, stats, j) => {
    map.paint(values, side);
    if (stats === null || bars === null) return;
    setIfChanged(bars, "d", histogramPath(stats, j, geometry));
    setText(summary, unitSummary(stats, j));
  };
  root.recolor = map.recolor;
  return root;
}
