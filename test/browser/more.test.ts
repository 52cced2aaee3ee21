import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {activations, countInWords, glanceActivationIds, makeElu} from "../../lib/index.js";
import {compileExpression} from "../../lib/expression.js";
import {useBrowser} from "./chromium.js";
import {chartMarkup} from "./controls.js";
import {expectNoProblem, openPage, withPage, waitForCells} from "./page.js";

const browser = useBrowser();

/** Types a formula into the page's formula box (replacing what is there) and waits for the cells. */
async function typeFormula(page: Page, formula: string): Promise<void> {
  const input = page.locator(".formula-input input");
  await input.fill(formula);
  await waitForCells(page);
}

async function marker(page: Page) {
  return page.locator(".formula-figure .chart-marker").evaluate((g: SVGGElement) => ({
    x: Number(g.dataset.x),
    f: Number(g.dataset.f),
    df: Number(g.dataset.df)
  }));
}

describe("/your-own", () => {
  test("typing a formula updates the chart, and autodiff agrees with central differences", async () => {
    await withPage(browser(), "/your-own", async (page) => {
      const before = await chartMarkup(page);
      await typeFormula(page, "log(1 + exp(x))");
      const after = await chartMarkup(page);
      expect(after).not.toEqual(before);
      const point = await marker(page);
      const softplus = compileExpression("log(1 + exp(x))");
      expect(point.f).toBeCloseTo(softplus.f(point.x), 12);
      expect(point.df).toBeCloseTo(activations.softplus.df(point.x), 12);
      const disagreement = Number(await page.locator("#max-disagreement").getAttribute("data-value"));
      expect(disagreement).toBeGreaterThanOrEqual(0);
      expect(disagreement).toBeLessThan(1e-6);
      await expect(page.locator("#formula-status").textContent()).resolves.toBe("");
      await expect(page.locator(".formula-input input").getAttribute("aria-invalid")).resolves.toBe("false");
      expect(new URL(page.url()).searchParams.get("formula")).toBe("log(1 + exp(x))");
    });
  });

  test("a bad formula shows a positioned error, keeps the last chart, and a good one recovers", async () => {
    await withPage(browser(), "/your-own", async (page) => {
      await typeFormula(page, "x * sigmoid(x)");
      const good = await chartMarkup(page);
      await typeFormula(page, "(x + 1) * x)");
      const error = page.locator("#formula-status .formula-error");
      await expect(error.textContent()).resolves.toContain('ParseError: unexpected ")" at column 12');
      await expect(error.getAttribute("data-position")).resolves.toBe("11");
      const caret = await page.locator(".formula-caret").textContent();
      expect(caret?.split("\n")[1]).toBe(" ".repeat(11) + "^");
      await expect(page.locator(".formula-input input").getAttribute("aria-invalid")).resolves.toBe("true");
      expect(await chartMarkup(page)).toEqual(good); // the last good chart stays
      await expectNoProblem(page);

      await typeFormula(page, "x * sigmod(x)");
      await expect(error.textContent()).resolves.toContain("did you mean sigmoid?");

      await typeFormula(page, "");
      await expect(page.locator("#formula-status").textContent()).resolves.toContain("empty formula");

      await typeFormula(page, "max(0.1 * x, x)");
      await expect(page.locator("#formula-status").textContent()).resolves.toBe("");
      expect(await chartMarkup(page)).not.toEqual(good);
    });
  });

  test("values of 1e38 and beyond keep both lines whole, with numbers SVG reads", async () => {
    // a spike to 1e60 at x = 0, and a tower of powers that overflows to Infinity for x > 2
    for (const formula of ["x + 1e60*exp(-10000*x^2)", "2^3^x / 1000 - e"]) {
      const {page} = await openPage(
        browser(),
        inject("baseUrl") + "/your-own?formula=" + encodeURIComponent(formula)
      );
      try {
        await expect(page.locator(".formula-input input").inputValue()).resolves.toBe(formula);
        const [frameLeft, frameRight] = await page
          .locator(".formula-figure svg[class^='plot']")
          .first()
          .evaluate((svg: SVGSVGElement & {scale: (n: string) => {range: number[]}}) => svg.scale("x").range);
        for (const curve of ["chart-f", "chart-df"]) {
          const d = (await page.locator(`.formula-figure g.${curve} path`).getAttribute("d")) ?? "";
          const numbers = (d.match(/-?[\d.]+(?:e[-+]?\d+)?/g) ?? []).map(Number);
          expect(numbers.length, `${formula}: ${curve}`).toBeGreaterThan(4);
          for (const n of numbers) expect(Math.abs(n), `${formula}: ${curve}`).toBeLessThanOrEqual(1e6);
          // the line starts at the left edge of the frame; the spike's line runs on to the right edge
          const xs = numbers.filter((_, i) => i % 2 === 0);
          expect(Math.min(...xs)).toBeCloseTo(frameLeft, 0);
          if (formula.startsWith("x +")) expect(Math.max(...xs)).toBeCloseTo(frameRight, 0);
          else expect(Math.max(...xs)).toBeGreaterThan((frameLeft + frameRight) / 2);
        }
        await expectNoProblem(page);
      } finally {
        await page.context().close();
      }
    }
  });

  test("log(x) draws a gap where f is undefined, without a crash", async () => {
    await withPage(browser(), "/your-own?formula=log(x)", async (page) => {
      await expect(page.locator(".formula-input input").inputValue()).resolves.toBe("log(x)");
      await expect(page.locator(".gap-note").textContent()).resolves.toMatch(/undefined/);
      expect(await page.locator(".formula-figure .chart-undefined rect").count()).toBeGreaterThan(0);
      // move x into the undefined stretch: the marker hides instead of drawing NaN
      const slider = page.locator("#observablehq-main input[type=range]");
      await slider.fill("-3");
      await waitForCells(page);
      await expect(
        page.locator(".formula-figure .chart-marker circle.chart-f").getAttribute("visibility")
      ).resolves.toBe("hidden");
    });
  });

  test("a malformed formula in the address shows the error and fills the input", async () => {
    await withPage(browser(), "/your-own?formula=x*(", async (page) => {
      await expect(page.locator(".formula-input input").inputValue()).resolves.toBe("x*(");
      await expect(page.locator("#formula-status").textContent()).resolves.toContain(
        "unexpected end of formula at column 4"
      );
      await expect(page.locator(".no-chart").count()).resolves.toBe(1);
    });
  });

  test("a formula in the address is restored, and the playground link carries it", async () => {
    await withPage(browser(), "/your-own?formula=log(1%2Bexp(x))", async (page) => {
      await expect(page.locator(".formula-input input").inputValue()).resolves.toBe("log(1+exp(x))");
      await expect(page.locator("#formula-status").textContent()).resolves.toBe("");
      const href = await page.locator("a.playground-link").getAttribute("href");
      const link = new URL(href!, page.url());
      expect(link.pathname).toMatch(/\/playground$/);
      expect(link.searchParams.get("activation")).toBe("custom");
      expect(link.searchParams.get("formula")).toBe("log(1+exp(x))");

      await typeFormula(page, "x * tanh(x)");
      const updated = new URL((await page.locator("a.playground-link").getAttribute("href"))!, page.url());
      expect(updated.searchParams.get("formula")).toBe("x * tanh(x)");
    });
  });

  test("a hand-typed + in the address means plus; an over-long formula is refused", async () => {
    const plus = await openPage(browser(), inject("baseUrl") + "/your-own?formula=log(1+exp(x))");
    try {
      await expect(plus.page.locator(".formula-input input").inputValue()).resolves.toBe("log(1+exp(x))");
    } finally {
      await plus.page.context().close();
    }
    const long = "x+".repeat(260) + "x";
    const {page} = await openPage(
      browser(),
      inject("baseUrl") + "/your-own?formula=" + encodeURIComponent(long)
    );
    try {
      await expect(page.locator(".formula-input input").inputValue()).resolves.toBe(long);
      await expect(page.locator("#formula-status").textContent()).resolves.toContain("the limit is 500");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the example buttons fill in the formula", async () => {
    await withPage(browser(), "/your-own", async (page) => {
      await page.getByRole("button", {name: "Leaky max"}).click();
      await waitForCells(page);
      await expect(page.locator(".formula-input input").inputValue()).resolves.toBe("max(0.1 * x, x)");
      await page.getByRole("button", {name: "A typo"}).click();
      await waitForCells(page);
      await expect(page.locator("#formula-status").textContent()).resolves.toContain("did you mean sigmoid?");
    });
  });
});

test("/your-own in its error state has no axe-core violations", async () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  const {page} = await openPage(
    browser(),
    inject("baseUrl") + "/your-own?formula=" + encodeURIComponent("x * sigmod(x)")
  );
  try {
    await page.addScriptTag({content: axeSource});
    const violations: string[] = await page.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, {resultTypes: ["violations"]});
      return result.violations.map((v: {id: string}) => v.id);
    });
    expect(violations).toEqual([]);
  } finally {
    await page.context().close();
  }
});

