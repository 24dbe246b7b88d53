/**
 * How many k-means++ starts does each configuration of the exhaustive search (lib/typology/exhaustive.ts) need to reach
 * its lowest within-cluster sum of squares reliably? For every k-means configuration (pool subset × scaling) on the
 * 2017 flows, lib/cluster/restarts.ts `startsNeeded`: N₉₉ = the number of starts after which best-of-N has reached
 * the configuration's lowest W for ≥ 99 % of `--seeds` seeds, and p, the share of single starts that reach it.
 * Prints the distribution of N₉₉ over configurations and the hardest ones; writes one row per configuration to
 * `--out` (default build/measure-starts.csv). Its findings are quoted in lib/typology/exhaustive.ts and the README.
 *
 * Usage: npx tsx scripts/measure-starts.ts [--k 7] [--pool indicators|raw] [--seeds 200] [--max-starts 20000]
 *                                          [--reference-starts 20000] [--refine hartigan|none] [--edition paper] [--out FILE]
 * --refine none measures plain Lloyd (lib/cluster/lloyd.ts without the Hartigan polish), to see why the search polishes.
 * Takes about 10 minutes on one core with the defaults.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { configurations, FEATURE_POOLS, type PoolName } from "../lib/typology/exhaustive";
import { featureMatrix } from "../lib/typology/features";
import { toFloat64 } from "../lib/cluster/kmeans";
import { startsNeeded } from "../lib/cluster/restarts";
import { scale } from "../lib/cluster/scaling";
import { toCsv } from "../lib/core/csv";
import { assertEdition, provinceFlows2017 } from "../lib/data/editions";
import { repoRoot } from "../lib/core/paths";
import { progressReporter } from "../lib/core/progress";

const { values } = parseArgs({
  options: {
    k: { type: "string", default: "7" },
    pool: { type: "string", default: "indicators" },
    seeds: { type: "string", default: "200" },
    "max-starts": { type: "string", default: "20000" },
    "reference-starts": { type: "string", default: "20000" },
    edition: { type: "string", default: "paper" },
    seed: { type: "string", default: "1" },
    refine: { type: "string", default: "hartigan" },
    out: { type: "string", default: join(repoRoot(), "build", "measure-starts.csv") },
  },
});
const k = Number(values.k);
const seeds = Number(values.seeds);
const maxStarts = Number(values["max-starts"]);
const referenceStarts = Number(values["reference-starts"]);
const seed = Number(values.seed);
if (values.refine !== "hartigan" && values.refine !== "none") throw new RangeError(`--refine must be hartigan or none`);
const refine = values.refine === "hartigan";
if (!(values.pool! in FEATURE_POOLS)) throw new RangeError(`--pool must be one of ${Object.keys(FEATURE_POOLS).join(", ")}`);
const pool = FEATURE_POOLS[values.pool as PoolName];
const rows = provinceFlows2017(assertEdition(String(values.edition)));
const n = rows.length;
const configs = configurations(pool, undefined, ["kmeans"]);
const { X: full } = featureMatrix(rows, pool);
const progress = progressReporter("measure-starts", (l) => process.stderr.write(l + "\n"), { interval: 10, total: configs.length });
const t0 = performance.now();
const out = configs.map((c, i) => {
  const cols = c.features.map((f) => pool.indexOf(f));
  const Z = scale(full.map((r) => cols.map((j) => r[j])), c.scaling);
  const m = startsNeeded(toFloat64(Z), n, c.features.length, k, { seed, seeds, maxStarts, referenceStarts, refine });
  progress(i + 1, configs.length);
  return { c, m };
});
const seconds = (performance.now() - t0) / 1000;

mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(
  values.out!,
  toCsv(
    ["features", "scaling", "best_inertia", "hit_rate", "n99", "max_first_hit", "seeds_missing"],
    out.map(({ c, m }) => [
      c.features.join("+"),
      c.scaling,
      m.bestInertia,
      m.hitRate,
      m.needed === null ? `>${maxStarts}` : m.needed,
      m.firstHit.some((h) => h === null) ? `>${maxStarts}` : Math.max(...m.firstHit.map((h) => h!)),
      m.firstHit.filter((h) => h === null).length,
    ]),
  ),
);

const n99 = out.map(({ m }) => m.needed ?? Infinity).sort((a, b) => a - b);
const q = (f: number) => n99[Math.min(n99.length - 1, Math.ceil(f * n99.length) - 1)];
console.log(`${configs.length} k-means configurations (pool ${values.pool}, k = ${k}, ${refine ? "Lloyd + Hartigan" : "Lloyd only"}, ${seeds} seeds, best W from ${referenceStarts} starts + the seeds'), ${seconds.toFixed(0)} s`);
console.log(`N99 (starts after which ≥ 99 % of seeds reach the lowest W): median ${q(0.5)}, 90 % ${q(0.9)}, 99 % ${q(0.99)}, max ${n99[n99.length - 1]}`);
for (const limit of [10, 30, 100, 300, 1000]) console.log(`  configurations with N99 ≤ ${limit}: ${n99.filter((v) => v <= limit).length}`);
console.log("hardest 12 (features · scaling: N99, p = share of single starts reaching the lowest W):");
for (const { c, m } of [...out].sort((a, b) => (b.m.needed ?? Infinity) - (a.m.needed ?? Infinity) || a.m.hitRate - b.m.hitRate).slice(0, 12)) {
  console.log(`  ${c.features.join("+")} · ${c.scaling}: N99 ${m.needed ?? `> ${maxStarts}`}, p = ${m.hitRate.toFixed(4)}`);
}
console.log(`wrote ${values.out}`);
