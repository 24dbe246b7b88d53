/**
 * The value-added notebook's tables: rows and bilingual column labels for `table()` (lib/present/display.ts), and
 * the same as header + rows for `writeCsv` (lib/present/tables.ts). Shares are printed in percent.
 */
import type { Column } from "./display";
import type { Lang, Bilingual } from "../core/text";
import { COMPONENTS } from "../inputOutput/decompose";
import { REGION_GROUPS, NATIONAL, type Group } from "../paper/groupings";
import type { PolicyRow } from "../checks/policy";
import { CIRCULATIONS, OTHER, type DependenceRow, type Exposure, type RankingRow } from "../inputOutput/exposure";
import type { MultiplierRow } from "../inputOutput/multipliers";
import type { ProvinceValueAdded } from "../inputOutput/provinceValueAdded";
import type { ReexportSummaryRow } from "../inputOutput/reexportSummary";
import type { SectorClaimResult } from "../checks/sectorClaims";
import { importShareOfUse, type ImportUse, type SectorGroupKey } from "../inputOutput/sectorGroups";
import { csvOf, type Tabular } from "./tables";


const name = (x: Bilingual, lang: Lang) => (lang === "zh" ? x.zh : x.en);
const LOCAL = CIRCULATIONS.find((c) => c.key === "local")!;
const NAME: Column = { key: "name", label: { zh: "地区", en: "Province / group" } };
/** x × 100, with values that print as −0.0 at `digits` decimals written as 0. */
const pct = (x: number, digits = 1) => (Number((x * 100).toFixed(digits)) === 0 ? 0 : x * 100);

/** Shares of GDP (%) by component and by circulation, with TVA (亿元). */
export function exposureTable(exposures: readonly Exposure[], lang: Lang): Tabular {
  const columns: Column[] = [
    NAME,
    { key: "tva", label: { zh: "增加值（亿元）", en: "Value added (100m yuan)" }, digits: 0 },
    ...COMPONENTS.map((c) => ({ key: c.key, label: { zh: `${c.zh}（%）`, en: `${c.en} (%)` }, digits: 1 })),
    { key: "other", label: { zh: `${OTHER.zh}（%）`, en: `${OTHER.en} (%)` }, digits: 1 },
    // exports and outflows are the international and domestic circulations; local demand is the sum of three columns
    { key: "local", label: { zh: `${LOCAL.zh}（%）`, en: `${LOCAL.en} (%)` }, digits: 1 },
  ];
  const rows = exposures.map((e) => ({
    name: name(e, lang),
    tva: e.tva,
    ...Object.fromEntries(COMPONENTS.map((c) => [c.key, pct(e.components[c.key])])),
    other: pct(e.circulations.other),
    local: pct(e.circulations.local),
  }));
  return { columns, rows };
}

/** The paper's gross ratios beside the value-added shares (all %). */
export function dependenceTable(rows: readonly DependenceRow[], lang: Lang): Tabular {
  const columns: Column[] = [
    NAME,
    { key: "ftd", label: { zh: "外贸依存度", en: "Foreign-trade dep." }, digits: 1 },
    { key: "exportRatio", label: { zh: "出口/GDP", en: "Exports / GDP" }, digits: 1 },
    { key: "vaInternational", label: { zh: "出口拉动增加值/GDP", en: "VA from exports / GDP" }, digits: 1 },
    { key: "dtd", label: { zh: "内贸依存度", en: "Domestic-trade dep." }, digits: 1 },
    { key: "outflowRatio", label: { zh: "流出/GDP", en: "Outflows / GDP" }, digits: 1 },
    { key: "vaDomestic", label: { zh: "流出拉动增加值/GDP", en: "VA from outflows / GDP" }, digits: 1 },
    { key: "vaLocal", label: { zh: "本省需求拉动增加值/GDP", en: "VA from local demand / GDP" }, digits: 1 },
  ];
  return { columns, rows: rows.map((r) => ({ ...r, name: name(r, lang) })) };
}

