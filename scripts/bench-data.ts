/**
 * Wall time of `npm run data`: the three scripts it runs (scripts/build-data.ts, build-gdp.ts, build-examples.ts),
 * each as its own process as npm runs them, writing into a temporary folder (data/ is not touched).
 * Usage: tsx scripts/bench-data.ts [--runs 3] [--quick] [--json FILE]   (--quick: one run)
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { repoRoot } from "../lib/core/paths";

const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, quick: { type: "boolean", default: false }, json: { type: "string" } } });
const runs = values.quick ? 1 : Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`bench-data: --runs must be a positive integer (got ${values.runs})`);
  process.exit(2);
}
const tsx = join(repoRoot(), "node_modules", "tsx", "dist", "cli.mjs");
const seconds: number[] = [];
for (let i = 0; i < runs; i++) {
  const out = mkdtempSync(join(tmpdir(), "tp-bench-data-"));
  try {
    const t0 = performance.now();
    for (const script of ["build-data.ts", "build-gdp.ts", "build-examples.ts"]) {
      const r = spawnSync(process.execPath, [tsx, join(repoRoot(), "scripts", script), "--out", out], { cwd: repoRoot(), encoding: "utf8" });
      if (r.status !== 0) throw new Error(`${script} failed (exit ${r.status}): ${r.stderr.trim()}`);
    }
    seconds.push((performance.now() - t0) / 1000);
    console.log(`bench-data: npm run data ${i + 1}/${runs}: ${seconds[i].toFixed(1)} s`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
if (values.json) writeFileSync(values.json, JSON.stringify([{ label: "npm run data", seconds }]));
