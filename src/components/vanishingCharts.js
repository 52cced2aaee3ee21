// The vanishing-gradient charts of the backpropagation page: the gradient at every layer of
// a deep chain, for each core activation (log scale), and the gradient that reaches the
// first layer. All numbers come from lib/ (chainSlopes).
import {activations, coreActivationIds} from "../lib/activations.js";
import {chainSlopes} from "../lib/chain.js";
import {coursePlot} from "./coursePlot.js";
import {formatNumber} from "./format.js";
import {legend} from "./legend.js";
import {setText} from "./liveDom.js";
import {linePath, linearMap, setLinearAxis, svgElement} from "./liveChart.js";
import {axesOnly, liveDots, liveLine, liveRulesY} from "./liveMark.js";
import {logAxis, logMap, setLogAxis} from "./logAxis.js";
import {seriesClass, seriesStyle} from "./style.js";

/** Framework's `width` can be 0 for a moment while the page lays out; charts never go below this. */
const MIN_WIDTH = 240;

/** A legend of the core activations' line styles, for the vanishing-gradient chart. */
export function seriesLegend(ids = coreActivationIds) {
  return legend(
    ids.map((id) => ({label: activations[id].label, className: seriesClass(id), line: {dash: seriesStyle(id).dash}}))
  );
}

/** chainSlopes for every core activation at this depth and weight. */
export function chainsFor(depth, weight, ids = coreActivationIds) {
  return ids.map((id) => ({id, label: activations[id].label, ...chainSlopes(id, depth, {weight})}));
}

const logTick = (d) => formatNumber(d, {digits: 2});

/** What chainChart draws for these chains: the positive gradients and the axes' domains. */
function chainLayout(chains, depth) {
  const rows = chains.flatMap(({id, label, gradients}) =>
    gradients.map((gradient, i) => ({id, label, layer: i + 1, gradient}))
  );
  const shown = rows.filter((r) => r.gradient > 0 && Number.isFinite(r.gradient));
  const values = shown.map((r) => r.gradient);
  const yAxis = logAxis(Math.min(...values, 1), Math.max(...values, 1), {count: 6, snap: 3});
  return {
    shown,
    // in steps of five layers, so the Depth slider re-ticks the axis every fifth layer only
    x: [1, Math.max(5, Math.ceil(depth / 5) * 5)],
    yAxis,
    ariaLabel: `Gradient magnitude at each of ${depth} layers, first layer on the left, log scale: ${chains
      .map((c) => `${c.label} reaches the first layer with ${formatNumber(c.firstLayerGradient)}`)
      .join("; ")}`
  };
}

const sameDomain = (a, b) => a[0] === b[0] && a[1] === b[1];

/**
 * The gradient magnitude at every layer of each chain, on a log scale (zeros cannot show).
 * Plot draws the axes; `chart.update(chains, {depth})` redraws the lines, the dots and the
 * axes in place, for the depth and weight sliders.
 */
export function chainChart(chains, {width = 640, depth}) {
  width = Math.max(width, MIN_WIDTH);
  let layout = chainLayout(chains, depth);
  const chart = coursePlot({
    width,
    height: Math.round(Math.max(240, Math.min(360, width * 0.5))),
    marginLeft: 62,
    ariaLabel: layout.ariaLabel,
    x: {domain: layout.x, label: "layer (1 = first, farthest from the output)"},
    y: {
      type: "log",
      domain: layout.yAxis.domain,
      ticks: layout.yAxis.ticks,
      label: "|∂L/∂b| at the layer",
      tickFormat: logTick
    },
    // update draws the data in place
    marks: [axesOnly()]
  });
  const xRange = chart.scale("x").range;
  const yRange = chart.scale("y").range;
  const paths = new Map();
  for (const {id} of chains) {
    paths.set(
      id,
      liveLine(chart, {class: seriesClass(id), "stroke-width": 2.5, "stroke-dasharray": seriesStyle(id).dash})
    );
  }
  const dots = liveDots(chart, {class: "series-dot", fill: "currentColor", stroke: null}, {r: 3.5});
  // draws `layout` in place, its label included, and returns the chart
  const draw = () => {
    chart.setAttribute("aria-label", layout.ariaLabel);
    const x = linearMap(layout.x, xRange);
    const y = logMap(layout.yAxis.domain, yRange);
    for (const [id, path] of paths) {
      const rows = layout.shown.filter((r) => r.id === id);
      path.setAttribute(
        "d",
        linePath(
          rows.map((r) => r.layer),
          rows.map((r) => r.gradient),
          x,
          y
        )
      );
    }
    const first = layout.shown.filter((r) => r.layer === 1);
    dots.place(
      first.map((r) => x(r.layer)),
      first.map((r) => y(r.gradient))
    );
    return chart;
  };
  chart.update = (next, {depth}) => {
    const nextLayout = chainLayout(next, depth);
    if (!sameDomain(nextLayout.x, layout.x)) setLinearAxis(chart, "x", nextLayout.x, xRange);
    setLogAxis(chart, "y", nextLayout.yAxis, layout.yAxis, yRange, logTick);
    layout = nextLayout;
    return draw();
  };
  return draw();
}

