/**
 * How robust is a clustering of the provinces to errors in the flows, or to which provinces happen
 * to be in the sample?
 *
 * Resampling stability (in the spirit of Monti et al. 2003, "consensus clustering"):
 * 1. run r = 1..R, one of two resamplings (`resampling`):
 *    - "perturb" (default): multiply every perturbed flow of every province by an independent factor
 *      (1 + ε), ε ~ Uniform(−x, +x) (x = `amplitude`, default 0.10 = ±10 %);
 *    - "bootstrap": draw n provinces with replacement (a province drawn twice enters twice, so it
 *      weighs double in the scaling and in k-means' means);
 *    then recompute the features, rescale (on the run's own data: the scaling is part of the
 *    method), and cluster with k-means (best of `restarts`, the fast "lloyd" engine of
 *    lib/cluster/lloyd.ts — the same as `kmeans(..., {engine: "lloyd"})`);
 * 2. co-assignment Mᵢⱼ = T_ij / B_ij, where T_ij counts the runs in which i and j share a cluster and
 *    B_ij the runs in which both were in the sample. Under "perturb" every province is in every
 *    run, B_ij = R. Under "bootstrap" a pair is only observed when both were drawn (probability
 *    1 − 2(1 − 1/n)ⁿ + (1 − 2/n)ⁿ ≈ 0.41 for n = 31), and copies of one province count once: its
 *    copies are identical rows, hence in the same cluster. A pair never drawn together has no
 *    estimate: that is an error asking for more runs, not a silent 0 (label switching between runs
 *    does not matter: only "together or not" is counted);
 * 3. consensus clustering: average linkage on the dissimilarity 1 − Mᵢⱼ, cut into k clusters;
 * 4. stability of province i: the mean co-assignment of i with its modal partners, i.e. the other
 *    members of its consensus cluster, sᵢ = mean_{j ∈ C(i), j ≠ i} Mᵢⱼ. For a province alone in its
 *    consensus cluster (no partners), sᵢ is the fraction of its runs in which it was alone in its
 *    cluster — the same question ("did the runs agree with the consensus about i?") asked of a
 *    singleton. sᵢ ∈ [0, 1]; 1 means i was grouped exactly as the consensus says in every run.
 *
 * Caveat: k-means only finds local minima. On the 2017 flows (five ratios, z-scores, k = 7) one
 * k-means++ start reaches the lowest within-cluster sum of squares (W = 16.765) 1.5 % of the time, and
 * the runner-up (W = 16.776, 0.07 % worse) is a different partition; so best-of-10 finds the optimum in
 * ~14 % of runs, best-of-100 in ~78 %, best-of-300 in ~99 %. With too few restarts part of the
 * co-assignment variation is the algorithm's, not the data's. Run with amplitude 0 to see the
 * algorithm's share alone (any Mᵢⱼ strictly between 0 and 1 is then local minima), and raise
 * `restarts` until the results stop changing (there: ±10 % gives the same fragile provinces with 100
 * and 300 restarts, and three more, spurious ones with 10). The unperturbed base clustering uses
 * `baseRestarts` (default max(restarts, 1000)), as it is computed once and should be the optimum.
 *
 * Bootstrap caveat: a draw can miss all members of a small type (a type of 3 of 31 provinces is
 * missed with probability (28/31)³¹ ≈ 4 %); k-means must then split some other group to make k
 * clusters, so co-assignment within types falls below 1 even on perfectly separated data. Bootstrap
 * stability is therefore a stricter test, and most so for small types.
 *
 * Seeds: run r draws its perturbation or sample from rng(childSeed(seed, 2r)) and seeds its k-means
 * with childSeed(seed, 2r + 1), so each run is reproducible on its own and independent of R.
 */
