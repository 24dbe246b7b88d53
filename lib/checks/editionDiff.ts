/**
 * The two 2017 editions side by side (lib/data/editions.ts): the paper's (yearbook GDP, printed total rows) and the
 * tables' own (value added, sums of sectors). The flows are the same but for 2017 云南's outflow and inflow (its
 * printed total row exceeds the sum of sectors by 468.53 亿元); the denominator is what differs, and with it every
 * dependence ratio: ftd_tables / ftd_paper = GDP / value added, the same factor for all four ratios of a province.
 */
import { aggregate } from "../indicators/aggregate";
import { LOCATION_GROUPS, NATIONAL, REGION_GROUPS, YANGTZE, YELLOW_RIVER, type LayoutRow } from "../paper/groupings";
import { readDerivedFlows } from "../data/editions";
import { loadPrintedTable } from "../paper/printedTables";
import { ratios } from "../indicators/ratios";
import { FLOW_COLUMNS, type FlowColumn } from "../paper/columns";
import type { ProvinceFlows } from "../data/provinceFlows";
import { province } from "../paper/provinces";

export type EditionRow = {
  province_zh: string;
  province_en: string;
  /** paper edition: the yearbook's GDP (亿元) */
  gdp: number;
  /** tables edition: the table's value added, TVA (亿元) */
  value_added: number;
  /** (value added − GDP) / GDP × 100 */
  gap_pct: number;
  ftd_paper: number;
  ftd_tables: number;
  dtd_paper: number;
  dtd_tables: number;
  /** trade flows that differ between the editions by more than 0.005 亿元 */
  flows_differ: FlowColumn[];
};

/** Per province, in the order of `paper`; both editions must list the same provinces. */
export function editionDifferences(paper: readonly ProvinceFlows[], tables: readonly ProvinceFlows[]): EditionRow[] {
  const byName = new Map(tables.map((t) => [t.province_zh, t]));
  if (byName.size !== paper.length) throw new Error(`editions differ in size: ${paper.length} and ${tables.length} provinces`);
  return paper.map((p) => {
    const t = byName.get(p.province_zh);
    if (!t) throw new Error(`the tables edition has no ${p.province_zh}`);
    const rp = ratios(p);
    const rt = ratios(t);
    return {
      province_zh: p.province_zh,
      province_en: province(p.province_zh).en,
      gdp: p.gdp,
      value_added: t.gdp,
      gap_pct: ((t.gdp - p.gdp) / p.gdp) * 100,
      ftd_paper: rp.ftd,
      ftd_tables: rt.ftd,
      dtd_paper: rp.dtd,
      dtd_tables: rt.dtd,
      flows_differ: FLOW_COLUMNS.filter((c) => c !== "gdp" && Math.abs(p[c] - t[c]) > 0.005),
    };
  });
}

export type EditionGroupRow = {
  group_zh: string;
  group_en: string;
  gdp: number;
  value_added: number;
  ftd_paper: number;
  ftd_tables: number;
  dtd_paper: number;
  dtd_tables: number;
};

/** The same, for groups of a table layout (sums first, then ratios). */
export function editionGroupDifferences(paper: readonly ProvinceFlows[], tables: readonly ProvinceFlows[], layout: readonly LayoutRow[]): EditionGroupRow[] {
  const a = aggregate(paper, layout);
  const b = aggregate(tables, layout);
  return a.map((r, i) => ({
    group_zh: r.group_zh,
    group_en: r.group_en,
    gdp: r.gdp,
    value_added: b[i].gdp,
    ftd_paper: r.ftd,
    ftd_tables: b[i].ftd,
    dtd_paper: r.dtd,
    dtd_tables: b[i].dtd,
  }));
}

/** 全国, the four regions, coastal / inland / border and the two basins: the groups section 二 discusses. */
export const SUMMARY_LAYOUT: readonly LayoutRow[] = [
  NATIONAL,
  ...[...REGION_GROUPS, ...LOCATION_GROUPS, YELLOW_RIVER, YANGTZE].map((g): LayoutRow => ({ kind: "group", ...g })),
];

/**
 * Which basis the paper's flows are: a province's 2017 outflow and inflow on both bases of
 * data/derived/province_flows.csv beside the numbers Table 5 or 6 prints for it.
 */
export function basisEvidence(province_zh: string): { source: string; outflow: number; inflow: number }[] {
  const rows = readDerivedFlows().filter((r) => r.year === 2017 && r.province_zh === province_zh);
  const printed = ([5, 6] as const).map((n) => ({ n, row: loadPrintedTable(n).find((r) => r.group_zh === province_zh) })).find((x) => x.row);
  if (!printed) throw new Error(`${province_zh} is printed in neither Table 5 nor Table 6`);
  return [
    ...rows.map((r) => ({ source: `province_flows.csv ${r.basis}`, outflow: r.outflow!, inflow: r.inflow! })),
    { source: `表${printed.n} / Table ${printed.n}`, outflow: printed.row!.outflow.value, inflow: printed.row!.inflow.value },
  ];
}
