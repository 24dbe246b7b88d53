/**
 * The exhaustive search: every non-empty subset of a feature pool × every scaling × every method, each cut at k and
 * scored against a reference labelling (Table 1's types) by ARI and AMI. Where lib/typology/search.ts tries 28 chosen
 * feature sets, this tries them all, so that "some untried set does much better" is ruled out rather than argued.
 *
 * - pools (FEATURE_POOLS): "indicators" (default), the nine indicator features — the paper's five ratios and the
 *   four flows per GDP — giving 2⁹ − 1 = 511 subsets; "raw", the six raw columns (63 subsets); or any list of at
 *   most MAX_POOL_SIZE features (2¹⁰ − 1 = 1,023 subsets);
 * - scalings: z, minmax, logz; methods: k-means, Ward, average linkage: 511 × 3 × 3 = 4,599 configurations;
 * - k-means is the project's Lloyd loop (lib/cluster/lloyd.ts `lloydBestOf`, with the Hartigan polish below), best
 *   of `starts` k-means++ starts, start r seeded childSeed(seed, r) — the same master seed for every configuration,
 *   so a configuration's partition does not depend on where it sits in the enumeration.
 *
 * k-means is Lloyd + Hartigan: every start's Lloyd result is polished by Hartigan's single-point moves
 * (lib/cluster/lloyd.ts hartiganRefine). Why, and why EXHAUSTIVE_STARTS = 500 starts — measured by
 * scripts/measure-starts.ts on the 2017 flows (paper edition), k = 7, the 1,533 k-means configurations of the
 * nine-feature pool; N₉₉ = the number of starts after which best-of-N has reached the configuration's lowest W
 * for ≥ 99 % of seeds, p = the share of single starts that reach it:
 * - plain Lloyd (`--refine none`; 50 seeds, up to 5,000 starts each): N₉₉ median 88, 90 % 441, 99 % 4,893, and 15
 *   configurations not within 5,000; the hardest (ftd + export_rate + outflow_gdp + inflow_gdp, log-z) reaches its
 *   lowest W in p = 1.5 × 10⁻⁴ of starts, N₉₉ ≈ 31,000. With 500 starts about 27 of the 1,533 configurations would be
 *   expected to miss their optimum (1,000: 14; 5,000: 2.6): no affordable fixed number of plain Lloyd starts is
 *   reliable for all;
 * - Lloyd + Hartigan (200 seeds, the lowest W from 5,000 further starts and all of the seeds'): N₉₉ median 11,
 *   90 % 27, 99 % 56, worst 208 (trade_ratio + dtd + export_rate, log-z, p = 0.020). With 500 starts that
 *   configuration misses its lowest W with probability (1 − 0.020)⁵⁰⁰ ≈ 4 × 10⁻⁵, and the expected number of the
 *   1,533 configurations that miss theirs, Σ (1 − p)⁵⁰⁰, is also 4 × 10⁻⁵ (300 starts: 2 × 10⁻³; 1,000: 2 × 10⁻⁹).
 * Other data or another k can be harder: measure again (the script takes --k and --pool), or raise `starts` and see
 * whether anything changes.
 *
 * Results come back in enumeration order (subset by size, then lexicographically by pool position; scaling; method);
 * rankByAri orders them best first (ARI, then AMI, then enumeration order: fully deterministic).
 */
import { adjustedMutualInfo, adjustedRandIndex, type Label } from "../cluster/agreement";
import { checkFeatureNames, featureMatrix, PER_GDP_COLUMNS, type FeatureName } from "./features";
import { type ProvinceFlows } from "../data/provinceFlows";
import { hierarchical } from "../cluster/hierarchical";
import { toFloat64 } from "../cluster/kmeans";
import { distinctRows, lloydBestOf, LloydWorkspace } from "../cluster/lloyd";
import { canonicalLabels, groupMeans, inertia as withinSS } from "../cluster/matrix";
import { scale, SCALINGS, type Scaling } from "../cluster/scaling";
import { subsets } from "./search";
import { METHODS, type Method } from "../cluster/methods";
import { silhouetteScore } from "../cluster/silhouette";
import { FLOW_COLUMNS, RATIO_COLUMNS } from "../paper/columns";

