/**
 * `trade-patterns search <csv>`: which features, scaling and clustering method reproduce Table 1 best?
 * Every configuration of lib/typology/search.ts (28 feature sets × 3 scalings × 3 methods = 252), each scored by
 * its adjusted Rand index (and AMI) against Table 1's types, best first.
 *
 *   --k 7  --restarts 100  --seed 1   as for `trade-patterns cluster` (--restarts at most 5000: the search runs 84
 *                                     k-means configurations, so the bound keeps it within a few minutes)
 *   --top N                           print only the N best (default: all)
 *   --progress                        progress lines on stderr from the start (without it, once a run takes 3 s)
 *   --json                            {"k", "seed", "restarts", "results": [{rank, feature_set, features, scaling,
 *                                     method, ari, ami, silhouette, labels: {"<province_zh>": <int>, …}}, …]}
 * Without --json: CSV rank,feature_set,features,scaling,method,ari,ami,silhouette (features joined with "+").
 */
import { parse, stderrProgress, UsageError, type Io } from "../support";
import { SCALINGS } from "../../cluster/scaling";
import { featureSets, paperTypes, searchClusterings } from "../../typology/search";
import { METHODS } from "../../cluster/methods";
import { toCsv } from "../../core/csv";
import { asUsageError, integerOption, readInput } from "./cluster";

const OPTIONS = {
  k: { type: "string", default: "7" },
  restarts: { type: "string", default: "100" },
  seed: { type: "string", default: "1" },
  top: { type: "string" },
  progress: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
} as const;

/** Bound of `search --restarts`: 84 k-means configurations × 5,000 starts × 0.3 ms ≈ 2 minutes. */
export const MAX_SEARCH_RESTARTS = 5_000;

export function run(args: string[], io: Io): void {
  const { values, positionals } = parse(args, OPTIONS);
  const k = integerOption("k", String(values.k), 2, Number.MAX_SAFE_INTEGER);
  const restarts = integerOption("restarts", String(values.restarts), 1, MAX_SEARCH_RESTARTS, "the search runs 84 k-means configurations: the bound keeps it within a few minutes");
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
