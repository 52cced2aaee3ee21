// The playground's network shape: how many hidden layers (a slider) and how many units each
// (a − and + button per layer), as TensorFlow Playground sets them. Its value is the list of
// units per hidden layer, e.g. [4, 4] for two layers of four.
import {html} from "npm:htl";

/**
 * The hidden layers of a network: `value` (units per layer, e.g. [8, 8, 4]) as `slider` (an
 * Inputs.range over the number of layers, 0 … maxLayers, set by the page: a layer added back
 * gets the units it had, a new one the units of the layer before it) and, per layer, buttons
 * that remove or add a unit (1 … maxUnits). An element with `value` that fires "input" on
 * every change, for Generators.input; setting `value` redraws it without an event.
 */
export function layersInput(slider, value, {maxUnits = 8} = {}) {
  const maxLayers = Number(slider.querySelector("input[type=range]")?.max ?? 6);
  // units of every layer the slider can reach, so a layer removed and added back keeps its units
  let units = [];
  let count = 0;
  const fill = (list) => {
    units = Array.from({length: maxLayers}, (_, l) => list[Math.min(l, list.length - 1)] ?? 4);
    list.forEach((n, l) => (units[l] = n));
    count = list.length;
  };
  fill(value);
  slider.value = count;
  const rows = html`<ol class="pg-layers"></ol>`;
  const root = html`<div class="pg-layers-input">${slider}${rows}</div>`;

  const changed = () => root.dispatchEvent(new Event("input", {bubbles: true}));
  // one row per layer, made when first shown and then kept: a slider step adds or removes rows
  // and a button rewrites its own row's text, so the keyboard stays on the button pressed
  const made = [];
  function row(l) {
    if (made[l]) return made[l];
    const minus = html`<button type="button" aria-label=${`Remove a unit from layer ${l + 1}`}>−</button>`;
    const plus = html`<button type="button" aria-label=${`Add a unit to layer ${l + 1}`}>+</button>`;
    const shown = html`<output aria-live="polite"></output>`;
    const li = html`<li data-layer=${l + 1}><span>Layer ${l + 1}</span>${minus}${shown}${plus}</li>`;
    li.show = () => {
      shown.textContent = `${units[l]} ${units[l] === 1 ? "unit" : "units"}`;
      minus.disabled = units[l] <= 1;
      plus.disabled = units[l] >= maxUnits;
    };
    minus.onclick = () => step(l, -1, minus, plus);
    plus.onclick = () => step(l, +1, plus, minus);
    return (made[l] = li);
  }
  function step(l, delta, button, partner) {
    const next = units[l] + delta;
    if (next < 1 || next > maxUnits) return;
    units[l] = next;
    draw();
    if (button.disabled) partner.focus(); // at the end of its range: the keyboard moves to the other
    changed();
  }
  function draw() {
    while (rows.children.length > count) rows.lastElementChild.remove();
    for (let l = 0; l < count; l++) {
      const li = row(l);
      if (li.parentNode !== rows) rows.append(li);
      li.show();
    }
    root.dataset.units = units.slice(0, count).join(",");
  }
  slider.addEventListener("input", () => {
    count = slider.value;
    draw();
  });
  Object.defineProperty(root, "value", {
    get: () => units.slice(0, count),
    set: (list) => {
      fill(list);
      slider.value = count;
      draw();
    }
  });
  draw();
  return root;
}
