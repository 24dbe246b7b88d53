/**
 * One provincial (or the national) input-output table, read from the statistics bureaus' .xls workbooks
 * (data/raw/io-tables/{2007,2012,2017}/, see data/raw/io-tables/SOURCE.md).
 *
 * Layout of every workbook (first sheet only): a title block; a header row whose first cell is "代码" and
 * which holds the column codes from the fourth column on (01–42, TIU, FU101 … GO); then one row per row
 * code, the code in the third column (01–42, TII, VA001–VA004, TVA, TI). Values are 万元.
 *
 * The parser is strict: a missing header, a non-numeric cell, a duplicate or missing code is one Error
 * naming the file, the row and the column. A cell the workbook leaves blank reads as 0 and is listed in
 * `blankCells`, so a caller can tell a printed 0 from an empty cell.
 */
import { basename, dirname } from "node:path";
import * as XLSX from "xlsx";

/** Sector codes 01–42, the rows (and columns) of the intermediate block. */
export const SECTOR_CODES: readonly string[] = Array.from({ length: 42 }, (_, i) => String(i + 1).padStart(2, "0"));

/** Rows every table must have besides the sectors. */
export const REQUIRED_ROWS = ["TII", "VA001", "VA002", "VA003", "VA004", "TVA", "TI"] as const;

/** Final-use columns present in every table. */
const COMMON_COLUMNS = ["TIU", "FU101", "FU102", "THC", "FU103", "TC", "FU201", "FU202", "GCF", "TFU", "ERR", "GO"];

/** Trade columns by kind of table: 2012/2017 provincial split foreign and domestic trade; 2007 provincial does not. */
export const TRADE_COLUMNS = {
  split: ["EX", "OF", "IM", "IF"],
  gross: ["FU302", "FU304"],
  national: ["EX", "IM"],
} as const;

export type TradeLayout = keyof typeof TRADE_COLUMNS;

/** Name the national table gets (file "0中国"). */
export const NATIONAL_ZH = "全国";

/**
 * The largest magnitude accepted in a table cell, 万元: 10¹² 万元 = 10⁸ 亿元, the bound of lib/data/provinceFlows.ts
 * MAX_AMOUNT. The largest cell of the 2012 and 2017 tables is 1.6 × 10¹⁰ 万元 (a national total); a cell above
 * the bound is a corrupt workbook or one in the wrong unit, and sums of such cells could overflow.
 */
export const MAX_CELL = 1e12;

export interface IoTable {
  /** path of the workbook, as given */
  file: string;
  year: number;
  /** short name as in lib/paper/provinces.ts; "全国" for the national table */
  province_zh: string;
  /** which trade columns the table has (see TRADE_COLUMNS) */
  trade: TradeLayout;
  rowCodes: string[];
  colCodes: string[];
  /** values[i][j] = row rowCodes[i], column colCodes[j], 万元 */
  values: number[][];
  /** row labels as printed (column B; column A where B is empty), whitespace removed */
  rowNames: string[];
  sheetName: string;
  /** every sheet of the workbook (only the first is read) */
  sheetNames: string[];
  /** cells of the table the workbook leaves blank (read as 0), with their Excel address */
  blankCells: { row: string; col: string; address: string }[];
}

/** Error located in a workbook: file, sheet, cell. */
export class WorkbookError extends Error {
  constructor(
    readonly file: string,
    readonly sheet: string | null,
    readonly address: string | null,
    problem: string,
  ) {
    super(`${file}${sheet !== null ? `, sheet "${sheet}"` : ""}${address !== null ? `, ${address}` : ""}: ${problem}`);
    this.name = "WorkbookError";
  }
}

/** "row 12, column D" for 0-based r, c (Excel numbering in the message). */
function where(r: number, c: number): string {
  return `row ${r + 1}, column ${XLSX.utils.encode_col(c)} (cell ${XLSX.utils.encode_cell({ r, c })})`;
}

/** Code as the tables use it: integers become two-digit strings ("1" and 1 → "01"), text is trimmed. */
export function normaliseCode(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    if (!Number.isInteger(v) || v < 0) return String(v);
    return String(v).padStart(2, "0");
  }
  const s = String(v).replace(/\s+/g, "");
  if (s === "") return null;
  return /^\d$/.test(s) ? `0${s}` : s;
}

