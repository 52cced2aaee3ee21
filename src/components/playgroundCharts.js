// The playground's training charts, drawn by Plot from a trainer's histories: the training
// and test loss over the epochs, and each weight layer's gradient size on a log scale.
import * as Plot from "npm:@observablehq/plot/course";
import {formatNumber} from "./format.js";
import {legend} from "./legend.js";
import {logAxis} from "./logAxis.js";
import {describeSizes} from "./playgroundText.js";

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
export function lossSubtitle({sizes, activation, loss, learningRate, batchSize, regularization}) {
  const penalty =
    regularization && regularization.kind !== "none" && regularization.rate > 0
      ? `, ${regularization.kind} ${formatNumber(regularization.rate)}`
      : "";
  return `${describeSizes(sizes)} ${activation.label}, loss ${lossFormula(loss)}, learning rate ${formatNumber(learningRate)}, batch ${batchSize}${penalty}`;
}

/** The loss per example: squared error, or cross-entropy of a sigmoid output y against t ∈ {0, 1}. */
export function lossFormula(loss) {
  return loss === "binaryCrossEntropy" ? "−t ln y − (1 − t) ln(1 − y)" : "½(y − t)²";
}

/** The gradient chart's subtitle. */
export function gradientSubtitle({sizes}) {
  return `Gradient size per weight layer (${sizes.length === 2 ? "output only" : "layer 1 nearest the input"})`;
}

/** The test loss's dash (the training loss is solid). */
const TEST_DASH = "6 4";

/** The key to the loss chart's two lines. */
export function lossLegend() {
  return legend(
    [
      {label: "training set", line: {width: 2}},
      {label: "test set", line: {dash: TEST_DASH, width: 2}}
    ],
    {className: "legend pg-legend"}
  );
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
      label: "mean loss per example",
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
            strokeDasharray: TEST_DASH,
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
  const magnitudes = series.flat().map((d) => d.value);
  const axis = any
    ? logAxis(Math.min(...magnitudes), Math.max(...magnitudes), {oneTwoFive: true})
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
