/**
 * The reproduced tables as CSV rows in exactly the layout `trade-patterns tables` writes (lib/cli/cli.ts tableFiles), so
 * a notebook that writes table1.csv or table2.csv with lib/present/tables.ts writeCsv produces the same file as the
 * command (test/table1.test.ts compares them byte for byte).
 */
import { aggregate, TABLE_COLUMNS } from "./aggregate";
import { PAPER_LAYOUTS } from "../paper/groupings";
import type { PrintedTableNumber } from "../paper/printedTables";
import type { ProvinceFlows } from "../data/provinceFlows";
import { PROVINCES, typeEn } from "../paper/provinces";

/** A CSV as header + rows, ready for writeCsv (lib/present/tables.ts) or toCsv (lib/core/csv.ts). */
export interface CsvRows {
  header: string[];
  rows: (string | number)[][];
}

/** table1.csv: province_zh, province_en, type_zh, type_en, one row per province in adcode order. */
export function table1Csv(): CsvRows {
  return { header: ["province_zh", "province_en", "type_zh", "type_en"], rows: PROVINCES.map((p) => [p.zh, p.en, p.type, typeEn(p.type)]) };
}

/** tableN.csv (2–6): the table computed from `data` in the paper's layout, TABLE_COLUMNS, full precision. */
export function computedTableCsv(n: PrintedTableNumber, data: readonly ProvinceFlows[]): CsvRows {
  return { header: [...TABLE_COLUMNS], rows: aggregate(data, PAPER_LAYOUTS[n]).map((r) => TABLE_COLUMNS.map((c) => r[c])) };
}
