// Matrices of live numbers, laid out in HTML beside formulas typeset at build time.
// A KaTeX matrix is a nest of tables with positioned rows, so one changed entry relays out
// and repaints the whole formula, several milliseconds per slider step. Here each entry is a
// fixed-size box that contains its own layout: a step rewrites a few text nodes, and the
// browser relays out and repaints only those boxes.
//
// Markdown places an empty, self-sizing slot where the matrix goes, next to inline TeX, in a
// paragraph of a `.matrix-equations` block (whose lines wrap between parts on a phone), named
// like every slot and labelled for screen readers:
//   $W = W_2 W_1 =$ <span class="live-matrix" data-live="w" aria-label="W = W₂W₁" style="--rows: 2; --cols: 2"></span>
// and a cell writes its numbers with liveSlot.js: setSlots({w: product}). This module is the
// slot helper's renderer for matrices.
import {formatNumber} from "./format.js";
import {setText} from "./liveDom.js";

/** How an entry is written (formatNumber): at most 4 decimals (so 1e-17 of round-off reads 0), a true minus. */
const ENTRY_FORMAT = {decimals: 4};

/** A slot's size from its --rows and --cols (set inline in the Markdown, or by a stylesheet). */
function slotSize(slot) {
  const read = (name) =>
    Number(slot.style.getPropertyValue(name) || getComputedStyle(slot).getPropertyValue(name));
  return {rows: read("--rows"), cols: read("--cols")};
}

/**
 * Fills an empty `.live-matrix` slot with `--rows` × `--cols` entry boxes, as an ARIA table
 * (screen readers read it row by row) named by the slot's aria-label, and returns the slot.
 */
export function fillMatrix(slot) {
  const {rows, cols} = slotSize(slot);
  if (!(rows >= 1 && cols >= 1))
    throw new Error(
      `live matrix "${slot.dataset.live}": the slot needs --rows and --cols, not ${rows} × ${cols}`
    );
  if (!slot.getAttribute("aria-label"))
    throw new Error(
      `live matrix "${slot.dataset.live}": the slot needs an aria-label naming it for screen readers`
    );
  slot.setAttribute("role", "table");
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

/**
 * Checks that `values` (rows of numbers, or one column as a flat array) fit a `.live-matrix`
 * slot, filling it with its entry boxes the first time. Values of another size than the slot
 * are an error, so a mismatch shows rather than leaving stale entries.
 */
export function checkMatrix(slot, values) {
  if (slot.getAttribute("role") !== "table") fillMatrix(slot);
  const rows = slot.children;
  const cols = rows[0].children.length;
  if (!Array.isArray(values) || values.length !== rows.length)
    throw new Error(`live matrix "${slot.dataset.live}": expected ${rows.length} rows`);
  values.forEach((row, i) => {
    const entries = Array.isArray(row) ? row : [row];
    if (entries.length !== cols)
      throw new Error(`live matrix "${slot.dataset.live}": expected ${cols} entries in row ${i + 1}`);
    if (!entries.every((value) => typeof value === "number"))
      throw new Error(
        `live matrix "${slot.dataset.live}": row ${i + 1} holds something that is not a number`
      );
  });
}

/** Writes `values` into a `.live-matrix` slot (checkMatrix first), each entry box's text in place. */
export function writeMatrix(slot, values) {
  checkMatrix(slot, values);
  const rows = slot.children;
  values.forEach((row, i) => {
    const cells = rows[i].children;
    (Array.isArray(row) ? row : [row]).forEach((value, j) =>
      setText(cells[j].firstChild, formatNumber(value, ENTRY_FORMAT))
    );
  });
  return slot;
}
