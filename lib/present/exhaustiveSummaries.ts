/**
 * The exhaustive search and its permutation null (lib/typology/typologySupport.ts, searchStability.ts) as tables and
 * sentences a reader can scan in notebook 01: the winners, what they have in common, which provinces the best
 * configurations place as Table 1 does, the nulls, and a plain statement of how much of Table 1 the data support,
 * every number computed. Labels are bilingual ("中文 / English", the chosen language first).
 */
import type { Lang, Text } from "../core/text";
import type { Column } from "./display";
import { province, TYPES, type TypeZh } from "../paper/provinces";
import { matchClusters } from "../cluster/confusion";
import type { ConfigurationScore } from "../typology/exhaustive";
import { FEATURES, type FeatureName } from "../typology/features";
import { SCALING_LABELS, SCALINGS } from "../cluster/scaling";
import { METHOD_LABELS, METHODS } from "../cluster/methods";
import type { SearchStability } from "../typology/searchStability";
import { featureName, provinceName, typeName } from "./clusterRows";
import { agreeingCount, type TypologySupport } from "../typology/typologySupport";

/** A feature's short name in one language (for compact lists of features). */
function featureShort(f: FeatureName, lang: Lang): string {
  return lang === "zh" ? FEATURES[f].zh : FEATURES[f].en.replace(/\s*\((%|亿元)\)$/, "");
}

/** "外贸依存度 + 流出率 · 对数后标准化 · K 均值聚类" in one language. */
export function configurationName(s: Pick<ConfigurationScore, "features" | "scaling" | "method">, lang: Lang): string {
  return `${s.features.map((f) => featureShort(f, lang)).join(" + ")} · ${SCALING_LABELS[s.scaling][lang]} · ${METHOD_LABELS[s.method][lang]}`;
}

export interface Rows {
  rows: Record<string, string | number | null>[];
  columns: Column[];
}

const col = (key: string, zh: string, en: string, digits?: number): Column => ({ key, label: { zh, en }, digits });

/** The first `top` configurations, best first: features, scaling, method, ARI, AMI, provinces as Table 1. */
export function winnerRows(support: TypologySupport, top: number, reference: readonly string[], lang: Lang): Rows {
  const n = reference.length;
  return {
    rows: support.ranked.slice(0, top).map((s, i) => ({
      rank: i + 1,
      features: s.features.map((f) => featureShort(f, lang)).join(" + "),
      scaling: SCALING_LABELS[s.scaling][lang],
      method: METHOD_LABELS[s.method][lang],
      ari: s.ari,
      ami: s.ami,
      agreeing: `${agreeingCount(s.labels, reference)} / ${n}`,
    })),
    columns: [
      col("rank", "名次", "Rank"),
      col("features", "指标", "Features"),
      col("scaling", "标准化", "Scaling"),
      col("method", "方法", "Method"),
      col("ari", "ARI", "ARI", 3),
      col("ami", "AMI", "AMI", 3),
      col("agreeing", "与表1一致的省份", "Provinces as in Table 1"),
    ],
  };
}

/**
 * What the `top` best configurations have in common: for each feature, scaling and method, its share among them
 * beside its share among all configurations (each feature is in 2^(p−1) of the 2^p − 1 subsets: just over half).
 * Most over-represented first.
 */
export function commonGroundRows(support: TypologySupport, top: number, lang: Lang): Rows {
  const all = support.search.scores;
  const best = support.ranked.slice(0, top);
  const share = (xs: readonly ConfigurationScore[], f: (s: ConfigurationScore) => boolean) => xs.filter(f).length / xs.length;
  const items: { kind: Text; name: string; test: (s: ConfigurationScore) => boolean }[] = [
    ...support.search.pool.map((f) => ({ kind: { zh: "指标", en: "feature" }, name: featureName(f, lang), test: (s: ConfigurationScore) => s.features.includes(f) })),
    ...SCALINGS.map((sc) => ({ kind: { zh: "标准化", en: "scaling" }, name: SCALING_LABELS[sc][lang], test: (s: ConfigurationScore) => s.scaling === sc })),
    ...METHODS.map((m) => ({ kind: { zh: "方法", en: "method" }, name: METHOD_LABELS[m][lang], test: (s: ConfigurationScore) => s.method === m })),
  ];
  return {
    rows: items
      .map((it) => ({ kind: typeof it.kind === "string" ? it.kind : it.kind[lang], item: it.name, share_top: share(best, it.test), share_all: share(all, it.test) }))
      .map((r) => ({ ...r, lift: r.share_top - r.share_all }))
      .sort((a, b) => b.lift - a.lift),
    columns: [
      col("kind", "类别", "Kind"),
      col("item", "选项", "Choice"),
      col("share_top", `前 ${top} 个方案中的比例`, `Share of the best ${top}`, 2),
      col("share_all", "全部方案中的比例", "Share of all configurations", 2),
      col("lift", "差", "Difference", 2),
    ],
  };
}

export interface ProvinceSupport {
  province: string;
  type: TypeZh;
  /** share of the `top` best configurations that put the province in the cluster matched to its Table 1 type */
  share: number;
}

