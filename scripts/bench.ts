/**
 * `npm run bench`: every benchmark of the project, one after the other, each in its own process so that one
 * workload's warm caches and garbage do not colour the next. Each prints medians over several runs.
 *   data        scripts/bench-data.ts      `npm run data` (the three scripts, into a temporary folder)
 *   clustering  scripts/bench-cluster.ts   k-means restarts, the feature-set search, perturbation stability
 *   leontief    scripts/bench-leontief.ts  the 31 Leontief inverses and value-added decompositions
 *   notebooks   scripts/bench-notebooks.ts kernel start, each notebook, a full reproduce
 *
 * Usage: npm run bench [-- [--quick] [--readme] [data clustering leontief notebooks]]   (default: all four)
 *   --quick   one run of each benchmark, no warm-up: a check that they run, and rough times
 *   --readme  write the medians into README.md's run-time table (between <!-- bench:start … --> and
 *             <!-- bench:end -->); test/readmeFigures.test.ts checks the table has the rows BENCH_ROWS names
 * How long it takes (MODE_MINUTES, measured on the reference machine): see the line it prints first.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../lib/core/paths";

const SUITES: Record<string, string> = {
  data: "scripts/bench-data.ts",
  clustering: "scripts/bench-cluster.ts",
  leontief: "scripts/bench-leontief.ts",
  notebooks: "scripts/bench-notebooks.ts",
};

/**
 * Wall time of each mode with all four suites, minutes, on the reference machine (2 cores shared with other work).
 * full: measured 2026-12-02, 39.6 min with a load average near 30 (three full reproductions dominate; on a quiet
 * machine one takes about 3 min); quick: the first run of each benchmark in that session adds up to about 12 min.
 */
export const MODE_MINUTES = { full: 40, quick: 12 } as const;