/** What firstLayerChart draws: each chain's first-layer gradient and the x-axis. */
function firstLayerLayout(chains) {
  const data = chains.map(({id, label, firstLayerGradient}) => ({id, label, gradient: firstLayerGradient}));
  const positive = data.filter((d) => d.gradient > 0 && Number.isFinite(d.gradient));
  const values = positive.map((d) => d.gradient);
  const xAxis = logAxis(Math.min(1e-3, ...values), Math.max(1, ...values), {count: 5, snap: 3});
  const [lo, hi] = xAxis.domain;
  return {
    data,
    lo,
    // its domain, with room on the right for the value labels, and its ticks
    xAxis: {domain: [lo, hi * Math.max(30, (hi / lo) ** 0.3)], ticks: xAxis.ticks},
    ariaLabel: `Gradient reaching the first layer, log scale: ${data.map((d) => `${d.label} ${formatNumber(d.gradient)}`).join(", ")}`
  };
}

/**
 * A dot per activation: the gradient that reaches the first layer, on a log scale. Plot
 * draws the axes; `chart.update(chains)` moves the dots, rules and labels in place.
 */
export function firstLayerChart(chains, {width = 640}) {
  width = Math.max(width, MIN_WIDTH);
  let layout = firstLayerLayout(chains);
  const chart = coursePlot({
    width,
    height: 200,
    marginLeft: 90,
    marginRight: 16,
    ariaLabel: layout.ariaLabel,
    x: {
      type: "log",
      domain: layout.xAxis.domain,
      label: "gradient at the first layer (log scale)",
      grid: true,
      tickFormat: logTick,
      ticks: layout.xAxis.ticks
    },
    y: {domain: layout.data.map((d) => d.label), label: null, grid: false},
    marks: [axesOnly()]
  });
  const xRange = chart.scale("x").range;
  const sy = chart.scale("y");
  const yOf = (label) => sy.apply(label) + (sy.bandwidth ?? 0) / 2;
  const rules = liveRulesY(chart, {"stroke-opacity": 0.25});
  const dots = layout.data.map(({id}) =>
    liveDots(chart, {class: seriesClass(id), fill: "currentColor", stroke: null}, {r: 5})
  );
  const labels = svgElement("g", {
    "text-anchor": "start",
    fill: "currentColor",
    transform: "translate(9.5,0.5)"
  });
  chart.append(labels);
  const texts = layout.data.map(() => {
    const text = svgElement("text", {y: "0.32em"});
    labels.append(text);
    return text;
  });
  // draws `layout` in place, its label included, and returns the chart
  const draw = () => {
    chart.setAttribute("aria-label", layout.ariaLabel);
    const x = logMap(layout.xAxis.domain, xRange);
    // a gradient that is not positive and finite has no place on the log axis: no rule, no dot
    const ends = layout.data.map((d) => (d.gradient > 0 && Number.isFinite(d.gradient) ? x(d.gradient) : NaN));
    const ys = layout.data.map((d) => yOf(d.label));
    rules.place(
      ends.map(() => x(layout.lo)),
      ends,
      ys
    );
    layout.data.forEach((d, i) => {
      const py = ys[i];
      dots[i].place(Number.isFinite(ends[i]) ? [ends[i]] : [], [py]);
      texts[i].setAttribute("transform", `translate(${x(d.gradient > 0 ? d.gradient : layout.lo)},${py})`);
      setText(texts[i], formatNumber(d.gradient, {digits: 3}));
    });
    return chart;
  };
  chart.update = (next) => {
    const nextLayout = firstLayerLayout(next);
    setLogAxis(chart, "x", nextLayout.xAxis, layout.xAxis, xRange, logTick);
    layout = nextLayout;
    return draw();
  };
  return draw();
}
