// A reader's own points (./customPoints.js) as CSV: read from pasted text with a message per
// line that cannot be used, and written back. Only the playground's points editor needs it,
// so it is a module of its own, loaded with the editor.

import type {Problem} from "./datasets.js";
import {checkPoint, MAX_POINTS, parseDecimal, shorten} from "./customPoints.js";
import type {CustomPoint} from "./customPoints.js";

/** At most this many per-line messages are listed; the rest are counted. */
export const MAX_MESSAGES = 20;

/**
 * Reads pasted CSV text, one point a line: x₁, x₂, label. Fields are separated by commas,
 * semicolons, tabs or spaces; blank lines and lines starting with "#" are skipped; a first
 * line that is not three numbers (such as "x1,x2,label") is taken as a header. Coordinates
 * are numbers in [−1.6, 1.6]; labels are 1 and −1 (or 0 for −1) for classification, any
 * number in [−1, 1] for regression. Values are kept to two decimals. Each line that cannot
 * be used gets a message naming its line number and is left out; at most MAX_POINTS points
 * are read.
 */
export function parsePointsCsv(text: string, problem: Problem): {points: CustomPoint[]; messages: string[]} {
  const points: CustomPoint[] = [];
  const messages: string[] = [];
  let skipped = 0;
  let firstContent = true;
  const lines = String(text).split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === "" || line.startsWith("#")) continue;
    const fields = line.split(/\s*[,;\t]\s*|\s+/);
    const numbers = fields.map(parseDecimal);
    const isFirst = firstContent;
    firstContent = false;
    if (isFirst && numbers.slice(0, 3).some((n) => Number.isNaN(n))) continue; // a header
    if (points.length === MAX_POINTS) {
      messages.push(`line ${i + 1} and after: only the first ${MAX_POINTS} points are kept`);
      break;
    }
    const problemText = (() => {
      if (fields.length !== 3) return `has ${fields.length} values; expected 3 (x₁, x₂, label)`;
      const bad = fields.findIndex((_, k) => Number.isNaN(numbers[k]));
      if (bad >= 0) return `${["x₁", "x₂", "the label"][bad]} "${shorten(fields[bad])}" is not a number`;
      const point = checkPoint(numbers[0], numbers[1], numbers[2], problem);
      if (typeof point === "string") return point;
      points.push(point);
      return null;
    })();
    if (problemText !== null) {
      if (messages.length < MAX_MESSAGES) messages.push(`line ${i + 1}: ${problemText}`);
      else skipped++;
    }
  }
  if (points.length === 0 && messages.length === 0 && skipped === 0) {
    messages.push("no points found: write one point a line as x₁, x₂, label, e.g. 0.5, -0.25, 1");
  }
  if (skipped > 0) messages.push(`and ${skipped} more lines that could not be used`);
  return {points, messages};
}

/** The points as CSV with a header line, "x1,x2,label", one point a line. */
export function pointsToCsv(points: readonly CustomPoint[]): string {
  return ["x1,x2,label", ...points.map(({x1, x2, label}) => `${x1},${x2},${label}`)].join("\n") + "\n";
}