function textOf(ws: XLSX.WorkSheet, r: number, c: number): string {
  const cell = ws[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  return cell && cell.v !== undefined && cell.v !== null ? String(cell.v) : "";
}

/** Year and province from the path: <…>/<year>/<N>[-]<province>.xls ("0中国" is the national table). */
export function identifyWorkbook(file: string): { year: number; province_zh: string } {
  const year = Number(basename(dirname(file)));
  if (!Number.isInteger(year) || year < 1980 || year > 2100)
    throw new WorkbookError(file, null, null, `cannot tell the year: the file must sit in a folder named by year (e.g. 2017/)`);
  const m = /^(\d+)-?(.+)\.xlsx?$/i.exec(basename(file));
  if (!m) throw new WorkbookError(file, null, null, `file name is not "<number><province>.xls" or "<number>-<province>.xls"`);
  return { year, province_zh: m[1] === "0" || m[2] === "中国" ? NATIONAL_ZH : m[2] };
}

/** Read the first sheet of one workbook into an IoTable (values 万元). Throws WorkbookError on bad input. */
export function readIoWorkbook(file: string): IoTable {
  const { year, province_zh } = identifyWorkbook(file);
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.readFile(file, { cellFormula: false, cellHTML: false, cellText: false });
  } catch (e) {
    throw new WorkbookError(file, null, null, `cannot read workbook (${(e as Error).message})`);
  }
  return parseIoSheet(file, year, province_zh, wb);
}

/** The parser proper, on an already opened workbook (first sheet). */
export function parseIoSheet(file: string, year: number, province_zh: string, wb: XLSX.WorkBook): IoTable {
  const sheetName = wb.SheetNames[0];
  if (sheetName === undefined) throw new WorkbookError(file, null, null, "workbook has no sheet");
  const ws = wb.Sheets[sheetName];
  const fail = (address: string | null, problem: string): never => {
    throw new WorkbookError(file, sheetName, address, problem);
  };
  if (!ws["!ref"]) fail(null, "sheet is empty");
  const range = XLSX.utils.decode_range(ws["!ref"]!);

  // Header: the row whose first cell is 代码.
  let header = -1;
  for (let r = range.s.r; r <= range.e.r && header < 0; r++) if (textOf(ws, r, 0).replace(/\s+/g, "") === "代码") header = r;
  if (header < 0)
    fail(`column A, rows ${range.s.r + 1}–${range.e.r + 1}`, `no header row (a row whose first cell is "代码")`);

  // Unit: the title block says 单位：万元; refuse a table in another unit rather than mis-scale it.
  for (let r = range.s.r; r < header; r++)
    for (let c = range.s.c; c <= Math.min(range.e.c, 3); c++) {
      const m = /单位[:：]\s*(\S+)/.exec(textOf(ws, r, c));
      if (m && m[1] !== "万元") fail(where(r, c), `unit is "${m[1]}", expected 万元`);
    }

  // Column codes, from column D to the last non-empty header cell.
  const FIRST_COL = 3;
  const colCodes: string[] = [];
  const colIndex: number[] = [];
  let lastCol = FIRST_COL - 1;
  for (let c = FIRST_COL; c <= range.e.c; c++) if (normaliseCode(ws[XLSX.utils.encode_cell({ r: header, c })]?.v) !== null) lastCol = c;
  const seenCol = new Map<string, number>();
  for (let c = FIRST_COL; c <= lastCol; c++) {
    const code = normaliseCode(ws[XLSX.utils.encode_cell({ r: header, c })]?.v);
    if (code === null) fail(where(header, c), "empty column code inside the header");
    if (seenCol.has(code!))
      fail(where(header, c), `duplicate column code "${code}" (also in column ${XLSX.utils.encode_col(seenCol.get(code!)!)})`);
    seenCol.set(code!, c);
    colCodes.push(code!);
    colIndex.push(c);
  }

  // Row codes, in column C from the row below the header: a contiguous run.
  const CODE_COL = 2;
  const rowCodes: string[] = [];
  const rowIndex: number[] = [];
  const rowNames: string[] = [];
  const seenRow = new Map<string, number>();
  let r = header + 1;
  for (; r <= range.e.r; r++) {
    const code = normaliseCode(ws[XLSX.utils.encode_cell({ r, c: CODE_COL })]?.v);
    if (code === null) break;
    if (seenRow.has(code)) fail(where(r, CODE_COL), `duplicate row code "${code}" (also in row ${seenRow.get(code)! + 1})`);
    seenRow.set(code, r);
    rowCodes.push(code);
    rowIndex.push(r);
    rowNames.push((textOf(ws, r, 1) || textOf(ws, r, 0)).replace(/\s+/g, ""));
  }
  // Nothing may follow the table in the code column or the numeric block (a second table, a stray total).
  for (let rr = r; rr <= range.e.r; rr++)
    for (let c = CODE_COL; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r: rr, c })] as XLSX.CellObject | undefined;
      if (cell && cell.t !== "z" && String(cell.v ?? "").trim() !== "")
        fail(where(rr, c), `unexpected content "${String(cell.v)}" below the table (its row-code column ends at row ${r})`);
    }

  // Required codes.
  const trade: TradeLayout = province_zh === NATIONAL_ZH ? "national" : seenCol.has("FU302") || year <= 2007 ? "gross" : "split";
  const missingRows = [...SECTOR_CODES, ...REQUIRED_ROWS].filter((c) => !seenRow.has(c));
  if (missingRows.length)
    fail(`column C, rows ${header + 2}–${r}`, `missing required row code(s) ${missingRows.join(", ")}`);
  const requiredCols = [...SECTOR_CODES, ...COMMON_COLUMNS, ...TRADE_COLUMNS[trade]];
  const missingCols = requiredCols.filter((c) => !seenCol.has(c));
  if (missingCols.length)
    fail(`header row ${header + 1}`, `missing required column code(s) ${missingCols.join(", ")} (a ${trade === "gross" ? "2007 provincial" : trade === "national" ? "national" : "provincial"} table needs ${TRADE_COLUMNS[trade].join(", ")})`);

  // Columns beyond the last code must be empty inside the table (the 2012 national sheet is wider than its table).
  for (const rr of rowIndex)
    for (let c = lastCol + 1; c <= range.e.c; c++) {
      const cell = ws[XLSX.utils.encode_cell({ r: rr, c })] as XLSX.CellObject | undefined;
      if (cell && cell.t !== "z" && String(cell.v ?? "").trim() !== "")
        fail(where(rr, c), `value "${String(cell.v)}" in a column with no code in the header (row ${header + 1})`);
    }

  // Numeric block.
  const blankCells: IoTable["blankCells"] = [];
  const values = rowIndex.map((rr, i) =>
    colIndex.map((c, j) => {
      const address = XLSX.utils.encode_cell({ r: rr, c });
      const cell = ws[address] as XLSX.CellObject | undefined;
      const label = `${where(rr, c)}, row code ${rowCodes[i]}, column code ${colCodes[j]}`;
      if (!cell || cell.t === "z" || cell.v === undefined || cell.v === null || (cell.t === "s" && String(cell.v).trim() === "")) {
        blankCells.push({ row: rowCodes[i], col: colCodes[j], address });
        return 0;
      }
      if (cell.t === "n") {
        const v = cell.v as number;
        if (!Number.isFinite(v)) fail(label, `value ${v} is not finite`);
        if (Math.abs(v) > MAX_CELL) fail(label, `value ${v} 万元 is beyond ±10^12 万元 (10^8 亿元, 10^16 元), not a plausible amount for one table cell`);
        return v;
      }
      if (cell.t === "e") return fail(label, `cell holds a spreadsheet error (${cell.w ?? String(cell.v)}), not a number`);
      return fail(label, `"${String(cell.v)}" is not a number`);
    }),
  );

  return { file, year, province_zh, trade, rowCodes, colCodes, values, rowNames, sheetName, sheetNames: [...wb.SheetNames], blankCells };
}