import { childSeed, rng, type Rng } from "../core/random";
import { FlowColumn, FLOW_COLUMNS } from "../paper/columns";
import { adjustedRandIndex, Label } from "../cluster/agreement";
import { checkFeatureNames, featureMatrix } from "./features";
import { ProvinceFlows } from "../data/provinceFlows";
import { cutTree, Dendrogram, linkageFromDistances } from "../cluster/hierarchical";
import { toFloat64 } from "../cluster/kmeans";
import { distinctRows, LloydWorkspace, lloydBestOf } from "../cluster/lloyd";
import { canonicalLabels } from "../cluster/matrix";
import { scale, Scaling } from "../cluster/scaling";
import type { Bilingual } from "../core/text";

export const RESAMPLINGS = ["perturb", "bootstrap"] as const;
export type Resampling = (typeof RESAMPLINGS)[number];

export const RESAMPLING_LABELS: Record<Resampling, Bilingual> = {
  perturb: { zh: "流量随机扰动", en: "random perturbation of the flows" },
  bootstrap: { zh: "省份有放回重抽样", en: "bootstrap resampling of provinces" },
};

export interface StabilityOptions {
  features: readonly string[];
  scaling: Scaling;
  k: number;
  seed: number;
  /** "perturb" (default) or "bootstrap" (module comment, step 1) */
  resampling?: Resampling;
  /** resampling runs R (default 1000) */
  runs?: number;
  /** k-means restarts per run (default 10; see the caveat in the module comment) */
  restarts?: number;
  /** k-means restarts of the unperturbed base clustering (default max(restarts, 1000)) */
  baseRestarts?: number;
  /** half-width x of the uniform relative perturbation (default 0.10, i.e. ±10 %); "perturb" only */
  amplitude?: number;
  /** which flow columns are perturbed (default all six, GDP and total output included) */
  perturbColumns?: readonly FlowColumn[];
  maxIterations?: number;
  /** a labelling of the rows (e.g. Table 1's types) each run's partition is also scored against */
  reference?: readonly Label[];
  /** called after each run with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

export interface StabilityResult {
  provinces: string[];
  resampling: Resampling;
  /** n × n co-assignment fractions Mᵢⱼ = T_ij / B_ij (diagonal 1) */
  coassignment: number[][];
  /** n × n: B_ij, the runs in which i and j were both in the sample (diagonal: runs in which i was) */
  pairCounts: number[][];
  /** average-linkage consensus on 1 − M, cut at k */
  consensus: { labels: number[]; dendrogram: Dendrogram };
  /** per-province stability sᵢ (module comment, step 4) */
  stability: number[];
  /** fraction of its runs in which each province was alone in its cluster */
  aloneRate: number[];
  /** the unperturbed clustering: kmeans(X, k, {seed, restarts: baseRestarts, engine: "lloyd"}) on the original rows */
  baseLabels: number[];
  /** ARI of each run's partition against baseLabels, on the provinces in that run's sample */
  runAriVsBase: number[];
  /** ARI of each run's partition against options.reference (empty without one) */
  runAriVsReference: number[];
  runs: number;
  restarts: number;
  amplitude: number;
}

/**
 * Add one run to the pair counts (n × n, row-major, upper triangle i < j used; diagonal counts the
 * runs a province was drawn in). `labelOf[i]` is province i's cluster in this run, or −1 if i was
 * not in the sample. together[i·n + j] += [both drawn and same cluster]; both[i·n + j] += [both drawn].
 */
export function countPairs(labelOf: ArrayLike<number>, together: Int32Array, both: Int32Array): void {
  const n = labelOf.length;
  for (let i = 0; i < n; i++) {
    const li = labelOf[i];
    if (li < 0) continue;
    both[i * n + i]++;
    together[i * n + i]++;
    for (let j = i + 1; j < n; j++) {
      const lj = labelOf[j];
      if (lj < 0) continue;
      both[i * n + j]++;
      if (li === lj) together[i * n + j]++;
    }
  }
}

