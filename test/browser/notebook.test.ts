// Notebook mode (issue 18): the Show code switch, editing and running a cell, errors in the
// cell, revert and reset, edits that survive a reload, the downloaded Markdown (which builds),
// the editor's keyboard and accessibility, that nothing but the reader's own Run runs code,
// and the same notebook under `npm run dev`. Cells are found by their code, never by id.
import {spawn} from "node:child_process";
import {readFileSync} from "node:fs";
import {cp, mkdir, mkdtemp, rm, symlink, writeFile} from "node:fs/promises";
import {createRequire} from "node:module";
import {createServer} from "node:net";
import {tmpdir} from "node:os";
import {join, resolve} from "node:path";
import type {Page} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, test, vi} from "vitest";
// @ts-expect-error: Framework's internals have no types
import {FileBuildEffects, build} from "@observablehq/framework/dist/build.js";
// @ts-expect-error: Framework's internals have no types
import {normalizeConfig} from "@observablehq/framework/dist/config.js";
// @ts-expect-error: Framework's internals have no types
import {createMarkdownIt, parseMarkdown} from "@observablehq/framework/dist/markdown.js";
import config from "../../observablehq.config.js";
import {markdownCells} from "../../scripts/notebook-sources.js";
import {findHtmlProblems} from "../../scripts/postbuild.js";
import {serveDist} from "../../scripts/serve.js";
import {useBrowser} from "./chromium.js";
import {expectNoProblem, openPage, waitForCells} from "./page.js";

const browser = useBrowser();
const site = () => inject("baseUrl");

/** Turns the switch on (unless it is on already) and waits for every cell's editor. */
async function showCode(page: Page): Promise<void> {
  const button = page.locator(".notebook-switch");
  if ((await button.getAttribute("aria-pressed")) !== "true") await button.click();
  await expect.poll(() => button.getAttribute("aria-pressed")).toBe("true");
  await page.locator(".notebook-tools").waitFor();
}

const panel = (page: Page, id: string) => page.locator(`.notebook-cell[data-cell="${id}"]`);

/** Replaces a cell's code as a reader would: select all in its editor, then type. */
async function edit(page: Page, id: string, code: string): Promise<void> {
  await panel(page, id).locator(".cm-content").click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(code);
}

/** Runs the cell with Shift-Enter from its editor, and waits for the page to settle. */
async function run(page: Page, id: string): Promise<void> {
  await panel(page, id).locator(".cm-content").press("Shift+Enter");
  await waitForCells(page);
}

const text = (page: Page, selector: string) => page.locator(selector).first().textContent();

/**
 * The id of the page's one cell whose code contains `snippet`, read from the page's notebook
 * data. Framework names a cell by a hash of its code, so a test finds its cells by their code
 * and keeps working when a page's prose or other cells change.
 */
async function cellId(page: Page, snippet: string): Promise<string> {
  const ids = await page.evaluate(async (s) => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="course-notebook"]');
    const data = await (await fetch(new URL(meta!.content, document.baseURI))).json();
    return (data.cells as {id: string; source: string}[])
      .filter((c) => c.source.includes(s))
      .map((c) => c.id);
  }, snippet);
  expect(ids, `cells whose code contains ${JSON.stringify(snippet)}`).toHaveLength(1);
  return ids[0];
}

/**
 * The id of the one cell whose code contains `snippet` in the Markdown of the page at `path`
 * (src/<path>.md), found by Framework's parser as the build finds it: for a test that needs
 * an id before the page is open.
 */
function sourceCellId(path: string, snippet: string): string {
  const md = createMarkdownIt({markdownIt: config.markdownIt});
  const cells: {id: string; source: string}[] = markdownCells(
    readFileSync(`src${path}.md`, "utf8"),
    md,
    path
  );
  const ids = cells.filter((c) => c.source.includes(snippet)).map((c) => c.id);
  expect(ids, `cells of ${path} whose code contains ${JSON.stringify(snippet)}`).toHaveLength(1);
  return ids[0];
}

/**
 * Builds `markdown` as the page `path` of a course of its own, as a teacher who drops it into
 * src/ would: a temporary project with that one page beside (symlinks to) the course's
 * components, lib/, data loaders and styles, and a copy of the offline npm cache, built by
 * Framework with the course's configuration and no network (any fetch fails the build and
 * is reported). Returns the built page's HTML and the URLs Framework tried to fetch.
 */
