/**
 * Clustering results against Table 1 as rows a reader can scan (notebook tables, CLI output): which type each
 * cluster stands for, where each province went, the feature-set search ranked, the rule-based classifier's
 * reasons, and the provinces placed elsewhere with the indicator that drives each (lib/cluster/drivers.ts).
 * Labels are bilingual ("中文 / English", the chosen language first).
 */
import { TYPE_COLOURS } from "./charts/choropleth";
import { bilingual } from "../core/text";
import { CLUSTER_PALETTE } from "./charts/clustering";
import type { Lang } from "../core/text";
import { RATIO_COLUMNS } from "../paper/columns";
import { province, TYPES, typeEn, type TypeZh } from "../paper/provinces";
import { adjustedMutualInfo, adjustedRandIndex, type Label } from "../cluster/agreement";
import type { Disagreement } from "../cluster/drivers";
import { matchClusters, type Confusion } from "../cluster/confusion";
import { FEATURES, isFeatureName } from "../typology/features";
import { type ProvinceFlows } from "../data/provinceFlows";
import type { LocalOptimum } from "../cluster/restarts";
import type { RuleDecision } from "../typology/rules";
import type { SearchBar, TypePoint } from "./charts/clustering";
import type { MapCategory } from "./charts/choropleth";
import type { Table1TypeRow } from "../paper/table1";
import { SCALING_LABELS } from "../cluster/scaling";
import { type SearchResult } from "../typology/search";
import { METHOD_LABELS } from "../cluster/methods";

/** "外向型经济 / Export-oriented economy". */
export function typeName(t: TypeZh, lang: Lang): string {
  return bilingual(t, typeEn(t), lang);
}

/** "北京 / Beijing". */
export function provinceName(zh: string, lang: Lang): string {
  return bilingual(zh, province(zh).en, lang);
}

/** A feature's short name: "外贸依存度 / Foreign-trade dependence" (units dropped). */
export function featureName(name: string, lang: Lang): string {
  if (!isFeatureName(name)) throw new RangeError(`unknown feature "${name}"`);
  const f = FEATURES[name];
  return bilingual(f.zh, f.en.replace(/\s*\((%|亿元)\)$/, ""), lang);
}

/** One language only (for compact labels): the feature's Chinese or English short name. */
function featureShort(name: string, lang: Lang): string {
  if (!isFeatureName(name)) throw new RangeError(`unknown feature "${name}"`);
  const f = FEATURES[name];
  return lang === "zh" ? f.zh : f.en.replace(/\s*\((%|亿元)\)$/, "");
}

export interface ClusterStyle {
  /** the type the cluster was matched to (Hungarian matching), or null */
  type: TypeZh | null;
  /** "簇 1 → 外向型经济" / "cluster 1 → Export-oriented economy" */
  name: string;
  /** the matched type's colour (an unmatched cluster gets a neutral palette colour) */
  colour: string;
}

/** Name and colour of each cluster id 0..k−1 from the type it stands for (lib/cluster/confusion.ts matchClusters). */
export function clusterStyles(clusters: readonly number[], types: readonly string[], lang: Lang): ClusterStyle[] {
  const mapping = matchClusters(clusters, types);
  const k = Math.max(...clusters) + 1;
  return Array.from({ length: k }, (_, c) => {
    const t = (mapping.get(c) ?? null) as TypeZh | null;
    const head = lang === "zh" ? `簇 ${c + 1}` : `cluster ${c + 1}`;
    const tail = t === null ? (lang === "zh" ? "（无对应类型）" : " (no type)") : ` → ${lang === "zh" ? t : typeEn(t)}`;
    return { type: t, name: head + tail, colour: t === null ? CLUSTER_PALETTE[(c + 7) % CLUSTER_PALETTE.length] : TYPE_COLOURS[t] };
  });
}

/** Per province: Table 1's type, its cluster, the type that cluster stands for, and whether they agree. */
export function assignmentRows(provinces: readonly string[], clusters: readonly number[], types: readonly string[], lang: Lang): Record<string, string | number>[] {
  const styles = clusterStyles(clusters, types, lang);
  return provinces.map((p, i) => {
    const matched = styles[clusters[i]].type;
    return {
      province: provinceName(p, lang),
      paper_type: typeName(types[i] as TypeZh, lang),
      cluster: clusters[i] + 1,
      cluster_type: matched === null ? "—" : typeName(matched, lang),
      agrees: matched === types[i] ? "✓" : "✗",
    };
  });
}

