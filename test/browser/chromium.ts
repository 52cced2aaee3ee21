import {existsSync} from "node:fs";
import {chromium, type Browser} from "playwright-core";
import {afterAll, beforeAll} from "vitest";

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

/**
 * Launches Chromium before the tests of the calling file and closes it after them; returns a
 * getter for it.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error("Chromium is not running: call useBrowser() at the top of a test file");
    return browser;
  };
}

// opening and checking pages lives in page.ts; these names stay importable from here
export {openPage, waitForCells, type PageProblems} from "./page.js";
