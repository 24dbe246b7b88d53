/**
 * Notebook 01's figures and summary tables with their titles (overall patterns and the seven types): each takes the
 * analysis results and LANG and returns what the cell shows, so that the cells hold only the calls.
 */
import type { ProvinceFlows } from "../data/provinceFlows";
import { type Confusion } from "../cluster/confusion";
import { adjustedRandIndex, type Label } from "../cluster/agreement";
import { explainDisagreements } from "../cluster/drivers";
import { cutTree, linkage, LINKAGE_LABELS } from "../cluster/hierarchical";
import { METHOD_LABELS, type Method } from "../cluster/methods";
import type { LocalOptimum } from "../cluster/restarts";
import type { ElbowPoint } from "../cluster/elbow";
import { pca } from "../cluster/pca";
import { ratios, sumFlows } from "../indicators/ratios";
import { province, type TypeZh } from "../paper/provinces";
import type { ProvinceClustering } from "../typology/pipeline";
import type { SearchResult } from "../typology/search";
import type { Bilingual, Lang } from "../core/text";
import { biplot, dendrogram, typeScatter } from "./charts/clustering";
import { confusionHeatmap, elbowChart, localOptimaChart, searchBars } from "./charts/clusterQuality";
import { categoryMap, type PlotlyFigure } from "./charts/choropleth";
import type { Figure } from "./charts/plotly";
import { agreementSummary, clusterMapData, clusterStyles, confusionLabels, disagreementRows, featureName, provincePoints, searchBarData, type ClusterStyle } from "./clusterRows";
import { table } from "./display";
import { summaryColumns } from "./typologyColumns";

const TYPE_AXIS: Bilingual = { zh: "表1类型", en: "Type in Table 1" };
/** The rule-based classifier's name in tables. */
export const RULES_NAME: Bilingual = { zh: "按表1描述的规则", en: "Rules from Table 1's descriptions" };

/** The 31 provinces in the foreign × domestic-trade dependence plane, the national value marked. */
export function dependencePlaneFigure(data: readonly ProvinceFlows[], logAxes: boolean, lang: Lang): Figure {
  const national = ratios(sumFlows(data));
  return typeScatter(
    {
      title: { zh: "外贸依存度与内贸依存度（2017年）", en: "Foreign- and domestic-trade dependence (2017)" },
      xTitle: { zh: "外贸依存度（%）", en: "Foreign-trade dependence (%)" },
      yTitle: { zh: "内贸依存度（%）", en: "Domestic-trade dependence (%)" },
      points: provincePoints(data, "ftd", "dtd"),
      logAxes: logAxes,
      reference: { x: national.ftd, y: national.dtd, label: { zh: "全国", en: "China" } },
    },
    lang,
  );
}

/** The local minima single k-means++ starts reach (the lowest 20). */
export function localOptimaFigure(optima: readonly LocalOptimum[], lang: Lang): Figure {
  return localOptimaChart({ title: { zh: "单次 k-means++ 初始化到达的局部最优（最低的 20 个）", en: "Local minima reached by single k-means++ starts (lowest 20)" }, optima: [...optima] }, lang);
}

/** The dendrogram of one linkage method cut at k, leaves marked with their Table 1 type. */
export function dendrogramFigure(c: ProvinceClustering, method: "ward" | "average", k: number, types: readonly string[], lang: Lang): Figure {
  const tree = linkage(c.Z, method);
  const cut = cutTree(tree, k);
  const styles = clusterStyles(cut, types, lang);
  const ari = adjustedRandIndex(types, cut).toFixed(3);
  return dendrogram(
    tree,
    {
      title: { zh: `${LINKAGE_LABELS[method].zh}（k = ${k}，与表1的 ARI = ${ari}）`, en: `${LINKAGE_LABELS[method].en} (k = ${k}, ARI vs Table 1 = ${ari})` },
      yTitle: method === "ward" ? { zh: "合并高度 √(2ΔW)", en: "merge height √(2ΔW)" } : { zh: "类间平均距离", en: "mean distance between groups" },
      labels: c.provinces.map((p) => ({ zh: p, en: province(p).en })),
      k: k,
      clusters: cut,
      clusterColours: styles.map((s) => s.colour),
      clusterNames: styles.map((s) => s.name),
      leafTypes: types as readonly TypeZh[],
      height: 560,
    },
    lang,
  );
}

/** Elbow and silhouette against k. */
export function elbowFigure(points: readonly ElbowPoint[], chosenK: number, lang: Lang): Figure {
  return elbowChart({ title: { zh: "肘部法则与轮廓系数", en: "Elbow and silhouette" }, points: [...points], chosenK: chosenK }, lang);
}

