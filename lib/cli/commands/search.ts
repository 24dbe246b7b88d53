/**
 * `trade-patterns search <csv>`: which features, scaling and clustering method reproduce Table 1 best?
 *
 * The fast search (default): every configuration of lib/typology/search.ts (28 feature sets × 3 scalings × 3 methods =
 * 252), each scored by its adjusted Rand index (and AMI) against Table 1's types, best first.
 *
 *   --k 7  --restarts 100  --seed 1   as for `trade-patterns cluster` (--restarts at most 5000: the search runs 84
 *                                     k-means configurations, so the bound keeps it within a few minutes)
 *   --top N                           print only the N best (default: all)
 *   --progress                        progress lines on stderr from the start (without it, once a run takes 3 s)
 *   --json                            {"k", "seed", "restarts", "results": [{rank, feature_set, features, scaling,
 *                                     method, ari, ami, silhouette, labels: {"<province_zh>": <int>, …}}, …]}
 * Without --json: CSV rank,feature_set,features,scaling,method,ari,ami,silhouette (features joined with "+").
 *
 * The exhaustive search (--exhaustive; lib/typology/exhaustive.ts, typologySupport.ts, searchStability.ts): every
 * non-empty subset of a feature pool × 3 scalings × 3 methods (4,599 configurations for the default pool), k-means
 * by Lloyd + Hartigan, best of --restarts starts (default 500, measured: see lib/typology/exhaustive.ts), and with
 * --json the permutation null of its best ARI:
 *
 *   --pool indicators|raw|<list>      the nine indicator features (default), the six raw flows, or a comma-separated
 *                                     list of at most 10 features
 *   --null 1000                       relabellings of Table 1 (its type sizes kept) for the null (0: none; ≤ 100000;
 *                                     seeded with --seed)
 *   --stability-runs 0                re-run the whole search on R perturbed copies of the flows (notebook 05's
 *                                     perturbation, seeded --stability-seed 20171231, ±--noise 0.1): is the best still
 *                                     the best? (≤ 100) --stability-margin M re-runs only the configurations within M
 *                                     of the best ARI
 *   Bound: --restarts × k-means configurations × (1 + --stability-runs) ≤ 20,000,000 k-means starts (about 20 µs
 *   each: several minutes).
 *   --json                            {"mode": "exhaustive", k, seed, restarts, pool, configurations,
 *                                     distinct_partitions, provinces: [...], results: [{rank, index, features,
 *                                     scaling, method, ari, ami, silhouette, inertia, agreeing, labels: [...]}] (best
 *                                     first; labels in the order of provinces), best: [the results tied at the best
 *                                     ARI], null: {permutations, seed, observed, p_value, at_least_observed, mean, max,
 *                                     quantiles: {"0.5": …}} | null, five_ratio_kmeans: {…, null}, stability: … | null}
 * Without --json: CSV rank,index,features,scaling,method,ari,ami,silhouette,inertia (no null: it is part of the
 * JSON, so --null and --stability-runs need --json).
 */
import { parse, stderrProgress, UsageError, type Io } from "../support";
import { configurationCount, EXHAUSTIVE_STARTS, exhaustiveSearch, FEATURE_POOLS, MAX_POOL_SIZE, rankByAri, type ConfigurationScore, type PoolName } from "../../typology/exhaustive";
import type { NullSummary } from "../../cluster/permutationNull";
import { SCALINGS } from "../../cluster/scaling";
import { featureSets, paperTypes, searchClusterings } from "../../typology/search";
import { METHODS } from "../../cluster/methods";
import { searchStability } from "../../typology/searchStability";
import { agreeingCount, DEFAULT_PERMUTATIONS, typologySupport } from "../../typology/typologySupport";
import { toCsv } from "../../core/csv";
import type { ProvinceFlows } from "../../data/provinceFlows";
import { asUsageError, featuresOption, integerOption, readInput } from "./cluster";

