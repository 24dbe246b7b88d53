/**
 * Which features, scaling and clustering method reproduce a reference typology best?
 *
 * The paper says its seven types came from "cluster analysis combined with qualitative analysis"
 * of 总产出, GDP, 出口, 进口, 流出, 流入 and the five ratios, without saying which combination.
 * This search tries them systematically and scores each partition by its adjusted Rand index
 * against a reference labelling (e.g. Table 1's types, lib/paper/provinces.ts):
 *
 * - feature sets (28): every subset of size ≥ 2 of the five ratios (C(5,2)+C(5,3)+C(5,4)+C(5,5)
 *   = 10 + 10 + 5 + 1 = 26, the last being all five ratios), the four flows per GDP, and the six
 *   raw columns;
 * - scalings (3): z, minmax, logz (lib/cluster/scaling.ts);
 * - methods (3): k-means (ml-kmeans engine, best of `restarts`, default 100), Ward and average linkage;
 * = 252 configurations, each cut at k = the number of reference classes unless given.
 *
 * Why 100 k-means restarts: with k = 7 on 31 provinces the k-means objective has many local
 * minima; on the 2017 flows, 10 restarts left the winning configuration's ARI depending on the seed
 * (ARI 0.18–0.43); with 100 restarts all three seeds tried reached the same lowest inertia there.
 * Other configurations can still depend on the seed: raise `restarts` when a ranking matters.
 *
 * Results are sorted by ARI, then AMI, then enumeration order (feature set, scaling, method as
 * listed), so the order is fully deterministic; every k-means run uses the same master seed.
 */
import { adjustedMutualInfo, adjustedRandIndex, Label } from "../cluster/agreement";
import { featureMatrix, FeatureName, PER_GDP_COLUMNS } from "./features";
import { ProvinceFlows } from "../data/provinceFlows";
import { KmeansEngine } from "../cluster/kmeans";
import { clusterLabels, METHODS, type Method } from "../cluster/methods";
import { Scaling, scale, SCALINGS } from "../cluster/scaling";
import { silhouetteScore } from "../cluster/silhouette";
import { FLOW_COLUMNS, RATIO_COLUMNS } from "../paper/columns";
import { province } from "../paper/provinces";

export interface FeatureSet {
  id: string;
  zh: string;
  en: string;
  features: FeatureName[];
}

/** Non-empty subsets of `items` of size ≥ minSize, by size then in lexicographic index order. */
export function subsets<T>(items: readonly T[], minSize: number): T[][] {
  const out: T[][] = [];
  for (let size = minSize; size <= items.length; size++) {
    const pick = (start: number, acc: T[]): void => {
      if (acc.length === size) {
        out.push(acc.slice());
        return;
      }
      for (let i = start; i < items.length; i++) {
        acc.push(items[i]);
        pick(i + 1, acc);
        acc.pop();
      }
    };
    pick(0, []);
  }
  return out;
}

/** The 28 feature sets of the search (see the module comment). */
export function featureSets(): FeatureSet[] {
  const ratioSets: FeatureSet[] = subsets(RATIO_COLUMNS, 2).map((fs) =>
    fs.length === RATIO_COLUMNS.length
      ? { id: "ratios", zh: "五项比率", en: "The five ratios", features: [...fs] }
      : { id: `ratios:${fs.join("+")}`, zh: `比率子集 ${fs.join("+")}`, en: `Ratio subset ${fs.join("+")}`, features: [...fs] },
  );
  return [
    ...ratioSets,
    { id: "per_gdp", zh: "四项流量/GDP", en: "The four flows per GDP", features: [...PER_GDP_COLUMNS] },
    { id: "raw", zh: "原始流量", en: "Raw flows", features: [...FLOW_COLUMNS] },
  ];
}

/** Table 1's type (类型) of each row, from lib/paper/provinces.ts. */
export function paperTypes(rows: readonly ProvinceFlows[]): string[] {
  return rows.map((r) => province(r.province_zh).type);
}

export interface SearchOptions {
  seed: number;
  /** number of clusters (default: number of distinct reference classes) */
  k?: number;
  /** k-means restarts per configuration (default 100, see the module comment) */
  restarts?: number;
  engine?: KmeansEngine;
  featureSets?: FeatureSet[];
  scalings?: readonly Scaling[];
  methods?: readonly Method[];
  /** called after each configuration with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

export interface SearchResult {
  featureSet: FeatureSet;
  scaling: Scaling;
  method: Method;
  labels: number[];
  /** adjusted Rand index against the reference */
  ari: number;
  /** adjusted mutual information (arithmetic) against the reference */
  ami: number;
  /** mean silhouette in the scaled feature space (null with < 2 clusters) */
  silhouette: number | null;
  /** position in the enumeration (feature set × scaling × method) */
  index: number;
}

/** Every configuration scored against `reference` (aligned with rows), best first. */
export function searchClusterings(rows: readonly ProvinceFlows[], reference: readonly Label[], options: SearchOptions): SearchResult[] {
  if (reference.length !== rows.length) throw new RangeError(`search: ${reference.length} reference labels for ${rows.length} rows`);
  const sets = options.featureSets ?? featureSets();
  const scalings = options.scalings ?? SCALINGS;
  const methods = options.methods ?? METHODS;
  const k = options.k ?? new Set(reference).size;
  const total = sets.length * scalings.length * methods.length;
  const provinces = rows.map((r) => r.province_zh);
  const results: SearchResult[] = [];
  let done = 0;
  for (const fs of sets) {
    const { X: raw } = featureMatrix(rows, fs.features);
    for (const sc of scalings) {
      const X = scale(raw, sc, { what: `features ${fs.id}`, rowNames: provinces, colNames: fs.features });
      for (const method of methods) {
        const labels = clusterLabels(X, k, method, { seed: options.seed, restarts: options.restarts ?? 100, engine: options.engine });
        const nClusters = new Set(labels).size;
        results.push({
          featureSet: fs,
          scaling: sc,
          method,
          labels,
          ari: adjustedRandIndex(reference, labels),
          ami: adjustedMutualInfo(reference, labels),
          silhouette: nClusters >= 2 && nClusters < X.length ? silhouetteScore(X, labels) : null,
          index: results.length,
        });
        done++;
        options.onProgress?.(done, total);
      }
    }
  }
  return results.sort((a, b) => b.ari - a.ari || b.ami - a.ami || a.index - b.index);
}
