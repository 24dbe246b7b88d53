/**
 * Notebook 03's figures and the labels of its tables (changing patterns, 2007–2017): slope charts, the dependence
 * plane, the migration Sankeys and the quoted figures beside the tables, each with its title and footnote, so that
 * the cells hold only the calls.
 */
import type { ComparisonSeries } from "../checks/quotedComparison";
import type { Bilingual, Lang } from "../core/text";
import type { IndicatorRow } from "../indicators/timeseries";
import { province } from "../paper/provinces";
import { meanCentroidDistance, stageOf, type MigrationAnalysis } from "../typology/migration";
import { dependencePlane, indicatorSlopes } from "./charts/change";
import { migrationSankey, quotedVsComputed } from "./charts/migration";
import type { Figure } from "./charts/plotly";
import { typeName } from "./changeTables";
import type { Column } from "./display";

const SPLIT_FOOTNOTE: Bilingual = {
  zh: "空心点：不可比（2012年湖北、青海内贸记入进出口，内蒙古外贸记入流出流入）。GDP均为投入产出表增加值。",
  en: "Hollow: not comparable (2012 Hubei and Qinghai record domestic trade as exports/imports; Inner Mongolia records foreign trade as outflow/inflow). GDP = the table's value added.",
};
const RATES_FOOTNOTE: Bilingual = { zh: "2007年表只有流出（FU302）、流入（FU304），无西藏。GDP均为投入产出表增加值。", en: "2007 tables give only gross outflow (FU302) and inflow (FU304); no Tibet. GDP = the table's value added." };
const QUOTE_FOOTNOTE: Bilingual = {
  zh: "菱形：论文引用（海关货物进出口/年鉴GDP，非本库计算）；圆点：省投入产出表合计（出口+进口）/增加值，空心=含划分不可比省份；方块：全国投入产出表。",
  en: "Diamonds: quoted in the paper (customs goods trade / yearbook GDP; not computed here). Circles: sum of provincial IO tables, (exports + imports) / value added; hollow = includes provinces with a misrecorded split. Squares: national IO table.",
};
const RETAIL_FOOTNOTE: Bilingual = {
  zh: "菱形：论文引用的社会消费品零售总额占比（非本库计算）；圆点：投入产出表最终消费（TC）占各省合计的比重（口径不同）。",
  en: "Diamonds: the paper's quoted shares of retail sales (not computed here). Circles: shares of final consumption (TC) in the IO tables (a different measure).",
};

/** The leading column of the province tables: the province's type in Table 1. */
export const TYPE_COLUMN: Column[] = [{ key: "type", label: { zh: "类型（表1）", en: "Type (Table 1)" } }];

/** The type cell of a province's row, in `lang` (short names). */
export function provinceTypeCell(lang: Lang): (p: string) => Record<string, string> {
  return (p) => ({ type: typeName(province(p).type, lang, true) });
}

/** 外贸依存度 and 内贸依存度 2012 → 2017, by province (`by` "province") or by type ("type", 2017 members). */
export function dependenceSlopes(rows: readonly IndicatorRow[], by: "province" | "type", lang: Lang): Figure {
  return by === "province"
    ? indicatorSlopes(rows, { indicators: ["ftd", "dtd"], years: [2012, 2017], logY: true, title: { zh: "各省外贸依存度与内贸依存度，2012→2017", en: "Foreign- and domestic-trade dependence by province, 2012 → 2017" }, footnote: SPLIT_FOOTNOTE, height: 760 }, lang)
    : indicatorSlopes(rows, { indicators: ["ftd", "dtd"], years: [2012, 2017], logY: true, colourBy: "unit-type", title: { zh: "各类型外贸依存度与内贸依存度，2012→2017（2017年成员）", en: "Foreign- and domestic-trade dependence by type, 2012 → 2017 (2017 members)" }, footnote: SPLIT_FOOTNOTE }, lang);
}

/** 流出率 and 流入率 2007 → 2012 → 2017, by province or by type. */
export function rateSlopes(rows: readonly IndicatorRow[], by: "province" | "type", lang: Lang): Figure {
  return by === "province"
    ? indicatorSlopes(rows, { indicators: ["outflow_rate", "inflow_rate"], years: [2007, 2012, 2017], logY: true, title: { zh: "各省流出率与流入率，2007→2012→2017", en: "Outflow and inflow rates by province, 2007 → 2012 → 2017" }, footnote: RATES_FOOTNOTE, height: 760 }, lang)
    : indicatorSlopes(rows, { indicators: ["outflow_rate", "inflow_rate"], years: [2007, 2012, 2017], colourBy: "unit-type", title: { zh: "各类型流出率与流入率，2007→2012→2017（2017年成员）", en: "Outflow and inflow rates by type, 2007 → 2012 → 2017 (2017 members)" }, footnote: RATES_FOOTNOTE }, lang);
}

