// The tables read from the activation records (/summary's, /more-activations' "At a glance"):
// a row of column titles, then one row per record, marked with its id (data-activation), so
// a record added to lib/ gets a row with nothing else edited. A table names only its columns.
import {html} from "npm:htl";

/**
 * The table of `records`. Each of `columns` is {title, cell, attributes, header}: `cell(record)`
 * is what the cell holds, `attributes(record)` (optional) the cell's attributes, and a
 * `header` column's cells are row headers (th scope="row"). `className` and `rows` (data-rows,
 * which names the table for tests) are the table's; `scope` is the column titles' (e.g. "col").
 */
export function recordTable(records, columns, {className, rows, scope} = {}) {
  return html`<table class=${className} data-rows=${rows}>
    <thead>
      <tr>
        ${columns.map(({title}) => html`<th scope=${scope}>${title}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${records.map(
        (record) =>
          html`<tr data-activation=${record.id}>
            ${columns.map(({cell, attributes, header}) =>
              header
                ? html`<th scope="row" ${attributes?.(record) ?? {}}>${cell(record)}</th>`
                : html`<td ${attributes?.(record) ?? {}}>${cell(record)}</td>`
            )}
          </tr>`
      )}
    </tbody>
  </table>`;
}
