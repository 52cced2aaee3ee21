// Browser tests of the network walk-through on /backpropagation: the published example's
// numbers on the page, every control changing what it should, keyboard selection on the graph,
// the page at 390 px and in dark mode, its weight and its layout shift.
import {readFileSync} from "node:fs";
import {gzipSync} from "node:zlib";
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {advanceWalk, classicParams, startWalk} from "../../src/components/walkState.js";
import {launchChromium, openPage, waitForCells} from "./chromium.js";
import {formatNumber} from "../../src/components/format.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(
  run: (page: Page) => Promise<void>,
  options: {width?: number; colorScheme?: "light" | "dark"} = {}
) {
  const {page, problems} = await openPage(browser, inject("baseUrl") + "/backpropagation", options);
  try {
    await run(page);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
  } finally {
    await page.context().close();
  }
}

const control = (page: Page, label: string) => page.locator("#observablehq-main form", {hasText: label});
const slider = (page: Page, label: string) => control(page, label).locator("input[type=range]");
const item = (page: Page, name: string) => page.locator(`.walk-graph [data-name="${name}"]`);
const itemText = (page: Page, name: string) => item(page, name).evaluate((g) => g.textContent ?? "");
const chain = (page: Page) => page.locator("#walk-chain").innerText();
const lossShown = (page: Page) =>
  page.locator(".walk-graph .walk-loss text").nth(1).evaluate((t) => Number((t as SVGElement).dataset.value));
const readout = (page: Page) => page.locator(".walk-readout");
const gradShown = (page: Page, name: string) =>
  item(page, name).locator(".walk-grad").evaluate((t) => Number((t as SVGElement).dataset.value));

/** Types a value into a control's number box, as a reader can instead of dragging. */
async function typeNumber(page: Page, label: string, value: number) {
  await control(page, label).locator("input[type=number]").fill(String(value));
  await waitForCells(page);
}

async function press(locator: Locator, key: string, times: number) {
  await locator.focus();
  for (let i = 0; i < times; i++) await locator.press(key);
}

async function select(page: Page, name: string) {
  await item(page, name).click();
  await waitForCells(page);
}

async function button(page: Page, action: "step" | "run" | "reset") {
  await page.locator(`.walk-trainer button[data-action=${action}]`).click();
  await waitForCells(page);
}

