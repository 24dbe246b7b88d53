/**
 * The data matrix every clustering function takes: n rows (observations, e.g. provinces) of
 * p numbers (features), as plain `number[][]`. Checking it once here means the algorithms never
 * see a ragged row or a NaN, which would otherwise surface much later as a silently wrong label.
 */

/** Names used in error messages; rows and columns are reported by index when names are absent. */
export interface MatrixNames {
  /** what the matrix is, e.g. "feature matrix" */
  what?: string;
  rowNames?: readonly string[];
  colNames?: readonly string[];
}

export function rowName(i: number, names?: MatrixNames): string {
  const n = names?.rowNames?.[i];
  return n === undefined ? `row ${i}` : `row ${i} (${n})`;
}

export function colName(j: number, names?: MatrixNames): string {
  const n = names?.colNames?.[j];
  return n === undefined ? `column ${j}` : `column ${j} (${n})`;
}

/** Throws unless X is a non-empty rectangular matrix of finite numbers; returns [n, p]. */
export function checkMatrix(X: readonly (readonly number[])[], names?: MatrixNames): [number, number] {
  const what = names?.what ?? "matrix";
  if (!Array.isArray(X) || X.length === 0) throw new RangeError(`${what}: no rows`);
  const p = X[0].length;
  if (p === 0) throw new RangeError(`${what}: no columns`);
  for (let i = 0; i < X.length; i++) {
    const row = X[i];
    if (row.length !== p) throw new RangeError(`${what}: ${rowName(i, names)} has ${row.length} values, expected ${p}`);
    for (let j = 0; j < p; j++) {
      if (typeof row[j] !== "number" || !Number.isFinite(row[j])) {
        throw new RangeError(`${what}: ${rowName(i, names)}, ${colName(j, names)} is ${row[j]}, expected a finite number`);
      }
    }
  }
  return [X.length, p];
}

/** Number of distinct rows (rows equal in every value count once): a partition into k clusters needs k of them. */
export function distinctRowCount(X: readonly (readonly number[])[]): number {
  return new Set(X.map((r) => r.join(","))).size;
}

/** Squared Euclidean distance ‖a − b‖². */
export function squaredEuclidean(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < a.length; j++) {
    const d = a[j] - b[j];
    s += d * d;
  }
  return s;
}

/** Euclidean distance ‖a − b‖. */
export function euclidean(a: readonly number[], b: readonly number[]): number {
  return Math.sqrt(squaredEuclidean(a, b));
}

/** The n × n matrix of pairwise Euclidean distances. */
export function distanceMatrix(X: readonly (readonly number[])[]): number[][] {
  const n = X.length;
  const D = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) D[i][j] = D[j][i] = euclidean(X[i], X[j]);
  }
  return D;
}

/**
 * Labels renumbered 0, 1, 2, … in order of first appearance. Two labellings that describe the same
 * partition become identical arrays, which is what "same seed → same labels" is checked on.
 */
export function canonicalLabels(labels: ArrayLike<number>): number[] {
  const map = new Map<number, number>();
  const out = new Array<number>(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let c = map.get(labels[i]);
    if (c === undefined) {
      c = map.size;
      map.set(labels[i], c);
    }
    out[i] = c;
  }
  return out;
}

/** Column means of the rows of X grouped by label (labels 0..k−1); an empty group gives NaN. */
export function groupMeans(X: readonly (readonly number[])[], labels: readonly number[], k: number): number[][] {
  const p = X[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(p).fill(0));
  const counts = new Array<number>(k).fill(0);
  for (let i = 0; i < X.length; i++) {
    counts[labels[i]]++;
    for (let j = 0; j < p; j++) sums[labels[i]][j] += X[i][j];
  }
  return sums.map((s, c) => s.map((v) => v / counts[c]));
}

/** Within-cluster sum of squares Σᵢ ‖xᵢ − c_{label(i)}‖² (k-means "inertia"). */
export function inertia(X: readonly (readonly number[])[], labels: readonly number[], centroids: readonly (readonly number[])[]): number {
  let s = 0;
  for (let i = 0; i < X.length; i++) s += squaredEuclidean(X[i], centroids[labels[i]]);
  return s;
}
