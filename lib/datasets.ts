// Small two-dimensional datasets for the pages and the playground, drawn from a seeded
// generator so every reader sees the same points. Inputs are row-major Float64Arrays (x₁, x₂
// per example, roughly within [−1, 1]²). The classification datasets' targets are class
// labels −1 or +1, one per example, so a network with a linear output unit classifies by
// sign; the regression datasets' targets are numbers in [−1, 1].

import {gaussian, mulberry32} from "./random.js";
import type {Random} from "./random.js";

/** A labelled 2-D dataset: `count` examples, inputs n × 2 and targets n × 1 (classes −1 or +1, or regression targets in [−1, 1]). */
export interface Dataset {
  inputs: Float64Array;
  targets: Float64Array;
  count: number;
}

/** Options of the generators: number of examples, standard deviation of the added noise, seed. */
export interface DatasetOptions {
  /** Number of examples (an integer ≥ 2); each generator has its own default. */
  count?: number;
  /** Standard deviation of the Gaussian noise added to each coordinate, ≥ 0. */
  noise?: number;
  /** Seed of the generator; default 1. */
  seed?: number;
}

function checkOptions(options: DatasetOptions, defaultCount: number, defaultNoise: number) {
  const {count = defaultCount, noise = defaultNoise, seed = 1} = options;
  if (!Number.isInteger(count) || count < 2)
    throw new Error(`count must be an integer ≥ 2, got ${String(count)}`);
  if (typeof noise !== "number" || !Number.isFinite(noise) || noise < 0) {
    throw new Error(`noise must be a finite number ≥ 0, got ${String(noise)}`);
  }
  if (typeof seed !== "number" || !Number.isFinite(seed))
    throw new Error(`seed must be a finite number, got ${String(seed)}`);
  const random = mulberry32(seed);
  return {count, noise, random, normal: gaussian(random)};
}

/** Builds a dataset from `count` calls of `point(k, random)` → [x₁, x₂, label], plus noise. */
function build(
  count: number,
  noise: number,
  normal: () => number,
  point: (k: number) => [number, number, number]
): Dataset {
  const inputs = new Float64Array(2 * count);
  const targets = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const [x1, x2, label] = point(k);
    inputs[2 * k] = x1 + (noise > 0 ? noise * normal() : 0);
    inputs[2 * k + 1] = x2 + (noise > 0 ? noise * normal() : 0);
    targets[k] = label;
  }
  return {inputs, targets, count};
}

/**
 * XOR: the corners (±1, ±1), labelled +1 where exactly one coordinate is positive (the two
 * inputs "differ") and −1 where they agree. By default the four corners themselves, in the
 * order (−1,−1), (−1,1), (1,−1), (1,1); with `count` > 4 the corners repeat in that order,
 * each copy moved by the noise.
 */
export function xor(options: DatasetOptions = {}): Dataset {
  const {count, noise, normal} = checkOptions(options, 4, 0);
  const corners: [number, number][] = [
    [-1, -1],
    [-1, 1],
    [1, -1],
    [1, 1]
  ];
  return build(count, noise, normal, (k) => {
    const [x1, x2] = corners[k % 4];
    return [x1, x2, x1 * x2 < 0 ? 1 : -1];
  });
}

/** A uniform angle in [0, 2π). */
function angle(random: Random): number {
  return 2 * Math.PI * random();
}

/**
 * A disc inside a ring: even-numbered examples uniform in the disc of radius 0.5 (label +1),
 * odd-numbered ones uniform in the ring 0.7 ≤ r ≤ 1 (label −1). Default 200 examples, noise 0.
 */
export function circle(options: DatasetOptions = {}): Dataset {
  const {count, noise, random, normal} = checkOptions(options, 200, 0);
  return build(count, noise, normal, (k) => {
    const inside = k % 2 === 0;
    // uniform over the area: r² uniform between the squared radii
    const [r0, r1] = inside ? [0, 0.5] : [0.7, 1];
    const r = Math.sqrt(r0 * r0 + (r1 * r1 - r0 * r0) * random());
    const t = angle(random);
    return [r * Math.cos(t), r * Math.sin(t), inside ? 1 : -1];
  });
}