/** The named feature pools: the nine indicator features (default) and the six raw columns. */
export const FEATURE_POOLS = {
  indicators: [...RATIO_COLUMNS, ...PER_GDP_COLUMNS] as FeatureName[],
  raw: [...FLOW_COLUMNS] as FeatureName[],
} as const;
export type PoolName = keyof typeof FEATURE_POOLS;

/** A pool of at most this many features (2¹⁰ − 1 = 1,023 subsets, × 9 = 9,207 configurations). */
export const MAX_POOL_SIZE = 10;

/** k-means starts per configuration (see the module comment for the measurement behind it). */
export const EXHAUSTIVE_STARTS = 500;

// What scripts/measure-starts.ts found with Lloyd + Hartigan (module comment): N₉₉ over the 1,533 configurations has
// median 11, 90th percentile 27, 99th 56, worst 208 (that configuration reaches its optimum in 2 % of starts).

/** Lloyd iterations per start (scikit-learn's default, as everywhere in the project). */
const MAX_ITERATIONS = 300;

export interface Configuration {
  /** position in the enumeration */
  index: number;
  features: FeatureName[];
  scaling: Scaling;
  method: Method;
}

/** The pool's features, checked: known names, none twice, at most MAX_POOL_SIZE. */
export function checkPool(pool: readonly string[]): FeatureName[] {
  const features = checkFeatureNames(pool);
  if (features.length > MAX_POOL_SIZE) {
    throw new RangeError(`feature pool has ${features.length} features; at most ${MAX_POOL_SIZE} (2^${MAX_POOL_SIZE} − 1 subsets) are searched exhaustively`);
  }
  return features;
}

/** Every configuration over the pool's non-empty subsets, in enumeration order (module comment). */
export function configurations(pool: readonly string[], scalings: readonly Scaling[] = SCALINGS, methods: readonly Method[] = METHODS): Configuration[] {
  const out: Configuration[] = [];
  for (const features of subsets(checkPool(pool), 1)) {
    for (const scaling of scalings) for (const method of methods) out.push({ index: out.length, features, scaling, method });
  }
  return out;
}

/** Number of configurations: (2^|pool| − 1) × scalings × methods. */
export function configurationCount(poolSize: number, scalings: number = SCALINGS.length, methods: number = METHODS.length): number {
  return (2 ** poolSize - 1) * scalings * methods;
}

export interface ExhaustiveOptions {
  seed: number;
  /** number of clusters (default: number of distinct reference classes) */
  k?: number;
  /** feature names (default FEATURE_POOLS.indicators) */
  pool?: readonly string[];
  /** k-means starts per configuration (default EXHAUSTIVE_STARTS) */
  starts?: number;
  scalings?: readonly Scaling[];
  methods?: readonly Method[];
  /** skip the silhouette (saves ~10 % of the time where only ARIs matter, e.g. perturbed re-runs) */
  silhouette?: boolean;
  /** called after each configuration with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

export interface ConfigurationScore extends Configuration {
  /** cluster of each row, 0, 1, … in order of first appearance */
  labels: number[];
  /** within-cluster sum of squares in the scaled space (for k-means: the lowest of its starts) */
  inertia: number;
  /** adjusted Rand index against the reference */
  ari: number;
  /** adjusted mutual information (arithmetic) against the reference */
  ami: number;
  /** mean silhouette in the scaled space (null with < 2 clusters or when not asked for) */
  silhouette: number | null;
}

export interface ExhaustiveResult {
  k: number;
  seed: number;
  starts: number;
  pool: FeatureName[];
  /** every configuration, in enumeration order */
  scores: ConfigurationScore[];
}

/** Every configuration of the pool clustered and scored against `reference` (aligned with rows). */
export function exhaustiveSearch(rows: readonly ProvinceFlows[], reference: readonly Label[], options: ExhaustiveOptions): ExhaustiveResult {
  const pool = checkPool(options.pool ?? FEATURE_POOLS.indicators);
  const configs = configurations(pool, options.scalings ?? SCALINGS, options.methods ?? METHODS);
  return { ...scoreConfigurations(rows, reference, configs, options), pool };
}

