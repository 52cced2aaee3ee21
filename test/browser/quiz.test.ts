// The questions: predict-then-check (nothing is revealed before a prediction; the reveal moves
// the page's slider and says whether the prediction held), worked solutions with lib's numbers,
// "Show solution" on every question of every page, and the progress marks on the home page
// with their reset, including a browser that keeps nothing.
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {activations} from "../../lib/index.js";
import {formatNumber} from "../../src/components/format.js";
import {solutionLines} from "../../src/components/quizCheck.js";
import {PROGRESS_PREFIX} from "../../src/components/quizProgress.js";
import {launchChromium, openPage, waitForCells} from "./chromium.js";
import {waitForRequests} from "./page.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const quizPages = [
  "/why-activation-functions",
  "/sigmoid",
  "/tanh",
  "/relu",
  "/leaky-relu",
  "/linear",
  "/backpropagation",
  "/summary",
  "/tldr",
  "/playground",
  "/more-activations",
  "/your-own"
];

const sigmoid = activations.sigmoid;
const quiz = (page: Page, id: string) => page.locator(`#observablehq-main form.quiz[data-quiz="${id}"]`);
const state = (form: ReturnType<typeof quiz>) => form.locator(".quiz-feedback").getAttribute("data-state");
const sliderValue = (page: Page, name: string) =>
  page.getByRole("slider", {name, exact: true}).evaluate((input: HTMLInputElement) => input.valueAsNumber);

