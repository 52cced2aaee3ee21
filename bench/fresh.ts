// The trainer measurement (./trainerRun.ts) in several fresh engines: node processes and
// Chromium browsers started one after another (never two at once, so they do not slow each
// other), each measuring one data scale from a cold start. An engine decides afresh in every
// process what to compile and when, so one process alone can report a lucky or an unlucky run.
// Both entries are bundled with esbuild first, as a page's modules are.

import {spawn} from "node:child_process";
import {mkdtempSync, readFileSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import {build} from "esbuild";
import {chromium} from "playwright-core";
import {chromiumArgs, chromiumPath} from "../test/browser/chromium.js";
import type {TrainerTiming} from "./trainerRun.js";

const here = fileURLToPath(new URL(".", import.meta.url));

/** Bundles an entry of this folder into one file in `dir`; returns its path. */
async function bundle(entry: string, dir: string, platform: "node" | "browser"): Promise<string> {
  const outfile = join(dir, entry.replace(/\.ts$/, platform === "node" ? ".mjs" : ".js"));
  await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    platform,
    format: platform === "node" ? "esm" : "iife",
    target: "es2022",
    outfile,
    logLevel: "warning"
  });
  return outfile;
}

/** Runs `file` in a new node process with the given arguments; resolves with its last line of stdout. */
function nodeProcess(file: string, args: string[], nodeFlags: string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, file, ...args], {
      stdio: ["ignore", "pipe", "inherit"]
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`${file} exited with ${code}`));
      else resolve(out.trim().split("\n").at(-1) ?? "");
    });
  });
}

export interface FreshOptions {
  /** Fresh engines per scale. */
  runs: number;
  scales: readonly number[];
  /** Extra node flags, e.g. V8 flags when investigating. */
  nodeFlags?: string[];
}

/** Each scale measured in `runs` fresh node processes; the scales alternate process by process. */
export async function freshNodeRuns(options: FreshOptions): Promise<TrainerTiming[]> {
  const dir = mkdtempSync(join(tmpdir(), "bench-trainer-"));
  try {
    const file = await bundle("trainerNode.ts", dir, "node");
    const results: TrainerTiming[] = [];
    for (let r = 0; r < options.runs; r++) {
      for (const scale of options.scales) {
        results.push(JSON.parse(await nodeProcess(file, [String(scale)], options.nodeFlags)));
      }
    }
    return results;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/** Bundles a browser entry of this folder; returns its source, for inFreshChromium. */
export async function browserSource(entry: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "bench-fresh-"));
  try {
    return readFileSync(await bundle(entry, dir, "browser"), "utf8");
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}

/**
 * Runs `source` (from browserSource) in a new Chromium, one blank page, and resolves with what
 * `expression` gives there (evaluated as a string, so no function of this file has to run in
 * the page); the browser is closed after.
 */
export async function inFreshChromium<T>(source: string, expression: string): Promise<T> {
  const browser = await chromium.launch({executablePath: chromiumPath, args: chromiumArgs, headless: true});
  try {
    const page = await browser.newPage();
    await page.addScriptTag({content: source});
    return (await page.evaluate(expression)) as T;
  } finally {
    await browser.close();
  }
}

/** Each scale measured in `runs` fresh Chromium browsers (a new browser, one blank page, per run). */
export async function freshChromiumRuns(options: FreshOptions): Promise<TrainerTiming[]> {
  const source = await browserSource("trainerBrowser.ts");
  const results: TrainerTiming[] = [];
  for (let r = 0; r < options.runs; r++) {
    for (const scale of options.scales) {
      results.push(await inFreshChromium<TrainerTiming>(source, `runTrainer(${JSON.stringify(scale)})`));
    }
  }
  return results;
}
