#!/usr/bin/env node
// The README's test command. Runs vitest once and ends with the line CI reads:
// "N passed, N failed" (vitest's own summary has a different shape). Before it, how many tests were skipped and
// why, one line per reason: the reason a test carries (test/helpers/skip.ts; e.g. the paper's text is absent),
// else the name of the skipped suite.
// Extra arguments are passed to vitest (e.g. `npm test -- test/indicators.test.ts`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const dir = mkdtempSync(join(tmpdir(), "vitest-report-"));
const report = join(dir, "report.json");
const run = spawnSync(
  process.execPath,
  ["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: "inherit" },
);
let passed = 0;
let failed = 0;
/** reason → { tests, files } */
const skipped = new Map();
try {
  const r = JSON.parse(readFileSync(report, "utf8"));
  passed = r.numPassedTests;
  for (const s of r.testResults ?? []) {
    for (const t of s.assertionResults ?? []) {
      if (t.status !== "skipped" && t.status !== "pending" && t.status !== "todo") continue;
      const reason = t.meta?.skipReason ?? (t.status === "todo" ? "todo" : `skipped: "${t.ancestorTitles?.[0] ?? t.title}"`);
      const entry = skipped.get(reason) ?? { tests: 0, files: new Set() };
      entry.tests += 1;
      entry.files.add(relative(process.cwd(), s.name));
      skipped.set(reason, entry);
    }
  }
  failed = r.numFailedTests + (r.numRuntimeErrorTestSuites ?? 0);
  // a test file that fails to load counts as a failure even though it holds no test
  for (const s of r.testResults ?? []) if (s.status === "failed" && (s.assertionResults ?? []).length === 0) failed += 1;
} catch {
  failed += 1;
  console.error("run-tests: vitest wrote no JSON report");
}
rmSync(dir, { recursive: true, force: true });
if (run.status !== 0 && failed === 0) failed = 1;
const nSkipped = [...skipped.values()].reduce((n, e) => n + e.tests, 0);
if (nSkipped > 0) {
  console.log(`\n${nSkipped} skipped:`);
  for (const [reason, e] of skipped) console.log(`  ${e.tests} in ${[...e.files].sort().join(", ")}: ${reason}`);
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 && run.status === 0 ? 0 : 1);
