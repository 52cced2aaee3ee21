// Small seeded random number generators, so that network initialisations and playground
// datasets are reproducible across runs and browsers (Math.random cannot be seeded).

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * A uniform generator that can also fill an array in one call: `fill(out, from, to)` writes
 * to out[from..to) the very numbers that as many calls would give, in order, and leaves the
 * stream where those calls would (fillNormals draws hundreds of thousands at a time).
 */
export interface FillingRandom extends Random {
  fill(out: Float64Array, from: number, to: number): Float64Array;
}

/**
 * Mulberry32 (Tommy Ettinger): a 32-bit-state generator, fast and statistically fine for
 * initialising weights and drawing datasets. The seed is reduced to a 32-bit integer.
 */
export function mulberry32(seed: number): FillingRandom {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${String(seed)}`);
  let state = seed >>> 0;
  return Object.assign(() => mulberryOutput((state = (state + MULBERRY_STEP) >>> 0)), {
    fill(out: Float64Array, from: number, to: number): Float64Array {
      let s = state; // a local in the loop, not the closure's variable
      for (let i = from; i < to; i++) {
        s = (s + MULBERRY_STEP) >>> 0;
        out[i] = mulberryOutput(s);
      }
      state = s;
      return out;
    }
  });
}

/** What mulberry32's state adds at each draw. */
const MULBERRY_STEP = 0x6d2b79f5;

/** Mulberry32's number in [0, 1) from its state after a step. */
function mulberryOutput(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** A seeded uniform generator on [0, 1); the default seed is 1. */
export function createRandom(seed = 1): Random {
  return mulberry32(seed);
}

/** A uniform number in [low, high). */
export function uniform(random: Random, low: number, high: number): number {
  return low + (high - low) * random();
}

/**
 * A generator of normal numbers with the given mean and standard deviation, by the
 * Box–Muller transform (each pair of uniforms gives two normals; the second is kept for the
 * next call): fillNormals, two at a time.
 */
export function gaussian(random: Random, mean = 0, sd = 1): () => number {
  const pair = new Float64Array(2);
  let used = 2;
  return () => {
    if (used === 2) {
      fillNormals(random, pair, mean, sd);
      used = 0;
    }
    return pair[used++];
  };
}

/**
 * Fills `out` with normal numbers of the given mean and standard deviation (standard ones by
 * default) by the Box–Muller transform: each pair of uniforms u, v gives r·cos 2πv and
 * r·sin 2πv with r = √(−2 ln(1 − u)), in that order (1 − u is in (0, 1], so the log is finite).
 * In bulk: the uniforms first, drawn in one call when the generator can fill (mulberry32's
 * can), then each pair turned into two normals in place, which takes about two thirds of the
 * time of drawing them one at a time. An odd length draws its last pair whole and keeps the
 * first of the two. gaussian() draws its numbers here, two at a time, so the two agree bit for bit.
 */
export function fillNormals(random: Random, out: Float64Array, mean = 0, sd = 1): Float64Array {
  const n = out.length;
  const pairs = n - (n % 2);
  const filling = (random as Partial<FillingRandom>).fill;
  if (typeof filling === "function") filling.call(random, out, 0, pairs);
  else for (let i = 0; i < pairs; i++) out[i] = random();
  const turn = 2 * Math.PI;
  for (let i = 0; i < pairs; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(1 - out[i]));
    const angle = turn * out[i + 1];
    out[i] = mean + sd * radius * Math.cos(angle);
    out[i + 1] = mean + sd * (radius * Math.sin(angle));
  }
  if (pairs < n) {
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    out[pairs] = mean + sd * radius * Math.cos(turn * random());
  }
  return out;
}

/** Shuffles an array in place (Fisher–Yates) and returns it. */
export function shuffle<T>(random: Random, array: T[]): T[] {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = array[i];
    array[i] = array[j];
    array[j] = t;
  }
  return array;
}
