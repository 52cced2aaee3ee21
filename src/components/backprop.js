// Components of the backpropagation page: live numbers in TeX, the one-neuron trainer with
// its loss-by-step chart, loss-by-step small multiples for every core activation, and the
// vanishing-gradient charts. All numbers come from lib/ (neuronStep, runNeuron, chainSlopes).
import * as Plot from "npm:@observablehq/plot/course";
import {activations, coreActivationIds} from "../lib/activations.js";
import {chainSlopes} from "../lib/chain.js";
import {neuronStep} from "../lib/neuron.js";
import {runNeuron} from "../lib/neuronRun.js";
import {formatNumber, texFactor, texNumber} from "./format.js";

/** Framework's `width` can be 0 for a moment while the page lays out; charts never go below this. */
const MIN_WIDTH = 240;

/** The TeX name of an activation applied to z ("\sigma(z)"), or of its derivative ("\sigma'(z)"). */
export function texApplied(activation, {prime = false, variable = "z"} = {}) {
  return activation.tex.name.replace(/\(x\)$/, `${prime ? "'" : ""}(${variable})`);
}

/** The TeX display of a formula, named for screen readers (KaTeX's HTML output reads poorly). */
export function spokenMath(element, label) {
  const wrapper = document.createElement("div");
  wrapper.className = "math-display";
  wrapper.setAttribute("role", "img");
  wrapper.setAttribute("aria-label", label);
  wrapper.append(element);
  return wrapper;
}

/** A chart of loss by step: a line, and a dot per step unless `dots` is false. */
export function lossChart(
  points,
  {width = 640, height = 220, ariaLabel, xMax, marginLeft = 52, dots = true} = {}
) {
  const finite = points.filter((p) => Number.isFinite(p.loss));
  const top = Math.max(0, ...finite.map((p) => p.loss));
  const last = points.length ? points[points.length - 1].step : 0;
  return Plot.plot({
    width,
    height,
    marginLeft,
    marginBottom: 34,
    ariaLabel:
      ariaLabel ??
      `Loss by step, from ${formatNumber(points[0]?.loss)} at step ${points[0]?.step ?? 0} to ${formatNumber(points[points.length - 1]?.loss)} at step ${last}`,
    x: {
      domain: [points[0]?.step ?? 0, Math.max(xMax ?? 10, last)],
      label: "step",
      labelAnchor: "right",
      labelArrow: "none"
    },
    y: {domain: [0, top > 0 ? top * 1.08 : 1], label: "loss L", labelArrow: "none", grid: true, nice: true},
    marks: [
      Plot.ruleY([0], {strokeOpacity: 0.4}),
      Plot.line(finite, {x: "step", y: "loss", className: "chart-f", strokeWidth: 2, clip: true}),
      dots
        ? Plot.dot(finite, {x: "step", y: "loss", className: "chart-f loss-dot", r: 2.5, clip: true})
        : null
    ]
  });
}

/**
 * The one-neuron trainer: Step, Run 50 steps and Reset buttons, the current w, b and loss,
 * and the loss-by-step chart. Its state starts from `params` (a NeuronStepInput); the page
 * recreates it whenever a slider changes, which resets it.
 */
export function neuronTrainer(params, {width = 640, maxSteps = 500} = {}) {
  width = Math.max(width, MIN_WIDTH);
  let points = runNeuron(params, 0).points;
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
    readout.innerHTML =
      `After ${live("step", last.step)} step${last.step === 1 ? "" : "s"}: w = ${live("w", last.w)}, b = ${live("b", last.b)}, ` +
      `loss = ${live("loss", last.loss)} (it started at ${formatNumber(first.loss)}).` +
      (diverged ? " <strong>The weights overflowed: the learning rate is too large.</strong>" : "") +
      (last.step >= maxSteps ? ` The chart stops at ${maxSteps} steps; press Reset.` : "");
    const done = diverged || last.step >= maxSteps;
    stepButton.disabled = done;
    runButton.disabled = done;
    holder.replaceChildren(lossChart(points, {width, xMax: 50}));
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
  return root;
}

/** The dash pattern of each core activation's line; its colour comes from the CSS class .series-<id> (sets `color`). */
export const seriesDash = {sigmoid: "none", tanh: "7 3", relu: "2 3", leakyRelu: "9 3 2 3", linear: "1 4"};

/** A legend of the core activations' line styles. */
export function seriesLegend(ids = coreActivationIds) {
  const legend = document.createElement("div");
  legend.className = "legend";
  for (const id of ids) {
    const item = document.createElement("span");
    item.innerHTML = `<svg width="28" height="10" aria-hidden="true"><line class="series-${id}" stroke="currentColor" x1="1" x2="27" y1="5" y2="5" stroke-width="2.5" stroke-dasharray="${seriesDash[id]}"></line></svg>`;
    item.append(activations[id].label);
    legend.append(item);
  }
  return legend;
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
  for (const id of coreActivationIds) {
    const start = {...params, activation: id};
    const {points, diverged} = runNeuron(start, steps);
    const {fPrime} = neuronStep(start);
    const label = activations[id].label;
    const first = points[0].loss;
    const last = points[points.length - 1].loss;
    const figure = document.createElement("figure");
    figure.className = "multiple";
    figure.dataset.activation = id;
    figure.dataset.startLoss = String(first);
    figure.dataset.finalLoss = String(last);
    const caption = document.createElement("figcaption");
    caption.innerHTML = `<strong>${label}</strong><br>f′(z) = <span class="live">${formatNumber(fPrime, {digits: 2})}</span><br>loss <span class="live">${formatNumber(first, {digits: 3})}</span> → <span class="live">${formatNumber(last, {digits: 3})}</span>${diverged ? " (overflowed)" : ""}`;
    figure.append(
      caption,
      lossChart(points, {
        width: panelWidth,
        height: 130,
        xMax: steps,
        marginLeft: 40,
        dots: false,
        ariaLabel: `${label}: loss by step over ${points.length - 1} steps, from ${formatNumber(first)} to ${formatNumber(last)}`
      })
    );
    grid.append(figure);
  }
  return grid;
}

