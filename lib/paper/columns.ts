/**
 * The columns of the paper's Tables 2–6: six flows (亿元), five ratios and the shares of the national total, in the
 * order the paper prints them, with their printed headings. The formulas are lib/indicators/ratios.ts.
 */
import type { Bilingual } from "../core/text";

/** The flows every indicator is computed from (亿元). */
export interface Flows {
  total_output: number;
  gdp: number;
  export: number;
  outflow: number;
  import: number;
  inflow: number;
}

/** The flow columns, in the order the paper's tables print them. */
export const FLOW_COLUMNS = ["total_output", "gdp", "export", "outflow", "import", "inflow"] as const;
export type FlowColumn = (typeof FLOW_COLUMNS)[number];

/** The ratio columns, in the order the paper's tables print them. */
export const RATIO_COLUMNS = ["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"] as const;
export type RatioColumn = (typeof RATIO_COLUMNS)[number];

export const SHARE_COLUMNS = [
  "share_total_output",
  "share_gdp",
  "share_export",
  "share_outflow",
  "share_import",
  "share_inflow",
] as const;
export type ShareColumn = (typeof SHARE_COLUMNS)[number];

/** Bilingual labels of the columns, as the paper prints them. */
export const COLUMN_LABELS: Record<FlowColumn | RatioColumn, Bilingual> = {
  total_output: { zh: "总产出", en: "Total output" },
  gdp: { zh: "GDP", en: "GDP" },
  export: { zh: "出口", en: "Exports" },
  outflow: { zh: "国内省外流出", en: "Outflow to other provinces" },
  import: { zh: "进口", en: "Imports" },
  inflow: { zh: "国内省外流入", en: "Inflow from other provinces" },
  trade_ratio: { zh: "内外贸易比", en: "Domestic/foreign trade ratio" },
  ftd: { zh: "外贸依存度", en: "Foreign-trade dependence (%)" },
  dtd: { zh: "内贸依存度", en: "Domestic-trade dependence (%)" },
  outflow_rate: { zh: "流出率", en: "Outflow rate (%)" },
  inflow_rate: { zh: "流入率", en: "Inflow rate (%)" },
};
