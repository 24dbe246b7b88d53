/**
 * Writes data/examples/provinces_2017.csv: the input of `trade-patterns indicators | cluster | search | stability`
 * for the paper's own data, i.e. the 31 provinces' 2017 flows in the paper edition (printed total rows of the
 * provincial tables, data/derived/province_flows.csv, and the paper's GDP, data/derived/gdp_2017.csv;亿元).
 * The README's command-line examples use it. Part of `npm run data`.
 * Usage: tsx scripts/build-examples.ts [--out <dir>]   (default data/examples)
 */
import { parseArgs } from "node:util";
import { writeFilesAtomically } from "../lib/core/atomicWrite";
import { toCsv } from "../lib/core/csv";
import { provinceFlows2017 } from "../lib/data/editions";
import { dataPath } from "../lib/core/paths";
import { REQUIRED_COLUMNS } from "../lib/data/provinceFlows";
import { province } from "../lib/paper/provinces";

export const EXAMPLE_FILE = "provinces_2017.csv";

/** The example input: province_zh, province_en (ignored by the commands, for readers), then the flow columns. */
export function exampleCsv(): string {
  const [, ...flows] = REQUIRED_COLUMNS;
  const rows = provinceFlows2017("paper").map((p) => [p.province_zh, province(p.province_zh).en, ...flows.map((c) => p[c])]);
  return toCsv(["province_zh", "province_en", ...flows], rows, EXAMPLE_FILE);
}

if (require.main === module) {
  const { values } = parseArgs({ options: { out: { type: "string" } } });
  const out = values.out ?? dataPath("examples");
  writeFilesAtomically(out, new Map([[EXAMPLE_FILE, exampleCsv()]]), `--out ${out}`);
  console.log(`${EXAMPLE_FILE}: 31 provinces, 2017, paper edition → ${out}`);
}
