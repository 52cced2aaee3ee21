// Browser tests of /losses: each control changes what it should, and every number shown is
// lib/'s: the neuron's ∂L/∂z under both losses, the trainer under the chosen loss, softmax's
// probabilities, loss, gradient and Jacobian, finite for logits of 1000.
import type {Browser, Locator, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {
  crossEntropyGradient,
  losses,
  neuronStep,
  oneHot,
  runNeuron,
  softmax,
  softmaxJacobian
} from "../../lib/index.js";
import type {NeuronStepInput} from "../../lib/index.js";
import {formatNumber} from "../../src/components/format.js";
import {launchChromium, openPage, waitForCells} from "./chromium.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function withPage(run: (page: Page) => Promise<void>) {
  const {page, problems} = await openPage(browser, inject("baseUrl") + "/losses");
  try {
    await waitForCells(page);
    await run(page);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  } finally {
    await page.context().close();
  }
}

/** An Observable Inputs control, by text in its label (the questions' forms are not Inputs). */
const control = (page: Page, label: string) =>
  page.locator('#observablehq-main form[class^="inputs-"]', {hasText: label});
const slider = (page: Page, label: string) => control(page, label).locator("input[type=range]");
/** The value the page uses: the Inputs form's own value. */
const formValue = (page: Page, label: string) =>
  control(page, label).evaluate((form) => (form as unknown as {value: unknown}).value);

async function press(locator: Locator, key: string, times: number) {
  await locator.focus();
  for (let i = 0; i < times; i++) await locator.press(key);
}

async function setSlider(page: Page, label: string, value: number) {
  await slider(page, label).evaluate((input: HTMLInputElement, v) => {
    input.value = String(v);
    input.dispatchEvent(new Event("input", {bubbles: true}));
  }, value);
  await waitForCells(page);
}

async function pickRadio(page: Page, label: string, option: string) {
  await control(page, label).getByLabel(option, {exact: true}).check();
  await waitForCells(page);
}

/** The text of every slot named `name` (a typeset slot's text is KaTeX's, minus signs and all). */
const slotText = (page: Page, name: string) => page.locator(`[data-live="${name}"]`).first().textContent();

async function neuronParams(page: Page): Promise<NeuronStepInput> {
  const read = async (label: string) => Number(await formValue(page, label));
  return {
    x: await read("Input x"),
    w: await read("Weight w"),
    b: await read("Bias b"),
    target: await read("Target t"),
    learningRate: await read("Learning rate"),
    activation: "sigmoid"
  };
}

/** Both losses' ∂L/∂z as the page writes them, against neuronStep's. */
async function expectDeltas(page: Page) {
  const params = await neuronParams(page);
  const squared = neuronStep(params);
  const crossEntropy = neuronStep({...params, loss: "binaryCrossEntropy"});
  const spoken = await page.locator("#two-deltas [role=img]").getAttribute("aria-label");
  expect(spoken).toContain(`squared error dL/dz = ${formatNumber(squared.dLdz)}`);
  expect(spoken).toContain(`cross-entropy dL/dz = ${formatNumber(crossEntropy.dLdz)}`);
  expect(Number(await page.locator("[data-live=se-dw]").getAttribute("data-value"))).toBe(
    squared.wAfter - params.w
  );
  expect(Number(await page.locator("[data-live=ce-dw]").getAttribute("data-value"))).toBe(
    crossEntropy.wAfter - params.w
  );
  return {params, squared, crossEntropy};
}

/** The softmax table's column `key`, unrounded (data-value), one entry per class. */
const column = (page: Page, key: string) =>
  page
    .locator(`.probability-table td[data-column="${key}"]`)
    .evaluateAll((cells) =>
      cells.map((cell) => Number((cell.querySelector(".live") ?? cell).getAttribute("data-value")))
    );

