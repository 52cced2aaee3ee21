// The playground's training charts, drawn by Plot from a trainer's histories: the training
// and test loss over the epochs, and each weight layer's gradient size on a log scale.
import * as Plot from "npm:@observablehq/plot/course";
import {html} from "npm:htl";
import {formatNumber} from "./format.js";
import {describeSizes} from "./playgroundText.js";

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
export function tidy(chart) {
  for (const rect of chart.querySelectorAll("rect[aria-label]")) rect.removeAttribute("aria-label");
  return chart;
}

function layerName(l, layers) {
  return l === layers - 1 ? "output" : `layer ${l + 1}`;
}

const emptyNote = (text) => Plot.text([text], {frameAnchor: "middle", fontSize: 13, className: "pg-empty"});

/** The loss chart's subtitle: the network and its training options. */
export function lossSubtitle({sizes, activation, learningRate, batchSize}) {
  return `${describeSizes(sizes)} ${activation.label}, learning rate ${formatNumber(learningRate)}, batch ${batchSize}`;
}

/** The gradient chart's subtitle. */
export function gradientSubtitle({sizes}) {
  return `Gradient size per weight layer (${sizes.length === 2 ? "output only" : "layer 1 nearest the input"})`;
}

/** The key to the loss chart's two lines. */
export function lossLegend() {
  return html`<p class="pg-legend">
    <span class="pg-key pg-key-train"></span>training set <span class="pg-key pg-key-test"></span>test set
  </p>`;
}

/** The trainer's training and test loss over the epochs (a note until it has trained). */
export function lossChart(trainer, {width, height}) {
  const {epochs, values} = trainer.losses;
  const rows = [];
  epochs.forEach((epoch, i) => {
    if (Number.isFinite(values[i][0])) rows.push({epoch, set: "training", loss: values[i][0]});
    if (Number.isFinite(values[i][1])) rows.push({epoch, set: "test", loss: values[i][1]});
  });
  const last = epochs.length ? epochs[epochs.length - 1] : 0;
  return Plot.plot({
    width,
    height,
    marginLeft: 48,
    marginBottom: 36,
    subtitle: lossSubtitle(trainer),
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

/** The mean |∂L/∂w| of each weight layer over the epochs, on a log scale, one labelled line per layer. */
export function gradientChart(trainer, {width, height}) {
  const {epochs, values} = trainer.gradients;
  const layers = trainer.sizes.length - 1;
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
    width,
    height,
    marginLeft: 56,
    marginRight: 56,
    marginBottom: 36,
    subtitle: gradientSubtitle(trainer),
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

/** An empty frame of this size that holds a chart's place until there is a trainer to chart. */
export function blankChart({width, height}) {
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