const OPTIONS = {
  k: { type: "string", default: "7" },
  restarts: { type: "string" },
  seed: { type: "string", default: "1" },
  top: { type: "string" },
  progress: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
  exhaustive: { type: "boolean", default: false },
  pool: { type: "string" },
  null: { type: "string" },
  "stability-runs": { type: "string" },
  "stability-seed": { type: "string" },
  "stability-margin": { type: "string" },
  noise: { type: "string" },
} as const;

/** Bound of `search --restarts`: 84 k-means configurations × 5,000 starts × 0.3 ms ≈ 2 minutes. */
export const MAX_SEARCH_RESTARTS = 5_000;
/** Bounds of the exhaustive search: relabellings, perturbed re-runs, and k-means starts in all. */
export const MAX_NULL = 100_000;
export const MAX_STABILITY_RUNS = 100;
export const MAX_EXHAUSTIVE_STARTS = 20_000_000;
/** Notebook 05's seed, so that run r perturbs the flows as its run r does. */
export const STABILITY_SEED = 20171231;

type Values = Record<string, string | boolean | undefined>;

const EXHAUSTIVE_ONLY = ["pool", "null", "stability-runs", "stability-seed", "stability-margin", "noise"] as const;
const STABILITY_ONLY = ["stability-seed", "stability-margin", "noise"] as const;

/** --pool: a pool name or a comma-separated feature list of at most MAX_POOL_SIZE. */
function poolOption(text: string): string[] {
  if (text in FEATURE_POOLS) return [...FEATURE_POOLS[text as PoolName]];
  let features: string[];
  try {
    features = featuresOption(text);
  } catch (e) {
    throw new UsageError(`--pool must be ${Object.keys(FEATURE_POOLS).join(", ")} or a feature list: ${(e as Error).message.replace(/^--features: /, "")}`);
  }
  if (features.length > MAX_POOL_SIZE) throw new UsageError(`--pool has ${features.length} features; at most ${MAX_POOL_SIZE} (2^${MAX_POOL_SIZE} − 1 subsets) are searched exhaustively`);
  return features;
}

/** A decimal number option in [min, max]. */
function fractionOption(name: string, text: string, min: number, max: number): number {
  const s = text.trim();
  const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
  if (!(v >= min && v <= max)) throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${text}"`);
  return v;
}

interface ExhaustiveSettings {
  k: number;
  seed: number;
  restarts: number;
  pool: string[];
  permutations: number;
  stabilityRuns: number;
  stabilitySeed: number;
  stabilityMargin: number;
  noise: number;
}

/** Every option of the exhaustive mode checked (k against the number of provinces n). */
function exhaustiveSettings(values: Values, n: number): ExhaustiveSettings {
  const k = integerOption("k", String(values.k), 2, Number.MAX_SAFE_INTEGER);
  if (k > n) throw new UsageError(`--k ${k} is larger than the number of provinces in the file (${n})`);
  const pool = poolOption(values.pool === undefined ? "indicators" : String(values.pool));
  const restarts = integerOption("restarts", values.restarts === undefined ? String(EXHAUSTIVE_STARTS) : String(values.restarts), 1, MAX_SEARCH_RESTARTS);
  const permutations = integerOption("null", values.null === undefined ? (values.json ? String(DEFAULT_PERMUTATIONS) : "0") : String(values.null), 0, MAX_NULL);
  const stabilityRuns = integerOption("stability-runs", values["stability-runs"] === undefined ? "0" : String(values["stability-runs"]), 0, MAX_STABILITY_RUNS);
  if (!values.json) {
    if (values.null !== undefined) throw new UsageError("--null needs --json (the null's summary is part of the JSON output)");
    if (stabilityRuns > 0) throw new UsageError("--stability-runs needs --json (the stability is part of the JSON output)");
  }
  if (stabilityRuns === 0) for (const o of STABILITY_ONLY) if (values[o] !== undefined) throw new UsageError(`--${o} needs --stability-runs`);
  const kmeansConfigurations = configurationCount(pool.length, SCALINGS.length, 1);
  const starts = restarts * kmeansConfigurations * (1 + stabilityRuns);
  if (starts > MAX_EXHAUSTIVE_STARTS)
    throw new UsageError(
      `--restarts × k-means configurations × (1 + --stability-runs) is ${restarts} × ${kmeansConfigurations} × ${1 + stabilityRuns} = ${starts} k-means starts; at most ${MAX_EXHAUSTIVE_STARTS} are allowed (about 20 µs each: several minutes): lower --restarts, --stability-runs or the pool`,
    );
  return {
    k,
    seed: integerOption("seed", String(values.seed), 0, 2 ** 32 - 1),
    restarts,
    pool,
    permutations,
    stabilityRuns,
    stabilitySeed: integerOption("stability-seed", values["stability-seed"] === undefined ? String(STABILITY_SEED) : String(values["stability-seed"]), 0, 2 ** 32 - 1),
    stabilityMargin: values["stability-margin"] === undefined ? Infinity : fractionOption("stability-margin", String(values["stability-margin"]), 0, 2),
    noise: values.noise === undefined ? 0.1 : fractionOption("noise", String(values.noise), 0, 0.99),
  };
}