describe("/more-activations", () => {
  test("the ELU α slider redraws the chart with makeElu(α)", async () => {
    await withPage(browser(), "/more-activations", async (page) => {
      const alphaSlider = page.getByRole("slider", {name: /α/});
      const before = await chartMarkup(page);
      await alphaSlider.fill("2");
      await waitForCells(page);
      const after = await chartMarkup(page);
      expect(after).not.toEqual(before);
      const live = async (name: string) =>
        Number((await page.locator(`[data-live="${name}"]`).first().textContent())!.replace("−", "-"));
      const x = await live("x");
      expect(await live("alpha")).toBe(2);
      expect(await live("f")).toBeCloseTo(makeElu(2).f(x), 3);
      const dot = await page
        .locator(".function-figure .chart-marker")
        .evaluate((g: SVGGElement) => ({x: Number(g.dataset.x), f: Number(g.dataset.f)}));
      expect(dot.f).toBeCloseTo(makeElu(2).f(dot.x), 12);
    });
  });

  test("choosing another function shows its panel and its chart", async () => {
    await withPage(browser(), "/more-activations", async (page) => {
      await expect(page.locator('.fn-panel[data-id="elu"]').isVisible()).resolves.toBe(true);
      await page.getByRole("combobox", {name: "Activation"}).selectOption({label: "GELU"});
      await waitForCells(page);
      await expect(page.locator('.fn-panel[data-id="gelu"]').isVisible()).resolves.toBe(true);
      await expect(page.locator('.fn-panel[data-id="elu"]').isVisible()).resolves.toBe(false);
      await expect(page.getByRole("slider", {name: /α/}).count()).resolves.toBe(0);
      const dot = await page
        .locator(".function-figure .chart-marker")
        .evaluate((g: SVGGElement) => ({x: Number(g.dataset.x), f: Number(g.dataset.f)}));
      expect(dot.f).toBeCloseTo(activations.gelu.f(dot.x), 12);
    });
  });

  test("the compare overlay toggles lines", async () => {
    await withPage(browser(), "/more-activations", async (page) => {
      const chart = page.locator("svg[data-ids]");
      const lines = () => chart.locator("g[aria-description] path").count();
      await expect(chart.getAttribute("data-ids")).resolves.toBe("relu elu gelu swish");
      expect(await lines()).toBe(4);
      await page.getByRole("checkbox", {name: "Mish"}).check();
      await waitForCells(page);
      await expect(chart.getAttribute("data-ids")).resolves.toContain("mish");
      expect(await lines()).toBe(5);
      await expect(page.locator(".compare-legend").textContent()).resolves.toContain("Mish");
      await page.getByRole("checkbox", {name: "ReLU", exact: true}).uncheck();
      await waitForCells(page);
      expect(await lines()).toBe(4);
      await page.getByRole("radio", {name: "f′(x)"}).check();
      await waitForCells(page);
      await expect(chart.getAttribute("data-mode")).resolves.toBe("df");
    });
  });

  test("the introduction and the 'At a glance' table list the records that stand on their own, in registry order", async () => {
    await withPage(browser(), "/more-activations", async (page) => {
      const records = glanceActivationIds.map((id) => activations[id]);
      const intro = page.locator("p", {has: page.locator(".activation-names")});
      const introText = (await intro.textContent()) ?? "";
      expect(introText).toContain(`covers ${countInWords(records.length)} single-input functions:`);
      const names = await intro.locator(".activation-names strong").allTextContents();
      expect(names).toEqual(records.map((a) => a.proseName ?? a.label));
      const rows = page.locator(".glance-table tbody tr");
      expect(await rows.count()).toBe(records.length);
      for (const [i, a] of records.entries()) {
        const row = rows.nth(i);
        expect(await row.getAttribute("data-activation")).toBe(a.id);
        const cells = await row.locator("td").allTextContents();
        expect(cells[0]).toBe(a.glanceLabel ?? a.label);
        expect(await row.locator("td").nth(1).locator(".katex").count()).toBe(1);
        expect(cells[2]).toBe(a.monotonic ? "yes" : "no");
        expect(cells[3]).toBe(a.smooth ? "yes" : "no");
        expect(cells[5]).toBe(a.usedIn ?? "—");
      }
    });
  });
});