describe("/backpropagation: the network walk-through", () => {
  test("the preset shows the published walk-through's numbers", async () => {
    await withPage(async (page) => {
      // Mazur (2015): out_o1 = 0.75136507, E_total = 0.298371109, w5⁺ = 0.35891648, w1⁺ = 0.149780716
      expect(await lossShown(page)).toBeCloseTo(0.298371109, 9);
      expect(await itemText(page, "o1")).toContain("out 0.7514");
      expect(await itemText(page, "h1")).toContain("out 0.5933");
      await select(page, "w5");
      expect(await chain(page)).toContain("= 0.35891648");
      await select(page, "w1");
      expect(await chain(page)).toContain("= 0.149780716");
      await select(page, "o1");
      expect(await chain(page)).toContain("out_o1 = f(net_o1) = 0.75136507");
      const check = await page.locator("p", {hasText: "The page then gives the published numbers"}).innerText();
      for (const number of ["0.75136507", "0.298371109", "0.35891648", "0.149780716"]) expect(check).toContain(number);
      // the matrices: δ⁽²⁾ and the new W⁽²⁾
      const entries = (name: string) =>
        page.locator(`.live-matrix[data-live="${name}"]`).first().evaluate((m) =>
          [...m.querySelectorAll("[role=cell]")].map((c) => c.textContent)
        );
      expect(await entries("walk-d2")).toEqual(["0.1385", "−0.0381"]);
      expect(await entries("walk-w2new")).toEqual(["0.3589", "0.4087", "0.5113", "0.5614"]);
    });
  });

  test("a hidden unit's product shows both downstream paths and their sum", async () => {
    await withPage(async (page) => {
      await select(page, "h1");
      const text = await chain(page);
      expect(text).toContain("via o1: w5·δ_o1");
      expect(text).toContain("via o2: w7·δ_o2");
      expect(text).toContain("sum of both paths");
      expect(text).toContain("0.036350306"); // ∂E/∂out_h1, published
    });
  });

  test("the graph is keyboard-operable: one tab stop, arrows and Home/End select", async () => {
    await withPage(async (page) => {
      expect(await page.locator(".walk-graph [tabindex='0']").count()).toBe(1);
      await item(page, "w5").focus();
      await page.keyboard.press("ArrowRight");
      await waitForCells(page);
      expect(await item(page, "w6").getAttribute("aria-checked")).toBe("true");
      expect(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.name)).toBe("w6");
      expect(await chain(page)).toContain("Weight w6, from h2 to o1");
      await page.keyboard.press("Home");
      await waitForCells(page);
      expect(await chain(page)).toContain("Weight w1");
      await page.keyboard.press("ArrowLeft");
      await waitForCells(page);
      expect(await chain(page)).toContain("Unit o2");
    });
  });

  test("Step, Run and Reset move the network and the loss curve", async () => {
    await withPage(async (page) => {
      const start = startWalk(classicParams());
      await button(page, "step");
      await expect.poll(() => readout(page).getAttribute("data-steps")).toBe("1");
      expect(await itemText(page, "w5")).toContain("w5 = 0.3589");
      expect(await itemText(page, "w1")).toContain("w1 = 0.1498");
      const one = advanceWalk(start, 1);
      expect(await lossShown(page)).toBeCloseTo(one.step.trace.lossValue, 12);
      const path = () => page.locator(".walk-loss-chart g.chart-f path").first().getAttribute("d");
      const before = await path();
      await button(page, "run");
      expect(await readout(page).getAttribute("data-steps")).toBe("101");
      expect(await path()).not.toBe(before);
      expect(await lossShown(page)).toBeCloseTo(advanceWalk(start, 101).step.trace.lossValue, 12);
      await button(page, "reset");
      expect(await readout(page).getAttribute("data-steps")).toBe("0");
      expect(await lossShown(page)).toBeCloseTo(0.298371109, 9);
    });
  });

  test("each control changes what it should, and the preset brings the published values back", async () => {
    await withPage(async (page) => {
      const base = classicParams();
      const expectLoss = async (params: ReturnType<typeof classicParams>) =>
        expect(await lossShown(page)).toBeCloseTo(startWalk(params).step.trace.lossValue, 12);

      await press(slider(page, "Input i1"), "ArrowRight", 5); // 0.05 → 0.10
      await waitForCells(page);
      let params = {...base, x1: 0.1};
      await expectLoss(params);
      expect(await page.locator(".walk-graph .walk-input").first().textContent()).toBe("i10.1");

      await press(slider(page, "Input i2"), "ArrowLeft", 10); // 0.10 → 0
      await waitForCells(page);
      params = {...params, x2: 0};
      await expectLoss(params);

      await press(slider(page, "o1's target"), "ArrowRight", 9); // 0.01 → 0.10
      await waitForCells(page);
      params = {...params, t1: 0.1};
      await expectLoss(params);
      expect(await itemText(page, "o1")).toContain("target 0.1");

      await press(slider(page, "o2's target"), "ArrowLeft", 9); // 0.99 → 0.90
      await waitForCells(page);
      params = {...params, t2: 0.9};
      await expectLoss(params);

      // the learning rate changes the step, not the numbers before it
      await select(page, "w5");
      const lossBefore = await lossShown(page);
      await press(slider(page, "Step size η (network)"), "ArrowRight", 50); // 0.5 → 1
      await waitForCells(page);
      params = {...params, learningRate: 1};
      expect(await lossShown(page)).toBe(lossBefore);
      const after = startWalk(params).step.net[1].weights[0][0];
      expect(await chain(page)).toContain(`0.4 − 1 × `);
      expect(await chain(page)).toContain(`= ${formatNumber(after, {digits: 9})}`);

      await control(page, "Output activation").locator("select").selectOption({label: "Linear"});
      await waitForCells(page);
      params = {...params, output: "linear"};
      await expectLoss(params);
      expect(await itemText(page, "o1")).toContain(`out ${formatNumber(startWalk(params).step.trace.output[0])}`);

      // a dead ReLU hidden unit passes nothing back
      await control(page, "Hidden activation").locator("select").selectOption({label: "ReLU"});
      await typeNumber(page, "Input i1", -2);
      await typeNumber(page, "Input i2", -2);
      params = {...params, hidden: "relu", x1: -2, x2: -2};
      await expectLoss(params);
      for (const name of ["h1", "h2"]) {
        await expect.poll(() => item(page, name).getAttribute("class")).toContain("walk-dead");
      }
      await select(page, "h1");
      expect(await chain(page)).toContain("nothing passes back through h1");
      for (const name of ["w1", "w2", "w3", "w4", "w5", "w6", "w7", "w8"]) expect(await gradShown(page, name)).toBe(0);

      // biases learn: a step moves o1's bias
      expect(await itemText(page, "o1")).toContain("b 0.6");
      await control(page, "Biases learn too").locator("input").check();
      await waitForCells(page);
      await button(page, "step");
      params = {...params, updateBiases: true};
      const stepped = advanceWalk(startWalk(params), 1);
      expect(stepped.net[1].biases[0]).not.toBe(0.6);
      expect(await lossShown(page)).toBeCloseTo(stepped.step.trace.lossValue, 12);
      expect(await itemText(page, "o1")).toContain(`b ${formatNumber(stepped.net[1].biases[0])}`);

      await page.locator("button[data-preset=classic]").click();
      await waitForCells(page);
      expect(await lossShown(page)).toBeCloseTo(0.298371109, 9);
      expect(await readout(page).getAttribute("data-steps")).toBe("0");
      expect(await control(page, "Biases learn too").locator("input").isChecked()).toBe(false);
    });
  });

  test("at 390 px in dark mode: no sideways scroll, the graph scrolls in its own box", async () => {
    await withPage(
      async (page) => {
        const sizes = await page.evaluate(() => {
          const box = document.querySelector(".walk-graph") as HTMLElement;
          return {
            page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            box: box.scrollWidth > box.clientWidth,
            background: getComputedStyle(document.body).backgroundColor
          };
        });
        expect(sizes.page).toBe(0);
        expect(sizes.box).toBe(true);
        expect(sizes.background).not.toBe("rgb(255, 255, 255)");
        await select(page, "h2");
        expect(await chain(page)).toContain("Unit h2");
      },
      {width: 390, colorScheme: "dark"}
    );
  });

  for (const width of [1200, 390]) {
    test(`layout shift under 0.1 at ${width} px`, async () => {
      await withPage(
        async (page) => {
          const shift = await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                let total = 0;
                new PerformanceObserver((list) => {
                  for (const entry of list.getEntries() as (PerformanceEntry & {value: number; hadRecentInput: boolean})[])
                    if (!entry.hadRecentInput) total += entry.value;
                }).observe({type: "layout-shift", buffered: true});
                setTimeout(() => resolve(total), 500);
              })
          );
          expect(shift).toBeLessThan(0.1);
        },
        {width}
      );
    });
  }

  test("the page's JavaScript and CSS stay under 170 KB gzip", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const urls = new Set<string>();
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (/\.(js|css)$/.test(url.pathname)) urls.add(url.pathname);
    });
    await page.goto(inject("baseUrl") + "/backpropagation", {waitUntil: "load"});
    await waitForCells(page);
    await context.close();
    let bytes = 0;
    for (const path of urls) bytes += gzipSync(readFileSync(`dist${decodeURIComponent(path)}`)).length;
    expect(urls.size).toBeGreaterThan(0);
    expect(bytes).toBeLessThanOrEqual(170 * 1024);
  });
});
