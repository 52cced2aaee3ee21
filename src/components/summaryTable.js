// The summary table of /summary: one row per activation record, with its name and a small
// chart of f and f′, its output range and derivative (typeset at build time), whether it is
// zero-centred, how its gradients fare, and its use. The core five and the further
// activations are two tables of this one kind, so a record added to lib/ gets a row with
// nothing else edited.
import {html} from "npm:htl";
import {formulaHtml} from "./formulas.js";
import {miniActivationChart} from "./miniChart.js";
import {recordTable} from "./recordTable.js";

const vanishing = {
  yes: "Yes",
  less: "Yes (less)",
  no: "No",
  dies: "No (but units can die)"
};
const yesNo = (value) => (value ? "Yes" : "No");

/** The columns: each one's title, what a record's cell holds and the cell's attributes. */
const columns = (formulas) => [
  {
    title: "Function (f and f′)",
    header: true,
    attributes: () => ({class: "summary-label"}),
    cell: (a) => [html`<span class="summary-name">${a.label}</span>`, miniActivationChart(a)]
  },
  {
    title: "Output range",
    attributes: (a) => ({class: "summary-range", "data-range": a.range.tex}),
    cell: (a) => formulaHtml(formulas, `${a.id}.range`)
  },
  {
    title: "Derivative",
    attributes: () => ({class: "summary-derivative"}),
    cell: (a) => formulaHtml(formulas, `${a.id}.df`)
  },
  {title: "Zero-centred", cell: (a) => yesNo(a.zeroCentred)},
  {title: "Vanishing gradient", cell: (a) => vanishing[a.vanishingGradient]},
  {title: "Notes", attributes: () => ({class: "summary-notes"}), cell: (a) => a.useCase}
];

/**
 * The table of `records` in a sideways-scrolling region named `label`; `formulas` is the
 * table of src/data/formulas.json.ts, `rows` names the table for tests (data-rows).
 */
export function summaryTable(records, {formulas, label, rows}) {
  return html`<div class="table-scroll" role="region" aria-label=${label} tabindex="0">
    ${recordTable(records, columns(formulas), {className: "summary-table", rows, scope: "col"})}
  </div>`;
}
