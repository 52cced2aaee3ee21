import * as Plot from "npm:@observablehq/plot/course";
import {html} from "npm:htl";
import {createMlp, deadUnits, meanLoss, predict, trainEpoch} from "../lib/mlp.js";
import {accuracy, gridInputs} from "../lib/datasets.js";
import {EpochHistory} from "../lib/playground.js";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";
import {frameClip, linearMap, svgElement} from "./liveChart.js";
import {SETTLE_MS, whenSettled} from "./offscreen.js";

/** Half the side of the square the data chart shows: the datasets lie in about [−1, 1]². */
export const EXTENT = 1.6;
/** Pixels per side of the decision heatmap (a prediction per pixel, stretched smoothly). */
const RESOLUTION = 60;
/** The preview heatmap predicts once per this many pixels square (a divisor of RESOLUTION). */
const PREVIEW_BLOCK = 3;
/** Most of a frame the training loop may use, so the page stays responsive. */
const FRAME_BUDGET_MS = 8;
/** Loss and gradient charts redraw at most this often while training. */
const CHART_INTERVAL_MS = 100;

/**
 * A slider over a fixed list of values (e.g. log-spaced learning rates): its range input
 * moves over the indices, and the form's `value` is the chosen entry. Keyboard-operable,
 * with the value read out (aria-valuetext) and shown beside it.
 */