async function buildPage(path: string, markdown: string): Promise<{html: string; fetched: string[]}> {
  const project = resolve(".");
  const tmp = await mkdtemp(join(tmpdir(), "course-download-"));
  const fetched: string[] = [];
  const fetch = vi.spyOn(globalThis, "fetch").mockImplementation(async (url) => {
    fetched.push(String(url));
    throw new Error("the build of a downloaded page must not use the network");
  });
  try {
    const root = join(tmp, "src");
    const cache = join(root, ".observablehq", "cache");
    await mkdir(cache, {recursive: true});
    await writeFile(join(root, `${path.slice(1)}.md`), markdown);
    for (const name of ["components", "lib", "data", "style.css"])
      await symlink(join(project, "src", name), join(root, name));
    for (const name of ["_npm", "data"])
      // data loaders' output kept fresh, as in src/
      await cp(join(project, "src", ".observablehq", "cache", name), join(cache, name), {
        recursive: true,
        preserveTimestamps: true
      });
    const output = join(tmp, "dist");
    const quiet = {log() {}, warn() {}, error: console.error};
    await build(
      {config: normalizeConfig({...config, root, output, pages: [{name: path, path}]})},
      new FileBuildEffects(output, cache, {logger: quiet, output: {write() {}}})
    );
    return {html: readFileSync(join(output, `${path.slice(1)}.html`), "utf8"), fetched};
  } finally {
    fetch.mockRestore();
    await rm(tmp, {recursive: true, force: true});
  }
}

/** Opens a page with the code shown; `storage` is written into local storage first. */
async function openNotebook(path: string, storage: Record<string, string> = {}) {
  const opened = await openPage(browser(), site() + path, {
    prepare: async (page) => {
      await page.addInitScript((entries) => {
        if (sessionStorage.getItem("prepared")) return; // once: a reload keeps what the page saved
        sessionStorage.setItem("prepared", "1");
        for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      }, storage);
    }
  });
  await showCode(opened.page);
  return opened;
}

const sigmoidXSource =
  'const x = view(guardRange(Inputs.range([-8, 8], {label: "x", step: 0.1, value: 1})));';

