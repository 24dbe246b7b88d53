/**
 * `npm run bench`: every benchmark of the project, one after the other, each in its own process so that one
 * workload's warm caches and garbage do not colour the next. Each prints medians over several runs.
 *   clustering  scripts/bench-cluster.ts   k-means restarts, the feature-set search, perturbation stability
 *   leontief    scripts/bench-leontief.ts  the 31 Leontief inverses and value-added decompositions
 *   notebooks   scripts/bench-notebooks.ts kernel start, each notebook, a full reproduce
 * Usage: npm run bench [-- clustering leontief notebooks]   (default: all three)
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "../lib/core/paths";

const SUITES: Record<string, string> = {
  clustering: "scripts/bench-cluster.ts",
  leontief: "scripts/bench-leontief.ts",
  notebooks: "scripts/bench-notebooks.ts",
};

const chosen = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SUITES);
for (const name of chosen) {
  const script = SUITES[name];
  if (!script) {
    console.error(`bench: unknown suite "${name}" (suites: ${Object.keys(SUITES).join(", ")})`);
    process.exit(2);
  }
  console.log(`\n== ${name} (${script}) ==`);
  const r = spawnSync(process.execPath, [join(repoRoot(), "node_modules/tsx/dist/cli.mjs"), script], { cwd: repoRoot(), stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`bench: ${name} failed with exit code ${r.status}`);
    process.exit(1);
  }
}
