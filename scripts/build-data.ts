/**
 * The data pipeline (`npm run data`): raw provincial input-output workbooks → tidy CSVs in data/derived/.
 *
 *   npx tsx scripts/build-data.ts [--out <dir>] [--raw <dir>]   (defaults data/derived, data/raw/io-tables)
 *
 * Reads data/raw/io-tables/{2007,2012,2017}/*.xls (first sheet; see lib/data/ioTable.ts), and writes
 *   province_flows.csv, national_flows.csv     flows per table on two bases (lib/data/tableFlows.ts), 亿元
 *   io-tables/{2012,2017}/<slug>.csv, china.csv the full tables, 万元, documented corrections applied (lib/data/corrections.ts)
 *   io-tables/sectors.csv                      sector names per year and the 2012→2017 correspondence
 *   total_row_differences.csv                  printed totals ≠ Σ sectors (lib/data/anomalies.ts)
 *   anomalies.csv                              everything the rules of lib/data/anomalies.ts find
 * Everything is built in memory first; only then are files written, all or nothing (lib/core/atomicWrite.ts), so a
 * failure leaves the previous outputs untouched. Numbers are formatted deterministically (byte-stable output):
 * workbook values exactly (`exact`), derived 亿元 figures rounded to 6 decimals (`fixed6`).
 */
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { OutputPathError, writeFilesAtomically } from "../lib/core/atomicWrite";
import { detectAnomalies, totalRowDifferences, type Anomaly } from "../lib/data/anomalies";
import { applyCorrections } from "../lib/data/corrections";
import { NATIONAL_ZH, SECTOR_CODES, readIoWorkbook, type IoTable } from "../lib/data/ioTable";
import { printable } from "../lib/core/printable";
import { PROVINCES, isProvince } from "../lib/paper/provinces";
import { sectors2017For2012 } from "../lib/data/sectorConcordance";
import { BASES, FLOW_FIELDS, tableFlows } from "../lib/data/tableFlows";

const ROOT = resolve(__dirname, "..");
const RAW = join(ROOT, "data/raw/io-tables");
const OUT = join(ROOT, "data/derived");
const YEARS = [2007, 2012, 2017] as const;
/** Years for which the full tables are written to io-tables/. */
const FULL_TABLE_YEARS = [2012, 2017] as const;
/** What SOURCE.md says is absent: 2007 has no Tibet table, and there is no 2017 national workbook. */
const EXPECTED_MISSING: Record<number, string[]> = { 2007: ["西藏"], 2012: [], 2017: [] };
const NATIONAL_EN = "China (national)";

// ---------- formatting ----------

/**
 * A derived 亿元 figure rounded to 6 decimals (0.000001 亿元 = 100 元), the stated precision of every derived flow:
 * it drops the floating-point noise of summing 万元 cells (11795.440696999998 → 11795.440697, −8.9e-12 → 0), far
 * below the 0.1 亿元 the paper prints. −0 becomes 0.
 */
export function round6(x: number): number {
  if (!Number.isFinite(x)) throw new RangeError(`refusing to write a non-finite number (${x})`);
  const v = Math.abs(x) >= 1e21 ? x : Number(x.toFixed(6));
  return v === 0 ? 0 : v;
}

/**
 * round6(x) as written: fixed-point, trailing zeros stripped, never an exponent. It reads back as exactly the
 * rounded value: Number(fixed6(x)) === round6(x) (test/dataPipeline.test.ts checks it over random doubles). For
 * |x| ≥ 1e21, where toFixed switches to exponent notation (whose zeros the stripping used to eat: 1e30 → "1e+3"),
 * the digits of the integer x are written out.
 */
export function fixed6(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`refusing to write a non-finite number (${x})`);
  if (Math.abs(x) >= 1e21) return exact(x);
  const s = x.toFixed(6).replace(/\.?0+$/, "");
  return s === "-0" ? "0" : s;
}

/** The shortest decimal that reads back as exactly this double, never in exponent notation: workbook values as stored. */
export function exact(x: number): string {
  if (!Number.isFinite(x)) throw new RangeError(`refusing to write a non-finite number (${x})`);
  if (x === 0) return "0";
  const s = String(x);
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, lead, frac = "", e] = m;
  const exp = Number(e);
  const digits = lead + frac;
  return exp < 0 ? `${sign}0.${"0".repeat(-exp - 1)}${digits}` : `${sign}${digits.padEnd(exp + 1, "0")}`;
}

