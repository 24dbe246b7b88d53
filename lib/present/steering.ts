/**
 * The steerable charts of the report (lib/present/charts/steered.ts), computed from the notebooks' data and parameters: each
 * function runs what the notebook cell would run for every value of the steered parameter and hands the states to
 * the chart. Notebook cells call these in one line.
 */
import { clusterMapByK, coassignmentByNoise, indicatorMapByIndicator, planeByYear } from "./charts/steered";
import type { SteerableFigure } from "./charts/steerable";
import type { Lang } from "../core/text";
import { adjustedRandIndex } from "../cluster/agreement";
import { confusionMatrix } from "../cluster/confusion";
import type { ProvinceFlows } from "../data/provinceFlows";
import { clusterProvinces } from "../typology/pipeline";
import type { Scaling } from "../cluster/scaling";
import { METHOD_LABELS, type Method } from "../cluster/methods";
import type { StabilityResult } from "../typology/stability";
import { clusterStyles, confusionLabels, featureByProvince, featureName, featureUnit, TYPE_ORDER } from "./clusterRows";
import type { RatioColumn } from "../paper/columns";
import { province } from "../paper/provinces";
import { isComparable, type IndicatorRow } from "../indicators/timeseries";

export interface ClusteringParameters {
  features: readonly string[];
  scaling: Scaling;
  method: Method;
  seed: number;
  restarts: number;
  /** the values of k on the slider (default 2 … 10) */
  ks?: readonly number[];
  /** the k shown first */
  k: number;
}

/** The clustering of `data` for each k, on the map and in its confusion matrix against Table 1 (`types`). */
export function clusteringByK(data: readonly ProvinceFlows[], types: readonly string[], p: ClusteringParameters, lang: Lang): SteerableFigure {
  const ks = p.ks ?? [2, 3, 4, 5, 6, 7, 8, 9, 10];
  const method = METHOD_LABELS[p.method][lang];
  const states = ks.map((k) => {
    const c = clusterProvinces(data, { features: p.features, scaling: p.scaling, method: p.method, k, seed: p.seed, restarts: p.restarts });
    const styles = clusterStyles(c.labels, types, lang);
    const cm = confusionMatrix(types, c.labels, TYPE_ORDER);
    const names = confusionLabels(cm, lang, styles);
    const ari = adjustedRandIndex(types, c.labels).toFixed(3);
    return {
      label: `k = ${k}`,
      title:
        lang === "zh"
          ? `${method}，k = ${k}：与表1的 ARI ${ari}，${cm.agreeing} / ${types.length} 个省份归入对应类型`
          : `${method}, k = ${k}: ARI ${ari} against Table 1, ${cm.agreeing} of ${types.length} provinces in the matching type`,
      clusters: c.labels,
      clusterNames: styles.map((s) => s.name),
      clusterColours: styles.map((s) => s.colour),
      confusion: { rows: names.rows, columns: names.columns, counts: cm.counts },
    };
  });
  const active = ks.indexOf(p.k);
  return clusterMapByK({ provinces: data.map((r) => r.province_zh), states, active: active < 0 ? 0 : active, name: { zh: "聚类数 k", en: "number of clusters k" } }, lang);
}

/** One map per indicator, switched by a dropdown; `first` is shown first. */
export function indicatorMaps(data: readonly ProvinceFlows[], indicators: readonly string[], first: string, lang: Lang): SteerableFigure {
  const states = indicators.map((f) => ({ label: featureName(f, lang), title: featureName(f, lang), values: featureByProvince(data, f), unit: featureUnit(f) }));
  const active = indicators.indexOf(first);
  return indicatorMapByIndicator({ states, active: active < 0 ? 0 : active, name: { zh: "指标", en: "indicator" } }, lang);
}

/** The co-assignment matrix at each noise level (results of lib/typology/stability.ts, one per level, low to high). */
export function coassignmentByNoiseLevel(results: readonly StabilityResult[], active: number, lang: Lang): SteerableFigure {
  const states = results.map((r) => {
    const mean = r.stability.reduce((s, v) => s + v, 0) / r.stability.length;
    const level = `±${+(r.amplitude * 100).toFixed(1)} %`;
    return {
      label: level,
      title: {
        zh: `共同归类矩阵：扰动 ${level}，${r.runs} 次 × ${r.restarts} 次初始化，平均稳定性 ${mean.toFixed(2)}`,
        en: `Co-assignment matrix: ${level} perturbation, ${r.runs} runs × ${r.restarts} starts, mean stability ${mean.toFixed(2)}`,
      },
      coassignment: r.coassignment,
    };
  });
  return coassignmentByNoise({ provinces: results[0].provinces, states, active, name: { zh: "扰动幅度", en: "noise level" } }, lang);
}

/** The provinces in the plane of indicators x and y, one state per year (a value that is not comparable is left out). */
export function planeOverYears(rows: readonly IndicatorRow[], x: RatioColumn, y: RatioColumn, years: readonly number[], lang: Lang): SteerableFigure {
  const value = (r: IndicatorRow, c: RatioColumn) => (isComparable(r, c) && r[c] !== null && (r[c] as number) > 0 ? (r[c] as number) : null);
  const provinces = [...new Set(rows.map((r) => r.unit_zh))].filter((p) => {
    try {
      return province(p) !== undefined;
    } catch {
      return false;
    }
  });
  const states = years.map((year) => ({
    label: String(year),
    title: { zh: `${featureName(x, "zh").split(" / ")[0]} × ${featureName(y, "zh").split(" / ")[0]}，${year}年`, en: `${featureName(x, "en").split(" / ")[0]} × ${featureName(y, "en").split(" / ")[0]}, ${year}` },
    points: provinces.map((p) => {
      const r = rows.find((row) => row.unit_zh === p && row.year === year);
      return { province: p, x: r ? value(r, x) : null, y: r ? value(r, y) : null };
    }),
  }));
  return planeByYear(
    {
      states,
      xTitle: { zh: `${featureName(x, "zh").split(" / ")[0]}（%，对数轴）`, en: `${featureName(x, "en").split(" / ")[0]} (%, log axis)` },
      yTitle: { zh: `${featureName(y, "zh").split(" / ")[0]}（%，对数轴）`, en: `${featureName(y, "en").split(" / ")[0]} (%, log axis)` },
      logX: true,
      logY: true,
      active: states.length - 1,
      name: { zh: "年份", en: "year" },
    },
    lang,
  );
}
