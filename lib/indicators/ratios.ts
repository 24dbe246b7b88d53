/**
 * The paper's trade indicators (段庆林, Tables 2–6), as small pure functions.
 *
 * Notation (亿元): X exports 出口, M imports 进口, O domestic outflow to other provinces 国内省外流出,
 * I domestic inflow from other provinces 国内省外流入, Y GDP, GO total output 总产出.
 * The definitions were checked against the printed numbers: every printed ratio of Tables 2–6 follows
 * from the printed flows and GDP by these formulas (test/indicators.test.ts, lib/checks/reconcile.ts).
 *
 * For a group of provinces, flows are summed first and then divided (`aggregate.ts`): a group ratio
 * is a ratio of sums, not a mean of ratios.
 */
import { FLOW_COLUMNS, type Flows, type RatioColumn, type ShareColumn } from "../paper/columns";


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
