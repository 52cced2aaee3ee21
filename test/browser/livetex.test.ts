// Live formulas typeset at build time (\live slots filled by src/components/liveTex.js) look
// as if KaTeX had typeset the same TeX with the numbers in: after the slots are unwrapped,
// the page's KaTeX HTML equals KaTeX's rendering (in Node) of the TeX the pages used to hand
// to the browser's KaTeX, for several slider settings, including negative numbers, powers
// of ten and another activation. The one allowed difference: KaTeX sizes the rows of an
// aligned block for the numbers typeset at build time, so a row that later shows a power of
// ten keeps its height, and its superscript overhangs by 0.024em (vertical metrics within
// 0.03em).
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {activations, neuronStep} from "../../lib/index.js";
import type {ActivationId} from "../../lib/index.js";
import {formulaReferences} from "../../observablehq.config.js";
import {renderTex} from "../../scripts/markdown-tex.js";
import {texFactor, texNumber} from "../../src/components/format.js";
import {useBrowser} from "./chromium.js";
import {press, rangeIn as slider} from "./controls.js";
import {expectNoProblem, openPage, withPage, waitForCells} from "./page.js";

const browser = useBrowser();

/**
 * The formula in `selector` (its .katex element) and KaTeX's HTML for `tex`, both with live
 * slots unwrapped and struts' sizes dropped: a strut is sized for the build-time values and
 * only sets a minimum line height, so it is the one place the two may differ.
 */
async function compare(page: Page, selector: string, tex: string) {
  return page.locator(selector).evaluate(
    (element, expectedHtml) => {
      const normalise = (root: Element) => {
        const copy = root.cloneNode(true) as Element;
        for (const slot of copy.querySelectorAll("[data-live]")) slot.replaceWith(...slot.childNodes);
        for (const strut of copy.querySelectorAll(".katex-strut")) strut.removeAttribute("style");
        copy.normalize();
        return copy.innerHTML;
      };
      const template = document.createElement("template");
      template.innerHTML = expectedHtml;
      return {
        actual: normalise(element.querySelector(".katex")!),
        expected: normalise(template.content.querySelector(".katex")!)
      };
    },
    renderTex(tex, {displayMode: true})
  );
}

/** The same HTML, with vertical metrics (`height`, `top`, in em) equal to within 0.03em. */
function expectSameTypesetting({actual, expected}: {actual: string; expected: string}, what: string) {
  const metric = /(height|top):(-?[\d.]+)em/g;
  expect(actual.replace(metric, "$1:*"), what).toBe(expected.replace(metric, "$1:*"));
  const values = (html: string) => [...html.matchAll(metric)].map((m) => Number(m[2]));
  const [a, e] = [values(actual), values(expected)];
  expect(a.length, what).toBe(e.length);
  a.forEach((v, i) => expect(Math.abs(v - e[i]), `${what}: ${v} for ${e[i]}`).toBeLessThanOrEqual(0.03));
}

