import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {
  accuracy,
  activations,
  createMlp,
  getActivation,
  gridInputs,
  meanLoss,
  predict,
  trainEpoch
} from "../../lib/index.js";
import {initialisationFor} from "../../lib/initialisation.js";
import {formatNumber} from "../../src/components/format.js";
import {
  defaultState,
  networkSizes,
  parseState,
  playgroundData,
  serializeState,
  weightCount
} from "../../lib/playground.js";
import {useBrowser} from "./chromium.js";
import {afterFrames, expectNoProblem, openPage, scrollNear, waitForCells} from "./page.js";

const browser = useBrowser();

const PANEL = ".pg-panel";

async function open(query = "", options: Parameters<typeof openPage>[2] = {}) {
  return openPage(browser(), `${inject("baseUrl")}/playground${query}`, options);
}

async function panelData(page: Page) {
  return page.locator(PANEL).evaluate((el: HTMLElement) => ({
    epoch: Number(el.dataset.epoch),
    trainLoss: Number(el.dataset.trainLoss),
    testLoss: Number(el.dataset.testLoss)
  }));
}

function formWith(page: Page, label: string) {
  return page.locator("#observablehq-main form").filter({has: page.locator("label", {hasText: label})});
}

/** Waits (briefly) for the page's address to carry key=value, then checks it. */
async function expectParam(page: Page, key: string, value: string) {
  await page
    .waitForFunction(([k, v]) => new URLSearchParams(location.search).get(k) === v, [key, value], {
      timeout: 5000
    })
    .catch(() => {});
  expect(new URL(page.url()).searchParams.get(key)).toBe(value);
}

function selectedText(page: Page, label: string) {
  return formWith(page, label)
    .locator("select")
    .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent);
}

/** The network the page starts with, as lib builds it (initialisation auto: the one that fits tanh). */
function defaultMlp() {
  return createMlp({
    sizes: networkSizes(defaultState.units),
    activation: "tanh", // defaultState.activation
    seed: defaultState.seed,
    init: initialisationFor("tanh").id
  });
}

async function heatmapPixels(page: Page): Promise<string> {
  return page.locator(".pg-heatmap").evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
}

/** The map's colours in each theme (style.css; the dark background is near-midnight's). */
const LIGHT_MAP = {positive: [0, 114, 178], negative: [196, 82, 0], background: [255, 255, 255]};
const DARK_MAP = {positive: [86, 180, 233], negative: [242, 142, 43], background: [30, 30, 30]};

/**
 * Checks that every pixel of the decision map is the blend of these colours for lib's
 * prediction at the pixel's centre over the chart's square [−1.6, 1.6]² (bottom row first),
 * and returns the predictions.
 */
async function expectMap(page: Page, mlp: ReturnType<typeof createMlp>, colors: typeof LIGHT_MAP) {
  const {width, pixels} = await page.locator(".pg-heatmap").evaluate((canvas: HTMLCanvasElement) => ({
    width: canvas.width,
    pixels: Array.from(canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data)
  }));
  expect(pixels.length).toBe(4 * width * width);
  const half = 1.6 / width;
  const outputs = predict(
    mlp,
    gridInputs([-1.6 + half, 1.6 - half], [-1.6 + half, 1.6 - half], width, width)
  );
  const {positive, negative, background} = colors;
  let checked = 0;
  for (let row = 0; row < width; row++) {
    for (let col = 0; col < width; col++) {
      const o = outputs[(width - 1 - row) * width + col];
      const t = Math.min(1, Math.abs(o)) * 0.65;
      const c = o > 0 ? positive : negative;
      const k = 4 * (row * width + col);
      for (let channel = 0; channel < 3; channel++) {
        const expected = background[channel] + (c[channel] - background[channel]) * t;
        expect(Math.abs(pixels[k + channel] - expected), `pixel ${row}, ${col}`).toBeLessThanOrEqual(0.5);
      }
      expect(pixels[k + 3]).toBe(255);
      checked++;
    }
  }
  expect(checked).toBe(3600);
  return outputs;
}

