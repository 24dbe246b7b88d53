/**
 * One clustering of the provinces from their flows, end to end: features (lib/typology/features.ts) → scaling
 * (lib/cluster/scaling.ts) → k-means or hierarchical clustering (lib/cluster/methods.ts `clusterLabels`) → within-cluster sum of squares
 * W = Σᵢ ‖zᵢ − c_{label(i)}‖² of the partition in the scaled space, whatever the method (for k-means it is the
 * objective it minimised; for Ward and average linkage it is the same quantity for the partition they cut).
 *
 * This is what `trade-patterns cluster` and notebook 01 run; every random step takes `seed`.
 */
import { featureMatrix, type FeatureName } from "./features";
import { type ProvinceFlows } from "../data/provinceFlows";
import { groupMeans, inertia as withinSS } from "../cluster/matrix";
import { scale, type Scaling } from "../cluster/scaling";
import { clusterLabels, type Method } from "../cluster/methods";
import { RATIO_COLUMNS } from "../paper/columns";

export interface ClusterOptions {
  features: readonly string[];
  scaling: Scaling;
  method: Method;
  k: number;
  seed: number;
  /** k-means restarts (ignored by the hierarchical methods) */
  restarts: number;
  /** called as the work proceeds: after each k-means restart (done, restarts), or once (1, 1) for a linkage */
  onProgress?: (done: number, total: number) => void;
}

/** Defaults of the command line and the notebook: the paper's five ratios, z-scores, k-means, best of 1,000 starts. */
export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  features: [...RATIO_COLUMNS],
  scaling: "z",
  method: "kmeans",
  k: 7,
  seed: 1,
  restarts: 1000,
};

export interface ProvinceClustering {
  provinces: string[];
  features: FeatureName[];
  /** n × p feature values in their own units */
  raw: number[][];
  /** n × p scaled features: the space the clustering saw */
  Z: number[][];
  /** cluster of each province, 0..k−1 in order of first appearance */
  labels: number[];
  /** k × p cluster means in the scaled space */
  centroids: number[][];
  /** within-cluster sum of squares in the scaled space */
  inertia: number;
}

/** Cluster the provinces of `rows` (see the module comment). Throws RangeError on bad options. */
export function clusterProvinces(rows: readonly ProvinceFlows[], options: ClusterOptions): ProvinceClustering {
  const { X: raw, features, provinces } = featureMatrix(rows, options.features);
  if (!Number.isInteger(options.k) || options.k < 2) throw new RangeError(`k must be an integer ≥ 2, got ${options.k}`);
  if (options.k > rows.length) throw new RangeError(`k = ${options.k} clusters but only ${rows.length} provinces`);
  const Z = scale(raw, options.scaling, { what: "features", rowNames: provinces, colNames: features });
  const labels = clusterLabels(Z, options.k, options.method, { seed: options.seed, restarts: options.restarts, onProgress: options.onProgress });
  const k = Math.max(...labels) + 1;
  const centroids = groupMeans(Z, labels, k);
  return { provinces, features, raw, Z, labels, centroids, inertia: withinSS(Z, labels, centroids) };
}
