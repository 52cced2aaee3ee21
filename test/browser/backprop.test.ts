// Browser tests of the backpropagation, summary and TL;DR pages: the numbers on screen are
// the library's, the buttons and sliders change what they should, and the quizzes answer.
import type {Page} from "playwright-core";
import {describe, expect, test} from "vitest";
import {activations, chainSlopes, coreActivationIds, extraActivationIds, neuronStep} from "../../lib/index.js";
import type {ActivationId, NeuronStepInput} from "../../lib/index.js";
import {useBrowser} from "./chromium.js";
import {press, rangeIn as slider} from "./controls.js";
import {waitForCells, withPage as withPageIn} from "./page.js";
import {formatNumber} from "../../src/components/format.js";

const SUPERSCRIPT: Record<string, string> = {
  "⁻": "-",
  "⁰": "0",
  "¹": "1",
  "²": "2",
  "³": "3",
  "⁴": "4",
  "⁵": "5",
  "⁶": "6",
  "⁷": "7",
  "⁸": "8",
  "⁹": "9"
};

/** Reads a number as formatNumber writes it: "−0.04172", "4.54×10⁻⁵", "∞". */
function parseShown(text: string | null): number {
  const t = (text ?? "").trim();
  if (t === "∞") return Infinity;
  if (t === "−∞") return -Infinity;
  const [mantissa, exponent] = t.replace(/−/g, "-").split("×10");
  const e = exponent ? Number([...exponent].map((c) => SUPERSCRIPT[c] ?? c).join("")) : 0;
  return Number(mantissa) * 10 ** e;
}

/** True when `shown` is `expected` rounded to `digits` significant digits. */
function expectShown(shown: string | null, expected: number, what: string, digits = 4) {
  const value = parseShown(shown);
  expect(Number.isFinite(value), `${what}: "${shown}" is not a number`).toBe(true);
  const tolerance = expected === 0 ? 0 : Math.abs(expected) * 10 ** (1 - digits) * 0.51;
  expect(Math.abs(value - expected), `${what}: shown ${shown}, expected ${expected}`).toBeLessThanOrEqual(
    tolerance
  );
}

const browser = useBrowser();

/** Opens `path`, runs `check` on it, and expects no problem of the page (page.ts). */
const withPage = (path: string, check: (page: Page) => Promise<void>) => withPageIn(browser(), path, check);

const numberBox = (page: Page, label: string) =>
  page.locator("#observablehq-main form", {hasText: label}).locator("input[type=number]");

/** The neuron as the page's controls set it (each Inputs form's value: what the page uses). */
async function neuronParams(page: Page): Promise<NeuronStepInput> {
  const read = (label: string) =>
    slider(page, label).evaluate(
      (input: HTMLInputElement) => (input.form as unknown as {value: number}).value
    );
  const label = await page
    .locator("#observablehq-main form", {hasText: "Activation f"})
    .locator("select")
    .evaluate((select: HTMLSelectElement) => select.selectedOptions[0].textContent);
  const activation = coreActivationIds.find((id) => activations[id].label === label) as ActivationId;
  return {
    x: await read("Input x"),
    w: await read("Weight w"),
    b: await read("Bias b"),
    target: await read("Target t"),
    learningRate: await read("Learning rate"),
    activation
  };
}

function expectParams(actual: NeuronStepInput, expected: NeuronStepInput) {
  expect(actual.activation).toBe(expected.activation);
  for (const key of ["x", "w", "b", "target", "learningRate"] as const) {
    expect(actual[key], key).toBeCloseTo(expected[key], 9);
  }
}

const QUANTITIES = ["z", "y", "loss", "fPrime", "dLdw", "dLdb", "wAfter", "bAfter", "lossAfter"] as const;

async function expectStepTable(page: Page) {
  const params = await neuronParams(page);
  const expected = neuronStep(params);
  for (const key of QUANTITIES) {
    const shown = await page.locator(`td[data-live=step-table-${key}]`).textContent();
    expectShown(shown, expected[key], `${key} for ${JSON.stringify(params)}`);
  }
  return {params, expected};
}

