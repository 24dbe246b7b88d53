/**
 * Agreement between two partitions of the same n objects (e.g. a clustering and the paper's
 * Table 1 types), invariant to how the groups are named.
 *
 * From the contingency table nᵢⱼ = #{objects in class i of U and cluster j of V}, with row sums aᵢ,
 * column sums bⱼ and total N:
 * - adjusted Rand index (Hubert & Arabie 1985):
 *     ARI = (Σᵢⱼ C(nᵢⱼ,2) − E) / (½[Σᵢ C(aᵢ,2) + Σⱼ C(bⱼ,2)] − E),  E = Σᵢ C(aᵢ,2) Σⱼ C(bⱼ,2) / C(N,2);
 *   1 for identical partitions, ≈ 0 for independent ones, can be negative (down to −½).
 * - adjusted mutual information (Vinh, Epps & Bailey 2010, JMLR 11:2837):
 *     AMI = (MI − E[MI]) / (mean(H(U), H(V)) − E[MI]),
 *   with E[MI] under the hypergeometric model of random partitions with the same group sizes,
 *   computed exactly (their eq. 24a), natural logarithms, and the arithmetic mean by default —
 *   scikit-learn's `adjusted_mutual_info_score` defaults since 0.22.
 * Degenerate cases follow scikit-learn: two one-group partitions agree perfectly (1).
 */

export type Label = string | number;

export interface Contingency {
  /** nᵢⱼ: rows are the classes of `a`, columns the clusters of `b` */
  table: number[][];
  rowLabels: Label[];
  colLabels: Label[];
  /** aᵢ = Σⱼ nᵢⱼ */
  rowSums: number[];
  /** bⱼ = Σᵢ nᵢⱼ */
  colSums: number[];
  n: number;
}

/** Numbers before strings; numbers numerically, strings by code unit. */
function compareLabels(x: Label, y: Label): number {
  if (typeof x === "number" && typeof y === "number") return x - y;
  if (typeof x === "number") return -1;
  if (typeof y === "number") return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function checkLabelling(a: readonly Label[], what: string): void {
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (!(typeof v === "string" || (typeof v === "number" && Number.isFinite(v)))) {
      throw new TypeError(`${what}: label ${i} is ${String(v)}, expected a string or a finite number`);
    }
  }
}

/** Contingency table of two labellings of the same objects (groups sorted by label). */
export function contingencyTable(a: readonly Label[], b: readonly Label[]): Contingency {
  if (a.length !== b.length) throw new RangeError(`contingency table: labellings have ${a.length} and ${b.length} entries`);
  checkLabelling(a, "first labelling");
  checkLabelling(b, "second labelling");
  const rowLabels = [...new Set(a)].sort(compareLabels);
  const colLabels = [...new Set(b)].sort(compareLabels);
  const ri = new Map(rowLabels.map((l, i) => [l, i]));
  const ci = new Map(colLabels.map((l, j) => [l, j]));
  const table = rowLabels.map(() => new Array<number>(colLabels.length).fill(0));
  for (let t = 0; t < a.length; t++) table[ri.get(a[t])!][ci.get(b[t])!]++;
  const rowSums = table.map((r) => r.reduce((s, v) => s + v, 0));
  const colSums = colLabels.map((_, j) => table.reduce((s, r) => s + r[j], 0));
  return { table, rowLabels, colLabels, rowSums, colSums, n: a.length };
}

/** C(m, 2) = m(m − 1)/2, the number of pairs among m objects. */
function pairs(m: number): number {
  return (m * (m - 1)) / 2;
}

/** Adjusted Rand index of two labellings. */
export function adjustedRandIndex(a: readonly Label[], b: readonly Label[]): number {
  const c = contingencyTable(a, b);
  let index = 0;
  for (const row of c.table) for (const v of row) index += pairs(v);
  const sumA = c.rowSums.reduce((s, v) => s + pairs(v), 0);
  const sumB = c.colSums.reduce((s, v) => s + pairs(v), 0);
  const total = pairs(c.n);
  if (total === 0) return 1; // 0 or 1 object: nothing to disagree on
  const expected = (sumA * sumB) / total;
  const max = (sumA + sumB) / 2;
  // max = expected only when both partitions are the same trivial one (all together, or all apart)
  if (max === expected) return 1;
  return (index - expected) / (max - expected);
}

