// Small seeded random number generators, so that network initialisations and playground
// datasets are reproducible across runs and browsers (Math.random cannot be seeded).

/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * Mulberry32 (Tommy Ettinger): a 32-bit-state generator, fast and statistically fine for
 * initialising weights and drawing datasets. The seed is reduced to a 32-bit integer.
 */
export function mulberry32(seed: number): Random {
  if (!Number.isFinite(seed)) throw new Error(`seed must be a finite number, got ${String(seed)}`);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
 * Box–Muller transform (each pair of uniforms gives two normals; the second is cached).
 */
export function gaussian(random: Random, mean = 0, sd = 1): () => number {
  let spare = NaN;
  return () => {
    if (spare === spare) {
      const value = spare;
      spare = NaN;
      return mean + sd * value;
    }
    const u = 1 - random(); // (0, 1], so the log is finite
    const radius = Math.sqrt(-2 * Math.log(u));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return mean + sd * radius * Math.cos(angle);
  };
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