describe("playground", () => {
  test("starts paused at epoch 0 with an empty loss chart, and its numbers are lib's", async () => {
    const {page} = await open();
    try {
      // paused by its own flag, and still at epoch 0 frames later (training runs once a frame)
      await expect(page.locator(".pg-state").getAttribute("data-state")).resolves.toBe("paused");
      await afterFrames(page, 5);
      const data = await panelData(page);
      expect(data.epoch).toBe(0);
      await expect(page.locator(".pg-epoch").textContent()).resolves.toBe("0");
      await expect(page.locator(".pg-play").getAttribute("aria-pressed")).resolves.toBe("false");
      await expect(page.locator(".pg-play").textContent()).resolves.toContain("Play");
      // before training the loss line is empty and the note shows
      await scrollNear(page, ".pg-loss", ".pg-loss .pg-loss-train");
      await expect(page.locator(".pg-loss .pg-loss-train path").getAttribute("d")).resolves.toBe("");
      expect(await page.locator(".pg-loss .pg-empty").isVisible()).toBe(true);
      expect(await page.locator(".pg-loss").textContent()).toContain("Press Play or Step");
      // the same network, built by lib in Node, has the same losses
      const {train, test: held} = playgroundData(defaultState);
      const mlp = defaultMlp();
      expect(data.trainLoss).toBeCloseTo(meanLoss(mlp, train.inputs, train.targets), 12);
      expect(data.testLoss).toBeCloseTo(meanLoss(mlp, held.inputs, held.targets), 12);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the decision map colours each pixel by lib's prediction there, and the accuracy is lib's", async () => {
    const {page} = await open("", {colorScheme: "light"});
    try {
      await page.waitForFunction(
        () => (document.querySelector(".pg-heatmap") as HTMLCanvasElement).dataset.block === "1"
      );
      const mlp = defaultMlp();
      const outputs = await expectMap(page, mlp, LIGHT_MAP);
      // both classes appear, so the test would see a flipped or mirrored map
      expect(outputs.some((o) => o > 0) && outputs.some((o) => o < 0)).toBe(true);
      const {test: held} = playgroundData(defaultState);
      await expect(page.locator(".pg-accuracy").textContent()).resolves.toBe(
        `${formatNumber(100 * accuracy(predict(mlp, held.inputs), held.targets), {digits: 3})}%`
      );
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the decision map is painted in the dark theme's colours, and follows a change of theme", async () => {
    const {page} = await open("", {colorScheme: "dark"});
    try {
      await page.waitForFunction(
        () => (document.querySelector(".pg-heatmap") as HTMLCanvasElement).dataset.block === "1"
      );
      const mlp = defaultMlp();
      await expectMap(page, mlp, DARK_MAP);
      await page.emulateMedia({colorScheme: "light"});
      await waitForCells(page);
      await expectMap(page, mlp, LIGHT_MAP);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("Step advances exactly one epoch, as lib's trainEpoch does, and draws the loss", async () => {
    const {page} = await open();
    try {
      await page.getByRole("button", {name: "Step one epoch"}).click();
      await page.waitForFunction(
        () => (document.querySelector(".pg-panel") as HTMLElement).dataset.epoch === "1"
      );
      const data = await panelData(page);
      const {train, test: held} = playgroundData(defaultState);
      const mlp = defaultMlp();
      trainEpoch(mlp, train.inputs, train.targets, {
        learningRate: defaultState.lr,
        batchSize: defaultState.batch
      });
      expect(data.trainLoss).toBeCloseTo(meanLoss(mlp, train.inputs, train.targets), 12);
      expect(data.testLoss).toBeCloseTo(meanLoss(mlp, held.inputs, held.targets), 12);
      // the charts, updated in place: a label per layer at its line's end, the note gone
      await scrollNear(page, ".pg-gradients", ".pg-gradients g.pg-layer");
      await page.waitForFunction(
        () => document.querySelector(".pg-gradients g.pg-layer text")?.textContent !== ""
      );
      expect(await page.locator(".pg-gradients g.pg-layer text").allTextContents()).toEqual([
        "layer 1",
        "layer 2",
        "output"
      ]);
      expect(await page.locator(".pg-gradients g.pg-layer").count()).toBe(2 * 3); // a line and a label per layer
      expect(await page.locator(".pg-loss .pg-empty").isVisible()).toBe(false);
      expect(await page.locator(".pg-gradients .pg-empty").isVisible()).toBe(false);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("Play trains (epochs go up, training loss goes down on the circle) until Pause", async () => {
    const {page} = await open("?dataset=circle");
    try {
      const before = await panelData(page);
      const heatmapBefore = await heatmapPixels(page);
      await page.locator(".pg-play").click();
      await expect(page.locator(".pg-play").getAttribute("aria-pressed")).resolves.toBe("true");
      await page.waitForFunction(
        () => Number((document.querySelector(".pg-panel") as HTMLElement).dataset.epoch) >= 60,
        null,
        {
          timeout: 20_000
        }
      );
      await page.locator(".pg-play").click();
      await page.waitForFunction(
        () => document.querySelector(".pg-state")?.getAttribute("data-state") === "paused"
      );
      const paused = await panelData(page);
      await afterFrames(page, 5); // training runs once a frame: paused, it runs no more
      const later = await panelData(page);
      expect(later.epoch).toBe(paused.epoch);
      expect(paused.epoch).toBeGreaterThanOrEqual(60);
      expect(paused.trainLoss).toBeLessThan(before.trainLoss * 0.7);
      expect(await heatmapPixels(page)).not.toBe(heatmapBefore);
      await expect(page.locator(".pg-state").getAttribute("data-state")).resolves.toBe("paused");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("Reset returns to epoch 0 and the same initial losses", async () => {
    const {page} = await open();
    try {
      const start = await panelData(page);
      for (let k = 0; k < 3; k++) await page.getByRole("button", {name: "Step one epoch"}).click();
      await page.waitForFunction(
        () => (document.querySelector(".pg-panel") as HTMLElement).dataset.epoch === "3"
      );
      await page.getByRole("button", {name: "Reset"}).click();
      const reset = await panelData(page);
      expect(reset).toEqual(start);
      await scrollNear(page, ".pg-loss", ".pg-loss .pg-loss-train");
      await expect(page.locator(".pg-loss .pg-loss-train path").getAttribute("d")).resolves.toBe("");
      expect(await page.locator(".pg-loss .pg-empty").isVisible()).toBe(true);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the address follows the controls", async () => {
    const {page} = await open();
    try {
      // the defaults are left out of the address: a unit added, a layer added show up in it
      expect(new URL(page.url()).searchParams.get("units")).toBe(null);
      await page.getByRole("button", {name: "Add a unit to layer 1"}).click();
      await waitForCells(page);
      await expectParam(page, "units", "5,4");
      const layers = formWith(page, "Hidden layers").locator("input[type=range]");
      await layers.focus();
      await layers.press("ArrowRight");
      await waitForCells(page);
      await expectParam(page, "units", "5,4,4");
      await formWith(page, "Activation").locator("select").selectOption({label: "ReLU"});
      await waitForCells(page);
      await expectParam(page, "activation", "relu");
      const lr = formWith(page, "Learning rate").locator("input[type=range]");
      await lr.focus();
      await lr.press("ArrowRight");
      await waitForCells(page);
      await expectParam(page, "lr", "0.1");
      await expect(formWith(page, "Learning rate").locator("output").textContent()).resolves.toBe("0.1");
      const seedBefore = new URL(page.url()).searchParams.get("seed") ?? String(defaultState.seed);
      await page.getByRole("button", {name: "New data"}).click();
      await waitForCells(page);
      await expectParam(page, "seed", String(Number(seedBefore) + 1));
      // the whole address parses back to the page's state with no note
      expect(parseState(new URL(page.url()).search).notes).toEqual([]);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the sentence about the network and the weights quiz follow the architecture controls", async () => {
    const {page} = await open();
    try {
      // the questions load as the reader nears them
      await page.locator("#check-your-understanding").scrollIntoViewIfNeeded();
      const quiz = page.locator("form.quiz").filter({hasText: "How many weights"});
      await quiz.waitFor();
      const check = async (answer: number) => {
        await quiz.locator("input").fill(String(answer));
        await quiz.getByRole("button", {name: "Check"}).click();
        return quiz.locator(".quiz-feedback").getAttribute("data-state");
      };
      const before = networkSizes(defaultState.units);
      await expect(page.locator('[data-live="sizes"]').textContent()).resolves.toBe(before.join(" → "));
      await expect(check(weightCount(before))).resolves.toBe("correct");
      await page.getByRole("button", {name: "Add a unit to layer 2"}).click();
      await waitForCells(page);
      const after = networkSizes([defaultState.units[0], defaultState.units[1] + 1]);
      expect(weightCount(after)).not.toBe(weightCount(before));
      await expect(page.locator('[data-live="sizes"]').textContent()).resolves.toBe(after.join(" → "));
      await expect(quiz.locator("label").textContent()).resolves.toContain(`(${after.join(" → ")})`);
      // the feedback on the old question is gone, and the old answer is now wrong
      await expect(quiz.locator(".quiz-feedback").textContent()).resolves.toBe("");
      await expect(check(weightCount(before))).resolves.toBe("wrong");
      await expect(check(weightCount(after))).resolves.toBe("correct");
      // one quiz form throughout, not one per step
      await expect(page.locator("form.quiz").filter({hasText: "How many weights"}).count()).resolves.toBe(1);
      // the sentence names the hidden layers' activation, and follows the select
      const hidden = page.locator('[data-live="hidden"]');
      await expect(hidden.textContent()).resolves.toBe(getActivation(defaultState.activation).label);
      await formWith(page, "Activation").locator("select").selectOption({label: activations.relu.label});
      await waitForCells(page);
      await expect(hidden.textContent()).resolves.toBe(activations.relu.label);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("a quick drag previews each network coarsely, then shows the last one in full", async () => {
    // The page's clock is Playwright's: it stands still during the drag and moves a frame
    // (16 ms) per step, so the steps come well within the page's SETTLE_MS of each other
    // however busy the machine is; then it runs again and the slider rests.
    const {page} = await open("", {prepare: (p) => p.clock.install()});
    const fresh = await open("?units=4,4,4,4,4,4");
    try {
      // every block size the heatmap is drawn with, in order
      await page.locator(".pg-heatmap").evaluate((canvas: HTMLCanvasElement) => {
        const seen: string[] = ((window as any).__blocks = []);
        new MutationObserver(() => seen.push(canvas.dataset.block!)).observe(canvas, {
          attributes: true,
          attributeFilter: ["data-block"]
        });
      });
      const slider = formWith(page, "Hidden layers").locator("input[type=range]");
      await slider.scrollIntoViewIfNeeded();
      const box = (await slider.boundingBox())!;
      const y = box.y + box.height / 2;
      await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
      await page.mouse.move(box.x + box.width / 2, y);
      await page.mouse.down();
      for (let k = 0; k <= 8; k++) {
        await page.mouse.move(box.x + box.width / 2 + (box.width / 2) * (k / 8), y);
        await page.clock.runFor(16);
      }
      await page.mouse.up();
      await page.clock.resume();
      await waitForCells(page);
      await expect(slider.inputValue()).resolves.toBe("6");
      const blocks: string[] = await page.evaluate(() => (window as any).__blocks);
      expect(blocks).toContain("3"); // previews while the slider moved
      expect(blocks.at(-1)).toBe("1"); // the full map once it rested
      // the same pixels and the same dead-unit count as the page loaded with 6 layers
      await expect(heatmapPixels(page)).resolves.toBe(await heatmapPixels(fresh.page));
      await expect(page.locator(".pg-dead").textContent()).resolves.toBe(
        await fresh.page.locator(".pg-dead").textContent()
      );
      await expectNoProblem(page);
      await expectNoProblem(fresh.page);
    } finally {
      await page.context().close();
      await fresh.page.context().close();
    }
  });

  test("a typed value out of range is refused with a visible message", async () => {
    const {page} = await open();
    try {
      const number = formWith(page, "Hidden layers").locator("input[type=number]");
      await number.fill("99");
      await number.press("Enter");
      await waitForCells(page);
      const message = page.locator(".range-message", {hasText: "Hidden layers"});
      await message.waitFor({state: "visible"});
      await expect(formWith(page, "Hidden layers").locator("input[type=range]").inputValue()).resolves.toBe(
        "2"
      );
      await expect(page.locator(".pg-layers-input").getAttribute("data-units")).resolves.toBe("4,4");
      await page.waitForTimeout(400);
      expect(new URL(page.url()).searchParams.get("units")).toBe(null);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("a bad address shows a note naming each ignored parameter and uses the defaults", async () => {
    const {page} = await open("?activation=nope&layers=99&lr=abc");
    try {
      const notes = page.locator(".pg-notes");
      await notes.waitFor({state: "visible"});
      const text = (await notes.textContent()) ?? "";
      expect(text).toContain("activation=nope is not a known activation; using tanh");
      expect(text).toContain("layers=99");
      expect(text).toContain("lr=abc is not a number; using 0.03");
      // every note lib's parseState gives, word for word
      for (const note of parseState("?activation=nope&layers=99&lr=abc").notes) expect(text).toContain(note);
      await expect(selectedText(page, "Activation")).resolves.toBe("Tanh");
      await expect(formWith(page, "Hidden layers").locator("input[type=range]").inputValue()).resolves.toBe(
        "2"
      );
      await expect(formWith(page, "Learning rate").locator("output").textContent()).resolves.toBe("0.03");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("a custom formula from the address is compiled and trained; a bad one falls back with a note", async () => {
    const good = await open(`?activation=custom&formula=${encodeURIComponent("max(0.1*x, x)")}&layers=1`);
    try {
      expect(await good.page.locator(".pg-notes").count()).toBe(0);
      await expect(selectedText(good.page, "Activation")).resolves.toBe("Custom: max(0.1*x, x)");
      await expectParam(good.page, "activation", "custom");
      await expectParam(good.page, "formula", "max(0.1*x, x)");
      await good.page.getByRole("button", {name: "Step one epoch"}).click();
      await good.page.waitForFunction(
        () => (document.querySelector(".pg-panel") as HTMLElement).dataset.epoch === "1"
      );
      expect(Number.isFinite((await panelData(good.page)).trainLoss)).toBe(true);
      await expectNoProblem(good.page);
    } finally {
      await good.page.context().close();
    }
    const bad = await open(`?activation=custom&formula=${encodeURIComponent("2*x+")}`);
    try {
      await bad.page.locator(".pg-notes").waitFor({state: "visible"});
      const text = (await bad.page.locator(".pg-notes").textContent()) ?? "";
      expect(text).toContain("formula=2*x+ cannot be used");
      expect(text).toContain("using tanh");
      await expect(selectedText(bad.page, "Activation")).resolves.toBe("Tanh");
      // the page rewrites its address without the formula; tanh, the default, is left out of it
      await bad.page.waitForFunction(() => !new URLSearchParams(location.search).has("formula"), null, {
        timeout: 5000
      });
      expect(new URL(bad.page.url()).searchParams.get("activation")).toBe(null);
      await expectNoProblem(bad.page);
    } finally {
      await bad.page.context().close();
    }
  });

  test("a shared address restores its controls", async () => {
    const query = "?dataset=xor&activation=relu&layers=2&units=4&seed=7&lr=0.1&batch=5&noise=0.2&split=0.7";
    const {page} = await open(query);
    try {
      expect(await page.locator(".pg-notes").count()).toBe(0);
      const selected = (label: string) => selectedText(page, label);
      await expect(selected("Dataset")).resolves.toBe("XOR");
      await expect(selected("Activation")).resolves.toBe("ReLU");
      await expect(selected("Batch size")).resolves.toBe("5");
      await expect(formWith(page, "Hidden layers").locator("input[type=range]").inputValue()).resolves.toBe(
        "2"
      );
      await expect(page.locator(".pg-layers-input").getAttribute("data-units")).resolves.toBe("4,4");
      await expect(formWith(page, "Noise").locator("input[type=range]").inputValue()).resolves.toBe("0.2");
      await expect(formWith(page, "Training share").locator("input[type=range]").inputValue()).resolves.toBe(
        "0.7"
      );
      await expect(formWith(page, "Learning rate").locator("output").textContent()).resolves.toBe("0.1");
      // the page rewrites its address in its own order, with the same values
      const expected = serializeState({...defaultState, ...parseState(query).state});
      await page.waitForFunction((search) => location.search === search, `?${expected}`, {timeout: 5000});
      expect(new URL(page.url()).searchParams.get("seed")).toBe("7");
      // the data shown are lib's xor points for seed 7, split 70/30
      const {train} = playgroundData({dataset: "xor", noise: 0.2, split: 0.7, seed: 7});
      // each point is one subpath (one "M") of its class's path
      const shown = async (selector: string) =>
        page.locator(selector).evaluate((path) => path.getAttribute("d")!.match(/M/g)?.length ?? 0);
      const positives = train.targets.filter((t) => t === 1).length;
      expect(positives).toBeGreaterThan(0);
      await expect(shown(".pg-data path.pg-points-train.pg-points-positive")).resolves.toBe(positives);
      await expect(shown(".pg-data path.pg-points-train.pg-points-negative")).resolves.toBe(
        train.targets.length - positives
      );
      await scrollNear(page, ".pg-loss", ".pg-loss .pg-loss-train");
      await expect(page.locator(".pg-loss h3").textContent()).resolves.toContain("2 → 4 → 4 → 1 ReLU");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("at 390 px the charts stack and nothing overflows, in dark mode too", async () => {
    const {page} = await open("", {width: 390, colorScheme: "dark"});
    try {
      const boxes = await page
        .locator(".pg-grid > div")
        .evaluateAll((divs) =>
          divs
            .map((d) => d.getBoundingClientRect())
            .map(({left, top, bottom, right}) => ({left, top, bottom, right}))
        );
      for (let i = 1; i < boxes.length; i++)
        expect(boxes[i].top).toBeGreaterThanOrEqual(boxes[i - 1].bottom - 1);
      for (const box of boxes) expect(box.right).toBeLessThanOrEqual(390);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow).toBeLessThanOrEqual(390);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});
