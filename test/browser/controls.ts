// Reading and moving what a page of the course shows: its sliders, number boxes, live numbers
// and charts. Shared by the browser tests, so each reads the page the same way.
import type {Locator, Page} from "playwright-core";
import {waitForCells} from "./page.js";

/** Plot charts in the page body (Plot returns an svg, or a figure when it has a title or legend). */
export const CHARTS = "#observablehq-main svg[class^='plot'], #observablehq-main figure[class^='plot']";

/**
 * The markup of every chart in the page body, in page order, with the pixels of each canvas
 * it holds (a decision map is a canvas inside the chart's svg: its markup stays the same when
 * only the map changes).
 */
export async function chartMarkup(page: Page): Promise<string[]> {
  return page
    .locator(CHARTS)
    .evaluateAll((nodes) =>
      nodes.map((node) =>
        [node.outerHTML, ...Array.from(node.querySelectorAll("canvas"), (canvas) => canvas.toDataURL())].join("\n")
      )
    );
}

/** A slider by its label (a11y.js gives the range the label's text as its name). */
export function slider(page: Page, name: string): Locator {
  return page.getByRole("slider", {name, exact: true});
}

/** The number box beside the slider labelled `name`. */
export function numberBox(page: Page, name: string): Locator {
  return page
    .locator("#observablehq-main form")
    .filter({has: slider(page, name)})
    .locator("input[type=number]");
}

/** The range input of the form whose text contains `label`. */
export function rangeIn(page: Page, label: string): Locator {
  return page.locator("#observablehq-main form", {hasText: label}).locator("input[type=range]");
}

/** Focuses `target`, presses `key` `times` times, and waits for the page to settle. */
export async function press(target: Locator, key: string, times: number): Promise<void> {
  await target.focus();
  for (let i = 0; i < times; i++) await target.press(key);
  await waitForCells(target.page());
}

/** The text of the first live slot named `name` in the page body, trimmed. */
export async function liveText(page: Page, name: string): Promise<string> {
  return (
    (await page.locator(`#observablehq-main [data-live="${name}"]`).first().textContent()) ?? ""
  ).trim();
}
