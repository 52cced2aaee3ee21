// Page weight: KaTeX's JavaScript (76 kB gzipped) is not loaded by any page at startup.
// Formulas are typeset at build time (scripts/markdown-tex.js, src/data/formulas.json.ts);
// live numbers are written into them by src/components/liveTex.js. Only /your-own loads
// KaTeX, on demand, once the reader types a formula that was not typeset at build time.
import type {Page} from "playwright-core";
import {describe, expect, inject, test} from "vitest";
import {compileActivation} from "../../lib/expression.js";
import {renderTex} from "../../scripts/markdown-tex.js";
import {useBrowser} from "./chromium.js";
import {expectNoProblem, openPage, waitForCells, waitForRequests} from "./page.js";
import {sitePages} from "./site.js";

const browser = useBrowser();

/** A request for KaTeX's JavaScript (its stylesheet and fonts are expected). */
const isKatexScript = (url: string) => {
  const path = new URL(url).pathname;
  return path.includes("/_npm/katex@") && path.endsWith(".js");
};

/**
 * Opens `path`, recording every request from the first one, and waits for the cells and for
 * anything a cell imports lazily once it ran.
 */
async function openRecording(path: string, {width = 1200} = {}) {
  const requests: string[] = [];
  const {page} = await openPage(browser(), inject("baseUrl") + path, {
    width,
    prepare: async (p) => void p.on("request", (request) => requests.push(request.url()))
  });
  await waitForRequests(page);
  return {page, requests, katexRequests: () => requests.filter(isKatexScript)};
}

/** The text KaTeX typesets for `tex` (display style), as the browser's textContent reads it. */
function typesetText(tex: string): string {
  return renderTex(tex, {displayMode: true})
    .replace(/<[^>]*>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');
}

describe.each(sitePages)("page $path", ({path}) => {
  test("loads no KaTeX JavaScript at startup, and its formulas are typeset", async () => {
    const {page, katexRequests} = await openRecording(path);
    try {
      expect(katexRequests()).toEqual([]);
      expect(await page.locator(".katex-error, .tex-pending").count()).toBe(0);
      // KaTeX's stylesheet is left out only where no formula shows (scripts/postbuild.js)
      const styled = await page.evaluate(() => ({
        formulas: document.querySelectorAll(".katex").length,
        stylesheet: [...document.styleSheets].some((sheet) => sheet.href?.includes("katex.min.css")),
        // KaTeX's CSS hides the MathML copy of each formula; without it both copies show
        mathmlHidden: [...document.querySelectorAll(".katex-mathml")].every(
          (el) => getComputedStyle(el).position === "absolute"
        )
      }));
      expect(styled.stylesheet).toBe(styled.formulas > 0);
      expect(styled.mathmlHidden).toBe(true);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});

describe("/your-own loads KaTeX only when the reader's formula needs it", () => {
  async function formulaText(page: Page): Promise<string> {
    return (await page.locator(".formula-tex .katex").first().textContent()) ?? "";
  }

  test("the starting formula and the examples are typeset without KaTeX; a typed formula loads it and is typeset", async () => {
    const {page, katexRequests} = await openRecording("/your-own");
    try {
      const start = compileActivation("x * sigmoid(1.5 * x)");
      expect(await formulaText(page)).toBe(typesetText(start.tex.f));
      expect(await page.locator(".properties .katex").count()).toBe(1);

      await page.getByRole("button", {name: "Softplus"}).click();
      await waitForCells(page);
      expect(await formulaText(page)).toBe(typesetText(compileActivation("log(1 + exp(x))").tex.f));
      await waitForRequests(page);
      expect(katexRequests()).toEqual([]);

      const typed = "x^3 - tanh(x) / 2";
      const expected = compileActivation(typed);
      await page.locator(".formula-input input").fill(typed);
      await waitForCells(page);
      await expect.poll(() => katexRequests().length, {timeout: 10_000}).toBeGreaterThan(0);
      await expect.poll(() => page.locator(".tex-pending").count(), {timeout: 10_000}).toBe(0);
      expect(await formulaText(page)).toBe(typesetText(expected.tex.f));
      expect(await page.locator(".formula-tex .katex-display").count()).toBe(1);
      if (expected.rangeKnown) {
        expect(await page.locator(".properties .katex").first().textContent()).toBe(
          renderTex(expected.range.tex).replace(/<[^>]*>/g, "")
        );
      }
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});
