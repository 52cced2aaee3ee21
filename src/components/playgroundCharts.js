// The playground's training charts: the training and test loss over the epochs, and each
// weight layer's gradient size on a log scale. Plot draws a chart's frame once (its axes, its
// labels, the rule at zero); while the network trains, `chart.update(trainer)` redraws it in
// place from the trainer's histories: the lines (./liveMark.js), the axes when their domains
// step (./liveChart.js, ./logAxis.js) and the subtitle. A whole Plot render of both charts
// took about a tenth of the main thread's time at 5 a second with 6 layers of 8 units and
// made every frame that drew them late; an update costs a small part of one frame. The panel
// (./playground.js) loads this module once the charts near the screen.
import * as Plot from "npm:@observablehq/plot/course";
import {formatNumber} from "./format.js";
import {legend} from "./legend.js";
import {linearMap, linePath, setLinearAxis, steadyCeiling} from "./liveChart.js";
import {setText} from "./liveDom.js";
import {axesOnly, liveLine, liveText} from "./liveMark.js";
import {logAxis, logMap, setLogAxis} from "./logAxis.js";
import {describeSizes} from "./playgroundText.js";

function layerName(l, layers) {
  return l === layers - 1 ? "output" : `layer ${l + 1}`;
}

/** The class of weight layer l's line and label (the output's is its own colour and dash). */
const layerClass = (l, layers) => `pg-layer pg-layer-${l === layers - 1 ? "output" : l}`;

/** Weight layer l's dash, among `layers` (null: solid, as the first layer's and the output's). */
const DASHES = [null, "8 3", "2 3", "8 3 2 3", "12 4", "4 2"];
const layerDash = (l, layers) => (l === layers - 1 ? null : DASHES[l % DASHES.length]);

/** What a chart shows before any epoch: a faint frame and a note. */
const emptyMarks = (text) => [
  Plot.frame({strokeOpacity: 0.2, className: "pg-empty-frame"}),
  Plot.text([text], {frameAnchor: "middle", fontSize: 13, className: "pg-empty"})
];

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

/**
 * The x-domain of both charts for a history up to epoch `last`: from 0 to at least 10, the end
 * rounded up to a steady step (10, 15, 20, 30, 50, 75, 100, …), so that the axis stays put
 * while the lines grow along it and re-ticks only now and then.
 */
export function epochDomain(last) {
  return [0, steadyCeiling(Math.max(10, last), {headroom: 1})];
}

/** The y-domain of the loss chart: from 0 to a steady step above the largest finite loss (1 with none). */
export function lossDomain(values) {
  let top = 0;
  for (const row of values) for (const v of row) if (Number.isFinite(v) && v > top) top = v;
  return [0, top > 0 ? steadyCeiling(top) : 1];
}

/**
 * The gradient chart's log axis (logAxis) for a history: whole decades around every positive
 * finite gradient size, with ticks at its powers of ten (and 2× and 5× them over two decades
 * or less); 10⁻⁶ to 1 with none.
 */
export function gradientAxis(values) {
  let lo = Infinity;
  let hi = 0;
  for (const row of values)
    for (const v of row) if (v > 0 && Number.isFinite(v)) ((lo = Math.min(lo, v)), (hi = Math.max(hi, v)));
  return hi > 0 ? logAxis(lo, hi, {oneTwoFive: true}) : {domain: [1e-6, 1], ticks: [1e-6, 1e-4, 1e-2, 1]};
}

/** The svg of a Plot chart (a figure when it has a subtitle) and its subtitle, if any. */
function partsOf(chart) {
  return {
    svg: chart.tagName.toLowerCase() === "svg" ? chart : chart.querySelector("svg"),
    subtitle: chart.querySelector("h3")
  };
}

/** Shows a chart's empty marks (the frame and the note) when it has no history, else hides them. */
function showEmpty(svg, empty) {
  for (const mark of svg.querySelectorAll(".pg-empty-frame, .pg-empty"))
    mark.style.display = empty ? "" : "none";
}

/**
 * The trainer's training and test loss over the epochs (a note until it has trained), drawn by
 * Plot for its size; `chart.update(trainer)` redraws it in place for the trainer's histories
 * (any trainer: the subtitle names its network).
 */
