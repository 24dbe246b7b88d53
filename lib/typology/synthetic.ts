/**
 * A seeded synthetic set of 31 provinces' flows, for tests and benchmarks of the clustering code
 * when the real 2017 flows are not at hand. Not data: nothing here is a measurement.
 *
 * Each province gets the type Table 1 gives it (lib/paper/provinces.ts). Each type has a centre in
 * (外贸依存度 ftd %, 内贸依存度 dtd %, inflow share of domestic trade), loosely after the group
 * values of the paper's Table 2; a province's values are its type's centre times
 * exp(spread · N(0,1)) (log-normal scatter), its GDP is log-normal around 2.7 万亿元.
 */
import { PROVINCES, TypeZh } from "../paper/provinces";
import { normal, rng } from "../core/random";
import { ProvinceFlows } from "../data/provinceFlows";

/** Type centres: ftd and dtd in % of GDP, and I / (O + I). */
export const SYNTHETIC_CENTRES: Record<TypeZh, { ftd: number; dtd: number; inflowShare: number }> = {
  双循环经济: { ftd: 94, dtd: 509, inflowShare: 0.47 },
  外向型经济: { ftd: 60, dtd: 141, inflowShare: 0.54 },
  自洽型经济: { ftd: 16, dtd: 49, inflowShare: 0.6 },
  均衡型经济: { ftd: 12, dtd: 176, inflowShare: 0.53 },
  内贸型经济: { ftd: 17, dtd: 298, inflowShare: 0.53 },
  沿边型经济: { ftd: 15, dtd: 173, inflowShare: 0.55 },
  输入型经济: { ftd: 3, dtd: 117, inflowShare: 0.62 },
};

export interface SyntheticProvinces {
  rows: ProvinceFlows[];
  /** Table 1 type of each row */
  types: TypeZh[];
}

/** 31 synthetic provinces (see the module comment); `spread` is the sd of the log scatter. */
export function syntheticProvinces(seed: number, spread = 0.25): SyntheticProvinces {
  const r = rng(seed);
  const rows = PROVINCES.map((p) => {
    const c = SYNTHETIC_CENTRES[p.type];
    const gdp = 27000 * Math.exp(0.6 * normal(r));
    const ftd = c.ftd * Math.exp(spread * normal(r));
    const dtd = c.dtd * Math.exp(spread * normal(r));
    const inflowShare = Math.min(0.9, Math.max(0.1, c.inflowShare * Math.exp(spread * 0.3 * normal(r))));
    const foreign = (ftd / 100) * gdp;
    const domestic = (dtd / 100) * gdp;
    const exportShare = 0.55 * Math.exp(0.1 * normal(r));
    return {
      province_zh: p.zh,
      total_output: gdp * 2.9 * Math.exp(0.1 * normal(r)),
      gdp,
      export: foreign * exportShare,
      import: foreign * (1 - exportShare),
      outflow: domestic * (1 - inflowShare),
      inflow: domestic * inflowShare,
    };
  });
  return { rows, types: PROVINCES.map((p) => p.type) };
}
