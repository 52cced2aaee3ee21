// A reader's own data on the playground: points (x₁, x₂, label), checked one by one, and
// packed into the page's address while they are few enough to share that way. Reading and
// writing them as CSV is ./pointsCsv.js (loaded with the points editor only).

import type {Dataset, Problem} from "./datasets.js";

/** One point of a reader's data: its coordinates and its label (class ±1, or a regression target in [−1, 1]). */
export interface CustomPoint {
  x1: number;
  x2: number;
  label: number;
}

/** At most this many points are kept (from CSV, the address or clicks). */
export const MAX_POINTS = 1000;
/** Coordinates lie in [−COORDINATE_LIMIT, COORDINATE_LIMIT]: the square the playground's map shows. */
export const COORDINATE_LIMIT = 1.6;
/** The longest `points` value the address carries; more points are left out of it. */
export const MAX_POINTS_PARAM_LENGTH = 1500;

/** `value` rounded to two decimals, −0 made 0 (the precision the address keeps). */
function round2(value: number): number {
  return Math.round(value * 100) / 100 + 0;
}

/** The point rounded to two decimals in each coordinate and in a regression label. */
export function roundPoint({x1, x2, label}: CustomPoint): CustomPoint {
  return {x1: round2(x1), x2: round2(x2), label: round2(label)};
}

/** Strict decimal numbers only: "", "1e", "0x10", "Infinity" and "NaN" are not numbers here. */
/** A quoted field shortened to 20 characters for a message. */
export function shorten(text: string): string {
  return text.length > 20 ? `${text.slice(0, 19)}…` : text;
}

export function parseDecimal(text: string): number {
  return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
}

/** The label a problem accepts: for classification 1 → +1, −1 or 0 → −1; for regression itself, in [−1, 1]. */
function readLabel(label: number, problem: Problem): number | string {
  if (problem === "classification") {
    if (label === 1) return 1;
    if (label === -1 || label === 0) return -1;
    return `label ${label} is not a class (1, or −1 or 0 for the other class)`;
  }
  if (label < -1 || label > 1) return `label ${label} is outside −1 to 1`;
  return label;
}

/**
 * The point (x₁, x₂, label) for `problem`, rounded to two decimals, or a sentence saying why
 * it cannot be used: a coordinate outside ±COORDINATE_LIMIT, or a label the problem does not
 * take (classification: 1, −1, or 0 meaning −1; regression: a number in [−1, 1]).
 */
export function checkPoint(x1: number, x2: number, label: number, problem: Problem): CustomPoint | string {
  for (const [name, value] of [
    ["x₁", x1],
    ["x₂", x2]
  ] as const) {
    if (!(Math.abs(value) <= COORDINATE_LIMIT)) {
      return `${name} = ${value} is outside −${COORDINATE_LIMIT} to ${COORDINATE_LIMIT}, the square the map shows`;
    }
  }
  if (!Number.isFinite(label)) return `label ${label} is not a finite number`;
  const read = readLabel(label, problem);
  return typeof read === "string" ? read : roundPoint({x1, x2, label: read});
}

/** A number in the address: two decimals at most, no leading zero (".5", "-.25", "1"). */
function compact(value: number): string {
  return String(round2(value)).replace(/^(-?)0\./, "$1.");
}

/**
 * The points packed for the address: "x₁,x₂,label" per point, points joined by "_", every
 * number to two decimals without its leading zero, e.g. ".5,-.25,1_0,1.2,-1". Only
 * characters an address carries as they are, so its length is its length in the address.
 */
export function encodePoints(points: readonly CustomPoint[]): string {
  return points.map(({x1, x2, label}) => `${compact(x1)},${compact(x2)},${compact(label)}`).join("_");
}

/**
 * Unpacks encodePoints' text for `problem`: the points it holds (rounded to two decimals, at
 * most MAX_POINTS) and a sentence per point left out. "" is no points.
 */
export function decodePoints(text: string, problem: Problem): {points: CustomPoint[]; problems: string[]} {
  const points: CustomPoint[] = [];
  const problems: string[] = [];
  if (text.trim() === "") return {points, problems};
  const chunks = text.split("_");
  for (let k = 0; k < chunks.length; k++) {
    if (points.length === MAX_POINTS) {
      problems.push(`only the first ${MAX_POINTS} points are kept`);
      break;
    }
    const fields = chunks[k].split(",").map((field) => field.trim());
    const numbers = fields.map(parseDecimal);
    let why: string;
    if (fields.length !== 3 || numbers.some((n) => Number.isNaN(n))) why = "is not three numbers x₁,x₂,label";
    else {
      const point = checkPoint(numbers[0], numbers[1], numbers[2], problem);
      if (typeof point !== "string") {
        points.push(point);
        continue;
      }
      why = `cannot be used: ${point}`;
    }
    problems.push(`point ${k + 1} ("${shorten(chunks[k])}") ${why}`);
  }
  return {points, problems};
}

/**
 * Why the points are not in the address, or null when they are: encodePoints' text longer
 * than MAX_POINTS_PARAM_LENGTH characters is left out of it.
 */
export function pointsShareNote(points: readonly CustomPoint[]): string | null {
  if (encodePoints(points).length <= MAX_POINTS_PARAM_LENGTH) return null;
  return `${points.length} points are too many to share in the address; download them as CSV`;
}

/**
 * The points with one more (rounded to two decimals), or unchanged with the reason it cannot
 * be added (checkPoint's, or MAX_POINTS reached).
 */
export function withPoint(
  points: readonly CustomPoint[],
  x1: number,
  x2: number,
  label: number,
  problem: Problem
): {points: readonly CustomPoint[]; message?: string} {
  if (points.length >= MAX_POINTS) return {points, message: `at most ${MAX_POINTS} points can be kept`};
  const point = checkPoint(x1, x2, label, problem);
  if (typeof point === "string") return {points, message: point};
  return {points: [...points, point]};
}

/** The points without those within `radius` of (x₁, x₂) (the same array when none is). */
export function withoutPointsNear(
  points: readonly CustomPoint[],
  x1: number,
  x2: number,
  radius: number
): readonly CustomPoint[] {
  const kept = points.filter((p) => !(Math.hypot(p.x1 - x1, p.x2 - x2) <= radius));
  return kept.length === points.length ? points : kept;
}

/** The points as a dataset: inputs n × 2, targets n × 1. */
export function pointsDataset(points: readonly CustomPoint[]): Dataset {
  const inputs = new Float64Array(2 * points.length);
  const targets = new Float64Array(points.length);
  points.forEach(({x1, x2, label}, k) => {
    inputs[2 * k] = x1;
    inputs[2 * k + 1] = x2;
    targets[k] = label;
  });
  return {inputs, targets, count: points.length};
}