export function choiceSlider(values, {label, value, format = (v) => formatNumber(v)} = {}) {
  let index = Math.max(0, values.indexOf(value));
  const id = `choice-slider-${++choiceSlider.count}`;
  const form = html`<form class="pg-choice-slider">
    <label for=${id}>${label}</label>
    <div class="pg-choice-row">
      <input id=${id} type="range" min="0" max=${values.length - 1} step="1" value=${index} />
      <output for=${id}></output>
    </div>
  </form>`;
  const input = form.querySelector("input");
  const output = form.querySelector("output");
  const show = () => {
    output.textContent = format(values[index]);
    input.setAttribute("aria-valuetext", format(values[index]));
  };
  show();
  input.addEventListener("input", () => {
    index = input.valueAsNumber;
    show();
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  Object.defineProperty(form, "value", {
    get: () => values[index],
    set: (v) => {
      const i = values.indexOf(v);
      if (i >= 0) ((index = i), (input.value = String(i)), show());
    }
  });
  return form;
}
choiceSlider.count = 0;

/**
 * Trains a network on the training set in slices per animation frame. Starts paused at
 * epoch 0. Listeners get "train" after every slice of epochs, "state" on play/pause/reset
 * and "config" when the learning rate or batch size changes.
 */
export function createTrainer({
  train,
  test,
  sizes,
  activation,
  seed,
  learningRate,
  batchSize,
  epochsPerFrame = 5
}) {
  const listeners = new Set();
  const emit = (type) => listeners.forEach((listener) => listener(type));
  const trainer = {
    train,
    test,
    sizes,
    activation,
    seed,
    learningRate,
    batchSize,
    epochsPerFrame,
    playing: false,
    diverged: false,
    mlp: null,
    losses: null,
    gradients: null,
    trainLoss: NaN,
    testLoss: NaN,
    testAccuracy: NaN,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Back to the seeded initial weights, epoch 0, empty charts, paused. */
    reset() {
      trainer.pause();
      // The seeded network in lib's plain loops: quick to build, and that code is already warm,
      // so a slider that resets training stays cheap. The version compiled for this shape
      // (several times faster to train, same results) is built by the first epoch.
      trainer.mlp = createMlp({sizes, activation, seed, compile: false});
      compiled = false;
      trainer.losses = new EpochHistory(250);
      trainer.gradients = new EpochHistory(250);
      trainer.diverged = false;
      measure();
      emit("state");
    },
    /** One epoch (one pass over the training set in mini-batches). */
    step() {
      if (trainer.diverged) return;
      epoch();
      emit("train");
    },
    play() {
      if (trainer.playing || trainer.diverged) return;
      trainer.playing = true;
      frame = requestAnimationFrame(loop);
      emit("state");
    },
    pause() {
      if (frame !== null) cancelAnimationFrame(frame);
      frame = null;
      if (!trainer.playing) return;
      trainer.playing = false;
      emit("state");
    },
    setOptions(options) {
      Object.assign(trainer, options);
      emit("config");
    },
    dispose() {
      trainer.pause();
      listeners.clear();
    }
  };
  let frame = null;
  let compiled = false;

  // the test set's outputs, from the pass that measures its loss, give its accuracy
  const testOutputs = new Float64Array(test.targets.length);
  function measure() {
    trainer.trainLoss = meanLoss(trainer.mlp, train.inputs, train.targets);
    trainer.testLoss = meanLoss(trainer.mlp, test.inputs, test.targets, testOutputs);
    trainer.testAccuracy = accuracy(testOutputs, test.targets);
  }

  function epoch() {
    if (!compiled) {
      // epoch 0 is the seeded start, so the compiled network starts from the same weights
      trainer.mlp = createMlp({sizes, activation, seed});
      compiled = true;
    }
    const {mlp} = trainer;
    trainEpoch(mlp, train.inputs, train.targets, {
      learningRate: trainer.learningRate,
      batchSize: trainer.batchSize
    });
    measure();
    const e = mlp.stats.epochs;
    trainer.losses.push(e, [trainer.trainLoss, trainer.testLoss]);
    trainer.gradients.push(e, Array.from(mlp.stats.gradientNorms));
    if (!Number.isFinite(trainer.trainLoss)) {
      trainer.diverged = true;
      trainer.pause();
    }
  }

  function loop() {
    frame = null;
    const start = performance.now();
    let done = 0;
    do epoch();
    while (
      ++done < trainer.epochsPerFrame &&
      !trainer.diverged &&
      performance.now() - start < FRAME_BUDGET_MS
    );
    emit("train");
    if (trainer.playing) frame = requestAnimationFrame(loop);
  }

  trainer.reset();
  return trainer;
}

/** [r, g, b] of any CSS colour (hex, rgb(), color-mix(), var() already resolved…). */
function rgbOf(color, context) {
  context.clearRect(0, 0, 1, 1);
  context.fillStyle = "#000";
  context.fillStyle = color;
  context.fillRect(0, 0, 1, 1);
  const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
  return [r, g, b];
}

/** The heatmap's colours, read from the page's CSS variables (so they follow dark mode). */
function heatmapColors(element) {
  const style = getComputedStyle(element);
  const probe = document.createElement("canvas").getContext("2d", {willReadFrequently: true});
  return {
    positive: rgbOf(style.getPropertyValue("--pg-positive").trim() || "#0072b2", probe),
    negative: rgbOf(style.getPropertyValue("--pg-negative").trim() || "#c45200", probe),
    background: rgbOf(style.getPropertyValue("--theme-background").trim() || "#fff", probe)
  };
}

/**
 * A log axis over these positive values: whole decades as the domain, ticks at powers of
 * ten (every other one or sparser over many decades) plus 2× and 5× over a decade or two.
 */
function logAxis(values) {
  let lo = Math.floor(Math.log10(Math.min(...values)));
  let hi = Math.ceil(Math.log10(Math.max(...values)));
  if (hi === lo) hi++;
  const step = Math.max(1, Math.ceil((hi - lo) / 6));
  lo = hi - step * Math.ceil((hi - lo) / step);
  const ticks = [];
  for (let k = lo; k <= hi; k += step) {
    ticks.push(10 ** k);
    if (hi - lo <= 2 && k < hi) ticks.push(2 * 10 ** k, 5 * 10 ** k);
  }
  return {domain: [10 ** lo, 10 ** hi], ticks};
}

/** Plot names a frame's <rect> with aria-label, which ARIA allows only with a role: drop it. */
function tidy(chart) {
  for (const rect of chart.querySelectorAll("rect[aria-label]")) rect.removeAttribute("aria-label");
  return chart;
}

const LIGHT_COLORS = {positive: [0, 114, 178], negative: [196, 82, 0], background: [255, 255, 255]};

function layerName(l, layers) {
  return l === layers - 1 ? "output" : `layer ${l + 1}`;
}

/** "2 → 4 → 4 → 1" */
export function describeSizes(sizes) {
  return sizes.join(" → ");
}

const round = (v) => Math.round(v * 10) / 10;

/** The centres of a side × side grid of cells over the data chart's square, and room for a prediction at each. */
function heatmapGrid(side) {
  const half = EXTENT / side;
  const domain = [-EXTENT + half, EXTENT - half];
  return {side, inputs: gridInputs(domain, domain, side, side), values: new Float64Array(side * side)};
}

/** A circle of radius r as relative path data, from a "M" at its centre. */
function circleShape(r) {
  return `m${-r},0a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0z`;
}

/** d3's diamond symbol of Plot's dot radius r (area πr²) as relative path data, from a "M" at its centre. */
function diamondShape(r) {
  const tan30 = Math.sqrt(1 / 3);
  const y = round(Math.sqrt((Math.PI * r * r) / (tan30 * 2)));
  const x = round(y * tan30);
  return `m0,${-y}l${x},${y}l${-x},${y}l${-x},${-y}z`;
}

/**
 * The playground's training panel: play/pause/step/reset, live numbers, the data with the
 * network's decision heatmap, the loss curves, the per-layer gradient sizes and the dead
 * units. Redraws the heatmap every frame (canvas putImageData) and the Plot charts at most
 * 10 times a second. The panel is drawn once per width: `setTrainer(trainer)` switches it
 * to a new network (new data or architecture) in place, redrawing only the points, the
 * heatmap and the numbers, so the sliders that reset training stay cheap. Call `dispose()`
 * when it goes away.
 */
export function trainingPanel(initialTrainer, {width}) {
  let trainer = null;
  let train;
  let test;
  let sizes;
  let activation;
  let layers;
  width = Math.max(280, width || 0); // the first width can be 0 before layout
  const twoColumns = width >= 700;
  const gap = 24;
  const chartWidth = Math.floor(twoColumns ? (width - gap) / 2 : width);

  const playButton = html`<button type="button" class="pg-play" aria-pressed="false"></button>`;
  const stepButton = html`<button type="button">Step one epoch</button>`;
  const resetButton = html`<button type="button">Reset</button>`;
  const seedOut = html`<span class="live"></span>`;
  const epochOut = html`<span class="live pg-epoch">0</span>`;
  const trainLossOut = html`<span class="live pg-train-loss"></span>`;
  const testLossOut = html`<span class="live pg-test-loss"></span>`;
  const accuracyOut = html`<span class="live pg-accuracy"></span>`;
  const stateOut = html`<p class="pg-state" role="status" aria-live="polite"></p>`;
  const dataSlot = html`<div class="pg-slot pg-data"></div>`;
  const lossSlot = html`<div class="pg-slot pg-loss"></div>`;
  const gradientSlot = html`<div class="pg-slot pg-gradients"></div>`;
  const deadOut = html`<div class="pg-dead"></div>`;

  const root = html`<div class="pg-panel">
    <div class="pg-buttons">${playButton}${stepButton}${resetButton}</div>
    <p class="pg-numbers">
      Data seed ${seedOut} · epoch ${epochOut} · train loss ${trainLossOut} · test loss ${testLossOut} · test
      accuracy ${accuracyOut}
    </p>
    ${stateOut}
    <div class="pg-grid" style=${`--pg-columns: ${twoColumns ? 2 : 1}`}>
      <div>${dataSlot}${dataLegend()}</div>
      <div>
        ${lossSlot}
        <p class="pg-legend">
          <span class="pg-key pg-key-train"></span>training set <span class="pg-key pg-key-test"></span>test
          set
        </p>
      </div>
      <div>${gradientSlot}</div>
      <div>${deadOut}</div>
    </div>
  </div>`;

  // --- the decision heatmap: one prediction per canvas pixel --------------------------
  const canvas = html`<canvas class="pg-heatmap" width=${RESOLUTION} height=${RESOLUTION}></canvas>`;
  const context = canvas.getContext("2d");
  const image = context.createImageData(RESOLUTION, RESOLUTION);
  const pixels = new Uint32Array(image.data.buffer);
  const color = new Uint8ClampedArray(4);
  const colorPixel = new Uint32Array(color.buffer);
  // gridInputs puts row 0 at the bottom; pixel rows run from the top, so flip when drawing.
  // While a slider sweeps through networks, each is previewed with one prediction per 3×3
  // pixels (PREVIEW_BLOCK); the full map follows once the slider rests (see setTrainer).
  const grids = {1: heatmapGrid(RESOLUTION), [PREVIEW_BLOCK]: heatmapGrid(RESOLUTION / PREVIEW_BLOCK)};
  let colors = null;

  /** Draws the decision map; `block` > 1 predicts once per block × block pixels (the quick preview). */
  function drawHeatmap(block = 1) {
    if (!trainer) return;
    // CSS variables resolve only once the panel is in the page; until then use the light colours
    if (colors === null && root.isConnected) colors = heatmapColors(root);
    const {side, inputs, values} = grids[block];
    predict(trainer.mlp, inputs, values);
    const {positive, negative, background} = colors ?? LIGHT_COLORS;
    // each cell's colour once, as RGBA bytes read back as one 32-bit pixel (in the platform's
    // byte order, the same the image's 32-bit view writes back), then copied to its pixels
    color[3] = 255;
    for (let cellRow = 0; cellRow < side; cellRow++) {
      const source = (side - 1 - cellRow) * side;
      for (let cellCol = 0; cellCol < side; cellCol++) {
        const o = values[source + cellCol];
        // how sure, 0–1; a non-finite output (a diverged network) shows as background
        const t = Number.isFinite(o) ? Math.min(1, Math.abs(o)) * 0.65 : 0;
        const c = o > 0 ? positive : negative;
        color[0] = background[0] + (c[0] - background[0]) * t;
        color[1] = background[1] + (c[1] - background[1]) * t;
        color[2] = background[2] + (c[2] - background[2]) * t;
        const pixel = colorPixel[0];
        const first = cellRow * block * RESOLUTION + cellCol * block;
        const end = first + block * RESOLUTION;
        for (let row = first; row < end; row += RESOLUTION) pixels.fill(pixel, row, row + block);
      }
    }
    context.putImageData(image, 0, 0);
    canvas.dataset.block = String(block);
  }

  /** A Plot mark that places the heatmap canvas exactly over the chart's frame. */
  function heatmapMark(index, {x, y}) {
    const foreign = document.createElementNS("http://www.w3.org/2000/svg", "foreignObject");
    const x0 = x(-EXTENT);
    const y0 = y(EXTENT);
    foreign.setAttribute("x", x0);
    foreign.setAttribute("y", y0);
    foreign.setAttribute("width", x(EXTENT) - x0);
    foreign.setAttribute("height", y(-EXTENT) - y0);
    foreign.append(canvas);
    return foreign;
  }

  // --- the data chart: Plot draws the axes, the frame and the heatmap once; the points are
  // drawn by drawPoints in the shapes of Plot's dot mark (circles and diamonds)
  const side = Math.min(chartWidth, 480);
  const dataChart = Plot.plot({
    width: side,
    height: side,
    marginLeft: 40,
    marginBottom: 36,
    ariaLabel: "The training and test points over the network's decision map",
    ariaDescription:
      "Blue circles: class +1; orange diamonds: class −1; filled: training set, hollow: test set. The background is blue where the network predicts +1 and orange where it predicts −1, paler where it is less sure.",
    x: {domain: [-EXTENT, EXTENT], label: "x₁", labelArrow: "none"},
    y: {domain: [-EXTENT, EXTENT], label: "x₂", labelArrow: "none"},
    // the empty dot gives Plot the x and y channels for the axes
    marks: [heatmapMark, Plot.frame({strokeOpacity: 0.3}), Plot.dot([], {x: (d) => d, y: (d) => d})]
  });
  const sx = dataChart.scale("x");
  const sy = dataChart.scale("y");
  const clip = frameClip(dataChart, sx.range, sy.range);
  // One path per group (class and set) holds all its points as subpaths: a new dataset
  // rewrites four attributes instead of moving hundreds of elements.
  const pointPaths = [
    [true, 1],
    [true, -1],
    [false, 1],
    [false, -1]
  ].map(([filled, label]) => {
    const color = label > 0 ? "var(--pg-positive)" : "var(--pg-negative)";
    const path = svgElement("path", {
      class: `pg-points-${filled ? "train" : "test"} pg-points-${label > 0 ? "positive" : "negative"}`,
      fill: filled ? color : "var(--theme-background)",
      stroke: filled ? "var(--theme-background)" : color,
      "stroke-width": filled ? 0.75 : 1.75,
      transform: "translate(0.5,0.5)",
      "clip-path": clip
    });
    dataChart.append(path);
    return {filled, label, path};
  });
  const pointShape = {1: circleShape(3.5), [-1]: diamondShape(3.5)};
  // the chart's linear scales as plain arithmetic: a new dataset places hundreds of points
  const px = linearMap(sx.domain, sx.range);
  const py = linearMap(sy.domain, sy.range);
  function drawPoints() {
    for (const {filled, label, path} of pointPaths) {
      const set = filled ? train : test;
      const shape = pointShape[label];
      let d = "";
      for (let i = 0; i < set.targets.length; i++) {
        if (set.targets[i] !== label) continue;
        d += `M${round(px(set.inputs[2 * i]))},${round(py(set.inputs[2 * i + 1]))}${shape}`;
      }
      path.setAttribute("d", d);
    }
    dataChart.setAttribute(
      "aria-label",
      `The ${train.targets.length} training and ${test.targets.length} test points over the network's decision map`
    );
  }
  dataSlot.append(tidy(dataChart));

  function dataLegend() {
    return html`<p class="pg-legend">
      <svg width="12" height="12" aria-hidden="true">
        <circle cx="6" cy="6" r="4.5" fill="var(--pg-positive)" /></svg
      >class +1
      <svg width="12" height="12" aria-hidden="true">
        <path d="M6 0.5L11.5 6L6 11.5L0.5 6Z" fill="var(--pg-negative)" /></svg
      >class −1 · filled: training, hollow: test · background: the network's prediction (paler = less sure)
    </p>`;
  }

  // --- loss and gradient charts (Plot, redrawn at most 10× a second) -------------------
  const chartHeight = Math.round(Math.min(260, Math.max(200, chartWidth * 0.6)));
  const emptyNote = (text) => Plot.text([text], {frameAnchor: "middle", fontSize: 13, className: "pg-empty"});
  const lossSubtitle = () =>
    `${describeSizes(sizes)} ${activation.label}, learning rate ${formatNumber(trainer.learningRate)}, batch ${trainer.batchSize}`;
  const gradientSubtitle = () =>
    `Gradient size per weight layer (${layers === 1 ? "output only" : "layer 1 nearest the input"})`;

  function lossChart() {
    const {epochs, values} = trainer.losses;
    const rows = [];
    epochs.forEach((epoch, i) => {
      if (Number.isFinite(values[i][0])) rows.push({epoch, set: "training", loss: values[i][0]});
      if (Number.isFinite(values[i][1])) rows.push({epoch, set: "test", loss: values[i][1]});
    });
    const last = epochs.length ? epochs[epochs.length - 1] : 0;
    return Plot.plot({
      width: chartWidth,
      height: chartHeight,
      marginLeft: 48,
      marginBottom: 36,
      subtitle: lossSubtitle(),
      ariaLabel: "Training and test loss over the epochs",
      ariaDescription: "Solid line: mean loss on the training set; dashed line: on the test set.",
      x: {domain: [0, Math.max(10, last)], label: "epoch", labelArrow: "none"},
      y: {
        domain: rows.length ? undefined : [0, 1],
        zero: true,
        label: "mean loss ½(y − t)²",
        labelArrow: "none",
        grid: true
      },
      marks: rows.length
        ? [
            Plot.ruleY([0], {strokeOpacity: 0.3}),
            Plot.line(rows, {
              filter: (d) => d.set === "training",
              x: "epoch",
              y: "loss",
              strokeWidth: 2,
              className: "pg-loss-train"
            }),
            Plot.line(rows, {
              filter: (d) => d.set === "test",
              x: "epoch",
              y: "loss",
              strokeWidth: 2,
              strokeDasharray: "6 4",
              className: "pg-loss-test"
            })
          ]
        : [Plot.frame({strokeOpacity: 0.2}), emptyNote("Press Play or Step to train")]
    });
  }

  function gradientChart() {
    const {epochs, values} = trainer.gradients;
    const series = Array.from({length: layers}, (_, l) =>
      epochs
        .map((epoch, i) => ({epoch, layer: l, value: values[i][l]}))
        .filter((d) => d.value > 0 && Number.isFinite(d.value))
    );
    const any = series.some((s) => s.length);
    const axis = any
      ? logAxis(series.flat().map((d) => d.value))
      : {domain: [1e-6, 1], ticks: [1e-6, 1e-4, 1e-2, 1]};
    const last = epochs.length ? epochs[epochs.length - 1] : 0;
    const dashes = ["none", "8 3", "2 3", "8 3 2 3", "12 4", "4 2", "none"];
    return Plot.plot({
      width: chartWidth,
      height: chartHeight + 20,
      marginLeft: 56,
      marginRight: 56,
      marginBottom: 36,
      subtitle: gradientSubtitle(),
      ariaLabel: "Mean absolute gradient of each layer's weights over the epochs, on a log scale",
      ariaDescription: "One line per weight layer, labelled at its right end; layer 1 is nearest the input.",
      x: {domain: [0, Math.max(10, last)], label: "epoch", labelArrow: "none"},
      y: {
        type: "log",
        domain: axis.domain,
        label: "mean |∂L/∂w| (log scale)",
        labelArrow: "none",
        grid: true,
        ticks: axis.ticks,
        tickFormat: (d) => formatNumber(d, {digits: 2})
      },
      marks: any
        ? series.flatMap((data, l) => [
            Plot.line(data, {
              x: "epoch",
              y: "value",
              stroke: "currentColor",
              strokeWidth: 2,
              strokeDasharray: dashes[l === layers - 1 ? 6 : l],
              className: `pg-layer pg-layer-${l === layers - 1 ? "output" : l}`
            }),
            Plot.text(data.slice(-1), {
              x: "epoch",
              y: "value",
              text: () => layerName(l, layers),
              textAnchor: "start",
              dx: 4,
              fill: "currentColor",
              className: `pg-layer pg-layer-${l === layers - 1 ? "output" : l}`
            })
          ])
        : [Plot.frame({strokeOpacity: 0.2}), emptyNote("One line per layer once training starts")]
    });
  }

  let deadShown = null;
  function deadText() {
    const dead = deadUnits(trainer.mlp, train.inputs).slice(0, -1);
    // rewritten only when what it says changes (not on every epoch or slider step)
    const key = `${activation.id} ${activation.label} ${sizes[1]} ${dead.join(",")}`;
    if (key === deadShown) return;
    deadShown = key;
    if (dead.length === 0) {
      deadOut.innerHTML =
        "<p><strong>Dead units:</strong> none possible. With no hidden layer the network is one linear output unit on the two inputs, so its decision boundary is a straight line.</p>";
      return;
    }
    const total = dead.reduce((a, b) => a + b, 0);
    const units = dead.length * sizes[1];
    deadOut.innerHTML = "";
    deadOut.append(
      html`<p>
        <strong>Dead units:</strong> <span class="live pg-dead-count">${total}</span> of ${units} hidden units
        (${dead.map((n, l) => `layer ${l + 1}: ${n}`).join(", ")}).
        ${
          total > 0
            ? "A dead unit has slope f′(z) = 0 on every training example, so no gradient reaches its incoming weights: it has stopped learning, for good unless the layers before it change what it receives, and it outputs the same constant for every input."
            : "A unit is dead when its slope f′(z) is 0 on every training example."
        }
      </p>`,
      html`<p>
        ${
          total > 0
            ? "This is ReLU's “dying” problem: see "
            : activation.id === "relu"
              ? "None yet. Try a learning rate of 1 with ReLU and watch units die: see "
              : `${activation.label} has no flat region where f′ = 0, so its units practically never die; try ReLU. See `
        }<a href="./relu">ReLU</a>, and <a href="./backpropagation">Why derivatives matter</a> for why a zero
        slope stops learning.
      </p>`
    );
  }

  // --- updating ------------------------------------------------------------------------
  let lastCharts = 0;
  let pendingCharts = null;
  // whether a slot shows its empty chart (before any epoch): then a new network or a new
  // learning rate changes only its subtitle, written in place
  let emptyCharts = false;
  function setSubtitle(slot, text) {
    const subtitle = slot.querySelector("h3");
    if (subtitle) setText(subtitle, text);
  }
  function drawCharts({preview = false} = {}) {
    lastCharts = performance.now();
    if (pendingCharts !== null) clearTimeout(pendingCharts);
    pendingCharts = null;
    const empty = trainer.losses.epochs.length === 0 && trainer.gradients.epochs.length === 0;
    if (empty && emptyCharts) {
      setSubtitle(lossSlot, lossSubtitle());
      setSubtitle(gradientSlot, gradientSubtitle());
    } else {
      lossSlot.replaceChildren(tidy(lossChart()));
      gradientSlot.replaceChildren(tidy(gradientChart()));
      emptyCharts = empty;
    }
    // a preview (see setTrainer) counts dead units once the slider rests
    if (preview) whenSettled(deadOut, deadText);
    else deadText();
  }
  function scheduleCharts() {
    const wait = CHART_INTERVAL_MS - (performance.now() - lastCharts);
    if (wait <= 0) drawCharts();
    else if (pendingCharts === null) pendingCharts = setTimeout(drawCharts, wait);
  }

  function drawNumbers() {
    const {mlp} = trainer;
    setText(epochOut, String(mlp.stats.epochs));
    setText(trainLossOut, formatNumber(trainer.trainLoss));
    setText(testLossOut, formatNumber(trainer.testLoss));
    setText(accuracyOut, `${formatNumber(100 * trainer.testAccuracy, {digits: 3})}%`);
    // exact values for tests and tools; the page shows the rounded ones
    root.dataset.epoch = String(mlp.stats.epochs);
    root.dataset.trainLoss = String(trainer.trainLoss);
    root.dataset.testLoss = String(trainer.testLoss);
  }

  function drawState() {
    setText(playButton, trainer.playing ? "⏸ Pause" : "▶ Play");
    playButton.setAttribute("aria-pressed", String(trainer.playing));
    stepButton.disabled = trainer.playing || trainer.diverged;
    playButton.disabled = trainer.diverged;
    setText(
      stateOut,
      trainer.diverged
        ? "The loss became infinite: the learning rate is too large for this network, so the weights blew up. Lower it and press Reset."
        : trainer.playing
          ? "Training…"
          : trainer.mlp.stats.epochs === 0
            ? "Paused at epoch 0: the background shows the untrained network's random guess."
            : "Paused."
    );
    stateOut.dataset.state = trainer.diverged ? "diverged" : trainer.playing ? "playing" : "paused";
  }

  // While playing, the heatmap redraws every frame when that is cheap; on a slow machine (a
  // big network) at most once per three times its cost, so training keeps most of the time.
  let heatmapDue = 0;
  function update(type, {preview = false} = {}) {
    if (type === "config") {
      // a new learning rate or batch size: only the loss chart's subtitle names them
      setSubtitle(lossSlot, lossSubtitle());
      return;
    }
    const now = performance.now();
    if (preview) {
      drawHeatmap(PREVIEW_BLOCK);
      whenSettled(canvas, () => drawHeatmap());
    } else if (type !== "train" || !trainer.playing || now >= heatmapDue) {
      drawHeatmap();
      heatmapDue = now + 3 * (performance.now() - now);
    }
    drawNumbers();
    drawState();
    if (type === "train") scheduleCharts();
    else drawCharts({preview});
  }

  playButton.addEventListener("click", () => (trainer.playing ? trainer.pause() : trainer.play()));
  stepButton.addEventListener("click", () => trainer.step());
  resetButton.addEventListener("click", () => trainer.reset());

  let unsubscribe = () => {};
  let lastSwitch = -Infinity;
  /**
   * Shows `next` (a trainer from createTrainer) in this panel: its points, heatmap, numbers
   * and charts. Trainers that follow each other quickly (a slider dragged through data sets or
   * architectures) get a preview heatmap, and the last one its full map once the slider rests.
   */
  root.setTrainer = (next) => {
    if (next === trainer) return root;
    const now = performance.now();
    const preview = now - lastSwitch < SETTLE_MS;
    lastSwitch = now;
    unsubscribe();
    if (pendingCharts !== null) clearTimeout(pendingCharts);
    pendingCharts = null;
    const sameData = trainer !== null && next.train === train && next.test === test;
    trainer = next;
    ({train, test, sizes, activation} = trainer);
    layers = sizes.length - 1;
    setText(seedOut, String(trainer.seed));
    if (!sameData) drawPoints(); // a new network on the same data: the points stay
    unsubscribe = trainer.subscribe(update);
    update("state", {preview});
    return root;
  };

  const scheme = matchMedia("(prefers-color-scheme: dark)");
  const onScheme = () => ((colors = null), drawHeatmap());
  scheme.addEventListener("change", onScheme);
  if (initialTrainer) root.setTrainer(initialTrainer);
  else {
    // Until the first trainer arrives (the page's next cell, maybe a frame later), blank
    // charts of the same size hold the slots, so that what follows them does not jump.
    const blank = (height) => {
      const chart = Plot.plot({
        width: chartWidth,
        height,
        subtitle: "\u00a0",
        axis: null,
        marks: [Plot.frame({strokeOpacity: 0.2})]
      });
      chart.setAttribute("aria-hidden", "true");
      return chart;
    };
    lossSlot.replaceChildren(blank(chartHeight));
    gradientSlot.replaceChildren(blank(chartHeight + 20));
  }
  let firstFrame = requestAnimationFrame(() => ((firstFrame = null), drawHeatmap()));

  root.dispose = () => {
    unsubscribe();
    if (firstFrame !== null) cancelAnimationFrame(firstFrame);
    scheme.removeEventListener("change", onScheme);
    if (pendingCharts !== null) clearTimeout(pendingCharts);
  };
  root.canvas = canvas;
  return root;
}
