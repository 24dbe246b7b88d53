/**
 * Where each province's 2017 GDP in the paper's edition comes from, for reading: printed in Tables 5–6, recovered
 * by subtraction from the group totals of Tables 2–6 (with its recipe), or taken from the yearbook (天津, 福建, 广东,
 * whose split the tables do not determine) — and the check that the yearbook's three add up to the recovered sum.
 * The recovery itself is lib/data/gdp.ts.
 */
import { YEARBOOK_GDP_2017, type GdpRecovery } from "./gdp";
import { PROVINCES } from "../paper/provinces";

export type GdpSourceRow = {
  province_zh: string;
  province_en: string;
  /** printed in Table 5 or 6 */
  printed: number | null;
  /** recovered by subtraction */
  recovered: number | null;
  /** the yearbook's figure, where the project quotes one */
  yearbook: number | null;
  /** the value used */
  gdp: number;
  /** ± 亿元, from the rounding of the printed numbers it derives from */
  tolerance: number;
  source_kind: "printed" | "recovered" | "yearbook";
  /** "printed in Table 5", the subtraction recipe, or the yearbook reference */
  how: string;
};

/** One row per province (code order): the value used, which column it fills, and how it was obtained. */
export function gdpSourceRows(recovery: GdpRecovery): GdpSourceRow[] {
  const byName = new Map(recovery.estimates.map((e) => [e.province_zh, e]));
  return PROVINCES.map((p) => {
    const e = byName.get(p.zh);
    if (!e) throw new Error(`the GDP recovery has no estimate for ${p.zh}`);
    return {
      province_zh: p.zh,
      province_en: p.en,
      printed: e.source_kind === "printed" ? e.gdp : null,
      recovered: e.source_kind === "recovered" ? e.gdp : null,
      yearbook: YEARBOOK_GDP_2017[p.zh] ?? null,
      gdp: e.gdp,
      tolerance: e.tolerance,
      source_kind: e.source_kind,
      how: e.source.replace(/^recovered: /, ""),
    };
  });
}

export type YearbookSumCheck = {
  members: string[];
  /** what the printed totals determine: the members' sum */
  recovered_sum: number;
  tolerance: number;
  recipe: string;
  /** the yearbook's figures for the members, summed */
  yearbook_sum: number;
  difference: number;
  /** |difference| within the recovered sum's rounding tolerance */
  consistent: boolean;
};

/** For every set of provinces whose sum only is determined: does the yearbook's split add up to that sum? */
export function yearbookSumChecks(recovery: GdpRecovery): YearbookSumCheck[] {
  return recovery.underdetermined.map((u) => {
    const missing = u.members.filter((m) => YEARBOOK_GDP_2017[m] === undefined);
    if (missing.length) throw new Error(`no yearbook GDP for ${missing.join("、")} (lib/data/gdp.ts YEARBOOK_GDP_2017)`);
    const yearbook_sum = u.members.reduce((s, m) => s + YEARBOOK_GDP_2017[m], 0);
    const difference = yearbook_sum - u.sum;
    return {
      members: u.members,
      recovered_sum: u.sum,
      tolerance: u.tolerance,
      recipe: u.recipe,
      yearbook_sum,
      difference,
      consistent: Math.abs(difference) <= u.tolerance + 1e-9,
    };
  });
}
