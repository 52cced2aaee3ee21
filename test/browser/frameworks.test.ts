import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {frameworkBridges, frameworkIds, frameworkLabels} from "../../lib/frameworks.js";
import {formatNumber} from "../../src/components/format.js";
import {launchChromium, openPage, waitForCells} from "./chromium.js";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The framework block as the reader sees it, and the headings around it. */
async function shown(page: Page) {
  return page.evaluate(() => {
    const block = document.querySelector<HTMLElement>(".framework-code");
    const headings = [...document.querySelectorAll("#observablehq-main h2")].map((h) => h.textContent?.trim());
    return {
      id: block?.dataset.id,
      captions: [...(block?.querySelectorAll("figcaption") ?? [])].map((c) => c.textContent),
      code: [...(block?.querySelectorAll("pre code") ?? [])].map((c) => c.textContent),
      kinks: [...(block?.querySelectorAll(".framework-kink") ?? [])].map((p) => p.textContent),
      headings
    };
  });
}

function expected(id: keyof typeof frameworkBridges) {
  const bridge = frameworkBridges[id];
  return {
    captions: frameworkIds.map((f) => frameworkLabels[f]),
    code: frameworkIds.map((f) => bridge[f].code),
    kinks: frameworkIds.flatMap((f) => {
      const kink = bridge[f].kink;
      return kink
        ? [`Autograd at x = 0 returns ${formatNumber(kink.value)}${kink.differsFromCourse ? ", not the course's value." : ", as the course does."}`]
        : [];
    })
  };
}

const pages = [
  {path: "/sigmoid", id: "sigmoid"},
  {path: "/tanh", id: "tanh"},
  {path: "/relu", id: "relu"},
  {path: "/leaky-relu", id: "leakyRelu"},
  {path: "/linear", id: "linear"},
  {path: "/more-activations", id: "elu"}
] as const;

describe.each(pages)("page $path", ({path, id}) => {
  test("shows the activation in PyTorch, TensorFlow and JAX, just before its sources", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + path, {width: 390});
    try {
      const state = await shown(page);
      expect(state.id).toBe(id);
      const {captions, code, kinks} = expected(id);
      expect(state.captions).toEqual(captions);
      expect(state.code).toEqual(code);
      expect(state.kinks).toEqual(kinks);
      expect(state.headings.slice(-2)).toEqual(["In PyTorch, TensorFlow and JAX", "Sources"]);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

test("on /more-activations the block follows the chosen function, and says where SELU's frameworks differ", async () => {
  const {page, problems} = await openPage(browser, inject("baseUrl") + "/more-activations");
  try {
    await page.locator("#observablehq-main select").first().selectOption({label: "SELU"});
    await waitForCells(page);
    const state = await shown(page);
    expect(state.id).toBe("selu");
    expect(state.kinks).toEqual(expected("selu").kinks);
    expect(state.kinks.filter((text) => text?.includes("not the course's value"))).toHaveLength(1);
    const prose = await page.locator("#observablehq-main").textContent();
    expect(prose).toContain(`returns the right-hand slope λ ≈ ${formatNumber(frameworkBridges.selu.tensorflow.kink!.value)}`);
    expect(problems.pageErrors).toEqual([]);
  } finally {
    await page.context().close();
  }
});
