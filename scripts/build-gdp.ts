/**
 * Writes data/derived/gdp_2017.csv: the paper's 2017 GDP per province with the source of each row
 * (printed in Tables 5–6, recovered from Tables 2–6 by subtraction, or the yearbook). Part of `npm run data`.
 * Usage: tsx scripts/build-gdp.ts [--out <dir>]   (default data/derived)
 */
import { parseArgs } from "node:util";
import { writeFilesAtomically } from "../lib/core/atomicWrite";
import { toCsv } from "../lib/core/csv";
import { gdpGroupResiduals, recoverPaperGdp } from "../lib/data/gdp";
import { dataPath } from "../lib/core/paths";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const out = values.out ?? dataPath("derived");
const { estimates, checks } = recoverPaperGdp();
const bad = checks.filter((c) => !c.ok);
if (bad.length) {
  console.error(`build-gdp: ${bad.length} printed GDP totals are inconsistent beyond rounding:`);
  for (const c of bad) console.error(`  ${c.recipe}: residual ${c.residual.toFixed(2)} (±${c.tolerance.toFixed(2)})`);
  process.exit(1);
}
const csv = toCsv(
  ["province_zh", "gdp", "tolerance", "source_kind", "source"],
  estimates.map((e) => [e.province_zh, e.gdp, Math.round(e.tolerance * 1000) / 1000, e.source_kind, e.source]),
);
writeFilesAtomically(out, new Map([["gdp_2017.csv", csv]]), `--out ${out}`);
const worst = gdpGroupResiduals(estimates).reduce((a, b) => (Math.abs(b.residual) > Math.abs(a.residual) ? b : a));
console.log(
  `gdp_2017.csv: ${estimates.filter((e) => e.source_kind === "printed").length} printed, ` +
    `${estimates.filter((e) => e.source_kind === "recovered").length} recovered, ` +
    `${estimates.filter((e) => e.source_kind === "yearbook").length} yearbook; ` +
    `largest group residual ${worst.residual.toFixed(2)} 亿元 (${worst.label})`,
);