const opt = (x: number | null, f: (v: number) => string) => (x === null ? "" : f(x));

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function csv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

// ---------- reading ----------

function readYear(raw: string, year: number): { provinces: Map<string, IoTable>; national: IoTable | null } {
  const dir = join(raw, String(year));
  const files = readdirSync(dir).filter((f) => /\.xlsx?$/i.test(f)).sort();
  const provinces = new Map<string, IoTable>();
  let national: IoTable | null = null;
  for (const f of files) {
    const t = readIoWorkbook(join(dir, f));
    if (t.year !== year) throw new Error(`${join(dir, f)}: table says year ${t.year}, folder says ${year}`);
    if (t.province_zh === NATIONAL_ZH) {
      if (national) throw new Error(`${dir}: two national workbooks (${national.file}, ${t.file})`);
      national = t;
    } else {
      if (!isProvince(t.province_zh)) throw new Error(`${t.file}: "${t.province_zh}" is not a province of lib/paper/provinces.ts`);
      if (provinces.has(t.province_zh)) throw new Error(`${dir}: two workbooks for ${t.province_zh}`);
      provinces.set(t.province_zh, t);
    }
  }
  const missing = PROVINCES.map((p) => p.zh).filter((zh) => !provinces.has(zh));
  if (missing.join() !== EXPECTED_MISSING[year].join())
    throw new Error(`${dir}: provinces missing: ${missing.join("、") || "none"}; expected missing: ${EXPECTED_MISSING[year].join("、") || "none"}`);
  return { provinces, national };
}

// ---------- building ----------

const FLOW_HEADER = ["year", "province_zh", "province_en", "basis", ...FLOW_FIELDS];

function flowRows(t: IoTable, en: string): string[][] {
  return BASES.map((basis) => {
    const f = tableFlows(t, basis);
    return [String(t.year), t.province_zh, en, basis, ...FLOW_FIELDS.map((k) => opt(f[k], fixed6))];
  });
}

/** The full table as CSV: code, then one column per column code; blank workbook cells stay empty. */
function fullTableCsv(t: IoTable): string {
  const blank = new Set(t.blankCells.map((b) => `${b.row}\t${b.col}`));
  return csv(
    ["code", ...t.colCodes],
    t.rowCodes.map((r, i) => [r, ...t.colCodes.map((c, j) => (blank.has(`${r}\t${c}`) ? "" : exact(t.values[i][j])))]),
  );
}

/** Sector names of a year, checked to be the same in every table of that year. */
function sectorNames(tables: IoTable[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const t of tables)
    for (const code of SECTOR_CODES) {
      const name = t.rowNames[t.rowCodes.indexOf(code)];
      const seen = names.get(code);
      if (seen === undefined) names.set(code, name);
      else if (seen !== name)
        throw new Error(`${t.file}: sector ${code} is named "${name}", other ${t.year} tables call it "${seen}"; the sector lists differ`);
    }
  return names;
}

export interface BuildResult {
  files: Map<string, string>;
  anomalies: Anomaly[];
}

