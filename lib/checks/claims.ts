/**
 * The claims of the paper's prose: every sentence of sections 一 and 二 (and of Table 1's 特征 column) that the
 * 2017 data can check, each turned into a computation on the province flows.
 *
 * A claim is checked against the data, never against the printed tables: the tables are the other side of the
 * comparison. Where a sentence quotes a table cell, the result also says whether the text agrees with that cell and
 * whether the cell is one of the misprints found by lib/checks/reconcile.ts.
 *
 * Reading rules (the same rule for every sentence that uses the same word):
 * - R0 numbers: a printed number holds if |computed − printed| ≤ half a unit of its last printed digit
 *   ("4.78" ±0.005, "52.9" ±0.05, "4倍" and "44%" ±0.5 — the paper printed no decimal, so it rounded to an integer).
 *   万亿元 figures are computed in 亿元 and divided by 10⁴. "占全国比重" is the group's share of the national (31-province)
 *   total of that flow; "在全国经济中…占全国比重" is the share of GDP.
 * - R1 高 / 较高 / 比较高 (high) of a group or province: above the national value (全国, the first row of Tables 2–4).
 *   低 / 较低 (low): below it.
 * - R2 相对较低 (relatively low, among the groups the paragraph compares): the lowest of those groups.
 * - R3 中等 / 一定的 (medium, some): in the middle of the peers — 3rd to 5th of the seven types, 11th to 21st of the 31
 *   provinces.
 * - R4 主要 / 最重要 / 中心 (main, most important, centre): the largest share of the partition's groups; n groups named
 *   together: the n largest.
 * - R5 远高于 (far above), of one type's inflow rate over its outflow rate: the largest inflow/outflow-rate ratio of
 *   the seven types.
 * - R6 以内陆地区为主 (mainly inland): more than half of the members are in Table 4's 内陆地区.
 *
 * Not checked, because the data hold nothing to check them with: border trade (边贸), population, industrial
 * linkage (产业配套), geography (青藏高原, 靠近沿海), growth (增长极); and the vague 龙头 (leading) of 上海, 江苏 and 浙江.
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
import { loadPrintedTable, type PrintedColumn, type PrintedTableNumber } from "../paper/printedTables";
import type { ProvinceFlows } from "../data/provinceFlows";
import { province, type TypeZh } from "../paper/provinces";
import { reconcile, roundDecimalString } from "./reconcile";
import { halfUnit } from "../core/subtraction";

export type ClaimSection = "一" | "二" | "表1";

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

export interface Claim {
  id: string;
  section: ClaimSection;
  /** the sentence fragment, verbatim from the paper (whitespace of the extracted text removed) */
  sentence_zh: string;
  claim_en: string;
  /** the number as printed; null for a qualitative claim (which the paper asserts to be true) */
  printed: string | null;
  unit: "%" | "万亿元" | "倍" | "";
  compute: (ctx: ClaimContext) => number | boolean;
  /** R0: half a unit of the last printed digit; null for a qualitative claim */
  tolerance: number | null;
  /** how the sentence was turned into a computation */
  reading: string;
  /** the printed table cell the sentence quotes, as the table labels it */
  quotes?: { table: PrintedTableNumber; group_zh: string; column: PrintedColumn };
  /** further computed detail for the note (ranks among peers, the values compared) */
  detail?: (ctx: ClaimContext) => string;
}

export interface ClaimResult {
  id: string;
  section: ClaimSection;
  sentence_zh: string;
  claim_en: string;
  printed: string | null;
  unit: string;
  computed: number | boolean;
  tolerance: number | null;
  /** computed − printed (numeric claims) */
  difference: number | null;
  holds: boolean;
  reading: string;
  note: string;
}

/** R0: half a unit of the last printed digit ("4.78" → 0.005, "4" → 0.5). */
export function roundingTolerance(printed: string): number {
  if (!/^\d+(\.\d+)?$/.test(printed)) throw new Error(`"${printed}" is not a printed number`);
  const point = printed.indexOf(".");
  return halfUnit(point < 0 ? 0 : printed.length - point - 1);
}

