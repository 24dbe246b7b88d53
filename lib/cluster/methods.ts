/**
 * The three clustering methods the project compares, behind one call: k-means (best of `restarts` k-means++ starts),
 * Ward's and average linkage (cut at k). What `trade-patterns cluster --method`, the feature-set search and the
 * sensitivity analyses dispatch on.
 */
import { hierarchical } from "./hierarchical";
import { kmeans, type KmeansEngine } from "./kmeans";
import type { Bilingual } from "../core/text";

export const METHODS = ["kmeans", "ward", "average"] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_LABELS: Record<Method, Bilingual> = {
  kmeans: { zh: "K 均值聚类", en: "k-means" },
  ward: { zh: "Ward 系统聚类", en: "Ward hierarchical" },
  average: { zh: "类平均系统聚类", en: "Average-linkage hierarchical" },
};

/** Cluster the rows of X into k groups with one of the three methods. */
export function clusterLabels(
  X: readonly (readonly number[])[],
  k: number,
  method: Method,
  options: { seed: number; restarts?: number; engine?: KmeansEngine; onProgress?: (done: number, total: number) => void },
): number[] {
  switch (method) {
    case "kmeans":
      return kmeans(X, k, { seed: options.seed, restarts: options.restarts, engine: options.engine, onProgress: options.onProgress }).labels;
    case "ward":
    case "average": {
      const labels = hierarchical(X, k, method).labels;
      options.onProgress?.(1, 1);
      return labels;
    }
    default:
      throw new RangeError(`unknown method "${method as string}" (expected one of ${METHODS.join(", ")})`);
  }
}
