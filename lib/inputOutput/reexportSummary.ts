/**
 * Which provinces and products the re-export netting touches (lib/inputOutput/reexport.ts): rows where imports plus inflows
 * exceed local use, s_i = m_i + n_i − u_i > 0, taken out of exports and outflows before the decomposition, so that
 * transit trade induces no value added in the province.
 */
import type { ProvinceDecomposition } from "./decompose";

export interface ReexportSummaryRow {
  zh: string;
  en: string;
  /** number of product rows netted (excess ≥ 1 万元) */
  sectors: number;
  /** Σ s_i (亿元) */
  excess: number;
  /** parts taken out of exports and of outflows (亿元) */
  fromExports: number;
  fromOutflows: number;
  /** netted outflows as a share of the province's printed outflows (0–1) */
  outflowShare: number;
  /** the largest rows, "code name" by descending excess */
  largest: { code: string; zh: string; en: string; excess: number }[];
}

/**
 * One row per province with at least one netted product, largest total excess first.
 * `grossOutflows` gives each province's printed outflows (亿元), to express the netting as a share.
 */
export function reexportSummary(decompositions: readonly ProvinceDecomposition[], grossOutflows: Readonly<Record<string, number>>, largest = 3): ReexportSummaryRow[] {
  return decompositions
    .filter((d) => d.reexports.length > 0)
    .map((d) => {
      const sum = (f: (r: ProvinceDecomposition["reexports"][number]) => number) => d.reexports.reduce((s, r) => s + f(r), 0);
      const fromOutflows = sum((r) => r.fromOutflows);
      const gross = grossOutflows[d.zh];
      if (!(gross > 0)) throw new Error(`reexportSummary: no printed outflows for ${d.zh}`);
      return {
        zh: d.zh,
        en: d.en,
        sectors: d.reexports.length,
        excess: sum((r) => r.excess),
        fromExports: sum((r) => r.fromExports),
        fromOutflows,
        outflowShare: fromOutflows / gross,
        largest: [...d.reexports]
          .sort((a, b) => b.excess - a.excess)
          .slice(0, largest)
          .map((r) => ({ code: r.code, zh: r.zh, en: r.en, excess: r.excess })),
      };
    })
    .sort((a, b) => b.excess - a.excess);
}
