// The initialisation page: every control changes what it should, and every number it shows
// under the chart and in the arithmetic at one layer is the one lib/deepStats computes, in
// its worker or, where there is none, on the main thread.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {deepStats} from "../../lib/deepStats.js";
import type {DeepStatsOptions, DeepStatsResult} from "../../lib/deepStats.js";
import {formatNumber} from "../../src/components/format.js";
import {launchChromium, openPage, waitForCells} from "./chromium.js";
import type {PageProblems} from "./chromium.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const defaults: DeepStatsOptions = {
  depth: 20,
  width: 128,
  batch: 256,
  initialisation: "he",
  activation: "relu",
  seed: 1
};

/** The unrounded number a slot shows (liveSlot keeps it in data-value). */
async function slotValue(page: Page, name: string): Promise<number> {
  const value = await page.locator(`[data-live="${name}"]`).first().getAttribute("data-value");
  return Number(value);
}

async function slotText(page: Page, name: string): Promise<string> {
  return (await page.locator(`[data-live="${name}"]`).first().textContent())?.trim() ?? "";
}

/** Waits until the run for these options has finished and its numbers are written. */
async function waitForRun(page: Page, options: DeepStatsOptions): Promise<void> {
  const done = `Done: ${options.depth} layer${options.depth === 1 ? "" : "s"} of ${options.width} units, ${options.batch} inputs.`;
  await expect.poll(() => slotText(page, "spread-status"), {timeout: 20_000}).toBe(done);
  await waitForCells(page);
}

/** Checks the numbers under the chart and at layer `inspect` against lib's run. */
async function expectNumbersOf(page: Page, expected: DeepStatsResult, inspect: number): Promise<void> {
  const first = expected.layers[0];
  const last = expected.layers.at(-1)!;
  const close = async (name: string, value: number) =>
    expect(await slotValue(page, name), name).toBeCloseTo(
      value,
      12 - Math.max(0, Math.ceil(Math.log10(Math.abs(value) || 1)))
    );
  await close("z-first", first.pre.variance);
  await close("z-last", last.pre.variance);
  await close("z-last-mean", last.post.mean);
  await close("g-top", last.gradient!.secondMoment);
  await close("g-first", first.gradient!.secondMoment);
  await close("sat-last", last.saturated.share);
  expect(await slotText(page, "last-layer")).toBe(String(expected.depth));
  const layer = expected.layers[Math.min(inspect, expected.depth) - 1];
  await close("measZ", layer.forward.measured);
  await close("measD", layer.backward!.measured);
  await close("postM2", layer.post.secondMoment);
  expect(await slotText(page, "inspect-layer")).toBe(String(layer.layer));
}

/** How many dots a series of the spread chart draws (a circle per layer, all in one path). */
async function dotCount(page: Page, series: "spread-forward" | "spread-backward"): Promise<number> {
  const d = await page.locator(`svg.spread-chart g.${series}[aria-label="dot"] path`).getAttribute("d");
  return (d?.match(/M/g) ?? []).length;
}

/** The markup of the spread chart. */
async function chartMarkup(page: Page): Promise<string> {
  return page.locator("svg.spread-chart").evaluate((svg) => svg.outerHTML);
}

/** Sets a slider by typing into its number box, as a reader can. */
async function setRange(page: Page, label: string, value: number): Promise<void> {
  const box = page
    .locator("form")
    .filter({has: page.getByText(label, {exact: true})})
    .locator("input[type=number]");
  await box.fill(String(value));
  await box.press("Enter");
}

async function select(page: Page, label: string, option: string): Promise<void> {
  await page.getByLabel(label, {exact: true}).selectOption({label: option});
}

function expectNoProblems(problems: PageProblems): void {
  expect(problems.pageErrors).toEqual([]);
  expect(problems.consoleErrors).toEqual([]);
  expect(problems.foreignRequests).toEqual([]);
}