function nullJson(s: NullSummary, seed: number) {
  return {
    permutations: s.permutations,
    seed,
    observed: s.observed,
    p_value: s.pValue,
    at_least_observed: s.atLeastObserved,
    mean: s.mean,
    max: s.max,
    quantiles: Object.fromEntries(s.quantiles.map((q) => [String(q.q), q.value])),
  };
}

function scoreJson(s: ConfigurationScore, reference: readonly string[]) {
  return {
    index: s.index,
    features: s.features,
    scaling: s.scaling,
    method: s.method,
    ari: s.ari,
    ami: s.ami,
    silhouette: s.silhouette,
    inertia: s.inertia,
    agreeing: agreeingCount(s.labels, reference),
    labels: s.labels,
  };
}

function runExhaustive(values: Values, rows: ProvinceFlows[], io: Io): void {
  const o = exhaustiveSettings(values, rows.length);
  const reference = paperTypes(rows);
  const configurations = configurationCount(o.pool.length);
  const permutations = Math.max(o.permutations, 1);
  // the search's configurations and both nulls, then the perturbed re-runs (their size is known once the search is done)
  const top = values.top === undefined ? Infinity : integerOption("top", String(values.top), 1, Number.MAX_SAFE_INTEGER);
  if (!values.json) {
    const onProgress = stderrProgress("search", values.progress === true, io, configurations);
    const search = asUsageError(() => exhaustiveSearch(rows, reference, { seed: o.seed, k: o.k, pool: o.pool, starts: o.restarts, onProgress }));
    io.stdout(
      toCsv(
        ["rank", "index", "features", "scaling", "method", "ari", "ami", "silhouette", "inertia"],
        rankByAri(search.scores)
          .slice(0, top)
          .map((r, i) => [i + 1, r.index, r.features.join("+"), r.scaling, r.method, r.ari, r.ami, r.silhouette, r.inertia]),
      ),
    );
    return;
  }
  // progress counts the configurations searched, then re-run (scaled to the candidates); the nulls take < 1 s and
  // are not counted
  const firstPhase = configurations;
  const stabilityWork = o.stabilityRuns * configurations;
  const onProgress = stderrProgress("search", values.progress === true, io, firstPhase + stabilityWork);
  const support = asUsageError(() =>
    typologySupport(rows, reference, {
      seed: o.seed,
      k: o.k,
      pool: o.pool,
      starts: o.restarts,
      permutations,
      onProgress: (d) => onProgress(d, firstPhase + stabilityWork),
    }),
  );
  let stability = null;
  if (o.stabilityRuns > 0) {
    const best = support.ranked[0].ari;
    const candidates = support.search.scores.filter((s) => s.ari >= best - o.stabilityMargin - 1e-12).map((s) => s.index);
    const st = asUsageError(() =>
      searchStability(rows, reference, support.search, {
        runs: o.stabilityRuns,
        seed: o.stabilitySeed,
        amplitude: o.noise,
        candidates,
        onProgress: (d, t) => onProgress(firstPhase + Math.round((d / t) * stabilityWork), firstPhase + stabilityWork),
      }),
    );
    stability = {
      runs: o.stabilityRuns,
      noise: o.noise,
      seed: o.stabilitySeed,
      margin: Number.isFinite(o.stabilityMargin) ? o.stabilityMargin : null,
      candidates: st.candidates.length,
      base_winners: st.baseWinners,
      still_best: st.stillBest,
      share_still_best: st.stillBest / o.stabilityRuns,
      wins: st.winCounts.map((w) => ({ index: w.index, wins: w.wins })),
      by_run: st.runs.map((r) => ({ run: r.run, best_ari: r.bestAri, winners: r.winners, base_top_rank: r.baseTopRank, base_top_ari: r.baseTopAri, still_best: r.stillBest })),
    };
  }
  const out = {
    mode: "exhaustive",
    k: support.search.k,
    seed: o.seed,
    restarts: o.restarts,
    pool: support.search.pool,
    configurations: support.search.scores.length,
    distinct_partitions: support.distinctPartitions,
    provinces: rows.map((r) => r.province_zh),
    results: support.ranked.slice(0, top).map((r, i) => ({ rank: i + 1, ...scoreJson(r, reference) })),
    best: support.winners.map((r) => scoreJson(r, reference)),
    null: o.permutations > 0 ? { ...nullJson(support.best.summary, support.nullSeed), statistic: "max ARI over the configurations' partitions against a relabelling of Table 1 with its type sizes" } : null,
    five_ratio_kmeans: {
      ...scoreJson(support.fiveRatio.score, reference),
      null: o.permutations > 0 ? { ...nullJson(support.fiveRatio.summary, support.nullSeed), statistic: "its ARI against the same relabellings" } : null,
    },
    stability,
  };
  io.stdout(JSON.stringify(out) + "\n");
}

