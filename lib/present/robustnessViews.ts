/**
 * Notebook 05's figures and progress labels (how robust the seven types are), with their bilingual texts, so that the
 * cells hold only the calls: the run-ARI histogram against its no-perturbation control, Table 1 beside the base and
 * consensus clusterings, and the clustering of each data edition.
 */
import type { Lang } from "../core/text";
import type { Label } from "../cluster/agreement";
import type { EditionComparison } from "../typology/editionSensitivity";
import { RESAMPLING_LABELS, type Resampling, type StabilityResult } from "../typology/stability";
import { runAriHistogram } from "./charts/robustness";
import { editionScores, typeGrid } from "./charts/typeGrid";
import type { Figure } from "./charts/plotly";
import { agreementWithTable1 } from "./robustnessTables";

/** The label of a progress line: "稳定性" / "stability", "敏感性" / "sensitivity". */
export function progressLabel(what: "stability" | "sensitivity", lang: Lang): string {
  return lang === "zh" ? { stability: "稳定性", sensitivity: "敏感性" }[what] : what;
}

/** "random perturbation of the flows ±10 %: 3.2 s". */
export function resamplingLine(resampling: Resampling, noise: number, seconds: number, lang: Lang): string {
  return `${RESAMPLING_LABELS[resampling][lang]}${resampling === "perturb" ? ` ±${noise * 100} %` : ""}: ${seconds.toFixed(1)} s`;
}

/** Run-by-run ARI: resampled vs the base clustering, the no-perturbation control vs the base, resampled vs Table 1. */
export function runAriFigure(st: StabilityResult, control: StabilityResult, resampling: Resampling, noise: number, lang: Lang): Figure {
  const perturb = resampling === "perturb";
  return runAriHistogram(
    {
      series: [
        { name: { zh: `${perturb ? `扰动 ±${noise * 100} %` : "自助重抽样"}：对基准聚类`, en: `${perturb ? `±${noise * 100} % perturbation` : "bootstrap"}: vs base clustering` }, values: st.runAriVsBase },
        { name: { zh: "无扰动（仅算法）：对基准聚类", en: "no perturbation (algorithm only): vs base clustering" }, values: control.runAriVsBase },
        { name: { zh: `${perturb ? "扰动" : "自助重抽样"}：对表1`, en: `${perturb ? "perturbation" : "bootstrap"}: vs Table 1` }, values: st.runAriVsReference },
      ],
    },
    lang,
  );
}

/** Table 1's types beside the base clustering and the consensus, clusters named by Hungarian matching. */
export function consensusGrid(st: StabilityResult, reference: readonly Label[], lang: Lang): Figure {
  const base = agreementWithTable1(st.provinces, st.baseLabels);
  const consensus = agreementWithTable1(st.provinces, st.consensus.labels);
  return typeGrid(
    {
      provinces: st.provinces,
      byTable1Type: true,
      columns: [
        { name: { zh: "表1", en: "Table 1" }, types: reference as string[] },
        { name: { zh: `基准聚类 ARI ${base.ari.toFixed(2)}`, en: `Base, ARI ${base.ari.toFixed(2)}` }, types: base.matched },
        { name: { zh: `共识聚类 ARI ${consensus.ari.toFixed(2)}`, en: `Consensus, ARI ${consensus.ari.toFixed(2)}` }, types: consensus.matched },
      ],
      title: { zh: "表1类型、基准聚类与共识聚类（聚类按匈牙利匹配命名）", en: "Table 1, the base clustering and the consensus (clusters named by Hungarian matching)" },
    },
    lang,
  );
}

/** Each edition's agreement with Table 1 and with the first edition. */
export function editionScoresFigure(cmp: EditionComparison, lang: Lang): Figure {
  return editionScores({ editions: cmp.editions.map((e) => ({ name: { zh: e.zh, en: e.en }, ari: e.ari, ami: e.ami, ariVsFirst: e.ariVsFirst })) }, lang);
}

/** The clustering in each data edition beside Table 1, clusters named after the type they match. */
export function editionGrid(cmp: EditionComparison, reference: readonly Label[], lang: Lang): Figure {
  return typeGrid(
    {
      provinces: cmp.provinces,
      byTable1Type: true,
      columns: [
        { name: { zh: "表1", en: "Table 1" }, types: reference as string[] },
        ...cmp.editions.map((e) => ({ name: { zh: e.zh, en: e.en }, types: agreementWithTable1(cmp.provinces, e.labels).matched })),
      ],
      title: { zh: "各数据口径下的聚类（按匈牙利匹配命名为表1类型）", en: "The clustering in each data edition (clusters named after Table 1's types)" },
    },
    lang,
  );
}