/**
 * Mᵢⱼ = T_ij / B_ij from upper-triangle counts (countPairs), symmetric, diagonal 1. A pair never
 * observed together (B_ij = 0) throws, naming both provinces.
 */
export function coassignmentFromCounts(together: Int32Array, both: Int32Array, provinces: readonly string[]): number[][] {
  const n = provinces.length;
  const M = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (let i = 0; i < n; i++) {
    if (both[i * n + i] === 0) throw new RangeError(`stability: ${provinces[i]} was never in the sample; raise runs`);
    for (let j = i + 1; j < n; j++) {
      const b = both[i * n + j];
      if (b === 0) throw new RangeError(`stability: ${provinces[i]} and ${provinces[j]} were never in the sample together; raise runs`);
      M[i][j] = M[j][i] = together[i * n + j] / b;
    }
  }
  return M;
}

/** sᵢ = mean of Mᵢⱼ over the other members j of i's consensus cluster; a singleton gets its alone rate. */
export function provinceStability(M: readonly (readonly number[])[], consensusLabels: readonly number[], aloneRate: readonly number[]): number[] {
  const n = M.length;
  return consensusLabels.map((c, i) => {
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
}

/** Average-linkage consensus partition of the dissimilarity 1 − M, cut into k clusters. */
export function consensusClustering(M: readonly (readonly number[])[], k: number): { labels: number[]; dendrogram: Dendrogram } {
  const dendrogram = linkageFromDistances(
    M.map((row) => row.map((m) => 1 - m)),
    "average",
  );
  return { labels: cutTree(dendrogram, k), dendrogram };
}

/**
 * One perturbation of the flows (module comment, step 1): out[i][c] = rows[i][c] · (1 + x(2u − 1)), u uniform from
 * `random`, drawn province by province and column by column in `columns` order. `out` holds copies of the rows.
 */
export function perturbFlows(rows: readonly ProvinceFlows[], random: Rng, amplitude: number, columns: readonly FlowColumn[], out: ProvinceFlows[]): void {
  for (let i = 0; i < rows.length; i++) {
    for (const c of columns) out[i][c] = rows[i][c] * (1 + amplitude * (2 * random() - 1));
  }
}

/** The rows of perturbation run r of `seed`: the data clusterStability's run r clusters (its stream childSeed(seed, 2r)). */
export function perturbedRun(rows: readonly ProvinceFlows[], seed: number, r: number, amplitude = 0.1, columns: readonly FlowColumn[] = FLOW_COLUMNS): ProvinceFlows[] {
  const out = rows.map((row) => ({ ...row }));
  perturbFlows(rows, rng(childSeed(seed, 2 * r)), amplitude, columns, out);
  return out;
}

/** Fill `sample` with n indices drawn uniformly with replacement, at least `k` of them distinct. */
function drawBootstrap(random: Rng, sample: Int32Array, k: number, seen: Uint8Array): void {
  const n = sample.length;
  // a sample with fewer than k distinct provinces cannot be cut into k clusters: draw again from the
  // same stream (for n = 31, k ≤ 10 this practically never happens: ~20 of 31 are distinct on average)
  for (;;) {
    seen.fill(0);
    let distinct = 0;
    for (let t = 0; t < n; t++) {
      const i = Math.floor(random() * n);
      sample[t] = i;
      if (!seen[i]) {
        seen[i] = 1;
        distinct++;
      }
    }
    if (distinct >= k) return;
  }
}

/** Resampling stability and consensus clustering of the provinces (see the module comment). */
export function clusterStability(rows: readonly ProvinceFlows[], options: StabilityOptions): StabilityResult {
  const {
    k,
    seed,
    scaling,
    resampling = "perturb",
    runs = 1000,
    restarts = 10,
    baseRestarts = Math.max(restarts, 1000),
    amplitude = 0.1,
    perturbColumns = FLOW_COLUMNS,
    maxIterations = 300,
    reference,
    onProgress,
  } = options;
  const features = checkFeatureNames(options.features);
  if (!(RESAMPLINGS as readonly string[]).includes(resampling)) {
    throw new RangeError(`stability: unknown resampling "${resampling as string}" (expected ${RESAMPLINGS.join(" or ")})`);
  }
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`stability: runs must be a positive integer, got ${runs}`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new RangeError(`stability: restarts must be a positive integer, got ${restarts}`);
  if (!Number.isInteger(baseRestarts) || baseRestarts < 1) throw new RangeError(`stability: baseRestarts must be a positive integer, got ${baseRestarts}`);
  if (!(amplitude >= 0 && amplitude < 1)) throw new RangeError(`stability: amplitude must be in [0, 1), got ${amplitude}`);
  for (const c of perturbColumns) {
    if (!(FLOW_COLUMNS as readonly string[]).includes(c)) throw new RangeError(`stability: unknown flow column "${c}" (valid: ${FLOW_COLUMNS.join(", ")})`);
  }
  const n = rows.length;
  const p = features.length;
  if (!Number.isInteger(k) || k < 2 || k > n - 1) throw new RangeError(`stability: k must be an integer in 2..${n - 1}, got ${k}`);
  if (reference && reference.length !== n) throw new RangeError(`stability: ${reference.length} reference labels for ${n} rows`);
  const provinces = rows.map((r) => r.province_zh);

  const ws = new LloydWorkspace(n, p, k);
  const cluster = (data: readonly ProvinceFlows[], kmSeed: number, starts = restarts): Int32Array => {
    const names = { what: `${resampling === "bootstrap" ? "resampled" : "perturbed"} features`, rowNames: data.map((r) => r.province_zh), colNames: features };
    const X = toFloat64(scale(featureMatrix(data, features).X, scaling, names));
    const distinct = distinctRows(X, n, p);
    if (distinct < k) throw new RangeError(`stability: only ${distinct} distinct feature rows for k = ${k} clusters`);
    return lloydBestOf(X, n, p, k, kmSeed, starts, maxIterations, ws).labels;
  };
  const baseLabels = canonicalLabels(cluster(rows, seed, baseRestarts));

  const together = new Int32Array(n * n);
  const both = new Int32Array(n * n);
  const alone = new Int32Array(n);
  const size = new Int32Array(k);
  const labelOf = new Int32Array(n);
  const sample = new Int32Array(n);
  const seen = new Uint8Array(n);
  const runAriVsBase: number[] = [];
  const runAriVsReference: number[] = [];
  const resampled: ProvinceFlows[] = rows.map((r) => ({ ...r }));
  for (let r = 0; r < runs; r++) {
    const random = rng(childSeed(seed, 2 * r));
    if (resampling === "perturb") {
      perturbFlows(rows, random, amplitude, perturbColumns, resampled);
    } else {
      drawBootstrap(random, sample, k, seen);
      for (let t = 0; t < n; t++) resampled[t] = rows[sample[t]];
    }
    const labels = cluster(resampled, childSeed(seed, 2 * r + 1));
    if (resampling === "perturb") {
      labelOf.set(labels);
    } else {
      labelOf.fill(-1);
      for (let t = 0; t < n; t++) labelOf[sample[t]] = labels[t];
    }
    // "alone" = no other province in its cluster (copies of the same province do not count)
    size.fill(0);
    for (let i = 0; i < n; i++) if (labelOf[i] >= 0) size[labelOf[i]]++;
    for (let i = 0; i < n; i++) if (labelOf[i] >= 0 && size[labelOf[i]] === 1) alone[i]++;
    countPairs(labelOf, together, both);
    const drawn: number[] = [];
    for (let i = 0; i < n; i++) if (labelOf[i] >= 0) drawn.push(i);
    const runLabels = drawn.map((i) => labelOf[i]);
    runAriVsBase.push(adjustedRandIndex(drawn.map((i) => baseLabels[i]), runLabels));
    if (reference) runAriVsReference.push(adjustedRandIndex(drawn.map((i) => reference[i]), runLabels));
    onProgress?.(r + 1, runs);
  }

  const M = coassignmentFromCounts(together, both, provinces);
  const pairCounts = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => both[Math.min(i, j) * n + Math.max(i, j)]));
  const consensus = consensusClustering(M, k);
  const aloneRate = Array.from(alone, (a, i) => a / both[i * n + i]);
  return {
    provinces,
    resampling,
    coassignment: M,
    pairCounts,
    consensus,
    stability: provinceStability(M, consensus.labels, aloneRate),
    aloneRate,
    baseLabels,
    runAriVsBase,
    runAriVsReference,
    runs,
    restarts,
    amplitude: resampling === "perturb" ? amplitude : 0,
  };
}