/**
 * Two Gaussian blobs of standard deviation 0.25, centred at (0.5, 0.5) (label +1, even
 * examples) and (−0.5, −0.5) (label −1, odd examples): separable by a straight line.
 * Default 200 examples; noise adds to the spread.
 */
export function gaussians(options: DatasetOptions = {}): Dataset {
  const {count, noise, normal} = checkOptions(options, 200, 0);
  return build(count, noise, normal, (k) => {
    const sign = k % 2 === 0 ? 1 : -1;
    return [sign * 0.5 + 0.25 * normal(), sign * 0.5 + 0.25 * normal(), sign];
  });
}

/**
 * Two interleaved spiral arms, each making 1.25 turns out to radius 1: even examples on
 * the arm labelled +1, odd ones on the arm rotated by half a turn, labelled −1. Points are
 * evenly spaced along each arm. Default 200 examples, noise 0.
 */
export function spiral(options: DatasetOptions = {}): Dataset {
  const {count, noise, normal} = checkOptions(options, 200, 0);
  const perArm = Math.ceil(count / 2);
  const turns = 1.25;
  return build(count, noise, normal, (k) => {
    const arm = k % 2;
    const t = (Math.floor(k / 2) + 1) / perArm; // (0, 1]: radius
    const theta = 2 * Math.PI * turns * t + arm * Math.PI;
    return [t * Math.cos(theta), t * Math.sin(theta), arm === 0 ? 1 : -1];
  });
}

/**
 * Regression: a plane. Inputs uniform over [−1, 1]²; the target is (x₁ + x₂) / 2 taken at the
 * point moved by the noise (each coordinate shifted by noise × a uniform number in [−1, 1],
 * as TensorFlow Playground does), clamped to [−1, 1]; the inputs themselves stay unmoved.
 * Default 200 examples, noise 0.
 */
export function plane(options: DatasetOptions = {}): Dataset {
  const {count, noise, random} = checkOptions(options, 200, 0);
  return regression(count, noise, random, (x1, x2) => (x1 + x2) / 2);
}

/** The bumps of multiGaussian: centre (x₁, x₂) and sign. */
export const GAUSSIAN_BUMPS: readonly (readonly [number, number, number])[] = [
  [-2 / 3, 5 / 12, 1],
  [0, 5 / 12, -1],
  [2 / 3, 5 / 12, 1],
  [-2 / 3, -5 / 12, -1],
  [0, -5 / 12, 1],
  [2 / 3, -5 / 12, -1]
];
/** The standard deviation of each bump of multiGaussian. */
export const GAUSSIAN_BUMP_SD = 0.12;

/**
 * The target of multiGaussian at (x₁, x₂): of the six signed Gaussian bumps
 * ±exp(−d² / (2 · 0.12²)), d the distance to a bump's centre (GAUSSIAN_BUMPS: two rows of
 * three, at TensorFlow Playground's places scaled from [−6, 6] to [−1, 1], signs alternating),
 * the one of largest magnitude, which is the nearest bump's. In [−1, 1]: ±1 at a centre, near 0
 * far from every centre.
 */
export function multiGaussianTarget(x1: number, x2: number): number {
  let target = 0;
  for (const [c1, c2, sign] of GAUSSIAN_BUMPS) {
    const d2 = (x1 - c1) ** 2 + (x2 - c2) ** 2;
    const value = sign * Math.exp(-d2 / (2 * GAUSSIAN_BUMP_SD ** 2));
    if (Math.abs(value) > Math.abs(target)) target = value;
  }
  return target;
}

/**
 * Regression: several Gaussians. Inputs uniform over [−1, 1]²; the target is
 * multiGaussianTarget at the point moved by the noise (as for `plane`). TensorFlow
 * Playground's bumps fall off linearly to 0 at distance 2 on its scale; these are Gaussian,
 * nearly 0 (0.02) at the same distance, 1/3 here. Default 200 examples, noise 0.
 */
