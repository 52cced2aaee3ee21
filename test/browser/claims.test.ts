// The demos that make the course's claims visible: the zigzag of single-example steps on
// /sigmoid and the gated units on /more-activations. Each control changes its chart, and the
// numbers in the prose are lib's.
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {gatedPoint} from "../../lib/gated.js";
import {descentPath, sigmoidExamples, zigzagSetup} from "../../lib/zigzag.js";
import {formatNumber} from "../../src/components/format.js";
import {useBrowser} from "./chromium.js";
import {liveText as live, numberBox} from "./controls.js";
import {expectNoProblem, openPage, withPage, waitForCells} from "./page.js";

const browser = useBrowser();

async function setNumber(page: Page, name: string, value: number): Promise<void> {
  const box = numberBox(page, name);
  await box.fill(String(value));
  await box.press("Enter");
  await waitForCells(page);
}

describe("/sigmoid: the zigzag of single-example steps", () => {
  const CHART = '#observablehq-main svg[aria-label^="Descent paths"]';
  const paths = (page: Page) =>
    page
      .locator(CHART)
      .evaluate((svg) =>
        ["zigzag-example", "zigzag-batch", "zigzag-steps"].map(
          (c) => svg.querySelector(`g.${c} path`)?.getAttribute("d") ?? ""
        )
      );

  test("the learning rate and the step count redraw both paths, and the counts are lib's", async () => {
    await withPage(browser(), "/sigmoid", async (page) => {
      const examples = sigmoidExamples(zigzagSetup.best);
      const check = async (learningRate: number, steps: number) => {
        const options = {start: zigzagSetup.start, learningRate, steps};
        const one = descentPath(examples, {...options, mode: "example"});
        const batch = descentPath(examples, {...options, mode: "batch"});
        expect(await live(page, "zigzag-steps")).toBe(formatNumber(steps, {digits: 3}));
        expect(await live(page, "zigzag-same")).toBe(
          formatNumber(one.sameSign.filter(Boolean).length, {digits: 3})
        );
        expect(await live(page, "zigzag-batch-same")).toBe(
          formatNumber(batch.sameSign.filter(Boolean).length, {digits: 3})
        );
        expect(await live(page, "zigzag-example-w1")).toBe(formatNumber(one.points.at(-1)![0]));
        expect(await live(page, "zigzag-batch-w2")).toBe(formatNumber(batch.points.at(-1)![1]));
        const [example, , dots] = await paths(page);
        expect(example.split("L")).toHaveLength(steps + 1); // one segment per step
        expect(dots.split("M")).toHaveLength(steps + 2); // a dot per point, after the leading ""
      };
      await check(1, 48);
      const before = await paths(page);
      await setNumber(page, "Learning rate", 2);
      await check(2, 48);
      const faster = await paths(page);
      expect(faster[0]).not.toBe(before[0]);
      expect(faster[1]).not.toBe(before[1]);
      await setNumber(page, "Steps", 12);
      await check(2, 12);
      expect((await paths(page))[0]).not.toBe(faster[0]);
    });
  });
});

describe("/more-activations: gated units", () => {
  const CHART = '#observablehq-main svg[aria-label^="A gated unit"]';
  const drawn = (page: Page) =>
    page.locator(CHART).evaluate((svg) => ({
      out: svg.querySelector("g.gated-out path")?.getAttribute("d") ?? "",
      dx: svg.querySelector("g.gated-dx path")?.getAttribute("d") ?? "",
      gate: svg.querySelector("g.gated-gate path")?.getAttribute("d") ?? "",
      dot: [
        svg.querySelector(".gated-out-dot")?.getAttribute("cx"),
        svg.querySelector(".gated-dx-dot")?.getAttribute("cy")
      ]
    }));
  const visiblePanels = (page: Page) =>
    page
      .locator(".gated-panel")
      .evaluateAll((panels) =>
        panels.filter((p) => !(p as HTMLElement).hidden).map((p) => (p as HTMLElement).dataset.id)
      );

  test("the unit, x, W and V each change the chart, and the product rule's numbers are lib's", async () => {
    await withPage(browser(), "/more-activations", async (page) => {
      const check = async (id: string, x: number, w: number, v: number) => {
        const p = gatedPoint(id, x, w, v);
        expect(await live(page, "gated-xw")).toBe(formatNumber(p.xw));
        expect(await live(page, "gated-xv")).toBe(formatNumber(p.xv));
        expect(await live(page, "gated-gate")).toBe(formatNumber(p.gate));
        expect(await live(page, "gated-out")).toBe(formatNumber(p.out));
        expect(await live(page, "gated-gate-slope")).toBe(formatNumber(p.gateSlope));
        expect(await live(page, "gated-dx")).toBe(formatNumber(p.dx));
        expect(await visiblePanels(page)).toEqual([id]);
      };
      await check("swiglu", 1, 1, 0.5);
      let before = await drawn(page);

      await setNumber(page, "x (gated unit)", -2);
      await check("swiglu", -2, 1, 0.5);
      let after = await drawn(page);
      expect(after.out).toBe(before.out); // x moves the dots, not the curves
      expect(after.dot).not.toEqual(before.dot);
      before = after;

      await setNumber(page, "W", -1.5);
      await check("swiglu", -2, -1.5, 0.5);
      after = await drawn(page);
      expect(after.out).not.toBe(before.out);
      expect(after.gate).not.toBe(before.gate);
      before = after;

      await setNumber(page, "V", 2);
      await check("swiglu", -2, -1.5, 2);
      after = await drawn(page);
      expect(after.out).not.toBe(before.out);
      expect(after.dx).not.toBe(before.dx);
      // (V leaves the gate's values alone; its path may move with the y-axis)
      before = after;

      await page.getByRole("combobox", {name: "Gated unit"}).selectOption({label: "GLU"});
      await waitForCells(page);
      await check("glu", -2, -1.5, 2);
      after = await drawn(page);
      expect(after.out).not.toBe(before.out);
      expect(after.gate).not.toBe(before.gate);
    });
  });
});
