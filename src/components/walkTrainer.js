// The walk-through's Step once, Run and Start again buttons (step, run, reset) with its loss curve. It is a view: its value
// is the walk's state (walkState.js), and it sends an input event whenever that changes, so the
// page's graph, matrices and text follow every step. update(params) starts again from the
// published weights with new control values.
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";
import {lossChart, trainerFrame} from "./backprop.js";
import {advanceWalk, startWalk} from "./walkState.js";

/** Framework's `width` can be 0 for a moment while the page lays out; the chart never goes below this. */
const MIN_WIDTH = 240;

/**
 * The trainer for the walk-through, starting from startWalk(params). `runSteps` is how many
 * steps Run takes; the walk stops at `maxSteps`.
 */
export function walkTrainer(params, {width = 640, runSteps = 100, maxSteps = 1000} = {}) {
  width = Math.max(width, MIN_WIDTH);
  const root = document.createElement("div");
  root.className = "walk-trainer";
  const {readout, chartBox, stepButton, runButton} = trainerFrame(root, {
    labels: {step: "Step once", run: `Run ${runSteps} steps`, reset: "Start again"},
    readoutClass: "walk-readout",
    chartClass: "walk-loss-chart",
    onAction: (action) => {
      if (action === "reset") restart();
      else if (state) set(advanceWalk(state, action === "step" ? 1 : runSteps, {maxSteps}));
    }
  });
  let state = null;
  let problem = "";
  let chart = null;

  function render() {
    const done = !state || state.diverged || state.count >= maxSteps;
    stepButton.disabled = done;
    runButton.disabled = done;
    if (!state) {
      setText(readout, problem);
      return;
    }
    const {count, points, diverged} = state;
    setText(
      readout,
      `After ${count} step${count === 1 ? "" : "s"}: loss E = ${formatNumber(points[points.length - 1].loss)} ` +
        `(it started at ${formatNumber(points[0].loss)}).` +
        (diverged ? " The next step would overflow the weights: the step size η is too large. Press Start again." : "") +
        (count >= maxSteps ? ` The walk stops at ${maxSteps} steps; press Start again.` : "")
    );
    readout.dataset.steps = String(count);
    const ariaLabel = `Loss by step with step size η = ${formatNumber(state.params.learningRate)}, from ${formatNumber(points[0].loss)} at step 0 to ${formatNumber(points[points.length - 1].loss)} at step ${count}`;
    if (chart) chart.update(points, {ariaLabel});
    else chartBox.append((chart = lossChart(points, {width, xMax: runSteps, ariaLabel})));
  }

  function set(next) {
    state = next;
    root.value = state;
    render();
    root.dispatchEvent(new Event("input", {bubbles: true}));
  }

  function restart() {
    try {
      problem = "";
      set(startWalk(params));
    } catch (error) {
      // a value no control can set, but never a blank chart: say what is wrong
      problem = `These values cannot be run: ${error.message}.`;
      state = null;
      root.value = null;
      render();
      root.dispatchEvent(new Event("input", {bubbles: true}));
    }
  }

  /** Starts again from the published weights with new control values (the page calls this as they move). */
  root.update = (next) => {
    params = next;
    restart();
    return root;
  };
  restart();
  return root;
}
