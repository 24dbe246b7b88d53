/**
 * `trade-patterns stability <csv>`: how stable is the clustering of the provinces of a flow CSV (the input of
 * `trade-patterns indicators`) under random perturbation of the flows or bootstrap resampling of the provinces?
 * See lib/typology/stability.ts for the method.
 *
 *   --runs 1000           resampling runs
 *   --noise 0.1           half-width x of the uniform relative perturbation of every flow (0 ≤ x < 1; ±10 %)
 *   --resampling perturb|bootstrap   perturb the flows (default) or draw provinces with replacement
 *   --seed 20171231       master seed (0 … 2³²−1): same seed, same result, on any machine
 *   --k 7  --features <list>  --scale z|minmax|logz   as for `trade-patterns cluster` (k-means only)
 *   --restarts 100        k-means++ starts per run. Not 10: on the 2017 flows at k = 7 best-of-10 misses the
 *                         optimum in ~86 % of runs, and those misses show up as spurious instability
 *                         (lib/typology/stability.ts); 1,000 runs × 100 restarts take about 2 s
 *                         Bounds: --runs ≤ 100000, --restarts ≤ 10000, and --runs × --restarts ≤ 5,000,000 k-means
 *                         starts (about 20 µs each: a couple of minutes)
 *   --threshold 0.75      provinces with stability below it are listed as fragile
 *   --progress            progress lines on stderr from the start (without it, only once a run has taken 3 s)
 *   --json                {"provinces": [...], "coassignment": [[...]], "stability": {"<province_zh>": s},
 *                          "consensus": {"labels": [...], "ari": ARI, "ami": AMI}, "fragile": [...], "parameters": {...}}
 * Without --json: CSV province_zh,province_en,type,consensus,stability,alone_rate (consensus: cluster 0, 1, …).
 * coassignment[i][j] = share of the runs (in which both were drawn) that put provinces i and j in one cluster;
 * consensus = average linkage on 1 − coassignment, cut at k; ari/ami against Table 1's types.
 */
import { parse, stderrProgress, UsageError, type Io } from "../support";
import { adjustedMutualInfo, adjustedRandIndex } from "../../cluster/agreement";
import { RATIO_COLUMNS } from "../../paper/columns";
import { clusterStability, fragileProvinces, RESAMPLINGS, type Resampling } from "../../typology/stability";
import { paperTypes } from "../../typology/search";
import { toCsv } from "../../core/csv";
import { province } from "../../paper/provinces";
import { asUsageError, featuresOption, integerOption, readInput, scaleOption } from "./cluster";

const OPTIONS = {
  runs: { type: "string", default: "1000" },
  noise: { type: "string", default: "0.1" },
  resampling: { type: "string", default: "perturb" },
  seed: { type: "string", default: "20171231" },
  k: { type: "string", default: "7" },
  features: { type: "string", default: RATIO_COLUMNS.join(",") },
  scale: { type: "string", default: "z" },
  restarts: { type: "string", default: "100" },
  threshold: { type: "string", default: "0.75" },
  progress: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
} as const;

/** Bounds of --runs, --restarts and of their product (k-means starts of the whole run). */
export const MAX_RUNS = 100_000;
export const MAX_RESTARTS = 10_000;
export const MAX_STARTS = 5_000_000;

/** A decimal number option within [min, max) (or [min, max] with `closed`). */
function numberOption(name: string, text: string, min: number, max: number, closed = false): number {
  const s = text.trim();
  const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s) ? Number(s) : NaN;
  if (!(v >= min && (closed ? v <= max : v < max))) {
    throw new UsageError(`--${name} must be a number with ${min} ≤ ${name} ${closed ? "≤" : "<"} ${max}, got "${text}"`);
  }
  return v;
}

function resamplingOption(text: string): Resampling {
  if (!(RESAMPLINGS as readonly string[]).includes(text)) throw new UsageError(`--resampling must be one of ${RESAMPLINGS.join(", ")}, got "${text}"`);
  return text as Resampling;
}

/** Every option checked (k against the number of provinces n). */
function options(values: Record<string, string | boolean | undefined>, n: number) {
  const k = integerOption("k", String(values.k), 2, Number.MAX_SAFE_INTEGER);
  if (k > n - 1) throw new UsageError(`--k ${k} needs at least ${k + 1} provinces in the file, it has ${n}`);
  const runs = integerOption("runs", String(values.runs), 1, MAX_RUNS);
  const restarts = integerOption("restarts", String(values.restarts), 1, MAX_RESTARTS);
  if (runs * restarts > MAX_STARTS)
    throw new UsageError(
      `--runs × --restarts is ${runs * restarts} k-means starts; at most ${MAX_STARTS} are allowed (about 20 µs each: a couple of minutes): lower --runs or --restarts`,
    );
  return {
    runs,
    amplitude: numberOption("noise", String(values.noise), 0, 1),
    resampling: resamplingOption(String(values.resampling)),
    seed: integerOption("seed", String(values.seed), 0, 2 ** 32 - 1),
    k,
    features: featuresOption(String(values.features)),
    scaling: scaleOption(String(values.scale)),
    restarts,
    threshold: numberOption("threshold", String(values.threshold), 0, 1, true),
  };
}

export function run(args: string[], io: Io): void {
  const { values, positionals } = parse(args, OPTIONS);
  // check the options before reading the file, so a typo is reported whatever the file holds
  options(values, Number.MAX_SAFE_INTEGER);
  const rows = readInput("stability", positionals);
  const o = options(values, rows.length);
  const reference = paperTypes(rows);
  // progress on stderr only: stdout carries the result and must stay parseable
  const onProgress = stderrProgress("stability", values.progress === true, io, o.runs);
  const result = asUsageError(() =>
    clusterStability(rows, {
      features: o.features,
      scaling: o.scaling,
      k: o.k,
      seed: o.seed,
      resampling: o.resampling,
      runs: o.runs,
      restarts: o.restarts,
      amplitude: o.amplitude,
      onProgress,
    }),
  );
  const { provinces, stability, consensus } = result;
  const fragile = fragileProvinces(result, reference, o.threshold);
  if (values.json) {
    const out = {
      provinces,
      coassignment: result.coassignment,
      stability: Object.fromEntries(provinces.map((p, i) => [p, stability[i]])),
      consensus: { labels: consensus.labels, ari: adjustedRandIndex(reference, consensus.labels), ami: adjustedMutualInfo(reference, consensus.labels) },
      fragile: fragile.map((f) => ({ province: f.province, stability: f.stability, type: f.group, leans_to: f.leansTo })),
      parameters: {
        runs: o.runs,
        resampling: o.resampling,
        noise: o.resampling === "perturb" ? o.amplitude : null,
        seed: o.seed,
        k: o.k,
        features: o.features,
        scale: o.scaling,
        restarts: o.restarts,
        threshold: o.threshold,
      },
    };
    io.stdout(JSON.stringify(out) + "\n");
  } else {
    io.stdout(
      toCsv(
        ["province_zh", "province_en", "type", "consensus", "stability", "alone_rate"],
        provinces.map((p, i) => [p, province(p).en, reference[i], consensus.labels[i], stability[i], result.aloneRate[i]]),
      ),
    );
  }
}