/** chainSlopes for every core activation at this depth and weight. */
export function chainsFor(depth, weight, ids = coreActivationIds) {
  return ids.map((id) => ({id, label: activations[id].label, ...chainSlopes(id, depth, {weight})}));
}

const logTick = (d) => formatNumber(d, {digits: 2});

/** A log-scale domain of whole decades around [lo, hi] and at most `count` power-of-ten ticks in it. */
export function decades(lo, hi, count = 6) {
  let e0 = Math.floor(Math.log10(lo));
  let e1 = Math.ceil(Math.log10(hi));
  if (e0 === e1) ((e0 -= 1), (e1 += 1));
  const every = Math.max(1, Math.ceil((e1 - e0) / count));
  const ticks = [];
  for (let e = e1; e >= e0; e -= every) ticks.push(10 ** e);
  return {domain: [10 ** e0, 10 ** e1], ticks};
}

/** The gradient magnitude at every layer of each chain, on a log scale (zeros cannot show). */
export function chainChart(chains, {width = 640, depth}) {
  width = Math.max(width, MIN_WIDTH);
  const rows = chains.flatMap(({id, label, gradients}) =>
    gradients.map((gradient, i) => ({id, label, layer: i + 1, gradient}))
  );
  const shown = rows.filter((r) => r.gradient > 0 && Number.isFinite(r.gradient));
  const values = shown.map((r) => r.gradient);
  const {domain, ticks} = decades(Math.min(...values, 1), Math.max(...values, 1));
  return Plot.plot({
    width,
    height: Math.round(Math.max(240, Math.min(360, width * 0.5))),
    marginLeft: 62,
    marginBottom: 36,
    ariaLabel: `Gradient magnitude at each of ${depth} layers, first layer on the left, log scale: ${chains
      .map((c) => `${c.label} reaches the first layer with ${formatNumber(c.firstLayerGradient)}`)
      .join("; ")}`,
    x: {
      domain: [1, Math.max(2, depth)],
      label: "layer (1 = first, farthest from the output)",
      labelAnchor: "right",
      labelArrow: "none"
    },
    y: {
      type: "log",
      domain,
      ticks,
      label: "|∂L/∂b| at the layer",
      labelArrow: "none",
      grid: true,
      tickFormat: logTick
    },
    marks: [
      ...chains.map(({id}) =>
        Plot.line(
          shown.filter((r) => r.id === id),
          {
            x: "layer",
            y: "gradient",
            className: `series-${id}`,
            strokeWidth: 2.5,
            strokeDasharray: seriesDash[id]
          }
        )
      ),
      Plot.dot(
        shown.filter((r) => r.layer === 1),
        {x: "layer", y: "gradient", className: "series-dot", r: 3.5, fill: "currentColor"}
      )
    ]
  });
}

/** A dot per activation: the gradient that reaches the first layer, on a log scale. */
export function firstLayerChart(chains, {width = 640}) {
  width = Math.max(width, MIN_WIDTH);
  const data = chains.map(({id, label, firstLayerGradient}) => ({id, label, gradient: firstLayerGradient}));
  const positive = data.filter((d) => d.gradient > 0 && Number.isFinite(d.gradient));
  const values = positive.map((d) => d.gradient);
  const {domain, ticks} = decades(Math.min(1e-3, ...values), Math.max(1, ...values), 5);
  const [lo, hi] = domain;
  return Plot.plot({
    width,
    height: 200,
    marginLeft: 90,
    marginRight: 16,
    marginBottom: 36,
    ariaLabel: `Gradient reaching the first layer, log scale: ${data.map((d) => `${d.label} ${formatNumber(d.gradient)}`).join(", ")}`,
    x: {
      type: "log",
      // room on the right for the value labels
      domain: [lo, hi * Math.max(30, (hi / lo) ** 0.3)],
      label: "gradient at the first layer (log scale)",
      labelAnchor: "right",
      labelArrow: "none",
      grid: true,
      tickFormat: logTick,
      ticks
    },
    y: {domain: data.map((d) => d.label), label: null},
    marks: [
      Plot.ruleY(positive, {y: "label", x1: lo, x2: "gradient", strokeOpacity: 0.25}),
      ...positive.map((d) =>
        Plot.dot([d], {x: "gradient", y: "label", r: 5, fill: "currentColor", className: `series-${d.id}`})
      ),
      Plot.text(data, {
        x: (d) => (d.gradient > 0 ? d.gradient : lo),
        y: "label",
        text: (d) => formatNumber(d.gradient, {digits: 3}),
        textAnchor: "start",
        dx: 9,
        fill: "currentColor"
      })
    ]
  });
}