export function multiGaussian(options: DatasetOptions = {}): Dataset {
  const {count, noise, random} = checkOptions(options, 200, 0);
  return regression(count, noise, random, multiGaussianTarget);
}

/** `count` points uniform over [−1, 1]², each with target(point + noise · U[−1, 1]²) clamped to [−1, 1]. */
function regression(
  count: number,
  noise: number,
  random: Random,
  target: (x1: number, x2: number) => number
): Dataset {
  const inputs = new Float64Array(2 * count);
  const targets = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    const x1 = 2 * random() - 1;
    const x2 = 2 * random() - 1;
    const shift1 = noise > 0 ? noise * (2 * random() - 1) : 0;
    const shift2 = noise > 0 ? noise * (2 * random() - 1) : 0;
    inputs[2 * k] = x1;
    inputs[2 * k + 1] = x2;
    targets[k] = Math.min(1, Math.max(-1, target(x1 + shift1, x2 + shift2)));
  }
  return {inputs, targets, count};
}

/** The dataset generators by name, for a select input. */
export const datasets = {xor, circle, gaussians, spiral, plane, multiGaussian} as const;
export type DatasetId = keyof typeof datasets;

/** The datasets of each problem: class labels ±1, or regression targets in [−1, 1]. */
export const problemDatasets = {
  classification: ["circle", "xor", "gaussians", "spiral"],
  regression: ["plane", "multiGaussian"]
} as const satisfies Record<string, readonly DatasetId[]>;
export type Problem = keyof typeof problemDatasets;

/**
 * The points of a rows × columns grid over [x0, x1] × [y0, y1], row-major inputs n × 2 for
 * `predict` (row 0 at y0, column 0 at x0, both ends included), e.g. for a decision heatmap.
 */
export function gridInputs(
  xDomain: readonly [number, number],
  yDomain: readonly [number, number],
  columns: number,
  rows: number
): Float64Array {
  for (const [name, n] of [
    ["columns", columns],
    ["rows", rows]
  ] as const) {
    if (!Number.isInteger(n) || n < 2) throw new Error(`${name} must be an integer ≥ 2, got ${String(n)}`);
  }
  for (const [name, [lo, hi]] of [
    ["xDomain", xDomain],
    ["yDomain", yDomain]
  ] as const) {
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw new Error(`${name} must be two finite numbers, low < high, got [${lo}, ${hi}]`);
    }
  }
  const out = new Float64Array(2 * columns * rows);
  for (let r = 0; r < rows; r++) {
    const y = r === rows - 1 ? yDomain[1] : yDomain[0] + ((yDomain[1] - yDomain[0]) * r) / (rows - 1);
    for (let c = 0; c < columns; c++) {
      const x = c === columns - 1 ? xDomain[1] : xDomain[0] + ((xDomain[1] - xDomain[0]) * c) / (columns - 1);
      const k = 2 * (r * columns + c);
      out[k] = x;
      out[k + 1] = y;
    }
  }
  return out;
}

/**
 * The fraction of examples classified right when an output above `threshold` means class +1
 * and any other output class −1 (targets are ±1). A small positive threshold (e.g. 1e-9)
 * keeps round-off noise around 0 from deciding the class of an output that is really 0.
 */
export function accuracy(outputs: ArrayLike<number>, targets: ArrayLike<number>, threshold = 0): number {
  if (outputs.length !== targets.length) {
    throw new Error(`outputs has ${outputs.length} entries but targets has ${targets.length}`);
  }
  if (targets.length === 0) throw new Error("no examples: expected at least one");
  if (typeof threshold !== "number" || !Number.isFinite(threshold)) {
    throw new Error(`threshold must be a finite number, got ${String(threshold)}`);
  }
  let right = 0;
  for (let k = 0; k < targets.length; k++) if ((outputs[k] > threshold ? 1 : -1) === targets[k]) right++;
  return right / targets.length;
}
