/**
 * The paper's printed Tables 2–6 beside the tables computed from the data, cell by cell.
 *
 * Everything here is arrangement of lib/checks/reconcile.ts's output: the computed value, its status (rounding, misprint,
 * source, unexplained) and the explanation come from the reconciliation; this module only rounds the computed value
 * to the printed number of decimals, attaches bilingual labels and lays the cells out as the paper prints them
 * (a 数值 row of flows and ratios, a 比重 row of shares under the flow columns).
 */
import { PAPER_LAYOUTS } from "../paper/groupings";
import { COLUMN_LABELS, FLOW_COLUMNS, RATIO_COLUMNS, type FlowColumn, type RatioColumn } from "../paper/columns";
import { PRINTED_COLUMNS, PRINTED_TABLE_NUMBERS, type PrintedColumn, type PrintedTableNumber } from "../paper/printedTables";
import type { ReconciledCell, Status } from "./reconcile";
import type { Bilingual } from "../core/text";

export const STATUSES: readonly Status[] = ["rounding", "misprint", "source", "unexplained"];

export const STATUS_LABELS: Readonly<Record<Status, Bilingual>> = {
  rounding: { zh: "舍入误差内一致", en: "agrees within rounding" },
  misprint: { zh: "印刷错误", en: "misprint" },
  source: { zh: "数据来源不同", en: "source differs" },
  unexplained: { zh: "无法解释", en: "unexplained" },
};

/** Bilingual label of any printed column; a share is 比重 of its flow. */
export function columnLabel(col: PrintedColumn): Bilingual {
  if (col.startsWith("share_")) {
    const flow = COLUMN_LABELS[col.slice("share_".length) as FlowColumn];
    return { zh: `${flow.zh}比重`, en: `${flow.en}, share of national (%)` };
  }
  return COLUMN_LABELS[col as FlowColumn | RatioColumn];
}

/** Digits after the decimal point of a printed number ("158.05" → 2, "71562" → 0). */
export function printedDecimals(printed: string): number {
  const point = printed.indexOf(".");
  return point < 0 ? 0 : printed.length - point - 1;
}

export type ComparedCell = {
  table: PrintedTableNumber;
  group_zh: string;
  group_en: string;
  column: PrintedColumn;
  printed: string;
  /** the computed value rounded to the printed number of decimals */
  computed: string;
  computed_value: number;
  /** computed − printed */
  difference: number;
  /** difference in units of the last printed digit (10^−decimals) */
  difference_units: number;
  status: Status;
  should_read: string | null;
  explanation: string;
};

function groupEn(table: PrintedTableNumber, zh: string): string {
  const row = PAPER_LAYOUTS[table].find((l) => l.zh === zh);
  if (!row) throw new Error(`Table ${table} has no row "${zh}"`);
  return row.en;
}

/** One reconciled cell, ready to read. */
export function comparedCell(c: ReconciledCell): ComparedCell {
  const d = printedDecimals(c.printed);
  return {
    table: c.table,
    group_zh: c.group_zh,
    group_en: groupEn(c.table, c.group_zh),
    column: c.column,
    printed: c.printed,
    computed: c.computed.toFixed(d),
    computed_value: c.computed,
    difference: c.difference,
    difference_units: c.difference * 10 ** d,
    status: c.status,
    should_read: c.should_read,
    explanation: c.explanation,
  };
}

/** Long layout: every printed cell of Table n, rows in printed order, columns in printed order. */
export function comparisonRows(cells: readonly ReconciledCell[], n: PrintedTableNumber): ComparedCell[] {
  const order = new Map(PAPER_LAYOUTS[n].map((l, i) => [l.zh, i]));
  const colOrder = new Map(PRINTED_COLUMNS.map((c, i) => [c, i]));
  const rows = cells.filter((c) => c.table === n).map(comparedCell);
  if (rows.length === 0) throw new Error(`the reconciliation holds no cell of Table ${n}`);
  return rows.sort((a, b) => order.get(a.group_zh)! - order.get(b.group_zh)! || colOrder.get(a.column)! - colOrder.get(b.column)!);
}

/** The eleven columns of the printed layout: flows, then ratios. Shares print under the flows, in a 比重 row. */
export const GRID_COLUMNS: readonly (FlowColumn | RatioColumn)[] = [...FLOW_COLUMNS, ...RATIO_COLUMNS];

export interface GridRow {
  group_zh: string;
  group_en: string;
  /** 数值 (values) or 比重 (shares in the national total) */
  kind: "value" | "share";
  /** by grid column; for a share row, the share of that flow; null where nothing is printed */
  cells: Record<FlowColumn | RatioColumn, ComparedCell | null>;
}

/**
 * Wide layout, as the paper prints it: per group a 数值 row and, where the table prints shares, a 比重 row with
 * each flow's share under that flow's column.
 */
export function comparisonGrid(cells: readonly ReconciledCell[], n: PrintedTableNumber): GridRow[] {
  const long = comparisonRows(cells, n);
  const out: GridRow[] = [];
  for (const layout of PAPER_LAYOUTS[n]) {
    const mine = new Map(long.filter((c) => c.group_zh === layout.zh).map((c) => [c.column as string, c]));
    const value = Object.fromEntries(GRID_COLUMNS.map((c) => [c, mine.get(c) ?? null])) as GridRow["cells"];
    out.push({ group_zh: layout.zh, group_en: layout.en, kind: "value", cells: value });
    const share = Object.fromEntries(GRID_COLUMNS.map((c) => [c, mine.get(`share_${c}`) ?? null])) as GridRow["cells"];
    if (Object.values(share).some((c) => c !== null)) out.push({ group_zh: layout.zh, group_en: layout.en, kind: "share", cells: share });
  }
  return out;
}

/** The misprints, in table order, each with the value it should read and its proof. */
export function misprintList(cells: readonly ReconciledCell[]): ComparedCell[] {
  return PRINTED_TABLE_NUMBERS.flatMap((n) => (cells.some((c) => c.table === n) ? comparisonRows(cells, n) : [])).filter((c) => c.status === "misprint");
}

export type StatusCount = {
  table: PrintedTableNumber;
  rounding: number;
  misprint: number;
  source: number;
  unexplained: number;
  total: number;
};

/** Cells per status in each table, and a last row (table = null) for all five. */
export function statusCounts(cells: readonly ReconciledCell[]): (Omit<StatusCount, "table"> & { table: PrintedTableNumber | null })[] {
  const count = (cs: readonly ReconciledCell[]) => {
    const o = { rounding: 0, misprint: 0, source: 0, unexplained: 0, total: cs.length };
    for (const c of cs) o[c.status] += 1;
    return o;
  };
  const perTable = PRINTED_TABLE_NUMBERS.map((n) => ({ table: n as PrintedTableNumber | null, ...count(cells.filter((c) => c.table === n)) }));
  return [...perTable, { table: null, ...count(cells) }];
}

export const COMPARISON_CSV_HEADER = [
  "table",
  "group_zh",
  "group_en",
  "column",
  "printed",
  "computed",
  "computed_value",
  "status",
  "should_read",
  "explanation",
] as const;

/** Compared cells as CSV rows (for lib/present/tables.ts writeCsv). */
export function comparedCsv(list: readonly ComparedCell[]): { header: readonly string[]; rows: (string | number | null)[][] } {
  return { header: COMPARISON_CSV_HEADER, rows: list.map((c) => COMPARISON_CSV_HEADER.map((k) => c[k])) };
}