/** Shannon entropy H = −Σ (aᵢ/N) ln(aᵢ/N) of group sizes (nats). */
export function entropyOfSizes(sizes: readonly number[]): number {
  const n = sizes.reduce((s, v) => s + v, 0);
  let h = 0;
  for (const v of sizes) if (v > 0) h -= (v / n) * Math.log(v / n);
  return h;
}

/** Mutual information MI = Σᵢⱼ (nᵢⱼ/N) ln(N nᵢⱼ / (aᵢ bⱼ)) (nats). */
export function mutualInformation(c: Contingency): number {
  let mi = 0;
  for (let i = 0; i < c.table.length; i++) {
    for (let j = 0; j < c.colSums.length; j++) {
      const v = c.table[i][j];
      if (v > 0) mi += (v / c.n) * Math.log((c.n * v) / (c.rowSums[i] * c.colSums[j]));
    }
  }
  // MI ≥ 0; rounding can leave −1e-17 for independent labellings
  return Math.max(mi, 0);
}

/** ln m! for m = 0..n. */
function logFactorials(n: number): Float64Array {
  const lf = new Float64Array(n + 1);
  for (let m = 2; m <= n; m++) lf[m] = lf[m - 1] + Math.log(m);
  return lf;
}

/**
 * Expected mutual information E[MI] of two random partitions with the row sums aᵢ and column
 * sums bⱼ of `c` (hypergeometric model; Vinh et al. 2010, eq. 24a):
 *   Σᵢ Σⱼ Σ_{nᵢⱼ = max(1, aᵢ+bⱼ−N)}^{min(aᵢ,bⱼ)} (nᵢⱼ/N) ln(N nᵢⱼ/(aᵢbⱼ)) ·
 *        aᵢ! bⱼ! (N−aᵢ)! (N−bⱼ)! / (N! nᵢⱼ! (aᵢ−nᵢⱼ)! (bⱼ−nᵢⱼ)! (N−aᵢ−bⱼ+nᵢⱼ)!)
 * The factorial ratio is evaluated through ln m! to stay finite for any N.
 */
export function expectedMutualInformation(c: Contingency): number {
  const N = c.n;
  const lf = logFactorials(N);
  let emi = 0;
  for (const ai of c.rowSums) {
    for (const bj of c.colSums) {
      const lo = Math.max(1, ai + bj - N);
      const hi = Math.min(ai, bj);
      const logConst = lf[ai] + lf[bj] + lf[N - ai] + lf[N - bj] - lf[N];
      for (let nij = lo; nij <= hi; nij++) {
        const logP = logConst - lf[nij] - lf[ai - nij] - lf[bj - nij] - lf[N - ai - bj + nij];
        emi += (nij / N) * Math.log((N * nij) / (ai * bj)) * Math.exp(logP);
      }
    }
  }
  return emi;
}

export type AverageMethod = "min" | "geometric" | "arithmetic" | "max";

function generalizedMean(x: number, y: number, method: AverageMethod): number {
  switch (method) {
    case "min":
      return Math.min(x, y);
    case "max":
      return Math.max(x, y);
    case "geometric":
      return Math.sqrt(x * y);
    case "arithmetic":
      return (x + y) / 2;
    default:
      throw new RangeError(`unknown average method "${method as string}" (expected min, geometric, arithmetic or max)`);
  }
}

/** Adjusted mutual information of two labellings (default: arithmetic-mean normalisation). */
export function adjustedMutualInfo(a: readonly Label[], b: readonly Label[], averageMethod: AverageMethod = "arithmetic"): number {
  const c = contingencyTable(a, b);
  // both labellings put everything in one group (or there is nothing): a perfect, if empty, match
  if ((c.rowLabels.length === 1 && c.colLabels.length === 1) || c.n === 0) return 1;
  const mi = mutualInformation(c);
  const emi = expectedMutualInformation(c);
  const normalizer = generalizedMean(entropyOfSizes(c.rowSums), entropyOfSizes(c.colSums), averageMethod);
  // normalizer ≥ E[MI] in exact arithmetic; keep the sign and avoid 0/0 as scikit-learn does
  let denominator = normalizer - emi;
  denominator = denominator < 0 ? Math.min(denominator, -Number.EPSILON) : Math.max(denominator, Number.EPSILON);
  return (mi - emi) / denominator;
}
