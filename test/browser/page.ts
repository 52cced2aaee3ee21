// Opening a page of the course with every check attached, waiting for it to settle, and the
// one assertion that the page has no problem. Every browser test opens its pages here.
import {expect, inject} from "vitest";
import type {Browser, Page} from "playwright-core";

/** What went wrong while a page was open. */
export interface PageProblems {
  /** console.error messages */
  consoleErrors: string[];
  /** uncaught exceptions and unhandled rejections */
  pageErrors: string[];
  /** requests to our own server that failed or were answered with an error status */
  failedRequests: string[];
  /** requests that would have left 127.0.0.1 (each one is aborted) */
  foreignRequests: string[];
}

const problemsOf = new WeakMap<Page, PageProblems>();
/** The requests of each watched page that have neither finished nor failed. */
const inFlightOf = new WeakMap<Page, Set<unknown>>();

const isOwn = (url: URL) =>
  url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1";

/**
 * Records every problem of `page` from now on: console errors, page errors, failed requests,
 * answers with an error status and requests to another origin. With `blockForeign` (the
 * default) such a request is also aborted, so a leak fails the test instead of hanging on the
 * closed network; without it the page loads as a reader's would, with no interception.
 */
export async function watchPage(page: Page, {blockForeign = true} = {}): Promise<PageProblems> {
  const problems: PageProblems = {consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: []};
  problemsOf.set(page, problems);
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(String(error)));
  const inFlight = new Set<unknown>();
  inFlightOf.set(page, inFlight);
  page.on("request", (request) => {
    inFlight.add(request);
    if (!blockForeign && !isOwn(new URL(request.url()))) problems.foreignRequests.push(request.url());
  });
  page.on("requestfinished", (request) => inFlight.delete(request));
  page.on("requestfailed", (request) => {
    inFlight.delete(request);
    if (isOwn(new URL(request.url()))) {
      problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "failed"})`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  if (blockForeign) {
    await page.route("**/*", (route) => {
      if (isOwn(new URL(route.request().url()))) return route.continue();
      problems.foreignRequests.push(route.request().url());
      return route.abort();
    });
  }
  return problems;
}

/**
 * Opens `url` in a fresh context (its own viewport and colour scheme) with every check of
 * watchPage attached, and waits until its cells and off-screen updates have run.
 */
export async function openPage(
  browser: Browser,
  url: string,
  {
    width = 1200,
    height = 900,
    colorScheme = "light",
    prepare
  }: {
    width?: number;
    height?: number;
    colorScheme?: "light" | "dark";
    /** runs on the new page before it loads (to install Playwright's clock, say) */
    prepare?: (page: Page) => Promise<void>;
  } = {}
): Promise<{page: Page; problems: PageProblems}> {
  const context = await browser.newContext({viewport: {width, height}, colorScheme});
  const page = await context.newPage();
  const problems = await watchPage(page);
  await prepare?.(page);
  await page.goto(url, {waitUntil: "load"});
  await waitForCells(page);
  return {page, problems};
}

/**
 * Opens `path` of the site under test (as openPage does), runs `check` on it, then expects
 * no problem of the page (expectNoProblem), and closes it whatever happened.
 */
export async function withPage(
  browser: Browser,
  path: string,
  check: (page: Page) => Promise<void>,
  options: Parameters<typeof openPage>[2] = {}
): Promise<void> {
  const {page} = await openPage(browser, inject("baseUrl") + path, options);
  try {
    await check(page);
    await expectNoProblem(page);
  } finally {
    await page.context().close();
  }
}

/**
 * Fails the test, naming every problem at once, if the page (opened by openPage or watched by
 * watchPage) logged an error, threw, had a request fail, asked another origin for anything,
 * or shows an error cell.
 */
export async function expectNoProblem(page: Page): Promise<void> {
  const problems = problemsOf.get(page);
  if (!problems) throw new Error("expectNoProblem: this page was not opened by openPage or watchPage");
  const errorCells = await page
    .locator(".observablehq--error")
    .evaluateAll((cells) => cells.map((cell) => cell.textContent?.trim() ?? ""));
  const found = [
    ...problems.consoleErrors.map((text) => `console error: ${text}`),
    ...problems.pageErrors.map((text) => `uncaught error: ${text}`),
    ...problems.failedRequests.map((text) => `failed request: ${text}`),
    ...problems.foreignRequests.map((text) => `request to another origin: ${text}`),
    ...errorCells.map((text) => `error cell: ${text}`)
  ];
  expect(found, `problems on ${page.url()}`).toEqual([]);
}

/** True once Framework has no cell pending and no off-screen update (offscreen.js) waits. */
function settled(): boolean {
  return (
    !document.querySelector(".observablehq--pending, .observablehq--loading") &&
    !((globalThis as {__pendingOffscreen?: () => number}).__pendingOffscreen?.() ?? 0)
  );
}

/**
 * Waits for the cells (waitForCells) and then until no request of the page is in flight, two
 * frames apart: for anything a cell loads on demand, such as a module it imports once it ran.
 */
export async function waitForRequests(page: Page): Promise<void> {
  const inFlight = inFlightOf.get(page);
  if (!inFlight) throw new Error("waitForRequests: this page was not opened by openPage or watchPage");
  await waitForCells(page);
  await expect.poll(() => inFlight.size, {timeout: 20_000, interval: 20}).toBe(0);
  await afterFrames(page, 2);
  await expect.poll(() => inFlight.size, {timeout: 20_000, interval: 20}).toBe(0);
}

/** Resolves after the page has drawn `count` more frames. */
export async function afterFrames(page: Page, count = 2): Promise<void> {
  await page.evaluate(
    (n) =>
      new Promise<void>((resolve) => {
        const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
        step(n);
      }),
    count
  );
}

/**
 * Waits until Framework has run every cell (no cell is still pending) and every update held
 * back for an off-screen element (src/components/offscreen.js) has run. It checks again after
 * two animation frames: cells that ran during those frames (the runtime computes in an
 * animation frame) may have held back an off-screen update of their own.
 */
export async function waitForCells(page: Page): Promise<void> {
  await page.waitForFunction(settled, null, {timeout: 20_000});
  await afterFrames(page, 2);
  await page.waitForFunction(settled, null, {timeout: 20_000});
}

/**
 * Brings near the screen what a page loads only then (nearScreen of src/components/offscreen.js:
 * the playground's diagram and charts) and waits until `ready` (a selector of what it draws) is
 * in the page.
 */
export async function scrollNear(page: Page, selector: string, ready: string): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  await page.locator(ready).first().waitFor({state: "attached"});
}
