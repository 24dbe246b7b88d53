/**
 * Wall-time benchmark of the clustering library (lib/cluster/): median of several repetitions,
 * after one warm-up, of
 *   1. 1,000 k-means restarts (k = 7) on a seeded 31 × 5 uniform random matrix, per engine;
 *   2. the full feature-set search (252 configurations, 100 k-means restarts each) on seeded
 *      synthetic provinces;
 *   3. the perturbation stability analysis: 1,000 runs × 10 k-means restarts on 31 × 5.
 * Usage: npx tsx scripts/bench-cluster.ts [repetitions=5]
 */
import { kmeans } from "../lib/cluster/kmeans";
import { searchClusterings } from "../lib/cluster/search";
import { perturbationStability } from "../lib/cluster/stability";
import { syntheticProvinces } from "../lib/cluster/synthetic";
import { rng } from "../lib/random";

export interface BenchResult {
  name: string;
  /** median wall time, ms */
  medianMs: number;
  /** every repetition, ms */
  timesMs: number[];
}

function median(x: number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(name: string, repetitions: number, f: () => void): BenchResult {
  f(); // warm-up: JIT and module initialisation are not what we measure
  const timesMs: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const t0 = process.hrtime.bigint();
    f();
    timesMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { name, medianMs: median(timesMs), timesMs };
}

/** Run the three benchmarks. */
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
  ];
}

if (require.main === module) {
  const repetitions = Number(process.argv[2] ?? 5);
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new RangeError(`repetitions must be a positive integer, got ${process.argv[2]}`);
  console.log(`lib/cluster benchmark: median of ${repetitions} runs after one warm-up (Node ${process.version})`);
  for (const b of benchCluster(repetitions)) {
    console.log(`${b.medianMs.toFixed(1).padStart(9)} ms  ${b.name}   [${b.timesMs.map((t) => t.toFixed(0)).join(", ")}]`);
  }
}
