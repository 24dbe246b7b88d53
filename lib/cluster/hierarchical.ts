/**
 * Agglomerative (hierarchical) clustering with Ward's or average linkage, via ml-hclust@3.1's
 * `agnes`, returned as a dendrogram (merge list + leaf order) and cut into k clusters.
 *
 * Height conventions (checked against a hand calculation in test/cluster.hierarchical.test.ts):
 * - "ward": ml-hclust's method "ward2", the Lance–Williams Ward update applied to squared
 *   distances, fed with Euclidean distances. The height of merging clusters A and B is
 *       h = √(2 · ΔW),  ΔW = |A||B| / (|A| + |B|) · ‖c_A − c_B‖²,
 *   ΔW being the increase in within-cluster sum of squares. This is scipy's `linkage(method="ward")`
 *   and R's `hclust(method = "ward.D2")`. Two singletons merge at their Euclidean distance.
 *   (ml-hclust's method "ward" applies the same update to *unsquared* distances, i.e. R's
 *   "ward.D" on Euclidean input, which does not minimise ΔW; it is deliberately not used.)
 * - "average": UPGMA, the height is the mean Euclidean distance between the members of A and B.
 *
 * The merge list follows scipy's linkage layout: leaves are 0..n−1, merge m creates node n + m.
 */
import { agnes, Cluster } from "ml-hclust";
import { canonicalLabels, checkMatrix, distanceMatrix, distinctRowCount } from "./matrix";
import type { Bilingual } from "../core/text";

export const LINKAGES = ["ward", "average"] as const;
export type Linkage = (typeof LINKAGES)[number];

export const LINKAGE_LABELS: Record<Linkage, Bilingual> = {
  ward: { zh: "Ward 离差平方和法", en: "Ward's minimum variance" },
  average: { zh: "类平均法", en: "Average linkage (UPGMA)" },
};

export interface Merge {
  /** node ids joined (leaf i is i; merge m is n + m) */
  left: number;
  right: number;
  /** merge height (see the module comment for its meaning per linkage) */
  height: number;
  /** number of leaves under the new node */
  size: number;
}

export interface Dendrogram {
  /** number of leaves */
  n: number;
  /** n − 1 merges in order of increasing height */
  merges: Merge[];
  /** leaves in an order that draws the dendrogram without crossing branches */
  order: number[];
}

export interface HierarchicalResult {
  /** cluster of each row, renumbered 0, 1, … in order of first appearance */
  labels: number[];
  dendrogram: Dendrogram;
}

const ML_HCLUST_METHOD: Record<Linkage, "ward2" | "average"> = { ward: "ward2", average: "average" };

/** Merge list of an ml-hclust tree. */
function toDendrogram(root: Cluster, n: number): Dendrogram {
  // Collect internal nodes. ml-hclust records no merge order, but for a monotone linkage (Ward,
  // average) a parent is never lower than its children, so increasing height is a valid merge
  // order. Sorting on the running maximum of heights from the leaves up (and on size for ties)
  // keeps every child before its parent even if rounding leaves a parent a hair below a child.
  const internal: Cluster[] = [];
  const key = new Map<Cluster, number>();
  const visit = (c: Cluster): number => {
    if (c.isLeaf) return -Infinity;
    const h = Math.max(c.height, ...c.children.map(visit));
    key.set(c, h);
    internal.push(c);
    return h;
  };
  visit(root);
  internal.sort((a, b) => key.get(a)! - key.get(b)! || a.size - b.size);
  const id = new Map<Cluster, number>();
  root.traverse((c) => {
    if (c.isLeaf) id.set(c, c.index);
  });
  const merges: Merge[] = internal.map((c, m) => {
    id.set(c, n + m);
    const [a, b] = c.children.map((ch) => id.get(ch));
    if (a === undefined || b === undefined || c.children.length !== 2) {
      throw new Error("hierarchical: ml-hclust returned a node that is not a binary merge");
    }
    return { left: Math.min(a, b), right: Math.max(a, b), height: c.height, size: c.size };
  });
  return { n, merges, order: n === 1 ? [0] : root.indices() };
}

/** Dendrogram of the rows of X (Euclidean distances). */
export function linkage(X: readonly (readonly number[])[], method: Linkage): Dendrogram {
  const [n] = checkMatrix(X, { what: "hierarchical clustering input" });
  return linkageFromDistances(distanceMatrix(X), method, n);
}

/**
 * Dendrogram from a precomputed n × n dissimilarity matrix D (symmetric, non-negative; the diagonal is ignored), e.g.
 * 1 − co-assignment for consensus clustering. For "ward" D must be Euclidean distances for the
 * heights to mean √(2ΔW).
 */
export function linkageFromDistances(D: readonly (readonly number[])[], method: Linkage, n = D.length): Dendrogram {
  if (!LINKAGES.includes(method)) throw new RangeError(`unknown linkage "${method as string}" (expected one of ${LINKAGES.join(", ")})`);
  checkMatrix(D, { what: "distance matrix" });
  if (D.length !== n || D[0].length !== n) throw new RangeError(`distance matrix must be ${n} × ${n}`);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (D[i][j] !== D[j][i]) throw new RangeError(`distance matrix is not symmetric at (${i}, ${j})`);
      if (D[i][j] < 0) throw new RangeError(`distance matrix has a negative entry at (${i}, ${j})`);
    }
  }
  if (n === 1) return { n, merges: [], order: [0] };
  const root = agnes(D.map((r) => r.slice()), { method: ML_HCLUST_METHOD[method], isDistanceMatrix: true });
  return toDendrogram(root, n);
}

/** Labels obtained by undoing the last k − 1 merges (applying the first n − k). */
export function cutTree(d: Dendrogram, k: number): number[] {
  if (!Number.isInteger(k) || k < 1 || k > d.n) throw new RangeError(`cutTree: k must be an integer in 1..${d.n}, got ${k}`);
  // union–find over node ids
  const parent = Array.from({ length: 2 * d.n - 1 }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let m = 0; m < d.n - k; m++) {
    const node = d.n + m;
    parent[find(d.merges[m].left)] = node;
    parent[find(d.merges[m].right)] = node;
  }
  return canonicalLabels(Array.from({ length: d.n }, (_, i) => find(i)));
}

/**
 * Hierarchical clustering of the rows of X cut into k clusters. Fewer than k distinct rows is a RangeError, as for
 * k-means: identical rows merge at height 0 in an order only ties decide, so which of them the cut would put
 * apart is arbitrary, not a finding.
 */
export function hierarchical(X: readonly (readonly number[])[], k: number, method: Linkage): HierarchicalResult {
  const [n] = checkMatrix(X, { what: "hierarchical clustering input" });
  if (Number.isInteger(k) && k >= 1 && k <= n) {
    const distinct = distinctRowCount(X);
    if (distinct < k) throw new RangeError(`${method} linkage: k = ${k} clusters but only ${distinct} distinct rows`);
  }
  const dendrogram = linkage(X, method);
  return { labels: cutTree(dendrogram, k), dendrogram };
}
