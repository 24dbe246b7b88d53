/**
 * Output and value-added multipliers of a province's exports, outflows and local demand.
 *
 *   m = 1ᵀL (output multipliers, Miller & Blair §6.2),   m̄_k = m · f_k / 1ᵀf_k,   va_k = vL · f_k / 1ᵀf_k
 *
 * m̄_k is the province's output per yuan of final demand k, with the province's own product mix of k as weights;
 * va_k is the value added per yuan (≤ 1: the rest leaks out as imports and inflows). A province that passes
 * goods through (high gross flows, low va) is exposed in gross terms but not in value added.
 */
import type { ComponentKey } from "./decompose";
import type { ProvinceValueAdded } from "./provinceValueAdded";

/** m̄ = m · f / Σf: the output multiplier of a final-demand vector (0 if f is empty). */
export function weightedMultiplier(m: readonly number[], f: readonly number[]): number {
  if (m.length !== f.length) throw new Error(`weightedMultiplier: ${m.length} multipliers but ${f.length} final-demand entries`);
  let num = 0;
  let den = 0;
  f.forEach((fj, j) => {
    num += m[j] * fj;
    den += fj;
  });
  return den !== 0 ? num / den : 0;
}

/** Simple mean of the multipliers, Σ_j m_j / n (the unweighted "average sector" multiplier). */
export function meanMultiplier(m: readonly number[]): number {
  if (m.length === 0) throw new Error("meanMultiplier: no sectors");
  return m.reduce((s, x) => s + x, 0) / m.length;
}

export interface MultiplierRow {
  zh: string;
  en: string;
  /** mean of the 42 output multipliers 1ᵀL */
  meanOutput: number;
  /** output per yuan of exports, outflows, and local final demand (household + government + capital) */
  outputExports: number;
  outputOutflows: number;
  outputLocal: number;
  /** value added per yuan of exports and of outflows (netted), vL · f / Σf */
  vaPerExport: number;
  vaPerOutflow: number;
  /** VA induced by exports (outflows) per yuan of GROSS exports (outflows) as printed: re-exports lower it */
  vaPerGrossExport: number;
  vaPerGrossOutflow: number;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** Multipliers of one province (see the module comment). */
export function provinceMultipliers(p: ProvinceValueAdded): MultiplierRow {
  const f = p.finalDemand;
  const local = f.household.map((c, j) => c + f.government[j] + f.capital[j]);
  const k = (key: ComponentKey) => weightedMultiplier(p.vaMultipliers, f[key]);
  const grossEx = sum(p.table.EX);
  const grossOf = sum(p.table.OF);
  return {
    zh: p.zh,
    en: p.en,
    meanOutput: meanMultiplier(p.outputMultipliers),
    outputExports: weightedMultiplier(p.outputMultipliers, f.exports),
    outputOutflows: weightedMultiplier(p.outputMultipliers, f.outflows),
    outputLocal: weightedMultiplier(p.outputMultipliers, local),
    vaPerExport: k("exports"),
    vaPerOutflow: k("outflows"),
    vaPerGrossExport: grossEx !== 0 ? p.induced.exports / grossEx : 0,
    vaPerGrossOutflow: grossOf !== 0 ? p.induced.outflows / grossOf : 0,
  };
}