describe("predict, then check", () => {
  test("/sigmoid: nothing is revealed before a prediction; the reveal moves x to 8 and says whether the prediction held", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/sigmoid");
    try {
      const form = quiz(page, "predict-tail");
      const outcome = form.locator(".quiz-outcome");
      const before = await sliderValue(page, "x");
      await form.getByRole("button", {name: "Move x to 8"}).click();
      expect(await state(form)).toBe("invalid");
      expect(await outcome.textContent()).toBe("");
      expect(await sliderValue(page, "x")).toBe(before);

      // a misconception: the slope grows with the value
      await form.getByRole("radio", {name: "It grows, because σ(x) grows"}).check();
      await form.getByRole("button", {name: "Move x to 8"}).click();
      await waitForCells(page);
      expect(await state(form)).toBe("wrong");
      const feedback = await form.locator(".quiz-feedback").textContent();
      expect(feedback).toMatch(/^Your prediction did not hold/);
      expect(feedback).toContain(formatNumber(sigmoid.f(8))); // its own explanation, with lib's σ(8)
      expect(await sliderValue(page, "x")).toBe(8);
      expect(await outcome.textContent()).toContain(`σ′(8) ≈ ${formatNumber(sigmoid.df(8))}`);
      // the page's live numbers followed the slider
      expect(await page.locator('[data-live="df"]').first().textContent()).toBe(formatNumber(sigmoid.df(8)));

      await form.getByRole("radio", {name: /^It shrinks towards 0/}).check();
      await form.getByRole("button", {name: "Check"}).click();
      expect(await state(form)).toBe("correct");
      expect(await form.locator(".quiz-feedback").textContent()).toMatch(/^Your prediction held/);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("/tldr: the reveal sets the chooser, which then recommends what the prediction said", async () => {
    const {page} = await openPage(browser, inject("baseUrl") + "/tldr");
    try {
      const form = quiz(page, "predict-binary-output");
      await form.getByRole("radio", {name: "Sigmoid", exact: true}).check();
      await form.getByRole("button", {name: "Set the chooser"}).click();
      await waitForCells(page);
      expect(await state(form)).toBe("correct");
      expect(await page.locator("[data-recommendation]").getAttribute("data-recommendation")).toBe("sigmoid");
    } finally {
      await page.context().close();
    }
  });
});

describe("worked solutions", () => {
  test("/sigmoid: a wrong number gets no larger/smaller hint but the offer of a solution, worked with lib's numbers", async () => {
    const {page} = await openPage(browser, inject("baseUrl") + "/sigmoid");
    try {
      const form = quiz(page, "slope-at-2");
      const solution = form.locator(".quiz-solution");
      expect(await solution.isVisible()).toBe(false);
      await form.locator("input[type=text]").fill("0.25"); // σ′'s peak, not σ′(2)
      await form.getByRole("button", {name: "Check"}).click();
      const feedback = (await form.locator(".quiz-feedback").textContent()) ?? "";
      expect(await state(form)).toBe("wrong");
      expect(feedback).toContain("Show solution");
      expect(feedback).not.toMatch(/larger|smaller/);
      await form.getByRole("button", {name: "Show solution"}).click();
      expect(await solution.isVisible()).toBe(true);
      expect(await form.getByRole("button", {name: "Show solution"}).getAttribute("aria-expanded")).toBe(
        "true"
      );
      const steps = await solution.locator("li").allTextContents();
      expect(steps).toEqual([
        ...solutionLines([
          "The slope is written with the value: σ′(x) = σ(x)·(1 − σ(x)).",
          ["σ(2) = 1 / (1 + e⁻²)", sigmoid.f(2)],
          ["1 − σ(2)", 1 - sigmoid.f(2)],
          ["σ′(2) = σ(2)·(1 − σ(2))", sigmoid.df(2)]
        ]),
        `Answer: ${formatNumber(sigmoid.df(2))}.`
      ]);
      expect(steps[1]).toBe(`σ(2) = 1 / (1 + e⁻²) ≈ ${formatNumber(sigmoid.f(2))}`);
    } finally {
      await page.context().close();
    }
  });

  test("/sigmoid: a picked distractor gets its own explanation, and the solution of a choice names the right one", async () => {
    const {page} = await openPage(browser, inject("baseUrl") + "/sigmoid");
    try {
      const form = quiz(page, "peak-slope");
      await form.getByRole("radio", {name: "0.5, at x = 0"}).check();
      await form.getByRole("button", {name: "Check"}).click();
      expect(await state(form)).toBe("wrong");
      expect(await form.locator(".quiz-feedback").textContent()).toContain("0.5 is σ(0)");
      await form.getByRole("radio", {name: "1, at x = 0, like tanh"}).check();
      await form.getByRole("button", {name: "Check"}).click();
      expect(await form.locator(".quiz-feedback").textContent()).toContain("a quarter of that");
      await form.getByRole("button", {name: "Show solution"}).click();
      const first = await form.locator(".quiz-solution li").first().textContent();
      expect(first).toContain(`“${formatNumber(sigmoid.maxSlope.value)}, at x = 0”`);
    } finally {
      await page.context().close();
    }
  });

  test.each(quizPages)(
    "%s asks 2 to 4 questions, one at least predict-then-check, each with Show solution, and fits a 390 px phone with solutions open",
    async (path) => {
      const {page, problems} = await openPage(browser, inject("baseUrl") + path, {width: 390, height: 800});
      try {
        // a page may load its questions as the reader nears them (offscreen.js nearScreen)
        await page.locator("#check-your-understanding").scrollIntoViewIfNeeded();
        await waitForRequests(page);
        const forms = page.locator("#observablehq-main form.quiz");
        const count = await forms.count();
        expect(count, path).toBeGreaterThanOrEqual(2);
        expect(count, path).toBeLessThanOrEqual(4);
        expect(await forms.locator(".quiz-reveal").count(), path).toBeGreaterThanOrEqual(1);
        expect(await forms.locator("button.quiz-show").count(), path).toBe(count);
        const ids = await forms.evaluateAll((list) => list.map((f) => (f as HTMLElement).dataset.quiz));
        expect(new Set(ids).size, path).toBe(count);
        for (let i = 0; i < count; i++)
          await forms.nth(i).getByRole("button", {name: "Show solution"}).click();
        await waitForCells(page);
        for (let i = 0; i < count; i++) {
          expect(await forms.nth(i).locator(".quiz-solution li").count(), path).toBeGreaterThan(0);
        }
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, path).toBeLessThanOrEqual(0);
        expect(problems.pageErrors, path).toEqual([]);
        expect(problems.consoleErrors, path).toEqual([]);
      } finally {
        await page.context().close();
      }
    }
  );
});

describe("progress", () => {
  test("passing every check of /relu marks it passed on the home page, a partial page shows its count, and Reset clears both", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/relu", {colorScheme: "dark"});
    try {
      const predict = quiz(page, "predict-negative");
      await predict.getByRole("radio", {name: /^It becomes exactly 0/}).check();
      await predict.getByRole("button", {name: "Move x to −2"}).click();
      expect(await state(predict)).toBe("correct");
      const chain = quiz(page, "chain-at-2.5");
      await chain.locator("input[type=text]").fill(String(0.4 * activations.relu.df(2.5)));
      await chain.locator("input[type=text]").press("Enter");
      expect(await state(chain)).toBe("correct");
      const corner = quiz(page, "corner");
      await corner.getByRole("radio", {name: /^Very little/}).check();
      await corner.getByRole("button", {name: "Check"}).click();
      expect(await state(corner)).toBe("correct");

      await page.goto(inject("baseUrl") + "/tanh");
      await waitForCells(page);
      const slope = quiz(page, "slope-at-half");
      await slope.locator("input[type=text]").fill(activations.tanh.df(0.5).toFixed(3));
      await slope.getByRole("button", {name: "Check"}).click();
      expect(await state(slope)).toBe("correct");

      await page.goto(inject("baseUrl") + "/");
      await waitForCells(page);
      const item = (key: string) => page.locator(`.progress-list li[data-page="${key}"]`);
      expect(await item("relu").getAttribute("data-state")).toBe("passed");
      expect(await item("relu").locator(".progress-mark").textContent()).toBe("✓ passed");
      expect(await item("tanh").getAttribute("data-state")).toBe("partial");
      expect(await item("tanh").locator(".progress-mark").textContent()).toBe("1 of 3 checks passed");
      expect(await item("sigmoid").locator(".progress-mark").textContent()).toBe("not started");
      expect(await page.locator(".progress-list li").count()).toBe(quizPages.length);

      await page.getByRole("button", {name: "Reset progress"}).click();
      expect(await item("relu").locator(".progress-mark").textContent()).toBe("not started");
      expect(await item("tanh").locator(".progress-mark").textContent()).toBe("not started");
      expect(await page.locator(".progress-note").textContent()).toContain("Progress cleared");
      const kept = await page.evaluate(
        (prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)),
        PROGRESS_PREFIX
      );
      expect(kept).toEqual([]);
      // after a reload the marks are still cleared
      await page.reload();
      await waitForCells(page);
      expect(await item("relu").locator(".progress-mark").textContent()).toBe("not started");
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  test("where the browser keeps nothing, the home page says so and the questions still answer", async () => {
    const context = await browser.newContext({viewport: {width: 390, height: 800}});
    await context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The operation is insecure.", "SecurityError");
        }
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(String(error)));
    try {
      await page.goto(inject("baseUrl") + "/relu");
      await waitForCells(page);
      const chain = quiz(page, "chain-at-2.5");
      await chain.locator("input[type=text]").fill("0.4");
      await chain.getByRole("button", {name: "Check"}).click();
      expect(await state(chain)).toBe("correct");
      await page.goto(inject("baseUrl") + "/");
      await waitForCells(page);
      expect(await page.locator(".progress-note").textContent()).toMatch(/not keeping anything/);
      expect(await page.getByRole("button", {name: "Reset progress"}).isDisabled()).toBe(true);
      expect(await page.locator('.progress-list li[data-page="relu"] .progress-mark').textContent()).toBe(
        "not started"
      );
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
