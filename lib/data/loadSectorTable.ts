/**
 * Read one provincial input-output table from the derived CSV the data pipeline writes
 * (data/derived/io-tables/{year}/{slug}.csv) into the blocks the Leontief model needs, in 亿元.
 *
 * CSV layout: header `code,01,…,42,TIU,FU101,FU102,THC,FU103,TC,FU201,FU202,GCF,EX,OF,TFU,IM,IF,ERR,GO`;
 * one row per row code 01–42, TII, VA001–VA004, TVA, TI; values in 万元 (the workbooks' unit).
 * Converted here to 亿元 (÷ 10 000), the paper's unit.
 *
 * Strict: a missing row or column code, a duplicate, or a cell the model needs that is empty or not a
 * finite number is one InputError naming the file, the line and the column. Cells the model does not
 * read (e.g. the value-added rows under the final-use columns) may be empty.
 */
import { InputError, readCsv } from "../core/csv";
import { dataPath } from "../core/paths";
import { PROVINCES, type Province } from "../paper/provinces";
import { SECTOR_CODES } from "./ioTable";

/** 万元 per 亿元. */
export const WAN_PER_YI = 10_000;


/** Final-use and supply columns (per sector row). */
export const USE_COLUMNS = [
  "TIU", "FU101", "FU102", "THC", "FU103", "TC", "FU201", "FU202", "GCF", "EX", "OF", "TFU", "IM", "IF", "ERR", "GO",
] as const;
export type UseColumn = (typeof USE_COLUMNS)[number];

/** Input rows below the intermediate block (per sector column). */
export const INPUT_ROWS = ["TII", "VA001", "VA002", "VA003", "VA004", "TVA", "TI"] as const;
export type InputRow = (typeof INPUT_ROWS)[number];

export interface SectorTable {
  file: string;
  year: number;
  province: Province;
  /** sector codes 01–42, the order of every vector and of Z's rows and columns */
  sectors: string[];
  /** intermediate flows z_ij (亿元): row i sells to column j */
  Z: number[][];
  /** final-use and supply columns by sector row (亿元) */
  use: Record<UseColumn, number[]>;
  /** value-added and total rows by sector column (亿元) */
  inputs: Record<InputRow, number[]>;
}

/** The derived CSV of one province and year. */
export function sectorTablePath(year: number, slug: string): string {
  return dataPath("derived", "io-tables", String(year), `${slug}.csv`);
}

/** Load the table of `province` (slug, e.g. "chongqing") for `year`; `file` overrides the path. */
export function loadSectorTable(year: number, slug: string, file = sectorTablePath(year, slug)): SectorTable {
  const province = PROVINCES.find((p) => p.slug === slug);
  if (!province) throw new Error(`loadSectorTable: unknown province slug "${slug}" (expected one of ${PROVINCES.map((p) => p.slug).join(", ")})`);
  return parseSectorTable(readCsv(file), year, province);
}

/** Parse an already read CSV (see lib/core/csv.ts `readCsv`) into a SectorTable. */
export function parseSectorTable(csv: ReturnType<typeof readCsv>, year: number, province: Province): SectorTable {
  const { file, header, rows } = csv;
  if (header[0] !== "code") throw new InputError(file, 1, header[0] ?? "", `first column must be "code", found "${header[0] ?? ""}"`);

  const colAt = new Map<string, number>();
  header.forEach((h, j) => {
    if (j === 0) return;
    if (colAt.has(h)) throw new InputError(file, 1, h, `duplicate column code "${h}"`);
    colAt.set(h, j);
  });
  const missingCols = [...SECTOR_CODES, ...USE_COLUMNS].filter((c) => !colAt.has(c));
  if (missingCols.length) throw new InputError(file, 1, null, `missing column code(s) ${missingCols.join(", ")}`);

  const rowAt = new Map<string, (typeof rows)[number]>();
  for (const r of rows) {
    const code = (r.cells[0] ?? "").trim();
    if (rowAt.has(code)) throw new InputError(file, r.line, "code", `duplicate row code "${code}" (also on line ${rowAt.get(code)!.line})`);
    rowAt.set(code, r);
  }
  const missingRows = [...SECTOR_CODES, ...INPUT_ROWS].filter((c) => !rowAt.has(c));
  if (missingRows.length) throw new InputError(file, null, "code", `missing row code(s) ${missingRows.join(", ")}`);

  /** The value at (row code, column code), converted to 亿元; throws if empty or not a finite number. */
  const value = (row: string, col: string): number => {
    const r = rowAt.get(row)!;
    const raw = (r.cells[colAt.get(col)!] ?? "").trim();
    if (raw === "") throw new InputError(file, r.line, col, `row "${row}": empty cell where a number (万元) is needed`);
    const v = Number(raw);
    if (!Number.isFinite(v)) throw new InputError(file, r.line, col, `row "${row}": "${raw}" is not a finite number`);
    return v / WAN_PER_YI;
  };

  const sectors = [...SECTOR_CODES];
  const Z = sectors.map((i) => sectors.map((j) => value(i, j)));
  const use = Object.fromEntries(USE_COLUMNS.map((c) => [c, sectors.map((i) => value(i, c))])) as Record<UseColumn, number[]>;
  const inputs = Object.fromEntries(INPUT_ROWS.map((r) => [r, sectors.map((j) => value(r, j))])) as Record<InputRow, number[]>;
  return { file, year, province, sectors, Z, use, inputs };
}
