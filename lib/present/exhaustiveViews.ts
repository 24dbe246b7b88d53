/**
 * Notebook 01 §15's figures and tables for the exhaustive search and its permutation null: the runs with their
 * bilingual progress lines, the ARI distribution beside the nulls, the winners under perturbation. The cells call
 * these with their parameters; the titles and labels live here (the notebooks type no bilingual text).
 */
import type { Label } from "../cluster/agreement";
import { progressReporter } from "../core/progress";
import { pick, type Lang } from "../core/text";
import type { ProvinceFlows } from "../data/provinceFlows";
import { searchStability, type SearchStability } from "../typology/searchStability";
import { typologySupport, type SupportOptions, type TypologySupport } from "../typology/typologySupport";
import { ariNullChart, stillBestChart } from "./charts/exhaustive";
import type { Figure } from "./charts/plotly";
import { configurationName } from "./exhaustiveSummaries";
import type { Tabular } from "./tables";

/** The exhaustive search and both nulls, printing progress in the notebook's language. */
export function runTypologySupport(rows: readonly ProvinceFlows[], reference: readonly Label[], options: Omit<SupportOptions, "onProgress">, lang: Lang): TypologySupport {
  return typologySupport(rows, reference, { ...options, onProgress: progressReporter(pick({ zh: "穷举搜索", en: "exhaustive search" }, lang), console.log) });
}

/** One line: how many configurations and how many distinct partitions they make. */
export function supportHeadline(support: TypologySupport, lang: Lang): string {
  const n = support.search.scores.length;
  return lang === "zh" ? `${n} 个方案，${support.distinctPartitions} 种不同的划分` : `${n} configurations, ${support.distinctPartitions} distinct partitions`;
}

/** The ARI of every configuration against Table 1, beside the two permutation nulls and the observed values. */
export function ariNullFigure(support: TypologySupport, lang: Lang): Figure {
  return ariNullChart(
    {
      title: { zh: "全部方案与表1的 ARI，及其置换零分布", en: "ARI of every configuration against Table 1, and the permutation nulls" },
      series: [
        { name: { zh: "全部方案的 ARI", en: "ARI of every configuration" }, values: support.search.scores.map((s) => s.ari), colour: "#4c78a8" },
        { name: { zh: "零分布：随机分类下的最佳 ARI", en: "null: best ARI against a random typology" }, values: support.best.values, colour: "#f58518" },
        { name: { zh: "零分布：五项比率 K 均值", en: "null: five-ratio k-means" }, values: support.fiveRatio.values, colour: "#54a24b" },
      ],
      observed: [
        { name: { zh: "最佳方案", en: "best configuration" }, value: support.best.summary.observed, colour: "#d62728" },
        { name: { zh: "五项比率 K 均值", en: "five-ratio k-means" }, value: support.fiveRatio.summary.observed, colour: "#2ca02c" },
      ],
    },
    lang,
  );
}

export interface PerturbedSearchOptions {
  /** perturbed re-runs of the search */
  runs: number;
  /** half-width of the relative perturbation of every flow */
  noise: number;
  /** re-run the configurations within this ARI of the best */
  margin: number;
  /** seed of the perturbations (notebook 05's: 20171231) */
  seed: number;
}

/** The search re-run on perturbed flows for the configurations near the best, printing progress. */
export function runPerturbedSearches(rows: readonly ProvinceFlows[], reference: readonly Label[], support: TypologySupport, o: PerturbedSearchOptions, lang: Lang): SearchStability {
  const bestAri = support.ranked[0].ari;
  return searchStability(rows, reference, support.search, {
    runs: o.runs,
    seed: o.seed,
    amplitude: o.noise,
    candidates: support.ranked.filter((s) => s.ari >= bestAri - o.margin).map((s) => s.index),
    onProgress: progressReporter(pick({ zh: "扰动搜索", en: "perturbed searches" }, lang), console.log),
  });
}

/** The best ARI of each perturbed search against the unperturbed best, titled with how often it stayed the best. */
export function stillBestFigure(st: SearchStability, support: TypologySupport, o: Pick<PerturbedSearchOptions, "runs" | "noise">, lang: Lang): Figure {
  const pct = o.noise * 100;
  return stillBestChart(
    {
      title: {
        zh: `±${pct} % 扰动下的最佳方案（${st.stillBest} / ${o.runs} 次仍为最佳）`,
        en: `The best configuration under ±${pct} % perturbation (still the best in ${st.stillBest} of ${o.runs} runs)`,
      },
      runBest: st.runs.map((r) => r.bestAri),
      baseTop: st.runs.map((r) => r.baseTopAri),
      unperturbed: support.ranked[0].ari,
    },
    lang,
  );
}

/** The ten configurations that won most perturbed searches, with their wins and unperturbed ARI. */
export function perturbedWinnersTable(st: SearchStability, support: TypologySupport, lang: Lang): Tabular {
  return {
    rows: st.winCounts.slice(0, 10).map((w) => ({ configuration: configurationName(support.search.scores[w.index], lang), wins: w.wins, ari: support.search.scores[w.index].ari })),
    columns: [
      { key: "configuration", label: { zh: "扰动后的最佳方案", en: "Winner of a perturbed search" } },
      { key: "wins", label: { zh: "获胜次数", en: "Runs won" } },
      { key: "ari", label: { zh: "未扰动时的 ARI", en: "Unperturbed ARI" }, digits: 3 },
    ],
  };
}
