import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {gzipSync} from "node:zlib";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {launchChromium, openPage, waitForCells} from "./chromium.js";
import {sitePages} from "./site.js";

const paths = sitePages.map((page) => page.path);

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  help: string;
  nodes: {target: string[]}[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(paths)("page %s", (path) => {
  test.each(["light", "dark"] as const)("has no axe-core violations (%s)", async (colorScheme) => {
    const {page} = await openPage(browser, inject("baseUrl") + path, {colorScheme});
    try {
      await page.addScriptTag({content: axeSource});
      const violations: AxeViolation[] = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        // every rule, plus WCAG 2.2's target size (off by default in axe, checked by Lighthouse)
        const result = await window.axe.run(document, {
          resultTypes: ["violations"],
          rules: {"target-size": {enabled: true}}
        });
        return result.violations.map((v: AxeViolation) => ({
          id: v.id,
          help: v.help,
          nodes: v.nodes.map((n) => ({target: n.target}))
        }));
      });
      const summary = violations.map(
        (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`
      );
      expect(summary).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("transfers at most 170 KB gzip of JavaScript and CSS", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sizes: Promise<number>[] = [];
    page.on("response", (response) => {
      if (/\.(js|css)$/.test(new URL(response.url()).pathname)) {
        sizes.push(response.body().then((body) => gzipSync(body).length));
      }
    });
    try {
      await page.goto(inject("baseUrl") + path, {waitUntil: "networkidle"});
      const kilobytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0) / 1024;
      expect(kilobytes).toBeGreaterThan(20);
      expect(kilobytes).toBeLessThanOrEqual(170);
    } finally {
      await context.close();
    }
  });

  test("does not scroll horizontally on a 390 px wide phone, nor does any formula", async () => {
    const {page} = await openPage(browser, inject("baseUrl") + path, {width: 390, height: 844});
    try {
      const {scrollWidth, clientWidth, widerFormulas} = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        // a display formula wider than the column would scroll in its own box (.math-display)
        widerFormulas: [...document.querySelectorAll("#observablehq-main .math-display")]
          .filter((box) => box.scrollWidth > box.clientWidth + 1)
          .map((box) => `${box.textContent!.slice(0, 40)}: ${box.scrollWidth} > ${box.clientWidth} px`)
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
      expect(widerFormulas).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  // At Lighthouse's desktop size and on a 390 px phone, where controls stack and text wraps.
  test.each([
    [1350, 940],
    [390, 844]
  ])("keeps its text still while it loads (layout shift < 0.1 at %i px)", async (width, height) => {
    // what the scripts draw goes into room kept for it (.reserve in style.css), so nothing
    // below moves; 0.1 is the bound of a "good" cumulative layout shift. A plain page, with
    // no request interception: intercepted stylesheets would hold back the first paint until
    // the scripts have drawn, and hide the shift.
    const context = await browser.newContext({viewport: {width, height}});
    const page = await context.newPage();
    await page.goto(inject("baseUrl") + path, {waitUntil: "load"});
    await waitForCells(page);
    try {
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & {
                value: number;
                hadRecentInput: boolean;
              })[])
                if (!entry.hadRecentInput) total += entry.value;
            }).observe({type: "layout-shift", buffered: true});
            setTimeout(() => resolve(total), 300);
          })
      );
      expect(shift).toBeLessThan(0.1);
    } finally {
      await page.context().close();
    }
  });
});