/** Ranks by value-added exposure beside ranks by the paper's gross ratios (1 = most exposed). */
export function rankingTable(rows: readonly RankingRow[], lang: Lang, sortBy: "international" | "domestic" | "local" = "domestic"): Tabular {
  const columns: Column[] = [
    NAME,
    { key: "international", label: { zh: "国际循环（增加值）", en: "International (VA)" } },
    { key: "ftd", label: { zh: "外贸依存度（毛额）", en: "Foreign-trade dep. (gross)" } },
    { key: "domestic", label: { zh: "国内循环（增加值）", en: "Domestic (VA)" } },
    { key: "dtd", label: { zh: "内贸依存度（毛额）", en: "Domestic-trade dep. (gross)" } },
    { key: "local", label: { zh: "本省需求（增加值）", en: "Local demand (VA)" } },
  ];
  const sorted = [...rows].sort((a, b) => a[sortBy] - b[sortBy]);
  return { columns, rows: sorted.map((r) => ({ ...r, name: name(r, lang) })) };
}

export function multiplierTable(rows: readonly MultiplierRow[], lang: Lang): Tabular {
  const columns: Column[] = [
    NAME,
    { key: "meanOutput", label: { zh: "平均产出乘数", en: "Mean output multiplier" }, digits: 2 },
    { key: "outputExports", label: { zh: "出口产出乘数", en: "Output per yuan of exports" }, digits: 2 },
    { key: "outputOutflows", label: { zh: "流出产出乘数", en: "Output per yuan of outflows" }, digits: 2 },
    { key: "outputLocal", label: { zh: "本省需求产出乘数", en: "Output per yuan of local demand" }, digits: 2 },
    { key: "vaPerGrossExport", label: { zh: "每元出口（毛额）拉动增加值", en: "VA per yuan of gross exports" }, digits: 2 },
    { key: "vaPerGrossOutflow", label: { zh: "每元流出（毛额）拉动增加值", en: "VA per yuan of gross outflows" }, digits: 2 },
  ];
  return { columns, rows: rows.map((r) => ({ ...r, name: name(r, lang) })) };
}

/** For each province, its top products by export- and by outflow-induced value added, "name share%". */
export function topSectorTable(rows: readonly ProvinceValueAdded[], top: number, lang: Lang): Tabular {
  const fmt = (list: ProvinceValueAdded["decomposition"]["topExportSectors"]) =>
    list
      .slice(0, top)
      .map((s) => `${lang === "zh" ? s.zh : s.en} ${(s.share * 100).toFixed(0)}%`)
      .join(lang === "zh" ? "；" : "; ");
  return {
    columns: [NAME, { key: "outflows", label: { zh: "省外流出：主要产品", en: "Outflows: main products" } }, { key: "exports", label: { zh: "出口：主要产品", en: "Exports: main products" } }],
    rows: rows.map((p) => ({ name: name(p, lang), outflows: fmt(p.decomposition.topOutflowSectors), exports: fmt(p.decomposition.topExportSectors) })),
  };
}

export function reexportTable(rows: readonly ReexportSummaryRow[], lang: Lang): Tabular {
  return {
    columns: [
      NAME,
      { key: "sectors", label: { zh: "涉及产品数", en: "Products netted" } },
      { key: "excess", label: { zh: "转口额（亿元）", en: "Re-exports (100m yuan)" }, digits: 0 },
      { key: "fromExports", label: { zh: "其中扣自出口", en: "from exports" }, digits: 0 },
      { key: "fromOutflows", label: { zh: "其中扣自流出", en: "from outflows" }, digits: 0 },
      { key: "outflowShare", label: { zh: "占省外流出（%）", en: "% of outflows" }, digits: 1 },
      { key: "largest", label: { zh: "最大的产品", en: "Largest products" } },
    ],
    rows: rows.map((r) => ({
      name: name(r, lang),
      sectors: r.sectors,
      excess: r.excess,
      fromExports: r.fromExports,
      fromOutflows: r.fromOutflows,
      outflowShare: r.outflowShare * 100,
      largest: r.largest.map((s) => `${s.code} ${lang === "zh" ? s.zh : s.en} (${Math.round(s.excess)})`).join(lang === "zh" ? "；" : "; "),
    })),
  };
}

