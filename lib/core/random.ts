/**
 * A small seeded pseudo-random number generator, so that every random step in the project can be
 * replayed from its seed.
 *
 * The uniform stream is mulberry32 (Tommy Ettinger's 32-bit generator): integer arithmetic only
 * (`Math.imul`, shifts), hence bit-identical on every machine and JavaScript engine. It is not
 * cryptographic and its period is 2^32, far more than the ~10^6 draws a stability analysis uses.
 *
 * `normal()` (Box–Muller) also calls `Math.log`, `Math.cos` and `Math.sqrt`. `sqrt` is correctly
 * rounded by the ECMAScript spec; `log` and `cos` are "implementation-approximated", so normal
 * draws are bit-identical across machines running the same engine (V8 uses the same fdlibm port
 * everywhere) but could differ in the last bit on another engine.
 */

/** A source of uniform numbers on [0, 1). */
export type Rng = () => number;

function checkSeed(seed: number, what = "seed"): number {
  if (!Number.isInteger(seed)) throw new TypeError(`${what} must be an integer, got ${seed}`);
  return seed >>> 0;
}

/** mulberry32 seeded with `seed` (any integer; it is reduced modulo 2^32). Returns () => [0, 1). */
export function rng(seed: number): Rng {
  let a = checkSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A seed for the `index`-th independent sub-stream of `seed` (e.g. one per k-means restart or per
 * perturbation run): a 32-bit integer hash (murmur3's finaliser) of (seed, index), so that
 * neighbouring indices give unrelated streams and the result does not depend on how many
 * numbers other sub-streams drew.
 */
export function childSeed(seed: number, index: number): number {
  let h = (checkSeed(seed) ^ Math.imul(checkSeed(index, "index") + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A uniform integer on [0, n). */
export function randomInt(random: Rng, n: number): number {
  if (!Number.isInteger(n) || n <= 0) throw new RangeError(`randomInt: n must be a positive integer, got ${n}`);
  return Math.floor(random() * n);
}

/** A uniform number on [lo, hi). */
export function uniform(random: Rng, lo: number, hi: number): number {
  return lo + (hi - lo) * random();
}

/** A shuffled copy of `items` (Fisher–Yates); the input is left untouched. */
export function shuffle<T>(random: Rng, items: readonly T[]): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const tmp = out[i];
    out[i] = out[j];
    out[j] = tmp;
  }
  return out;
}

/**
 * A normal draw N(mean, sd²) by Box–Muller: z = √(−2 ln u₁) cos(2π u₂).
 * u₁ is taken on (0, 1] so that ln u₁ is finite; the sine twin is discarded to keep the stream simple.
 */
export function normal(random: Rng, mean = 0, sd = 1): number {
  const u1 = 1 - random();
  const u2 = random();
  return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}
