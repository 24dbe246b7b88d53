/**
 * The robustness notebook's tables (notebooks/05_robustness.ipynb): rows with bilingual column labels for `table()`
 * (lib/present/display.ts), and the same as header + rows for `writeCsv` (lib/present/tables.ts); plus the
 * summaries its text quotes. Pure functions of the results of lib/typology/stability.ts, sensitivity.ts and
 * editionSensitivity.ts.
 */
import type { Lang, Bilingual } from "../core/text";
import type { Column } from "./display";
import { province, TYPES, type TypeZh } from "../paper/provinces";
import { adjustedMutualInfo, adjustedRandIndex, type Label } from "../cluster/agreement";
import type { EditionComparison } from "../typology/editionSensitivity";
import { matchLabels } from "../cluster/hungarian";
import { SCALING_SHORT } from "./charts/robustness";
import { type FeatureSet } from "../typology/search";
import { METHOD_LABELS, type Method } from "../cluster/methods";
import { summarizeAxis, type AxisSummary, type SensitivityAxis, type SensitivityCell } from "../typology/sensitivity";
import { fragileProvinces, type FragileProvince, type StabilityResult } from "../typology/stability";
import { csvOf, type Tabular } from "./tables";


const provinceName = (zh: string, lang: Lang) => (lang === "zh" ? zh : province(zh).en);
const typeName = (t: Label | null, lang: Lang) => {
  if (t === null) return "—";
  const ty = TYPES.find((x) => x.zh === t);
  return ty ? (lang === "zh" ? ty.zh : ty.en) : String(t);
};
const mean = (x: readonly number[]) => x.reduce((a, b) => a + b, 0) / x.length;

export interface PartitionAgreement {
  ari: number;
  ami: number;
  /** each province's cluster named after the Table 1 type it overlaps most (Hungarian matching) */
  matched: (TypeZh | null)[];
  /** provinces whose matched type is their Table 1 type */
  agree: number;
  /** the others */
  moved: string[];
}

/** How a partition of the provinces compares with Table 1: ARI, AMI, and who lands in another type. */
export function agreementWithTable1(provinces: readonly string[], labels: readonly number[]): PartitionAgreement {
  const reference = provinces.map((p) => province(p).type);
  const m = matchLabels(labels, reference);
  const matched = m.mapped as (TypeZh | null)[];
  return {
    ari: adjustedRandIndex(reference, labels),
    ami: adjustedMutualInfo(reference, labels),
    matched,
    agree: m.matched,
    moved: provinces.filter((_, i) => matched[i] !== reference[i]),
  };
}

export interface StabilitySummary {
  runs: number;
  restarts: number;
  /** mean per-province stability */
  meanStability: number;
  /** pairs (i < j) whose co-assignment is strictly between 0 and 1: pairs the runs disagree on */
  undecidedPairs: number;
  pairs: number;
  /** mean and share-equal-to-1 of each run's ARI against the base clustering */
  meanRunAriVsBase: number;
  runsEqualToBase: number;
  /** mean ARI of the runs against Table 1 (null without a reference) */
  meanRunAriVsTable1: number | null;
  base: PartitionAgreement;
  consensus: PartitionAgreement;
}

/** The numbers step 1 of the notebook prints. */
export function stabilitySummary(result: StabilityResult): StabilitySummary {
  const n = result.provinces.length;
  let undecided = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (result.coassignment[i][j] > 0 && result.coassignment[i][j] < 1) undecided++;
  return {
    runs: result.runs,
    restarts: result.restarts,
    meanStability: mean(result.stability),
    undecidedPairs: undecided,
    pairs: (n * (n - 1)) / 2,
    meanRunAriVsBase: mean(result.runAriVsBase),
    runsEqualToBase: result.runAriVsBase.filter((a) => a === 1).length / result.runs,
    meanRunAriVsTable1: result.runAriVsReference.length ? mean(result.runAriVsReference) : null,
    base: agreementWithTable1(result.provinces, result.baseLabels),
    consensus: agreementWithTable1(result.provinces, result.consensus.labels),
  };
}

/** One line per province: Table 1 type, the type its consensus cluster matches, stability, alone rate. */
export function stabilityTable(result: StabilityResult, lang: Lang): Tabular {
  const consensus = agreementWithTable1(result.provinces, result.consensus.labels);
  return {
    columns: [
      { key: "province", label: { zh: "地区", en: "Province" } },
      { key: "type", label: { zh: "表1类型", en: "Table 1 type" } },
      { key: "consensus", label: { zh: "共识聚类（对应类型）", en: "Consensus cluster (matched type)" } },
      { key: "stability", label: { zh: "稳定性", en: "Stability" }, digits: 3 },
      { key: "alone", label: { zh: "单独成类比例", en: "Share of runs alone" }, digits: 3 },
    ],
    rows: result.provinces.map((p, i) => ({
      province: provinceName(p, lang),
      type: typeName(province(p).type, lang),
      consensus: `${result.consensus.labels[i]} · ${typeName(consensus.matched[i], lang)}`,
      stability: result.stability[i],
      alone: result.aloneRate[i],
    })),
  };
}

