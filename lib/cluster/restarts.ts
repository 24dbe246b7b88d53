/**
 * Why k-means needs restarts: each k-means++ start ends in a local minimum of the within-cluster sum of squares
 * W, and different starts end in different minima. Running n single starts and tallying the W they reach shows how
 * rugged the objective is and how likely "best of N" is to find the lowest W seen: if one start reaches it with
 * probability p, best of N misses it with probability (1 − p)^N.
 *
 * Start r is k-means with one start and seed childSeed(seed, r) (lib/core/random.ts), so the profile is reproducible
 * and independent of n.
 */
import { childSeed } from "../core/random";
import { kmeans, type KmeansEngine } from "./kmeans";

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
