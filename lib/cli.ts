/**
 * The `trade-patterns` command line (bin/trade-patterns.js runs this file).
 *
 *   trade-patterns indicators <csv>                         per-province indicators as CSV on stdout
 *   trade-patterns tables [--edition paper|tables] --out <dir>   table1.csv … table6.csv and reconciliation.csv
 *
 * Bad input or arguments: exit code 2, one line on stderr, nothing written.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { TABLE_COLUMNS, aggregate, provinceIndicators } from "./aggregate";
import { toCsv } from "./csv";
import { EDITIONS, assertEdition, provinceFlows2017 } from "./editions";
import { PAPER_LAYOUTS } from "./groupings";
import { readProvinceFlows } from "./provinceFlows";
import { PROVINCES, typeEn } from "./provinces";
import { run as clusterCommand } from "./commands/cluster";
import { run as searchCommand } from "./commands/search";
import { run as stabilityCommand } from "./commands/stability";
import { COMPONENTS, decompose } from "./io/decompose";
import { RECONCILIATION_COLUMNS, reconcile } from "./reconcile";
import { UsageError, parse, type Io } from "./cliSupport";

export { UsageError, parse, type Io };

export const USAGE = `usage:
  trade-patterns indicators <csv>
  trade-patterns tables [--edition paper|tables] --out <dir>
  trade-patterns decompose [--year 2017|2012] [--json]
  trade-patterns cluster <csv> [--k 7] [--features <list>] [--scale z|minmax|logz] [--method kmeans|ward|average]
                               [--restarts 1000] [--seed S] [--json]
  trade-patterns search <csv> [--json]
  trade-patterns stability <csv> [--runs 1000] [--noise 0.1] [--seed S] [--resampling perturb|bootstrap]
                                 [--restarts 100] [--k 7] [--features <list>] [--scale z] [--progress] [--json]`;

function commandIndicators(args: string[], io: Io): void {
  const { positionals } = parse(args, {});
  if (positionals.length !== 1) throw new UsageError("indicators takes one CSV file: trade-patterns indicators <csv>");
  const file = positionals[0];
  if (existsSync(file) && statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory, not a CSV file`);
  const data = readProvinceFlows(file);
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

/** Write files into dir all at once: into a temporary sibling folder first, then moved in. */
export function writeAll(dir: string, files: Map<string, string>): void {
  const target = resolve(dir);
  if (existsSync(target) && !statSync(target).isDirectory()) throw new UsageError(`--out ${dir}: exists and is not a directory`);
  mkdirSync(dirname(target), { recursive: true });
  const tmp = mkdtempSync(join(dirname(target), ".trade-patterns-"));
  try {
    for (const [name, text] of files) writeFileSync(join(tmp, name), text);
    mkdirSync(target, { recursive: true });
    for (const name of files.keys()) renameSync(join(tmp, name), join(target, name));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
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
  io.stderr(`wrote ${[...files.keys()].join(", ")} to ${values.out} (${edition} edition)\n`);
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
    const err = e as Error;
    if (process.env.TP_DEBUG) io.stderr(String(err.stack) + "\n");
    const userError = err instanceof UsageError || err.name === "InputError";
    io.stderr(`trade-patterns: ${err.message.split("\n")[0]}\n`);
    return userError ? 2 : 1;
  }
}
