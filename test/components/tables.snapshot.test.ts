// @vitest-environment jsdom
// The tables read from the activation records: /more-activations' "At a glance" table
// (glanceTable) and /summary's tables (summaryTable), each with a snapshot that catches an
// unintended change of its rows. The typeset formulas are stand-ins that name the formula,
// so a snapshot shows which formula goes in which cell without depending on KaTeX (whose
// import formulas.js names as Framework serves it).
import {describe, expect, test, vi} from "vitest";
import {activations, coreActivationIds, extraActivationIds, glanceActivationIds} from "../../lib/activations.js";
import {glanceTable} from "../../src/components/glanceTable.js";
import {summaryTable} from "../../src/components/summaryTable.js";
import {expectSnapshot} from "./snapshot.js";

vi.mock("../../src/components/formulas.js", () => ({
  formulaHtml: (_: unknown, name: string) =>
    Object.assign(document.createElement("span"), {className: "formula", textContent: name})
}));

/** The pages' formulas table, which the stand-in formulaHtml does not read. */
const formulas = {};

describe("glanceTable", () => {
  test("one row per record, in the order given", () => {
    const table = glanceTable(glanceActivationIds.map((id) => activations[id]), {formulas});
    const rows = [...table.querySelectorAll("tbody tr")].map((tr) => (tr as HTMLElement).dataset.activation);
    expect(rows).toEqual([...glanceActivationIds]);
    expect(table.querySelectorAll("thead th")).toHaveLength(6);
    expect([...table.querySelectorAll("tbody tr")].every((tr) => tr.children.length === 6)).toBe(true);
  });

  test("snapshot: /more-activations' records", () => {
    expectSnapshot("glanceTable", glanceTable(glanceActivationIds.map((id) => activations[id]), {formulas}));
  });
});

describe("summaryTable", () => {
  test("one row per record, its name a row header", () => {
    const region = summaryTable(coreActivationIds.map((id) => activations[id]), {formulas, label: "Summary", rows: "core"});
    const rows = [...region.querySelectorAll("tbody tr")];
    expect(rows.map((tr) => (tr as HTMLElement).dataset.activation)).toEqual([...coreActivationIds]);
    expect(rows.every((tr) => tr.firstElementChild!.matches("th[scope=row]") && tr.children.length === 6)).toBe(true);
    expect(region.getAttribute("aria-label")).toBe("Summary");
  });

  test("snapshot: the core five and the further activations", () => {
    expectSnapshot(
      "summaryTable-core",
      summaryTable(coreActivationIds.map((id) => activations[id]), {formulas, label: "Summary", rows: "core"})
    );
    expectSnapshot(
      "summaryTable-further",
      summaryTable(extraActivationIds.map((id) => activations[id]), {formulas, label: "More", rows: "further"})
    );
  });
});
