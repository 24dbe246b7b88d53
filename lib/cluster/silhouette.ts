/**
 * Silhouette (Rousseeuw 1987), Euclidean: how much closer a row is to its own cluster than to the
 * nearest other cluster.
 *
 *   s(i) = (b(i) − a(i)) / max(a(i), b(i)),
 *   a(i) = mean distance from i to the other members of its cluster,
 *   b(i) = min over other clusters C of the mean distance from i to the members of C.
 *
 * A row alone in its cluster gets s = 0 (Rousseeuw's convention, also scikit-learn's). s ∈ [−1, 1].
 */
import { checkMatrix, distanceMatrix } from "./matrix";

function checkLabels(n: number, labels: readonly number[]): number[] {
  if (labels.length !== n) throw new RangeError(`silhouette: ${labels.length} labels for ${n} rows`);
  const ids = [...new Set(labels)].sort((a, b) => a - b);
  if (ids.length < 2 || ids.length > n - 1) {
    throw new RangeError(`silhouette: needs 2 ≤ number of clusters ≤ n − 1 = ${n - 1}, got ${ids.length}`);
  }
  return ids;
}

/** Per-row silhouette s(i), from a distance matrix. */
export function silhouetteSamplesFromDistances(D: readonly (readonly number[])[], labels: readonly number[]): number[] {
  const n = D.length;
  const ids = checkLabels(n, labels);
  const index = new Map(ids.map((c, k) => [c, k]));
  const size = new Array<number>(ids.length).fill(0);
  for (const l of labels) size[index.get(l)!]++;
  const s = new Array<number>(n);
  const sum = new Array<number>(ids.length);
  for (let i = 0; i < n; i++) {
    const own = index.get(labels[i])!;
    if (size[own] === 1) {
      s[i] = 0;
      continue;
    }
    sum.fill(0);
    for (let j = 0; j < n; j++) sum[index.get(labels[j])!] += D[i][j];
    const a = sum[own] / (size[own] - 1);
    let b = Infinity;
    for (let c = 0; c < ids.length; c++) if (c !== own) b = Math.min(b, sum[c] / size[c]);
    const denom = Math.max(a, b);
    s[i] = denom === 0 ? 0 : (b - a) / denom;
  }
  return s;
}

/** Per-row silhouette s(i) of the rows of X under `labels`. */
export function silhouetteSamples(X: readonly (readonly number[])[], labels: readonly number[]): number[] {
  checkMatrix(X, { what: "silhouette input" });
  return silhouetteSamplesFromDistances(distanceMatrix(X), labels);
}

/** Mean silhouette over all rows. */
export function silhouetteScore(X: readonly (readonly number[])[], labels: readonly number[]): number {
  const s = silhouetteSamples(X, labels);
  return s.reduce((a, b) => a + b, 0) / s.length;
}
