/**
 * The province-level flows of one input-output table, in 亿元 (万元 / 10,000), on two bases:
 * - printed_total: the totals the workbook prints (TII row for the final-use columns; TIU column of the
 *   TVA and TI rows for value added and total input = total output);
 * - sector_sum: the same quantities summed over the 42 sectors (rows 01–42; value added over columns 01–42).
 * The two differ where the printed total row does (2017 云南 OF/IF, see anomalies.csv).
 *
 * Flows a table does not have are null ("not in the source table"): 2007 provincial tables have only gross
 * outflow FU302 (= exports + outflow) and gross inflow FU304; the national tables have no interprovincial flows.
 */
import { cell, sectorRowSum, sectorSum, type IoTable } from "./ioTable";

export const FLOW_FIELDS = [
  "total_output",
  "value_added",
  "export",
  "outflow",
  "import",
  "inflow",
  "gross_outflow",
  "gross_inflow",
  "final_consumption",
  "capital_formation",
  "other_error",
] as const;
export type FlowField = (typeof FLOW_FIELDS)[number];
export type TableFlows = Record<FlowField, number | null>;

export const BASES = ["printed_total", "sector_sum"] as const;
export type Basis = (typeof BASES)[number];

/** 亿元 per 万元. */
export const YI_PER_WAN = 1e-4;

/** Total of one final-use column (万元) on the chosen basis. */
export function columnTotal(t: IoTable, col: string, basis: Basis): number {
  return basis === "printed_total" ? cell(t, "TII", col) : sectorSum(t, col);
}

/** Flows of one table (亿元). gross_outflow = EX + OF (2007: FU302; national: EX), gross_inflow = IM + IF (2007: FU304; national: IM). */
export function tableFlows(t: IoTable, basis: Basis): TableFlows {
  const col = (c: string) => columnTotal(t, c, basis) * YI_PER_WAN;
  const printed = basis === "printed_total";
  const base = {
    total_output: (printed ? cell(t, "TI", "TIU") : sectorSum(t, "GO")) * YI_PER_WAN,
    value_added: (printed ? cell(t, "TVA", "TIU") : sectorRowSum(t, "TVA")) * YI_PER_WAN,
    final_consumption: col("TC"),
    capital_formation: col("GCF"),
    other_error: col("ERR"),
  };
  switch (t.trade) {
    case "split": {
      const [x, o, m, i] = [col("EX"), col("OF"), col("IM"), col("IF")];
      return { ...base, export: x, outflow: o, import: m, inflow: i, gross_outflow: x + o, gross_inflow: m + i };
    }
    case "gross":
      return { ...base, export: null, outflow: null, import: null, inflow: null, gross_outflow: col("FU302"), gross_inflow: col("FU304") };
    case "national": {
      const [x, m] = [col("EX"), col("IM")];
      return { ...base, export: x, outflow: null, import: m, inflow: null, gross_outflow: x, gross_inflow: m };
    }
  }
}
