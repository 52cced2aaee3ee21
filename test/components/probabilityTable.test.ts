// @vitest-environment jsdom
// probabilityTable.js: the softmax table is built once and written in place; its numbers are
// the ones it is given (lib/'s softmax and gradient), rounded as formatNumber writes them.
import {describe, expect, test} from "vitest";
import {probabilityTable} from "../../src/components/probabilityTable.js";
import {formatNumber} from "../../src/components/format.js";
import {crossEntropyGradient, oneHot, softmax} from "../../lib/softmax.js";

const column = (table: HTMLTableElement, key: string) =>
  [...table.querySelectorAll(`tbody td[data-column="${key}"]`)].map((cell) => cell.querySelector(".live") ?? cell);

const values = (logits: number[], k: number) => {
  const target = oneHot(k, logits.length);
  return {logits, p: softmax(logits), target, gradient: crossEntropyGradient(logits, target)};
};

describe("probabilityTable", () => {
  test("one row per class, each column the numbers given, unrounded in data-value", () => {
    const table = probabilityTable(3);
    table.update(values([2, 1, -1], 0));
    expect(table.tBodies[0].rows).toHaveLength(3);
    const p = softmax([2, 1, -1]);
    expect(column(table, "p").map((c) => Number((c as HTMLElement).dataset.value))).toEqual(p);
    expect(column(table, "p").map((c) => c.textContent)).toEqual(p.map((v) => formatNumber(v)));
    expect(column(table, "target").map((c) => c.textContent)).toEqual(["1", "0", "0"]);
    expect(Number((column(table, "gradient")[0] as HTMLElement).dataset.value)).toBe(p[0] - 1);
  });

  test("an update rewrites the same nodes in place, and the bars follow the probabilities", () => {
    const table = probabilityTable(3);
    table.update(values([0, 0, 0], 1));
    const cell = column(table, "logit")[0];
    const node = cell.firstChild;
    table.update(values([1000, 0, 0], 1));
    expect(column(table, "logit")[0]).toBe(cell);
    expect(cell.firstChild).toBe(node);
    expect(cell.textContent).toBe(formatNumber(1000));
    const bars = [...table.querySelectorAll<HTMLElement>(".probability-bar")].map((bar) => bar.style.transform);
    expect(bars).toEqual(["scaleX(1)", "scaleX(0)", "scaleX(0)"]);
    expect(column(table, "gradient").map((c) => Number((c as HTMLElement).dataset.value))).toEqual([1, -1, 0]);
  });

  test("NaN draws no bar and reads as not a number; wrong lengths are refused by name", () => {
    const table = probabilityTable(2);
    table.update({logits: [NaN, 0], p: [NaN, NaN], target: [1, 0], gradient: [NaN, NaN]});
    expect(table.querySelector<HTMLElement>(".probability-bar")!.style.transform).toBe("scaleX(0)");
    expect(column(table, "p")[0].textContent).toBe(formatNumber(NaN));
    expect(() => table.update({logits: [0], p: [1], target: [1], gradient: [0]})).toThrow(/logits needs 2 numbers/);
    expect(() => probabilityTable(0)).toThrow(/at least one class/);
  });
});
