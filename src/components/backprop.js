// Components of the backpropagation page: the one-neuron trainer with
// its loss-by-step chart, loss-by-step small multiples for every core activation, and the
// vanishing-gradient charts. All numbers come from lib/ (neuronStep, runNeuron, chainSlopes).
import * as Plot from "npm:@observablehq/plot/course";
import {activations, coreActivationIds} from "../lib/activations.js";
import {chainSlopes} from "../lib/chain.js";
import {neuronStep} from "../lib/neuron.js";
import {runNeuron} from "../lib/neuronRun.js";
import {formatNumber, texFactor, texNumber} from "./format.js";
import {legend} from "./legend.js";
import {setHtml, setText} from "./liveDom.js";
import {
  frameClip,
  linePath,
  linearMap,
  niceDomain,
  steadyCeiling,
  setLinearAxis,
  svgElement
} from "./liveChart.js";
import {axesOnly, liveDots, liveLine} from "./liveMark.js";
import {logAxis, logMap, setLogAxis} from "./logAxis.js";
import {seriesDash} from "./style.js";

/** Framework's `width` can be 0 for a moment while the page lays out; charts never go below this. */
const MIN_WIDTH = 240;

/** lossChart's domains: steps from the first to max(xMax, last); loss from 0 to a steady ceiling. */
function lossDomains(points, xMax) {
  let top = 0;
  for (const p of points) if (Number.isFinite(p.loss) && p.loss > top) top = p.loss;
  const last = points.length ? points[points.length - 1].step : 0;
  return {
    x: [points[0]?.step ?? 0, Math.max(xMax ?? 10, last)],
    y: niceDomain([0, steadyCeiling(top)])
  };
}

const lossLabel = (points) =>
  `Loss by step, from ${formatNumber(points[0]?.loss)} at step ${points[0]?.step ?? 0} to ${formatNumber(points[points.length - 1]?.loss)} at step ${points.length ? points[points.length - 1].step : 0}`;

/**
 * A chart of loss by step: a line, and a dot per step unless `dots` is false. Plot draws
 * the axes; `chart.update(points, {ariaLabel})` redraws the line, the dots and (when the
 * range changes) the axes in place, so a slider or the Step button never re-renders it.
 */
export function lossChart(
  points,
  {width = 640, height = 220, ariaLabel, xMax, marginLeft = 52, dots = true} = {}
) {
  let domains = lossDomains(points, xMax);
  const chart = Plot.plot({
    width,
    height,
    marginLeft,
    marginBottom: 34,
    ariaLabel: ariaLabel ?? lossLabel(points),
    x: {domain: domains.x, label: "step", labelAnchor: "right", labelArrow: "none"},
    y: {domain: domains.y, label: "loss L", labelArrow: "none", grid: true},
    // the line and the dots are drawn in place, by update
    marks: [Plot.ruleY([0], {strokeOpacity: 0.4}), axesOnly()]
  });
  const xRange = chart.scale("x").range;
  const yRange = chart.scale("y").range;
  const clip = frameClip(chart, xRange, yRange);
  const path = liveLine(chart, {class: "chart-f", "stroke-width": 2, "clip-path": clip});
  const dotGroup = dots ? liveDots(chart, {class: "chart-f loss-dot", "clip-path": clip}, {r: 2.5}) : null;
  chart.update = (next, {ariaLabel} = {}) => {
    const nextDomains = lossDomains(next, xMax);
    for (const axis of ["x", "y"]) {
      const [lo, hi] = nextDomains[axis];
      if (lo === domains[axis][0] && hi === domains[axis][1]) continue;
      setLinearAxis(chart, axis, [lo, hi], axis === "x" ? xRange : yRange);
    }
    domains = nextDomains;
    const x = linearMap(domains.x, xRange);
    const y = linearMap(domains.y, yRange);
    const finite = next.filter((p) => Number.isFinite(p.loss));
    path.setAttribute(
      "d",
      linePath(
        finite.map((p) => p.step),
        finite.map((p) => p.loss),
        x,
        y
      )
    );
    dotGroup?.place(
      finite.map((p) => x(p.step)),
      finite.map((p) => y(p.loss))
    );
    chart.setAttribute("aria-label", ariaLabel ?? lossLabel(next));
    return chart;
  };
  return chart.update(points, {ariaLabel});
}

/**
 * The one-neuron trainer: Step, Run 50 steps and Reset buttons, the current w, b and loss,
 * and the loss-by-step chart. Its state starts from `params` (a NeuronStepInput); the page
 * recreates it whenever a slider changes, which resets it.
 */
