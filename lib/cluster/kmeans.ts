/**
 * k-means clustering: the partition of n rows into k groups that (locally) minimises the
 * within-cluster sum of squares W = Σᵢ ‖xᵢ − c_{label(i)}‖² ("inertia"), best of several seeded
 * restarts.
 *
 * Two engines compute the same thing:
 * - "ml-kmeans" (default): ml-kmeans@6 (CommonJS), greedy k-means++ seeding, seeded through its
 *   own generator (ml-xsadd). Used by `kmeans()` unless told otherwise, e.g. by the feature-set search.
 * - "lloyd": lib/cluster/lloyd.ts, our Float64Array loop, ~8× faster on 31 × 5, k = 7; used by the
 *   perturbation-stability analysis (10⁴ runs).
 * Each is deterministic (same seed → same labels), but the two draw different random streams, so
 * they need not return the same partition for the same seed when the objective has several local
 * minima; on well-separated data both find the global one.
 *
 * Restart r is seeded with childSeed(seed, r) (lib/core/random.ts), so adding restarts never changes
 * what the earlier ones did. The best restart is the one with the lowest W, computed by us from
 * the returned labels in the (scaled) space we were given; ties keep the earliest restart.
 *
 * ml-kmeans@6 caveats found by reading its source (node_modules/ml-kmeans/src), handled here:
 * - `seed` undefined means Math.random (not reproducible): we always pass one;
 *   a non-integer seed throws in ml-xsadd: childSeed() returns uint32 integers.
 * - k-means++ with fewer than k distinct rows divides by a zero potential and throws
 *   "probabilities should sum to 1, but instead sums to NaN": we check distinct rows first and say so.
 * - An empty cluster keeps its previous centre and the result then has fewer than k labels; and when
 *   `maxIterations` stops it, the labels belong to the previous centres. We therefore recompute the
 *   centroids as the means of the returned labels and the inertia from those.
 * - Its weighted draw (ml-random `choice`) can return a zero-probability row when the uniform draw
 *   is exactly 0 (a 2⁻²⁴ chance with ml-xsadd's 24-bit floats), i.e. a duplicate centre and an empty
 *   cluster: harmless with restarts, as the restart with k non-empty clusters has lower inertia.
 */
import { kmeans as mlKmeans } from "ml-kmeans";
import { checkMatrix, canonicalLabels, distinctRowCount, groupMeans, inertia as withinSS } from "./matrix";
import { childSeed } from "../core/random";
import { lloydBestOf } from "./lloyd";

export type KmeansEngine = "ml-kmeans" | "lloyd";

export interface KmeansOptions {
  /** master seed (integer); restart r uses childSeed(seed, r) */
  seed: number;
  /** independent k-means++ starts; the best by inertia is kept (default 10) */
  restarts?: number;
  /** Lloyd iterations per start (default 300, scikit-learn's) */
  maxIterations?: number;
  /** only k-means++ is offered: it is what both engines implement the same way */
  init?: "kmeans++";
  engine?: KmeansEngine;
  /** called after each restart with (done, restarts) (the "lloyd" engine: once, at the end) */
  onProgress?: (done: number, total: number) => void;
}

export interface KmeansResult {
  /** cluster of each row, renumbered 0, 1, … in order of first appearance */
  labels: number[];
  /** one centroid per cluster, in label order, in the space of X */
  centroids: number[][];
  /** within-cluster sum of squares Σ ‖xᵢ − c‖² of the best restart */
  inertia: number;
  /** Lloyd iterations of the best restart */
  iterations: number;
  /** whether the best restart stopped on its own rather than at maxIterations */
  converged: boolean;
  /** which restart won (0-based) */
  bestRestart: number;
}

function checkK(n: number, k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k-means: k must be a positive integer, got ${k}`);
  if (k > n) throw new RangeError(`k-means: k = ${k} clusters but only ${n} rows`);
}

/** Canonical labels with their centroids and inertia recomputed in X's space. */
function finish(X: readonly (readonly number[])[], rawLabels: ArrayLike<number>): { labels: number[]; centroids: number[][]; inertia: number } {
  const labels = canonicalLabels(rawLabels);
  const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
  const centroids = groupMeans(X, labels, k);
  return { labels, centroids, inertia: withinSS(X, labels, centroids) };
}

/** Flatten to a row-major Float64Array. */
export function toFloat64(X: readonly (readonly number[])[]): Float64Array {
  const n = X.length;
  const p = X[0].length;
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) out[i * p + j] = X[i][j];
  return out;
}

/** k-means, best of `restarts` seeded k-means++ starts. */
export function kmeans(X: readonly (readonly number[])[], k: number, options: KmeansOptions): KmeansResult {
  const [n, p] = checkMatrix(X, { what: "k-means input" });
  checkK(n, k);
  const { seed, restarts = 10, maxIterations = 300, init = "kmeans++", engine = "ml-kmeans" } = options;
  if (!Number.isInteger(seed)) throw new TypeError(`k-means: seed must be an integer, got ${seed}`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new RangeError(`k-means: restarts must be a positive integer, got ${restarts}`);
  if (init !== "kmeans++") throw new RangeError(`k-means: only init "kmeans++" is supported, got "${init as string}"`);
  const distinct = distinctRowCount(X);
  if (distinct < k) throw new RangeError(`k-means: k = ${k} clusters but only ${distinct} distinct rows`);

  if (engine === "lloyd") {
    const run = lloydBestOf(toFloat64(X), n, p, k, seed, restarts, maxIterations);
    options.onProgress?.(restarts, restarts);
    return { ...finish(X, run.labels), iterations: run.iterations, converged: run.converged, bestRestart: run.bestRestart };
  }
  if (engine !== "ml-kmeans") throw new RangeError(`k-means: unknown engine "${engine as string}" (expected "ml-kmeans" or "lloyd")`);

  const data = X.map((row) => row.slice());
  let best: KmeansResult | null = null;
  for (let r = 0; r < restarts; r++) {
    const res = mlKmeans(data, k, { seed: childSeed(seed, r), initialization: "kmeans++", maxIterations });
    const f = finish(X, res.clusters);
    if (best === null || f.inertia < best.inertia) {
      best = { ...f, iterations: res.iterations, converged: res.converged, bestRestart: r };
    }
    options.onProgress?.(r + 1, restarts);
  }
  return best!;
}
