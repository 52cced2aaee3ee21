// /more-activations' "At a glance" table: one row per record, read from lib/ (name, range,
// monotonic, smooth, steepest slope, where it is used), so a record added to lib/ gets a row
// with nothing else edited.
import {formatNumber} from "./format.js";
import {formulaHtml} from "./formulas.js";
import {recordTable} from "./recordTable.js";

const yesNo = (value) => (value ? "yes" : "no");

/** The steepest slope as the table states it: "1 (for large x)" or "1.1 at x ≈ 1.42". */
export function slopeText({maxSlope}) {
  const value = formatNumber(maxSlope.value, {digits: 3});
  return maxSlope.x === null
    ? `${value} (for large x)`
    : `${value} at x ≈ ${formatNumber(maxSlope.x, {digits: 3})}`;
}

/** The columns: each one's title and what a record's cell holds. */
const columns = (formulas) => [
  {title: "Function", cell: (a) => a.glanceLabel ?? a.label},
  {title: "Range", cell: (a) => formulaHtml(formulas, `${a.id}.range`)},
  {title: "Monotonic", cell: (a) => yesNo(a.monotonic)},
  {title: "Smooth", cell: (a) => yesNo(a.smooth)},
  {title: "Steepest slope", cell: slopeText},
  {title: "Used in", cell: (a) => a.usedIn ?? "—"}
];

/** The table of `records`; `formulas` is the table of src/data/formulas.json.ts. */
export function glanceTable(records, {formulas}) {
  return recordTable(records, columns(formulas), {className: "glance-table"});
}
