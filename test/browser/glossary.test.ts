import {describe, expect, inject, test} from "vitest";
import {glossary} from "../../src/components/glossary.js";
import {sources} from "../../src/components/sources.js";
import {useBrowser} from "./chromium.js";
import {expectNoProblem, openPage, withPage, waitForCells} from "./page.js";

const browser = useBrowser();

describe("/glossary and the links to it", () => {
  test("a glossary link on /why-activation-functions lands on its term, in view, with its definition", async () => {
    await withPage(browser(), "/why-activation-functions", async (page) => {
      const link = page.locator('#observablehq-main a[href$="glossary#gradient-descent"]').first();
      await expect(link.textContent()).resolves.toBe("gradient descent");
      await link.click();
      await page.waitForURL(/\/glossary#gradient-descent$/);
      const term = page.locator("dt#gradient-descent");
      await expect(term.textContent()).resolves.toBe("Gradient descent");
      const entry = glossary.find((e) => e.id === "gradient-descent")!;
      const definition = await term.evaluate((dt) => dt.nextElementSibling?.textContent ?? "");
      expect(definition).toContain(entry.definition.slice(0, 40));
      // the browser scrolled the term into view: its top is within the window
      const top = await term.evaluate((dt) => dt.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(await page.evaluate(() => window.innerHeight));
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    });
  });

  test("the glossary page defines every term once, and its own links between terms resolve", async () => {
    const {page} = await openPage(browser(), inject("baseUrl") + "/glossary");
    try {
      const ids = await page.locator("dl.glossary dt").evaluateAll((dts) => dts.map((dt) => dt.id));
      expect(ids).toEqual(glossary.map((e) => e.id));
      const targets = await page
        .locator('dl.glossary a[href^="#"]')
        .evaluateAll((links) => links.map((a) => a.getAttribute("href")!.slice(1)));
      expect(targets.length).toBeGreaterThan(5);
      for (const id of targets) expect(await page.locator(`[id="${id}"]`).count(), id).toBe(1);
    } finally {
      await page.context().close();
    }
  });

  test("a page ends with its sources, written out by the page, with links that have names", async () => {
    await withPage(browser(), "/sigmoid", async (page) => {
      await waitForCells(page);
      const items = page.locator("#observablehq-main ul.sources li");
      expect(await items.count()).toBeGreaterThan(2);
      await expect(items.first().textContent()).resolves.toContain(sources.rumelhart1986.title);
      const names = await page
        .locator("#observablehq-main ul.sources a")
        .evaluateAll((links) => links.map((a) => a.textContent?.trim() ?? ""));
      for (const name of names) expect(name.length).toBeGreaterThan(5);
    });
  });
});
