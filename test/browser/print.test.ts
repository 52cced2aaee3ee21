import {readFileSync} from "node:fs";
import {createRequire} from "node:module";
import type {Browser, Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test} from "vitest";
import {launchChromium, openPage} from "./chromium.js";
import {sitePages} from "./site.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** The pages /print gathers: the course, without the home page and /print itself. */
const coursePaths = sitePages.map(({path}) => path).filter((path) => path !== "/" && path !== "/print");

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What print media shows of the page's chrome and controls. */
async function printedState(page: Page) {
  return page.evaluate(() => {
    const shown = (element: Element) => {
      const box = element.getBoundingClientRect();
      return getComputedStyle(element).display !== "none" && box.width > 0 && box.height > 0;
    };
    const main = document.querySelector("#observablehq-main")!;
    const ranges = [...main.querySelectorAll<HTMLInputElement>("input[type=range]")];
    return {
      chrome: ["#observablehq-sidebar", "#observablehq-toc", "#observablehq-header", "#observablehq-sidebar-toggle"]
        .flatMap((selector) => [...document.querySelectorAll(selector)])
        .filter(shown)
        .map((element) => element.id),
      rangesShown: ranges.filter(shown).length,
      buttonsShown: [...main.querySelectorAll("button")].filter(shown).length,
      // each slider's value, and what its number box (the text that prints) says
      // each slider's value, and what prints in its place: an Inputs number box (as text),
      // or the <output> of the playground's own sliders
      sliderValues: ranges.map((range) => {
        const box = range.parentElement?.querySelector<HTMLInputElement>("input[type=number]");
        const output = range.parentElement?.querySelector("output");
        if (!box && output)
          return {
            value: range.getAttribute("aria-valuetext"),
            printed: shown(output) ? output.textContent : null,
            border: "none"
          };
        return {
          value: range.valueAsNumber,
          printed: box && shown(box) ? Number(box.value) : null,
          border: box ? getComputedStyle(box).borderTopStyle : null
        };
      }),
      selects: [...main.querySelectorAll("select")].map((select) => ({
        shown: shown(select),
        appearance: getComputedStyle(select).appearance,
        text: select.selectedOptions[0]?.text ?? ""
      })),
      charts: [...main.querySelectorAll("svg[class^='plot'], figure, canvas")].map(
        (element) => getComputedStyle(element).breakInside
      ),
      externalLinks: [...main.querySelectorAll<HTMLAnchorElement>("a[href^='http']")]
        .filter((a) => !a.closest(".sources"))
        .map((a) => ({href: a.href, after: getComputedStyle(a, "::after").content})),
      // a citation's link text is its address, so the address prints with it
      citationLinks: [...main.querySelectorAll<HTMLAnchorElement>(".sources a[href^='http']")].map((a) => ({
        href: a.href,
        text: a.textContent ?? ""
      })),
      background: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(main).color,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth
    };
  });
}

const setups = [
  {width: 1200, colorScheme: "light"},
  {width: 390, colorScheme: "dark"}
] as const;

describe.each(sitePages)("page $path in print", ({path}) => {
  test.each(setups)("is a clean handout ($width px, $colorScheme)", async ({width, colorScheme}) => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + path, {width, colorScheme});
    try {
      await page.emulateMedia({media: "print"});
      const state = await printedState(page);
      expect(state.chrome, "sidebar, header and table of contents").toEqual([]);
      expect(state.rangesShown, "slider tracks").toBe(0);
      expect(state.buttonsShown, "buttons").toBe(0);
      for (const slider of state.sliderValues) {
        expect(slider.printed, "a slider's value is written out").toBe(slider.value);
        expect(slider.value).not.toBe(null);
        expect(slider.border).toBe("none");
      }
      for (const select of state.selects) {
        expect(select.shown).toBe(true);
        expect(select.appearance).toBe("none");
        expect(select.text.length).toBeGreaterThan(0);
      }
      for (const breakInside of state.charts) expect(breakInside).toBe("avoid");
      for (const link of state.externalLinks) expect(link.after).toContain(link.href.replace(/\/$/, ""));
      for (const link of state.citationLinks) expect(link.href).toContain(link.text.replace(/\/$/, ""));
      // light colours on paper, whatever the screen's theme
      expect(state.background).toBe("rgb(255, 255, 255)");
      expect(state.text).toBe("rgb(27, 30, 35)");
      expect(state.overflow, "no sideways overflow").toBeLessThanOrEqual(0);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  });
});