/** Perturbation stability: clusterStability with resampling "perturb". */
export function perturbationStability(rows: readonly ProvinceFlows[], options: StabilityOptions): StabilityResult {
  return clusterStability(rows, { ...options, resampling: "perturb" });
}

/** Bootstrap stability: clusterStability with resampling "bootstrap" (provinces drawn with replacement). */
export function bootstrapStability(rows: readonly ProvinceFlows[], options: StabilityOptions): StabilityResult {
  return clusterStability(rows, { ...options, resampling: "bootstrap" });
}

/**
 * Affinity of each province to each group of a labelling (e.g. Table 1's types): the mean
 * co-assignment A_ig = mean_{j ∈ g, j ≠ i} Mᵢⱼ; null when g has no member other than i.
 */
export function groupAffinity(M: readonly (readonly number[])[], groups: readonly Label[]): { groups: Label[]; affinity: (number | null)[][] } {
  if (groups.length !== M.length) throw new RangeError(`groupAffinity: ${groups.length} labels for ${M.length} rows`);
  const levels = [...new Set(groups)];
  const affinity = M.map((row, i) =>
    levels.map((g) => {
      let s = 0;
      let m = 0;
      groups.forEach((gj, j) => {
        if (j !== i && gj === g) {
          s += row[j];
          m++;
        }
      });
      return m === 0 ? null : s / m;
    }),
  );
  return { groups: levels, affinity };
}