/** The fragile provinces, least stable first, with the type they sit with most often besides their own. */
export function fragileTable(fragile: readonly FragileProvince[], lang: Lang): Tabular {
  return {
    columns: [
      { key: "province", label: { zh: "地区", en: "Province" } },
      { key: "stability", label: { zh: "稳定性", en: "Stability" }, digits: 3 },
      { key: "type", label: { zh: "表1类型", en: "Table 1 type" } },
      { key: "own", label: { zh: "与同类型省份同类比例", en: "Together with its own type" }, digits: 3 },
      { key: "leans", label: { zh: "最常同类的其他类型", en: "Other type it joins most" } },
      { key: "leansShare", label: { zh: "同类比例", en: "Together with that type" }, digits: 3 },
    ],
    rows: fragile.map((f) => ({
      province: provinceName(f.province, lang),
      stability: f.stability,
      type: typeName(f.group, lang),
      own: f.ownAffinity ?? "—",
      leans: typeName(f.leansTo, lang),
      leansShare: f.leansToAffinity ?? "—",
    })),
  };
}

/** The sweep's ARI summarised along one axis (median, best, worst over all other choices). */
export function axisTable(summary: readonly AxisSummary[], axis: Bilingual, levelName: (level: string | number) => string, lang: Lang): Tabular {
  return {
    columns: [
      { key: "level", label: axis },
      { key: "cells", label: { zh: "配置数", en: "Configurations" } },
      { key: "median", label: { zh: "ARI 中位数", en: "Median ARI" }, digits: 3 },
      { key: "max", label: { zh: "ARI 最高", en: "Best ARI" }, digits: 3 },
      { key: "min", label: { zh: "ARI 最低", en: "Worst ARI" }, digits: 3 },
    ],
    rows: summary.map((s) => ({ level: levelName(s.level), cells: s.cells, median: s.medianAri, max: s.maxAri, min: s.minAri })),
  };
}

/** The sweep summarised along each of its four axes: k, feature set, scaling, method (one table each). */
export function sweepAxisTables(cells: readonly SensitivityCell[], sets: readonly FeatureSet[], lang: Lang): Tabular[] {
  const name = (x: Bilingual | undefined, fallback: string | number) => (x ? (lang === "zh" ? x.zh : x.en) : String(fallback));
  const axes: [SensitivityAxis, Bilingual, (level: string | number) => string][] = [
    ["k", { zh: "k", en: "k" }, String],
    ["featureSet", { zh: "特征", en: "Features" }, (l) => name(sets.find((s) => s.id === l), l)],
    ["scaling", { zh: "标准化", en: "Scaling" }, (l) => name(SCALING_SHORT[l], l)],
    ["method", { zh: "方法", en: "Method" }, (l) => name(METHOD_LABELS[l as Method], l)],
  ];
  return axes.map(([axis, label, levelName]) => axisTable(summarizeAxis(cells, axis), label, levelName, lang));
}

/** Every cell of the sweep, for the CSV. */
export function sweepTable(cells: readonly SensitivityCell[]): Tabular {
  return {
    columns: ["feature_set", "scaling", "method", "k", "ari", "ami", "silhouette"].map((key) => ({ key })),
    rows: cells.map((c) => ({ feature_set: c.featureSet.id, scaling: c.scaling, method: c.method, k: c.k, ari: c.ari, ami: c.ami, silhouette: c.silhouette ?? "" })),
  };
}

