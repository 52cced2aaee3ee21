import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {useBrowser} from "./chromium.js";
import {chartMarkup} from "./controls.js";
import {expectNoProblem, openPage, withPage, waitForCells} from "./page.js";
import {sitePages} from "./site.js";

const pages = sitePages;

const browser = useBrowser();

describe.each(pages)("page $path", ({name, path}) => {
  test("renders its title with no error, no console error and no foreign request", async () => {
    await withPage(browser(), path, async (page) => {
      await expect(page.title()).resolves.toContain(name);
      const heading = page.locator("#observablehq-main h1").first();
      expect((await heading.textContent())?.trim().length).toBeGreaterThan(0);
    });
  });

  test("every range slider, moved with the keyboard, changes at least one chart", async () => {
    await withPage(browser(), path, async (page) => {
      const sliders = page.locator("#observablehq-main input[type=range]");
      const count = await sliders.count();
      for (let i = 0; i < count; i++) {
        const slider = sliders.nth(i);
        // a slider disabled in the page's setup (the playground's regularisation rate while the
        // penalty is None) does nothing by design
        if (await slider.isDisabled()) continue;
        const before = await chartMarkup(page);
        const {value, max} = await slider.evaluate((input: HTMLInputElement) => ({
          value: input.valueAsNumber,
          max: Number(input.max)
        }));
        await slider.focus();
        for (let k = 0; k < 5; k++) await slider.press(value < max ? "ArrowRight" : "ArrowLeft");
        await waitForCells(page);
        const label = await slider.evaluate(
          (input) => input.closest("form")?.querySelector("label")?.textContent ?? input.id
        );
        // Work a slider starts may finish a few frames later (e.g. retraining is coalesced
        // to one run per frame), so wait up to 5 s for a chart to change.
        await expect
          .poll(() => chartMarkup(page), {
            timeout: 5_000,
            message: `slider "${label}" on ${path} changed no chart`
          })
          .not.toEqual(before);
      }
    });
  });
});
