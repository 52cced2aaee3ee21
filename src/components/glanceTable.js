// /more-activations' "At a glance" table: one row per record, read from lib/ (name, range,
// monotonic, smooth, steepest slope, where it is used), so a record added to lib/ gets a row
// with nothing else edited.
import {html} from "npm:htl";
import {formatNumber} from "./format.js";
import {formulaHtml} from "./formulas.js";

const yesNo = (value) => (value ? "yes" : "no");

/** The steepest slope as the table states it: "1 (for large x)" or "1.1 at x ≈ 1.42". */
export function slopeText({maxSlope}) {
  const value = formatNumber(maxSlope.value, {digits: 3});
  return maxSlope.x === null
    ? `${value} (for large x)`
    : `${value} at x ≈ ${formatNumber(maxSlope.x, {digits: 3})}`;
}

/** The table of `records`; `formulas` is the table of src/data/formulas.json.ts. */
export function glanceTable(records, {formulas}) {
  return html`<table class="glance-table">
    <thead>
      <tr>
        <th>Function</th>
        <th>Range</th>
        <th>Monotonic</th>
        <th>Smooth</th>
        <th>Steepest slope</th>
        <th>Used in</th>
      </tr>
    </thead>
    <tbody>
      ${records.map(
        (a) =>
          html`<tr data-activation=${a.id}>
            <td>${a.glanceLabel ?? a.label}</td>
            <td>${formulaHtml(formulas, `${a.id}.range`)}</td>
            <td>${yesNo(a.monotonic)}</td>
            <td>${yesNo(a.smooth)}</td>
            <td>${slopeText(a)}</td>
            <td>${a.usedIn ?? "—"}</td>
          </tr>`
      )}
    </tbody>
  </table>`;
}