/** For each province (Table 1's order of types): how many of the `top` best configurations place it as Table 1 does. */
export function provinceSupport(support: TypologySupport, top: number, provinces: readonly string[], reference: readonly string[]): ProvinceSupport[] {
  const best = support.ranked.slice(0, top);
  const agree = new Array<number>(provinces.length).fill(0);
  for (const s of best) {
    const mapping = matchClusters(s.labels, reference);
    s.labels.forEach((l, i) => {
      if (mapping.get(l) === reference[i]) agree[i]++;
    });
  }
  const order = TYPES.map((t) => t.zh as string);
  return provinces
    .map((p, i) => ({ province: p, type: province(p).type, share: agree[i] / best.length, i }))
    .sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type) || a.i - b.i)
    .map(({ province: p, type, share }) => ({ province: p, type, share }));
}

/** Provinces supported by at least `strong` of the best configurations, and those by at most 1 − strong. */
export function supportCounts(ps: readonly ProvinceSupport[], strong = 0.9): { supported: ProvinceSupport[]; unsupported: ProvinceSupport[] } {
  return { supported: ps.filter((p) => p.share >= strong - 1e-12), unsupported: ps.filter((p) => p.share <= 1 - strong + 1e-12) };
}

/** provinceSupport as rows: province, its type, the share, and a reading of it. */
export function provinceSupportRows(ps: readonly ProvinceSupport[], lang: Lang, strong = 0.9): Rows {
  const reading = (s: number) =>
    s >= strong - 1e-12 ? (lang === "zh" ? "数据支持" : "supported") : s <= 1 - strong + 1e-12 ? (lang === "zh" ? "数据不支持" : "not supported") : lang === "zh" ? "取决于方案" : "depends on the configuration";
  return {
    rows: ps.map((p) => ({ province: provinceName(p.province, lang), type: typeName(p.type, lang), share: p.share, reading: reading(p.share) })),
    columns: [col("province", "地区", "Province"), col("type", "表1类型", "Type in Table 1"), col("share", "按表1归类的方案比例", "Share of configurations placing it as Table 1", 2), col("reading", "判读", "Reading")],
  };
}

/** The two nulls side by side: observed ARI, null quantiles and maximum, p-value. */
export function nullRows(support: TypologySupport, lang: Lang): Rows {
  const row = (name: string, t: TypologySupport["best"]) => {
    const q = (p: number) => t.summary.quantiles.find((x) => x.q === p)?.value ?? null;
    return { test: name, observed: t.summary.observed, median: q(0.5), q95: q(0.95), q99: q(0.99), max: t.summary.max, p: t.summary.pValue };
  };
  const n = support.search.scores.length;
  return {
    rows: [
      row(lang === "zh" ? `${n} 个方案中的最佳（经挑选）` : `Best of ${n} configurations (selected)`, support.best),
      row(lang === "zh" ? "五项比率 K 均值（未挑选）" : "k-means on the five ratios (no selection)", support.fiveRatio),
    ],
    columns: [
      col("test", "检验", "Test"),
      col("observed", "实际 ARI", "Observed ARI", 3),
      col("median", "零分布中位数", "Null median", 3),
      col("q95", "零分布 95 % 分位", "Null 95 %", 3),
      col("q99", "零分布 99 % 分位", "Null 99 %", 3),
      col("max", "零分布最大值", "Null maximum", 3),
      col("p", `p 值（${support.permutations} 次置换）`, `p-value (${support.permutations} relabellings)`, 4),
    ],
  };
}

function pct(x: number): string {
  return `${Math.round(100 * x)} %`;
}

/** p below this is "more than chance" in the plain statement. */
export const SIGNIFICANCE = 0.01;

/**
 * The plain statement: how far the best clustering and the five-ratio k-means agree with Table 1, against what
 * random typologies with Table 1's type sizes reach; whether the best survives perturbation; which provinces the
 * best configurations support. Every number comes from the arguments, and each reading (more than chance or not,
 * stable or not) follows from them: p < SIGNIFICANCE, the best still best in at least half of the runs.
 */