async function expectSoftmax(page: Page) {
  const base = [
    Number(await formValue(page, "Logit z₁")),
    Number(await formValue(page, "Logit z₂")),
    Number(await formValue(page, "Logit z₃"))
  ];
  const shift = Number(await formValue(page, "Add to every logit"));
  const k = Number(await formValue(page, "True class"));
  const logits = base.map((z) => z + shift);
  const target = oneHot(k, 3);
  const p = softmax(logits);
  const loss = losses.categoricalCrossEntropy.valueFromLogits(logits, target);
  expect(await column(page, "logit")).toEqual(logits);
  expect(await column(page, "p")).toEqual(p);
  expect(await column(page, "target")).toEqual(target);
  expect(await column(page, "gradient")).toEqual(crossEntropyGradient(logits, target));
  expect(await slotText(page, "true-class")).toBe(`class ${k + 1}`);
  expect(await page.locator('[data-live="softmax-loss"] [role=img]').getAttribute("aria-label")).toContain(
    formatNumber(loss)
  );
  const entries = await page
    .locator('.live-matrix[data-live="jacobian"]')
    .evaluate((slot) => [...slot.querySelectorAll("[role=cell]")].map((cell) => cell.textContent));
  expect(entries).toEqual(
    softmaxJacobian(logits)
      .flat()
      .map((v) => formatNumber(v, {decimals: 4}))
  );
  return {logits, p, loss};
}

