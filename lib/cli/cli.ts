/**
 * The `trade-patterns` command line (bin/trade-patterns.js runs this file).
 *
 *   trade-patterns indicators <csv>                         per-province indicators as CSV on stdout
 *   trade-patterns tables [--edition paper|tables] --out <dir>   table1.csv … table6.csv and reconciliation.csv
 *
 * Exit codes (README, "Exit codes"): 0 done; 2 bad input or arguments: one line on stderr, no stack trace,
 * nothing written; 1 the run itself failed (a full disk, a bug): one line on stderr (the stack with TP_DEBUG=1).
 */
import { existsSync, statSync } from "node:fs";
import { OutputPathError, writeFilesAtomically } from "../core/atomicWrite";
import { TABLE_COLUMNS, aggregate, provinceIndicators } from "../indicators/aggregate";
import { InputError, toCsv } from "../core/csv";
import { FLOW_COLUMNS } from "../paper/columns";
import { printable } from "../core/printable";
import { EDITIONS, assertEdition, provinceFlows2017 } from "../data/editions";
import { PAPER_LAYOUTS } from "../paper/groupings";
import { readProvinceFlows } from "../data/provinceFlows";
import { PROVINCES, typeEn } from "../paper/provinces";
import { run as clusterCommand } from "./commands/cluster";
import { run as searchCommand } from "./commands/search";
import { run as stabilityCommand } from "./commands/stability";
import { COMPONENTS, decompose } from "../inputOutput/decompose";
import { RECONCILIATION_COLUMNS, reconcile } from "../checks/reconcile";
import { UsageError, parse, type Io } from "./support";

export { UsageError, parse, type Io };

export const USAGE = `usage:
  trade-patterns indicators <csv>
  trade-patterns tables [--edition paper|tables] --out <dir>
  trade-patterns decompose [--year 2017|2012] [--json]
  trade-patterns cluster <csv> [--k 7] [--features <list>] [--scale z|minmax|logz] [--method kmeans|ward|average]
                               [--restarts 1000] [--seed S] [--progress] [--json]
  trade-patterns search <csv> [--k 7] [--restarts 100] [--seed S] [--top N] [--progress] [--json]
  trade-patterns search <csv> --exhaustive [--pool indicators|raw|<list>] [--restarts 500] [--null 1000] [--seed S]
                              [--stability-runs R [--noise 0.1] [--stability-seed S] [--stability-margin M]]
                              [--k 7] [--top N] [--progress] [--json]
  trade-patterns stability <csv> [--runs 1000] [--noise 0.1] [--seed S] [--resampling perturb|bootstrap]
                                 [--restarts 100] [--k 7] [--features <list>] [--scale z] [--progress] [--json]`;

