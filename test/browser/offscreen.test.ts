// components/offscreen.js: an update for an element in view runs at once; one for an element
// far off screen waits (only the last one is kept) and runs once the input settles, or at
// once on flushOffscreen. Bundled from its source and loaded into a page of the course (the
// built site joins it into each page's bundle, under no name of its own).
import {buildSync} from "esbuild";
import type {Page} from "playwright-core";
import {beforeAll, describe, expect, inject, test} from "vitest";
import {useBrowser} from "./chromium.js";
import {expectNoProblem, openPage, waitForCells} from "./page.js";

const offscreenSource = buildSync({
  entryPoints: ["src/components/offscreen.js"],
  bundle: true,
  format: "iife",
  globalName: "offscreen",
  write: false
}).outputFiles[0].text;

const browser = useBrowser();
let page: Page;
beforeAll(async () => {
  ({page} = await openPage(browser(), inject("baseUrl") + "/summary"));
  await page.addScriptTag({content: offscreenSource});
  await page.evaluate(async () => {
    const w = window as any;
    const make = (top: number) => {
      const element = document.createElement("div");
      element.style.cssText = `position: absolute; left: 0; top: ${top}px; width: 10px; height: 10px`;
      document.body.append(element);
      return element;
    };
    w.near = make(0);
    w.far = make(50_000);
    w.runs = [];
    // the first update of each element runs at once (not measured yet); then wait until the
    // browser has measured them: an observer made later is told after offscreen.js's own
    w.offscreen.whenInView(w.near, () => w.runs.push("near 0"));
    w.offscreen.whenInView(w.far, () => w.runs.push("far 0"));
    await new Promise<void>((resolve) =>
      new IntersectionObserver((_, observer) => {
        observer.disconnect();
        resolve();
      }).observe(w.far)
    );
  });
});

const runs = () => page.evaluate(() => (window as any).runs as string[]);

describe("whenInView", () => {
  test("runs an update for an element in view at once", async () => {
    await page.evaluate(() =>
      (window as any).offscreen.whenInView((window as any).near, () => (window as any).runs.push("near 1"))
    );
    expect(await runs()).toEqual(["near 0", "far 0", "near 1"]);
  });

  test("holds updates for an element off screen, keeps the last, runs it when input settles", async () => {
    const pending = await page.evaluate(() => {
      const w = window as any;
      for (const k of [1, 2, 3]) w.offscreen.whenInView(w.far, () => w.runs.push(`far ${k}`));
      return [w.offscreen.pendingOffscreen(), w.runs.length];
    });
    expect(pending).toEqual([1, 3]);
    await waitForCells(page);
    expect(await runs()).toEqual(["near 0", "far 0", "near 1", "far 3"]);
    expect(await page.evaluate(() => (window as any).offscreen.pendingOffscreen())).toBe(0);
  });

  test("flushOffscreen runs what waits, at once", async () => {
    const after = await page.evaluate(() => {
      const w = window as any;
      w.offscreen.whenInView(w.far, () => w.runs.push("far 4"));
      w.offscreen.flushOffscreen();
      return w.runs.at(-1);
    });
    expect(after).toBe("far 4");
  });

  test("an element scrolled into view gets its waiting update", async () => {
    await page.evaluate(() => {
      const w = window as any;
      w.offscreen.whenInView(w.far, () => w.runs.push("far 5"));
      w.far.scrollIntoView();
    });
    await page.waitForFunction(() => (window as any).runs.at(-1) === "far 5");
    expect(await page.evaluate(() => (window as any).offscreen.pendingOffscreen())).toBe(0);
    await expectNoProblem(page);
  });
});
