// The one-neuron trainer of the backpropagation page, with its loss-by-step chart, and
// loss-by-step small multiples for every core activation; with them, the pieces the other
// trainers and multiples are built from (trainerFrame: walkTrainer.js; lossChart and
// lossPanels: lossComparison.js). All numbers come from lib/ (neuronStep, runNeuron). The
// vanishing-gradient charts are in vanishingCharts.js.
import {activations, coreActivationIds} from "../lib/activations.js";
import {neuronStep} from "../lib/neuron.js";
import {runNeuron} from "../lib/neuronRun.js";
import {coursePlot, zeroRules} from "./coursePlot.js";
import {formatNumber} from "./format.js";
import {setHtml, setText} from "./liveDom.js";
import {announce} from "./liveSlot.js";
import {frameClip, linePath, linearMap, niceDomain, steadyCeiling, setLinearAxis} from "./liveChart.js";
import {axesOnly, liveDots, liveLine} from "./liveMark.js";

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
  const chart = coursePlot({
    width,
    height,
    marginLeft,
    marginBottom: 34,
    ariaLabel: ariaLabel ?? lossLabel(points),
    x: {domain: domains.x, label: "step"},
    y: {domain: domains.y, label: "loss L"},
    // the line and the dots are drawn in place, by update
    marks: [...zeroRules({x: false}), axesOnly()]
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
 * The frame of a trainer, written into `root`: its step, run and reset buttons, with the
 * words of `labels` ({step, run, reset}), a readout announced to screen readers (class
 * trainer-readout, and `readoutClass` if given) and a box for its loss chart (class
 * `chartClass`). A click on a button calls `onAction("step" | "run" | "reset")`.
 * Returns {readout, chartBox, stepButton, runButton}.
 */
export function trainerFrame(root, {labels, readoutClass, chartClass, onAction}) {
  root.innerHTML = `<div class="trainer-buttons">
  <button type="button" data-action="step">${labels.step}</button>
  <button type="button" data-action="run">${labels.run}</button>
  <button type="button" data-action="reset">${labels.reset}</button>
</div>
<p class="${readoutClass ? `trainer-readout ${readoutClass}` : "trainer-readout"}"></p>
<div class="${chartClass}"></div>`;
  root.addEventListener("click", (event) => {
    const action = event.target.closest?.("button")?.dataset.action;
    if (action) onAction(action);
  });
  return {
    readout: announce(root.querySelector(".trainer-readout")),
    chartBox: root.querySelector(`.${chartClass}`),
    stepButton: root.querySelector("[data-action=step]"),
    runButton: root.querySelector("[data-action=run]")
  };
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
  const {readout, chartBox, stepButton, runButton} = trainerFrame(root, {
    labels: {step: "Step", run: "Run 50 steps", reset: "Reset"},
    chartClass: "trainer-chart",
    onAction: (action) => {
      if (action === "step") advance(1);
      else if (action === "run") advance(50);
      else if (action === "reset") {
        points = runNeuron(params, 0).points;
        diverged = false;
        render();
      }
    }
  });
  const live = (name, value) =>
    `<span class="live" data-live="trainer-${name}">${formatNumber(value)}</span>`;
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
    else chartBox.append((chart = lossChart(points, {width, xMax: 50})));
  }
  function advance(n) {
    const last = points[points.length - 1];
    const run = runNeuron({...params, w: last.w, b: last.b}, Math.min(n, maxSteps - last.step), last.step);
    points = points.concat(run.points.slice(1));
    diverged = run.diverged;
    render();
  }
  render();
  /** Starts again from new slider values, at step 0 (the page calls this as they move). */
  root.update = (next) => {
    params = next;
    points = runNeuron(params, 0).points;
    diverged = false;
    render();
    return root;
  };
  return root;
}

/**
 * Small multiples of loss by step: a grid of `columns` columns over `width`, one panel per
 * key of `keys`, a figure (data-<dataName> = key) with the caption `caption(key)` (HTML; its
 * spans are the panel's `spans`, for the caller to fill). `panel.show(points, label)` draws
 * the panel's lossChart (with `chart`'s options), or updates it in place, and keeps the
 * first and last loss in the figure's data-start-loss and data-final-loss; it returns them.
 */
export function lossPanels(keys, {width, columns, className = "multiples", dataName, caption, chart: chartOptions}) {
  const gap = 12;
  const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const grid = document.createElement("div");
  grid.className = className;
  grid.style.gridTemplateColumns = `repeat(${columns}, ${panelWidth}px)`;
  grid.style.gap = `${gap}px`;
  const panels = keys.map((key) => {
    const figure = document.createElement("figure");
    figure.className = "multiple";
    figure.dataset[dataName] = key;
    const figcaption = document.createElement("figcaption");
    figcaption.innerHTML = caption(key);
    figure.append(figcaption);
    grid.append(figure);
    let chart = null;
    const show = (points, label) => {
      const first = points[0].loss;
      const last = points[points.length - 1].loss;
      figure.dataset.startLoss = String(first);
      figure.dataset.finalLoss = String(last);
      const ariaLabel = `${label}: loss by step over ${points.length - 1} steps, from ${formatNumber(first)} to ${formatNumber(last)}`;
      if (chart) chart.update(points, {ariaLabel});
      else figure.append((chart = lossChart(points, {...chartOptions, width: panelWidth, dots: false, ariaLabel})));
      return {first, last};
    };
    return {key, spans: figcaption.querySelectorAll("span"), show};
  });
  return {grid, panels};
}

/**
 * Loss by step for the same start (x, w, b, target, learning rate) under every core
 * activation: one small chart each, captioned with the starting slope f′(z) and the loss
 * before and after.
 */
export function lossMultiples(params, {width = 640, steps = 50} = {}) {
  width = Math.max(width, 2 * 120 + 12);
  const {grid, panels} = lossPanels(coreActivationIds, {
    width,
    columns: width >= 860 ? 5 : width >= 560 ? 3 : 2,
    dataName: "activation",
    caption: (id) =>
      `<strong>${activations[id].label}</strong><br>f′(z) = <span class="live"></span><br>loss <span class="live"></span> → <span class="live"></span><span class="overflowed"></span>`,
    chart: {height: 130, xMax: steps, marginLeft: 40}
  });
  /** Runs every activation from `next` (new slider values) and redraws the panels in place. */
  grid.update = (next) => {
    for (const {key: id, spans, show} of panels) {
      const start = {...next, activation: id};
      const {points, diverged} = runNeuron(start, steps);
      const {first, last} = show(points, activations[id].label);
      setText(spans[0], formatNumber(neuronStep(start).fPrime, {digits: 2}));
      setText(spans[1], formatNumber(first, {digits: 3}));
      setText(spans[2], formatNumber(last, {digits: 3}));
      setText(spans[3], diverged ? " (overflowed)" : "");
    }
    return grid;
  };
  return grid.update(params);
}
