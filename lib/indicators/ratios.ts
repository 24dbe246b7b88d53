/**
 * The paper's trade indicators (段庆林, Tables 2–6), as small pure functions.
 *
 * Notation (亿元): X exports 出口, M imports 进口, O domestic outflow to other provinces 国内省外流出,
 * I domestic inflow from other provinces 国内省外流入, Y GDP, GO total output 总产出.
 * The definitions were checked against the printed numbers: every printed ratio of Tables 2–6 follows
 * from the printed flows and GDP by these formulas (test/indicators.test.ts, lib/reconcile.ts).
 *
 * For a group of provinces, flows are summed first and then divided (`aggregate.ts`): a group ratio
 * is a ratio of sums, not a mean of ratios.
 */

/** The flows every indicator is computed from (亿元). */
export interface Flows {
  total_output: number;
  gdp: number;
  export: number;
  outflow: number;
  import: number;
  inflow: number;
}

/** 内外贸易比 (domestic-to-foreign trade ratio) = (O + I) / (X + M); a pure ratio, not a percentage. */
export function tradeRatio(f: Flows): number {
  return (f.outflow + f.inflow) / (f.export + f.import);
}

/** 外贸依存度 (foreign-trade dependence) = (X + M) / Y × 100. */
export function foreignTradeDependence(f: Flows): number {
  return ((f.export + f.import) / f.gdp) * 100;
}

/** 内贸依存度 (domestic-trade dependence) = (O + I) / Y × 100. */
export function domesticTradeDependence(f: Flows): number {
  return ((f.outflow + f.inflow) / f.gdp) * 100;
}

/** 流出率 (outflow rate) = (X + O) / Y × 100: everything that leaves the province, per unit of GDP. */
export function outflowRate(f: Flows): number {
  return ((f.export + f.outflow) / f.gdp) * 100;
}

/** 流入率 (inflow rate) = (M + I) / Y × 100: everything that enters the province, per unit of GDP. */
export function inflowRate(f: Flows): number {
  return ((f.import + f.inflow) / f.gdp) * 100;
}

/** 比重 (share) = part / whole × 100. */
export function share(part: number, whole: number): number {
  return (part / whole) * 100;
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

export type Ratios = Record<RatioColumn, number>;

/** All five ratios of one province or group. */
export function ratios(f: Flows): Ratios {
  return {
    trade_ratio: tradeRatio(f),
    ftd: foreignTradeDependence(f),
    dtd: domesticTradeDependence(f),
    outflow_rate: outflowRate(f),
    inflow_rate: inflowRate(f),
  };
}

/** Shares of each flow in the national (or any reference) total, in percent. */
export function shares(f: Flows, whole: Flows): Record<ShareColumn, number> {
  return {
    share_total_output: share(f.total_output, whole.total_output),
    share_gdp: share(f.gdp, whole.gdp),
    share_export: share(f.export, whole.export),
    share_outflow: share(f.outflow, whole.outflow),
    share_import: share(f.import, whole.import),
    share_inflow: share(f.inflow, whole.inflow),
  };
}

/** Column-wise sum of flows (a group's flows). */
export function sumFlows(rows: readonly Flows[]): Flows {
  const total: Flows = { total_output: 0, gdp: 0, export: 0, outflow: 0, import: 0, inflow: 0 };
  for (const r of rows) for (const c of FLOW_COLUMNS) total[c] += r[c];
  return total;
}

/** Bilingual labels of the columns, as the paper prints them. */
export const COLUMN_LABELS: Record<FlowColumn | RatioColumn, { zh: string; en: string }> = {
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
