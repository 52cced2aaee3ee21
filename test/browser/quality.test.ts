import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {gzipSync} from "node:zlib";
import {describe, expect, inject, test} from "vitest";
import {useBrowser} from "./chromium.js";
import {expectNoProblem, openPage, waitForCells, watchPage} from "./page.js";
import {sitePages} from "./site.js";

const paths = sitePages.map((page) => page.path);

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  help: string;
  nodes: {target: string[]}[];
}

const browser = useBrowser();

describe.each(paths)("page %s", (path) => {
  test.each(["light", "dark"] as const)("has no axe-core violations (%s)", async (colorScheme) => {
    const {page} = await openPage(browser(), inject("baseUrl") + path, {colorScheme});
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
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("transfers at most 170 KB gzip of JavaScript and CSS", async () => {
    const context = await browser().newContext();
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
    const {page} = await openPage(browser(), inject("baseUrl") + path, {width: 390, height: 844});
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
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  // At Lighthouse's desktop size and on a 390 px phone, where controls stack and text wraps.
  test.each([
    [1350, 940],
    [390, 844]
  ])("keeps its text still while it loads (layout shift < 0.02 at %i px)", async (width, height) => {
    // what the scripts draw goes into room kept for it (.reserve in style.css), so nothing
    // below moves, and the fonts of its formulas are preloaded (scripts/katex-fonts.js), so
    // they do not arrive after the first layout and rewrap the text around them. 0.1 is the
    // bound of a "good" cumulative layout shift; below 0.02 a shift costs no Lighthouse
    // point (/initialisation's 0.055, before its fonts were preloaded, cost one). A plain page, with
    // no request interception: intercepted stylesheets would hold back the first paint until
    // the scripts have drawn, and hide the shift.
    const context = await browser().newContext({viewport: {width, height}});
    const page = await context.newPage();
    await watchPage(page, {blockForeign: false});
    await page.goto(inject("baseUrl") + path, {waitUntil: "load"});
    await waitForCells(page);
    try {
      // every shift so far, then any later one until the layout has held still for ten frames
      const shift = await page.evaluate(
        () =>
          new Promise<number>((resolve) => {
            let total = 0;
            let still = 0;
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries() as (PerformanceEntry & {
                value: number;
                hadRecentInput: boolean;
              })[])
                if (!entry.hadRecentInput) total += entry.value;
              still = 0;
            }).observe({type: "layout-shift", buffered: true});
            const frame = () => (++still >= 10 ? resolve(total) : requestAnimationFrame(frame));
            requestAnimationFrame(frame);
          })
      );
      expect(shift).toBeLessThan(0.02);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});