/** Build every output in memory from the workbooks under `raw`. Throws (writing nothing) on any bad input. */
export function build(raw: string = RAW, log: (s: string) => void = () => {}): BuildResult {
  const files = new Map<string, string>();
  const provinceRows: string[][] = [];
  const nationalRows: string[][] = [];
  const sectorRows: string[][] = [];
  const differenceRows: string[][] = [];
  const anomalies: Anomaly[] = [];

  for (const year of YEARS) {
    const t0 = Date.now();
    const { provinces, national } = readYear(raw, year);
    // Fixed order: national first, then provinces by adcode.
    const ordered = [...(national ? [national] : []), ...PROVINCES.filter((p) => provinces.has(p.zh)).map((p) => provinces.get(p.zh)!)];

    for (const p of PROVINCES) if (provinces.has(p.zh)) provinceRows.push(...flowRows(provinces.get(p.zh)!, p.en));
    if (national) nationalRows.push(...flowRows(national, NATIONAL_EN));

    const found = ordered.flatMap(detectAnomalies);
    anomalies.push(...found);
    for (const t of ordered)
      for (const d of totalRowDifferences(t))
        differenceRows.push([String(d.year), d.province_zh, d.row, d.column, fixed6(d.printed_total), fixed6(d.sector_sum), fixed6(d.difference)]);

    const names = sectorNames(ordered);
    for (const code of SECTOR_CODES)
      sectorRows.push([String(year), code, names.get(code)!, year === 2017 ? code : year === 2012 ? sectors2017For2012(code).join(";") : ""]);

    if ((FULL_TABLE_YEARS as readonly number[]).includes(year)) {
      if (national) files.set(`io-tables/${year}/china.csv`, fullTableCsv(applyCorrections(national)));
      for (const p of PROVINCES) if (provinces.has(p.zh)) files.set(`io-tables/${year}/${p.slug}.csv`, fullTableCsv(applyCorrections(provinces.get(p.zh)!)));
    }
    const blanks = ordered.reduce((n, t) => n + t.blankCells.length, 0);
    log(
      `${year}: ${provinces.size} provincial workbooks${national ? " + national" : ", no national workbook"} read in ${((Date.now() - t0) / 1000).toFixed(1)} s; ` +
        `${blanks} blank cells read as 0 (${found.filter((a) => a.kind === "blank_cell").length} outside the value-added × final-use block); ${found.length} anomalies`,
    );
  }

  files.set("province_flows.csv", csv(FLOW_HEADER, provinceRows));
  files.set("national_flows.csv", csv(FLOW_HEADER, nationalRows));
  files.set("io-tables/sectors.csv", csv(["year", "code", "name_zh", "code_2017"], sectorRows));
  files.set("total_row_differences.csv", csv(["year", "province_zh", "row", "column", "printed_total", "sector_sum", "difference"], differenceRows));
  files.set(
    "anomalies.csv",
    csv(
      ["year", "province_zh", "kind", "column", "value", "reference", "detail_zh", "detail_en"],
      anomalies.map((a) => [
        String(a.year),
        a.province_zh,
        a.kind,
        a.column,
        opt(a.value, fixed6),
        opt(a.reference, fixed6),
        a.detail_zh,
        a.detail_en,
      ]),
    ),
  );
  return { files, anomalies };
}

/**
 * Write every file all or nothing (lib/core/atomicWrite.ts): each into a temporary folder inside its own directory,
 * renamed into place only when all are written, so a full disk or a directory named like an output leaves the
 * previous outputs untouched.
 */
export function writeAll(out: string, files: Map<string, string>): void {
  writeFilesAtomically(out, files, `--out ${out}`);
}

/** A bad command line (exit code 2). */
class UsageError extends Error {}

function parseArgs(argv: string[]): { out: string; raw: string } {
  const dirs = { out: OUT, raw: RAW };
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i] === "--out" ? "out" : argv[i] === "--raw" ? "raw" : null;
    if (key === null) throw new UsageError(`unknown argument "${argv[i]}" (usage: build-data.ts [--out <dir>] [--raw <dir>])`);
    if (argv[i + 1] === undefined) throw new UsageError(`${argv[i]} needs a directory`);
    dirs[key] = resolve(argv[++i]);
  }
  return dirs;
}

function main(): void {
  const t0 = Date.now();
  const { out, raw } = parseArgs(process.argv.slice(2));
  const { files, anomalies } = build(raw, (s) => console.log(s));
  writeAll(out, files);
  const kinds = new Map<string, number>();
  for (const a of anomalies) kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1);
  console.log(`anomalies by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(", ")}`);
  console.log(`wrote ${files.size} files to ${out} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  try {
    main();
  } catch (e) {
    // one line naming file, row and column (the parser's message); nothing has been written. Exit codes as for
    // the CLI (README, "Exit codes"): 2 for bad arguments or bad input (a workbook cell, an unusable --out), 1 else.
    const err = e as Error;
    const input = err instanceof UsageError || err instanceof OutputPathError || err.name === "WorkbookError" || err.name === "InputError";
    console.error(`build-data: ${printable(err.message.split("\n")[0])}`);
    process.exit(input ? 2 : 1);
  }
}