export function supportStatement(
  support: TypologySupport,
  reference: readonly string[],
  ps: readonly ProvinceSupport[],
  top: number,
  stability: SearchStability | null,
  lang: Lang,
): string {
  const zh = lang === "zh";
  const n = reference.length;
  const best = support.ranked[0];
  const b = support.best.summary;
  const f = support.fiveRatio.summary;
  const q = (s: typeof b, p: number) => s.quantiles.find((x) => x.q === p)!.value.toFixed(3);
  const bestAgree = agreeingCount(best.labels, reference);
  const fiveAgree = agreeingCount(support.fiveRatio.score.labels, reference);
  const { supported, unsupported } = supportCounts(ps);
  const names = (xs: readonly ProvinceSupport[]) => (xs.length === 0 ? (zh ? "无" : "none") : xs.map((p) => (zh ? p.province : province(p.province).en)).join(zh ? "、" : ", "));
  const configs = support.search.scores.length;
  const pText = (s: typeof b) =>
    s.atLeastObserved === 0
      ? `p = ${s.pValue.toFixed(4)}${zh ? `，${s.permutations} 次置换中无一达到` : `: none of ${s.permutations} relabellings reached it`}`
      : `p = ${s.pValue.toFixed(4)}`;
  const real = b.pValue < SIGNIFICANCE;
  const parts: string[] = [];
  if (zh) {
    parts.push(`穷举 ${configs} 个聚类方案，最佳（${configurationName(best, "zh")}）与表1的 ARI 为 ${best.ari.toFixed(3)}，${n} 个省份中 ${bestAgree} 个归入与表1对应的类型。`);
    parts.push(`同样的方案对保持表1各类型省份数的随机分类，最佳 ARI 的中位数为 ${q(b, 0.5)}、99 % 分位为 ${q(b, 0.99)}（${pText(b)}）。`);
    parts.push(`不经挑选的五项比率 K 均值 ARI 为 ${f.observed.toFixed(3)}（${fiveAgree} / ${n}），随机分类的 99 % 分位为 ${q(f, 0.99)}（${pText(f)}）。`);
    parts.push(
      real
        ? `因此，指标中确有与表1一致的结构，超出从众多方案中挑选所能偶然得到的一致；但没有任何聚类接近复现表1：最佳 ARI 为 ${best.ari.toFixed(3)}，而非 1。`
        : `因此，最佳方案与表1的一致并不超出从众多方案中挑选所能偶然得到的程度（p ≥ ${SIGNIFICANCE}）。`,
    );
    if (stability) {
      const lo = Math.min(...stability.runs.map((r) => r.bestAri)).toFixed(3);
      const hi = Math.max(...stability.runs.map((r) => r.bestAri)).toFixed(3);
      const stable = stability.stillBest * 2 >= stability.runs.length;
      const some = stability.candidates.length < configs;
      parts.push(
        `在 ±${Math.round(stability.amplitude * 100)} % 扰动下（${stability.runs.length} 次，每次重新计算${some ? `最接近最佳的 ${stability.candidates.length} 个` : `全部 ${configs} 个`}方案），最佳方案 ${stability.stillBest} 次仍为最佳${some ? "（这是上限：未重新计算的方案只可能夺走第一）" : ""}，各次最佳 ARI 在 ${lo}–${hi} 之间：` +
          (stable ? "最佳方案是稳定的。" : "哪组指标“最佳”并不稳定，稳定的是一致的程度。"),
      );
    }
    parts.push(
      `在前 ${top} 个方案中，${supported.length} 个省份被至少 90 % 的方案按表1归类（${names(supported)}），${unsupported.length} 个省份至多被 10 % 的方案按表1归类（${names(unsupported)}），其余省份的归属取决于方案。`,
    );
    return parts.join("");
  }
  parts.push(`Of ${configs} configurations, the best (${configurationName(best, "en")}) reaches an ARI of ${best.ari.toFixed(3)} against Table 1, placing ${bestAgree} of ${n} provinces in the type they match.`);
  parts.push(`Against random typologies with Table 1's type sizes the same configurations reach a best ARI of ${q(b, 0.5)} in the median and ${q(b, 0.99)} at the 99th percentile (${pText(b)}).`);
  parts.push(`k-means on the five ratios, chosen without looking at Table 1, reaches ${f.observed.toFixed(3)} (${fiveAgree} of ${n}) against a 99th percentile of ${q(f, 0.99)} (${pText(f)}).`);
  parts.push(
    real
      ? `So the indicators carry structure in common with Table 1, beyond what picking the best of many configurations delivers by chance; but no clustering comes close to reproducing it: the best ARI is ${best.ari.toFixed(3)}, not 1.`
      : `So the best configuration agrees with Table 1 no more than picking the best of many configurations does by chance (p ≥ ${SIGNIFICANCE}).`,
  );
  if (stability) {
    const lo = Math.min(...stability.runs.map((r) => r.bestAri)).toFixed(3);
    const hi = Math.max(...stability.runs.map((r) => r.bestAri)).toFixed(3);
    const stable = stability.stillBest * 2 >= stability.runs.length;
    const some = stability.candidates.length < configs;
    parts.push(
      `Under ±${Math.round(stability.amplitude * 100)} % perturbation of the flows (${stability.runs.length} runs, each re-computing ${some ? `the ${stability.candidates.length} configurations closest to the best` : `all ${configs} configurations`}) the best configuration stays the best in ${stability.stillBest}${some ? " (an upper bound: a configuration not re-run could only take the lead away)" : ""}, and the runs' best ARIs lie between ${lo} and ${hi}: ` +
        (stable ? "the best configuration is stable." : "which features win is not stable; the level of agreement is."),
    );
  }
  parts.push(
    `Among the best ${top} configurations, ${supported.length} provinces are placed as in Table 1 by at least 90 % of them (${names(supported)}) and ${unsupported.length} by at most 10 % (${names(unsupported)}); the rest depend on the configuration.`,
  );
  return parts.join(" ");
}