/** "外贸依存度+内贸依存度 · 极差标准化 · K 均值聚类" in one language. */
export function configurationLabel(r: Pick<SearchResult, "featureSet" | "scaling" | "method">, lang: Lang): string {
  const fs = r.featureSet.id === "ratios" || r.featureSet.id === "per_gdp" || r.featureSet.id === "raw"
    ? (lang === "zh" ? r.featureSet.zh : r.featureSet.en)
    : r.featureSet.features.map((f) => featureShort(f, lang)).join(" + ");
  return `${fs} · ${SCALING_LABELS[r.scaling][lang]} · ${METHOD_LABELS[r.method][lang]}`;
}

/** The search results as table rows, best first (the first `top`). */
export function searchRows(results: readonly SearchResult[], top: number, lang: Lang): Record<string, string | number | null>[] {
  return results.slice(0, top).map((r, i) => ({
    rank: i + 1,
    features: r.featureSet.features.join(", "),
    scaling: SCALING_LABELS[r.scaling][lang],
    method: METHOD_LABELS[r.method][lang],
    ari: r.ari,
    ami: r.ami,
    silhouette: r.silhouette,
  }));
}

/** The rule-based classifier beside Table 1: each province's rule, type, agreement and reason. */
export function ruleRows(decisions: readonly RuleDecision[], lang: Lang): Record<string, string | number>[] {
  return decisions.map((d) => {
    const paper = province(d.province_zh).type;
    return {
      province: provinceName(d.province_zh, lang),
      paper_type: typeName(paper, lang),
      rule: d.rule,
      rule_type: typeName(d.type, lang),
      agrees: d.type === paper ? "✓" : "✗",
      reason: d.reason[lang],
    };
  });
}

/** Provinces placed elsewhere than Table 1, with the driving indicator (values in the indicator's own units). */
export function disagreementRows(ds: readonly Disagreement[], lang: Lang): Record<string, string | number>[] {
  return ds.map((d) => {
    const positive = d.contributions.reduce((s, v) => s + Math.max(v, 0), 0);
    return {
      province: provinceName(d.name, lang),
      paper_type: typeName(d.reference as TypeZh, lang),
      cluster: d.cluster + 1,
      cluster_type: d.assigned === null ? "—" : typeName(d.assigned as TypeZh, lang),
      driver: featureName(d.feature, lang),
      value: d.value,
      paper_type_mean: d.referenceMean,
      cluster_mean: d.clusterMean,
      delta: d.contribution,
      driver_share: positive > 0 ? Math.max(d.contribution, 0) / positive : 0,
      total: d.total,
    };
  });
}

/** The seven types in Table 1's order (the rows of every confusion matrix here). */
export const TYPE_ORDER: readonly Label[] = TYPES.map((t) => t.zh);

/** A feature's value for every province of `data`, keyed by short name (for indicatorMap). */
export function featureByProvince(data: readonly ProvinceFlows[], name: string): Record<string, number> {
  if (!isFeatureName(name)) throw new RangeError(`unknown feature "${name}"`);
  return Object.fromEntries(data.map((r) => [r.province_zh, FEATURES[name].compute(r)]));
}

/** The provinces as scatter points on two features, each with its Table 1 type (for typeScatter). */
export function provincePoints(data: readonly ProvinceFlows[], x: string, y: string): TypePoint[] {
  const xs = featureByProvince(data, x);
  const ys = featureByProvince(data, y);
  return data.map((r) => ({ x: xs[r.province_zh], y: ys[r.province_zh], label: { zh: r.province_zh, en: province(r.province_zh).en }, type: province(r.province_zh).type }));
}

/** Table 1 as display rows: type, its provinces (、-separated as printed), its description. */
export function table1Rows(rows: readonly Table1TypeRow[], lang: Lang): Record<string, string>[] {
  return rows.map((r) => ({
    type: lang === "zh" ? `${r.type_zh_printed}` : `${r.type_en} (${r.type_zh_printed})`,
    members: lang === "zh" ? r.members_zh.join("、") : r.members_en.join(", "),
    description: lang === "zh" ? r.features_zh : r.features_en,
  }));
}