describe("/losses", () => {
  test("the neuron's ∂L/∂z under squared error and cross-entropy are neuronStep's, and follow each slider", async () => {
    await withPage(async (page) => {
      const start = await expectDeltas(page);
      expect(start.params).toEqual({x: 1, w: 5, b: 5, target: 0.2, learningRate: 0.3, activation: "sigmoid"});
      // saturated: cross-entropy's gradient is thousands of times squared error's
      expect(Math.abs(start.crossEntropy.dLdz / start.squared.dLdz)).toBeGreaterThan(1000);
      for (const [label, key, ticks] of [
        ["Input x", "x", -4],
        ["Weight w", "w", -30],
        ["Bias b", "b", -45],
        ["Target t", "target", 6],
        ["Learning rate", "learningRate", 10]
      ] as const) {
        const before = await neuronParams(page);
        await press(slider(page, label), ticks < 0 ? "ArrowLeft" : "ArrowRight", Math.abs(ticks));
        await waitForCells(page);
        const {params} = await expectDeltas(page);
        expect(params[key], label).not.toBe(before[key]);
      }
      await page.getByRole("button", {name: "Healthy start"}).click();
      await waitForCells(page);
      const healthy = await expectDeltas(page);
      expect(healthy.params).toEqual({
        x: 1,
        w: 0.5,
        b: 0,
        target: 0.8,
        learningRate: 0.3,
        activation: "sigmoid"
      });
    });
  });

  test("the trainer runs under the chosen loss: a saturated output crawls under one and learns under the other", async () => {
    await withPage(async (page) => {
      const params = await neuronParams(page);
      // the trainer writes its numbers rounded, as formatNumber does
      const trainerLoss = () => page.locator("[data-live=trainer-loss]").textContent();
      const run50 = async () => {
        await page.getByRole("button", {name: "Run 50 steps", exact: true}).click();
        await waitForCells(page);
        expect(await page.locator("[data-live=trainer-step]").textContent()).toBe("50");
        return trainerLoss();
      };
      const expected = (loss: "squaredError" | "binaryCrossEntropy") =>
        runNeuron({...params, loss}, 50).points;
      const se = expected("squaredError");
      expect(await run50()).toBe(formatNumber(se[50].loss));
      expect(se[50].loss).toBeGreaterThan(0.99 * se[0].loss);

      await pickRadio(page, "Loss", "Binary cross-entropy");
      expect(await page.locator("[data-live=trainer-step]").textContent()).toBe("0");
      const ce = expected("binaryCrossEntropy");
      expect(await trainerLoss()).toBe(formatNumber(ce[0].loss));
      expect(await run50()).toBe(formatNumber(ce[50].loss));
      expect(ce[50].loss).not.toBe(se[50].loss);
      expect(ce[50].loss).toBeLessThan(0.5 * ce[0].loss);
    });
  });

  test("the side-by-side runs are runNeuron's under each loss, and the learning rate moves them", async () => {
    await withPage(async (page) => {
      const finals = async () => {
        const params = await neuronParams(page);
        for (const loss of ["squaredError", "binaryCrossEntropy"] as const) {
          const shown = await page
            .locator(`.loss-comparison [data-loss=${loss}]`)
            .getAttribute("data-final-loss");
          expect(Number(shown), loss).toBe(runNeuron({...params, loss}, 50).points[50].loss);
        }
        return page.locator(".loss-comparison svg").evaluateAll((svgs) => svgs.map((svg) => svg.outerHTML));
      };
      const before = await finals();
      await press(slider(page, "Learning rate"), "ArrowRight", 50);
      await waitForCells(page);
      const after = await finals();
      // squared error's saturated run barely moves (its line may not shift by a pixel);
      // cross-entropy's chart is redrawn
      expect(after[1]).not.toBe(before[1]);
    });
  });

  test("softmax: the table, the loss and the Jacobian are lib/'s, and every control moves them", async () => {
    await withPage(async (page) => {
      const start = await expectSoftmax(page);
      expect(start.logits).toEqual([2, 1, -1]);
      await press(slider(page, "Logit z₂"), "ArrowRight", 15);
      await waitForCells(page);
      const raised = await expectSoftmax(page);
      expect(raised.p[1]).toBeGreaterThan(start.p[1]);
      await pickRadio(page, "True class", "class 3");
      const third = await expectSoftmax(page);
      expect(third.loss).not.toBe(raised.loss);
      await setSlider(page, "Logit z₁", -10);
      await setSlider(page, "Logit z₃", 10);
      const confident = await expectSoftmax(page);
      expect(confident.loss).toBeLessThan(1e-3);
    });
  });

  test("a logit of 1000 gives finite probabilities, loss and gradient, the same as without the shift", async () => {
    await withPage(async (page) => {
      const before = await expectSoftmax(page);
      await setSlider(page, "Add to every logit", 1000);
      const shifted = await expectSoftmax(page);
      expect(shifted.logits).toEqual([1002, 1001, 999]);
      for (const p of shifted.p) expect(Number.isFinite(p)).toBe(true);
      expect(Number.isFinite(shifted.loss)).toBe(true);
      const shown = await page.locator(".probability-table td[data-column=p] .live").allTextContents();
      expect(shown).toEqual(before.p.map((p) => formatNumber(p)));
      expect(Math.abs(shifted.loss - before.loss)).toBeLessThan(1e-9);
      await setSlider(page, "Add to every logit", -1000);
      const low = await expectSoftmax(page);
      for (const p of low.p) expect(Number.isFinite(p)).toBe(true);
      expect(Number.isFinite(low.loss)).toBe(true);
    });
  });

  test("the questions answer with lib/'s numbers", async () => {
    await withPage(async (page) => {
      const quiz = page.locator("form", {hasText: "logits (2, 0, −1)"});
      const answer = losses.categoricalCrossEntropy.valueFromLogits([2, 0, -1], oneHot(1, 3));
      await quiz.locator("input[type=text]").fill(answer.toFixed(3));
      await quiz.getByRole("button", {name: "Check"}).click();
      await expect.poll(() => quiz.locator(".quiz-feedback").textContent()).toContain("Correct");

      const predict = page.locator("form", {hasText: "Predict: a sigmoid neuron"});
      await predict.getByLabel("Binary cross-entropy").check();
      await predict.getByRole("button", {name: "Run 50 steps of each"}).click();
      await expect
        .poll(() => predict.locator(".quiz-feedback").textContent())
        .toContain("Your prediction held");
    });
  });
});
