/**
 * Wall times of the notebook runtime, medians of several runs:
 *   - kernel start: starting the tslab kernel until it answers (and the whole round trip: Python, kernel, shutdown);
 *   - full reproduce (`npm run reproduce` into a temporary folder), and each notebook within it.
 *
 * Usage: tsx scripts/bench-notebooks.ts [--runs 3] [--quick] [--json FILE] [notebook.ipynb …]
 *   --quick: one run of each (--runs 1); --json: the times, for scripts/bench.ts
 * Without notebooks: notebooks/NN_*.ipynb, or the smoke fixture while there are none.
 * `benchNotebooks()` returns the numbers for scripts/bench.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { REPO, executeNotebook, writeNotebook } from "./notebook/execute";
import { notebookName } from "./notebook/ipynb";
import { defaultNotebooks, reproduce } from "./reproduce";

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("median of nothing");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Timing {
  label: string;
  /** seconds, one per run */
  runs: number[];
  median: number;
}

function timing(label: string, runs: number[]): Timing {
  return { label, runs, median: median(runs) };
}

export async function benchNotebooks(opts: { runs?: number; notebooks?: string[]; log?: (s: string) => void } = {}): Promise<Timing[]> {
  const runs = opts.runs ?? 3;
  const log = opts.log ?? ((s: string) => process.stderr.write(s));
  const notebooks = opts.notebooks?.length ? opts.notebooks : defaultNotebooks();
  const paths = notebooks.length ? notebooks : [join(REPO, "test", "fixtures", "notebooks", "smoke.ipynb")];
  if (!notebooks.length) log("bench-notebooks: no notebooks/NN_*.ipynb yet: timing the smoke fixture\n");

  const dir = mkdtempSync(join(tmpdir(), "tp-bench-"));
  try {
    const empty = join(dir, "empty.ipynb");
    writeNotebook(empty, { nbformat: 4, nbformat_minor: 5, metadata: { kernelspec: { name: "tslab" } }, cells: [] });
    const ready: number[] = [];
    const roundTrip: number[] = [];
    for (let i = 0; i < runs; i++) {
      const r = await executeNotebook(empty, join(dir, "empty.out.ipynb"), { cwd: dir, kernelStartOnly: true });
      ready.push(r.kernelStart ?? NaN);
      roundTrip.push(r.seconds);
      log(`bench-notebooks: kernel start ${i + 1}/${runs}: ${r.kernelStart?.toFixed(2)} s\n`);
    }

    const total: number[] = [];
    const per = new Map<string, number[]>();
    for (let i = 0; i < runs; i++) {
      const out = join(dir, `build-${i}`);
      const r = await reproduce({ notebooks: paths, out, log: () => undefined, manifest: notebooks.length ? undefined : join(REPO, "test", "fixtures", "notebooks", "manifest.json") });
      if (!r.ok) throw new Error(`reproduce failed during the benchmark: ${r.message}`);
      total.push(r.seconds);
      for (const run of r.runs) per.set(run.name, [...(per.get(run.name) ?? []), run.result.seconds]);
      log(`bench-notebooks: reproduce ${i + 1}/${runs}: ${r.seconds.toFixed(1)} s\n`);
      rmSync(out, { recursive: true, force: true });
    }
    return [
      timing("kernel start (until the kernel answers)", ready),
      timing("kernel round trip (python + start + shutdown)", roundTrip),
      timing(`reproduce, ${paths.length} notebook${paths.length > 1 ? "s" : ""} (whole run)`, total),
      ...paths.map((p) => timing(`  ${notebookName(p)} (fresh kernel, all cells)`, per.get(notebookName(p)) ?? [])),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatTimings(ts: readonly Timing[]): string {
  const w = Math.max(...ts.map((t) => t.label.length));
  return ts.map((t) => `${t.label.padEnd(w)}  median ${t.median.toFixed(2).padStart(7)} s   runs: ${t.runs.map((x) => x.toFixed(2)).join(", ")}`).join("\n");
}

if (require.main === module) {
  const { values, positionals } = parseArgs({ options: { runs: { type: "string", default: "3" }, quick: { type: "boolean", default: false }, json: { type: "string" } }, allowPositionals: true });
  const runs = values.quick ? 1 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error(`bench-notebooks: --runs must be a positive integer (got ${values.runs})`);
    process.exit(2);
  }
  benchNotebooks({ runs, notebooks: positionals }).then(
    (ts) => {
      console.log(formatTimings(ts));
      if (values.json) writeFileSync(values.json, JSON.stringify(ts.map((t) => ({ label: t.label.trim(), seconds: t.runs }))));
    },
    (e) => {
      console.error(`bench-notebooks: ${(e as Error).message}`);
      process.exitCode = 1;
    },
  );
}
