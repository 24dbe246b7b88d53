/**
 * How robust is a clustering of the provinces to errors in the flows it is computed from?
 *
 * Perturbation stability (in the spirit of Monti et al. 2003, "consensus clustering"):
 * 1. run r = 1..R: multiply every perturbed flow of every province by an independent factor
 *    (1 + ε), ε ~ Uniform(−x, +x) (x = `amplitude`, default 0.10 = ±10 %); recompute the features,
 *    rescale, and cluster with k-means (best of `restarts`, the fast "lloyd" engine of
 *    lib/cluster/lloyd.ts — the same as `kmeans(..., {engine: "lloyd"})`);
 * 2. co-assignment Mᵢⱼ = fraction of the R runs in which provinces i and j share a cluster
 *    (label switching between runs does not matter: only "together or not" is counted);
 * 3. consensus clustering: average linkage on the dissimilarity 1 − Mᵢⱼ, cut into k clusters;
 * 4. stability of province i: the mean co-assignment of i with its modal partners, i.e. the other
 *    members of its consensus cluster, sᵢ = mean_{j ∈ C(i), j ≠ i} Mᵢⱼ. For a province alone in its
 *    consensus cluster (no partners), sᵢ is the fraction of runs in which it was alone in its
 *    cluster — the same question ("did the runs agree with the consensus about i?") asked of a
 *    singleton. sᵢ ∈ [0, 1]; 1 means i was grouped exactly as the consensus says in every run.
 *
 * Caveat: with k = 7 on 31 rows, 10 k-means restarts do not always reach the lowest inertia, so
 * part of the co-assignment variation is the algorithm's (local minima), not the data's; raise
 * `restarts` to separate the two (the cost is linear in it).
 *
 * Seeds: run r draws its perturbation from rng(childSeed(seed, 2r)) and seeds its k-means with
 * childSeed(seed, 2r + 1), so each run is reproducible on its own and independent of R.
 */
import { childSeed, rng } from "../random";
import { FlowColumn, FLOW_COLUMNS } from "../indicators";
import { checkFeatureNames, featureMatrix, ProvinceFlows } from "./features";
import { cutTree, Dendrogram, linkageFromDistances } from "./hierarchical";
import { toFloat64 } from "./kmeans";
import { LloydWorkspace, lloydBestOf } from "./lloyd";
import { canonicalLabels } from "./matrix";
import { scale, Scaling } from "./scaling";

export interface StabilityOptions {
  features: readonly string[];
  scaling: Scaling;
  k: number;
  seed: number;
  /** perturbation runs R (default 1000) */
  runs?: number;
  /** k-means restarts per run (default 10) */
  restarts?: number;
  /** half-width x of the uniform relative perturbation (default 0.10, i.e. ±10 %) */
  amplitude?: number;
  /** which flow columns are perturbed (default all six, GDP and total output included) */
  perturbColumns?: readonly FlowColumn[];
  maxIterations?: number;
  /** called after each run with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

export interface StabilityResult {
  provinces: string[];
  /** n × n co-assignment fractions Mᵢⱼ (diagonal 1) */
  coassignment: number[][];
  /** average-linkage consensus on 1 − M, cut at k */
  consensus: { labels: number[]; dendrogram: Dendrogram };
  /** per-province stability sᵢ (module comment, step 4) */
  stability: number[];
  /** fraction of runs in which each province was alone in its cluster */
  aloneRate: number[];
  /** the unperturbed clustering: kmeans(X, k, {seed, restarts, engine: "lloyd"}) on the original flows */
  baseLabels: number[];
  runs: number;
  restarts: number;
  amplitude: number;
}

/** Perturbation stability and consensus clustering of the provinces (see the module comment). */
export function perturbationStability(rows: readonly ProvinceFlows[], options: StabilityOptions): StabilityResult {
  const {
    k,
    seed,
    scaling,
    runs = 1000,
    restarts = 10,
    amplitude = 0.1,
    perturbColumns = FLOW_COLUMNS,
    maxIterations = 300,
    onProgress,
  } = options;
  const features = checkFeatureNames(options.features);
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`stability: runs must be a positive integer, got ${runs}`);
  if (!(amplitude >= 0 && amplitude < 1)) throw new RangeError(`stability: amplitude must be in [0, 1), got ${amplitude}`);
  for (const c of perturbColumns) {
    if (!(FLOW_COLUMNS as readonly string[]).includes(c)) throw new RangeError(`stability: unknown flow column "${c}" (valid: ${FLOW_COLUMNS.join(", ")})`);
  }
  const n = rows.length;
  const p = features.length;
  if (!Number.isInteger(k) || k < 2 || k > n - 1) throw new RangeError(`stability: k must be an integer in 2..${n - 1}, got ${k}`);
  const provinces = rows.map((r) => r.province_zh);
  const names = { what: "perturbed features", rowNames: provinces, colNames: features };

  const cluster = (data: readonly ProvinceFlows[], kmSeed: number, ws: LloydWorkspace): Int32Array => {
    const X = scale(featureMatrix(data, features).X, scaling, names);
    return lloydBestOf(toFloat64(X), n, p, k, kmSeed, restarts, maxIterations, ws).labels;
  };

  const ws = new LloydWorkspace(n, p, k);
  const together = new Int32Array(n * n);
  const alone = new Int32Array(n);
  const size = new Int32Array(k);
  const perturbed: ProvinceFlows[] = rows.map((r) => ({ ...r }));
  for (let r = 0; r < runs; r++) {
    const random = rng(childSeed(seed, 2 * r));
    for (let i = 0; i < n; i++) {
      for (const c of perturbColumns) perturbed[i][c] = rows[i][c] * (1 + amplitude * (2 * random() - 1));
    }
    const labels = cluster(perturbed, childSeed(seed, 2 * r + 1), ws);
    size.fill(0);
    for (let i = 0; i < n; i++) size[labels[i]]++;
    for (let i = 0; i < n; i++) {
      if (size[labels[i]] === 1) alone[i]++;
      for (let j = i + 1; j < n; j++) if (labels[i] === labels[j]) together[i * n + j]++;
    }
    onProgress?.(r + 1, runs);
  }

  const M = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : together[Math.min(i, j) * n + Math.max(i, j)] / runs)),
  );
  const dendrogram = linkageFromDistances(
    M.map((row) => row.map((m) => 1 - m)),
    "average",
  );
  const consensusLabels = cutTree(dendrogram, k);
  const aloneRate = Array.from(alone, (a) => a / runs);
  const stability = consensusLabels.map((c, i) => {
    let s = 0;
    let m = 0;
    for (let j = 0; j < n; j++) {
      if (j !== i && consensusLabels[j] === c) {
        s += M[i][j];
        m++;
      }
    }
    return m === 0 ? aloneRate[i] : s / m;
  });
  const baseLabels = canonicalLabels(cluster(rows, seed, ws));
  return {
    provinces,
    coassignment: M,
    consensus: { labels: consensusLabels, dendrogram },
    stability,
    aloneRate,
    baseLabels,
    runs,
    restarts,
    amplitude,
  };
}