function commandIndicators(args: string[], io: Io): void {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError("indicators takes one CSV file: trade-patterns indicators <csv>");
  const file = positionals[0];
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory, not a CSV file`);
  const data = readProvinceFlows(file);
  // a share is a province's part of the file's total: undefined when every province has 0 in that column
  for (const c of FLOW_COLUMNS)
    if (data.every((d) => d[c] === 0)) throw new InputError(file, null, c, `is 0 in every row, so share_${c} (each province's share of the total) is undefined`);
  const rows = provinceIndicators(data);
  const columns = ["province_zh", "province_en", ...TABLE_COLUMNS.slice(2)] as const;
  io.stdout(
    toCsv(
      columns,
      rows.map((r) => [r.province_zh, r.group_en, ...TABLE_COLUMNS.slice(2).map((c) => r[c as keyof typeof r] as number)]),
    ),
  );
}

/** Every file of the `tables` command, as {name → CSV text}. */
export function tableFiles(edition: "paper" | "tables"): Map<string, string> {
  const data = provinceFlows2017(edition);
  const files = new Map<string, string>();
  files.set(
    "table1.csv",
    toCsv(
      ["province_zh", "province_en", "type_zh", "type_en"],
      PROVINCES.map((p) => [p.zh, p.en, p.type, typeEn(p.type)]),
    ),
  );
  for (const n of [2, 3, 4, 5, 6] as const) {
    const rows = aggregate(data, PAPER_LAYOUTS[n]);
    files.set(`table${n}.csv`, toCsv(TABLE_COLUMNS, rows.map((r) => TABLE_COLUMNS.map((c) => r[c]))));
  }
  const cells = reconcile(data);
  files.set(
    "reconciliation.csv",
    toCsv(
      RECONCILIATION_COLUMNS,
      cells.map((c) => RECONCILIATION_COLUMNS.map((k) => c[k] as string | number | null)),
    ),
  );
  return files;
}

/**
 * Write files into dir all or nothing (lib/core/atomicWrite.ts: a temporary folder inside dir, then renames, so a mount
 * point works). A path that cannot be used (a file where the folder goes, a folder where a file goes) is a
 * UsageError, raised before anything is written.
 */
export function writeAll(dir: string, files: Map<string, string>): void {
  try {
    writeFilesAtomically(dir, files, `--out ${dir}`);
  } catch (e) {
    if (e instanceof OutputPathError) throw new UsageError(e.message);
    throw e;
  }
}

function commandTables(args: string[], io: Io): void {
  const { values, positionals } = parse(args, { edition: { type: "string", default: "paper" }, out: { type: "string" } });
  if (positionals.length) throw new UsageError(`tables takes no file argument (got "${positionals[0]}"); use --out <dir>`);
  if (!values.out) throw new UsageError("tables needs --out <dir>");
  let edition;
  try {
    edition = assertEdition(String(values.edition));
  } catch {
    throw new UsageError(`--edition must be one of ${EDITIONS.join(", ")} (got "${values.edition}")`);
  }
  const files = tableFiles(edition);
  writeAll(String(values.out), files);
  io.stderr(`wrote ${[...files.keys()].join(", ")} to ${printable(String(values.out))} (${edition} edition)\n`);
}

/** Value added induced by each final-demand component, per province (亿元): JSON, or CSV without --json. */
function commandDecompose(args: string[], io: Io): void {
  const { values, positionals } = parse(args, { year: { type: "string", default: "2017" }, json: { type: "boolean", default: false } });
  if (positionals.length) throw new UsageError(`decompose takes no file argument (got "${positionals[0]}")`);
  const year = Number(values.year);
  if (year !== 2017 && year !== 2012) throw new UsageError(`--year must be 2017 or 2012 (the tables that split foreign and domestic trade), got "${values.year}"`);
  const rows = decompose(year).map((d) => ({
    province_zh: d.zh,
    province_en: d.en,
    ...Object.fromEntries(COMPONENTS.map((c) => [c.key, d.induced[c.key]])),
    sum: d.sum,
    value_added: d.tva,
    residual: d.residual,
    residual_from_err: d.errInduced,
  }));
  if (values.json) io.stdout(JSON.stringify({ year, unit: "亿元", components: COMPONENTS, provinces: rows }, null, 2) + "\n");
  else io.stdout(toCsv(Object.keys(rows[0]), rows.map((r) => Object.values(r) as (string | number)[])));
}

const COMMANDS: Record<string, (args: string[], io: Io) => void | Promise<void>> = {
  indicators: commandIndicators,
  tables: commandTables,
  decompose: commandDecompose,
  cluster: clusterCommand,
  search: searchCommand,
  stability: stabilityCommand,
};

/** Register another subcommand (cluster, search, stability, decompose live in their own modules). */
export function registerCommand(name: string, run: (args: string[], io: Io) => void | Promise<void>): void {
  COMMANDS[name] = run;
}

/** Run the CLI; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (!command || command === "--help" || command === "-h") {
      io.stdout(USAGE + "\n");
      return command ? 0 : 2;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError(`unknown command "${command}" (commands: ${Object.keys(COMMANDS).join(", ")})`);
    await run(rest, io);
    return 0;
  } catch (e) {
    return reportError(e, io);
  }
}

/**
 * The exit code of an error, reported in one printable line on stderr (control characters escaped, so a
 * province name or file name from the input cannot garble the terminal): 2 for bad input or arguments
 * (UsageError, InputError), 1 for anything else. TP_DEBUG=1 adds the stack trace.
 */
export function reportError(e: unknown, io: Io): number {
  const err = e instanceof Error ? e : new Error(String(e));
  if (process.env.TP_DEBUG) io.stderr(String(err.stack) + "\n");
  const userError = err instanceof UsageError || err.name === "InputError";
  // a usage or input message is one line by construction; of anything else, the first line says what failed
  const text = userError ? err.message : err.message.split("\n")[0];
  io.stderr(`trade-patterns: ${printable(text)}\n`);
  return userError ? 2 : 1;
}
