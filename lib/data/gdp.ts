/**
 * The paper's 2017 GDP per province.
 *
 * The paper's GDP column is the yearbook's provincial GDP, not the tables' value added. It prints it for the
 * 19 provinces of Tables 5–6; every group total of Tables 2–6 is a linear constraint on the others, and
 * subtraction (lib/core/subtraction.ts) recovers nine more. 天津, 福建 and 广东 only appear together (外向型经济 and
 * 东部地区 minus what is known), so their sum is determined but not their split: for those three the yearbook
 * figures are used (China Statistical Yearbook 2018, table 3-9, 2017 GDP as first published; quoted in
 * data/raw/io-tables/SOURCE.md), and their sum is checked against the recovered sum.
 */
import { PAPER_LAYOUTS } from "../paper/groupings";
import { loadPrintedTable, type PrintedTableNumber } from "../paper/printedTables";
import { PROVINCES } from "../paper/provinces";
import { halfUnit, recoverBySubtraction, type Check, type Constraint, type KnownValue, type Underdetermined } from "../core/subtraction";

/** Yearbook 2017 GDP (亿元) for the provinces the paper's tables do not determine individually. */
export const YEARBOOK_GDP_2017: Readonly<Record<string, number>> = {
  天津: 18549.19,
  福建: 32182.09,
  广东: 89705.23,
};
export const YEARBOOK_SOURCE =
  "China Statistical Yearbook 2018 (中国统计年鉴2018), table 3-9, 2017 GDP as first published; quoted in data/raw/io-tables/SOURCE.md";

export interface GdpEstimate {
  province_zh: string;
  gdp: number;
  /** rounding half-width (±亿元) inherited from the printed numbers it is derived from */
  tolerance: number;
  source_kind: "printed" | "recovered" | "yearbook";
  source: string;
}

export interface GdpRecovery {
  estimates: GdpEstimate[];
  /** group totals left without unknowns: consistency checks of the printed GDP column */
  checks: Check[];
  underdetermined: Underdetermined[];
}

/** Recover the paper's GDP of all 31 provinces from the printed Tables 2–6 (plus the yearbook for three). */
export function recoverPaperGdp(): GdpRecovery {
  const known = new Map<string, KnownValue>();
  const constraints: Constraint[] = [];
  for (const n of [2, 3, 4, 5, 6] as PrintedTableNumber[]) {
    const printed = loadPrintedTable(n);
    PAPER_LAYOUTS[n].forEach((row, i) => {
      const cell = printed[i].gdp;
      if (printed[i].group_zh !== row.zh)
        throw new Error(`data/paper/table${n}.csv row ${i + 2}: expected "${row.zh}", found "${printed[i].group_zh}"`);
      if (row.kind === "province") {
        if (!known.has(row.zh))
          known.set(row.zh, { value: cell.value, tolerance: halfUnit(cell.decimals), source: `printed in Table ${n}` });
      } else {
        constraints.push({ label: `表${n} ${row.zh}`, members: row.members, total: cell.value, decimals: cell.decimals });
      }
    });
  }
  const { recovered, checks, underdetermined } = recoverBySubtraction(constraints, known);
  const estimates = PROVINCES.map((p): GdpEstimate => {
    const k = known.get(p.zh);
    if (k) return { province_zh: p.zh, gdp: k.value, tolerance: k.tolerance, source_kind: "printed", source: k.source };
    const r = recovered.get(p.zh);
    if (r)
      return {
        province_zh: p.zh,
        // the printed numbers have at most two decimals: so does anything subtracted from them
        gdp: Math.round(r.value * 100) / 100,
        tolerance: r.tolerance,
        source_kind: "recovered",
        source: `recovered: ${r.recipe}`,
      };
    const y = YEARBOOK_GDP_2017[p.zh];
    if (y === undefined) throw new Error(`GDP of ${p.zh} is neither printed, recoverable nor in YEARBOOK_GDP_2017`);
    return { province_zh: p.zh, gdp: y, tolerance: 0.005, source_kind: "yearbook", source: YEARBOOK_SOURCE };
  });
  return { estimates, checks, underdetermined };
}

/** Every printed group GDP total against the sum of the 31 estimates: residual = printed − Σ members. */
export function gdpGroupResiduals(estimates: readonly GdpEstimate[]): { label: string; printed: number; sum: number; residual: number }[] {
  const gdp = new Map(estimates.map((e) => [e.province_zh, e.gdp]));
  const out: { label: string; printed: number; sum: number; residual: number }[] = [];
  for (const n of [2, 3, 4, 5, 6] as PrintedTableNumber[]) {
    const printed = loadPrintedTable(n);
    PAPER_LAYOUTS[n].forEach((row, i) => {
      if (row.kind === "province") return;
      const sum = row.members.reduce((s, m) => s + gdp.get(m)!, 0);
      out.push({ label: `表${n} ${row.zh}`, printed: printed[i].gdp.value, sum, residual: printed[i].gdp.value - sum });
    });
  }
  return out;
}