/** Local minima of single k-means starts as display rows. */
export function optimaRows(optima: readonly LocalOptimum[], top: number): Record<string, number>[] {
  return optima.slice(0, top).map((o, i) => ({ rank: i + 1, inertia: o.inertia, count: o.count, share: o.share }));
}

/** One line of the final comparison: a labelling's agreement with Table 1. */
export function agreementSummary(name: string, labels: readonly Label[], types: readonly string[]): Record<string, string | number> {
  const mapping = matchClusters(labels, types);
  const agreeing = labels.filter((l, i) => mapping.get(l) === types[i]).length;
  return { configuration: name, ari: adjustedRandIndex(types, labels), ami: adjustedMutualInfo(types, labels), agreeing: `${agreeing} / ${types.length}` };
}

/** A feature's unit as lib/typology/features.ts gives it ("%", "亿元" or "" for a plain ratio). */
export function featureUnit(name: string): string {
  if (!isFeatureName(name)) throw new RangeError(`unknown feature "${name}"`);
  return FEATURES[name].unit;
}

/** Row and column labels of a confusion matrix: rows are types; columns clusters (named by `styles`) or types. */
export function confusionLabels(cm: Confusion, lang: Lang, styles?: readonly ClusterStyle[]): { rows: string[]; columns: string[] } {
  // columns in one language: they are printed at an angle above the cells and must stay short
  const column = (l: Label) => (typeof l === "number" ? (styles?.[l]?.name ?? String(l + 1)) : lang === "zh" ? String(l) : typeEn(l as TypeZh));
  return { rows: cm.rows.map((l) => typeName(l as TypeZh, lang)), columns: cm.columns.map(column) };
}

/** A clustering as a categorical map: each province in its cluster, each cluster named and coloured by its matched type. */
export function clusterMapData(provinces: readonly string[], clusters: readonly number[], types: readonly string[]): { assignment: Record<string, string>; categories: MapCategory[] } {
  const zh = clusterStyles(clusters, types, "zh");
  const en = clusterStyles(clusters, types, "en");
  return {
    assignment: Object.fromEntries(provinces.map((p, i) => [p, zh[clusters[i]].name])),
    categories: zh.map((s, c) => ({ zh: s.name, en: en[c].name, colour: s.colour })),
  };
}

/** The first `top` search results as bars (label, ARI, AMI), grouped by method. */
export function searchBarData(results: readonly SearchResult[], top: number, lang: Lang): SearchBar[] {
  return results.slice(0, top).map((r) => ({ label: configurationLabel(r, lang), ari: r.ari, ami: r.ami, group: METHOD_LABELS[r.method][lang] }));
}

/**
 * Among the configurations whose features all come from `among` (default: the five ratios, whose every subset of two
 * or more is searched), for each feature: the mean ARI of the configurations that use it and of those that do not,
 * and the best ARI with it; most helpful first. A crude but honest reading of "which indicators explain the typology":
 * the configurations are not independent samples.
 */
export function featureInclusion(results: readonly SearchResult[], lang: Lang, among: readonly string[] = RATIO_COLUMNS): Record<string, string | number>[] {
  results = results.filter((r) => r.featureSet.features.every((f) => among.includes(f)));
  const all = among.filter((f) => results.some((r) => r.featureSet.features.includes(f as never)));
  const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;
  return all
    .map((f) => {
      const withF = results.filter((r) => r.featureSet.features.includes(f as never)).map((r) => r.ari);
      const without = results.filter((r) => !r.featureSet.features.includes(f as never)).map((r) => r.ari);
      return { f, withF, without };
    })
    .filter(({ withF, without }) => withF.length > 0 && without.length > 0)
    .map(({ f, withF, without }) => ({
      feature: featureName(f, lang),
      configurations: withF.length,
      mean_ari_with: mean(withF),
      mean_ari_without: mean(without),
      best_ari_with: Math.max(...withF),
    }))
    .sort((a, b) => b.mean_ari_with - b.mean_ari_without - (a.mean_ari_with - a.mean_ari_without));
}

/** The elbow curve as table rows. */
export function elbowRows(curve: readonly { k: number; inertia: number; silhouette: number | null }[]): Record<string, number | null>[] {
  return curve.map((p) => ({ k: p.k, inertia: p.inertia, silhouette: p.silhouette }));
}
