/**
 * A rule-based reading of Table 1 (表1 中国各地区内外贸模式及特征): each type's 特征 sentence
 * turned into a test on the indicators and on geography, applied in a fixed order.
 *
 * Table 1's descriptions, and the rule each becomes (N = the national value, Table 2's 全国 row):
 * 1. 输入型经济 "青藏高原及其周边地区 … 商品流入率远高于流出率":
 *    a plateau province (西藏, 青海, 甘肃) whose inflow rate ≥ `inflowOverOutflow` × its outflow rate.
 * 2. 双循环经济 "高外贸依存度和高内贸依存度，高流出率和高流入率":
 *    ftd ≥ N and dtd ≥ `veryHigh` × N. (High rates follow: outflow + inflow rate = ftd + dtd.)
 * 3. 外向型经济 "较高的外贸依存度和一定的内贸依存度": ftd ≥ N.
 * 4. 沿边型经济 "边疆地区 … 内贸依存度依然较高": a border province (lib/paper/provinces.ts location
 *    沿边地区) whose dtd is below `veryHigh` × N; a border province with a very high dtd is read
 *    as a domestic-trade economy (rule 6), the trait 内贸型 is defined by.
 * 5. 自洽型经济 "流出率和流入率较低": outflow rate < `low` × N and inflow rate < `low` × N.
 * 6. 内贸型经济 "以参与国内经济循环为主，内贸依存度高": dtd ≥ N.
 * 7. 均衡型经济 "具有中等的外贸和内贸依存度": everything else.
 *
 * Default thresholds and why:
 * - the benchmark is the national value, the reference row of every table in the paper:
 *   "high" means at or above it (`high` = 1);
 * - "low" (较低) means below half of it (`low` = 0.5);
 * - "very high" dtd (`veryHigh` = 1.5): Table 1 separates 双循环 ("高内贸依存度") from 外向型
 *   ("一定的内贸依存度") although both have high ftd, and 外向型 provinces have dtd up to ~1.1 N
 *   (浙江 197.8 %), so "high" must mean clearly above N; 1.5 N is the midpoint between N and 2 N;
 * - `inflowOverOutflow` = 1.25 ("远高于"): inflow at least a quarter above outflow, about four
 *   times the national imbalance (111.21 / 104.22 = 1.067).
 * These defaults were fixed after looking at the 2017 values, so the agreement of the rules with
 * Table 1 (27 of 31 provinces with the paper's GDP) is an in-sample description, not a validation.
 * The four misses, and why no threshold on these indicators fixes them without breaking others:
 * - 重庆 (双循环 in Table 1): ftd 31.3 % is below N (the paper itself singles out its dtd, 805.7 %);
 *   lowering "high ftd" to admit it would also admit 吉林 (26.9 %, dtd 466.7 %, 内贸型);
 * - 辽宁 (沿边型): lib/paper/provinces.ts counts it coastal, as Table 4's totals require; passing
 *   `border` with 辽宁 added classifies it 沿边型;
 * - 山西 (均衡型) and 湖南 (自洽型) have nearly identical outflow and inflow rates (50.7/53.2 vs
 *   49.0/54.2 %); 河南 (均衡型) and 贵州 (内贸型) nearly identical dtd (226.0 vs 217.5 %).
 */
import { ratios } from "../indicators/ratios";
import { Flows } from "../paper/columns";
import { PROVINCES, province, TypeZh, typeEn } from "../paper/provinces";
import type { Bilingual } from "../core/text";

export interface RuleThresholds {
  /** national benchmark values (default: Table 2, 全国 row) */
  national: { ftd: number; dtd: number; outflow_rate: number; inflow_rate: number };
  /** "high": ≥ high × N */
  high: number;
  /** "very high" dtd: ≥ veryHigh × N */
  veryHigh: number;
  /** "low": < low × N */
  low: number;
  /** 输入型: inflow rate ≥ inflowOverOutflow × outflow rate */
  inflowOverOutflow: number;
  /** provinces counted as border (沿边) */
  border: readonly string[];
  /** provinces of the Qinghai–Tibet plateau and its surroundings (青藏高原及其周边) */
  plateau: readonly string[];
}

/** National values printed in Table 2 (全国 row): ftd 37.26, dtd 178.17, outflow rate 104.22, inflow rate 111.21 (%). */
export const TABLE2_NATIONAL = { ftd: 37.26, dtd: 178.17, outflow_rate: 104.22, inflow_rate: 111.21 } as const;

export const DEFAULT_THRESHOLDS: RuleThresholds = {
  national: TABLE2_NATIONAL,
  high: 1,
  veryHigh: 1.5,
  low: 0.5,
  inflowOverOutflow: 1.25,
  border: PROVINCES.filter((p) => p.location === "沿边地区").map((p) => p.zh),
  plateau: ["西藏", "青海", "甘肃"],
};

export interface RuleDecision {
  province_zh: string;
  type: TypeZh;
  /** which rule fired, 1..7 in the order of the module comment */
  rule: number;
  reason: Bilingual;
}

const f1 = (x: number) => x.toFixed(1);

