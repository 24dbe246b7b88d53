/**
 * Wall time of the single-region Leontief step for all 31 provinces: median of several runs.
 *
 *   npx tsx scripts/bench-leontief.ts [--year 2017] [--runs 15] [--dir <folder with {slug}.csv>]
 *
 * Timed separately:
 *   load        reading and parsing the 31 derived CSVs (loadSectorTable)
 *   inverse     the 31 Leontief inverses L = (I − A_d)⁻¹ alone (tables already in memory, A_d precomputed)
 *   decompose   the 31 full decompositions (netting, d, A_d, L, vL, five components, top sectors), tables in memory
 * Each run does all 31 provinces; the first run is a warm-up and not counted.
 */
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { decomposeFlows, decomposeProvince, regionFlows } from "../lib/inputOutput/decompose";
import { leontiefInverse } from "../lib/inputOutput/leontief";
import { loadSectorTable, sectorTablePath, type SectorTable } from "../lib/data/loadSectorTable";
import { PROVINCES } from "../lib/paper/provinces";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1] : fallback;
}

const year = Number(arg("year", "2017"));
const runs = Number(arg("runs", "15"));
const dir = arg("dir", "");
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${arg("runs", "")}`);

const fileOf = (slug: string) => (dir ? join(dir, `${slug}.csv`) : sectorTablePath(year, slug));
const load = (): SectorTable[] => PROVINCES.map((p) => loadSectorTable(year, p.slug, fileOf(p.slug)));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time (ms) of `f` over `runs` runs after one warm-up run. */
function time(f: () => void): { median: number; min: number; max: number } {
  f();
  const t: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return { median: median(t), min: Math.min(...t), max: Math.max(...t) };
}

const tables = load();
// A_d per province, computed once, so that "inverse" times the inversion only.
const Ads = tables.map((t) => decomposeFlows(regionFlows(t)).Ad);

const results = {
  load: time(() => void load()),
  inverse: time(() => Ads.forEach((Ad, i) => leontiefInverse(Ad, tables[i].province.zh))),
  decompose: time(() => tables.forEach((t) => decomposeProvince(t))),
};

console.log(`bench-leontief: ${year}, 31 provinces × 42 sectors, ${runs} runs after 1 warm-up, Node ${process.version}`);
for (const [name, r] of Object.entries(results))
  console.log(`  ${name.padEnd(10)} median ${r.median.toFixed(2).padStart(8)} ms   (min ${r.min.toFixed(2)}, max ${r.max.toFixed(2)}; per province ${(r.median / 31).toFixed(3)} ms)`);
