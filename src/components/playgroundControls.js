// The playground's controls that Inputs does not offer: a slider over a list of values (the
// log-spaced learning rates) and the buttons that drive a trainer.
import {html} from "npm:htl";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";

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
 * Play/pause, "Step one epoch" and "Reset" for the trainer `current()` returns (none: the
 * buttons do nothing). `show(trainer)` writes their labels and enables them for its state.
 */
export function trainingButtons(current) {
  const play = html`<button type="button" class="pg-play" aria-pressed="false"></button>`;
  const step = html`<button type="button">Step one epoch</button>`;
  const reset = html`<button type="button">Reset</button>`;
  const root = html`<div class="pg-buttons">${play}${step}${reset}</div>`;
  const on = (button, action) =>
    button.addEventListener("click", () => {
      const trainer = current();
      if (trainer) action(trainer);
    });
  on(play, (trainer) => (trainer.playing ? trainer.pause() : trainer.play()));
  on(step, (trainer) => trainer.step());
  on(reset, (trainer) => trainer.reset());
  root.show = (trainer) => {
    setText(play, trainer.playing ? "⏸ Pause" : "▶ Play");
    play.setAttribute("aria-pressed", String(trainer.playing));
    step.disabled = trainer.playing || trainer.diverged;
    play.disabled = trainer.diverged;
  };
  return root;
}
