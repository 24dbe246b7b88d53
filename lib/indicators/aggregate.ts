/**
 * Aggregation of province flows into the paper's table layout: sum the flows of each group, then divide.
 */
import type { LayoutRow } from "../paper/groupings";
import { ratios, shares, sumFlows } from "./ratios";
import { FLOW_COLUMNS, RATIO_COLUMNS, SHARE_COLUMNS, type FlowColumn, type Flows, type RatioColumn, type ShareColumn } from "../paper/columns";
import type { ProvinceFlows } from "../data/provinceFlows";
import { province } from "../paper/provinces";

export const TABLE_COLUMNS = ["group_zh", "group_en", ...FLOW_COLUMNS, ...RATIO_COLUMNS, ...SHARE_COLUMNS] as const;

export type TableRow = { group_zh: string; group_en: string } & Record<FlowColumn | RatioColumn | ShareColumn, number>;

/** Flows of a set of provinces; throws if a member has no data. */
export function groupFlows(data: readonly ProvinceFlows[], members: readonly string[]): Flows {
  const byName = new Map(data.map((d) => [d.province_zh, d]));
  const rows = members.map((m) => {
    const r = byName.get(m);
    if (!r) throw new Error(`no data for province "${m}"`);
    return r;
  });
  return sumFlows(rows);
}

/**
 * One table: for each layout row, the summed flows, the ratios of the sums and the shares in the national
 * total (all 31 provinces of `data`, or `whole` if given).
 */
export function aggregate(data: readonly ProvinceFlows[], layout: readonly LayoutRow[], whole?: Flows): TableRow[] {
  const national = whole ?? sumFlows(data);
  return layout.map((row) => {
    const f = groupFlows(data, row.members);
    return { group_zh: row.zh, group_en: row.en, ...f, ...ratios(f), ...shares(f, national) };
  });
}

/** Per-province indicator rows (a table whose groups are single provinces). */
export function provinceIndicators(data: readonly ProvinceFlows[], whole?: Flows): (TableRow & { province_zh: string })[] {
  const national = whole ?? sumFlows(data);
  return data.map((d) => {
    const { province_zh, ...f } = d;
    return { province_zh, group_zh: province_zh, group_en: province(province_zh).en, ...f, ...ratios(f), ...shares(f, national) };
  });
}
