/**
 * The CSV files the regional notebook writes (into build/tables/ through ./tables writeCsv): a computed table in the
 * layout of `trade-patterns tables` (lib/indicators/aggregate.ts TABLE_COLUMNS, full precision), and the printed table beside
 * the computed one, cell by cell (lib/checks/compare.ts).
 */
import { TABLE_COLUMNS, aggregate, type TableRow } from "../indicators/aggregate";
import { comparedCsv, comparisonRows } from "../checks/compare";
import { PAPER_LAYOUTS } from "../paper/groupings";
import type { PrintedTableNumber } from "../paper/printedTables";
import type { ProvinceFlows } from "../data/provinceFlows";
import type { ReconciledCell } from "../checks/reconcile";
import { writeCsv } from "./tables";

/** Computed rows as CSV: TABLE_COLUMNS, unrounded. */
export function tableRowsCsv(rows: readonly TableRow[]): { header: readonly string[]; rows: (string | number)[][] } {
  return { header: TABLE_COLUMNS, rows: rows.map((r) => TABLE_COLUMNS.map((c) => r[c])) };
}

const baseName = (file: string) => file.replace(/^.*[\\/]/, "");

/** Write a computed table under `name`; returns the file's name. */
export function writeTableRows(name: string, rows: readonly TableRow[]): string {
  const t = tableRowsCsv(rows);
  return baseName(writeCsv(name, t.header, t.rows));
}

/**
 * table<n>.csv (the computed Table n, as `trade-patterns tables` writes it) and table<n>_compared.csv (every printed
 * cell beside the computed one, with status and explanation). Returns the file names.
 */
export function writePaperTable(n: PrintedTableNumber, data: readonly ProvinceFlows[], cells: readonly ReconciledCell[]): string[] {
  const computed = writeTableRows(`table${n}.csv`, aggregate(data, PAPER_LAYOUTS[n]));
  const c = comparedCsv(comparisonRows(cells, n));
  return [computed, baseName(writeCsv(`table${n}_compared.csv`, c.header, c.rows))];
}
