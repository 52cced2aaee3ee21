// The playground's training panel: it lays out the buttons (./playgroundControls.js), the
// live numbers, the network drawn live (./networkDiagram.js), the data over the decision map
// (./playgroundDataChart.js), the loss and gradient charts (./playgroundCharts.js) and the
// dead units (./playgroundText.js), and keeps them up to date with a trainer
// (./playgroundTrainer.js).
import * as Plot from "npm:@observablehq/plot/course";
import {html} from "npm:htl";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";
import {announce} from "./liveSlot.js";
import {nearScreen, SETTLE_MS, whenSettled} from "./offscreen.js";
import {trainingButtons} from "./playgroundControls.js";
import {drawDue} from "./frameBudget.js";
import {dataChart} from "./playgroundDataChart.js";
import {gridPass} from "./playgroundPass.js";
import {accuracyText, deadUnitsText, stateMessage, stateName} from "./playgroundText.js";

/** The loss and gradient charts are updated at most this often while training (ms). */
const CHART_INTERVAL_MS = 200;

/**
 * An empty frame of a chart's size, with a blank subtitle: it holds a chart's place until the
 * chart is drawn, so that what follows does not jump.
 */
function placeholder({width, height}) {
  const chart = Plot.plot({
    width,
    height,
    subtitle: "\u00a0",
    axis: null,
    marks: [Plot.frame({strokeOpacity: 0.2})]
  });
  chart.setAttribute("aria-hidden", "true");
  return chart;
}

/**
 * The training panel: play/pause/step/reset, live numbers, the data with the network's
 * decision map, the loss curves, the per-layer gradient sizes and the dead units. Redraws
 * the map and the diagram every frame while training (when that is cheap) and updates the
 * loss and gradient charts in place at most 5 times a second. The panel is drawn once per width: `setTrainer(trainer)` switches it to a
 * new network (new data or architecture) in place, redrawing only the points, the map and
 * the numbers, so the sliders that reset training stay cheap. Call `dispose()` when it goes
 * away.
 */
