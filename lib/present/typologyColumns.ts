/**
 * Column specifications (lib/present/display.ts `Column`: key, bilingual label, decimals) for the tables of
 * notebook 01 (overall patterns and the seven types): per-province indicators (lib/indicators/frame.ts indicatorFrame) and the
 * clustering summaries of lib/present/clusterRows.ts. (Printed tables beside their recomputation: lib/present/views.ts.)
 */
import { columnLabel } from "../checks/compare";
import { FLOW_COLUMNS, RATIO_COLUMNS, SHARE_COLUMNS } from "../paper/columns";
import type { Column } from "./display";
import type { Bilingual } from "../core/text";

/** Flows (亿元, 1 decimal), the five ratios (2 decimals) and, optionally, the six shares (2 decimals). */
export function indicatorColumns(options: { shares?: boolean } = {}): Column[] {
  return [
    ...FLOW_COLUMNS.map((c) => ({ key: c, label: columnLabel(c), digits: 1 })),
    ...RATIO_COLUMNS.map((c) => ({ key: c, label: columnLabel(c), digits: 2 })),
    ...(options.shares ? SHARE_COLUMNS.map((c) => ({ key: c, label: columnLabel(c), digits: 2 })) : []),
  ];
}

/** Columns of the per-province indicator frame (lib/indicators/frame.ts indicatorFrame). */
export function provinceIndicatorColumns(): Column[] {
  return [
    { key: "province_zh", label: { zh: "地区", en: "Province (zh)" } },
    { key: "group_en", label: { zh: "英文名", en: "Province" } },
    ...indicatorColumns({ shares: true }),
  ];
}

/** Headings of the clustering summary tables, by row key (lib/present/clusterRows.ts). */
export const SUMMARY_LABELS: Readonly<Record<string, Bilingual>> = {
  province: { zh: "地区", en: "Province" },
  paper_type: { zh: "表1类型", en: "Type in Table 1" },
  cluster: { zh: "簇", en: "Cluster" },
  cluster_type: { zh: "簇对应类型", en: "Cluster's type" },
  agrees: { zh: "一致", en: "Agrees" },
  rule: { zh: "规则", en: "Rule" },
  rule_type: { zh: "规则判定类型", en: "Type by the rules" },
  reason: { zh: "理由", en: "Reason" },
  driver: { zh: "驱动指标", en: "Driving indicator" },
  value: { zh: "本省值", en: "Province's value" },
  paper_type_mean: { zh: "表1类型均值", en: "Mean of its Table 1 type" },
  cluster_mean: { zh: "所在簇均值", en: "Mean of its cluster" },
  delta: { zh: "Δ（该指标）", en: "Δ (this indicator)" },
  driver_share: { zh: "占正Δ之和", en: "Share of positive Δ" },
  total: { zh: "ΣΔ", en: "ΣΔ" },
  rank: { zh: "名次", en: "Rank" },
  features: { zh: "指标", en: "Features" },
  description: { zh: "特征", en: "Characteristics (Table 1)" },
  scaling: { zh: "标准化", en: "Scaling" },
  method: { zh: "方法", en: "Method" },
  ari: { zh: "ARI", en: "ARI" },
  ami: { zh: "AMI", en: "AMI" },
  silhouette: { zh: "轮廓系数", en: "Silhouette" },
  count: { zh: "次数", en: "Count" },
  share: { zh: "比例", en: "Share" },
  inertia: { zh: "组内平方和 W", en: "Within-cluster sum of squares W" },
  type: { zh: "类型", en: "Type" },
  members: { zh: "地区", en: "Provinces" },
  configuration: { zh: "分类方法", en: "Classification" },
  agreeing: { zh: "与表1一致的省份", en: "Provinces as in Table 1" },
  k: { zh: "k", en: "k" },
  feature: { zh: "指标", en: "Indicator" },
  configurations: { zh: "含该指标的方案数", en: "Configurations using it" },
  mean_ari_with: { zh: "含该指标时平均 ARI", en: "Mean ARI with it" },
  mean_ari_without: { zh: "不含时平均 ARI", en: "Mean ARI without it" },
  best_ari_with: { zh: "含该指标时最高 ARI", en: "Best ARI with it" },
};

/** Columns for rows with these keys, headed from SUMMARY_LABELS (an unknown key is its own heading), with decimals. */
export function summaryColumns(keys: readonly string[], digits: Readonly<Partial<Record<string, number>>> = {}): Column[] {
  return keys.map((key) => ({ key, label: SUMMARY_LABELS[key] ?? key, digits: digits[key] }));
}