const decimalsOf = (printed: string) => (printed.includes(".") ? printed.length - printed.indexOf(".") - 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// Context

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

type Col = RatioColumn | ShareColumn;

/** 1-based rank of `zh` among `rows` by `col`, largest first. */
export function rankOf(rows: readonly TableRow[], zh: string, col: Col): number {
  const sorted = [...rows].sort((a, b) => b[col] - a[col]);
  const i = sorted.findIndex((r) => r.group_zh === zh);
  if (i < 0) throw new Error(`claims: "${zh}" is not among ${rows.map((r) => r.group_zh).join("、")}`);
  return i + 1;
}

/** "外向型经济 34.11 > 自洽型经济 21.13 > …" */
function ranking(rows: readonly TableRow[], col: Col, digits = 2): string {
  return [...rows]
    .sort((a, b) => b[col] - a[col])
    .map((r) => `${r.group_zh} ${r[col].toFixed(digits)}`)
    .join(" > ");
}

const vsNational = (ctx: ClaimContext, zh: string, col: Col) =>
  `${zh} ${col} ${ctx.row(zh)[col].toFixed(2)} vs 全国 ${ctx.national[col].toFixed(2)}`;

const above = (ctx: ClaimContext, zh: string, col: Col) => ctx.row(zh)[col] > ctx.national[col];
const below = (ctx: ClaimContext, zh: string, col: Col) => ctx.row(zh)[col] < ctx.national[col];
const topN = (rows: readonly TableRow[], names: readonly string[], col: Col) => names.every((n) => rankOf(rows, n, col) <= names.length);
const typeMembers = (t: TypeZh) => TYPE_GROUPS.find((g) => g.zh === t)!.members;
const inlandCount = (t: TypeZh) => typeMembers(t).filter((m) => province(m).location === "内陆地区").length;
const wan = (yi: number) => yi / 1e4; // 亿元 → 万亿元

// ---------------------------------------------------------------------------------------------------------------
// Builders

type NumericSpec = Omit<Claim, "tolerance" | "printed" | "compute"> & { printed: string; compute: (ctx: ClaimContext) => number };
type QualitativeSpec = Omit<Claim, "tolerance" | "printed" | "unit" | "compute"> & { compute: (ctx: ClaimContext) => boolean };

const numeric = (c: NumericSpec): Claim => ({ ...c, tolerance: roundingTolerance(c.printed) });
const qualitative = (c: QualitativeSpec): Claim => ({ ...c, printed: null, unit: "", tolerance: null });

/** A share of the national total quoted from a table ("X 占全国比重为 p%"). */
function shareClaim(
  id: string,
  section: ClaimSection,
  sentence_zh: string,
  claim_en: string,
  printed: string,
  group: string,
  col: ShareColumn,
  quotes?: Claim["quotes"],
): Claim {
  return numeric({
    id,
    section,
    sentence_zh,
    claim_en,
    printed,
    unit: "%",
    compute: (ctx) => ctx.row(group)[col],
    reading: `R0: ${group}'s ${col.slice("share_".length)} / the national total × 100`,
    quotes,
  });
}

/** A ratio of one group or province quoted from a table (外贸依存度, 内贸依存度, 内外贸易比). */
function ratioClaim(
  id: string,
  section: ClaimSection,
  sentence_zh: string,
  claim_en: string,
  printed: string,
  group: string,
  col: RatioColumn,
  quotes?: Claim["quotes"],
): Claim {
  const formula: Record<RatioColumn, string> = {
    trade_ratio: "(outflow + inflow)/(export + import)",
    ftd: "(export + import)/GDP × 100",
    dtd: "(outflow + inflow)/GDP × 100",
    outflow_rate: "(export + outflow)/GDP × 100",
    inflow_rate: "(import + inflow)/GDP × 100",
  };
  return numeric({
    id,
    section,
    sentence_zh,
    claim_en,
    printed,
    unit: col === "trade_ratio" ? "倍" : "%",
    compute: (ctx) => ctx.row(group)[col],
    reading: `R0: ${group}'s ${col} = ${formula[col]}`,
    quotes,
  });
}

/** A sum of two or three types' shares ("两个地区合计占…"): computed unrounded, then compared. */
function sumOfSharesClaim(id: string, sentence_zh: string, claim_en: string, printed: string, groups: string[], col: ShareColumn): Claim {
  return numeric({
    id,
    section: "一",
    sentence_zh,
    claim_en,
    printed,
    unit: "%",
    compute: (ctx) => groups.reduce((s, g) => s + ctx.row(g)[col], 0),
    reading: `R0: the sum of the unrounded ${col} of ${groups.join(" + ")} (= their combined flow over the national total)`,
    detail: (ctx) => {
      const parts = groups.map((g) => ctx.row(g)[col].toFixed(2));
      const sumRounded = parts.reduce((s, p) => s + Number(p), 0).toFixed(2);
      return `the rounded parts ${parts.join(" + ")} add up to ${sumRounded}${sumRounded === printed ? " — the printed figure: the paper added rounded shares" : ""}`;
    },
  });
}

const t = (table: PrintedTableNumber, group_zh: string, column: PrintedColumn): Claim["quotes"] => ({ table, group_zh, column });

// ---------------------------------------------------------------------------------------------------------------
// The claims

const DUAL = "双循环经济";
const OUTWARD = "外向型经济";
const SELF = "自洽型经济";
const TYPE_NAMES = TYPE_GROUPS.map((g) => g.zh);
const OUTWARD_TYPES = [DUAL, OUTWARD];

const SECTION_1: Claim[] = [
  qualitative({
    id: "s1-domestic-larger-than-foreign",
    section: "一",
    sentence_zh: "一是中国国内贸易额是比进出口额更大的市场",
    claim_en: "Domestic (inter-provincial) trade is a larger market than foreign trade.",
    compute: (ctx) => ctx.national.outflow + ctx.national.inflow > ctx.national.export + ctx.national.import,
    reading: "national outflow + inflow > national exports + imports",
    detail: (ctx) => `O + I = ${(ctx.national.outflow + ctx.national.inflow).toFixed(1)} 亿元, X + M = ${(ctx.national.export + ctx.national.import).toFixed(1)} 亿元`,
  }),
  numeric({
    id: "s1-domestic-trade-total",
    section: "一",
    sentence_zh: "国内省外流出流入额合计为150.9万亿元",
    claim_en: "The provinces' outflows plus inflows total 150.9 trillion yuan.",
    printed: "150.9",
    unit: "万亿元",
    compute: (ctx) => wan(ctx.national.outflow + ctx.national.inflow),
    reading: "R0: Σ over 31 provinces of (outflow + inflow), 亿元 / 10⁴",
  }),
  numeric({
    id: "s1-foreign-trade-total",
    section: "一",
    sentence_zh: "是全国进出口额31.6万亿元",
    claim_en: "National exports plus imports are 31.6 trillion yuan.",
    printed: "31.6",
    unit: "万亿元",
    compute: (ctx) => wan(ctx.national.export + ctx.national.import),
    reading: "R0: Σ over 31 provinces of (export + import), 亿元 / 10⁴",
  }),
  ratioClaim(
    "s1-domestic-over-foreign",
    "一",
    "是全国进出口额31.6万亿元的4.78倍",
    "Domestic trade is 4.78 times foreign trade.",
    "4.78",
    "全国",
    "trade_ratio",
    t(2, "全国", "trade_ratio"),
  ),
  qualitative({
    id: "s1-two-outward-types",
    section: "一",
    sentence_zh: "其中双循环经济、外向型经济属于外向型经济的两种形态，其他类型均为不同类型的内向型经济为主的经济形态",
    claim_en: "The dual-circulation and export-oriented types are the two outward-oriented types; the other five are inward-oriented.",
    compute: (ctx) => ctx.types.every((r) => (r.ftd > ctx.national.ftd) === OUTWARD_TYPES.includes(r.group_zh)),
    reading: "outward = 外贸依存度 above the national value: true for exactly 双循环经济 and 外向型经济 of the seven types",
    detail: (ctx) => `ftd: ${ranking(ctx.types, "ftd")}; 全国 ${ctx.national.ftd.toFixed(2)}`,
  }),
  qualitative({
    id: "s1-three-types-economic-centres",
    section: "一",
    sentence_zh: "二是外向型经济、双循环经济、自洽型经济三个地区是我国的经济中心",
    claim_en: "The export-oriented, dual-circulation and self-consistent types are China's economic centres.",
    compute: (ctx) => topN(ctx.types, [OUTWARD, DUAL, SELF], "share_gdp"),
    reading: "R4: the three types hold the three largest GDP shares of the seven types",
    detail: (ctx) =>
      `GDP share: ${ranking(ctx.types, "share_gdp")}; 双循环经济 ranks ${rankOf(ctx.types, DUAL, "share_gdp")} of 7. ` +
      `Together the three hold ${(ctx.row(OUTWARD).share_gdp + ctx.row(DUAL).share_gdp + ctx.row(SELF).share_gdp).toFixed(2)} % (more than half), the paper's own argument`,
  }),
  shareClaim("s1-gdp-share-dual", "一", "双循环经济地区占9.22%", "Dual-circulation provinces hold 9.22 % of GDP.", "9.22", DUAL, "share_gdp", t(2, DUAL, "share_gdp")),
  shareClaim("s1-gdp-share-outward", "一", "外向型经济地区占34.11%", "Export-oriented provinces hold 34.11 % of GDP.", "34.11", OUTWARD, "share_gdp", t(2, OUTWARD, "share_gdp")),
  shareClaim("s1-gdp-share-self", "一", "自洽型经济地区占21.13%", "Self-consistent provinces hold 21.13 % of GDP.", "21.13", SELF, "share_gdp", t(2, SELF, "share_gdp")),
  sumOfSharesClaim(
    "s1-gdp-share-three-types",
    "三个地区合计占全国GDP的64.46%",
    "The three types together hold 64.46 % of GDP.",
    "64.46",
    [DUAL, OUTWARD, SELF],
    "share_gdp",
  ),
  qualitative({
    id: "s1-two-types-main-foreign-trade",
    section: "一",
    sentence_zh: "三是外向型经济地区和双循环经济地区是中国对外贸易的主要地区",
    claim_en: "The export-oriented and dual-circulation types are the main foreign-trade regions.",
    compute: (ctx) => topN(ctx.types, OUTWARD_TYPES, "share_export") && topN(ctx.types, OUTWARD_TYPES, "share_import"),
    reading: "R4: the two types hold the two largest export shares and the two largest import shares of the seven types",
    detail: (ctx) => `export share: ${ranking(ctx.types, "share_export")}; import share: ${ranking(ctx.types, "share_import")}`,
  }),
  shareClaim("s1-export-share-outward", "一", "分别占全国出口额的62.43%", "Export-oriented provinces: 62.43 % of exports.", "62.43", OUTWARD, "share_export", t(2, OUTWARD, "share_export")),
  shareClaim("s1-import-share-outward", "一", "进口额的46.74%", "Export-oriented provinces: 46.74 % of imports.", "46.74", OUTWARD, "share_import", t(2, OUTWARD, "share_import")),
  shareClaim("s1-export-share-dual", "一", "分别占全国出口额的14.53%", "Dual-circulation provinces: 14.53 % of exports.", "14.53", DUAL, "share_export", t(2, DUAL, "share_export")),
  shareClaim("s1-import-share-dual", "一", "进口额的32.38%", "Dual-circulation provinces: 32.38 % of imports.", "32.38", DUAL, "share_import", t(2, DUAL, "share_import")),
  sumOfSharesClaim("s1-export-share-two-types", "两个地区合计占全国出口额的76.96%", "The two types together: 76.96 % of exports.", "76.96", OUTWARD_TYPES, "share_export"),
  sumOfSharesClaim("s1-import-share-two-types", "占全国进口额的79.12%", "The two types together: 79.12 % of imports.", "79.12", OUTWARD_TYPES, "share_import"),
  qualitative({
    id: "s1-two-types-main-domestic-trade",
    section: "一",
    sentence_zh: "四是外向型地区和双循环经济地区是中国国内贸易的主要地区",
    claim_en: "The export-oriented and dual-circulation types are the main domestic-trade regions.",
    compute: (ctx) => topN(ctx.types, OUTWARD_TYPES, "share_outflow") && topN(ctx.types, OUTWARD_TYPES, "share_inflow"),
    reading: "R4: the two types hold the two largest outflow shares and the two largest inflow shares of the seven types",
    detail: (ctx) => `outflow share: ${ranking(ctx.types, "share_outflow")}; inflow share: ${ranking(ctx.types, "share_inflow")}`,
  }),
  shareClaim("s1-outflow-share-outward", "一", "外向型经济地区国内省外流出额占全国比重为25.91%", "Export-oriented provinces: 25.91 % of outflows.", "25.91", OUTWARD, "share_outflow", t(2, OUTWARD, "share_outflow")),
  shareClaim("s1-inflow-share-outward", "一", "国内省外流入额占全国比重为27.88%", "Export-oriented provinces: 27.88 % of inflows.", "27.88", OUTWARD, "share_inflow", t(2, OUTWARD, "share_inflow")),
  shareClaim("s1-outflow-share-dual", "一", "双循环经济地区国内省外流出额占全国比重为29.42%", "Dual-circulation provinces: 29.42 % of outflows.", "29.42", DUAL, "share_outflow", t(2, DUAL, "share_outflow")),
  shareClaim("s1-inflow-share-dual", "一", "国内省外流入额占全国比重为23.56%", "Dual-circulation provinces: 23.56 % of inflows.", "23.56", DUAL, "share_inflow", t(2, DUAL, "share_inflow")),
  sumOfSharesClaim("s1-outflow-share-two-types", "两个地区合计占国内省外流出额的55.33%", "The two types together: 55.33 % of outflows.", "55.33", OUTWARD_TYPES, "share_outflow"),
  sumOfSharesClaim("s1-inflow-share-two-types", "占国内省外流入额的51.44%", "The two types together: 51.44 % of inflows.", "51.44", OUTWARD_TYPES, "share_inflow"),
];

/** Table 1's 特征 column: one sentence per type. */
const TABLE_1: Claim[] = [
  qualitative({
    id: "t1-dual-high-dependence",
    section: "表1",
    sentence_zh: "具有高外贸依存度和高内贸依存度",
    claim_en: "Dual-circulation type: high foreign- and domestic-trade dependence.",
    compute: (ctx) => above(ctx, DUAL, "ftd") && above(ctx, DUAL, "dtd"),
    reading: "R1: the type's 外贸依存度 and 内贸依存度 both above the national values",
    detail: (ctx) => `${vsNational(ctx, DUAL, "ftd")}; ${vsNational(ctx, DUAL, "dtd")}; highest of the seven types in both: ${rankOf(ctx.types, DUAL, "ftd") === 1 && rankOf(ctx.types, DUAL, "dtd") === 1}`,
  }),
  qualitative({
    id: "t1-dual-high-rates",
    section: "表1",
    sentence_zh: "高流出率和高流入率",
    claim_en: "Dual-circulation type: high outflow and inflow rates.",
    compute: (ctx) => above(ctx, DUAL, "outflow_rate") && above(ctx, DUAL, "inflow_rate"),
    reading: "R1: the type's 流出率 and 流入率 both above the national values",
    detail: (ctx) => `${vsNational(ctx, DUAL, "outflow_rate")}; ${vsNational(ctx, DUAL, "inflow_rate")}`,
  }),
  qualitative({
    id: "t1-chongqing-high-dtd",
    section: "表1",
    sentence_zh: "重庆内贸依存度高",
    claim_en: "Chongqing has a high domestic-trade dependence.",
    compute: (ctx) => above(ctx, "重庆", "dtd"),
    reading: "R1: 重庆's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "重庆", "dtd")}; rank ${rankOf(ctx.provinces, "重庆", "dtd")} of 31`,
  }),
  qualitative({
    id: "t1-outward-high-ftd",
    section: "表1",
    sentence_zh: "具有较高的外贸依存度",
    claim_en: "Export-oriented type: fairly high foreign-trade dependence.",
    compute: (ctx) => above(ctx, OUTWARD, "ftd"),
    reading: "R1: the type's 外贸依存度 above the national value",
    detail: (ctx) => vsNational(ctx, OUTWARD, "ftd"),
  }),
  qualitative({
    id: "t1-outward-some-dtd",
    section: "表1",
    sentence_zh: "一定的内贸依存度",
    claim_en: "Export-oriented type: some (moderate) domestic-trade dependence.",
    compute: (ctx) => {
      const r = rankOf(ctx.types, OUTWARD, "dtd");
      return r >= 3 && r <= 5;
    },
    reading: "R3: the type's 内贸依存度 ranks 3rd–5th of the seven types",
    detail: (ctx) => `dtd: ${ranking(ctx.types, "dtd")}; 外向型经济 ranks ${rankOf(ctx.types, OUTWARD, "dtd")}; ${vsNational(ctx, OUTWARD, "dtd")}`,
  }),
  qualitative({
    id: "t1-xinjiang-high-dtd",
    section: "表1",
    sentence_zh: "新疆内贸依存度较高",
    claim_en: "Xinjiang has a fairly high domestic-trade dependence.",
    compute: (ctx) => above(ctx, "新疆", "dtd"),
    reading: "R1: 新疆's 内贸依存度 above the national value",
    detail: (ctx) =>
      `${vsNational(ctx, "新疆", "dtd")}; rank ${rankOf(ctx.provinces, "新疆", "dtd")} of 31, ` +
      `${rankOf(ctx.provinces.filter((p) => typeMembers(OUTWARD).includes(p.group_zh)), "新疆", "dtd")} of the six 外向型 provinces`,
  }),
  qualitative({
    id: "t1-self-low-rates",
    section: "表1",
    sentence_zh: "流出率和流入率较低",
    claim_en: "Self-consistent type: low outflow and inflow rates.",
    compute: (ctx) => below(ctx, SELF, "outflow_rate") && below(ctx, SELF, "inflow_rate"),
    reading: "R1: the type's 流出率 and 流入率 both below the national values",
    detail: (ctx) =>
      `${vsNational(ctx, SELF, "outflow_rate")}; ${vsNational(ctx, SELF, "inflow_rate")}; lowest of the seven types in both: ` +
      `${rankOf(ctx.types, SELF, "outflow_rate") === 7 && rankOf(ctx.types, SELF, "inflow_rate") === 7}`,
  }),
  qualitative({
    id: "t1-balanced-mainly-inland",
    section: "表1",
    sentence_zh: "以内陆地区为主，靠近沿海地区",
    claim_en: "Balanced type: mainly inland provinces.",
    compute: () => inlandCount("均衡型经济") > typeMembers("均衡型经济").length / 2,
    reading: "R6: more than half of the type's provinces are in Table 4's 内陆地区 (靠近沿海 is geography and not checked)",
    detail: () => `${inlandCount("均衡型经济")} of ${typeMembers("均衡型经济").length} inland (${typeMembers("均衡型经济").map((m) => `${m} ${province(m).location}`).join("、")})`,
  }),
  qualitative({
    id: "t1-balanced-medium-ftd",
    section: "表1",
    sentence_zh: "具有中等的外贸和内贸依存度",
    claim_en: "Balanced type: medium foreign-trade dependence.",
    compute: (ctx) => {
      const r = rankOf(ctx.types, "均衡型经济", "ftd");
      return r >= 3 && r <= 5;
    },
    reading: "R3: the type's 外贸依存度 ranks 3rd–5th of the seven types",
    detail: (ctx) => `ftd: ${ranking(ctx.types, "ftd")}; 均衡型经济 ranks ${rankOf(ctx.types, "均衡型经济", "ftd")} of 7; ${vsNational(ctx, "均衡型经济", "ftd")}`,
  }),
  qualitative({
    id: "t1-balanced-medium-dtd",
    section: "表1",
    sentence_zh: "具有中等的外贸和内贸依存度",
    claim_en: "Balanced type: medium domestic-trade dependence.",
    compute: (ctx) => {
      const r = rankOf(ctx.types, "均衡型经济", "dtd");
      return r >= 3 && r <= 5;
    },
    reading: "R3: the type's 内贸依存度 ranks 3rd–5th of the seven types",
    detail: (ctx) => `dtd: ${ranking(ctx.types, "dtd")}; 均衡型经济 ranks ${rankOf(ctx.types, "均衡型经济", "dtd")} of 7; ${vsNational(ctx, "均衡型经济", "dtd")}`,
  }),
  qualitative({
    id: "t1-domestic-mainly-inland",
    section: "表1",
    sentence_zh: "以内陆地区为主，以参与国内经济循环为主",
    claim_en: "Domestic-trade type: mainly inland provinces.",
    compute: () => inlandCount("内贸型经济") > typeMembers("内贸型经济").length / 2,
    reading: "R6: more than half of the type's provinces are in Table 4's 内陆地区",
    detail: () => `${inlandCount("内贸型经济")} of ${typeMembers("内贸型经济").length} inland (${typeMembers("内贸型经济").map((m) => `${m} ${province(m).location}`).join("、")})`,
  }),
  qualitative({
    id: "t1-domestic-high-dtd",
    section: "表1",
    sentence_zh: "以参与国内经济循环为主，内贸依存度高",
    claim_en: "Domestic-trade type: high domestic-trade dependence.",
    compute: (ctx) => above(ctx, "内贸型经济", "dtd"),
    reading: "R1: the type's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "内贸型经济", "dtd")}; rank ${rankOf(ctx.types, "内贸型经济", "dtd")} of 7`,
  }),
  qualitative({
    id: "t1-border-high-dtd",
    section: "表1",
    sentence_zh: "但内贸依存度依然较高",
    claim_en: "Border type: domestic-trade dependence still fairly high.",
    compute: (ctx) => above(ctx, "沿边型经济", "dtd"),
    reading: "R1: the type's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "沿边型经济", "dtd")}; rank ${rankOf(ctx.types, "沿边型经济", "dtd")} of 7 (dtd: ${ranking(ctx.types, "dtd")})`,
  }),
  qualitative({
    id: "t1-input-inflow-far-above-outflow",
    section: "表1",
    sentence_zh: "商品流入率远高于流出率",
    claim_en: "Input type: the inflow rate is far above the outflow rate.",
    compute: (ctx) => {
      const ratio = (r: TableRow) => r.inflow_rate / r.outflow_rate;
      const own = ratio(ctx.row("输入型经济"));
      return ctx.types.every((r) => r.group_zh === "输入型经济" || ratio(r) < own);
    },
    reading: "R5: the type's 流入率/流出率 is the largest of the seven types",
    detail: (ctx) =>
      `流入率/流出率: ${[...ctx.types]
        .map((r) => [r.group_zh, r.inflow_rate / r.outflow_rate] as const)
        .sort((a, b) => b[1] - a[1])
        .map(([g, v]) => `${g} ${v.toFixed(2)}`)
        .join(" > ")}`,
  }),
];

const EAST = "东部地区";
const WEST = "西部地区";
const COAST = "沿海地区";
const INLAND = "内陆地区";
const BORDER = "沿边地区";
const YR = "黄河流域";
const YZ = "长江经济带";

/** Yangtze belt flow over the Yellow River basin's (the sentence's "分别是…的 k 倍"). */
function multipleClaim(id: string, printed: string, flow: "outflow" | "inflow" | "export" | "import", en: string): Claim {
  return numeric({
    id,
    section: "二",
    sentence_zh: "分别是黄河流域九省区的2.7倍、2.3倍、3.8倍、4倍",
    claim_en: `The Yangtze belt's ${en} is ${printed} times the Yellow River basin's.`,
    printed,
    unit: "倍",
    compute: (ctx) => ctx.row(YZ)[flow] / ctx.row(YR)[flow],
    reading: `R0: 长江经济带 ${flow} / 黄河流域 ${flow}, both summed from the data${printed.includes(".") ? "" : " (printed without decimals: ±0.5)"}`,
    detail: (ctx) => {
      const v = ctx.row(YZ)[flow] / ctx.row(YR)[flow];
      const fromText = { outflow: 31.7 / 11.9, inflow: 34.9 / 15.3, export: 7.4 / 1.97, import: 5.8 / 1.45 }[flow];
      return `${v.toFixed(3)} from the data; ${fromText.toFixed(3)} from the text's own rounded 万亿元 figures`;
    },
  });
}

const basinMembers = (group: string) => (group === YR ? "nine provinces of Table 5" : "eleven provinces of Table 6");

/** Yellow River / Yangtze flows in 万亿元. */
function basinFlowClaim(id: string, sentence_zh: string, group: string, flow: "outflow" | "inflow" | "export" | "import", printed: string): Claim {
  return numeric({
    id,
    section: "二",
    sentence_zh,
    claim_en: `${group === YR ? "Yellow River basin" : "Yangtze belt"} ${flow}: ${printed} trillion yuan.`,
    printed,
    unit: "万亿元",
    compute: (ctx) => wan(ctx.row(group)[flow]),
    reading: `R0: Σ over the ${basinMembers(group)} of ${flow}, 亿元 / 10⁴`,
  });
}

const SECTION_2: Claim[] = [
  // 1. 四大板块
  qualitative({
    id: "s2-east-economic-and-trade-centre",
    section: "二",
    sentence_zh: "东部地区是中国主要经济中心和对外贸易中心",
    claim_en: "The east is China's main economic and foreign-trade centre.",
    compute: (ctx) => rankOf(ctx.regions, EAST, "share_gdp") === 1 && rankOf(ctx.regions, EAST, "share_export") === 1 && rankOf(ctx.regions, EAST, "share_import") === 1,
    reading: "R4: the east has the largest GDP, export and import shares of the four regions",
    detail: (ctx) => `GDP share: ${ranking(ctx.regions, "share_gdp", 1)}; export: ${ranking(ctx.regions, "share_export", 1)}; import: ${ranking(ctx.regions, "share_import", 1)}`,
  }),
  shareClaim("s2-east-gdp-share", "二", "东部地区GDP占全国比重为52.9%", "The east: 52.9 % of GDP.", "52.9", EAST, "share_gdp", t(3, EAST, "share_gdp")),
  shareClaim("s2-east-export-share", "二", "出口额占比为81.9%", "The east: 81.9 % of exports.", "81.9", EAST, "share_export", t(3, EAST, "share_export")),
  shareClaim("s2-east-import-share", "二", "进口额占比为81.6%", "The east: 81.6 % of imports.", "81.6", EAST, "share_import", t(3, EAST, "share_import")),
  ratioClaim("s2-east-ftd", "二", "东部地区外贸依存度为57.63%", "The east's foreign-trade dependence is 57.63 %.", "57.63", EAST, "ftd", t(3, EAST, "ftd")),
  shareClaim("s2-east-outflow-share", "二", "东部地区国内省外流出额占全国比重为49.1%", "The east: 49.1 % of outflows.", "49.1", EAST, "share_outflow", t(3, EAST, "share_outflow")),
  shareClaim("s2-east-inflow-share", "二", "国内省外流入额占比为46.6%", "The east: 46.6 % of inflows.", "46.6", EAST, "share_inflow", t(3, EAST, "share_inflow")),
  qualitative({
    id: "s2-west-second-domestic-trade",
    section: "二",
    sentence_zh: "另一个国内贸易的重要地区是西部地区",
    claim_en: "The other important domestic-trade region is the west.",
    compute: (ctx) => rankOf(ctx.regions, WEST, "share_outflow") === 2 && rankOf(ctx.regions, WEST, "share_inflow") === 2,
    reading: "R4: after the east, the west has the largest outflow and inflow shares of the four regions (2nd in both)",
    detail: (ctx) => `outflow share: ${ranking(ctx.regions, "share_outflow", 1)}; inflow share: ${ranking(ctx.regions, "share_inflow", 1)}`,
  }),
  shareClaim("s2-west-outflow-share", "二", "西部地区国内省外流出额占全国比重为24.8%", "The west: 24.8 % of outflows.", "24.8", WEST, "share_outflow", t(3, WEST, "share_outflow")),
  shareClaim("s2-west-inflow-share", "二", "国内省外流入额占比为27.0%", "The west: 27.0 % of inflows.", "27.0", WEST, "share_inflow", t(3, WEST, "share_inflow")),
  ratioClaim("s2-west-dtd", "二", "西部地区内贸依存度是232.5%", "The west's domestic-trade dependence is 232.5 %.", "232.5", WEST, "dtd", t(3, WEST, "dtd")),
  qualitative({
    id: "s2-northeast-high-ftd",
    section: "二",
    sentence_zh: "东北地区外贸依存度和内贸依存度都比较高",
    claim_en: "The northeast's foreign-trade dependence is fairly high.",
    compute: (ctx) => above(ctx, "东北地区", "ftd"),
    reading: "R1: 东北地区's 外贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "东北地区", "ftd")}; rank ${rankOf(ctx.regions, "东北地区", "ftd")} of the four regions (${ranking(ctx.regions, "ftd")}): it is high only beside 中部 and 西部`,
  }),
  qualitative({
    id: "s2-northeast-high-dtd",
    section: "二",
    sentence_zh: "东北地区外贸依存度和内贸依存度都比较高",
    claim_en: "The northeast's domestic-trade dependence is fairly high.",
    compute: (ctx) => above(ctx, "东北地区", "dtd"),
    reading: "R1: 东北地区's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "东北地区", "dtd")}; rank ${rankOf(ctx.regions, "东北地区", "dtd")} of the four regions`,
  }),
  qualitative({
    id: "s2-central-low-outflow-rate",
    section: "二",
    sentence_zh: "中部地区流出率和流入率均相对较低",
    claim_en: "The centre's outflow rate is relatively low.",
    compute: (ctx) => rankOf(ctx.regions, "中部地区", "outflow_rate") === 4,
    reading: "R2: 中部地区's 流出率 is the lowest of the four regions",
    detail: (ctx) => `流出率: ${ranking(ctx.regions, "outflow_rate")}; 全国 ${ctx.national.outflow_rate.toFixed(2)}`,
  }),
  qualitative({
    id: "s2-central-low-inflow-rate",
    section: "二",
    sentence_zh: "中部地区流出率和流入率均相对较低",
    claim_en: "The centre's inflow rate is relatively low.",
    compute: (ctx) => rankOf(ctx.regions, "中部地区", "inflow_rate") === 4,
    reading: "R2: 中部地区's 流入率 is the lowest of the four regions",
    detail: (ctx) => `流入率: ${ranking(ctx.regions, "inflow_rate")}; 全国 ${ctx.national.inflow_rate.toFixed(2)}`,
  }),

  // 2. 沿海、内陆、沿边
  shareClaim("s2-coast-export-share", "二", "沿海地区出口额占全国比重为79.75%", "Coastal provinces: 79.75 % of exports.", "79.75", COAST, "share_export", t(4, COAST, "share_export")),
  shareClaim("s2-coast-import-share", "二", "进口额占比为70.5%", "Coastal provinces: 70.5 % of imports.", "70.5", COAST, "share_import", t(4, COAST, "share_import")),
  ratioClaim("s2-coast-ftd", "二", "外贸依存度高达53.56%", "Coastal foreign-trade dependence: 53.56 %.", "53.56", COAST, "ftd", t(4, COAST, "ftd")),
  shareClaim("s2-coast-outflow-share", "二", "分别占全国国内省外流出额的41.1%", "Coastal provinces: 41.1 % of outflows.", "41.1", COAST, "share_outflow", t(4, COAST, "share_outflow")),
  shareClaim("s2-coast-inflow-share", "二", "国内省外流入额的41.0%", "Coastal provinces: 41.0 % of inflows.", "41.0", COAST, "share_inflow", t(4, COAST, "share_inflow")),
  qualitative({
    id: "s2-inland-most-important-domestic",
    section: "二",
    sentence_zh: "内陆地区是中国最重要的内贸地区",
    claim_en: "Inland provinces are China's most important domestic-trade region.",
    compute: (ctx) => rankOf(ctx.locations, INLAND, "share_outflow") === 1 && rankOf(ctx.locations, INLAND, "share_inflow") === 1,
    reading: "R4: 内陆地区 has the largest outflow and inflow shares of the three locations",
    detail: (ctx) => `outflow share: ${ranking(ctx.locations, "share_outflow", 1)}; inflow share: ${ranking(ctx.locations, "share_inflow", 1)}`,
  }),
  shareClaim("s2-inland-gdp-share", "二", "其GDP总量占全国比重为36.6%", "Inland provinces: 36.6 % of GDP.", "36.6", INLAND, "share_gdp", t(4, INLAND, "share_gdp")),
  shareClaim("s2-inland-outflow-share", "二", "国内省外流出额占全国比重为45.8%", "Inland provinces: 45.8 % of outflows.", "45.8", INLAND, "share_outflow", t(4, INLAND, "share_outflow")),
  shareClaim("s2-inland-inflow-share", "二", "国内省外流入额占比为44.3%", "Inland provinces: 44.3 % of inflows.", "44.3", INLAND, "share_inflow", t(4, INLAND, "share_inflow")),
  ratioClaim("s2-inland-ftd", "二", "内陆地区外贸依存度和内贸依存度分别为20.14%和219.40%", "Inland foreign-trade dependence: 20.14 %.", "20.14", INLAND, "ftd", t(4, INLAND, "ftd")),
  ratioClaim("s2-inland-dtd", "二", "内陆地区外贸依存度和内贸依存度分别为20.14%和219.40%", "Inland domestic-trade dependence: 219.40 %.", "219.40", INLAND, "dtd", t(4, INLAND, "dtd")),
  shareClaim("s2-border-export-share", "二", "沿边地区出口额和进口额占全国比重分别仅为2.8%和7.4%", "Border provinces: only 2.8 % of exports.", "2.8", BORDER, "share_export", t(4, BORDER, "share_export")),
  shareClaim("s2-border-import-share", "二", "沿边地区出口额和进口额占全国比重分别仅为2.8%和7.4%", "Border provinces: only 7.4 % of imports.", "7.4", BORDER, "share_import", t(4, BORDER, "share_import")),
  qualitative({
    id: "s2-border-high-dtd",
    section: "二",
    sentence_zh: "沿边地区的内贸依存度和商品流入率均较高",
    claim_en: "Border provinces: fairly high domestic-trade dependence.",
    compute: (ctx) => above(ctx, BORDER, "dtd"),
    reading: "R1: 沿边地区's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, BORDER, "dtd")}; rank ${rankOf(ctx.locations, BORDER, "dtd")} of the three locations`,
  }),
  qualitative({
    id: "s2-border-high-inflow-rate",
    section: "二",
    sentence_zh: "沿边地区的内贸依存度和商品流入率均较高",
    claim_en: "Border provinces: fairly high inflow rate.",
    compute: (ctx) => above(ctx, BORDER, "inflow_rate"),
    reading: "R1: 沿边地区's 流入率 above the national value",
    detail: (ctx) => `${vsNational(ctx, BORDER, "inflow_rate")}; rank ${rankOf(ctx.locations, BORDER, "inflow_rate")} of the three locations`,
  }),

  // 3. 黄河流域与长江经济带
  qualitative({
    id: "s2-shandong-sichuan-low-rates",
    section: "二",
    sentence_zh: "其产品流出率和流入率较低",
    claim_en: "Shandong and Sichuan: low outflow and inflow rates.",
    compute: (ctx) => ["山东", "四川"].every((p) => below(ctx, p, "outflow_rate") && below(ctx, p, "inflow_rate")),
    reading: "R1: the 流出率 and 流入率 of 山东 and of 四川 all below the national values",
    detail: (ctx) => ["山东", "四川"].map((p) => `${vsNational(ctx, p, "outflow_rate")}; ${vsNational(ctx, p, "inflow_rate")}`).join("; "),
  }),
  qualitative({
    id: "s2-shaanxi-ningxia-high-dtd",
    section: "二",
    sentence_zh: "陕西和宁夏属于内贸型经济，内贸依存度高",
    claim_en: "Shaanxi and Ningxia: high domestic-trade dependence.",
    compute: (ctx) => above(ctx, "陕西", "dtd") && above(ctx, "宁夏", "dtd"),
    reading: "R1: the 内贸依存度 of 陕西 and of 宁夏 above the national value",
    detail: (ctx) => `${vsNational(ctx, "陕西", "dtd")}; ${vsNational(ctx, "宁夏", "dtd")}`,
  }),
  qualitative({
    id: "s2-qinghai-gansu-inflow",
    section: "二",
    sentence_zh: "输出产品优先，大量外地产品输入",
    claim_en: "Qinghai and Gansu: few products go out, many come in.",
    compute: (ctx) => ["青海", "甘肃"].every((p) => ctx.row(p).inflow_rate > ctx.row(p).outflow_rate),
    reading: "the 流入率 of 青海 and of 甘肃 exceeds its 流出率",
    detail: (ctx) => ["青海", "甘肃"].map((p) => `${p} 流入率 ${ctx.row(p).inflow_rate.toFixed(1)} vs 流出率 ${ctx.row(p).outflow_rate.toFixed(1)}`).join("; "),
  }),
  qualitative({
    id: "s2-henan-shanxi-medium",
    section: "二",
    sentence_zh: "各方面都属于中等水平",
    claim_en: "Henan and Shanxi are medium in every respect.",
    compute: (ctx) =>
      ["河南", "山西"].every((p) =>
        (["ftd", "dtd", "outflow_rate", "inflow_rate"] as const).every((c) => {
          const r = rankOf(ctx.provinces, p, c);
          return r >= 11 && r <= 21;
        }),
      ),
    reading: "R3: each of 外贸依存度, 内贸依存度, 流出率 and 流入率 of 河南 and of 山西 ranks 11th–21st of the 31 provinces",
    detail: (ctx) =>
      ["河南", "山西"]
        .map((p) => `${p} ranks ${(["ftd", "dtd", "outflow_rate", "inflow_rate"] as const).map((c) => `${c} ${rankOf(ctx.provinces, p, c)}`).join(", ")}`)
        .join("; "),
  }),
  ratioClaim("s2-inner-mongolia-trade-ratio", "二", "但内贸额是外贸额的31.5倍", "Inner Mongolia's domestic trade is 31.5 times its foreign trade.", "31.5", "内蒙古", "trade_ratio", t(5, "内蒙古", "trade_ratio")),
  qualitative({
    id: "s2-yellow-river-many-domestic-type",
    section: "二",
    sentence_zh: "黄河流域中内贸型地区较多",
    claim_en: "The Yellow River basin has comparatively many domestic-trade-type provinces.",
    compute: () => {
      const counts = new Map<string, number>();
      for (const m of YELLOW_RIVER.members) counts.set(province(m).type, (counts.get(province(m).type) ?? 0) + 1);
      const own = counts.get("内贸型经济") ?? 0;
      return [...counts].every(([k, v]) => k === "内贸型经济" || v < own);
    },
    reading: "内贸型经济 (Table 1's type) is the most frequent type among the nine provinces (strictly more than any other type)",
    detail: () => {
      const counts = new Map<string, string[]>();
      for (const m of YELLOW_RIVER.members) counts.set(province(m).type, [...(counts.get(province(m).type) ?? []), m]);
      const inward = YELLOW_RIVER.members.filter((m) => !OUTWARD_TYPES.includes(province(m).type)).length;
      return `${[...counts].map(([k, v]) => `${k} ${v.length} (${v.join("、")})`).join("; ")}; read as inward types (not 双循环/外向型) it is ${inward} of 9`;
    },
  }),
  qualitative({
    id: "s2-yellow-river-inward",
    section: "二",
    sentence_zh: "具有明显的内向型经济特征",
    claim_en: "The Yellow River basin is clearly inward-oriented.",
    compute: (ctx) => above(ctx, YR, "trade_ratio") && below(ctx, YR, "ftd"),
    reading: "R1: the basin's 内外贸易比 above and its 外贸依存度 below the national values",
    detail: (ctx) => `${vsNational(ctx, YR, "trade_ratio")}; ${vsNational(ctx, YR, "ftd")}`,
  }),
  basinFlowClaim("s2-yellow-outflow", "黄河流域九省区国内省外流出额为11.9万亿元", YR, "outflow", "11.9"),
  basinFlowClaim("s2-yellow-inflow", "国内省外流入额为15.3万亿元", YR, "inflow", "15.3"),
  basinFlowClaim("s2-yellow-export", "出口额为1.97万亿元", YR, "export", "1.97"),
  basinFlowClaim("s2-yellow-import", "进口额为1.45万亿元", YR, "import", "1.45"),
  ratioClaim("s2-yellow-ftd", "二", "外贸依存度为15.6%", "Yellow River basin foreign-trade dependence: 15.6 %.", "15.6", YR, "ftd", t(5, YR, "ftd")),
  ratioClaim("s2-yellow-dtd", "二", "内贸依存度为123.8%（见表5）", "Yellow River basin domestic-trade dependence: 123.8 %.", "123.8", YR, "dtd", t(5, YR, "dtd")),
  ratioClaim("s2-shanghai-ftd", "二", "其外贸依存度分别为129.1%、44.3%、56.0%", "Shanghai's foreign-trade dependence: 129.1 %.", "129.1", "上海", "ftd", t(6, "上海", "ftd")),
  ratioClaim("s2-jiangsu-ftd", "二", "其外贸依存度分别为129.1%、44.3%、56.0%", "Jiangsu's foreign-trade dependence: 44.3 %.", "44.3", "江苏", "ftd", t(6, "江苏", "ftd")),
  ratioClaim("s2-zhejiang-ftd", "二", "其外贸依存度分别为129.1%、44.3%、56.0%", "Zhejiang's foreign-trade dependence: 56.0 %.", "56.0", "浙江", "ftd", t(6, "浙江", "ftd")),
  ratioClaim("s2-chongqing-ftd", "二", "重庆市外贸依存度为31.3%", "Chongqing's foreign-trade dependence: 31.3 %.", "31.3", "重庆", "ftd", t(6, "重庆", "ftd")),
  ratioClaim("s2-chongqing-dtd", "二", "内贸依存度更是高达805.7%", "Chongqing's domestic-trade dependence: 805.7 %.", "805.7", "重庆", "dtd", t(6, "重庆", "dtd")),
  qualitative({
    id: "s2-chongqing-mainly-domestic",
    section: "二",
    sentence_zh: "是以内贸为主、外贸为辅的开放高地",
    claim_en: "Chongqing trades mainly domestically, with foreign trade secondary.",
    compute: (ctx) => ctx.row("重庆").trade_ratio > 1,
    reading: "重庆's domestic trade exceeds its foreign trade: 内外贸易比 (O + I)/(X + M) > 1",
    detail: (ctx) => `重庆 trade_ratio ${ctx.row("重庆").trade_ratio.toFixed(2)}`,
  }),
  basinFlowClaim("s2-yangtze-outflow", "经济带国内省外流出额为31.7万亿元", YZ, "outflow", "31.7"),
  basinFlowClaim("s2-yangtze-inflow", "国内省外流入额为34.9万亿元", YZ, "inflow", "34.9"),
  basinFlowClaim("s2-yangtze-export", "出口额为7.4万亿元", YZ, "export", "7.4"),
  basinFlowClaim("s2-yangtze-import", "进口额为5.8万亿元", YZ, "import", "5.8"),
  multipleClaim("s2-yangtze-over-yellow-outflow", "2.7", "outflow", "outflow"),
  multipleClaim("s2-yangtze-over-yellow-inflow", "2.3", "inflow", "inflow"),
  multipleClaim("s2-yangtze-over-yellow-export", "3.8", "export", "exports"),
  multipleClaim("s2-yangtze-over-yellow-import", "4", "import", "imports"),
  ratioClaim("s2-yangtze-ftd", "二", "长江经济带外贸依存度为35.6%", "Yangtze belt foreign-trade dependence: 35.6 %.", "35.6", YZ, "ftd", t(6, YZ, "ftd")),
  ratioClaim("s2-yangtze-dtd", "二", "内贸依存度为179.5%", "Yangtze belt domestic-trade dependence: 179.5 %.", "179.5", YZ, "dtd", t(6, YZ, "dtd")),
  shareClaim("s2-yellow-gdp-share", "二", "在全国经济中，黄河流域九省区占全国比重为26.11%", "Yellow River basin: 26.11 % of GDP.", "26.11", YR, "share_gdp"),
  shareClaim("s2-yangtze-gdp-share", "二", "长江经济带占比为43.8%", "Yangtze belt: 43.8 % of GDP.", "43.8", YZ, "share_gdp"),
  shareClaim("s2-yellow-outflow-share", "二", "黄河流域九省区国内省外流出额占全国的16.6%", "Yellow River basin: 16.6 % of outflows.", "16.6", YR, "share_outflow"),
  shareClaim("s2-yangtze-outflow-share", "二", "长江经济带占比为44%", "Yangtze belt: 44 % of outflows.", "44", YZ, "share_outflow"),
  shareClaim("s2-yellow-inflow-share", "二", "黄河流域九省区国内省外流入额占全国的19.4%", "Yellow River basin: 19.4 % of inflows.", "19.4", YR, "share_inflow"),
  shareClaim("s2-yangtze-inflow-share", "二", "长江经济带占比为44.3%", "Yangtze belt: 44.3 % of inflows.", "44.3", YZ, "share_inflow"),
  shareClaim("s2-yellow-export-share", "二", "出口额中，黄河流域和长江经济带分别占12.1%、45.7%", "Yellow River basin: 12.1 % of exports.", "12.1", YR, "share_export"),
  shareClaim("s2-yangtze-export-share", "二", "出口额中，黄河流域和长江经济带分别占12.1%、45.7%", "Yangtze belt: 45.7 % of exports.", "45.7", YZ, "share_export"),
  shareClaim("s2-yellow-import-share", "二", "进口额中，黄河流域和长江经济带分别占9.5%和37.7%", "Yellow River basin: 9.5 % of imports.", "9.5", YR, "share_import"),
  shareClaim("s2-yangtze-import-share", "二", "进口额中，黄河流域和长江经济带分别占9.5%和37.7%", "Yangtze belt: 37.7 % of imports.", "37.7", YZ, "share_import"),
];

/** Every claim, in the order of the paper (section 一, Table 1, section 二). */
export const CLAIMS: readonly Claim[] = [...SECTION_1, ...TABLE_1, ...SECTION_2];

// ---------------------------------------------------------------------------------------------------------------
// Checking

/** The text's number against the quoted table cell: agreement at the text's precision, and the cell's reconciliation. */
function quoteNote(c: Claim, misprints: Map<string, string | null>): string {
  if (!c.quotes || c.printed === null) return "";
  const { table, group_zh, column } = c.quotes;
  const row = loadPrintedTable(table).find((r) => r.group_zh === group_zh);
  const cell = row?.[column];
  if (!cell) throw new Error(`claim ${c.id}: Table ${table} has no printed cell ${group_zh} ${column}`);
  const d = decimalsOf(c.printed);
  const same = cell.decimals >= d && roundDecimalString(cell.text, d) === Number(c.printed).toFixed(d);
  let s = `quotes Table ${table} ${group_zh} ${column} "${cell.text}"${same ? "" : " — the text does not agree with the table"}`;
  const key = `${table}|${group_zh}|${column}`;
  if (misprints.has(key)) s += `; that cell is a misprint (the paper's own numbers say it should read ${misprints.get(key)}), and the text repeats it`;
  return s;
}

const fmtComputed = (c: Claim, v: number) => v.toFixed(c.printed === null ? 2 : decimalsOf(c.printed) + 3);

/** Check every claim against the data: computed value, printed value, whether it holds, and a note. */
export function checkClaims(data: readonly ProvinceFlows[], claims: readonly Claim[] = CLAIMS): ClaimResult[] {
  const ctx = claimContext(data);
  const misprints = new Map(
    claims.some((c) => c.quotes)
      ? reconcile(data)
          .filter((r) => r.status === "misprint")
          .map((r) => [`${r.table}|${r.group_zh}|${r.column}`, r.should_read] as const)
      : [],
  );
  return claims.map((c) => {
    const computed = c.compute(ctx);
    let holds: boolean;
    let difference: number | null = null;
    const notes: string[] = [];
    if (c.printed === null) {
      if (typeof computed !== "boolean") throw new Error(`claim ${c.id} is qualitative but computed a number`);
      holds = computed;
    } else {
      if (typeof computed !== "number" || !Number.isFinite(computed)) throw new Error(`claim ${c.id}: computed ${String(computed)}, not a number`);
      difference = computed - Number(c.printed);
      // 1e-9: float noise on a value lying exactly on a rounding boundary
      holds = Math.abs(difference) <= c.tolerance! + 1e-9;
      notes.push(
        `computed ${fmtComputed(c, computed)} ${c.unit}, printed ${c.printed} ± ${c.tolerance}: ` +
          (holds ? "agrees within the printed rounding" : `differs by ${difference.toFixed(decimalsOf(c.printed) + 2)}`),
      );
      // an integer may be a one-decimal number with its ".0" dropped: say whether that stricter reading holds too
      if (decimalsOf(c.printed) === 0)
        notes.push(`read as ${c.printed}.0 (± 0.05) it ${Math.abs(difference) <= 0.05 + 1e-9 ? "holds too" : "would not hold"}`);
    }
    const q = quoteNote(c, misprints);
    if (q) notes.push(q);
    if (c.detail) notes.push(c.detail(ctx));
    return {
      id: c.id,
      section: c.section,
      sentence_zh: c.sentence_zh,
      claim_en: c.claim_en,
      printed: c.printed,
      unit: c.unit,
      computed,
      tolerance: c.tolerance,
      difference,
      holds,
      reading: c.reading,
      note: notes.join(". "),
    };
  });
}