export function trainingPanel(initialTrainer, {width}) {
  let trainer = null;
  width = Math.max(280, width || 0); // the first width can be 0 before layout
  const twoColumns = width >= 700;
  const chartWidth = Math.floor(twoColumns ? (width - 24) / 2 : width);
  const lossSize = {width: chartWidth, height: Math.round(Math.min(260, Math.max(200, chartWidth * 0.6)))};
  const gradientSize = {width: chartWidth, height: lossSize.height + 20};

  const buttons = trainingButtons(() => trainer);
  const out = {
    seed: html`<span class="live"></span>`,
    epoch: html`<span class="live pg-epoch">0</span>`,
    trainLoss: html`<span class="live pg-train-loss"></span>`,
    testLoss: html`<span class="live pg-test-loss"></span>`,
    accuracy: html`<span class="live pg-accuracy"></span>`,
    state: announce(html`<p class="pg-state"></p>`)
  };
  // the pass over the map's grid per redraw (the outputs over the full grid and, once the
  // diagram has come, every unit at the preview cells), shared by the data chart and the
  // diagram (./playgroundPass.js)
  const pass = gridPass();
  const data = dataChart({size: Math.min(chartWidth, 480), pass});
  // The network diagram (./networkDiagram.js) and the loss and gradient charts
  // (./playgroundCharts.js) load, in one module (./playgroundLazy.js), once the place of either
  // nears the screen: a page that is only opened does not fetch their code. Until then empty
  // frames of the charts' size hold their places, and a box of its usual height the diagram's
  // (style.css).
  const lossSlot = html`<div class="pg-slot pg-loss">${placeholder(lossSize)}</div>`;
  const gradientSlot = html`<div class="pg-slot pg-gradients">${placeholder(gradientSize)}</div>`;
  const legendSlot = html`<div></div>`;
  let chartCode = null;
  const dead = deadUnitsText();
  const diagramSlot = html`<div class="pg-diagram"></div>`;
  let diagram = null;
  let disposed = false;
  const lazy = () => import("./playgroundLazy.js");
  nearScreen(lossSlot, lazy).then((code) => {
    if (disposed) return;
    chartCode = code;
    legendSlot.replaceChildren(code.lossLegend());
    if (trainer !== null) drawCharts();
  });
  nearScreen(diagramSlot, lazy).then(({networkDiagram}) => {
    if (disposed) return;
    diagram = networkDiagram({width, pass, onEdit: (l, j, i, value) => trainer.setWeight(l, j, i, value)});
    diagramSlot.replaceChildren(diagram);
    if (trainer !== null) diagram.show(trainer);
  });

  const root = html`<div class="pg-panel">
    ${buttons}
    <p class="pg-numbers">
      Data seed ${out.seed} · epoch ${out.epoch} · train loss ${out.trainLoss} · test loss ${out.testLoss} ·
      test accuracy ${out.accuracy}
    </p>
    ${out.state} ${diagramSlot}
    <div class="pg-grid" style=${`--pg-columns: ${twoColumns ? 2 : 1}`}>
      <div>
        <div class="pg-slot pg-data">${data}</div>
        ${data.legend}
      </div>
      <div>${lossSlot}${legendSlot}</div>
      <div>${gradientSlot}</div>
      <div>${dead}</div>
    </div>
  </div>`;

  // --- the charts: drawn by Plot for a network's depth, then updated in place, at most 5× a
  // second while training ----------------------------------------------------------------
  let lastCharts = 0;
  let charts = null; // {loss, gradient}, drawn for `charts.gradient.layers` weight layers
  function drawCharts({preview = false} = {}) {
    lastCharts = performance.now();
    if (charts?.gradient.layers === trainer.sizes.length - 1) {
      charts.loss.update(trainer);
      charts.gradient.update(trainer);
    } else if (chartCode !== null) {
      const {lossChart, gradientChart} = chartCode;
      charts = {loss: lossChart(trainer, lossSize), gradient: gradientChart(trainer, gradientSize)};
      lossSlot.replaceChildren(charts.loss);
      gradientSlot.replaceChildren(charts.gradient);
    }
    // a preview (see setTrainer) counts dead units once the slider rests
    const showDead = () => dead.show(trainer);
    if (preview) whenSettled(dead, showDead);
    else showDead();
  }

  // --- the numbers and the state line, written in place ------------------------------------
  function drawNumbers() {
    const epochs = trainer.mlp.stats.epochs;
    setText(out.epoch, String(epochs));
    setText(out.trainLoss, formatNumber(trainer.trainLoss));
    setText(out.testLoss, formatNumber(trainer.testLoss));
    setText(out.accuracy, accuracyText(trainer));
    // exact values for tests and tools; the page shows the rounded ones
    root.dataset.epoch = String(epochs);
    root.dataset.trainLoss = String(trainer.trainLoss);
    root.dataset.testLoss = String(trainer.testLoss);
    root.dataset.inputs = String(trainer.sizes[0]);
  }
  function drawState() {
    buttons.show(trainer);
    setText(out.state, stateMessage(trainer));
    out.state.dataset.state = stateName(trainer);
  }

  // --- the map: while playing it redraws every frame when that is cheap; on a slow machine
  // (a big network) at most once per three times its cost, so training keeps most of the time
  let mapDue = 0;
  function drawMap(type, preview) {
    const now = performance.now();
    if (preview) {
      data.showMap(trainer, true);
      whenSettled(data.canvas, () => data.showMap(trainer));
    } else if (type !== "train" || !trainer.playing || now >= mapDue) {
      data.showMap(trainer);
      mapDue = now + 3 * (performance.now() - now);
    }
  }

  // --- the network diagram: as the map, every frame while that is cheap, else at most once
  // per three times its cost; a preview (a slider moving) waits until the slider rests
  let diagramDue = 0;
  function drawDiagram(type, preview) {
    if (diagram === null) return;
    const now = performance.now();
    const live = type === "train" && trainer.playing;
    if (preview) whenSettled(diagram, () => diagram.show(trainer));
    else if (!live || now >= diagramDue) {
      diagram.show(trainer, {live});
      diagramDue = now + 3 * (performance.now() - now);
    }
  }

  function update(type, {preview = false} = {}) {
    if (type === "play") {
      // the first frame of training draws the network: the click that starts it only changes
      // the buttons and the state line (drawing the same map, diagram and charts here as well
      // made that frame twice as long)
      drawState();
      return;
    }
    if (type === "config") {
      // a new learning rate or batch size: only the loss chart's subtitle names them
      charts?.loss.update(trainer);
      return;
    }
    pass.invalidate(); // the network changed: the first chart drawn from here runs the pass
    // while training, the charts when they are due, in a frame of their own: the map and the
    // diagram wait for the next frame
    const playing = type === "train" && trainer.playing;
    const chartsDue = drawDue({
      playing,
      now: performance.now(),
      last: lastCharts,
      interval: CHART_INTERVAL_MS
    });
    if (!(playing && chartsDue)) {
      drawMap(type, preview);
      drawDiagram(type, preview);
    }
    drawNumbers();
    drawState();
    if (chartsDue) drawCharts({preview});
  }

  let unsubscribe = () => {};
  let lastSwitch = -Infinity;
  /**
   * Shows `next` (a trainer from createTrainer) in this panel: its points, map, numbers and
   * charts. Trainers that follow each other quickly (a slider dragged through data sets or
   * architectures) get a preview map, and the last one its full map once the slider rests.
   */
  root.setTrainer = (next) => {
    if (next === trainer) return root;
    const now = performance.now();
    const preview = now - lastSwitch < SETTLE_MS;
    lastSwitch = now;
    unsubscribe();
    trainer = next;
    setText(out.seed, String(trainer.seed));
    data.showData(trainer.train, trainer.test, trainer); // the same data: the points stay as drawn
    unsubscribe = trainer.subscribe(update);
    update("state", {preview});
    return root;
  };

  const scheme = matchMedia("(prefers-color-scheme: dark)");
  const onScheme = () => {
    data.recolor();
    diagram?.recolor();
  };
  scheme.addEventListener("change", onScheme);
  if (initialTrainer) root.setTrainer(initialTrainer);

  root.dispose = () => {
    unsubscribe();
    disposed = true;
    scheme.removeEventListener("change", onScheme);
  };
  root.canvas = data.canvas;
  root.dataChart = data;
  return root;
}
