/**
 * The elbow curve: best k-means inertia W(k) for k = 2..10. W falls as k grows; the "elbow" where
 * the fall flattens is a common, informal choice of k. The mean silhouette is given beside it
 * (higher is better) as a second, less subjective, reading.
 */
import { kmeans, KmeansEngine } from "./kmeans";
import { silhouetteScore } from "./silhouette";

export interface ElbowPoint {
  k: number;
  /** within-cluster sum of squares of the best restart */
  inertia: number;
  /** mean silhouette of that partition (null when it is undefined: fewer than 2 non-empty clusters) */
  silhouette: number | null;
}

export interface ElbowOptions {
  seed: number;
  kMin?: number;
  kMax?: number;
  restarts?: number;
  engine?: KmeansEngine;
}

/** W(k) and mean silhouette for k = kMin..kMax (default 2..10), each from the same seed. */
export function elbow(X: readonly (readonly number[])[], options: ElbowOptions): ElbowPoint[] {
  const { seed, kMin = 2, kMax = Math.min(10, X.length - 1), restarts = 10, engine } = options;
  if (kMin < 1 || kMax < kMin) throw new RangeError(`elbow: need 1 ≤ kMin ≤ kMax, got ${kMin}..${kMax}`);
  const out: ElbowPoint[] = [];
  for (let k = kMin; k <= kMax; k++) {
    const r = kmeans(X, k, { seed, restarts, engine });
    const nClusters = new Set(r.labels).size;
    out.push({ k, inertia: r.inertia, silhouette: nClusters >= 2 && nClusters < X.length ? silhouetteScore(X, r.labels) : null });
  }
  return out;
}