describe("/print, the whole course as one document", () => {
  test("gathers every course page in order, with charts as images and values for controls", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/print");
    try {
      expect(await page.locator(".print-course-page").count(), "nothing is gathered before asked").toBe(0);
      await page.getByRole("button", {name: "Gather the course"}).click();
      await page.locator(".print-course[data-gathered]").waitFor({timeout: 300_000});
      const gathered = await page.evaluate(() => {
        const sections = [...document.querySelectorAll<HTMLElement>(".print-course-page")];
        const ids = [...document.querySelectorAll("[id]")].map((element) => element.id);
        return {
          paths: sections.map((section) => section.dataset.path),
          headings: sections.map((section) => section.querySelector("h1")?.textContent?.trim() ?? ""),
          failures: document.querySelectorAll(".print-course-failed").length,
          charts: sections.map((section) => section.querySelectorAll("svg, img").length),
          canvases: document.querySelectorAll(".print-course-document canvas").length,
          controls: document.querySelectorAll(".print-course-document input, .print-course-document select, .print-course-document button").length,
          values: document.querySelectorAll(".print-course-document .print-value").length,
          duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
          iframes: document.querySelectorAll("iframe").length,
          status: document.querySelector(".print-course-status")?.textContent ?? "",
          printEnabled: !document.querySelector<HTMLButtonElement>(".print-course-controls button:last-of-type")!.disabled
        };
      });
      expect(gathered.paths).toEqual(coursePaths.map((path) => `.${path}`));
      expect(gathered.failures).toBe(0);
      for (const heading of gathered.headings) expect(heading.length).toBeGreaterThan(0);
      expect(gathered.headings[0]).toBe(sitePages.find(({path}) => path === coursePaths[0])!.name);
      expect(gathered.charts.filter((count) => count > 0).length).toBeGreaterThan(coursePaths.length / 2);
      expect(gathered.canvases).toBe(0);
      expect(gathered.controls).toBe(0);
      expect(gathered.values).toBeGreaterThan(10);
      expect(gathered.duplicateIds).toEqual([]);
      expect(gathered.iframes).toBe(0);
      expect(gathered.status).toContain("ready to print");
      expect(gathered.printEnabled).toBe(true);
      expect(problems.pageErrors).toEqual([]);
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.foreignRequests).toEqual([]);

      await page.emulateMedia({media: "print"});
      const printed = await page.evaluate(() => ({
        controlsShown: getComputedStyle(document.querySelector(".print-course-controls")!).display,
        breaks: [...document.querySelectorAll(".print-course-page")].map((s) => getComputedStyle(s).breakBefore),
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth
      }));
      expect(printed.controlsShown).toBe("none");
      expect(printed.breaks.slice(1).every((value) => value === "page")).toBe(true);
      expect(printed.overflow).toBeLessThanOrEqual(0);

      await page.emulateMedia({media: "screen"});
      await page.addScriptTag({content: axeSource});
      const violations: string[] = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const result = await window.axe.run(document, {resultTypes: ["violations"]});
        return result.violations.map((v: {id: string; nodes: unknown[]}) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 360_000);

  test("puts a clear note in place of a page that fails, and gathers the rest", async () => {
    const {page, problems} = await openPage(browser, inject("baseUrl") + "/print");
    try {
      const broken = new Set(coursePaths.filter((path) => path !== "/sigmoid"));
      await page.route(
        (url) => broken.has(url.pathname),
        (route) => route.fulfill({status: 500, body: "broken"})
      );
      await page.getByRole("button", {name: "Gather the course"}).click();
      await page.locator(".print-course[data-gathered]").waitFor({timeout: 120_000});
      const notes = await page.locator(".print-course-failed").allTextContents();
      expect(notes).toHaveLength(broken.size);
      expect(notes[0]).toMatch(/could not be gathered here \(the server answered 500\)/);
      const sigmoid = page.locator(".print-course-page[data-path='./sigmoid'] h1");
      await expect(sigmoid.textContent()).resolves.toBe("Sigmoid");
      await expect(page.locator(".print-course-status").textContent()).resolves.toMatch(/^Gathered, except /);
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.context().close();
    }
  }, 180_000);
});