describe("initialisation page", () => {
  test("shows lib's numbers for the default network, and each control changes what it should", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/initialisation");
    try {
      let options = {...defaults};
      await waitForRun(page, options);
      await expectNumbersOf(page, deepStats(options), 10);
      expect(await dotCount(page, "spread-forward")).toBe(20);

      const steps: [string, () => Promise<void>, Partial<DeepStatsOptions>][] = [
        ["Weights", () => select(page, "Weights", "Xavier (Glorot)"), {initialisation: "xavier"}],
        ["Activation", () => select(page, "Activation", "Tanh"), {activation: "tanh"}],
        ["Depth", () => setRange(page, "Depth (layers)", 30), {depth: 30}],
        ["Width", () => setRange(page, "Width (units)", 64), {width: 64}],
        ["Batch", () => setRange(page, "Batch (inputs)", 128), {batch: 128}],
        ["Seed", () => setRange(page, "Seed", 3), {seed: 3}]
      ];
      for (const [name, act, change] of steps) {
        const before = await chartMarkup(page);
        const zBefore = await slotValue(page, "z-last");
        await act();
        options = {...options, ...change};
        await waitForRun(page, options);
        const expected = deepStats(options);
        await expectNumbersOf(page, expected, 10);
        expect(await chartMarkup(page), `${name} redraws the chart`).not.toBe(before);
        expect(await slotValue(page, "z-last"), `${name} changes Var(z) at the top`).not.toBe(zBefore);
      }
      expect(await dotCount(page, "spread-forward")).toBe(30);
      expect(await slotText(page, "rule-width")).toBe("64");

      // the layer to inspect moves the marker and the arithmetic, not the run
      const markerBefore = await page.locator("g.spread-marker path").getAttribute("d");
      await setRange(page, "Layer to inspect", 25);
      await waitForCells(page);
      const expected = deepStats(options);
      await expectNumbersOf(page, expected, 25);
      expect(await page.locator("g.spread-marker path").getAttribute("d")).not.toBe(markerBefore);

      // beyond the depth, the top layer is shown and the page says so
      await setRange(page, "Depth (layers)", 5);
      options = {...options, depth: 5};
      await waitForRun(page, options);
      await expectNumbersOf(page, deepStats(options), 25);
      expect(await slotText(page, "inspect-note")).toContain("only 5 layers");
      expect(await slotText(page, "inspect-note")).toContain("top layer");
      expectNoProblems(problems);
    } finally {
      await page.context().close();
    }
  });

  test("He with ReLU: the prediction at a layer matches lib's arithmetic record", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/initialisation");
    try {
      await waitForRun(page, defaults);
      const expected = deepStats(defaults);
      const layer = expected.layers[9];
      const shown = async (name: string) =>
        (await page.locator(`[data-live="${name}"]`).first().textContent())?.replace(/\s/g, "");
      expect(await shown("predZ")).toBe(formatNumber(layer.forward.predicted));
      expect(await shown("predD")).toBe(formatNumber(layer.backward!.predicted));
      expect(await shown("fanIn")).toBe("128");
      expectNoProblems(problems);
    } finally {
      await page.context().close();
    }
  });

  test("a value out of range gets a clear answer and the network stays as it was", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/initialisation");
    try {
      await waitForRun(page, defaults);
      const before = await chartMarkup(page);
      await setRange(page, "Depth (layers)", 500);
      await waitForCells(page);
      const message = page
        .locator("form")
        .filter({has: page.getByText("Depth (layers)", {exact: true})})
        .locator(".range-message");
      await expect.poll(() => message.textContent()).toContain("out of range");
      expect(await slotText(page, "spread-status")).toContain("Done: 20 layers");
      expect(await chartMarkup(page)).toBe(before);
      expectNoProblems(problems);
    } finally {
      await page.context().close();
    }
  });

  test("computes the network in a worker, bundled beside the page's modules", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/initialisation");
    try {
      await waitForRun(page, defaults);
      const urls = page.workers().map((worker) => new URL(worker.url()));
      expect(urls).toHaveLength(1);
      expect(urls[0].origin).toBe(new URL(page.url()).origin);
      expect(urls[0].pathname).toMatch(/\/_import\/pages\/deepStatsWorker\.\w+\.js$/);
      // a newer setting while a run is going: only the newest is drawn
      await setRange(page, "Depth (layers)", 50);
      await setRange(page, "Seed", 2);
      const options = {...defaults, depth: 50, seed: 2};
      await waitForRun(page, options);
      await expectNumbersOf(page, deepStats(options), 10);
      expect(await dotCount(page, "spread-forward")).toBe(50);
      expectNoProblems(problems);
    } finally {
      await page.context().close();
    }
  });

  test("a change is posted to the worker at its input event, once, before the page's cells see it", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/initialisation", {
      prepare: async (page) => {
        // counts the requests the page posts to its worker
        await page.addInitScript(() => {
          const posted: unknown[] = ((globalThis as unknown as {__posted: unknown[]}).__posted = []);
          const post = Worker.prototype.postMessage as (...args: unknown[]) => void;
          Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
            posted.push(args[0]);
            post.apply(this, args);
          };
        });
      }
    });
    try {
      await waitForRun(page, defaults);
      const requests = await page.evaluate(() => {
        const posted = (globalThis as unknown as {__posted: {options?: {initialisation?: string}}[]}).__posted;
        posted.length = 0;
        const scheme = document.querySelector<HTMLSelectElement>("#observablehq-main select")!;
        scheme.selectedIndex = [...scheme.options].findIndex((o) => o.textContent === "Xavier (Glorot)");
        scheme.dispatchEvent(new Event("input", {bubbles: true}));
        // posted within the input event, before any animation frame
        return posted.map((m) => m.options?.initialisation);
      });
      expect(requests).toEqual(["xavier"]);
      const options = {...defaults, initialisation: "xavier" as const};
      await waitForRun(page, options);
      await expectNumbersOf(page, deepStats(options), 10);
      // the cells, a frame later, asked for the same run: it was not posted again
      const quiz = "tanh"; // the quiz at the foot of the page has a runner (and requests) of its own
      const later = await page.evaluate(() =>
        (globalThis as unknown as {__posted: {options?: {activation?: string}}[]}).__posted.map((m) => m.options?.activation)
      );
      expect(later.filter((a) => a !== quiz)).toEqual(["relu"]);
      expectNoProblems(problems);
    } finally {
      await page.context().close();
    }
  });

  test("without Worker, computes the same numbers on the main thread, in slices", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/initialisation", {
      prepare: async (page) => {
        await page.addInitScript(() => void Reflect.deleteProperty(globalThis, "Worker"));
      }
    });
    try {
      await waitForRun(page, defaults);
      expect(page.workers()).toHaveLength(0);
      await expectNumbersOf(page, deepStats(defaults), 10);
      await select(page, "Activation", "Tanh");
      const options = {...defaults, activation: "tanh"};
      await waitForRun(page, options);
      await expectNumbersOf(page, deepStats(options), 10);
      expectNoProblems(problems);
    } finally {
      await page.context().close();
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`at 390 px in ${colorScheme} mode nothing scrolls sideways and the chart is drawn`, async () => {
      const {page, problems} = await openPage(browser, inject("baseUrl") + "/initialisation", {
        width: 390,
        height: 844,
        colorScheme
      });
      try {
        await waitForRun(page, defaults);
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth
        );
        expect(overflow).toBeLessThanOrEqual(0);
        const colours = await page.evaluate(() =>
          [".spread-forward", ".spread-backward"].map(
            (s) => getComputedStyle(document.querySelector(`svg.spread-chart g${s}`)!).color
          )
        );
        expect(colours[0]).not.toBe(colours[1]);
        expect(colours[0]).toBe(colorScheme === "dark" ? "rgb(86, 180, 233)" : "rgb(0, 114, 178)");
        expect(await dotCount(page, "spread-backward")).toBe(20);
        expectNoProblems(problems);
      } finally {
        await page.context().close();
      }
    });
  }
});
