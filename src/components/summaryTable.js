// The summary table of /summary: one row per activation record, with its name and a small
// chart of f and f′, its output range and derivative (typeset at build time), whether it is
// zero-centred, how its gradients fare, and its use. The core five and the further
// activations are two tables of this one kind, so a record added to lib/ gets a row with
// nothing else edited.
import {html} from "npm:htl";
import {formulaHtml} from "./formulas.js";
import {miniActivationChart} from "./miniChart.js";

const vanishing = {
  yes: "Yes",
  less: "Yes (less)",
  no: "No",
  dies: "No (but units can die)"
};
const yesNo = (value) => (value ? "Yes" : "No");

/**
 * The table of `records` in a sideways-scrolling region named `label`; `formulas` is the
 * table of src/data/formulas.json.ts, `rows` names the table for tests (data-rows).
 */
export function summaryTable(records, {formulas, label, rows}) {
  return html`<div class="table-scroll" role="region" aria-label=${label} tabindex="0">
    <table class="summary-table" data-rows=${rows}>
      <thead>
        <tr>
          <th scope="col">Function (f and f′)</th>
          <th scope="col">Output range</th>
          <th scope="col">Derivative</th>
          <th scope="col">Zero-centred</th>
          <th scope="col">Vanishing gradient</th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        ${records.map(
          (a) =>
            html`<tr data-activation=${a.id}>
              <th scope="row" class="summary-label">
                <span class="summary-name">${a.label}</span>${miniActivationChart(a)}
              </th>
              <td class="summary-range" data-range=${a.range.tex}>
                ${formulaHtml(formulas, `${a.id}.range`)}
              </td>
              <td class="summary-derivative">${formulaHtml(formulas, `${a.id}.df`)}</td>
              <td>${yesNo(a.zeroCentred)}</td>
              <td>${vanishing[a.vanishingGradient]}</td>
              <td class="summary-notes">${a.useCase}</td>
            </tr>`
        )}
      </tbody>
    </table>
  </div>`;
}