export function neuronTrainer(params, {width = 640, maxSteps = 500} = {}) {
  width = Math.max(width, MIN_WIDTH);
  let points = runNeuron(params, 0).points;
  let chart = null;
  let diverged = false;
  const root = document.createElement("div");
  root.className = "trainer";
  root.innerHTML = `<div class="trainer-buttons">
  <button type="button" data-action="step">Step</button>
  <button type="button" data-action="run">Run 50 steps</button>
  <button type="button" data-action="reset">Reset</button>
</div>
<p class="trainer-readout" role="status" aria-live="polite"></p>
<div class="trainer-chart"></div>`;
  const readout = root.querySelector(".trainer-readout");
  const holder = root.querySelector(".trainer-chart");
  const stepButton = root.querySelector("[data-action=step]");
  const runButton = root.querySelector("[data-action=run]");
  const live = (name, value) => `<span class="live" data-trainer="${name}">${formatNumber(value)}</span>`;
  function render() {
    const last = points[points.length - 1];
    const first = points[0];
    setHtml(
      readout,
      `After ${live("step", last.step)} step${last.step === 1 ? "" : "s"}: w = ${live("w", last.w)}, b = ${live("b", last.b)}, ` +
        `loss = ${live("loss", last.loss)} (it started at ${formatNumber(first.loss)}).` +
        (diverged ? " <strong>The weights overflowed: the learning rate is too large.</strong>" : "") +
        (last.step >= maxSteps ? ` The chart stops at ${maxSteps} steps; press Reset.` : "")
    );
    const done = diverged || last.step >= maxSteps;
    stepButton.disabled = done;
    runButton.disabled = done;
    if (chart) chart.update(points);
    else holder.append((chart = lossChart(points, {width, xMax: 50})));
  }
  function advance(n) {
    const last = points[points.length - 1];
    const run = runNeuron({...params, w: last.w, b: last.b}, Math.min(n, maxSteps - last.step), last.step);
    points = points.concat(run.points.slice(1));
    diverged = run.diverged;
    render();
  }
  root.addEventListener("click", (event) => {
    const action = event.target.closest?.("button")?.dataset.action;
    if (action === "step") advance(1);
    else if (action === "run") advance(50);
    else if (action === "reset") {
      points = runNeuron(params, 0).points;
      diverged = false;
      render();
    }
  });
  render();
  /** Starts again from new slider values, at step 0 (the page calls this as they move). */
  root.reset = (next) => {
    params = next;
    points = runNeuron(params, 0).points;
    diverged = false;
    render();
    return root;
  };
  return root;
}

/** A legend of the core activations' line styles, for the vanishing-gradient chart. */
export function seriesLegend(ids = coreActivationIds) {
  return legend(
    ids.map((id) => ({label: activations[id].label, className: `series-${id}`, line: {dash: seriesDash[id]}}))
  );
}

/**
 * Loss by step for the same start (x, w, b, target, learning rate) under every core
 * activation: one small chart each, captioned with the starting slope f′(z) and the loss
 * before and after.
 */