const trainerDots = (page: Page) => page.locator(".trainer-chart g.loss-dot circle");
const trainerChart = (page: Page) => page.locator(".trainer-chart svg").evaluate((svg) => svg.outerHTML);

describe("/backpropagation", () => {
  test("shows neuronStep's numbers for the slider values, before and after moving them", async () => {
    await withPage("/backpropagation", async (page) => {
      await expectStepTable(page);
      await press(slider(page, "Input x"), "ArrowRight", 4);
      await press(slider(page, "Weight w"), "ArrowLeft", 13);
      await press(slider(page, "Bias b"), "ArrowRight", 7);
      await press(slider(page, "Target t"), "ArrowLeft", 3);
      await press(slider(page, "Learning rate"), "ArrowRight", 20);
      await waitForCells(page);
      const {params} = await expectStepTable(page);
      expectParams(params, {x: 1.4, w: -0.8, b: 0.7, target: 0.65, learningRate: 0.5, activation: "sigmoid"});
      for (const label of ["Tanh", "ReLU", "Leaky ReLU", "Linear"]) {
        await page
          .locator("#observablehq-main form", {hasText: "Activation f"})
          .locator("select")
          .selectOption({label});
        await waitForCells(page);
        const {params: now} = await expectStepTable(page);
        expect(activations[now.activation].label).toBe(label);
      }
    });
  });

  test("the live chain rule substitutes the same numbers", async () => {
    await withPage("/backpropagation", async (page) => {
      const expected = neuronStep(await neuronParams(page));
      const label = await page
        .locator('.math-display[role=img][aria-label^="dL/dw"]')
        .getAttribute("aria-label");
      const numbers = (label ?? "").match(/[−-]?\d+(\.\d+)?(×10[⁻⁰-⁹¹²³]+)?/g) ?? [];
      expectShown(numbers[numbers.length - 1], expected.dLdb, "dL/db in the formula");
      expect(await page.locator(".math-display .katex").count()).toBeGreaterThanOrEqual(3);
    });
  });

  test("Step moves w and extends the loss chart; Run 50 steps draws 50 points; a slider resets", async () => {
    await withPage("/backpropagation", async (page) => {
      const params = await neuronParams(page);
      expect(await trainerDots(page).count()).toBe(1);
      const before = await trainerChart(page);
      await page.getByRole("button", {name: "Step", exact: true}).click();
      const first = neuronStep(params);
      expectShown(
        await page.locator("[data-live=trainer-w]").textContent(),
        first.wAfter,
        "w after one step"
      );
      expectShown(
        await page.locator("[data-live=trainer-loss]").textContent(),
        first.lossAfter,
        "loss after one step"
      );
      expect(await page.locator("[data-live=trainer-step]").textContent()).toBe("1");
      expect(await trainerChart(page)).not.toEqual(before);
      expect(await trainerDots(page).count()).toBe(2);

      await page.getByRole("button", {name: "Reset"}).click();
      expect(await trainerDots(page).count()).toBe(1);
      await page.getByRole("button", {name: "Run 50 steps"}).click();
      expect(await trainerDots(page).count()).toBe(51);
      expect(await page.locator("[data-live=trainer-step]").textContent()).toBe("50");
      // 50 steps of neuronStep from the same start
      let {w, b} = params;
      for (let k = 0; k < 50; k++) ({wAfter: w, bAfter: b} = neuronStep({...params, w, b}));
      expectShown(await page.locator("[data-live=trainer-w]").textContent(), w, "w after 50 steps");

      await press(slider(page, "Target t"), "ArrowRight", 1);
      await waitForCells(page);
      expect(await page.locator("[data-live=trainer-step]").textContent()).toBe("0");
      expect(await trainerDots(page).count()).toBe(1);
    });
  });

  test("presets set the sliders; saturation and dead units show in the five-activation comparison", async () => {
    await withPage("/backpropagation", async (page) => {
      const panel = (id: string) => page.locator(`.multiple[data-activation=${id}]`);
      const losses = async (id: string) => ({
        start: Number(await panel(id).getAttribute("data-start-loss")),
        end: Number(await panel(id).getAttribute("data-final-loss"))
      });
      expect(await page.locator(".multiple").count()).toBe(coreActivationIds.length);

      await page.getByRole("button", {name: "Saturated sigmoid"}).click();
      await waitForCells(page);
      expectParams(await neuronParams(page), {
        x: 1,
        w: 5,
        b: 5,
        target: 0.2,
        learningRate: 0.3,
        activation: "sigmoid"
      });
      await expectStepTable(page);
      const sigmoid = await losses("sigmoid");
      expect(sigmoid.end).toBeGreaterThan(sigmoid.start * 0.99); // crawls
      const relu = await losses("relu");
      expect(relu.end).toBeLessThan(relu.start * 1e-6);

      await page.getByRole("button", {name: "Dead ReLU"}).click();
      await waitForCells(page);
      const dead = await neuronParams(page);
      expect(dead.activation).toBe("relu");
      const {expected} = await expectStepTable(page);
      expect(expected.z).toBeLessThan(0);
      expect(Math.abs(expected.dLdw)).toBe(0);
      const stuck = await losses("relu");
      expect(stuck.end).toBe(stuck.start);
      const sigmoidLearns = await losses("sigmoid");
      expect(sigmoidLearns.end).toBeLessThan(sigmoidLearns.start * 0.5);
    });
  });

  test("a typed value out of range is refused with a visible message", async () => {
    await withPage("/backpropagation", async (page) => {
      const box = numberBox(page, "Input x");
      const range = slider(page, "Input x");
      await box.fill("99");
      await box.press("Tab");
      const message = page.locator(".range-message", {hasText: "Input x"});
      expect(await message.isVisible()).toBe(true);
      await expect(message.textContent()).resolves.toBe(
        "Input x: 99 is out of range; type a number from −3 to 3. It stays at 1."
      );
      // on a line of its own below the controls, which keep their size
      const rangeBox = (await range.boundingBox())!;
      const messageBox = (await message.boundingBox())!;
      expect(messageBox.y).toBeGreaterThanOrEqual(rangeBox.y + rangeBox.height - 1);
      expect(rangeBox.width).toBeGreaterThan(100);
      // the number box and the slider are back at the value in use
      expect(await box.inputValue()).toBe("1");
      expect(await range.evaluate((input: HTMLInputElement) => input.valueAsNumber)).toBe(1);
      await waitForCells(page);
      const {params} = await expectStepTable(page);
      expect(params.x).toBe(1);
      await press(range, "ArrowLeft", 1);
      await waitForCells(page);
      expect(await message.isVisible()).toBe(false);
      const {params: moved} = await expectStepTable(page);
      expect(moved.x).toBeCloseTo(0.9, 9);
    });
  });

  test("the depth slider redraws the vanishing-gradient charts with chainSlopes' numbers", async () => {
    await withPage("/backpropagation", async (page) => {
      const charts = page.locator(
        'svg[aria-label^="Gradient magnitude"], svg[aria-label^="Gradient reaching"]'
      );
      expect(await charts.count()).toBe(2);
      const markup = () => charts.evaluateAll((nodes) => nodes.map((n) => n.outerHTML));
      const before = await markup();
      const depthSlider = slider(page, "Depth");
      await press(depthSlider, "ArrowRight", 6);
      await waitForCells(page);
      const depth = await depthSlider.evaluate((input: HTMLInputElement) => input.valueAsNumber);
      expect(depth).toBe(16);
      const after = await markup();
      expect(after[0]).not.toEqual(before[0]);
      expect(after[1]).not.toEqual(before[1]);
      const label = await charts.nth(1).getAttribute("aria-label");
      for (const id of coreActivationIds) {
        const expected = chainSlopes(id, depth).firstLayerGradient;
        const match = new RegExp(`${activations[id].label} ([^,]+)`).exec(label ?? "");
        expectShown(match?.[1] ?? null, expected, `${id} first-layer gradient at depth ${depth}`);
      }
      // the sigmoid's gradient really vanishes: at most 0.25 per layer
      expect(chainSlopes("sigmoid", depth).firstLayerGradient).toBeLessThan(0.25 ** depth);
    });
  });

  test("the quizzes give feedback", async () => {
    await withPage("/backpropagation", async (page) => {
      // the questions load as the reader nears them (offscreen.js nearScreen)
      await page.locator("#check-your-understanding").scrollIntoViewIfNeeded();
      const quiz = page.locator("form.quiz").first();
      const answer = neuronStep({
        x: 1,
        w: 0.5,
        b: 0,
        target: 1,
        learningRate: 0.5,
        activation: "sigmoid"
      }).dLdw;
      await quiz.locator("input").fill("5");
      await quiz.getByRole("button", {name: "Check"}).click();
      await expect(quiz.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("wrong");
      await quiz.locator("input").fill(answer.toFixed(3));
      await quiz.getByRole("button", {name: "Check"}).click();
      await expect(quiz.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");
      const last = page.locator("form.quiz").last();
      await last.getByRole("radio", {name: "Sigmoid"}).check();
      await last.getByRole("button", {name: "Check"}).click();
      await expect(last.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");
    });
  });
});

/** KaTeX text for comparing with a record's TeX: no spaces, true minus, ∞. */
const normaliseMath = (s: string) =>
  s
    .replace(/\\infty/g, "∞")
    .replace(/-/g, "−")
    .replace(/\s+/g, "");

describe("/summary", () => {
  test("has one row per core activation, in order, with the record's label, range and derivative", async () => {
    await withPage("/summary", async (page) => {
      const rows = page.locator('.summary-table[data-rows="core"] tbody tr');
      expect(await rows.count()).toBe(coreActivationIds.length);
      for (const [i, id] of coreActivationIds.entries()) {
        const row = rows.nth(i);
        const record = activations[id];
        expect(await row.getAttribute("data-activation")).toBe(id);
        expect(await row.locator("th .summary-name").textContent()).toBe(record.label);
        const range = row.locator("td.summary-range");
        expect(await range.getAttribute("data-range")).toBe(record.range.tex);
        expect(normaliseMath((await range.locator(".katex-html").textContent()) ?? "")).toBe(
          normaliseMath(record.range.tex)
        );
        expect(await row.locator("td.summary-derivative .katex").count()).toBe(1);
        const cells = await row.locator("td").allTextContents();
        expect(cells[2]).toBe(record.zeroCentred ? "Yes" : "No");
        expect(
          cells[3].startsWith(
            record.vanishingGradient === "yes" || record.vanishingGradient === "less" ? "Yes" : "No"
          )
        ).toBe(true);
        const chart = row.locator("svg[aria-label]");
        expect(await chart.getAttribute("aria-label")).toContain(record.label);
        expect(await chart.locator("g.chart-f").count()).toBe(1);
        expect(await chart.locator("g.chart-df").count()).toBe(1);
      }
      expect(await rows.nth(3).locator("td.summary-range").textContent()).toContain("∞");
      expect(await rows.nth(3).locator("td.summary-range").textContent()).toContain("−∞");
    });
  });

  test("has one row per further activation in its 'more' table, in registry order, with the record's label and range", async () => {
    await withPage("/summary", async (page) => {
      const rows = page.locator('.summary-table[data-rows="further"] tbody tr');
      expect(await rows.count()).toBe(extraActivationIds.length);
      expect(extraActivationIds.length).toBeGreaterThan(0);
      for (const [i, id] of extraActivationIds.entries()) {
        const row = rows.nth(i);
        const record = activations[id];
        expect(await row.getAttribute("data-activation")).toBe(id);
        expect(await row.locator("th .summary-name").textContent()).toBe(record.label);
        const range = row.locator("td.summary-range");
        expect(await range.getAttribute("data-range")).toBe(record.range.tex);
        // the typeset range reads as its TeX, Greek letters and ≈ as KaTeX draws them
        const symbols: Record<string, string> = {"\\lambda": "λ", "\\alpha": "α", "\\approx": "≈"};
        const tex = record.range.tex.replace(/\\(lambda|alpha|approx)\b/g, (command) => symbols[command]);
        expect(normaliseMath((await range.locator(".katex-html").textContent()) ?? "")).toBe(normaliseMath(tex));
        expect(await row.locator("td.summary-derivative .katex").count()).toBe(1);
        expect(await row.locator("td.summary-notes").textContent()).toBe(record.useCase);
        expect(await row.locator("svg[aria-label]").getAttribute("aria-label")).toContain(record.label);
      }
    });
  });

  test("the quizzes give feedback", async () => {
    await withPage("/summary", async (page) => {
      const choice = page.locator("form.quiz").first();
      await choice.getByRole("radio", {name: "Linear"}).check();
      await choice.getByRole("button", {name: "Check"}).click();
      await expect(choice.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");
      // predict, then check: the slopes at −3 show only once a prediction is picked
      const predict = page.locator("form.quiz").nth(1);
      const reveal = predict.getByRole("button", {name: /^Work out the slopes/});
      await reveal.click();
      await expect(predict.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("invalid");
      await expect(predict.locator(".quiz-outcome").textContent()).resolves.toBe("");
      await predict.getByRole("radio", {name: "Tanh"}).check();
      await reveal.click();
      await expect(predict.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("wrong");
      await expect(predict.locator(".quiz-outcome").textContent()).resolves.toContain(
        formatNumber(activations.sigmoid.df(-3), {digits: 3})
      );
      await predict.getByRole("radio", {name: "Sigmoid"}).check();
      await predict.getByRole("button", {name: "Check"}).click();
      await expect(predict.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");
      await expect(page.locator("form.quiz").count()).resolves.toBe(2);
    });
  });
});

describe("/tldr", () => {
  test("the chooser recommends ReLU, Leaky ReLU, linear, sigmoid and softmax", async () => {
    await withPage("/tldr", async (page) => {
      const recommendation = page.locator("[data-recommendation]");
      const pick = async (layer: string, task: string) => {
        await page.getByRole("radio", {name: layer}).check();
        await page.getByRole("radio", {name: task}).check();
        await waitForCells(page);
        return recommendation.getAttribute("data-recommendation");
      };
      const chart = page.locator("#observablehq-main svg[aria-label*='and its derivative']");
      expect(await pick("Hidden layer", "Binary classification")).toBe("relu");
      expect(await chart.getAttribute("aria-label")).toContain("ReLU");
      await page.getByRole("checkbox", {name: "Worried about dead units?"}).check();
      await waitForCells(page);
      expect(await recommendation.getAttribute("data-recommendation")).toBe("leakyRelu");
      expect(await pick("Output layer", "Regression")).toBe("linear");
      expect(await recommendation.textContent()).toBe(activations.linear.label);
      expect(await chart.getAttribute("aria-label")).toContain(activations.linear.label);
      expect(await pick("Output layer", "Binary classification")).toBe("sigmoid");
      expect(await recommendation.textContent()).toBe(activations.sigmoid.label);
      expect(await pick("Output layer", "Multi-class classification")).toBe("softmax");
      expect(await chart.count()).toBe(0);
      await expect(page.locator(".recommendation").textContent()).resolves.toContain(
        "generalisation of sigmoid"
      );
    });
  });

  test("the quizzes give feedback", async () => {
    await withPage("/tldr", async (page) => {
      const first = page.locator("form.quiz").first();
      await first.getByRole("radio", {name: "Sigmoid"}).check();
      await first.getByRole("button", {name: "Check"}).click();
      await expect(first.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("wrong");
      await first.getByRole("radio", {name: "Linear"}).check();
      await first.getByRole("button", {name: "Check"}).click();
      await expect(first.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");
      const last = page.locator("form.quiz").last();
      await last.getByRole("radio", {name: "Tanh"}).check();
      await last.getByRole("button", {name: "Set the chooser"}).click();
      await expect(last.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("wrong");
      await waitForCells(page);
      await expect(page.locator("[data-recommendation]").getAttribute("data-recommendation")).resolves.toBe("sigmoid");
      await last.getByRole("radio", {name: "Sigmoid"}).check();
      await last.getByRole("button", {name: "Check"}).click();
      await expect(last.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");
    });
  });
});