/** Each data edition: agreement with Table 1 and with the paper edition, and (optionally) its resampling stability. */
export function editionTable(
  cmp: EditionComparison,
  lang: Lang,
  stability?: readonly { meanStability: number; fragile: readonly string[] }[],
): Tabular {
  const columns: Column[] = [
    { key: "edition", label: { zh: "数据口径", en: "Data edition" } },
    { key: "ari", label: { zh: "ARI（对表1）", en: "ARI vs Table 1" }, digits: 3 },
    { key: "ami", label: { zh: "AMI（对表1）", en: "AMI vs Table 1" }, digits: 3 },
    { key: "agree", label: { zh: "与表1同类型省份数", en: "Provinces in their Table 1 type" } },
    { key: "ariVsFirst", label: { zh: "ARI（对论文口径）", en: "ARI vs paper edition" }, digits: 3 },
  ];
  if (stability) {
    columns.push({ key: "meanStability", label: { zh: "平均稳定性", en: "Mean stability" }, digits: 3 });
    columns.push({ key: "fragile", label: { zh: "脆弱省份", en: "Fragile provinces" } });
  }
  return {
    columns,
    rows: cmp.editions.map((e, i) => ({
      edition: lang === "zh" ? e.zh : e.en,
      ari: e.ari,
      ami: e.ami,
      agree: e.agree,
      ariVsFirst: e.ariVsFirst,
      ...(stability ? { meanStability: stability[i].meanStability, fragile: stability[i].fragile.map((p) => provinceName(p, lang)).join(lang === "zh" ? "、" : ", ") || "—" } : {}),
    })),
  };
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const f3 = (x: number) => x.toFixed(3);

/** The summary of a stability run as a few printable lines, in `lang`. */
export function stabilityReport(s: StabilitySummary, lang: Lang): string {
  const names = (ps: readonly string[]) => (ps.length ? ps.map((p) => provinceName(p, lang)).join(lang === "zh" ? "、" : ", ") : "—");
  if (lang === "zh") {
    return [
      `${s.runs} 次重抽样，每次 k 均值取 ${s.restarts} 次初始化中的最优。`,
      `平均稳定性 ${f3(s.meanStability)}；${s.pairs} 对省份中有 ${s.undecidedPairs} 对时而同类、时而不同类。`,
      `每次聚类与基准聚类的 ARI 平均 ${f3(s.meanRunAriVsBase)}，${pct(s.runsEqualToBase)} 的重抽样与基准完全相同` +
        (s.meanRunAriVsTable1 === null ? "。" : `；与表1的 ARI 平均 ${f3(s.meanRunAriVsTable1)}。`),
      `基准聚类（未扰动数据）与表1：ARI ${f3(s.base.ari)}，AMI ${f3(s.base.ami)}，${s.base.agree}/${s.base.matched.length} 个省份落在对应类型。`,
      `共识聚类与表1：ARI ${f3(s.consensus.ari)}，AMI ${f3(s.consensus.ami)}，${s.consensus.agree}/${s.consensus.matched.length} 个省份落在对应类型；其余：${names(s.consensus.moved)}。`,
    ].join("\n");
  }
  return [
    `${s.runs} resampling runs, each k-means the best of ${s.restarts} starts.`,
    `Mean stability ${f3(s.meanStability)}; ${s.undecidedPairs} of ${s.pairs} pairs of provinces are sometimes together, sometimes apart.`,
    `Mean ARI of a run against the base clustering ${f3(s.meanRunAriVsBase)}; ${pct(s.runsEqualToBase)} of runs reproduce it exactly` +
      (s.meanRunAriVsTable1 === null ? "." : `; mean ARI against Table 1 ${f3(s.meanRunAriVsTable1)}.`),
    `Base clustering (unperturbed data) vs Table 1: ARI ${f3(s.base.ari)}, AMI ${f3(s.base.ami)}, ${s.base.agree}/${s.base.matched.length} provinces in the matched type.`,
    `Consensus clustering vs Table 1: ARI ${f3(s.consensus.ari)}, AMI ${f3(s.consensus.ami)}, ${s.consensus.agree}/${s.consensus.matched.length} provinces in the matched type; the others: ${names(s.consensus.moved)}.`,
  ].join("\n");
}

/**
 * The control experiment: stability runs on unperturbed data (amplitude 0), where every disagreement between runs
 * is k-means stopping in a local minimum. One row per run set (e.g. per number of restarts).
 */
export function controlTable(results: readonly StabilityResult[], reference: readonly Label[], threshold: number, lang: Lang): Tabular {
  return {
    columns: [
      { key: "restarts", label: { zh: "每次初始化次数", en: "k-means starts per run" } },
      { key: "equal", label: { zh: "与基准完全相同的比例", en: "Runs equal to the base clustering" } },
      { key: "undecided", label: { zh: "不确定的省份对", en: "Undecided pairs" } },
      { key: "meanStability", label: { zh: "平均稳定性", en: "Mean stability" }, digits: 3 },
      { key: "fragile", label: { zh: `稳定性 < ${threshold} 的省份`, en: `Provinces with stability < ${threshold}` } },
    ],
    rows: results.map((r) => {
      const s = stabilitySummary(r);
      return {
        restarts: r.restarts,
        equal: pct(s.runsEqualToBase),
        undecided: `${s.undecidedPairs} / ${s.pairs}`,
        meanStability: s.meanStability,
        fragile: fragileProvinces(r, reference, threshold).map((f) => provinceName(f.province, lang)).join(lang === "zh" ? "、" : ", ") || "—",
      };
    }),
  };
}
