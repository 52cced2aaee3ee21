import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {coreActivationIds} from "../../lib/index.js";
import {heatColor, heatGrid} from "../../lib/heatmap.js";
import type {HeatColors} from "../../lib/heatmap.js";
import {composeAffine} from "../../lib/linear.js";
import type {AffineMap} from "../../lib/linear.js";
import {xorTrainer} from "../../lib/xorTrainer.js";
import {useBrowser} from "./chromium.js";
import {expectNoProblem, openPage, waitForCells} from "./page.js";

const browser = useBrowser();

async function open(path: string): Promise<Page> {
  return (await openPage(browser(), inject("baseUrl") + path)).page;
}

describe("home page", () => {
  test("the hero chart draws the five core activations and the f / f′ switch redraws it", async () => {
    const page = await open("/");
    try {
      const hero = page.locator("#observablehq-main svg[data-mode]");
      await expect(hero.getAttribute("data-mode")).resolves.toBe("f");
      const before = await hero.evaluate((svg) => svg.outerHTML);
      for (const id of coreActivationIds) expect(before).toContain(`series-${id}`);
      const legend = await page.locator(".family-legend").textContent();
      expect(legend).toContain("Leaky ReLU");

      await page.getByLabel("f′(x): their derivatives").check();
      await waitForCells(page);
      const after = page.locator("#observablehq-main svg[data-mode]");
      await expect(after.getAttribute("data-mode")).resolves.toBe("df");
      const afterMarkup = await after.evaluate((svg) => svg.outerHTML);
      expect(afterMarkup).not.toEqual(before);
      expect(afterMarkup).toContain("f′(x)");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the value table follows the x slider", async () => {
    const page = await open("/");
    try {
      const slider = page.locator("#observablehq-main input[type=range]").first();
      await slider.focus();
      for (let k = 0; k < 10; k++) await slider.press("ArrowLeft"); // 1 → 0
      await waitForCells(page);
      const caption = await page.locator(".hero-values caption").textContent();
      expect(caption).toContain("x = 0");
      const sigmoidRow = await page.locator('.hero-values tr[data-id="sigmoid"]').textContent();
      expect(sigmoidRow).toContain("0.5");
      expect(sigmoidRow).toContain("0.25");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});

describe("why activation functions", () => {
  const names = (layer: number) => [
    `Layer ${layer} weight, row 1, column 1`,
    `Layer ${layer} weight, row 1, column 2`,
    `Layer ${layer} weight, row 2, column 1`,
    `Layer ${layer} weight, row 2, column 2`,
    `Layer ${layer} bias 1`,
    `Layer ${layer} bias 2`
  ];

  async function readLayers(page: Page): Promise<AffineMap[]> {
    const layers: AffineMap[] = [];
    for (const layer of [1, 2]) {
      const values: number[] = [];
      for (const name of names(layer)) {
        values.push(
          await page
            .locator(`input[type=range][aria-label="${name}"]`)
            .evaluate((el: HTMLInputElement) => el.valueAsNumber)
        );
      }
      const [w11, w12, w21, w22, b1, b2] = values;
      layers.push({
        W: [
          [w11, w12],
          [w21, w22]
        ],
        b: [b1, b2]
      });
    }
    return layers;
  }

  /** A matrix entry as a reader should see it: 4 decimals at most, a true minus, no −0. */
  const entry = (v: number) => String(Math.round(v * 1e4) / 1e4 || 0).replace("-", "−");

  /** The entries shown in every `[data-live=name]` matrix, row by row. */
  async function shownMatrices(page: Page, name: string): Promise<string[][][]> {
    return page
      .locator(`.collapsed-math [data-live="${name}"]`)
      .evaluateAll((matrices) =>
        matrices.map((matrix) =>
          [...matrix.querySelectorAll("[role=row]")].map((row) =>
            [...row.querySelectorAll("[role=cell]")].map((cell) => cell.textContent!)
          )
        )
      );
  }

  test("after moving sliders, every matrix of the collapse shows lib's numbers for the slider values", async () => {
    const page = await open("/why-activation-functions");
    try {
      const slider = page.locator('input[type=range][aria-label="Layer 2 weight, row 1, column 2"]');
      await slider.focus();
      for (let k = 0; k < 3; k++) await slider.press("ArrowRight");
      const bias = page.locator('input[type=range][aria-label="Layer 1 bias 2"]');
      await bias.focus();
      for (let k = 0; k < 4; k++) await bias.press("ArrowLeft");
      await waitForCells(page);

      const layers = await readLayers(page);
      expect(layers[1].W[0][1]).toBeCloseTo(-0.3, 12);
      expect(layers[0].b[1]).toBeCloseTo(-0.4, 12);
      const collapsed = composeAffine(layers);
      const column = (b: number[]) => b.map((v) => [v]);
      const expected: Record<string, number[][]> = {
        l1w: layers[0].W,
        l2w: layers[1].W,
        w: collapsed.W,
        l1b: column(layers[0].b),
        l2b: column(layers[1].b),
        b: column(collapsed.b)
      };
      for (const [name, values] of Object.entries(expected)) {
        const shown = await shownMatrices(page, name);
        // W₂ appears in both lines: W = W₂W₁ and b = W₂b₁ + b₂
        expect(shown, name).toHaveLength(name === "l2w" ? 2 : 1);
        for (const matrix of shown) expect(matrix, name).toEqual(values.map((row) => row.map(entry)));
      }
      // each matrix is a table named for screen readers
      const names = await page
        .locator(".collapsed-math [role=table]")
        .evaluateAll((tables) => tables.map((t) => t.getAttribute("aria-label")));
      expect(names).toEqual(["W₂", "W₁", "W = W₂W₁", "W₂", "b₁", "b₂", "b = W₂b₁ + b₂"]);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the stack and the collapsed layer give the same outputs", async () => {
    const page = await open("/why-activation-functions");
    try {
      const gap = Number(await page.locator("svg[data-largest-gap]").getAttribute("data-largest-gap"));
      expect(gap).toBeLessThan(1e-12);
      const slider = page.locator('input[type=range][aria-label="Layer 1 weight, row 2, column 1"]');
      await slider.focus();
      for (let k = 0; k < 7; k++) await slider.press("ArrowLeft");
      await waitForCells(page);
      const after = Number(await page.locator("svg[data-largest-gap]").getAttribute("data-largest-gap"));
      expect(after).toBeLessThan(1e-12);
      // the sentence under the chart says so: 0, or round-off far below the 12th decimal
      const said = await page.locator('[data-live="largest-gap"]').textContent();
      const [, exponent] = /^(?:0|\d(?:\.\d+)?×10⁻([⁰¹²³⁴⁵⁶⁷⁸⁹]+))$/.exec(said ?? "") ?? [];
      expect(said).toMatch(/^(0|.+×10⁻.+)$/);
      if (exponent)
        expect(Number([...exponent].map((c) => "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c)).join(""))).toBeGreaterThanOrEqual(13);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the widest numbers fit their entries, and the lines of the collapse wrap within the column on a phone", async () => {
    for (const width of [1200, 390]) {
      const {page} = await openPage(browser(), inject("baseUrl") + "/why-activation-functions", {
        width
      });
      try {
        // weights of ±1.9 and biases of ±0.9 give the longest entries: −7.22 in W, −4.32 in b
        const set = async (name: string, value: number) => {
          const box = page.locator(`input[type=number][aria-label="${name}"]`);
          await box.fill(String(value));
          await box.press("Enter");
        };
        for (const layer of [1, 2]) {
          const sign = layer === 1 ? 1 : -1;
          const [w11, w12, w21, w22, b1, b2] = names(layer);
          await set(w11, -1.9 * sign);
          await set(w12, 1.9 * sign);
          await set(w21, 1.9 * sign);
          await set(w22, -1.9 * sign);
          await set(b1, 0.9);
          await set(b2, -0.9);
        }
        await waitForCells(page);
        const shown = (await shownMatrices(page, "w"))[0]
          .flat()
          .concat((await shownMatrices(page, "b"))[0].flat());
        expect(shown).toContain("−7.22");
        expect(shown).toContain("−4.32");
        const fit = await page.locator(".collapsed-math").evaluate((box) => {
          const column = box.getBoundingClientRect();
          return {
            // an entry box has a fixed size: its number must not spill out of it
            spilling: [...box.querySelectorAll("[role=cell] > span")]
              .filter((span) => span.scrollWidth > span.clientWidth)
              .map((span) => span.textContent),
            outside: [...box.querySelectorAll(".live-matrix, .katex")].filter((part) => {
              const r = part.getBoundingClientRect();
              return r.left < column.left - 0.5 || r.right > column.right + 0.5;
            }).length
          };
        });
        expect(fit, `at ${width} px`).toEqual({spilling: [], outside: 0});
        await expectNoProblem(page);
      } finally {
        await page.context().close();
      }
    }
  });

  test("a typed weight out of range is refused with a message", async () => {
    const page = await open("/why-activation-functions");
    try {
      const box = page.locator('input[type=number][aria-label="Layer 1 weight, row 1, column 1"]');
      await box.fill("7");
      await box.press("Enter");
      await waitForCells(page);
      const message = page.locator('.stack-controls fieldset[data-layer="1"] .range-message').first();
      await expect(message.textContent()).resolves.toMatch(/from −2 to 2/);
      // the collapse still shows the last valid weights: numbers, never "undefined"
      for (const row of (await shownMatrices(page, "w"))[0])
        for (const v of row) expect(v).toMatch(/^−?\d+(\.\d+)?$/);
      const range = await page
        .locator('input[type=range][aria-label="Layer 1 weight, row 1, column 1"]')
        .evaluate((el: HTMLInputElement) => el.valueAsNumber);
      expect(range).toBe(1);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("XOR: the non-linear net reaches 100% and the linear one at most 75%, within seconds", async () => {
    const started = Date.now();
    const page = await open("/why-activation-functions");
    try {
      const read = async (name: string) =>
        Number(await page.locator(`[data-live="${name}"]`).getAttribute("data-value"));
      expect(Date.now() - started).toBeLessThan(8000);
      expect(await read("xor-nonlinear-accuracy")).toBeGreaterThanOrEqual(0.99);
      expect(await read("xor-linear-accuracy")).toBeLessThanOrEqual(0.75);
      expect(await read("xor-linear-loss")).toBeCloseTo(0.5, 3);
      expect(await page.locator(".xor-demo figure[class^=plot]").count()).toBe(2);

      // each chart: the heat canvas exactly over the frame (clipped to it), and the colour legend
      for (const net of ["linear", "nonlinear"]) {
        const figure = page.locator(`.xor-demo [data-net="${net}"] figure[class^=plot]`);
        const heat = figure.locator("svg.xor-heat");
        await expect(heat.count()).resolves.toBe(1);
        await expect(heat.evaluate((el) => getComputedStyle(el).overflow)).resolves.toBe("hidden");
        await expect(heat.locator("foreignObject > canvas").count()).resolves.toBe(1);
        const frame = figure.locator('rect[aria-label="frame"]');
        for (const name of ["x", "y", "width", "height"]) {
          expect(Number(await heat.getAttribute(name)), `${net} ${name}`).toBeCloseTo(
            Number(await frame.getAttribute(name)),
            6
          );
        }
        await expect(figure.locator("svg[class$=-ramp]").count()).resolves.toBe(1);
        await expect(figure.locator("svg[class$=-ramp]").textContent()).resolves.toContain("network output");
      }
      // the heat is the right way up: orange (red > blue) at the + corner (−1, 1), purple at the − corner (1, 1)
      const [plus, minus] = await page
        .locator('.xor-demo [data-net="nonlinear"] svg.xor-heat canvas')
        .evaluate((canvas: HTMLCanvasElement) => {
          const context = canvas.getContext("2d")!;
          // the canvas spans [−1.6 − h, 1.6 + h]² with h = 3.2 / (n − 2), x₂ upwards
          const n = canvas.width;
          const h = 3.2 / (n - 2);
          const pixel = (x1: number, x2: number) =>
            context.getImageData(
              Math.floor(((x1 + 1.6 + h) / (3.2 + 2 * h)) * n),
              Math.floor(((1.6 + h - x2) / (3.2 + 2 * h)) * n),
              1,
              1
            ).data;
          return [Array.from(pixel(-1, 1)), Array.from(pixel(1, 1))];
        });
      expect(plus[0]).toBeGreaterThan(plus[2]);
      expect(minus[2]).toBeGreaterThan(minus[0]);
      // the non-linear network's decision boundary is drawn as at least one dashed path
      const boundary = page.locator('.xor-demo [data-net="nonlinear"] .xor-boundary path');
      expect(await boundary.count()).toBeGreaterThanOrEqual(1);
      const d = (await boundary.first().getAttribute("d"))!;
      expect(d.split("L").length).toBeGreaterThan(10);

      for (const label of ["ReLU", "Sigmoid", "Leaky ReLU"]) {
        await page.getByLabel("Second network's activation").selectOption({label});
        await waitForCells(page);
        await expect(page.locator('.xor-demo [data-net="nonlinear"] h3').textContent()).resolves.toContain(
          label
        );
        expect(await read("xor-nonlinear-accuracy"), label).toBeGreaterThanOrEqual(0.99);
      }
      const heatBefore = await page
        .locator('.xor-demo [data-net="nonlinear"] figure[class^=plot]')
        .evaluate((n) => n.outerHTML);
      await page.getByRole("button", {name: "Retrain from a new random start"}).click();
      await waitForCells(page);
      const heatAfter = await page
        .locator('.xor-demo [data-net="nonlinear"] figure[class^=plot]')
        .evaluate((n) => n.outerHTML);
      expect(heatAfter).not.toEqual(heatBefore);
      expect(await read("xor-nonlinear-accuracy")).toBeGreaterThanOrEqual(0.99);
      expect(await read("xor-linear-accuracy")).toBeLessThanOrEqual(0.75);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("XOR: every pixel of a map is lib's colour for lib's output there, in the theme's colours", async () => {
    const page = await open("/why-activation-functions");
    try {
      // the page's defaults: tanh, 1000 epochs, random start 1, a 50-cell grid one cell beyond the frame
      const {heat} = xorTrainer({
        activation: "tanh",
        seed: 1,
        heatInputs: heatGrid([-1.6, 1.6], 50, 1).inputs
      }).at(1000);
      const themes = {
        light: {low: [94, 60, 153], mid: [247, 247, 247], high: [230, 97, 1]},
        dark: {low: [143, 127, 214], mid: [38, 38, 43], high: [240, 160, 90]}
      } as const;
      const expectMap = async (colors: HeatColors) => {
        const pixels = await page
          .locator('.xor-demo [data-net="nonlinear"] svg.xor-heat canvas')
          .evaluate((canvas: HTMLCanvasElement) =>
            Array.from(canvas.getContext("2d")!.getImageData(0, 0, canvas.width, canvas.height).data)
          );
        expect(pixels.length).toBe(4 * 50 * 50);
        for (let row = 0; row < 50; row++) {
          for (let col = 0; col < 50; col++) {
            // the canvas's top row is the grid's last (x₂ upwards)
            const expected = heatColor(heat[(49 - row) * 50 + col], colors);
            const k = 4 * (row * 50 + col);
            for (let channel = 0; channel < 3; channel++) {
              // (Chromium's tanh and Node's may differ in the last bit)
              expect(Math.abs(pixels[k + channel] - expected[channel]), `${row}, ${col}`).toBeLessThanOrEqual(
                1
              );
            }
            expect(pixels[k + 3]).toBe(255);
          }
        }
      };
      await expectMap(themes.light);
      await page.emulateMedia({colorScheme: "dark"});
      await waitForCells(page);
      await expectMap(themes.dark);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the quizzes give feedback", async () => {
    const page = await open("/why-activation-functions");
    try {
      const stack: AffineMap[] = [
        {W: [[2]], b: [1]},
        {W: [[-1.5]], b: [0]},
        {W: [[0.5]], b: [2]}
      ];
      const {W, b} = composeAffine(stack);
      const quizzes = page.locator("form.quiz");
      await expect(quizzes.count()).resolves.toBe(3);

      const first = quizzes.nth(0);
      await first.locator("input").fill("3");
      await first.getByRole("button", {name: "Check"}).click();
      await expect(first.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("wrong");
      await first.locator("input").fill(String(W[0][0]));
      await first.getByRole("button", {name: "Check"}).click();
      await expect(first.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");

      const second = quizzes.nth(1);
      await second.locator("input").fill(String(b[0]));
      await second.locator("input").press("Enter");
      await expect(second.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");

      // predict, then check: the comparison shows only once a prediction is picked
      const third = quizzes.nth(2);
      await third.getByRole("button", {name: "Compare on a grid"}).click();
      await expect(third.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("invalid");
      await expect(third.locator(".quiz-outcome").textContent()).resolves.toBe("");
      await third.locator("input[type=radio]").nth(0).check();
      await third.getByRole("button", {name: "Compare on a grid"}).click();
      await expect(third.locator(".quiz-outcome").textContent()).resolves.toMatch(/^On the 25 inputs/);
      await expect(third.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("wrong");
      await third.locator("input[type=radio]").nth(1).check();
      await third.getByRole("button", {name: "Check"}).click();
      await expect(third.locator(".quiz-feedback").getAttribute("data-state")).resolves.toBe("correct");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});