export function run(args: string[], io: Io): void {
  const { values, positionals } = parse(args, OPTIONS);
  if (values.exhaustive) {
    // check the options before reading the file, so a typo is reported whatever the file holds
    exhaustiveSettings(values, Number.MAX_SAFE_INTEGER);
    if (values.top !== undefined) integerOption("top", String(values.top), 1, Number.MAX_SAFE_INTEGER);
    runExhaustive(values, readInput("search", positionals), io);
    return;
  }
  for (const o of EXHAUSTIVE_ONLY) if (values[o] !== undefined) throw new UsageError(`--${o} needs --exhaustive`);
  const k = integerOption("k", String(values.k), 2, Number.MAX_SAFE_INTEGER);
  const restarts = integerOption("restarts", values.restarts === undefined ? "100" : String(values.restarts), 1, MAX_SEARCH_RESTARTS, "the search runs 84 k-means configurations: the bound keeps it within a few minutes");
  const seed = integerOption("seed", String(values.seed), 0, 2 ** 32 - 1);
  const top = values.top === undefined ? Infinity : integerOption("top", String(values.top), 1, Number.MAX_SAFE_INTEGER);
  const rows = readInput("search", positionals);
  if (k > rows.length) throw new UsageError(`--k ${k} is larger than the number of provinces in the file (${rows.length})`);
  const onProgress = stderrProgress("search", values.progress === true, io, featureSets().length * SCALINGS.length * METHODS.length);
  const results = asUsageError(() => searchClusterings(rows, paperTypes(rows), { seed, k, restarts, onProgress })).slice(0, top);
  const provinces = rows.map((r) => r.province_zh);
  if (values.json) {
    const out = results.map((r, i) => ({
      rank: i + 1,
      feature_set: r.featureSet.id,
      features: r.featureSet.features,
      scaling: r.scaling,
      method: r.method,
      ari: r.ari,
      ami: r.ami,
      silhouette: r.silhouette,
      labels: Object.fromEntries(provinces.map((p, j) => [p, r.labels[j]])),
    }));
    io.stdout(JSON.stringify({ k, seed, restarts, results: out }, null, 2) + "\n");
  } else {
    io.stdout(
      toCsv(
        ["rank", "feature_set", "features", "scaling", "method", "ari", "ami", "silhouette"],
        results.map((r, i) => [i + 1, r.featureSet.id, r.featureSet.features.join("+"), r.scaling, r.method, r.ari, r.ami, r.silhouette]),
      ),
    );
  }
}