/** The PCA biplot of a clustering: clusters by colour, Table 1's types by symbol. */
export function biplotFigure(c: ProvinceClustering, method: Method, types: readonly string[], lang: Lang): Figure {
  const styles = clusterStyles(c.labels, types, lang);
  const components = pca(c.Z);
  return biplot(
    {
      title: { zh: `主成分双标图：${METHOD_LABELS[method].zh}（颜色）与表1类型（符号）`, en: `PCA biplot: ${METHOD_LABELS[method].en} clusters (colour), Table 1 types (symbol)` },
      scores: components.scores,
      loadings: components.loadings,
      featureLabels: c.features.map((f) => featureName(f, lang)),
      pointLabels: c.provinces.map((p) => ({ zh: p, en: province(p).en })),
      clusters: c.labels,
      types: types as readonly TypeZh[],
      explained: components.explainedVarianceRatio,
      clusterColours: styles.map((s) => s.colour),
      clusterNames: styles.map((s) => s.name),
    },
    lang,
  );
}

/** The confusion matrix of Table 1's types against a partition, titled `title`. */
export function confusionFigure(cm: Confusion, title: Bilingual, lang: Lang, styles?: readonly ClusterStyle[]): Figure {
  const labels = confusionLabels(cm, lang, styles);
  return confusionHeatmap({ title: title, rows: labels.rows, columns: labels.columns, counts: cm.counts, yTitle: TYPE_AXIS }, lang);
}

/** The confusion matrix of the clustering compared with Table 1 (the notebook's METHOD). */
export const CLUSTER_CONFUSION_TITLE: Bilingual = { zh: "混淆矩阵：表1类型 × 聚类", en: "Confusion matrix: Table 1 types × clusters" };
/** The same for the rule-based classifier. */
export const RULES_CONFUSION_TITLE: Bilingual = { zh: "混淆矩阵：表1类型 × 规则判定", en: "Confusion matrix: Table 1 types × rule-based types" };
/** The confusion matrix of the search's best configuration. */
export function bestConfusionTitle(label: (lang: Lang) => string): Bilingual {
  return { zh: `最佳方案的混淆矩阵：${label("zh")}`, en: `Confusion matrix of the best configuration: ${label("en")}` };
}

/** The map of a clustering, each cluster named after the Table 1 type it matches. */
export function clusterMapFigure(c: ProvinceClustering, method: Method, k: number, types: readonly string[], lang: Lang): PlotlyFigure {
  const m = clusterMapData(c.provinces, c.labels, types);
  return categoryMap(m.assignment, m.categories, {
    title: lang === "zh" ? `聚类结果（${METHOD_LABELS[method].zh}，k = ${k}）` : `The clustering (${METHOD_LABELS[method].en}, k = ${k})`,
    legendTitle: lang === "zh" ? "簇 → 对应类型" : "cluster → matched type",
    lang: lang,
  });
}

/** The configurations closest to Table 1, as bars. */
export function searchFigure(results: readonly SearchResult[], top: number, lang: Lang): Figure {
  return searchBars({ title: { zh: `与表1最接近的 ${top} 种聚类方案`, en: `The ${top} configurations closest to Table 1` }, bars: searchBarData(results, top, lang) }, lang);
}

const AGREEMENT_COLUMNS = summaryColumns(["configuration", "ari", "ami", "agreeing"], { ari: 3, ami: 3 });
const DRIVER_COLUMNS = summaryColumns(["province", "paper_type", "cluster_type", "driver", "value", "paper_type_mean", "cluster_mean", "delta", "driver_share", "total"], {
  value: 2,
  paper_type_mean: 2,
  cluster_mean: 2,
  delta: 4,
  driver_share: 2,
  total: 4,
});

/** Agreement rows (ARI, AMI, provinces in the matching type) of named partitions against Table 1, as a table. */
export function showAgreement(rows: readonly { name: string; labels: readonly Label[] }[], types: readonly string[], lang: Lang): void {
  table(rows.map((r) => agreementSummary(r.name, r.labels, types)), AGREEMENT_COLUMNS, lang);
}

/** The provinces a clustering places elsewhere than Table 1, with the indicator that drives each, as a table. */
export function showDisagreements(c: ProvinceClustering, types: readonly string[], lang: Lang): void {
  table(disagreementRows(explainDisagreements({ Z: c.Z, raw: c.raw, features: c.features, names: c.provinces, reference: [...types], clusters: c.labels }), lang), DRIVER_COLUMNS, lang);
}

/** A clustering's name in the agreement tables: "k-means, k = 7" in the chosen language. */
export function methodName(method: Method, k: number, lang: Lang): string {
  return `${METHOD_LABELS[method][lang]}, k = ${k}`;
}

/** "搜索最佳: …" / "Best of the search: …". */
export function bestOfSearchName(label: string, lang: Lang): string {
  return `${lang === "zh" ? "搜索最佳" : "Best of the search"}: ${label}`;
}