describe("/backpropagation's live chain rule", () => {
  const references = formulaReferences();
  const read = (page: Page, label: string) =>
    slider(page, label).evaluate(
      (input: HTMLInputElement) => (input.form as unknown as {value: number}).value
    );

  /** The three formulas as the page built them for KaTeX before they were typeset at build time. */
  async function expectedTex(page: Page) {
    const label = await page
      .locator("#observablehq-main form", {hasText: "Activation f"})
      .locator("select")
      .evaluate((select: HTMLSelectElement) => select.selectedOptions[0].textContent);
    const activation = (Object.keys(activations) as ActivationId[]).find(
      (id) => activations[id].label === label
    )!;
    const [x, w, b, target, learningRate] = await Promise.all(
      ["Input x", "Weight w", "Bias b", "Target t", "Learning rate"].map((l) => read(page, l))
    );
    const step = neuronStep({x, w, b, target, learningRate, activation});
    const fz = references[`${activation}.fz`];
    const dfz = references[`${activation}.dfz`];
    return {
      "#forward-math": `\\begin{aligned}
z &= w\\,x + b = ${texFactor(w)}\\cdot ${texFactor(x)} + ${texFactor(b)} = ${texNumber(step.z)}\\\\
y &= ${fz} = ${texNumber(step.y)}\\\\
L &= \\tfrac{1}{2}\\,(y - t)^2\\\\
&= \\tfrac{1}{2}\\,(${texNumber(step.y)} - ${texFactor(target)})^2 = ${texNumber(step.loss)}
\\end{aligned}`,
      "#backward-math": `\\begin{aligned}
\\frac{\\partial L}{\\partial w} &= (y - t)\\cdot ${dfz}\\cdot x\\\\
&= (${texNumber(step.y)} - ${texFactor(target)})\\cdot ${texFactor(step.fPrime)}\\cdot ${texFactor(x)}\\\\
&= ${texNumber(step.dLdw)}\\\\
\\frac{\\partial L}{\\partial b} &= (y - t)\\cdot ${dfz} = ${texNumber(step.dLdb)}
\\end{aligned}`,
      "#update-math": `\\begin{aligned}
w' &= w - \\eta\\,\\frac{\\partial L}{\\partial w} = ${texNumber(w)} - ${texNumber(learningRate)}\\cdot ${texFactor(step.dLdw)}\\\\
&= ${texNumber(step.wAfter)}\\\\
b' &= b - \\eta\\,\\frac{\\partial L}{\\partial b} = ${texNumber(b)} - ${texNumber(learningRate)}\\cdot ${texFactor(step.dLdb)}\\\\
&= ${texNumber(step.bAfter)}\\\\
L' &= \\tfrac{1}{2}\\,\\bigl(f(w'x + b') - t\\bigr)^2 = ${texNumber(step.lossAfter)}
\\end{aligned}`
    };
  }

  async function expectAsKatex(page: Page, state: string) {
    for (const [selector, tex] of Object.entries(await expectedTex(page))) {
      expectSameTypesetting(await compare(page, selector, tex), `${selector} ${state}`);
    }
  }

  test("matches KaTeX for the start, negative numbers, powers of ten and every activation", async () => {
    await withPage(browser(), "/backpropagation", async (page) => {
      await expectAsKatex(page, "at the start");
      await press(slider(page, "Weight w"), "ArrowLeft", 13);
      await press(slider(page, "Bias b"), "ArrowLeft", 7);
      await expectAsKatex(page, "with negative w and b");
      await page.getByRole("button", {name: "Saturated sigmoid"}).click();
      await waitForCells(page);
      await expectAsKatex(page, "saturated (powers of ten)");
      for (const label of ["Tanh", "ReLU", "Leaky ReLU", "Linear", "Sigmoid"]) {
        await page
          .locator("#observablehq-main form", {hasText: "Activation f"})
          .locator("select")
          .selectOption({label});
        await waitForCells(page);
        await expectAsKatex(page, `with ${label}`);
      }
      await page.getByRole("button", {name: "Dead ReLU"}).click();
      await waitForCells(page);
      await expectAsKatex(page, "dead ReLU");
    });
  });
});

describe("/linear's collapsed layer", () => {
  const n = (v: number) => texNumber(v);
  const signed = (v: number) => (v < 0 ? `- ${n(-v)}` : `+ ${n(v)}`);

  test("matches KaTeX with positive and negative terms", async () => {
    await withPage(browser(), "/linear", async (page) => {
      const value = (label: string) =>
        slider(page, label).evaluate((input: HTMLInputElement) => input.valueAsNumber);
      for (const [label, key, times] of [
        ["b₂", "ArrowRight", 0],
        ["b₂", "ArrowRight", 12],
        ["w₁", "ArrowLeft", 25],
        ["b₁", "ArrowLeft", 9]
      ] as const) {
        if (times) await press(slider(page, label), key, times);
        const [w1, b1, w2, b2] = await Promise.all(["w₁", "b₁", "w₂", "b₂"].map(value));
        const tex = `\\begin{aligned} w_2(w_1 x + b_1) + b_2 &= ${n(w2)}\\,(${n(w1)}\\,x ${signed(b1)}) ${signed(b2)} \\\\ &= ${n(w2 * w1)}\\,x ${signed(w2 * b1 + b2)} \\end{aligned}`;
        const {actual, expected} = await compare(page, ".math-display:has([data-live])", tex);
        expect(actual, `w1 ${w1}, b1 ${b1}, w2 ${w2}, b2 ${b2}`).toBe(expected); // exactly
      }
    });
  });
});
