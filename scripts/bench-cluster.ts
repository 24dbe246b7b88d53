/**
 * Wall-time benchmark of the clustering library (lib/cluster/): median of several repetitions,
 * after one warm-up, of
 *   1. 1,000 k-means restarts (k = 7) on a seeded 31 × 5 uniform random matrix, per engine;
 *   2. the full feature-set search (252 configurations, 100 k-means restarts each) on seeded
 *      synthetic provinces;
 *   3. the perturbation stability analysis: 1,000 runs × 10 k-means restarts on 31 × 5;
 *   4. the same on the real 2017 flows (paper edition, five ratios, z-scores, k = 7), with 10 restarts per
 *      run (the issue's target: a few seconds on one core), with 100 (notebook 05's default), and bootstrap;
 *   5. the sensitivity sweep of notebook 05 on the real flows: 5 feature sets × 3 scalings × 3 methods × k = 2…10
 *      (405 cells, k-means best of 1,000);
 *   6. notebook 01 on the real flows: 1,000 k-means restarts on the 31 × 5 ratios (z-scores, k = 7, both engines),
 *      and the full feature-set search (252 configurations, 100 k-means restarts each) against Table 1;
 *   7. the exhaustive search on the real flows (every subset of the nine indicators × 3 scalings × 3 methods = 4,599
 *      configurations, k-means Lloyd + Hartigan best of 500; target < 30 s on one core; 3 repetitions, no warm-up: one
 *      run is long enough to warm itself) and its permutation null (1,000 relabellings of Table 1 against the search's
 *      distinct partitions, and against the five-ratio k-means; target < 30 s).
 * Usage: npx tsx scripts/bench-cluster.ts [repetitions=5] [--quick] [--json FILE]
 *   --quick: one run of each, no warm-up (what `npm run bench -- --quick` uses); --json: the times, for scripts/bench.ts
 */
import { writeFileSync } from "node:fs";
import { distinctPartitions, exhaustiveSearch } from "../lib/typology/exhaustive";
import { kmeans } from "../lib/cluster/kmeans";
import { bestAriNull } from "../lib/cluster/permutationNull";
import { FIVE_RATIO_KMEANS } from "../lib/typology/typologySupport";
import { searchClusterings } from "../lib/typology/search";
import { paperTypes } from "../lib/typology/search";
import { clusterProvinces, DEFAULT_CLUSTER_OPTIONS } from "../lib/typology/pipeline";
import { sensitivitySweep } from "../lib/typology/sensitivity";
import { bootstrapStability, perturbationStability } from "../lib/typology/stability";
import { provinceFlows2017 } from "../lib/data/editions";
import { syntheticProvinces } from "../lib/typology/synthetic";
import { rng } from "../lib/core/random";

export interface BenchResult {
  name: string;
  /** median wall time, ms */
  medianMs: number;
  /** every repetition, ms */
  timesMs: number[];
  /** median CPU time (user + system) of this process, ms: close to wall time on an idle machine, and still
   * meaningful on a busy one, where wall time includes waiting for a core */
  cpuMedianMs: number;
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Quick mode: no warm-up run (one timed run of each benchmark). */
let warmUpAll = true;

/** Median of `repetitions` timed runs, after one warm-up unless quick mode or `warmUp` (a run long enough to warm itself) says not. */
function time(name: string, repetitions: number, f: () => void, warmUp = true): BenchResult {
  if (warmUp && warmUpAll) f(); // warm-up: JIT and module initialisation are not what we measure
  const timesMs: number[] = [];
  const cpuMs: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    f();
    timesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1e3);
  }
  return { name, medianMs: median(timesMs), timesMs, cpuMedianMs: median(cpuMs) };
}

/** Run the benchmarks. */
export function benchCluster(repetitions = 5): BenchResult[] {
  const r = rng(20170101);
  const X = Array.from({ length: 31 }, () => Array.from({ length: 5 }, () => r()));
  const { rows, types } = syntheticProvinces(2017, 0.25);
  const ratios = ["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"];
  return [
    time("k-means, 1,000 restarts, 31×5, k=7 (ml-kmeans engine)", repetitions, () => void kmeans(X, 7, { seed: 1, restarts: 1000 })),
    time("k-means, 1,000 restarts, 31×5, k=7 (lloyd engine)", repetitions, () => void kmeans(X, 7, { seed: 1, restarts: 1000, engine: "lloyd" })),
    time("feature-set search, 252 configurations, k=7, 100 restarts", repetitions, () => void searchClusterings(rows, types, { seed: 1 })),
    time("stability, 1,000 runs × 10 restarts, 31×5, k=7", repetitions, () =>
      void perturbationStability(rows, { features: ratios, scaling: "logz", k: 7, seed: 1, runs: 1000, restarts: 10 }),
    ),
    ...realDataBenchmarks(repetitions),
    ...typologyBenchmarks(repetitions),
    ...exhaustiveBenchmarks(Math.min(repetitions, 3)),
  ];
}