/** Classify one province by the rules (see the module comment). */
export function classifyProvince(row: Flows & { province_zh: string }, thresholds: Partial<RuleThresholds> = {}): RuleDecision {
  const t: RuleThresholds = { ...DEFAULT_THRESHOLDS, ...thresholds };
  province(row.province_zh); // throws on an unknown name
  const r = ratios(row);
  for (const [k, v] of Object.entries(r)) {
    if (!Number.isFinite(v)) throw new RangeError(`rules: ${row.province_zh}: ${k} is ${v} (check gdp and the flows)`);
  }
  const N = t.national;
  const ftdHigh = t.high * N.ftd;
  const dtdHigh = t.high * N.dtd;
  const dtdVeryHigh = t.veryHigh * N.dtd;
  const outLow = t.low * N.outflow_rate;
  const inLow = t.low * N.inflow_rate;
  const name = row.province_zh;
  const decide = (type: TypeZh, rule: number, zh: string, en: string): RuleDecision => ({
    province_zh: name,
    type,
    rule,
    reason: { zh: `${type}：${zh}`, en: `${typeEn(type)}: ${en}` },
  });

  if (t.plateau.includes(name) && r.inflow_rate >= t.inflowOverOutflow * r.outflow_rate) {
    return decide(
      "输入型经济",
      1,
      `青藏高原及其周边省区，流入率 ${f1(r.inflow_rate)}% ≥ ${t.inflowOverOutflow}×流出率 ${f1(r.outflow_rate)}%`,
      `plateau province, inflow rate ${f1(r.inflow_rate)}% ≥ ${t.inflowOverOutflow} × outflow rate ${f1(r.outflow_rate)}%`,
    );
  }
  if (r.ftd >= ftdHigh && r.dtd >= dtdVeryHigh) {
    return decide(
      "双循环经济",
      2,
      `外贸依存度 ${f1(r.ftd)}% ≥ ${f1(ftdHigh)}%，内贸依存度 ${f1(r.dtd)}% ≥ ${f1(dtdVeryHigh)}%`,
      `foreign-trade dependence ${f1(r.ftd)}% ≥ ${f1(ftdHigh)}% and domestic-trade dependence ${f1(r.dtd)}% ≥ ${f1(dtdVeryHigh)}%`,
    );
  }
  if (r.ftd >= ftdHigh) {
    return decide(
      "外向型经济",
      3,
      `外贸依存度 ${f1(r.ftd)}% ≥ ${f1(ftdHigh)}%，内贸依存度 ${f1(r.dtd)}% < ${f1(dtdVeryHigh)}%`,
      `foreign-trade dependence ${f1(r.ftd)}% ≥ ${f1(ftdHigh)}%, domestic-trade dependence ${f1(r.dtd)}% < ${f1(dtdVeryHigh)}%`,
    );
  }
  if (t.border.includes(name) && r.dtd < dtdVeryHigh) {
    return decide(
      "沿边型经济",
      4,
      `沿边省区，外贸依存度 ${f1(r.ftd)}% < ${f1(ftdHigh)}%，内贸依存度 ${f1(r.dtd)}% < ${f1(dtdVeryHigh)}%`,
      `border province, foreign-trade dependence ${f1(r.ftd)}% < ${f1(ftdHigh)}%, domestic-trade dependence ${f1(r.dtd)}% < ${f1(dtdVeryHigh)}%`,
    );
  }
  if (r.outflow_rate < outLow && r.inflow_rate < inLow) {
    return decide(
      "自洽型经济",
      5,
      `流出率 ${f1(r.outflow_rate)}% < ${f1(outLow)}%，流入率 ${f1(r.inflow_rate)}% < ${f1(inLow)}%`,
      `outflow rate ${f1(r.outflow_rate)}% < ${f1(outLow)}% and inflow rate ${f1(r.inflow_rate)}% < ${f1(inLow)}%`,
    );
  }
  if (r.dtd >= dtdHigh) {
    return decide(
      "内贸型经济",
      6,
      `内贸依存度 ${f1(r.dtd)}% ≥ ${f1(dtdHigh)}%，外贸依存度 ${f1(r.ftd)}% < ${f1(ftdHigh)}%`,
      `domestic-trade dependence ${f1(r.dtd)}% ≥ ${f1(dtdHigh)}%, foreign-trade dependence ${f1(r.ftd)}% < ${f1(ftdHigh)}%`,
    );
  }
  return decide(
    "均衡型经济",
    7,
    `外贸依存度 ${f1(r.ftd)}% < ${f1(ftdHigh)}%，内贸依存度 ${f1(r.dtd)}% < ${f1(dtdHigh)}%，流出率或流入率不低于 ${f1(outLow)}%/${f1(inLow)}%`,
    `foreign-trade dependence ${f1(r.ftd)}% < ${f1(ftdHigh)}%, domestic-trade dependence ${f1(r.dtd)}% < ${f1(dtdHigh)}%, outflow or inflow rate not below ${f1(outLow)}%/${f1(inLow)}%`,
  );
}

/** Classify every province; thresholds override the defaults field by field. */
export function classifyByRules(rows: readonly (Flows & { province_zh: string })[], thresholds: Partial<RuleThresholds> = {}): RuleDecision[] {
  return rows.map((row) => classifyProvince(row, thresholds));
}