export interface FragileProvince {
  province: string;
  /** index in the result's rows */
  index: number;
  stability: number;
  /** its class in the reference labelling (e.g. its Table 1 type) */
  group: Label;
  /** mean co-assignment with the other members of its own class (null if it is the only one) */
  ownAffinity: number | null;
  /** the other class it is grouped with most often, and that mean co-assignment (null: never with any other) */
  leansTo: Label | null;
  leansToAffinity: number | null;
}

/**
 * The provinces whose stability sᵢ is below `threshold`, least stable first, each with the other
 * reference class it is most often clustered with — where a borderline province sits.
 */
export function fragileProvinces(result: Pick<StabilityResult, "provinces" | "stability" | "coassignment">, reference: readonly Label[], threshold: number): FragileProvince[] {
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`fragileProvinces: threshold must be in [0, 1], got ${threshold}`);
  const { groups, affinity } = groupAffinity(result.coassignment, reference);
  const out: FragileProvince[] = [];
  result.stability.forEach((s, i) => {
    if (!(s < threshold)) return;
    const own = groups.indexOf(reference[i]);
    let best = -1;
    groups.forEach((_, g) => {
      const a = affinity[i][g];
      if (g !== own && a !== null && a > 0 && (best < 0 || a > (affinity[i][best] as number))) best = g;
    });
    out.push({
      province: result.provinces[i],
      index: i,
      stability: s,
      group: reference[i],
      ownAffinity: affinity[i][own],
      leansTo: best < 0 ? null : groups[best],
      leansToAffinity: best < 0 ? null : affinity[i][best],
    });
  });
  return out.sort((a, b) => a.stability - b.stability || a.index - b.index);
}