function indexOf(codes: readonly string[], code: string, what: string, t: IoTable): number {
  const i = codes.indexOf(code);
  if (i < 0) throw new Error(`${t.file}: no ${what} "${code}" in the ${t.year} ${t.province_zh} table`);
  return i;
}

/** Value at (row code, column code), 万元; throws on an unknown code. */
export function cell(t: IoTable, row: string, col: string): number {
  return t.values[indexOf(t.rowCodes, row, "row", t)][indexOf(t.colCodes, col, "column", t)];
}

/** True if the table has this column. */
export function hasColumn(t: IoTable, col: string): boolean {
  return t.colCodes.includes(col);
}

/** Σ_{i ∈ 01..42} t[i, col]: a column summed over the sector rows (万元). */
export function sectorSum(t: IoTable, col: string): number {
  const j = indexOf(t.colCodes, col, "column", t);
  return SECTOR_CODES.reduce((s, code) => s + t.values[indexOf(t.rowCodes, code, "row", t)][j], 0);
}

/** Σ_{j ∈ 01..42} t[row, j]: a row summed over the sector columns (万元). */
export function sectorRowSum(t: IoTable, row: string): number {
  const i = indexOf(t.rowCodes, row, "row", t);
  return SECTOR_CODES.reduce((s, code) => s + t.values[i][indexOf(t.colCodes, code, "column", t)], 0);
}

/** A copy of the table with two columns' values exchanged (a documented label swap in the source). */
export function swapColumns(t: IoTable, a: string, b: string): IoTable {
  const ia = indexOf(t.colCodes, a, "column", t);
  const ib = indexOf(t.colCodes, b, "column", t);
  const values = t.values.map((row) => {
    const r = [...row];
    [r[ia], r[ib]] = [r[ib], r[ia]];
    return r;
  });
  const blankCells = t.blankCells.map((bc) => (bc.col === a ? { ...bc, col: b } : bc.col === b ? { ...bc, col: a } : bc));
  return { ...t, values, blankCells };
}
