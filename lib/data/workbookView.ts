/**
 * From one raw workbook to its tidy row: what the statistics bureau's sheet looks like, which cells the parser reads,
 * and how they become one row of data/derived/province_flows.csv. For showing provenance; the pipeline itself is
 * lib/data/ioTable.ts (parser) and lib/data/tableFlows.ts (flows).
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "xlsx";
import { cell, type IoTable } from "./ioTable";
import { dataPath } from "../core/paths";
import { FLOW_FIELDS, YI_PER_WAN, tableFlows, type Basis, type FlowField } from "./tableFlows";
import type { DerivedFlowRow } from "./editions";

/** The raw workbook of a year and province (data/raw/io-tables/<year>/NN-省.xls). */
export function workbookPath(year: number, province_zh: string): string {
  const dir = dataPath("raw", "io-tables", String(year));
  const name = readdirSync(dir).find((f) => new RegExp(`^\\d+-?${province_zh}\\.xlsx?$`).test(f));
  if (!name) throw new Error(`${dir}: no workbook for ${province_zh}`);
  return join(dir, name);
}

/**
 * The top-left corner of a workbook's first sheet, exactly as stored: one record per sheet row (`row`: its Excel
 * number), one field per column named by its Excel letter, "" where blank. Line breaks inside a cell become spaces.
 */
export function sheetCorner(file: string, rows: number, cols: number): Record<string, string | number>[] {
  const wb = XLSX.readFile(file, { sheetRows: rows });
  const ws = wb.Sheets[wb.SheetNames[0]];
  const letters = Array.from({ length: cols }, (_, c) => XLSX.utils.encode_col(c));
  return Array.from({ length: rows }, (_, r) => {
    const rec: Record<string, string | number> = { row: r + 1 };
    letters.forEach((letter, c) => {
      const v = (ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined)?.v;
      if (v === undefined || v === null) rec[letter] = "";
      // the stored number without binary noise (295482.27, not 295482.26999999996); not the display format, which rounds
      else if (typeof v === "number") rec[letter] = String(Number(v.toPrecision(12)));
      else rec[letter] = String(v).replace(/\s*\n\s*/g, " ").trim();
    });
    return rec;
  });
}

/**
 * A block of the parsed table, in 万元 as printed: one record per row code, `code` and `name` first; a cell the
 * workbook leaves blank (the value-added × final-use block) is "" rather than the 0 the parser reads it as.
 */
export function tableBlock(t: IoTable, rowCodes: readonly string[], colCodes: readonly string[]): Record<string, string | number>[] {
  const blank = new Set(t.blankCells.map((b) => `${b.row}|${b.col}`));
  return rowCodes.map((r) => {
    const i = t.rowCodes.indexOf(r);
    if (i < 0) throw new Error(`${t.file}: no row ${r}`);
    const rec: Record<string, string | number> = { code: r, name: t.rowNames[i] };
    for (const c of colCodes) {
      if (!t.colCodes.includes(c)) throw new Error(`${t.file}: no column ${c}`);
      rec[c] = blank.has(`${r}|${c}`) ? "" : cell(t, r, c);
    }
    return rec;
  });
}

/** The raw workbooks on disk: per year folder, how many and which provinces (data/raw/io-tables/<year>/). */
export function rawWorkbooks(): { year: number; files: number; first: string; last: string }[] {
  const root = dataPath("raw", "io-tables");
  return readdirSync(root)
    .filter((d) => /^\d{4}$/.test(d))
    .sort()
    .map((d) => {
      const files = readdirSync(join(root, d)).filter((f) => /\.xlsx?$/i.test(f)).sort((a, b) => parseInt(a) - parseInt(b));
      return { year: Number(d), files: files.length, first: files[0] ?? "", last: files[files.length - 1] ?? "" };
    });
}

/**
 * Where each field of a printed_total row comes from: the cell of the workbook (row code × column code). The
 * sector_sum basis sums the same column over rows 01–42 (value added: the TVA row over columns 01–42).
 * test/workbookView.test.ts checks this list against lib/data/tableFlows.ts.
 */
export const PRINTED_TOTAL_CELLS: Readonly<Partial<Record<FlowField, { row: string; cols: readonly string[] }>>> = {
  total_output: { row: "TI", cols: ["TIU"] },
  value_added: { row: "TVA", cols: ["TIU"] },
  export: { row: "TII", cols: ["EX"] },
  outflow: { row: "TII", cols: ["OF"] },
  import: { row: "TII", cols: ["IM"] },
  inflow: { row: "TII", cols: ["IF"] },
  gross_outflow: { row: "TII", cols: ["EX", "OF"] },
  gross_inflow: { row: "TII", cols: ["IM", "IF"] },
  final_consumption: { row: "TII", cols: ["TC"] },
  capital_formation: { row: "TII", cols: ["GCF"] },
  other_error: { row: "TII", cols: ["ERR"] },
};

export type TidyTrace = {
  field: FlowField;
  /** e.g. "TII × EX" */
  cells: string;
  /** the workbook's number(s), 万元 */
  workbook_wan: number;
  /** ÷ 10,000 */
  recomputed_yi: number;
  /** the committed data/derived/province_flows.csv */
  derived_yi: number | null;
  agrees: boolean;
};

/**
 * One table's printed_total row, field by field: the workbook cells, their value in 亿元, and the committed tidy
 * row, which must agree (to the 6 decimals the CSV keeps).
 */
export function traceTidyRow(t: IoTable, derived: DerivedFlowRow): TidyTrace[] {
  if (derived.basis !== "printed_total" || derived.year !== t.year || derived.province_zh !== t.province_zh)
    throw new Error(`traceTidyRow: ${derived.year} ${derived.province_zh} ${derived.basis} is not the printed_total row of ${t.year} ${t.province_zh}`);
  const flows = tableFlows(t, "printed_total" as Basis);
  return FLOW_FIELDS.filter((f) => PRINTED_TOTAL_CELLS[f] && flows[f] !== null).map((f) => {
    const src = PRINTED_TOTAL_CELLS[f]!;
    const wan = src.cols.reduce((s, c) => s + cell(t, src.row, c), 0);
    const d = derived[f];
    return {
      field: f,
      cells: src.cols.map((c) => `${src.row} × ${c}`).join(" + "),
      workbook_wan: wan,
      recomputed_yi: wan * YI_PER_WAN,
      derived_yi: d,
      // the CSV keeps 6 decimals (±5·10⁻⁷); the parser's own figure must be the same sum
      agrees: d !== null && Math.abs(d - wan * YI_PER_WAN) <= 5e-7 + 1e-12 * Math.abs(d) && Math.abs(flows[f]! - wan * YI_PER_WAN) <= 1e-9 * Math.max(1, Math.abs(wan)),
    };
  });
}
