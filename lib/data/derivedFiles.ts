/**
 * Readers of the pipeline's report files, data/derived/anomalies.csv and data/derived/total_row_differences.csv
 * (written by scripts/build-data.ts from the rules of lib/data/anomalies.ts; columns documented in data/README.md).
 * Validated like every reader here: a bad cell is one InputError naming the file, the row and the column.
 */
import { InputError, readCsv } from "../core/csv";
import type { Anomaly, TotalRowDifference } from "./anomalies";
import { dataPath } from "../core/paths";
import { isProvince } from "../paper/provinces";
import type { Plain } from "../core/plainRows";

function columns(file: string, header: string[], names: readonly string[]): Record<string, number> {
  return Object.fromEntries(
    names.map((n) => {
      const i = header.indexOf(n);
      if (i < 0) throw new InputError(file, 1, n, "required column is missing");
      return [n, i];
    }),
  );
}

function numberAt(file: string, line: number, column: string, text: string, optional: boolean): number | null {
  if (text.trim() === "") {
    if (optional) return null;
    throw new InputError(file, line, column, "empty, but a number is required");
  }
  const v = Number(text);
  if (!Number.isFinite(v)) throw new InputError(file, line, column, `"${text}" is not a number`);
  return v;
}

function yearAt(file: string, line: number, text: string): number {
  const y = Number(text);
  if (!Number.isInteger(y)) throw new InputError(file, line, "year", `"${text}" is not a year`);
  return y;
}

function provinceAt(file: string, line: number, text: string): string {
  if (text !== "全国" && !isProvince(text)) throw new InputError(file, line, "province_zh", `unknown province "${text}"`);
  return text;
}

export const ANOMALY_COLUMNS = ["year", "province_zh", "kind", "column", "value", "reference", "detail_zh", "detail_en"] as const;

/** data/derived/anomalies.csv: every finding of the anomaly rules, in file order. */
export function readAnomalies(file = dataPath("derived", "anomalies.csv")): Plain<Anomaly>[] {
  const t = readCsv(file);
  const ix = columns(file, t.header, ANOMALY_COLUMNS);
  return t.rows.map(({ line, cells }) => {
    const kind = cells[ix.kind];
    if (!/^[a-z_]+$/.test(kind)) throw new InputError(file, line, "kind", `"${kind}" is not a rule kind`);
    return {
      year: yearAt(file, line, cells[ix.year]),
      province_zh: provinceAt(file, line, cells[ix.province_zh]),
      kind,
      column: cells[ix.column],
      value: numberAt(file, line, "value", cells[ix.value], true),
      reference: numberAt(file, line, "reference", cells[ix.reference], true),
      detail_zh: cells[ix.detail_zh],
      detail_en: cells[ix.detail_en],
    };
  });
}

export const TOTAL_ROW_COLUMNS = ["year", "province_zh", "row", "column", "printed_total", "sector_sum", "difference"] as const;

/** data/derived/total_row_differences.csv: printed totals that differ from the sum of their sectors (亿元). */
export function readTotalRowDifferences(file = dataPath("derived", "total_row_differences.csv")): Plain<TotalRowDifference>[] {
  const t = readCsv(file);
  const ix = columns(file, t.header, TOTAL_ROW_COLUMNS);
  return t.rows.map(({ line, cells }) => ({
    year: yearAt(file, line, cells[ix.year]),
    province_zh: provinceAt(file, line, cells[ix.province_zh]),
    row: cells[ix.row],
    column: cells[ix.column],
    printed_total: numberAt(file, line, "printed_total", cells[ix.printed_total], false)!,
    sector_sum: numberAt(file, line, "sector_sum", cells[ix.sector_sum], false)!,
    difference: numberAt(file, line, "difference", cells[ix.difference], false)!,
  }));
}
