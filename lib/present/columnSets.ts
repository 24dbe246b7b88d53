/**
 * Bilingual column sets for display's table(): which fields of a row to show, under which heading, to how many
 * decimals. Kept here so that notebook cells stay one call long: `table(rows, COLUMNS.gdpSources(LANG), LANG)`.
 */
import type { Lang } from "../core/text";
import type { Column } from "./display";

const name = (lang: Lang, zhKey: string, enKey: string, label = { zh: "省份", en: "Province" }): Column => ({ key: lang === "zh" ? zhKey : enKey, label });

export const COLUMNS = {
  rawWorkbooks: (): Column[] => [
    { key: "year", label: { zh: "年份", en: "Year" } },
    { key: "files", label: { zh: "工作簿数", en: "Workbooks" } },
    { key: "first", label: { zh: "第一个文件", en: "First file" } },
    { key: "last", label: { zh: "最后一个文件", en: "Last file" } },
  ],

  /** the fields of a province_flows.csv row (亿元) */
  tidyRow: (): Column[] =>
    [
      ["basis", "口径", "Basis"],
      ["total_output", "总产出", "Total output"],
      ["value_added", "增加值", "Value added"],
      ["export", "出口", "Exports"],
      ["outflow", "国内省外流出", "Outflow"],
      ["import", "进口", "Imports"],
      ["inflow", "国内省外流入", "Inflow"],
      ["final_consumption", "最终消费", "Final consumption"],
      ["capital_formation", "资本形成", "Capital formation"],
      ["other_error", "其他", "Other/error"],
    ].map(([key, zh, en]) => ({ key, label: { zh, en }, digits: key === "basis" ? undefined : 2 })),

  tidyTrace: (): Column[] => [
    { key: "field", label: { zh: "字段", en: "Field" } },
    { key: "cells", label: { zh: "工作簿单元格（行 × 列）", en: "Workbook cells (row × column)" } },
    { key: "workbook_wan", label: { zh: "工作簿（万元）", en: "Workbook (10⁴ yuan)" }, digits: 2 },
    { key: "recomputed_yi", label: { zh: "÷10000（亿元）", en: "÷ 10,000 (10⁸ yuan)" }, digits: 6 },
    { key: "derived_yi", label: "province_flows.csv", digits: 6 },
    { key: "agrees", label: { zh: "一致", en: "Agrees" } },
  ],

  totalRowDifferences: (): Column[] => [
    { key: "year", label: { zh: "年份", en: "Year" } },
    { key: "province_zh", label: { zh: "省份", en: "Province" } },
    { key: "row", label: { zh: "行", en: "Row" } },
    { key: "column", label: { zh: "列", en: "Column" } },
    { key: "printed_total", label: { zh: "印刷合计（亿元）", en: "Printed total" }, digits: 2 },
    { key: "sector_sum", label: { zh: "部门加总（亿元）", en: "Sum of sectors" }, digits: 2 },
    { key: "difference", label: { zh: "差额", en: "Difference" }, digits: 2 },
  ],

  basisEvidence: (): Column[] => [
    { key: "source", label: { zh: "来源", en: "Source" } },
    { key: "outflow", label: { zh: "国内省外流出", en: "Outflow" }, digits: 2 },
    { key: "inflow", label: { zh: "国内省外流入", en: "Inflow" }, digits: 2 },
  ],

  /** both languages of each finding side by side */
  anomalies: (): Column[] => [
    { key: "year", label: { zh: "年份", en: "Year" } },
    { key: "province_zh", label: { zh: "省份", en: "Province" } },
    { key: "kind", label: { zh: "规则", en: "Rule" } },
    { key: "column", label: { zh: "列", en: "Column" } },
    { key: "value", label: { zh: "数值（亿元）", en: "Value (10⁸ yuan)" }, digits: 2 },
    { key: "reference", label: { zh: "参照", en: "Reference" }, digits: 2 },
    { key: "detail_zh", label: "说明" },
    { key: "detail_en", label: "Detail" },
  ],

  gdpSources: (lang: Lang): Column[] => [
    name(lang, "province_zh", "province_en"),
    { key: "printed", label: { zh: "印刷（表5–6）", en: "Printed (Tables 5–6)" } },
    { key: "recovered", label: { zh: "由合计恢复", en: "Recovered" } },
    { key: "yearbook", label: { zh: "统计年鉴", en: "Yearbook" } },
    { key: "tolerance", label: { zh: "舍入 ±", en: "Rounding ±" }, digits: 3 },
    { key: "how", label: { zh: "来源 / 恢复算式", en: "Source / recipe" } },
  ],

  gdpChecks: (): Column[] => [
    { key: "recipe", label: { zh: "核对：印刷合计 − 各成员", en: "Check: printed total − its members" } },
    { key: "residual", label: { zh: "残差", en: "Residual" }, digits: 3 },
    { key: "tolerance", label: { zh: "允许 ±", en: "Allowed ±" }, digits: 3 },
    { key: "ok", label: { zh: "一致", en: "Consistent" } },
  ],

  yearbookSums: (): Column[] => [
    { key: "members", label: { zh: "省份", en: "Provinces" } },
    { key: "recipe", label: { zh: "合计由此确定", en: "Sum determined by" } },
    { key: "recovered_sum", label: { zh: "恢复的合计", en: "Recovered sum" }, digits: 2 },
    { key: "tolerance", label: { zh: "舍入 ±", en: "Rounding ±" }, digits: 3 },
    { key: "yearbook_sum", label: { zh: "年鉴合计", en: "Yearbook sum" }, digits: 2 },
    { key: "difference", label: { zh: "差", en: "Difference" }, digits: 2 },
    { key: "consistent", label: { zh: "一致", en: "Consistent" } },
  ],

  /** lib/checks/editionDiff.ts rows: per province (`group` false) or per group */
  editions: (lang: Lang, group = false): Column[] => [
    group ? name(lang, "group_zh", "group_en", { zh: "地区", en: "Group" }) : name(lang, "province_zh", "province_en"),
    { key: "gdp", label: { zh: "GDP（论文）", en: "GDP (paper)" }, digits: 2 },
    { key: "value_added", label: { zh: "增加值（表）", en: "Value added (tables)" }, digits: 2 },
    ...(group ? [] : [{ key: "gap_pct", label: { zh: "差（%）", en: "Gap (%)" }, digits: 2 }]),
    { key: "ftd_paper", label: { zh: "外贸依存度（论文）", en: "FTD (paper)" }, digits: 2 },
    { key: "ftd_tables", label: { zh: "外贸依存度（表）", en: "FTD (tables)" }, digits: 2 },
    { key: "dtd_paper", label: { zh: "内贸依存度（论文）", en: "DTD (paper)" }, digits: 2 },
    { key: "dtd_tables", label: { zh: "内贸依存度（表）", en: "DTD (tables)" }, digits: 2 },
    ...(group ? [] : [{ key: "flows_differ", label: { zh: "流量不同", en: "Flows differing" } }]),
  ],

  statusCounts: (): Column[] => [
    { key: "table", label: { zh: "表", en: "Table" } },
    { key: "rounding", label: { zh: "舍入误差内一致", en: "Rounding" } },
    { key: "misprint", label: { zh: "印刷错误", en: "Misprint" } },
    { key: "source", label: { zh: "数据来源不同", en: "Source differs" } },
    { key: "unexplained", label: { zh: "无法解释", en: "Unexplained" } },
    { key: "total", label: { zh: "印刷数字", en: "Printed cells" } },
  ],
};
