// Matrices of live numbers, laid out in HTML beside formulas typeset at build time.
// A KaTeX matrix is a nest of tables with positioned rows, so one changed entry relays out
// and repaints the whole formula, several milliseconds per slider step. Here each entry is a
// fixed-size box that contains its own layout: a step rewrites a few text nodes, and the
// browser relays out and repaints only those boxes.
//
// Markdown places an empty, self-sizing slot where the matrix goes, next to inline TeX, in a
// paragraph of a `.matrix-equations` block (whose lines wrap between parts on a phone):
//   $W = W_2 W_1 =$ <span class="live-matrix" data-matrix="w" style="--rows: 2; --cols: 2"></span>
// and a cell fills the slots once (`liveMatrices`), then writes numbers (`setMatrices`).
import {setText} from "./liveDom.js";

/** A matrix entry as the course writes it: at most 4 decimals (so 1e-17 round-off reads 0), a true minus. */
export function formatEntry(value) {
  if (Number.isNaN(value)) return "undefined";
  if (value === Infinity) return "∞";
  if (value === -Infinity) return "−∞";
  const rounded = Math.round(value * 1e4) / 1e4;
  return rounded === 0 ? "0" : String(rounded).replace("-", "−");
}

/**
 * Fills an empty `.live-matrix` slot with `--rows` × `--cols` entry boxes, as an ARIA table
 * named `label` (screen readers read it row by row), and returns the slot.
 */
export function liveMatrix(slot, {label}) {
  const style = getComputedStyle(slot);
  const rows = Number(style.getPropertyValue("--rows"));
  const cols = Number(style.getPropertyValue("--cols"));
  if (!(rows >= 1 && cols >= 1))
    throw new Error(`liveMatrix: the slot needs --rows and --cols, not ${rows} × ${cols}`);
  slot.setAttribute("role", "table");
  slot.setAttribute("aria-label", label);
  slot.replaceChildren(
    ...Array.from({length: rows}, () => {
      const row = document.createElement("span");
      row.setAttribute("role", "row");
      for (let j = 0; j < cols; j++) {
        const cell = document.createElement("span");
        cell.setAttribute("role", "cell");
        cell.append(document.createElement("span"));
        row.append(cell);
      }
      return row;
    })
  );
  return slot;
}

/** Writes `values` (rows of numbers, or one column as a flat array) into a filled slot. */
export function setMatrix(matrix, values) {
  const rows = matrix.children;
  values.forEach((row, i) => {
    const cells = rows[i].children;
    (Array.isArray(row) ? row : [row]).forEach((value, j) =>
      setText(cells[j].firstChild, formatEntry(value))
    );
  });
  return matrix;
}

/**
 * Fills every `[data-matrix=name]` slot under `root`, named for screen readers by
 * `labels[name]`: {name: [matrix, …]}. A slot with no label is an error, so a typo shows.
 */
export function liveMatrices(root, labels) {
  const matrices = {};
  for (const slot of root.querySelectorAll("[data-matrix]")) {
    const name = slot.dataset.matrix;
    if (!(name in labels)) throw new Error(`liveMatrices: no label for the matrix "${name}"`);
    (matrices[name] ??= []).push(liveMatrix(slot, {label: labels[name]}));
  }
  return matrices;
}

/** Writes each `values[name]` into every matrix of that name; an unknown name is an error. */
export function setMatrices(matrices, values) {
  for (const [name, value] of Object.entries(values)) {
    if (!(name in matrices)) throw new Error(`setMatrices: no matrix "${name}" on this page`);
    for (const matrix of matrices[name]) setMatrix(matrix, value);
  }
}
