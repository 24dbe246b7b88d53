/**
 * How much does the agreement with the paper's typology depend on the analyst's choices?
 *
 * A sweep over k × feature set × scaling × method: every configuration clusters the provinces and is
 * scored against a reference labelling (Table 1's seven types) by the adjusted Rand index and the
 * adjusted mutual information (lib/cluster/agreement.ts), and on its own terms by the mean silhouette
 * in its scaled feature space. Unlike the feature-set search (lib/typology/search.ts), which picks the
 * configuration closest to the paper at k = 7, this maps the whole neighbourhood: if the types were a
 * robust feature of the data, nearby choices would give similar ARIs.
 *
 * - k: 2..10 by default. At k ≠ 7 the ARI against seven types cannot reach 1 (a partition with fewer or
 *   more groups cannot equal it), but it still measures how much of the typology the partition keeps.
 * - feature sets (default 5, SENSITIVITY_FEATURE_SET_IDS): the five ratios; ftd + dtd (the two
 *   dependence ratios that define the types in the paper's text); ftd + dtd + inflow rate (the best
 *   match of the feature-set search at k = 7); the four flows per GDP; the six raw flows.
 * - scalings: z, minmax, logz; methods: k-means (lloyd engine, best of `restarts`, default 1000),
 *   Ward and average linkage. A hierarchical tree is built once per (feature set, scaling) and cut
 *   at every k.
 *
 * Why 1000 restarts: the cells are single fits, so a local minimum would show up as a spurious
 * difference between neighbouring cells. On the 2017 flows (seed 20171231), 13 of the 135 k-means
 * cells of the default sweep differ between best-of-100 and best-of-3000, 3 with best-of-300, none
 * with best-of-1000 (about 2 s).
 *
 * Cells come back in enumeration order: feature set, scaling, method, k. Every k-means uses the same
 * master seed.
 */
import { adjustedMutualInfo, adjustedRandIndex, Label } from "../cluster/agreement";
import { checkFeatureNames, featureMatrix } from "./features";
import { ProvinceFlows } from "../data/provinceFlows";
import { cutTree, linkage } from "../cluster/hierarchical";
import { kmeans } from "../cluster/kmeans";
import { scale, Scaling, SCALINGS } from "../cluster/scaling";
import { featureSets, FeatureSet } from "./search";
import { Method, METHODS } from "../cluster/methods";
import { silhouetteScore } from "../cluster/silhouette";
import type { Bilingual } from "../core/text";

export const SENSITIVITY_FEATURE_SET_IDS = ["ratios", "ratios:ftd+dtd", "ratios:ftd+dtd+inflow_rate", "per_gdp", "raw"] as const;

/** The default feature sets of the sweep, with short bilingual names. */
export function sensitivityFeatureSets(): FeatureSet[] {
  const all = new Map(featureSets().map((f) => [f.id, f]));
  const names: Record<(typeof SENSITIVITY_FEATURE_SET_IDS)[number], Bilingual> = {
    ratios: { zh: "五项比率", en: "five ratios" },
    "ratios:ftd+dtd": { zh: "外贸+内贸依存度", en: "ftd + dtd" },
    "ratios:ftd+dtd+inflow_rate": { zh: "外贸+内贸依存度+流入率", en: "ftd + dtd + inflow rate" },
    per_gdp: { zh: "四项流量/GDP", en: "four flows / GDP" },
    raw: { zh: "原始流量", en: "raw flows" },
  };
  return SENSITIVITY_FEATURE_SET_IDS.map((id) => ({ ...all.get(id)!, ...names[id] }));
}

export interface SensitivityOptions {
  seed: number;
  /** numbers of clusters (default 2..10) */
  ks?: readonly number[];
  featureSets?: readonly FeatureSet[];
  scalings?: readonly Scaling[];
  methods?: readonly Method[];
  /** k-means restarts per cell (default 1000, see the module comment) */
  restarts?: number;
  /** called after each cell with (done, total) */
  onProgress?: (done: number, total: number) => void;
}

