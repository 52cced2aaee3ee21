// The playground's controls that Inputs does not offer: a slider over a list of values (the
// log-spaced learning rates), a set of checkboxes that keeps at least one ticked (the input
// features) and the buttons that drive a trainer.
import {html} from "npm:htl";
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";
import {announce} from "./liveSlot.js";

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
  // a slider that does nothing in the current setup is disabled, not hidden
  Object.defineProperty(form, "disabled", {
    get: () => input.disabled,
    set: (off) => (input.disabled = Boolean(off))
  });
  return form;
}
choiceSlider.count = 0;

/**
 * Puts the options of an Inputs.select into labelled groups, in order: `groups` is a list of
 * {label, size}, the first `size` options going into the first group and so on (the select's
 * data listed group by group). Returns the same input.
 */
export function groupOptions(input, groups) {
  const select = input.querySelector("select");
  // moving the chosen option out and back in would leave another one chosen
  const chosen = select.value;
  const options = [...select.options];
  for (const {label, size} of groups) {
    const group = document.createElement("optgroup");
    group.label = label;
    group.append(...options.splice(0, size));
    select.append(group);
  }
  select.value = chosen;
  return input;
}

/**
 * Checkboxes, one per entry of `ids` (shown as `format(id)`), of which at least one stays
 * ticked: unticking the last is refused with a visible message. The element's `value` is the
 * ticked ids in the order of `ids`; it fires "input" on every change, for Generators.input.
 * @param {readonly string[]} ids
 * @param {{label?: string, value?: readonly string[], format?: (id: string) => string}} [options]
 */
export function checkboxGroup(ids, {label, value = [], format = String} = {}) {
  const id = `checkbox-group-${++choiceSlider.count}`;
  const boxes = ids.map(
    (key) =>
      html`<label><input type="checkbox" value=${key} checked=${value.includes(key)} />${format(key)}</label>`
  );
  const message = announce(html`<p class="range-message"></p>`);
  const root = html`<div class="pg-checks" role="group" aria-labelledby=${id}>
    <span id=${id} class="pg-checks-label">${label}</span>
    <div class="pg-checks-row">${boxes}</div>
    ${message}
  </div>`;
  const inputs = boxes.map((box) => box.querySelector("input"));
  const ticked = () => inputs.filter((input) => input.checked).map((input) => input.value);
  root.addEventListener(
    "input",
    (event) => {
      if (ticked().length > 0) return void (message.textContent = "");
      // the last one: keep it ticked, and keep the event from the page
      event.target.checked = true;
      event.stopImmediatePropagation();
      message.textContent = `${label}: at least one must stay on; ${format(event.target.value)} stays.`;
    },
    {capture: true}
  );
  Object.defineProperty(root, "value", {
    get: ticked,
    set: (list) => inputs.forEach((input) => (input.checked = list.includes(input.value)))
  });
  return root;
}

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
    step.disabled = trainer.playing || trainer.diverged || trainer.empty;
    play.disabled = trainer.diverged || trainer.empty;
  };
  return root;
}
