/**
 * `trade-patterns cluster <csv>`: cluster the provinces of a flow CSV (the input of `trade-patterns indicators`:
 * province_zh,total_output,gdp,export,outflow,import,inflow) and score the partition against Table 1.
 *
 *   --k 7                 number of clusters (2 … number of provinces)
 *   --features <list>     comma-separated: trade_ratio, ftd, dtd, outflow_rate, inflow_rate, export_rate,
 *                         import_rate, outflow_gdp, inflow_gdp, total_output, gdp, export, outflow, import, inflow
 *                         (default: the five ratios)
 *   --scale z|minmax|logz z-score (population sd), min–max, or log then z-score (default z)
 *   --method kmeans|ward|average   (default kmeans)
 *   --restarts 1000       k-means++ starts, the best by within-cluster sum of squares is kept (1 … 100000: about
 *                         0.3 ms each, so the bound keeps a run near half a minute)
 *   --seed 1              master seed (0 … 2³²−1): same seed, same labels, on any machine
 *   --progress            progress lines on stderr from the start (without it, only once a run has taken 3 s)
 *   --json                {"labels": {"<province_zh>": <int>, …}, "inertia": W, "ari": ARI}
 * Without --json: CSV province_zh,label. Labels are 0, 1, … in order of first appearance in the file.
 * inertia = within-cluster sum of squares in the scaled feature space; ari = adjusted Rand index against Table 1.
 */
import { parse, stderrProgress, UsageError, type Io } from "../support";
import { adjustedRandIndex } from "../../cluster/agreement";
import { FEATURE_NAMES, isFeatureName } from "../../typology/features";
import { clusterProvinces, DEFAULT_CLUSTER_OPTIONS, type ClusterOptions } from "../../typology/pipeline";
import { SCALINGS, type Scaling } from "../../cluster/scaling";
import { paperTypes } from "../../typology/search";
import { METHODS, type Method } from "../../cluster/methods";
import { toCsv } from "../../core/csv";
import { readProvinceFlows, type ProvinceFlows } from "../../data/provinceFlows";
import { existsSync, statSync } from "node:fs";

/** An integer option: digits only (optional sign), within [min, max]; `why` explains the bound in the message. */
export function integerOption(name: string, text: string, min: number, max: number, why = ""): number {
  if (!/^[+-]?\d+$/.test(text.trim())) throw new UsageError(`--${name} must be an integer, got "${text}"`);
  const v = Number(text);
  if (!Number.isSafeInteger(v) || v < min || v > max) throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got ${text}${why ? ` (${why})` : ""}`);
  return v;
}

/** Bound of `cluster --restarts`: 100,000 k-means starts take about half a minute on 31 provinces. */
export const MAX_CLUSTER_RESTARTS = 100_000;

/** A comma-separated feature list, every name checked. */
export function featuresOption(text: string): string[] {
  const names = text.split(",").map((s) => s.trim());
  if (names.some((n) => n === "")) throw new UsageError(`--features: empty name in "${text}" (comma-separated, e.g. ftd,dtd)`);
  for (const n of names) if (!isFeatureName(n)) throw new UsageError(`--features: unknown feature "${n}" (valid: ${FEATURE_NAMES.join(", ")})`);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new UsageError(`--features: "${dup}" is listed twice`);
  return names;
}

export function scaleOption(text: string): Scaling {
  if (!(SCALINGS as readonly string[]).includes(text)) throw new UsageError(`--scale must be one of ${SCALINGS.join(", ")}, got "${text}"`);
  return text as Scaling;
}

export function methodOption(text: string): Method {
  if (!(METHODS as readonly string[]).includes(text)) throw new UsageError(`--method must be one of ${METHODS.join(", ")}, got "${text}"`);
  return text as Method;
}

/** The one CSV argument, read and validated (InputErrors name file, row and column). */
export function readInput(command: string, positionals: string[]): ProvinceFlows[] {
  if (positionals.length !== 1) throw new UsageError(`${command} takes one CSV file: trade-patterns ${command} <csv> [options]`);
  const file = positionals[0];
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory, not a CSV file`);
  return readProvinceFlows(file);
}

/** Library errors about the user's input (a feature that cannot be computed, too few distinct rows) as usage errors. */
export function asUsageError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError || e instanceof TypeError) throw new UsageError(e.message.split("\n")[0]);
    throw e;
  }
}

const SEED_MAX = 2 ** 32 - 1;

export const CLUSTER_OPTIONS = {
  k: { type: "string", default: String(DEFAULT_CLUSTER_OPTIONS.k) },
  features: { type: "string", default: DEFAULT_CLUSTER_OPTIONS.features.join(",") },
  scale: { type: "string", default: DEFAULT_CLUSTER_OPTIONS.scaling },
  method: { type: "string", default: DEFAULT_CLUSTER_OPTIONS.method },
  restarts: { type: "string", default: String(DEFAULT_CLUSTER_OPTIONS.restarts) },
  seed: { type: "string", default: String(DEFAULT_CLUSTER_OPTIONS.seed) },
  progress: { type: "boolean", default: false },
  json: { type: "boolean", default: false },
} as const;

/** Parse and check the options; k is checked against the number of provinces read. */
export function clusterOptions(values: Record<string, string | boolean | undefined>, n: number): ClusterOptions {
  const k = integerOption("k", String(values.k), 2, Number.MAX_SAFE_INTEGER);
  if (k > n) throw new UsageError(`--k ${k} is larger than the number of provinces in the file (${n})`);
  return {
    k,
    features: featuresOption(String(values.features)),
    scaling: scaleOption(String(values.scale)),
    method: methodOption(String(values.method)),
    restarts: integerOption("restarts", String(values.restarts), 1, MAX_CLUSTER_RESTARTS, "about 0.3 ms each: the bound keeps a run near half a minute"),
    seed: integerOption("seed", String(values.seed), 0, SEED_MAX),
  };
}

export function run(args: string[], io: Io): void {
  const { values, positionals } = parse(args, CLUSTER_OPTIONS);
  // check the options before reading the file, so a typo is reported whatever the file holds
  clusterOptions(values, Number.MAX_SAFE_INTEGER);
  const rows = readInput("cluster", positionals);
  const options = clusterOptions(values, rows.length);
  const onProgress = stderrProgress("cluster", values.progress === true, io, options.method === "kmeans" ? options.restarts : 1);
  const result = asUsageError(() => clusterProvinces(rows, { ...options, onProgress }));
  const ari = adjustedRandIndex(paperTypes(rows), result.labels);
  if (values.json) {
    const labels = Object.fromEntries(result.provinces.map((p, i) => [p, result.labels[i]]));
    io.stdout(JSON.stringify({ labels, inertia: result.inertia, ari }, null, 2) + "\n");
  } else {
    io.stdout(toCsv(["province_zh", "label"], result.provinces.map((p, i) => [p, result.labels[i]])));
  }
}
