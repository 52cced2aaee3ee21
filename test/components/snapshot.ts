// Chart snapshots, in the manner of Plot's own tests (test/plot-test.js there): a chart is
// drawn in jsdom, written out normalised, and compared with a committed file in
// test/output/. A missing file is written (and fails under CI, so CI never creates one);
// UPDATE_SNAPSHOTS=1 rewrites them all; a mismatch writes <name>-actual.<ext> beside the
// snapshot (git-ignored) and fails naming the first line that differs.
import {existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync} from "node:fs";
import {join, relative as relativeTo} from "node:path";

/** test/output/ (import.meta.url is not a file: URL under jsdom; import.meta.dirname is). */
const OUTPUT = join(import.meta.dirname, "../output/");

/** Attributes whose value names an element by id: rewritten to the stable id. */
const REFERENCES = /url\(#([^)]+)\)|^#(.+)$/g;

/**
 * Numbers in an attribute, each rounded to two decimals (−0 as 0), as Plot's tests round to a
 * few digits. A colour (#5e3c99) or an address (http://www.w3.org/…) is kept as it is.
 */
function roundNumbers(value: string): string {
  if (/^#|:\/\//.test(value)) return value;
  return value.replace(/-?(?:\d+(?:\.\d+)?|\.\d+)(?:e[-+]?\d+)?/gi, (match) => {
    const n = Math.round(Number(match) * 100) / 100;
    return Object.is(n, -0) ? "0" : String(n);
  });
}

/** A style attribute's declarations, each `name: value`, sorted; "" when it has none. */
function normaliseStyle(value: string): string {
  return value
    .split(";")
    .map((d) => d.trim().replace(/\s*:\s*/, ": "))
    .filter(Boolean)
    .sort()
    .join("; ");
}

/**
 * A chart module's exports as functions of any arguments returning any element: the charts
 * are JavaScript, and the types TypeScript infers from their defaults (a height that must be
 * given, an update method an HTMLElement lacks) are not theirs.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose<M> = {[K in keyof M]: (...args: any[]) => any};

/** How far (px) a point may lie off a segment of a polyline and still be dropped, as linePath does. */
const STRAIGHT = 0.05;

/** Whether the points strictly between a and c lie on the segment a–c (within STRAIGHT px). */
function straight(points: number[][], a: number, c: number): boolean {
  const [ax, ay] = points[a];
  const dx = points[c][0] - ax;
  const dy = points[c][1] - ay;
  const length2 = dx * dx + dy * dy;
  const limit = STRAIGHT * Math.sqrt(length2);
  for (let k = a + 1; k < c; k++) {
    const kx = points[k][0] - ax;
    const ky = points[k][1] - ay;
    const along = kx * dx + ky * dy;
    if (Math.abs(kx * dy - ky * dx) > limit || along < 0 || along > length2) return false;
  }
  return true;
}

/**
 * A polyline's path data (only M and L) with its points rounded to 0.01 px and those that
 * lie on a straight run left out, until none is left to drop: Plot's line mark writes every
 * point of a straight stretch, the charts' in-place linePath only its ends, and both draw
 * the same line. Any other path data is only rounded.
 */
function normalisePath(d: string): string {
  const compact = d.replace(/\s+/g, "");
  const number = "-?(?:\\d+\\.?\\d*|\\.\\d+)(?:e[-+]?\\d+)?";
  if (!new RegExp(`^(?:[ML]${number},${number})+$`, "i").test(compact)) return roundNumbers(d);
  const runs: number[][][] = [];
  for (const [, command, x, y] of compact.matchAll(new RegExp(`([ML])(${number}),(${number})`, "gi"))) {
    const point = [Math.round(Number(x) * 100) / 100, Math.round(Number(y) * 100) / 100];
    if (command === "M" || runs.length === 0) runs.push([point]);
    else runs[runs.length - 1].push(point);
  }
  const simplified = runs.map((run) => {
    for (let changed = true; changed;) {
      const kept = [run[0]];
      let a = 0;
      while (a < run.length - 1) {
        let b = a + 1;
        while (b + 1 < run.length && straight(run, a, b + 1)) b++;
        kept.push(run[b]);
        a = b;
      }
      changed = kept.length < run.length;
      run = kept;
    }
    return run;
  });
  return roundNumbers(
    simplified.map((run) => run.map(([x, y], i) => `${i ? "L" : "M"}${x},${y}`).join("")).join("")
  );
}

/** Attributes that place or shape an element: not drawn, so left out, while it is hidden. */
const GEOMETRY = new Set(["cx", "cy", "d", "r", "transform", "x", "x1", "x2", "y", "y1", "y2"]);

/** Whether an element is not displayed (display: none), with everything inside it. */
const notDisplayed = (element: Element) =>
  /(^|;)\s*display\s*:\s*none/.test(element.getAttribute("style") ?? "");

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, "&quot;");

/**
 * The element and what it holds as text, one element per line, indented: attributes sorted,
 * numbers in them rounded to 2 decimals, ids (Plot's and frameClip's random ones) renumbered
 * in document order and references to them (`url(#…)`, `href="#…"`) followed, Plot's
 * generated class (`plot-` and a hash) made `plot-class`, empty style attributes dropped
 * (an element shown again with `style.display = ""` keeps `style=""`, which draws the same),
 * whitespace in text folded, a polyline's straight runs reduced to their ends (normalisePath)
 * and a hidden element's geometry left out.
 */
export function normalise(root: Element): string {
  const ids = new Map<string, string>();
  for (const element of [root, ...root.querySelectorAll("[id]")]) {
    const id = element.getAttribute("id");
    if (id && !ids.has(id)) ids.set(id, `id-${ids.size + 1}`);
  }
  const stableId = (id: string) => ids.get(id) ?? id;
  const lines: string[] = [];
  // under an element that is not displayed, nothing is drawn (visibility="hidden" hides only
  // the element itself: a child may be visible again)
  const walk = (node: Node, depth: number, undisplayed = false) => {
    const indent = "  ".repeat(depth);
    if (node.nodeType === 3) {
      const text = (node.textContent ?? "").replace(/\s+/g, " ").trim();
      if (text) lines.push(indent + escapeText(text));
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const name = element.localName;
    undisplayed ||= notDisplayed(element);
    const hidden = undisplayed || element.getAttribute("visibility") === "hidden";
    const attributes = [...element.attributes]
      .map(({name: key, value}): [string, string] | null => {
        if (hidden && GEOMETRY.has(key)) return null;
        if (key === "id") return [key, stableId(value)];
        if (key === "d") return [key, normalisePath(value)];
        if (key === "style") {
          const style = normaliseStyle(value);
          return style ? [key, roundNumbers(style)] : null;
        }
        if (key === "class")
          return [
            key,
            value
              .replace(/\bplot-[0-9a-f]{6}\b/g, "plot-class")
              .replace(/\s+/g, " ")
              .trim()
          ];
        value = value.replace(REFERENCES, (match, url, hash) =>
          url !== undefined ? `url(#${stableId(url)})` : `#${stableId(hash)}`
        );
        return [key, roundNumbers(value.replace(/\s+/g, " ").trim())];
      })
      .filter((a): a is [string, string] => a !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
      .join("");
    if (name === "style") {
      // a stylesheet (Plot's): its text folded on one line, with the generated class made stable
      const css = (element.textContent ?? "")
        .replace(/\s+/g, " ")
        .replace(/\bplot-[0-9a-f]{6}\b/g, "plot-class")
        .trim();
      lines.push(`${indent}<style${attributes}>${escapeText(css)}</style>`);
      return;
    }
    const children = [...element.childNodes].filter(
      (child) => child.nodeType === 1 || (child.nodeType === 3 && child.textContent!.trim())
    );
    if (children.length === 0) lines.push(`${indent}<${name}${attributes}></${name}>`);
    else if (children.length === 1 && children[0].nodeType === 3) {
      lines.push(
        `${indent}<${name}${attributes}>${escapeText(children[0].textContent!.replace(/\s+/g, " ").trim())}</${name}>`
      );
    } else {
      lines.push(`${indent}<${name}${attributes}>`);
      for (const child of children) walk(child, depth + 1, undisplayed);
      lines.push(`${indent}</${name}>`);
    }
  };
  walk(root, 0);
  return lines.join("\n") + "\n";
}

const relative = (file: string) => relativeTo(process.cwd(), file);

/** The first line where two texts differ, for a failure message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n");
  const b = actual.split("\n");
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i])
      return `line ${i + 1}:\n  expected ${JSON.stringify(a[i] ?? "(end)")}\n  actual   ${JSON.stringify(b[i] ?? "(end)")}`;
  }
  return "(none)";
}

/**
 * Compares `element`, normalised, with test/output/<name>.svg (or .html when it is not an
 * <svg>, as a Plot chart with a legend or a subtitle is a <figure>), as described above.
 */
export function expectSnapshot(
  name: string,
  element: Element,
  {env = process.env, dir = OUTPUT}: {env?: NodeJS.ProcessEnv; dir?: string} = {}
): void {
  const ext = element.localName === "svg" ? "svg" : "html";
  const file = join(dir, `${name}.${ext}`);
  const actualFile = join(dir, `${name}-actual.${ext}`);
  const actual = normalise(element);
  if (env.UPDATE_SNAPSHOTS || !existsSync(file)) {
    if (env.CI && !env.UPDATE_SNAPSHOTS) {
      throw new Error(`snapshot ${relative(file)} is missing: run the tests locally and commit it`);
    }
    mkdirSync(dir, {recursive: true});
    writeFileSync(file, actual);
    if (existsSync(actualFile)) unlinkSync(actualFile);
    return;
  }
  const expected = readFileSync(file, "utf8");
  if (expected === actual) {
    if (existsSync(actualFile)) unlinkSync(actualFile);
    return;
  }
  writeFileSync(actualFile, actual);
  throw new Error(
    `${name} differs from its snapshot ${relative(file)} (the drawing is in ${relative(actualFile)}; ` +
      `if the change is intended, run UPDATE_SNAPSHOTS=1 npx vitest run --project unit and commit it); first difference at ` +
      firstDifference(expected, actual)
  );
}

/** Fails, naming the first line that differs, unless an update in place draws as a fresh chart does. */
export function expectSameDrawing(updated: Element, fresh: Element): void {
  const a = normalise(fresh);
  const b = normalise(updated);
  if (a !== b)
    throw new Error(
      `the chart updated in place differs from the chart drawn afresh, at ${firstDifference(a, b)}`
    );
}
