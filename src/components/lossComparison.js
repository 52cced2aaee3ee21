// Two loss-by-step charts side by side for the losses page: the same sigmoid neuron trained
// for `steps` steps under squared error and under binary cross-entropy (runNeuron), each
// captioned with its loss before and after. update(params) reruns both and redraws in place.
import {losses} from "../lib/losses.js";
import {runNeuron} from "../lib/neuronRun.js";
import {lossPanels} from "./backprop.js";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";

const LOSSES = ["squaredError", "binaryCrossEntropy"];

export function lossComparison(params, {width = 640, steps = 50} = {}) {
  width = Math.max(width, 240);
  const {grid, panels} = lossPanels(LOSSES, {
    width,
    columns: width >= 520 ? 2 : 1,
    className: "multiples loss-comparison",
    dataName: "loss",
    caption: (loss) => `<strong>${losses[loss].label}</strong><br>loss <span class="live"></span> → <span class="live"></span>`,
    chart: {height: 160, xMax: steps, marginLeft: 44}
  });
  grid.update = (next) => {
    for (const {key: loss, spans, show} of panels) {
      const {points} = runNeuron({...next, activation: "sigmoid", loss}, steps);
      const {first, last} = show(points, losses[loss].label);
      setText(spans[0], formatNumber(first, {digits: 3}));
      setText(spans[1], formatNumber(last, {digits: 3}));
    }
    return grid;
  };
  return grid.update(params);
}
