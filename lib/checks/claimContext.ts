/**
 * What the claims of lib/checks/claims.ts compute from: the rows of Tables 2–6 recomputed from the data (every group
 * and province by its Chinese name), and the comparisons the reading rules use (above or below the national value,
 * rank among peers, the n largest).
 */
import { aggregate, provinceIndicators, type TableRow } from "../indicators/aggregate";
import {
  LOCATION_GROUPS,
  NATIONAL,
  NORTHWEST,
  REGION_GROUPS,
  TYPE_GROUPS,
  YANGTZE,
  YELLOW_RIVER,
  type Group,
  type LayoutRow,
} from "../paper/groupings";
import type { RatioColumn, ShareColumn } from "../paper/columns";
import type { ProvinceFlows } from "../data/provinceFlows";
import { province, type TypeZh } from "../paper/provinces";

/** Everything a claim may compute from: the rows of Tables 2–6 recomputed from the data, and every province. */
export interface ClaimContext {
  national: TableRow;
  types: TableRow[];
  regions: TableRow[];
  locations: TableRow[];
  provinces: TableRow[];
  /** a group (全国, a type, a region, 西北地区, a location, 黄河流域, 长江经济带) or a province, by its Chinese name */
  row(zh: string): TableRow;
}

const asLayout = (g: Group): LayoutRow => ({ kind: "group", ...g });

/** The recomputed rows every claim reads, with shares of the national (31-province) total. */
export function claimContext(data: readonly ProvinceFlows[]): ClaimContext {
  const [national] = aggregate(data, [NATIONAL]);
  const whole = national; // shares of the 31-province total, as Tables 2–4 print them
  const types = aggregate(data, TYPE_GROUPS.map(asLayout), whole);
  const regions = aggregate(data, REGION_GROUPS.map(asLayout), whole);
  const locations = aggregate(data, LOCATION_GROUPS.map(asLayout), whole);
  const [northwest, yellowRiver, yangtze] = aggregate(data, [NORTHWEST, YELLOW_RIVER, YANGTZE].map(asLayout), whole);
  const provinces = provinceIndicators(data, whole);
  const byName = new Map<string, TableRow>();
  for (const r of [national, ...types, ...regions, northwest, ...locations, yellowRiver, yangtze, ...provinces]) byName.set(r.group_zh, r);
  return {
    national,
    types,
    regions,
    locations,
    provinces,
    row(zh) {
      const r = byName.get(zh);
      if (!r) throw new Error(`claims: no group or province named "${zh}"`);
      return r;
    },
  };
}

export type Col = RatioColumn | ShareColumn;

/** 1-based rank of `zh` among `rows` by `col`, largest first. */
export function rankOf(rows: readonly TableRow[], zh: string, col: Col): number {
  const sorted = [...rows].sort((a, b) => b[col] - a[col]);
  const i = sorted.findIndex((r) => r.group_zh === zh);
  if (i < 0) throw new Error(`claims: "${zh}" is not among ${rows.map((r) => r.group_zh).join("、")}`);
  return i + 1;
}

/** "外向型经济 34.11 > 自洽型经济 21.13 > …" */
export function ranking(rows: readonly TableRow[], col: Col, digits = 2): string {
  return [...rows]
    .sort((a, b) => b[col] - a[col])
    .map((r) => `${r.group_zh} ${r[col].toFixed(digits)}`)
    .join(" > ");
}

export const vsNational = (ctx: ClaimContext, zh: string, col: Col) =>
  `${zh} ${col} ${ctx.row(zh)[col].toFixed(2)} vs 全国 ${ctx.national[col].toFixed(2)}`;

export const above = (ctx: ClaimContext, zh: string, col: Col) => ctx.row(zh)[col] > ctx.national[col];
export const below = (ctx: ClaimContext, zh: string, col: Col) => ctx.row(zh)[col] < ctx.national[col];
export const topN = (rows: readonly TableRow[], names: readonly string[], col: Col) => names.every((n) => rankOf(rows, n, col) <= names.length);
export const typeMembers = (t: TypeZh) => TYPE_GROUPS.find((g) => g.zh === t)!.members;
export const inlandCount = (t: TypeZh) => typeMembers(t).filter((m) => province(m).location === "内陆地区").length;
export const wan = (yi: number) => yi / 1e4; // 亿元 → 万亿元