export function lossChart(trainer, {width, height}) {
  const {epochs, values} = trainer.losses;
  let xDomain = epochDomain(epochs.length ? epochs[epochs.length - 1] : 0);
  let yDomain = lossDomain(values);
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 48,
    marginBottom: 36,
    subtitle: lossSubtitle(trainer),
    ariaLabel: "Training and test loss over the epochs",
    ariaDescription: "Solid line: mean loss on the training set; dashed line: on the test set.",
    x: {domain: xDomain, label: "epoch", labelArrow: "none"},
    y: {domain: yDomain, label: "mean loss per example", labelArrow: "none", grid: true},
    marks: [Plot.ruleY([0], {strokeOpacity: 0.3}), axesOnly(), ...emptyMarks("Press Play or Step to train")]
  });
  const {svg, subtitle} = partsOf(chart);
  const xRange = chart.scale("x").range;
  const yRange = chart.scale("y").range;
  const train = liveLine(svg, {class: "pg-loss-train", "stroke-width": 2});
  const test = liveLine(svg, {class: "pg-loss-test", "stroke-width": 2, "stroke-dasharray": TEST_DASH});
  chart.update = (next) => {
    setText(subtitle, lossSubtitle(next));
    const {epochs, values} = next.losses;
    const nextX = epochDomain(epochs.length ? epochs[epochs.length - 1] : 0);
    const nextY = lossDomain(values);
    if (nextX[1] !== xDomain[1]) setLinearAxis(svg, "x", (xDomain = nextX), xRange);
    if (nextY[1] !== yDomain[1]) setLinearAxis(svg, "y", (yDomain = nextY), yRange);
    const x = linearMap(xDomain, xRange);
    const y = linearMap(yDomain, yRange);
    train.setAttribute(
      "d",
      linePath(
        epochs,
        values.map((row) => row[0]),
        x,
        y
      )
    );
    test.setAttribute(
      "d",
      linePath(
        epochs,
        values.map((row) => row[1]),
        x,
        y
      )
    );
    showEmpty(svg, epochs.length === 0);
    return chart;
  };
  return chart.update(trainer);
}

/**
 * The mean |∂L/∂w| of each weight layer over the epochs, on a log scale, one labelled line per
 * layer (a note until it has trained), drawn by Plot for its size and its number of weight
 * layers; `chart.update(trainer)` redraws it in place for a trainer's histories, which must
 * have as many layers (`chart.layers`).
 */
export function gradientChart(trainer, {width, height}) {
  const layers = trainer.sizes.length - 1;
  const {epochs} = trainer.gradients;
  let xDomain = epochDomain(epochs.length ? epochs[epochs.length - 1] : 0);
  let yAxis = gradientAxis(trainer.gradients.values);
  const tickFormat = (d) => formatNumber(d, {digits: 2});
  const chart = Plot.plot({
    width,
    height,
    marginLeft: 56,
    marginRight: 56,
    marginBottom: 36,
    subtitle: gradientSubtitle(trainer),
    ariaLabel: "Mean absolute gradient of each layer's weights over the epochs, on a log scale",
    ariaDescription: "One line per weight layer, labelled at its right end; layer 1 is nearest the input.",
    x: {domain: xDomain, label: "epoch", labelArrow: "none"},
    y: {
      type: "log",
      domain: yAxis.domain,
      label: "mean |∂L/∂w| (log scale)",
      labelArrow: "none",
      grid: true,
      ticks: yAxis.ticks,
      tickFormat
    },
    marks: [axesOnly(), ...emptyMarks("One line per layer once training starts")]
  });
  const {svg, subtitle} = partsOf(chart);
  const xRange = chart.scale("x").range;
  const yRange = chart.scale("y").range;
  const series = Array.from({length: layers}, (_, l) => {
    const attributes = {class: layerClass(l, layers)};
    const line = liveLine(svg, {...attributes, "stroke-width": 2, "stroke-dasharray": layerDash(l, layers)});
    return {
      line,
      label: liveText(svg, {...attributes, "text-anchor": "start"}, {dx: 4}),
      name: layerName(l, layers)
    };
  });
  chart.layers = layers;
  chart.update = (next) => {
    if (next.sizes.length - 1 !== layers)
      throw new Error(`gradientChart: drawn for ${layers} weight layers, not ${next.sizes.length - 1}`);
    setText(subtitle, gradientSubtitle(next));
    const {epochs, values} = next.gradients;
    const nextX = epochDomain(epochs.length ? epochs[epochs.length - 1] : 0);
    const nextY = gradientAxis(values);
    if (nextX[1] !== xDomain[1]) setLinearAxis(svg, "x", (xDomain = nextX), xRange);
    setLogAxis(svg, "y", nextY, yAxis, yRange, tickFormat);
    yAxis = nextY;
    const x = linearMap(xDomain, xRange);
    const y = logMap(yAxis.domain, yRange);
    series.forEach(({line, label, name}, l) => {
      // a size that is not positive and finite has no place on the log axis: a gap
      const ys = values.map((row) => (row[l] > 0 && Number.isFinite(row[l]) ? row[l] : NaN));
      line.setAttribute("d", linePath(epochs, ys, x, y));
      const at = ys.findLastIndex(Number.isFinite);
      label.place(at < 0 ? NaN : x(epochs[at]), at < 0 ? NaN : y(ys[at]), name);
    });
    showEmpty(svg, epochs.length === 0);
    return chart;
  };
  return chart.update(trainer);
}