/** Notebook 01's loops on the 2017 flows (paper edition): k-means on the five ratios and the search against Table 1. */
export function typologyBenchmarks(repetitions: number): BenchResult[] {
  const flows = provinceFlows2017("paper");
  const Z = clusterProvinces(flows, { ...DEFAULT_CLUSTER_OPTIONS, restarts: 1 }).Z;
  const reference = paperTypes(flows);
  return [
    time("k-means on the 2017 ratios, 1,000 restarts, 31×5, k=7 (ml-kmeans engine)", repetitions, () => void kmeans(Z, 7, { seed: 1, restarts: 1000 })),
    time("k-means on the 2017 ratios, 1,000 restarts, 31×5, k=7 (lloyd engine)", repetitions, () => void kmeans(Z, 7, { seed: 1, restarts: 1000, engine: "lloyd" })),
    time("feature-set search on the 2017 flows vs Table 1, 252 configurations, 100 restarts", repetitions, () => void searchClusterings(flows, reference, { seed: 1 })),
  ];
}

/** The exhaustive search of notebook 01 and `search --exhaustive` on the 2017 flows, and its permutation null. */
export function exhaustiveBenchmarks(repetitions: number): BenchResult[] {
  const flows = provinceFlows2017("paper");
  const reference = paperTypes(flows);
  let search = exhaustiveSearch(flows, reference, { seed: 1, starts: 1, methods: ["kmeans"], pool: ["ftd"] });
  const searchTime = time("exhaustive search on the 2017 flows vs Table 1, 4,599 configurations, 500 starts (Lloyd + Hartigan)", repetitions, () => {
    search = exhaustiveSearch(flows, reference, { seed: 1 });
  }, false);
  const partitions = distinctPartitions(search.scores);
  const five = search.scores.find((s) => s.scaling === FIVE_RATIO_KMEANS.scaling && s.method === "kmeans" && s.features.join() === FIVE_RATIO_KMEANS.features.join())!;
  const nullTime = time("permutation null, 1,000 relabellings of Table 1 × the search's distinct partitions, + the five-ratio k-means", repetitions, () => {
    bestAriNull(reference, partitions, { permutations: 1000, seed: 1 });
    bestAriNull(reference, [five.labels], { permutations: 1000, seed: 1 });
  });
  return [searchTime, nullTime];
}

/** Notebook 05's loops on the 2017 flows (paper edition). */
function realDataBenchmarks(repetitions: number): BenchResult[] {
  const flows = provinceFlows2017("paper");
  const reference = paperTypes(flows);
  const ratios = ["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"];
  const base = { features: ratios, scaling: "z" as const, k: 7, seed: 20171231, runs: 1000, amplitude: 0.1, reference };
  return [
    time("stability on the 2017 flows, 1,000 runs × 10 restarts, ±10 %", repetitions, () => void perturbationStability(flows, { ...base, restarts: 10 })),
    time("stability on the 2017 flows, 1,000 runs × 100 restarts, ±10 %", repetitions, () => void perturbationStability(flows, { ...base, restarts: 100 })),
    time("bootstrap stability on the 2017 flows, 1,000 runs × 100 restarts", repetitions, () => void bootstrapStability(flows, { ...base, restarts: 100 })),
    time("sensitivity sweep on the 2017 flows, 405 cells, k-means best of 1,000", repetitions, () => void sensitivitySweep(flows, reference, { seed: 20171231 })),
  ];
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const jsonAt = args.indexOf("--json");
  const json = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
  const positional = args.filter((a, i) => !a.startsWith("--") && i !== jsonAt + 1);
  const repetitions = quick ? 1 : Number(positional[0] ?? 5);
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new RangeError(`repetitions must be a positive integer, got ${positional[0]}`);
  warmUpAll = !quick;
  console.log(`lib/cluster benchmark: median of ${repetitions} run${repetitions > 1 ? "s" : ""}${warmUpAll ? " after one warm-up" : ", no warm-up"} (Node ${process.version})`);
  const results = benchCluster(repetitions);
  for (const b of results) {
    console.log(`${b.medianMs.toFixed(1).padStart(9)} ms (CPU ${b.cpuMedianMs.toFixed(0).padStart(5)} ms)  ${b.name}   [${b.timesMs.map((t) => t.toFixed(0)).join(", ")}]`);
  }
  if (json) writeFileSync(json, JSON.stringify(results.map((b) => ({ label: b.name, seconds: b.timesMs.map((t) => t / 1000) }))));
}
