// Two loss-by-step charts side by side for the losses page: the same sigmoid neuron trained
// for `steps` steps under squared error and under binary cross-entropy (runNeuron), each
// captioned with its loss before and after. update(params) reruns both and redraws in place.
import {losses} from "../lib/losses.js";
import {runNeuron} from "../lib/neuronRun.js";
import {lossChart} from "./backprop.js";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";

const LOSSES = ["squaredError", "binaryCrossEntropy"];

export function lossComparison(params, {width = 640, steps = 50} = {}) {
  width = Math.max(width, 240);
  const gap = 12;
  const columns = width >= 520 ? 2 : 1;
  const panelWidth = Math.floor((width - gap * (columns - 1)) / columns);
  const grid = document.createElement("div");
  grid.className = "multiples loss-comparison";
  grid.style.gridTemplateColumns = `repeat(${columns}, ${panelWidth}px)`;
  grid.style.gap = `${gap}px`;
  const panels = LOSSES.map((loss) => {
    const figure = document.createElement("figure");
    figure.className = "multiple";
    figure.dataset.loss = loss;
    const caption = document.createElement("figcaption");
    caption.innerHTML = `<strong>${losses[loss].label}</strong><br>loss <span class="live"></span> → <span class="live"></span>`;
    figure.append(caption);
    grid.append(figure);
    return {loss, figure, spans: caption.querySelectorAll("span"), chart: null};
  });
  grid.update = (next) => {
    for (const panel of panels) {
      const {points} = runNeuron({...next, activation: "sigmoid", loss: panel.loss}, steps);
      const first = points[0].loss;
      const last = points[points.length - 1].loss;
      panel.figure.dataset.startLoss = String(first);
      panel.figure.dataset.finalLoss = String(last);
      setText(panel.spans[0], formatNumber(first, {digits: 3}));
      setText(panel.spans[1], formatNumber(last, {digits: 3}));
      const ariaLabel = `${losses[panel.loss].label}: loss by step over ${points.length - 1} steps, from ${formatNumber(first)} to ${formatNumber(last)}`;
      if (panel.chart) panel.chart.update(points, {ariaLabel});
      else {
        panel.chart = lossChart(points, {width: panelWidth, height: 160, xMax: steps, marginLeft: 44, dots: false, ariaLabel});
        panel.figure.append(panel.chart);
      }
    }
    return grid;
  };
  return grid.update(params);
}
