/**
 * The claims of data/paper/claims.csv whose computation is their own (kind `named`): qualitative readings (高, 主要,
 * 中等 …, by the rules R1–R6 of lib/checks/claims.ts) and two national totals, keyed by the claim's id. Each gives
 * what it computes, how the sentence was read, and the detail its note shows.
 */
import type { TableRow } from "../indicators/aggregate";
import { YELLOW_RIVER } from "../paper/groupings";
import { province } from "../paper/provinces";
import { above, below, inlandCount, rankOf, ranking, topN, typeMembers, vsNational, wan, type ClaimContext } from "./claimContext";

export interface NamedComputation {
  compute: (ctx: ClaimContext) => number | boolean;
  /** how the sentence was turned into a computation */
  reading: string;
  /** further computed detail for the note (ranks among peers, the values compared) */
  detail?: (ctx: ClaimContext) => string;
}

const DUAL = "双循环经济";
const OUTWARD = "外向型经济";
const SELF = "自洽型经济";
const OUTWARD_TYPES = [DUAL, OUTWARD];
const EAST = "东部地区";
const WEST = "西部地区";
const INLAND = "内陆地区";
const BORDER = "沿边地区";
const YR = "黄河流域";

export const NAMED_COMPUTATIONS: Readonly<Record<string, NamedComputation>> = {
  "s1-domestic-larger-than-foreign": {
    compute: (ctx) => ctx.national.outflow + ctx.national.inflow > ctx.national.export + ctx.national.import,
    reading: "national outflow + inflow > national exports + imports",
    detail: (ctx) => `O + I = ${(ctx.national.outflow + ctx.national.inflow).toFixed(1)} 亿元, X + M = ${(ctx.national.export + ctx.national.import).toFixed(1)} 亿元`,
  },
  "s1-domestic-trade-total": {
    compute: (ctx) => wan(ctx.national.outflow + ctx.national.inflow),
    reading: "R0: Σ over 31 provinces of (outflow + inflow), 亿元 / 10⁴",
  },
  "s1-foreign-trade-total": {
    compute: (ctx) => wan(ctx.national.export + ctx.national.import),
    reading: "R0: Σ over 31 provinces of (export + import), 亿元 / 10⁴",
  },
  "s1-two-outward-types": {
    compute: (ctx) => ctx.types.every((r) => (r.ftd > ctx.national.ftd) === OUTWARD_TYPES.includes(r.group_zh)),
    reading: "outward = 外贸依存度 above the national value: true for exactly 双循环经济 and 外向型经济 of the seven types",
    detail: (ctx) => `ftd: ${ranking(ctx.types, "ftd")}; 全国 ${ctx.national.ftd.toFixed(2)}`,
  },
  "s1-three-types-economic-centres": {
    compute: (ctx) => topN(ctx.types, [OUTWARD, DUAL, SELF], "share_gdp"),
    reading: "R4: the three types hold the three largest GDP shares of the seven types",
    detail: (ctx) =>
      `GDP share: ${ranking(ctx.types, "share_gdp")}; 双循环经济 ranks ${rankOf(ctx.types, DUAL, "share_gdp")} of 7. ` +
      `Together the three hold ${(ctx.row(OUTWARD).share_gdp + ctx.row(DUAL).share_gdp + ctx.row(SELF).share_gdp).toFixed(2)} % (more than half), the paper's own argument`,
  },
  "s1-two-types-main-foreign-trade": {
    compute: (ctx) => topN(ctx.types, OUTWARD_TYPES, "share_export") && topN(ctx.types, OUTWARD_TYPES, "share_import"),
    reading: "R4: the two types hold the two largest export shares and the two largest import shares of the seven types",
    detail: (ctx) => `export share: ${ranking(ctx.types, "share_export")}; import share: ${ranking(ctx.types, "share_import")}`,
  },
  "s1-two-types-main-domestic-trade": {
    compute: (ctx) => topN(ctx.types, OUTWARD_TYPES, "share_outflow") && topN(ctx.types, OUTWARD_TYPES, "share_inflow"),
    reading: "R4: the two types hold the two largest outflow shares and the two largest inflow shares of the seven types",
    detail: (ctx) => `outflow share: ${ranking(ctx.types, "share_outflow")}; inflow share: ${ranking(ctx.types, "share_inflow")}`,
  },
  "t1-dual-high-dependence": {
    compute: (ctx) => above(ctx, DUAL, "ftd") && above(ctx, DUAL, "dtd"),
    reading: "R1: the type's 外贸依存度 and 内贸依存度 both above the national values",
    detail: (ctx) => `${vsNational(ctx, DUAL, "ftd")}; ${vsNational(ctx, DUAL, "dtd")}; highest of the seven types in both: ${rankOf(ctx.types, DUAL, "ftd") === 1 && rankOf(ctx.types, DUAL, "dtd") === 1}`,
  },
  "t1-dual-high-rates": {
    compute: (ctx) => above(ctx, DUAL, "outflow_rate") && above(ctx, DUAL, "inflow_rate"),
    reading: "R1: the type's 流出率 and 流入率 both above the national values",
    detail: (ctx) => `${vsNational(ctx, DUAL, "outflow_rate")}; ${vsNational(ctx, DUAL, "inflow_rate")}`,
  },
  "t1-chongqing-high-dtd": {
    compute: (ctx) => above(ctx, "重庆", "dtd"),
    reading: "R1: 重庆's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "重庆", "dtd")}; rank ${rankOf(ctx.provinces, "重庆", "dtd")} of 31`,
  },
  "t1-outward-high-ftd": {
    compute: (ctx) => above(ctx, OUTWARD, "ftd"),
    reading: "R1: the type's 外贸依存度 above the national value",
    detail: (ctx) => vsNational(ctx, OUTWARD, "ftd"),
  },
  "t1-outward-some-dtd": {
    compute: (ctx) => {
      const r = rankOf(ctx.types, OUTWARD, "dtd");
      return r >= 3 && r <= 5;
    },
    reading: "R3: the type's 内贸依存度 ranks 3rd–5th of the seven types",
    detail: (ctx) => `dtd: ${ranking(ctx.types, "dtd")}; 外向型经济 ranks ${rankOf(ctx.types, OUTWARD, "dtd")}; ${vsNational(ctx, OUTWARD, "dtd")}`,
  },
  "t1-xinjiang-high-dtd": {
    compute: (ctx) => above(ctx, "新疆", "dtd"),
    reading: "R1: 新疆's 内贸依存度 above the national value",
    detail: (ctx) =>
      `${vsNational(ctx, "新疆", "dtd")}; rank ${rankOf(ctx.provinces, "新疆", "dtd")} of 31, ` +
      `${rankOf(ctx.provinces.filter((p) => typeMembers(OUTWARD).includes(p.group_zh)), "新疆", "dtd")} of the six 外向型 provinces`,
  },
  "t1-self-low-rates": {
    compute: (ctx) => below(ctx, SELF, "outflow_rate") && below(ctx, SELF, "inflow_rate"),
    reading: "R1: the type's 流出率 and 流入率 both below the national values",
    detail: (ctx) =>
      `${vsNational(ctx, SELF, "outflow_rate")}; ${vsNational(ctx, SELF, "inflow_rate")}; lowest of the seven types in both: ` +
      `${rankOf(ctx.types, SELF, "outflow_rate") === 7 && rankOf(ctx.types, SELF, "inflow_rate") === 7}`,
  },
  "t1-balanced-mainly-inland": {
    compute: () => inlandCount("均衡型经济") > typeMembers("均衡型经济").length / 2,
    reading: "R6: more than half of the type's provinces are in Table 4's 内陆地区 (靠近沿海 is geography and not checked)",
    detail: () => `${inlandCount("均衡型经济")} of ${typeMembers("均衡型经济").length} inland (${typeMembers("均衡型经济").map((m) => `${m} ${province(m).location}`).join("、")})`,
  },
  "t1-balanced-medium-ftd": {
    compute: (ctx) => {
      const r = rankOf(ctx.types, "均衡型经济", "ftd");
      return r >= 3 && r <= 5;
    },
    reading: "R3: the type's 外贸依存度 ranks 3rd–5th of the seven types",
    detail: (ctx) => `ftd: ${ranking(ctx.types, "ftd")}; 均衡型经济 ranks ${rankOf(ctx.types, "均衡型经济", "ftd")} of 7; ${vsNational(ctx, "均衡型经济", "ftd")}`,
  },
  "t1-balanced-medium-dtd": {
    compute: (ctx) => {
      const r = rankOf(ctx.types, "均衡型经济", "dtd");
      return r >= 3 && r <= 5;
    },
    reading: "R3: the type's 内贸依存度 ranks 3rd–5th of the seven types",
    detail: (ctx) => `dtd: ${ranking(ctx.types, "dtd")}; 均衡型经济 ranks ${rankOf(ctx.types, "均衡型经济", "dtd")} of 7; ${vsNational(ctx, "均衡型经济", "dtd")}`,
  },
  "t1-domestic-mainly-inland": {
    compute: () => inlandCount("内贸型经济") > typeMembers("内贸型经济").length / 2,
    reading: "R6: more than half of the type's provinces are in Table 4's 内陆地区",
    detail: () => `${inlandCount("内贸型经济")} of ${typeMembers("内贸型经济").length} inland (${typeMembers("内贸型经济").map((m) => `${m} ${province(m).location}`).join("、")})`,
  },
  "t1-domestic-high-dtd": {
    compute: (ctx) => above(ctx, "内贸型经济", "dtd"),
    reading: "R1: the type's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "内贸型经济", "dtd")}; rank ${rankOf(ctx.types, "内贸型经济", "dtd")} of 7`,
  },
  "t1-border-high-dtd": {
    compute: (ctx) => above(ctx, "沿边型经济", "dtd"),
    reading: "R1: the type's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "沿边型经济", "dtd")}; rank ${rankOf(ctx.types, "沿边型经济", "dtd")} of 7 (dtd: ${ranking(ctx.types, "dtd")})`,
  },
  "t1-input-inflow-far-above-outflow": {
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
  },
  "s2-east-economic-and-trade-centre": {
    compute: (ctx) => rankOf(ctx.regions, EAST, "share_gdp") === 1 && rankOf(ctx.regions, EAST, "share_export") === 1 && rankOf(ctx.regions, EAST, "share_import") === 1,
    reading: "R4: the east has the largest GDP, export and import shares of the four regions",
    detail: (ctx) => `GDP share: ${ranking(ctx.regions, "share_gdp", 1)}; export: ${ranking(ctx.regions, "share_export", 1)}; import: ${ranking(ctx.regions, "share_import", 1)}`,
  },
  "s2-west-second-domestic-trade": {
    compute: (ctx) => rankOf(ctx.regions, WEST, "share_outflow") === 2 && rankOf(ctx.regions, WEST, "share_inflow") === 2,
    reading: "R4: after the east, the west has the largest outflow and inflow shares of the four regions (2nd in both)",
    detail: (ctx) => `outflow share: ${ranking(ctx.regions, "share_outflow", 1)}; inflow share: ${ranking(ctx.regions, "share_inflow", 1)}`,
  },
  "s2-northeast-high-ftd": {
    compute: (ctx) => above(ctx, "东北地区", "ftd"),
    reading: "R1: 东北地区's 外贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "东北地区", "ftd")}; rank ${rankOf(ctx.regions, "东北地区", "ftd")} of the four regions (${ranking(ctx.regions, "ftd")}): it is high only beside 中部 and 西部`,
  },
  "s2-northeast-high-dtd": {
    compute: (ctx) => above(ctx, "东北地区", "dtd"),
    reading: "R1: 东北地区's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, "东北地区", "dtd")}; rank ${rankOf(ctx.regions, "东北地区", "dtd")} of the four regions`,
  },
  "s2-central-low-outflow-rate": {
    compute: (ctx) => rankOf(ctx.regions, "中部地区", "outflow_rate") === 4,
    reading: "R2: 中部地区's 流出率 is the lowest of the four regions",
    detail: (ctx) => `流出率: ${ranking(ctx.regions, "outflow_rate")}; 全国 ${ctx.national.outflow_rate.toFixed(2)}`,
  },
  "s2-central-low-inflow-rate": {
    compute: (ctx) => rankOf(ctx.regions, "中部地区", "inflow_rate") === 4,
    reading: "R2: 中部地区's 流入率 is the lowest of the four regions",
    detail: (ctx) => `流入率: ${ranking(ctx.regions, "inflow_rate")}; 全国 ${ctx.national.inflow_rate.toFixed(2)}`,
  },
  "s2-inland-most-important-domestic": {
    compute: (ctx) => rankOf(ctx.locations, INLAND, "share_outflow") === 1 && rankOf(ctx.locations, INLAND, "share_inflow") === 1,
    reading: "R4: 内陆地区 has the largest outflow and inflow shares of the three locations",
    detail: (ctx) => `outflow share: ${ranking(ctx.locations, "share_outflow", 1)}; inflow share: ${ranking(ctx.locations, "share_inflow", 1)}`,
  },
  "s2-border-high-dtd": {
    compute: (ctx) => above(ctx, BORDER, "dtd"),
    reading: "R1: 沿边地区's 内贸依存度 above the national value",
    detail: (ctx) => `${vsNational(ctx, BORDER, "dtd")}; rank ${rankOf(ctx.locations, BORDER, "dtd")} of the three locations`,
  },
  "s2-border-high-inflow-rate": {
    compute: (ctx) => above(ctx, BORDER, "inflow_rate"),
    reading: "R1: 沿边地区's 流入率 above the national value",
    detail: (ctx) => `${vsNational(ctx, BORDER, "inflow_rate")}; rank ${rankOf(ctx.locations, BORDER, "inflow_rate")} of the three locations`,
  },
  "s2-shandong-sichuan-low-rates": {
    compute: (ctx) => ["山东", "四川"].every((p) => below(ctx, p, "outflow_rate") && below(ctx, p, "inflow_rate")),
    reading: "R1: the 流出率 and 流入率 of 山东 and of 四川 all below the national values",
    detail: (ctx) => ["山东", "四川"].map((p) => `${vsNational(ctx, p, "outflow_rate")}; ${vsNational(ctx, p, "inflow_rate")}`).join("; "),
  },
  "s2-shaanxi-ningxia-high-dtd": {
    compute: (ctx) => above(ctx, "陕西", "dtd") && above(ctx, "宁夏", "dtd"),
    reading: "R1: the 内贸依存度 of 陕西 and of 宁夏 above the national value",
    detail: (ctx) => `${vsNational(ctx, "陕西", "dtd")}; ${vsNational(ctx, "宁夏", "dtd")}`,
  },
  "s2-qinghai-gansu-inflow": {
    compute: (ctx) => ["青海", "甘肃"].every((p) => ctx.row(p).inflow_rate > ctx.row(p).outflow_rate),
    reading: "the 流入率 of 青海 and of 甘肃 exceeds its 流出率",
    detail: (ctx) => ["青海", "甘肃"].map((p) => `${p} 流入率 ${ctx.row(p).inflow_rate.toFixed(1)} vs 流出率 ${ctx.row(p).outflow_rate.toFixed(1)}`).join("; "),
  },
  "s2-henan-shanxi-medium": {
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
  },
  "s2-yellow-river-many-domestic-type": {
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
  },
  "s2-yellow-river-inward": {
    compute: (ctx) => above(ctx, YR, "trade_ratio") && below(ctx, YR, "ftd"),
    reading: "R1: the basin's 内外贸易比 above and its 外贸依存度 below the national values",
    detail: (ctx) => `${vsNational(ctx, YR, "trade_ratio")}; ${vsNational(ctx, YR, "ftd")}`,
  },
  "s2-chongqing-mainly-domestic": {
    compute: (ctx) => ctx.row("重庆").trade_ratio > 1,
    reading: "重庆's domestic trade exceeds its foreign trade: 内外贸易比 (O + I)/(X + M) > 1",
    detail: (ctx) => `重庆 trade_ratio ${ctx.row("重庆").trade_ratio.toFixed(2)}`,
  },
};