export function lossMultiples(params, {width = 640, steps = 50} = {}) {
  width = Math.max(width, 2 * 120 + 12);
  const columns = width >= 860 ? 5 : width >= 560 ? 3 : 2;
  const gap = 12;
  const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const grid = document.createElement("div");
  grid.className = "multiples";
  grid.style.gridTemplateColumns = `repeat(${columns}, ${panelWidth}px)`;
  grid.style.gap = `${gap}px`;
  const panels = coreActivationIds.map((id) => {
    const figure = document.createElement("figure");
    figure.className = "multiple";
    figure.dataset.activation = id;
    const caption = document.createElement("figcaption");
    caption.innerHTML = `<strong>${activations[id].label}</strong><br>f′(z) = <span class="live"></span><br>loss <span class="live"></span> → <span class="live"></span><span class="overflowed"></span>`;
    figure.append(caption);
    grid.append(figure);
    return {id, figure, caption, spans: caption.querySelectorAll("span"), chart: null};
  });
  /** Runs every activation from `next` (new slider values) and redraws the panels in place. */
  grid.update = (next) => {
    for (const panel of panels) {
      const {id, figure, spans} = panel;
      const start = {...next, activation: id};
      const {points, diverged} = runNeuron(start, steps);
      const {fPrime} = neuronStep(start);
      const label = activations[id].label;
      const first = points[0].loss;
      const last = points[points.length - 1].loss;
      figure.dataset.startLoss = String(first);
      figure.dataset.finalLoss = String(last);
      setText(spans[0], formatNumber(fPrime, {digits: 2}));
      setText(spans[1], formatNumber(first, {digits: 3}));
      setText(spans[2], formatNumber(last, {digits: 3}));
      setText(spans[3], diverged ? " (overflowed)" : "");
      const ariaLabel = `${label}: loss by step over ${points.length - 1} steps, from ${formatNumber(first)} to ${formatNumber(last)}`;
      if (panel.chart) panel.chart.update(points, {ariaLabel});
      else {
        panel.chart = lossChart(points, {
          width: panelWidth,
          height: 130,
          xMax: steps,
          marginLeft: 40,
          dots: false,
          ariaLabel
        });
        figure.append(panel.chart);
      }
    }
    return grid;
  };
  return grid.update(params);
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
  const chart = Plot.plot({
    width,
    height: Math.round(Math.max(240, Math.min(360, width * 0.5))),
    marginLeft: 62,
    marginBottom: 36,
    ariaLabel: layout.ariaLabel,
    x: {
      domain: layout.x,
      label: "layer (1 = first, farthest from the output)",
      labelAnchor: "right",
      labelArrow: "none"
    },
    y: {
      type: "log",
      domain: layout.yAxis.domain,
      ticks: layout.yAxis.ticks,
      label: "|∂L/∂b| at the layer",
      labelArrow: "none",
      grid: true,
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
      liveLine(chart, {class: `series-${id}`, "stroke-width": 2.5, "stroke-dasharray": seriesDash[id]})
    );
  }
  const dots = liveDots(chart, {class: "series-dot", fill: "currentColor", stroke: null}, {r: 3.5});
  const draw = () => {
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
  };
  chart.update = (next, {depth}) => {
    const nextLayout = chainLayout(next, depth);
    if (!sameDomain(nextLayout.x, layout.x)) setLinearAxis(chart, "x", nextLayout.x, xRange);
    setLogAxis(chart, "y", nextLayout.yAxis, layout.yAxis, yRange, logTick);
    layout = nextLayout;
    chart.setAttribute("aria-label", layout.ariaLabel);
    draw();
    return chart;
  };
  draw();
  return chart;
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
  const chart = Plot.plot({
    width,
    height: 200,
    marginLeft: 90,
    marginRight: 16,
    marginBottom: 36,
    ariaLabel: layout.ariaLabel,
    x: {
      type: "log",
      domain: layout.xAxis.domain,
      label: "gradient at the first layer (log scale)",
      labelAnchor: "right",
      labelArrow: "none",
      grid: true,
      tickFormat: logTick,
      ticks: layout.xAxis.ticks
    },
    y: {domain: layout.data.map((d) => d.label), label: null},
    marks: [axesOnly()]
  });
  const xRange = chart.scale("x").range;
  const sy = chart.scale("y");
  const yOf = (label) => sy.apply(label) + (sy.bandwidth ?? 0) / 2;
  const rules = svgElement("g", {
    stroke: "currentColor",
    "stroke-opacity": 0.25,
    transform: "translate(0,0.5)"
  });
  chart.append(rules);
  const rows = layout.data.map(({id}) => {
    const rule = svgElement("line");
    rules.append(rule);
    const group = svgElement("g", {
      class: `series-${id}`,
      fill: "currentColor",
      transform: "translate(0.5,0.5)"
    });
    const dot = svgElement("circle", {r: 5});
    group.append(dot);
    chart.append(group);
    return {id, rule, dot};
  });
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
  const draw = () => {
    const x = logMap(layout.xAxis.domain, xRange);
    layout.data.forEach((d, i) => {
      const {rule, dot} = rows[i];
      const shown = d.gradient > 0 && Number.isFinite(d.gradient);
      const py = yOf(d.label);
      rule.style.display = shown ? "" : "none";
      dot.style.display = shown ? "" : "none";
      if (shown) {
        rule.setAttribute("x1", x(layout.lo));
        rule.setAttribute("x2", x(d.gradient));
        rule.setAttribute("y1", py);
        rule.setAttribute("y2", py);
        dot.setAttribute("cx", x(d.gradient));
        dot.setAttribute("cy", py);
      }
      texts[i].setAttribute("transform", `translate(${x(d.gradient > 0 ? d.gradient : layout.lo)},${py})`);
      setText(texts[i], formatNumber(d.gradient, {digits: 3}));
    });
  };
  chart.update = (next) => {
    const nextLayout = firstLayerLayout(next);
    setLogAxis(chart, "x", nextLayout.xAxis, layout.xAxis, xRange, logTick);
    layout = nextLayout;
    chart.setAttribute("aria-label", layout.ariaLabel);
    draw();
    return chart;
  };
  draw();
  return chart;
}
