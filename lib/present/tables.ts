/**
 * Where notebooks write the tables they reproduce: `npm run reproduce` collects them into build/tables/.
 *
 * reproduce sets TP_TABLES_DIR for its kernels (a staging folder, moved into build/ only when every notebook
 * succeeded); run interactively, tables go straight to <repo>/build/tables.
 */
import { mkdirSync, renameSync, writeFileSync } from "fs";
import { join } from "path";
import { toCsv } from "../core/csv";
import { repoRoot } from "../core/paths";
import type { Column } from "./display";

/** The folder for CSV tables, created if missing. */
export function tablesDir(): string {
  const dir = process.env.TP_TABLES_DIR || join(repoRoot(), "build", "tables");
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Write a table to <tablesDir>/<name>.csv in the project's CSV format (lib/core/csv.ts), whole file or nothing. */
export function writeCsv(name: string, header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`writeCsv: "${name}" is not a plain file name`);
  const file = join(tablesDir(), name.endsWith(".csv") ? name : `${name}.csv`);
  rows.forEach((r, i) => {
    if (r.length !== header.length) throw new Error(`writeCsv ${name}: row ${i + 1} has ${r.length} fields for ${header.length} columns`);
  });
  const text = toCsv(header, rows, file); // a value it cannot write is named by file, row and column
  writeFileSync(file + ".tmp", text);
  renameSync(file + ".tmp", file);
  return file;
}

/** A table to show (`table(rows, columns, LANG)`) and to write: its columns with their bilingual labels, and its rows. */
export interface Tabular {
  columns: Column[];
  rows: Record<string, string | number>[];
}

/** header = the column keys, rows in column order: what writeCsv takes. */
export function csvOf(t: Tabular): { header: string[]; rows: (string | number)[][] } {
  const header = t.columns.map((c) => c.key);
  return { header, rows: t.rows.map((r) => header.map((k) => r[k] ?? "")) };
}
