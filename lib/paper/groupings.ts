/**
 * Groupings of provinces and the row layout of the paper's Tables 2–6.
 *
 * A grouping is a list of named groups of provinces. The paper's groupings come from lib/paper/provinces.ts;
 * a user can define any other (京津冀, 长三角, 成渝 …) with `defineGroup` and get the same table.
 */
import { LOCATIONS, PROVINCES, REGIONS, TYPES, province, type Province } from "./provinces";
import type { Bilingual } from "../core/text";

export interface Group {
  /** label as the paper prints it (or as the user names it) */
  zh: string;
  en: string;
  /** Chinese short names of the member provinces */
  members: string[];
}

/** A row of a table layout: a group, or a single province printed under its group. */
export interface LayoutRow extends Group {
  kind: "national" | "group" | "province";
}

/** A group from a list of province short names; throws on an unknown or repeated name. */
export function defineGroup(zh: string, en: string, members: readonly string[]): Group {
  const seen = new Set<string>();
  for (const m of members) {
    province(m); // throws on an unknown name
    if (seen.has(m)) throw new Error(`group "${zh}": province "${m}" is listed twice`);
    seen.add(m);
  }
  if (members.length === 0) throw new Error(`group "${zh}" has no members`);
  return { zh, en, members: [...members] };
}

const members = (pred: (p: Province) => boolean) => PROVINCES.filter(pred).map((p) => p.zh);

export const NATIONAL: LayoutRow = { kind: "national", zh: "全国", en: "China (31 provinces)", members: members(() => true) };

/** The seven types as groups, in the order of Table 1. */
export const TYPE_GROUPS: Group[] = TYPES.map((t) => ({ zh: t.zh, en: t.en, members: members((p) => p.type === t.zh) }));
export const REGION_GROUPS: Group[] = REGIONS.map((r) => ({ zh: r.zh, en: r.en, members: members((p) => p.region === r.zh) }));
export const NORTHWEST: Group = { zh: "西北地区", en: "Northwest (within West)", members: members((p) => p.northwest) };
export const LOCATION_GROUPS: Group[] = LOCATIONS.map((l) => ({ zh: l.zh, en: l.en, members: members((p) => p.location === l.zh) }));
export const YELLOW_RIVER: Group = { zh: "黄河流域", en: "Yellow River basin (9 provinces)", members: members((p) => p.yellowRiver) };
export const YANGTZE: Group = { zh: "长江经济带", en: "Yangtze River Economic Belt (11 provinces)", members: members((p) => p.yangtze) };

const asRow = (g: Group, zh = g.zh): LayoutRow => ({ kind: "group", zh, en: g.en, members: g.members });
const provinceRow = (zh: string): LayoutRow => ({ kind: "province", zh, en: province(zh).en, members: [zh] });
const typeRow = (zh: string, printed = zh) => asRow(TYPE_GROUPS.find((g) => g.zh === zh)!, printed);

/**
 * The rows of Tables 2–6 in printed order, with labels exactly as printed
 * (Table 2 prints 均衡性经济 for 均衡型经济; Table 3 prints 西北地区 as "#西北地区", a subset of 西部地区).
 */
export const PAPER_LAYOUTS: Record<2 | 3 | 4 | 5 | 6, LayoutRow[]> = {
  2: [
    NATIONAL,
    typeRow("双循环经济"),
    typeRow("外向型经济"),
    typeRow("自洽型经济"),
    typeRow("内贸型经济"),
    typeRow("均衡型经济", "均衡性经济"),
    typeRow("沿边型经济"),
    typeRow("输入型经济"),
  ],
  3: [NATIONAL, ...REGION_GROUPS.slice(0, 3).map((g) => asRow(g)), asRow(NORTHWEST, "#西北地区"), asRow(REGION_GROUPS[3])],
  4: [NATIONAL, ...LOCATION_GROUPS.map((g) => asRow(g))],
  5: [asRow(YELLOW_RIVER), ...["青海", "四川", "甘肃", "宁夏", "内蒙古", "山西", "陕西", "河南", "山东"].map(provinceRow)],
  6: [
    asRow(YANGTZE),
    ...["上海", "江苏", "浙江", "安徽", "江西", "湖北", "湖南", "重庆", "四川", "云南", "贵州"].map(provinceRow),
  ],
};

export const PAPER_TABLE_TITLES: Record<2 | 3 | 4 | 5 | 6, Bilingual> = {
  2: { zh: "表2 中国各经济循环类型基本情况（2017年）", en: "Table 2. The seven trade-pattern types (2017)" },
  3: { zh: "表3 中国四大板块内外贸模式分析", en: "Table 3. The four regions" },
  4: { zh: "表4 中国沿海、内陆、沿边地区分析", en: "Table 4. Coastal, inland and border provinces" },
  5: { zh: "表5 黄河流域内外贸经济循环状况", en: "Table 5. The Yellow River basin" },
  6: { zh: "表6 长江经济带内外贸经济循环状况", en: "Table 6. The Yangtze River Economic Belt" },
};
