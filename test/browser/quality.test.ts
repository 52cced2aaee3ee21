import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import {gzipSync} from "node:zlib";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {launchChromium, openPage} from "./chromium.js";
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

  test("does not scroll horizontally on a 390 px wide phone", async () => {
    const {page} = await openPage(browser, inject("baseUrl") + path, {width: 390, height: 844});
    try {
      const {scrollWidth, clientWidth} = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth
      }));
      expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    } finally {
      await page.context().close();
    }
  });
});