/** One row per comparison of every sector claim. */
export function sectorClaimTable(results: readonly SectorClaimResult[], lang: Lang): Tabular {
  const yes = lang === "zh" ? "是" : "yes";
  const no = lang === "zh" ? "否" : "no";
  return {
    columns: [
      { key: "claim", label: { zh: "论断", en: "Claim" } },
      { key: "subject", label: { zh: "对象", en: "Subject" } },
      { key: "measure", label: { zh: "比较指标", en: "Measure" } },
      { key: "value", label: { zh: "数值（%）", en: "Value (%)" }, digits: 1 },
      { key: "national", label: { zh: "全国（%）", en: "China (%)" }, digits: 1 },
      { key: "holds", label: { zh: "高于全国", en: "Above China" } },
      { key: "verdict", label: { zh: "结论", en: "Verdict" } },
    ],
    rows: results.flatMap((r) =>
      r.checks.map((c, i) => ({
        claim: i === 0 ? (lang === "zh" ? r.sentence_zh : r.claim_en) : "",
        subject: name(c.subject, lang),
        measure: name(c.measure, lang) + (c.counted ? "" : lang === "zh" ? "（宽泛理解，不计入）" : " (broad reading, not counted)"),
        value: c.value * 100,
        national: c.national * 100,
        holds: c.holds ? yes : no,
        verdict: i === 0 ? name(r.verdict, lang) : "",
      })),
    ),
  };
}

/** Imports from abroad as a share of local use (%) of product groups, for China and the four regions. */
export function importShareTable(rows: readonly ImportUse[], keys: readonly SectorGroupKey[], lang: Lang, groups: readonly Group[] = [NATIONAL, ...REGION_GROUPS]): Tabular {
  return {
    columns: [NAME, { key: "share", label: { zh: "进口占本省使用（%）", en: "Imports / local use (%)" }, digits: 1 }],
    rows: groups.map((g) => ({ name: name(g, lang), share: importShareOfUse(rows, g.members, keys) * 100 })),
  };
}

/** The policy table, one row per recommendation: verbatim and English text, target, evidence with values, cells to look at. */
export function policyDisplayTable(rows: readonly PolicyRow[], lang: Lang): Tabular {
  const ids = [...new Set(rows.map((r) => r.id))];
  const sep = lang === "zh" ? "；" : "; ";
  return {
    columns: [
      { key: "id", label: "#" },
      { key: "section", label: { zh: "位置", en: "Section" } },
      { key: "target", label: { zh: "对象", en: "Addressed to" } },
      { key: "recommendation_zh", label: { zh: "建议（原文）", en: "Recommendation (paper)" } },
      { key: "recommendation_en", label: { zh: "建议（英译）", en: "Recommendation (English)" } },
      { key: "evidence", label: { zh: "证据（本notebook计算）", en: "Evidence (computed here)" } },
      { key: "cell", label: { zh: "见单元格标签", en: "See cell tagged" } },
    ],
    rows: ids.map((id) => {
      const items = rows.filter((r) => r.id === id);
      const r = items[0];
      return {
        id,
        section: r.section,
        target: lang === "zh" ? r.target_zh : r.target_en,
        recommendation_zh: r.recommendation_zh,
        recommendation_en: r.recommendation_en,
        evidence: items.map((i) => (lang === "zh" ? i.evidence_zh : i.evidence_en)).join(sep),
        cell: [...new Set(items.map((i) => i.cell))].join(", "),
      };
    }),
  };
}

/**
 * The adding-up identity TVA = Σ_k VA_k + v L ε (+ rounding), province by province: rows whose residual is at least
 * `minShare` of TVA, and whether every province's residual equals v L ε within the rounding bound.
 */
export function addingUpTable(rows: readonly ProvinceValueAdded[], lang: Lang, minShare = 1e-3): Tabular & { allHold: boolean } {
  const allHold = rows.every((p) => Math.abs(p.decomposition.residual - p.decomposition.errInduced) <= p.decomposition.roundingBound + 1e-9 * p.tva);
  return {
    allHold,
    columns: [
      NAME,
      { key: "tva", label: { zh: "增加值（亿元）", en: "Value added (100m yuan)" }, digits: 0 },
      { key: "sum", label: { zh: "五项之和（亿元）", en: "Σ of the five (100m yuan)" }, digits: 0 },
      { key: "residual", label: { zh: "残差（亿元）", en: "Residual (100m yuan)" }, digits: 1 },
      { key: "errInduced", label: { zh: "误差列拉动（亿元）", en: "v L ε (100m yuan)" }, digits: 1 },
      { key: "share", label: { zh: "残差占增加值（%）", en: "Residual / value added (%)" }, digits: 2 },
    ],
    rows: rows
      .filter((p) => Math.abs(p.decomposition.residualShare) >= minShare)
      .map((p) => ({ name: name(p, lang), tva: p.tva, sum: p.decomposition.sum, residual: p.residual, errInduced: p.decomposition.errInduced, share: p.decomposition.residualShare * 100 })),
  };
}