/** The given configurations clustered and scored against `reference`, in the order given (options.pool is ignored). */
export function scoreConfigurations(
  rows: readonly ProvinceFlows[],
  reference: readonly Label[],
  configs: readonly Configuration[],
  options: Omit<ExhaustiveOptions, "pool" | "scalings" | "methods">,
): Omit<ExhaustiveResult, "pool"> {
  const n = rows.length;
  if (reference.length !== n) throw new RangeError(`exhaustive search: ${reference.length} reference labels for ${n} rows`);
  const { seed, starts = EXHAUSTIVE_STARTS, onProgress } = options;
  const k = options.k ?? new Set(reference).size;
  if (!Number.isInteger(seed)) throw new TypeError(`exhaustive search: seed must be an integer, got ${seed}`);
  if (!Number.isInteger(starts) || starts < 1) throw new RangeError(`exhaustive search: starts must be a positive integer, got ${starts}`);
  if (!Number.isInteger(k) || k < 2 || k > n) throw new RangeError(`exhaustive search: k must be an integer from 2 to ${n}, got ${k}`);
  const provinces = rows.map((r) => r.province_zh);
  // every feature used once; a subset's matrix is a selection of these columns
  const used = [...new Set(configs.flatMap((c) => c.features))];
  const { X: full } = featureMatrix(rows, used.length ? used : ["ftd"]);
  const scores: ConfigurationScore[] = [];
  const workspaces = new Map<number, LloydWorkspace>();
  let Z: number[][] = [];
  let key = "";
  for (const c of configs) {
    const here = `${c.features.join(",")}|${c.scaling}`;
    if (here !== key) {
      const cols = c.features.map((f) => used.indexOf(f));
      Z = scale(
        full.map((row) => cols.map((j) => row[j])),
        c.scaling,
        { what: `features ${c.features.join("+")}`, rowNames: provinces, colNames: c.features },
      );
      key = here;
    }
    const p = c.features.length;
    let raw: ArrayLike<number>;
    if (c.method === "kmeans") {
      const X = toFloat64(Z);
      const distinct = distinctRows(X, n, p);
      if (distinct < k) throw new RangeError(`exhaustive search: features ${c.features.join("+")} (${c.scaling}) have only ${distinct} distinct rows for k = ${k}`);
      if (!workspaces.has(p)) workspaces.set(p, new LloydWorkspace(n, p, k));
      raw = lloydBestOf(X, n, p, k, seed, starts, MAX_ITERATIONS, workspaces.get(p), true).labels;
    } else {
      raw = hierarchical(Z, k, c.method).labels;
    }
    const labels = canonicalLabels(raw);
    const kFound = Math.max(...labels) + 1;
    const W = withinSS(Z, labels, groupMeans(Z, labels, kFound));
    scores.push({
      ...c,
      labels,
      inertia: W,
      ari: adjustedRandIndex(reference, labels),
      ami: adjustedMutualInfo(reference, labels),
      silhouette: options.silhouette !== false && kFound >= 2 && kFound < n ? silhouetteScore(Z, labels) : null,
    });
    onProgress?.(scores.length, configs.length);
  }
  return { k, seed, starts, scores };
}

/** The scores best first: ARI, then AMI, then enumeration order. */
export function rankByAri<T extends Pick<ConfigurationScore, "ari" | "ami" | "index">>(scores: readonly T[]): T[] {
  return [...scores].sort((a, b) => b.ari - a.ari || b.ami - a.ami || a.index - b.index);
}

/** Configurations whose ARI equals the best (to 1e-12): several can share one partition. */
export function winners<T extends Pick<ConfigurationScore, "ari" | "ami" | "index">>(scores: readonly T[]): T[] {
  const ranked = rankByAri(scores);
  return ranked.filter((s) => Math.abs(s.ari - ranked[0].ari) <= 1e-12);
}

/** The distinct partitions among the scores (labels are canonical, so equal partitions have equal label lists). */
export function distinctPartitions(scores: readonly Pick<ConfigurationScore, "labels">[]): number[][] {
  const seen = new Map<string, number[]>();
  for (const s of scores) {
    const key = s.labels.join(",");
    if (!seen.has(key)) seen.set(key, s.labels);
  }
  return [...seen.values()];
}

