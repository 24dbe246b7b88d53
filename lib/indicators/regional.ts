/**
 * Groupings for the regional analysis of section 二: the paper's (the four regions of Table 3, the coastal / inland /
 * border split of Table 4, the two river basins of Tables 5–6, the seven types of Table 2) or any a user defines
 * (京津冀, 长三角, 成渝 …), each turned into the same table: summed flows, ratios of sums, shares of the national total.
 *
 * A grouping need not cover the country: the provinces left out form a last row, 其他省份 / other provinces, so that
 * shares add up to 100 %. Groups may overlap (四川 is in both basins): then shares do not add up, and charts must not
 * stack them; `overlaps` says where.
 */
import { aggregate, type TableRow } from "./aggregate";
import { LOCATION_GROUPS, NATIONAL, NORTHWEST, REGION_GROUPS, TYPE_GROUPS, YANGTZE, YELLOW_RIVER, defineGroup, type Group, type LayoutRow } from "../paper/groupings";
import type { ProvinceFlows } from "../data/provinceFlows";
import { PROVINCES } from "../paper/provinces";
import type { Bilingual } from "../core/text";

export interface Grouping {
  id: string;
  zh: string;
  en: string;
  groups: Group[];
}

export const PAPER_GROUPING_IDS = ["regions", "locations", "basins", "types"] as const;
export type PaperGroupingId = (typeof PAPER_GROUPING_IDS)[number];

/** The paper's groupings. 西北地区 (a part of 西部地区) is left out of `regions`: it is a subset, not a region. */
export const PAPER_GROUPINGS: Readonly<Record<PaperGroupingId, Grouping>> = {
  regions: { id: "regions", zh: "四大板块（表3）", en: "Four regions (Table 3)", groups: REGION_GROUPS },
  locations: { id: "locations", zh: "沿海、内陆、沿边（表4）", en: "Coastal, inland, border (Table 4)", groups: LOCATION_GROUPS },
  basins: { id: "basins", zh: "黄河流域与长江经济带（表5、表6）", en: "Yellow River and Yangtze (Tables 5–6)", groups: [YELLOW_RIVER, YANGTZE] },
  types: { id: "types", zh: "七种经济循环类型（表2）", en: "Seven circulation types (Table 2)", groups: TYPE_GROUPS },
};

/** Also shown in Table 3, as a subset of 西部地区. */
export { NORTHWEST };

export const REST_LABEL = { zh: "其他省份", en: "Other provinces" } as const;

/** A group as a user writes it in a notebook's parameter cell. */
export interface GroupSpec {
  zh: string;
  en: string;
  members: readonly string[];
}

/** A grouping from the user's groups; every name is checked (lib/paper/groupings.ts defineGroup). */
export function customGrouping(specs: readonly GroupSpec[], zh = "自定义分组", en = "Custom grouping"): Grouping {
  if (specs.length === 0) throw new Error("customGrouping: no groups given");
  const seen = new Set<string>();
  for (const s of specs) {
    if (seen.has(s.zh)) throw new Error(`customGrouping: two groups are named "${s.zh}"`);
    if (s.zh === REST_LABEL.zh || s.zh === NATIONAL.zh) throw new Error(`customGrouping: "${s.zh}" is reserved`);
    seen.add(s.zh);
  }
  return { id: "custom", zh, en, groups: specs.map((s) => defineGroup(s.zh, s.en, s.members)) };
}

/** A paper grouping by id, or "custom" with the user's groups. */
export function groupingOf(id: PaperGroupingId | "custom", custom: readonly GroupSpec[] = []): Grouping {
  if (id === "custom") return customGrouping(custom);
  const g = PAPER_GROUPINGS[id];
  if (!g) throw new Error(`unknown grouping "${String(id)}" (expected ${PAPER_GROUPING_IDS.join(", ")} or custom)`);
  return g;
}

/** Provinces in more than one group, with the groups they are in. */
export function overlaps(g: Grouping): { province_zh: string; groups: string[] }[] {
  return PROVINCES.map((p) => ({ province_zh: p.zh, groups: g.groups.filter((x) => x.members.includes(p.zh)).map((x) => x.zh) })).filter(
    (o) => o.groups.length > 1,
  );
}

/** Provinces in no group, in code order. */
export function uncovered(g: Grouping): string[] {
  const inSome = new Set(g.groups.flatMap((x) => x.members));
  return PROVINCES.filter((p) => !inSome.has(p.zh)).map((p) => p.zh);
}

/** The layout of a grouping's table: 全国, each group, and 其他省份 if some provinces are in no group. */
export function groupingLayout(g: Grouping): LayoutRow[] {
  const rest = uncovered(g);
  return [
    NATIONAL,
    ...g.groups.map((x): LayoutRow => ({ kind: "group", ...x })),
    ...(rest.length ? [{ kind: "group" as const, zh: REST_LABEL.zh, en: REST_LABEL.en, members: rest }] : []),
  ];
}

/** The grouping's table (flows 亿元, ratios, shares % of the 31-province total), first row 全国. */
export function groupingTable(data: readonly ProvinceFlows[], g: Grouping): TableRow[] {
  return aggregate(data, groupingLayout(g));
}

/**
 * Each province's category on a map of the grouping: its group; "A、B" where it is in two (each such combination is
 * a category of its own); 其他省份 where it is in none. Categories in legend order: groups, combinations, rest.
 */
export function provinceCategories(g: Grouping): { assignment: Record<string, string>; categories: Bilingual[] } {
  const assignment: Record<string, string> = {};
  const combos: Bilingual[] = [];
  let rest = false;
  for (const p of PROVINCES) {
    const groups = g.groups.filter((x) => x.members.includes(p.zh));
    if (groups.length === 0) {
      assignment[p.zh] = REST_LABEL.zh;
      rest = true;
      continue;
    }
    const zh = groups.map((x) => x.zh).join("、");
    assignment[p.zh] = zh;
    // English names without their parenthesised notes ("(9 provinces)"): a legend entry names two or more groups
    if (groups.length > 1 && !combos.some((c) => c.zh === zh)) combos.push({ zh, en: groups.map((x) => x.en.replace(/\s*\([^)]*\)$/, "")).join(" & ") });
  }
  const categories = [...g.groups.map((x) => ({ zh: x.zh, en: x.en })), ...combos, ...(rest ? [{ ...REST_LABEL }] : [])];
  return { assignment, categories };
}

/** One line naming the provinces in two or more groups, or "" when the groups are disjoint. */
export function describeOverlaps(g: Grouping, lang: "zh" | "en" = "zh"): string {
  const o = overlaps(g);
  if (o.length === 0) return "";
  const list = o.map((x) => `${x.province_zh}（${x.groups.join("、")}）`).join(lang === "zh" ? "；" : "; ");
  return lang === "zh" ? `分组有重叠，比重不可相加：${list}` : `groups overlap, shares do not add up: ${list}`;
}
