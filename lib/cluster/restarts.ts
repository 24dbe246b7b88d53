/**
 * Why k-means needs restarts: each k-means++ start ends in a local minimum of the within-cluster sum of squares
 * W, and different starts end in different minima. Running n single starts and tallying the W they reach shows how
 * rugged the objective is and how likely "best of N" is to find the lowest W seen: if one start reaches it with
 * probability p, best of N misses it with probability (1 − p)^N.
 *
 * Start r is k-means with one start and seed childSeed(seed, r) (lib/core/random.ts), so the profile is reproducible
 * and independent of n.
 */
import { childSeed, rng } from "../core/random";
import { kmeans, type KmeansEngine } from "./kmeans";
import { hartiganRefine, LloydWorkspace, lloydIterations, seedKmeansPlusPlus } from "./lloyd";

/** W reached by each of n single k-means++ starts. */
export function singleStartInertias(X: readonly (readonly number[])[], k: number, options: { seed: number; starts: number; engine?: KmeansEngine }): number[] {
  const { seed, starts, engine } = options;
  if (!Number.isInteger(starts) || starts < 1) throw new RangeError(`singleStartInertias: starts must be a positive integer, got ${starts}`);
  return Array.from({ length: starts }, (_, r) => kmeans(X, k, { seed: childSeed(seed, r), restarts: 1, engine }).inertia);
}

export interface LocalOptimum {
  /** W, rounded to `decimals` (starts whose W agree to that many decimals are counted as one minimum) */
  inertia: number;
  /** how many starts ended there */
  count: number;
  /** count / starts */
  share: number;
}

/** Distinct W values reached, lowest first, with how often each was reached. */
export function localOptima(inertias: readonly number[], decimals = 4): LocalOptimum[] {
  if (inertias.length === 0) throw new RangeError("localOptima: no inertias");
  const counts = new Map<string, number>();
  for (const w of inertias) {
    if (!Number.isFinite(w)) throw new RangeError(`localOptima: inertia ${w} is not finite`);
    const key = w.toFixed(decimals);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => ({ inertia: Number(key), count, share: count / inertias.length }))
    .sort((a, b) => a.inertia - b.inertia);
}

/** Probability that best of N starts misses a minimum that one start reaches with probability p: (1 − p)^N. */
export function missProbability(p: number, N: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`missProbability: p must lie in [0, 1], got ${p}`);
  if (!Number.isInteger(N) || N < 0) throw new RangeError(`missProbability: N must be a non-negative integer, got ${N}`);
  return (1 - p) ** N;
}

export interface StartsNeeded {
  /** the lowest W seen: over `referenceStarts` starts from an independent seed and every start of every seed */
  bestInertia: number;
  /** for each seed, the 1-based start at which best-of-N first reached bestInertia (null: not within maxStarts) */
  firstHit: (number | null)[];
  /** the smallest N such that best-of-N reached bestInertia for at least `reliability` of the seeds (null: > maxStarts) */
  needed: number | null;
  /** share of all single starts of the seeds that reached bestInertia: p; (1 − p)^N is the miss probability */
  hitRate: number;
}

/**
 * How many k-means++ starts does best-of-N need to reach the lowest W for `reliability` (e.g. 0.99) of seeds? For
 * seed s = 0..seeds−1, best-of-N from master seed childSeed(seed, s) is lib/cluster/lloyd.ts's lloydBestOf, whose
 * start r is seeded childSeed(childSeed(seed, s), r) (with `refine`, each start polished by hartiganRefine); its starts are run one by one until W reaches the best
 * (relative tolerance 1e-9: rounding in a different summation order is not a different partition) or maxStarts.
 * The best is first estimated by `referenceStarts` starts from seed childSeed(seed, seeds); a seed that goes below it
 * lowers it, and the seeds that had stopped at the old best run on.
 */
export function startsNeeded(
  X: Float64Array,
  n: number,
  p: number,
  k: number,
  options: { seed: number; seeds: number; maxStarts: number; reliability?: number; referenceStarts?: number; maxIterations?: number; refine?: boolean },
): StartsNeeded {
  const { seed, seeds, maxStarts, reliability = 0.99, referenceStarts = 20_000, maxIterations = 300, refine = false } = options;
  if (!Number.isInteger(seeds) || seeds < 1) throw new RangeError(`startsNeeded: seeds must be a positive integer, got ${seeds}`);
  if (!Number.isInteger(maxStarts) || maxStarts < 1) throw new RangeError(`startsNeeded: maxStarts must be a positive integer, got ${maxStarts}`);
  if (!(reliability > 0 && reliability <= 1)) throw new RangeError(`startsNeeded: reliability must be in (0, 1], got ${reliability}`);
  const ws = new LloydWorkspace(n, p, k);
  const single = (s: number): number => {
    seedKmeansPlusPlus(X, ws, rng(s));
    const w = lloydIterations(X, ws, maxIterations)[0];
    return refine ? hartiganRefine(X, ws) : w;
  };
  let best = Infinity;
  const ref = childSeed(seed, seeds);
  for (let r = 0; r < referenceStarts; r++) best = Math.min(best, single(childSeed(ref, r)));
  const reached = (w: number) => w <= best + 1e-9 * Math.max(1, Math.abs(best));
  const runs: number[][] = Array.from({ length: seeds }, () => []);
  // a seed can go below the best so far; the seeds already stopped at the old best then run on, until every seed
  // has reached the final best or maxStarts (the best only falls, so this ends)
  for (let lowered = true; lowered; ) {
    lowered = false;
    for (let s = 0; s < seeds; s++) {
      const master = childSeed(seed, s);
      const seq = runs[s];
      if (seq.some(reached)) continue;
      for (let r = seq.length; r < maxStarts; r++) {
        const w = single(childSeed(master, r));
        seq.push(w);
        if (w < best && !reached(w)) lowered = true;
        if (w < best) best = w;
        if (reached(w)) break;
      }
    }
  }
  // a later seed may have lowered the best: read every seed's first hit against the final best
  const firstHit = runs.map((seq) => {
    const i = seq.findIndex(reached);
    return i < 0 ? null : i + 1;
  });
  let hits = 0;
  let total = 0;
  for (const seq of runs) {
    for (const w of seq) if (reached(w)) hits++;
    total += seq.length;
  }
  const sorted = firstHit.map((h) => (h === null ? Infinity : h)).sort((a, b) => a - b);
  const q = sorted[Math.ceil(reliability * seeds) - 1];
  return { bestInertia: best, firstHit, needed: Number.isFinite(q) ? q : null, hitRate: hits / total };
}
