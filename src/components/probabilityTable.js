// The softmax table of the losses page: one row per class with its logit z, its probability
// p (a number and a bar), its one-hot target t and its gradient ∂L/∂z = p − t. Built once;
// update writes the numbers in place (text nodes and one transform per bar), so a slider
// step relays out only the changed cells. Every number comes from lib/ through the caller.
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";

const COLUMNS = [
  ["class", "Class"],
  ["logit", "Logit z"],
  ["p", "Probability p"],
  ["target", "Target t"],
  ["gradient", "∂L/∂z = p − t"]
];

/** A cell's text and, for tests to read unrounded, its number in data-value. */
function writeNumber(cell, value) {
  setText(cell, formatNumber(value));
  const text = String(value);
  if (cell.dataset.value !== text) cell.dataset.value = text;
}

/**
 * A table of `count` classes (named "class 1", "class 2", …). `table.update({logits, p,
 * target, gradient})` writes one number per class into each column, and sizes each
 * probability's bar; arrays of another length are refused with an Error naming them.
 * @param {number} count
 * @param {{caption?: string}} [options]
 * @returns {HTMLTableElement & {update: (value: {logits: number[], p: number[], target: number[], gradient: number[]}) => HTMLTableElement}}
 */
export function probabilityTable(count, {caption = "Softmax, class by class"} = {}) {
  if (!Number.isInteger(count) || count < 1) throw new Error(`a probability table needs at least one class, got ${String(count)}`);
  const table = /** @type {any} */ (document.createElement("table"));
  table.className = "probability-table";
  const captionElement = table.createCaption();
  captionElement.textContent = caption;
  const head = table.createTHead().insertRow();
  for (const [key, label] of COLUMNS) {
    const th = document.createElement("th");
    th.scope = "col";
    th.dataset.column = key;
    th.textContent = label;
    head.append(th);
  }
  const body = table.createTBody();
  const rows = Array.from({length: count}, (_, k) => {
    const row = body.insertRow();
    row.dataset.class = String(k);
    const name = document.createElement("th");
    name.scope = "row";
    name.textContent = `class ${k + 1}`;
    row.append(name);
    const cells = {};
    for (const [key] of COLUMNS.slice(1)) {
      const cell = row.insertCell();
      cell.dataset.column = key;
      if (key === "p") {
        const number = document.createElement("span");
        number.className = "live";
        const bar = document.createElement("span");
        bar.className = "probability-bar";
        bar.setAttribute("aria-hidden", "true");
        cell.append(number, bar);
        cells.p = number;
        cells.bar = bar;
      } else {
        cell.className = "live";
        cells[key] = cell;
      }
    }
    return cells;
  });
  table.update = ({logits, p, target, gradient}) => {
    for (const [name, values] of Object.entries({logits, p, target, gradient})) {
      if (!Array.isArray(values) || values.length !== count)
        throw new Error(`probabilityTable: ${name} needs ${count} numbers, got ${Array.isArray(values) ? values.length : String(values)}`);
    }
    rows.forEach((cells, k) => {
      writeNumber(cells.logit, logits[k]);
      writeNumber(cells.p, p[k]);
      writeNumber(cells.target, target[k]);
      writeNumber(cells.gradient, gradient[k]);
      // a bar as wide as the probability (none for NaN), drawn by the compositor alone
      const scale = Number.isFinite(p[k]) ? Math.min(Math.max(p[k], 0), 1) : 0;
      const transform = `scaleX(${scale})`;
      if (cells.bar.style.transform !== transform) cells.bar.style.transform = transform;
    });
    return table;
  };
  return table;
}