/** A benchmark's times as a suite reports them (--json). */
export interface BenchTimes {
  label: string;
  seconds: number[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of nothing");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A duration for the README: ms below 0.1 s, two decimals below 1 s, one decimal below 100 s, else whole seconds. */
export function formatSeconds(s: number): string {
  if (s < 0.1) return `${Math.round(s * 1000)} ms`;
  if (s < 1) return `${s.toFixed(2)} s`;
  if (s < 100) return `${s.toFixed(1)} s`;
  return `${Math.round(s)} s`;
}

/** One row of the README's run-time table: its label and how its time is written from the medians (by label). */
export interface BenchRow {
  label: string;
  time: (m: (label: string) => number) => string;
}

const NOTEBOOKS = ["00_data", "01_overall_patterns", "02_regional_patterns", "03_changing_patterns", "04_value_added_and_policy", "05_robustness"];

export const BENCH_ROWS: readonly BenchRow[] = [
  { label: "`npm run data` (94 workbooks → `data/derived/`)", time: (m) => formatSeconds(m("npm run data")) },
  {
    label: "`npm run reproduce` (all six notebooks, report, tables)",
    time: (m) =>
      `${formatSeconds(m("reproduce, 6 notebooks (whole run)"))}: kernel start ${formatSeconds(m("kernel start (until the kernel answers)"))} each; ` +
      `notebooks (with their kernel) ${NOTEBOOKS.map((n) => `${n.slice(0, 2)} ${formatSeconds(m(`${n} (fresh kernel, all cells)`))}`).join(", ")}`,
  },
  {
    label: "1,000 k-means restarts on the 31 × 5 ratios",
    time: (m) =>
      `${formatSeconds(m("k-means on the 2017 ratios, 1,000 restarts, 31×5, k=7 (ml-kmeans engine)"))} (ml-kmeans), ` +
      `${formatSeconds(m("k-means on the 2017 ratios, 1,000 restarts, 31×5, k=7 (lloyd engine)"))} (the project's Lloyd loop)`,
  },
  { label: "feature-set search, 252 configurations", time: (m) => formatSeconds(m("feature-set search on the 2017 flows vs Table 1, 252 configurations, 100 restarts")) },
  {
    label: "stability, 1,000 perturbation runs × 10 restarts",
    time: (m) =>
      `${formatSeconds(m("stability on the 2017 flows, 1,000 runs × 10 restarts, ±10 %"))} (× 100 restarts: ${formatSeconds(m("stability on the 2017 flows, 1,000 runs × 100 restarts, ±10 %"))})`,
  },
  {
    label: "exhaustive search, 4,599 configurations, 500 k-means starts each (Lloyd + Hartigan)",
    time: (m) => formatSeconds(m("exhaustive search on the 2017 flows vs Table 1, 4,599 configurations, 500 starts (Lloyd + Hartigan)")),
  },
  {
    label: "its permutation null, 1,000 relabellings, and the five-ratio null",
    time: (m) => formatSeconds(m("permutation null, 1,000 relabellings of Table 1 × the search's distinct partitions, + the five-ratio k-means")),
  },
  { label: "31 Leontief inverses / decompositions", time: (m) => `${formatSeconds(m("leontief inverse, 31 provinces"))} / ${formatSeconds(m("leontief decompose, 31 provinces"))}` },
];

/** The README block from the suites' times (seconds), one row per BENCH_ROWS entry. */
export function benchTableBlock(times: readonly BenchTimes[], meta: { quick: boolean; date: string; node: string }): string {
  const medianOf = (label: string) => {
    const t = times.find((x) => x.label === label);
    if (!t) throw new Error(`bench: no benchmark "${label}" was run (run all four suites to write the README table)`);
    return median(t.seconds);
  };
  const rows = BENCH_ROWS.map((r) => `| ${r.label} | ${r.time(medianOf)} |`);
  return [
    `<!-- bench:start (written by \`npm run bench -- --readme\`${meta.quick ? " --quick" : ""}, ${meta.date}, Node ${meta.node}; do not edit by hand) -->`,
    `| Step | Time |`,
    `|---|---|`,
    ...rows,
    `<!-- bench:end -->`,
  ].join("\n");
}

/** README.md with its bench block replaced. */
export function readmeWithBench(readme: string, block: string): string {
  const re = /<!-- bench:start[^>]*-->\n[\s\S]*?<!-- bench:end -->/;
  if (!re.test(readme)) throw new Error("README.md has no <!-- bench:start … --> … <!-- bench:end --> block");
  return readme.replace(re, block);
}

function main(): number {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const readme = args.includes("--readme");
  const named = args.filter((a) => !a.startsWith("--"));
  const chosen = named.length ? named : Object.keys(SUITES);
  for (const name of chosen) {
    if (!SUITES[name]) {
      console.error(`bench: unknown suite "${name}" (suites: ${Object.keys(SUITES).join(", ")})`);
      return 2;
    }
  }
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--quick" && a !== "--readme");
  if (unknown.length) {
    console.error(`bench: unknown option ${unknown[0]} (usage: npm run bench [-- [--quick] [--readme] [suite …]])`);
    return 2;
  }
  console.log(
    `bench: ${quick ? "quick mode, one run of each" : "full mode, medians of several runs"}; with all four suites about ` +
      `${quick ? MODE_MINUTES.quick : MODE_MINUTES.full} min on the reference machine (${quick ? `full mode: about ${MODE_MINUTES.full} min` : `--quick: about ${MODE_MINUTES.quick} min`})`,
  );
  const t0 = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "tp-bench-"));
  const times: BenchTimes[] = [];
  try {
    for (const name of chosen) {
      const script = SUITES[name];
      console.log(`\n== ${name} (${script}) ==`);
      const json = join(dir, `${name}.json`);
      const r = spawnSync(process.execPath, [join(repoRoot(), "node_modules/tsx/dist/cli.mjs"), script, ...(quick ? ["--quick"] : []), "--json", json], { cwd: repoRoot(), stdio: "inherit" });
      if (r.status !== 0) {
        console.error(`bench: ${name} failed with exit code ${r.status}`);
        return 1;
      }
      times.push(...(JSON.parse(readFileSync(json, "utf8")) as BenchTimes[]));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nbench: ${chosen.join(", ")} in ${((performance.now() - t0) / 60000).toFixed(1)} min`);
  if (readme) {
    const file = join(repoRoot(), "README.md");
    const block = benchTableBlock(times, { quick, date: new Date().toISOString().slice(0, 10), node: process.version });
    writeFileSync(file, readmeWithBench(readFileSync(file, "utf8"), block));
    console.log(`bench: wrote the medians into README.md ("Expected run time")`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main();