describe("a function page (/sigmoid)", () => {
  test("every page has the switch; off, it loads nothing of the notebook", async () => {
    const {page} = await openPage(browser(), site() + "/sigmoid");
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    try {
      await expect.poll(() => page.locator(".notebook-switch").isEnabled()).toBe(true);
      await expect.poll(() => page.locator(".notebook-switch").getAttribute("aria-pressed")).toBe("false");
      await page.waitForTimeout(200);
      expect(requests.filter((url) => url.includes("_notebook"))).toEqual([]);
      expect(await page.locator(".notebook-cell").count()).toBe(0);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("an edited cell runs and its dependents update; revert and reset restore them", async () => {
    const {page} = await openNotebook("/sigmoid");
    try {
      const sigmoidX = await cellId(page, sigmoidXSource);
      expect(await text(page, '[data-live="x"]')).toBe("1");
      const f1 = await text(page, '[data-live="f"]');
      await edit(page, sigmoidX, sigmoidXSource.replace("value: 1", "value: 3"));
      await expect
        .poll(() => panel(page, sigmoidX).locator(".notebook-mark").textContent())
        .toBe("Edited, not run yet");
      await run(page, sigmoidX);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("3");
      expect(await text(page, '[data-live="f"]')).not.toBe(f1);
      await expect.poll(() => panel(page, sigmoidX).locator(".notebook-mark").textContent()).toBe("Edited");
      await expect.poll(() => panel(page, sigmoidX).getAttribute("class")).toMatch(/notebook-edited/);

      await panel(page, sigmoidX).getByRole("button", {name: "Revert"}).click();
      await waitForCells(page);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("1");
      expect(await text(page, '[data-live="f"]')).toBe(f1);
      await expect.poll(() => panel(page, sigmoidX).getAttribute("class")).not.toMatch(/notebook-edited/);

      await edit(page, sigmoidX, sigmoidXSource.replace("value: 1", "value: -2"));
      await run(page, sigmoidX);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("−2");
      await page.getByRole("button", {name: "Reset page"}).click();
      await waitForCells(page);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("1");
      expect(await page.locator(".notebook-edited").count()).toBe(0);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("a syntax error shows in its cell, the page keeps working, and fixing clears it", async () => {
    const {page} = await openNotebook("/sigmoid");
    try {
      const sigmoidX = await cellId(page, sigmoidXSource);
      await edit(page, sigmoidX, "const x = ;");
      await run(page, sigmoidX);
      const error = panel(page, sigmoidX).locator(".notebook-status .observablehq--error");
      await expect.poll(() => error.textContent()).toMatch(/^SyntaxError: Unexpected token \(1:10\)/);
      // the cell keeps its last good code: the slider still drives the page
      const slider = page.locator('input[type="range"]').first();
      await slider.fill("2");
      await waitForCells(page);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("2");
      await edit(page, sigmoidX, sigmoidXSource);
      await run(page, sigmoidX);
      await expect.poll(() => error.count()).toBe(0);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("1");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("a runtime error shows in the cell's output, in the page's error style, until fixed", async () => {
    const {page, problems} = await openNotebook("/sigmoid");
    try {
      const update = await cellId(page, "figure.update(x);");
      await edit(page, update, 'throw new Error("a reader\'s mistake");');
      await run(page, update);
      const block = panel(page, update).locator("xpath=preceding-sibling::div[1]");
      await expect
        .poll(() => block.locator(".observablehq--error").textContent())
        .toContain("a reader's mistake");
      await edit(page, update, "figure.update(x);");
      await run(page, update);
      await expect.poll(() => page.locator(".observablehq--error").count()).toBe(0);
      problems.consoleErrors.length = 0; // the one error, logged by Framework's client as for any cell
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("an edit survives a reload, shown but not run until the reader runs it", async () => {
    const {page} = await openNotebook("/sigmoid");
    try {
      const sigmoidX = await cellId(page, sigmoidXSource);
      await edit(page, sigmoidX, sigmoidXSource.replace("value: 1", "value: 4"));
      await run(page, sigmoidX);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("4");
      await page.reload();
      await waitForCells(page);
      await showCode(page); // remembered: the switch is on again
      await expect.poll(() => page.locator(".notebook-switch").getAttribute("aria-pressed")).toBe("true");
      await expect
        .poll(() => panel(page, sigmoidX).locator(".cm-content").textContent())
        .toContain("value: 4");
      await expect
        .poll(() => panel(page, sigmoidX).locator(".notebook-mark").textContent())
        .toBe("Edited, not run yet");
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("1");
      await page.getByRole("button", {name: "Run my edits"}).click();
      await waitForCells(page);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("4");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("Download this page saves Markdown with the edit, which Framework parses into the same cells and builds", async () => {
    const {page} = await openNotebook("/sigmoid");
    try {
      const edited = sigmoidXSource.replace("value: 1", "value: 5");
      await edit(page, await cellId(page, sigmoidXSource), edited);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", {name: "Download this page"}).click()
      ]);
      expect(download.suggestedFilename()).toBe("sigmoid.md");
      const markdown = readFileSync((await download.path())!, "utf8");
      const original = readFileSync("src/sigmoid.md", "utf8");
      expect(markdown).toBe(original.replace(sigmoidXSource, edited));
      const md = createMarkdownIt({markdownIt: config.markdownIt});
      const parsed = parseMarkdown(markdown, {md, path: "/sigmoid"});
      expect(parsed.body).not.toContain("observablehq--error");
      const sources = markdownCells(markdown, md, "/sigmoid").map((c: {source: string}) => c.source);
      expect(sources).toEqual(
        markdownCells(original, md, "/sigmoid").map((c: {source: string}) =>
          c.source === sigmoidXSource ? edited : c.source
        )
      );
      // dropped into a course's src/, it builds offline, and the built page runs the edit
      const {html, fetched} = await buildPage("/sigmoid", markdown);
      expect(fetched).toEqual([]);
      expect(findHtmlProblems(html)).toEqual([]);
      const [cell] = markdownCells(markdown, md, "/sigmoid").filter(
        (c: {source: string}) => c.source === edited
      );
      const start = html.indexOf(`\ndefine({id: "${cell.id}"`);
      expect(start).toBeGreaterThan(0);
      const defined = html.slice(start, html.indexOf("\ndefine(", start + 1));
      expect(defined).toContain(edited);
      expect(html).not.toContain(sigmoidXSource);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });

  test("the editor has a name, Tab indents, Escape then Tab leaves, and axe finds nothing", async () => {
    const {page} = await openNotebook("/sigmoid");
    try {
      const content = panel(page, await cellId(page, sigmoidXSource)).locator(".cm-content");
      await expect.poll(() => content.getAttribute("aria-label")).toMatch(/^Code of cell \d+, JavaScript$/);
      await content.click();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(true);
      await page.keyboard.press("Escape");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.classList.contains("cm-content"))).toBe(false);
      const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
      await page.addScriptTag({content: axeSource});
      const violations: string[] = await page.evaluate(async () => {
        // @ts-expect-error axe is injected above
        const result = await window.axe.run(document, {
          resultTypes: ["violations"],
          rules: {"target-size": {enabled: true}}
        });
        return result.violations.map((v: {id: string; nodes: unknown[]}) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations).toEqual([]);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
  });

  test("at 390 px the code shown causes no sideways scroll", async () => {
    const {page} = await openPage(browser(), site() + "/sigmoid", {width: 390, height: 844});
    try {
      await showCode(page);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});

test("a page without cells says so, and still offers its Markdown", async () => {
  const {page} = await openNotebook("/glossary");
  try {
    await expect
      .poll(() => page.locator(".notebook-tools .notebook-note").textContent())
      .toBe("This page has no code cells.");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", {name: "Download this page"}).click()
    ]);
    expect(readFileSync((await download.path())!, "utf8")).toContain("# Glossary");
    await expectNoProblem(page);
  } finally {
    await page.context().close();
  }
});

describe("no URL, link or other page can run code", () => {
  const payload = "window.__notebookRan = (window.__notebookRan ?? 0) + 1;";
  test("query and hash, postMessage, and edits written into storage by anyone run nothing", async () => {
    const evil = encodeURIComponent(payload);
    // the storage is written before the page loads, so the ids come from the page's Markdown,
    // found by Framework's parser as the build finds them (the test checks them on the page)
    const sigmoidX = sourceCellId("/sigmoid", sigmoidXSource);
    const update = sourceCellId("/sigmoid", "figure.update(x);");
    const storage = {
      // this page's own entry, as another page of the same origin could write it
      "course-notebook:edits:/sigmoid": JSON.stringify({[sigmoidX]: payload, [update]: payload}),
      "course-notebook:edits:/": JSON.stringify({[sigmoidX]: payload}),
      "course-notebook:show": "1"
    };
    const {page} = await openNotebook(`/sigmoid?code=${evil}&cell=${sigmoidX}&run=1#${evil}`, storage);
    try {
      expect([sigmoidX, update]).toEqual([
        await cellId(page, sigmoidXSource),
        await cellId(page, "figure.update(x);")
      ]);
      await page.evaluate(
        ({code, cell}) => {
          window.postMessage({type: "run", cell, code}, "*");
          window.postMessage(code, "*");
        },
        {code: payload, cell: sigmoidX}
      );
      await page.waitForTimeout(300);
      await waitForCells(page);
      expect(await page.evaluate(() => (window as {__notebookRan?: number}).__notebookRan)).toBeUndefined();
      // the stored code is shown, marked, and waits for the reader
      await expect
        .poll(() => panel(page, sigmoidX).locator(".cm-content").textContent())
        .toContain("__notebookRan");
      await expect
        .poll(() => panel(page, sigmoidX).locator(".notebook-mark").textContent())
        .toBe("Edited, not run yet");
      await expect
        .poll(() => page.locator(".notebook-tools .notebook-note").textContent())
        .toContain("2 saved edits are shown but not run");
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("1");
      // only the reader's press of Run runs it
      await run(page, sigmoidX);
      expect(await page.evaluate(() => (window as {__notebookRan?: number}).__notebookRan)).toBe(1);
    } finally {
      await page.context().close();
    }
  });
});

describe("/backpropagation", () => {
  test("an edited cell changes the step its dependents show; reset restores it", async () => {
    const {page} = await openNotebook("/backpropagation");
    try {
      const id = await cellId(page, "const step = neuronStep(params);");
      const before = await text(page, '[data-live="step-loss"]');
      const source = await panel(page, id).locator(".cm-content").textContent();
      expect(source).toContain("const step = neuronStep(params);");
      await edit(
        page,
        id,
        "const params = {x, w: -3, b, target, learningRate, activation: activationId};\nconst step = neuronStep(params);"
      );
      await run(page, id);
      await expect.poll(() => text(page, '[data-live="step-loss"]')).not.toBe(before);
      await page.getByRole("button", {name: "Reset page"}).click();
      await waitForCells(page);
      await expect.poll(() => text(page, '[data-live="step-loss"]')).toBe(before);
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});

describe("/playground", () => {
  test("an edited cell runs with the page's own modules and its output changes", async () => {
    const {page} = await openNotebook("/playground");
    try {
      const id = await cellId(page, "hidden: hidden.label");
      await edit(
        page,
        id,
        'import {formatNumber as format} from "./components/format.js";\nsetSlots({sizes: `edited ${format(0.5)}`, hidden: hidden.label});'
      );
      await run(page, id);
      await page.locator('[data-live="sizes"]').first().scrollIntoViewIfNeeded();
      await expect.poll(() => page.locator('[data-live="sizes"]').first().textContent()).toBe("edited 0.5");
      // an import the page does not make is refused, in the cell, naming those it can make
      await edit(page, id, 'import {x} from "./lib/elsewhere.js";');
      await run(page, id);
      await expect
        .poll(() => panel(page, id).locator(".observablehq--error").textContent())
        .toContain('cannot import "./lib/elsewhere.js"');
      await expect.poll(() => page.locator('[data-live="sizes"]').first().textContent()).toBe("edited 0.5");
      await panel(page, id).getByRole("button", {name: "Revert"}).click();
      await waitForCells(page);
      await expect
        .poll(() => page.locator('[data-live="sizes"]').first().textContent())
        .not.toBe("edited 0.5");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
    }
  });
});

describe("under a subpath, as a project site is published", () => {
  test("the notebook loads and runs from under the subpath, and keeps its edits apart", async () => {
    const server = await serveDist({base: "/course/"});
    const {page} = await openPage(browser(), `${server.url}/course/sigmoid`);
    const outside: string[] = [];
    page.on("request", (request) => {
      if (!new URL(request.url()).pathname.startsWith("/course/")) outside.push(request.url());
    });
    try {
      await showCode(page);
      const sigmoidX = await cellId(page, sigmoidXSource);
      await edit(page, sigmoidX, sigmoidXSource.replace("value: 1", "value: 6"));
      await run(page, sigmoidX);
      await expect.poll(() => text(page, '[data-live="x"]')).toBe("6");
      expect(outside).toEqual([]);
      const keys = await page.evaluate(() => Object.keys(localStorage));
      expect(keys).toContain("course-notebook:edits:/course/sigmoid");
      await expectNoProblem(page);
    } finally {
      await page.context().close();
      await server.close();
    }
  });
});

describe("under npm run dev", () => {
  // the dev server as `npm run dev` starts it (scripts/dev.js), on a free port, this test's own
  let dev: ReturnType<typeof spawn>;
  let devUrl: string;
  let output = "";
  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const {port} = probe.address() as {port: number};
        probe.close(() => resolve(port));
      });
    });
    devUrl = `http://127.0.0.1:${port}`;
    dev = spawn(
      process.execPath,
      ["scripts/dev.js", "--host", "127.0.0.1", "--port", String(port), "--no-open"],
      {
        stdio: ["ignore", "pipe", "pipe"]
      }
    );
    dev.stdout!.on("data", (chunk) => (output += chunk));
    dev.stderr!.on("data", (chunk) => (output += chunk));
    // ready once it answers (`npm run dev` starts in a second or two; the deadline is generous)
    const deadline = Date.now() + 30_000;
    while (
      (await fetch(devUrl + "/sigmoid").then(
        (r) => r.status,
        () => 0
      )) !== 200
    ) {
      if (Date.now() > deadline || dev.exitCode !== null)
        throw new Error(`npm run dev did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  afterAll(() => {
    dev?.kill("SIGTERM");
  });

  test("the switch shows the code, and an edited cell runs as on the built site", async () => {
    const {page} = await openPage(browser(), devUrl + "/sigmoid");
    try {
      await showCode(page);
      const sigmoidX = await cellId(page, sigmoidXSource);
      expect(await text(page, '[data-live="x"]')).toBe("1");
      const f1 = await text(page, '[data-live="f"]');
      await edit(page, sigmoidX, sigmoidXSource.replace("value: 1", "value: 3"));
      await run(page, sigmoidX);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("3");
      expect(await text(page, '[data-live="f"]')).not.toBe(f1);
      await page.getByRole("button", {name: "Reset page"}).click();
      await waitForCells(page);
      await expect.poll(() => page.locator('[data-live="x"]').first().textContent()).toBe("1");
      await expectNoProblem(page);
      expect(output).not.toMatch(/notebook mode/);
    } finally {
      await page.context().close();
    }
  });

  test("the dev server answers only for pages it has, and serves nothing outside the editor", async () => {
    const status = (path: string) => fetch(devUrl + path).then((r) => r.status);
    expect(await status("/_notebook/pages/no-such-page.json")).toBe(404);
    expect(await status("/_notebook/pages/_observablehq/client.json")).toBe(404);
    expect(await status("/_notebook/..%2Fpackage.json")).toBe(404);
    expect(await status("/_notebook/editor.js")).toBe(404);
    const client = await (await fetch(devUrl + "/_observablehq/client.js")).text();
    expect(client).toMatch(/export \{[^}]*\bundefine\b[^}]*\};\s*$/);
  });
});
