import {existsSync} from "node:fs";
import {chromium, type Browser, type Page} from "playwright-core";

/** Debian's Chromium; override with CHROMIUM_PATH. Never a downloaded browser. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Flags that keep headless Chromium off the network and quiet on this kind of machine. */
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync"
];

export function assertChromiumInstalled(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(
      `Chromium not found at ${chromiumPath}. The browser tests drive Debian's Chromium: ` +
        `install it with \`sudo apt-get install -y chromium\` (or set CHROMIUM_PATH to a Chromium binary). ` +
        `Do not use \`npx playwright install\`.`
    );
  }
}

export async function launchChromium(): Promise<Browser> {
  assertChromiumInstalled();
  return chromium.launch({executablePath: chromiumPath, args: chromiumArgs, headless: true});
}

/** What went wrong while a page was open: console errors, uncaught exceptions, foreign requests. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
}

/**
 * Opens `url` in a fresh page that records every problem, and aborts any request that
 * would leave 127.0.0.1 (so a leak fails the test instead of hanging on the closed network).
 */
export async function openPage(
  browser: Browser,
  url: string,
  {
    width = 1200,
    height = 900,
    colorScheme = "light"
  }: {width?: number; height?: number; colorScheme?: "light" | "dark"} = {}
): Promise<{page: Page; problems: PageProblems}> {
  const context = await browser.newContext({viewport: {width, height}, colorScheme});
  const page = await context.newPage();
  const problems: PageProblems = {consoleErrors: [], pageErrors: [], foreignRequests: []};
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(String(error)));
  await context.route("**/*", (route) => {
    const requestUrl = new URL(route.request().url());
    if (requestUrl.protocol === "data:" || requestUrl.hostname === "127.0.0.1") return route.continue();
    problems.foreignRequests.push(route.request().url());
    return route.abort();
  });
  await page.goto(url, {waitUntil: "load"});
  await waitForCells(page);
  return {page, problems};
}

/** True once Framework has no cell pending and no off-screen update (offscreen.js) waits. */
function settled(): boolean {
  return (
    !document.querySelector(".observablehq--pending, .observablehq--loading") &&
    !((globalThis as {__pendingOffscreen?: () => number}).__pendingOffscreen?.() ?? 0)
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
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  );
  await page.waitForFunction(settled, null, {timeout: 20_000});
}
