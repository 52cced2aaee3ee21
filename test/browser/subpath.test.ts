// Published under a project subpath, as GitHub Pages serves a project site at /<repository>/:
// every page, every resource it loads and every link it holds stays under that path and
// answers, and so does the 404 page, which a host sends for a missing address at any depth.
// The built dist/ is copied and its 404 page pointed at the subpath, as `npm run build` does
// with COURSE_BASE (scripts/postbuild.js, notFoundPageAt).
import {cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, test} from "vitest";
import {notFoundPageAt} from "../../scripts/postbuild.js";
import {serveDist} from "../../scripts/serve.js";
import {launchChromium} from "./chromium.js";
import {expectNoProblem, openPage} from "./page.js";
import {sitePages} from "./site.js";

const base = "/course/";
let browser: Browser;
let server: {url: string; close: () => Promise<void>};
let copy: string;

beforeAll(async () => {
  copy = mkdtempSync(join(tmpdir(), "dist-subpath-"));
  cpSync(resolve(process.env.COURSE_DIST ?? "dist"), copy, {recursive: true});
  const notFound = join(copy, "404.html");
  writeFileSync(notFound, notFoundPageAt(readFileSync(notFound, "utf8"), base));
  server = await serveDist({root: copy, base});
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (copy) rmSync(copy, {recursive: true, force: true});
});

/**
 * Opens `path` under the subpath, waits for its cells, and reads back its response status,
 * the resources it loaded (failed ones, and ones outside the subpath) and its links. A page
 * that exists must have no problem (expectNoProblem); for a `missing` one the problems are
 * returned, to be checked by the caller.
 */
async function visit(path: string, {missing = false} = {}) {
  const {page, problems} = await openPage(browser, `${server.url}${base}${path.slice(1)}`);
  try {
    if (!missing) await expectNoProblem(page);
    const {status, resources, links} = await page.evaluate(() => ({
      status: (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).responseStatus,
      resources: performance.getEntriesByType("resource").map((entry) => ({
        url: entry.name,
        status: (entry as PerformanceResourceTiming).responseStatus
      })),
      links: [...document.querySelectorAll("a[href]")].map((a) => (a as HTMLAnchorElement).href)
    }));
    const local = resources.filter(({url}) => !url.startsWith("data:"));
    return {
      status,
      loaded: local.length,
      failed: local.filter((r) => r.status >= 400).map((r) => `${r.status} ${r.url}`),
      outside: local.filter(({url}) => !new URL(url).pathname.startsWith(base)).map((r) => r.url),
      links,
      problems
    };
  } finally {
    await page.context().close();
  }
}

/** The links among `links` that point into the site, without their fragment. */
const localLinks = (links: string[]) => [
  ...new Set(links.filter((href) => href.startsWith(server.url)).map((href) => href.split("#")[0]))
];

describe(`the site published at ${base}`, () => {
  test.each(sitePages.map((p) => p.path))(
    "%s loads everything from under the subpath, and its links answer",
    async (path) => {
      const {status, loaded, failed, outside, links} = await visit(path);
      expect(status).toBe(200);
      expect(loaded).toBeGreaterThan(3); // the stylesheet, Framework's client, the page's modules
      expect(failed).toEqual([]);
      expect(outside).toEqual([]);
      const local = localLinks(links);
      expect(local.length).toBeGreaterThan(10); // the sidebar alone links every page
      for (const href of local) {
        expect(new URL(href).pathname.startsWith(base), href).toBe(true);
        expect((await fetch(href)).status, href).toBe(200);
      }
    }
  );

  test("a missing address at any depth gets the 404 page, whose resources and links all work", async () => {
    for (const path of ["/no-such-page", "/deep/down/no-such-page", "/sigmoid/extra"]) {
      const {status, loaded, failed, outside, links, problems} = await visit(path, {missing: true});
      expect(status, path).toBe(404);
      expect(loaded, path).toBeGreaterThan(3);
      expect(failed, path).toEqual([]);
      expect(outside, path).toEqual([]);
      // the one console error and the one failed request are the page's own status, which a
      // 404 page has
      expect(problems, path).toEqual({
        consoleErrors: ["Failed to load resource: the server responded with a status of 404 (Not Found)"],
        pageErrors: [],
        failedRequests: [`${server.url}${base}${path.slice(1)} (HTTP 404)`],
        foreignRequests: []
      });
      const local = localLinks(links);
      expect(local, path).toContain(`${server.url}${base}`);
      expect(local, path).toContain(`${server.url}${base}sigmoid`);
      for (const href of local) expect((await fetch(href)).status, href).toBe(200);
    }
  });

  test("a page's address with a trailing slash is sent on to the page, under the subpath", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${server.url}${base}sigmoid/`);
      await page.waitForURL(`${server.url}${base}sigmoid`, {timeout: 10_000});
      expect(await page.title()).toContain("Sigmoid");
    } finally {
      await context.close();
    }
  });
});