export interface SensitivityCell {
  featureSet: FeatureSet;
  scaling: Scaling;
  method: Method;
  k: number;
  labels: number[];
  /** adjusted Rand index against the reference */
  ari: number;
  /** adjusted mutual information (arithmetic) against the reference */
  ami: number;
  /** mean silhouette in the scaled feature space (null with fewer than 2 clusters) */
  silhouette: number | null;
}

/** Every configuration of the sweep, scored against `reference` (aligned with rows). */
export function sensitivitySweep(rows: readonly ProvinceFlows[], reference: readonly Label[], options: SensitivityOptions): SensitivityCell[] {
  const n = rows.length;
  if (reference.length !== n) throw new RangeError(`sensitivity: ${reference.length} reference labels for ${n} rows`);
  const ks = options.ks ?? [2, 3, 4, 5, 6, 7, 8, 9, 10];
  for (const k of ks) if (!Number.isInteger(k) || k < 2 || k > n - 1) throw new RangeError(`sensitivity: k must be an integer in 2..${n - 1}, got ${k}`);
  const sets = options.featureSets ?? sensitivityFeatureSets();
  const scalings = options.scalings ?? SCALINGS;
  const methods = options.methods ?? METHODS;
  const restarts = options.restarts ?? 1000;
  const total = sets.length * scalings.length * methods.length * ks.length;
  const provinces = rows.map((r) => r.province_zh);
  const cells: SensitivityCell[] = [];
  for (const fs of sets) {
    const { X: raw } = featureMatrix(rows, fs.features);
    for (const sc of scalings) {
      const X = scale(raw, sc, { what: `features ${fs.id}`, rowNames: provinces, colNames: fs.features });
      for (const method of methods) {
        if (!(METHODS as readonly string[]).includes(method)) throw new RangeError(`sensitivity: unknown method "${method}" (expected ${METHODS.join(", ")})`);
        const tree = method === "kmeans" ? null : linkage(X, method);
        for (const k of ks) {
          const labels = tree ? cutTree(tree, k) : kmeans(X, k, { seed: options.seed, restarts, engine: "lloyd" }).labels;
          const nClusters = new Set(labels).size;
          cells.push({
            featureSet: fs,
            scaling: sc,
            method,
            k,
            labels,
            ari: adjustedRandIndex(reference, labels),
            ami: adjustedMutualInfo(reference, labels),
            silhouette: nClusters >= 2 && nClusters < n ? silhouetteScore(X, labels) : null,
          });
          options.onProgress?.(cells.length, total);
        }
      }
    }
  }
  return cells;
}

export type SensitivityAxis = "k" | "featureSet" | "scaling" | "method";

export interface AxisSummary {
  /** the level: k, feature set id, scaling or method */
  level: string | number;
  cells: number;
  medianAri: number;
  maxAri: number;
  minAri: number;
}

function median(x: readonly number[]): number {
  const s = [...x].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** ARI (median, max, min) over all cells sharing each level of one axis, levels in first-seen order. */
export function summarizeAxis(cells: readonly SensitivityCell[], axis: SensitivityAxis): AxisSummary[] {
  const groups = new Map<string | number, number[]>();
  for (const c of cells) {
    const level = axis === "featureSet" ? c.featureSet.id : c[axis];
    const g = groups.get(level);
    if (g) g.push(c.ari);
    else groups.set(level, [c.ari]);
  }
  return [...groups].map(([level, aris]) => ({ level, cells: aris.length, medianAri: median(aris), maxAri: Math.max(...aris), minAri: Math.min(...aris) }));
}

/**
 * The sweep's feature sets with `features` among them: the id of the set with the same features (in any order),
 * or, if none has them, `sets` plus a set "chosen" holding them. For outlining a notebook's own choice.
 */
export function withFeatureSet(sets: readonly FeatureSet[], features: readonly string[]): { sets: FeatureSet[]; id: string } {
  const key = (f: readonly string[]) => [...f].sort().join("+");
  const found = sets.find((s) => key(s.features) === key(features));
  if (found) return { sets: [...sets], id: found.id };
  const chosen: FeatureSet = { id: "chosen", zh: `所选特征 ${features.join("+")}`, en: `chosen: ${features.join("+")}`, features: checkFeatureNames(features) };
  return { sets: [...sets, chosen], id: chosen.id };
}