/** Each province's move in the 外贸依存度 × 内贸依存度 plane, 2012 → 2017, the national value of 2017 marked. */
export function movesFigure(rows: readonly IndicatorRow[], national: readonly IndicatorRow[], lang: Lang): Figure {
  return dependencePlane(rows, 2012, 2017, { title: { zh: "外贸依存度 × 内贸依存度：2012→2017", en: "Foreign × domestic-trade dependence: 2012 → 2017" }, national: national.find((r) => r.year === 2017) }, lang);
}

/** "mean distance between the 2017 type centroids: 1.23 (sd units)". */
export function centroidDistanceLine(m: MigrationAnalysis, lang: Lang): string {
  const d = meanCentroidDistance(m.full.centroids).toFixed(2);
  return lang === "zh" ? `2017年类型中心之间的平均距离：${d}（标准差单位）` : `mean distance between the 2017 type centroids: ${d} (sd units)`;
}

/** The classifications the migration table lists, each with its column label. */
export function migrationSources(m: MigrationAnalysis) {
  return [
    { key: "nc2012", label: { zh: "最近中心 2012", en: "Nearest centroid 2012" }, assignments: m.full.byYear.get(2012)! },
    { key: "nc2017", label: { zh: "最近中心 2017", en: "Nearest centroid 2017" }, assignments: m.full.byYear.get(2017)! },
    { key: "rules2012", label: { zh: "规则 2012", en: "Rules 2012" }, assignments: m.rules.get(2012)! },
    { key: "rules2017", label: { zh: "规则 2017", en: "Rules 2017" }, assignments: m.rules.get(2017)! },
    { key: "gross2007", label: { zh: "仅流出/流入率 2007", en: "Gross rates only 2007" }, assignments: m.gross.byYear.get(2007)! },
  ];
}

const Y = (y: number, zh: string, en: string): Bilingual => ({ zh: `${y} ${zh}`, en: `${y} ${en}` });

/** Type migration as a Sankey: "centroid" (nearest 2017 centroid), "rules" (2012 → 2017) or "gross" (2007 → 2012 → 2017). */
export function migrationFigure(m: MigrationAnalysis, classifier: "centroid" | "rules" | "gross", provinces: readonly string[], lang: Lang): Figure {
  if (classifier === "centroid")
    return migrationSankey([stageOf(Y(2012, "最近中心", "nearest centroid"), m.full.byYear.get(2012)!), stageOf(Y(2017, "最近中心", "nearest centroid"), m.full.byYear.get(2017)!)], provinces, { title: { zh: "类型迁移 2012→2017：最近的2017年类型中心", en: "Type migration 2012 → 2017: nearest 2017 type centroid" }, height: 560 }, lang);
  if (classifier === "rules")
    return migrationSankey([stageOf(Y(2012, "规则", "rules"), m.rules.get(2012)!), stageOf(Y(2017, "规则", "rules"), m.rules.get(2017)!)], provinces, { title: { zh: "类型迁移 2012→2017：规则分类（各年全国值为基准）", en: "Type migration 2012 → 2017: rule-based classifier (each year's national benchmark)" }, height: 560 }, lang);
  return migrationSankey(
    [stageOf(Y(2007, "流出/流入率", "gross rates"), m.gross.byYear.get(2007)!), stageOf(Y(2012, "流出/流入率", "gross rates"), m.gross.byYear.get(2012)!), stageOf(Y(2017, "流出/流入率", "gross rates"), m.gross.byYear.get(2017)!)],
    provinces,
    { title: { zh: "仅用流出率、流入率的类型迁移 2007→2012→2017（弱分类）", en: "Migration in the gross-rate space only, 2007 → 2012 → 2017 (a weak classifier)" }, height: 600 },
    lang,
  );
}

/** The paper's quoted figures beside the tables: "ftd" (外贸依存度) or "retail" (retail share vs final consumption). */
export function quotedFigure(series: readonly ComparisonSeries[], which: "ftd" | "retail", lang: Lang): Figure {
  if (which === "ftd")
    return quotedVsComputed(series.filter((s) => s.id.startsWith("外贸依存度")), { title: { zh: "外贸依存度：论文引用（2007、2023）与投入产出表（2007、2012、2017）", en: "Foreign-trade dependence: quoted (2007, 2023) vs the IO tables (2007, 2012, 2017)" }, xTitle: { zh: "年份", en: "Year" }, yTitle: "%", footnote: QUOTE_FOOTNOTE, height: 520 }, lang);
  return quotedVsComputed(series.filter((s) => s.id.startsWith("社会消费品零售总额")), { title: { zh: "零售额占全国比重（引用）与最终消费占比（投入产出表）", en: "Share of national retail sales (quoted) vs share of final consumption (IO tables)" }, xTitle: { zh: "年份", en: "Year" }, yTitle: "%", footnote: RETAIL_FOOTNOTE, height: 520 }, lang);
}
