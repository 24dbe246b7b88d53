/**
 * Column-wise rescaling of a feature matrix before clustering. Distances, and hence clusters,
 * depend on the units of each column: without rescaling, a column in 亿元 would drown a ratio.
 *
 * - z-score: (x − mean) / sd, with the population sd (divide by n): the 31 provinces are the whole
 *   population, not a sample (scikit-learn's StandardScaler makes the same choice).
 * - min–max: (x − min) / (max − min), onto [0, 1].
 * - log-z: ln x, then z-score. For right-skewed positive quantities (flows, dependence ratios)
 *   where ratios between provinces matter more than differences. We use ln, not ln(1 + x): every
 *   feature here is strictly positive, and log1p would treat a ratio of 2 vs 4 (trade_ratio)
 *   differently from 200 vs 400 (dtd, in %), i.e. it would make the result depend on units.
 *   A value ≤ 0 is therefore an error, reported with its row and column.
 *
 * A constant column carries no information about which rows are alike: it is mapped to 0 (not to
 * NaN from 0/0), so it adds nothing to any distance.
 */
import { checkMatrix, colName, MatrixNames, rowName } from "./matrix";
import type { Bilingual } from "../core/text";

export const SCALINGS = ["z", "minmax", "logz"] as const;
export type Scaling = (typeof SCALINGS)[number];

export const SCALING_LABELS: Record<Scaling, Bilingual> = {
  z: { zh: "标准化（z 分数）", en: "z-score" },
  minmax: { zh: "极差标准化", en: "min–max" },
  logz: { zh: "对数后标准化", en: "log, then z-score" },
};

function columns(X: readonly (readonly number[])[]): number[][] {
  const p = X[0].length;
  return Array.from({ length: p }, (_, j) => X.map((row) => row[j]));
}

function fromColumns(cols: number[][], n: number): number[][] {
  return Array.from({ length: n }, (_, i) => cols.map((c) => c[i]));
}

/** Mean of a column. */
export function mean(x: readonly number[]): number {
  let s = 0;
  for (const v of x) s += v;
  return s / x.length;
}

/** Population standard deviation √(Σ(x − x̄)² / n). */
export function populationSd(x: readonly number[]): number {
  const m = mean(x);
  let s = 0;
  for (const v of x) s += (v - m) * (v - m);
  return Math.sqrt(s / x.length);
}

/** z = (x − x̄) / σ (population σ); a constant column becomes 0. */
export function zScoreColumn(x: readonly number[]): number[] {
  const m = mean(x);
  const sd = populationSd(x);
  // a relative test: sd can come out as ~1e-17 rather than 0 for a constant column after rounding
  if (sd <= 1e-12 * Math.max(1, Math.abs(m))) return x.map(() => 0);
  return x.map((v) => (v - m) / sd);
}

/** (x − min) / (max − min); a constant column becomes 0. */
export function minMaxColumn(x: readonly number[]): number[] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of x) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const range = hi - lo;
  if (range <= 1e-12 * Math.max(1, Math.abs(hi), Math.abs(lo))) return x.map(() => 0);
  return x.map((v) => (v - lo) / range);
}

/** Column-wise z-score of X. */
export function zScore(X: readonly (readonly number[])[], names?: MatrixNames): number[][] {
  const [n] = checkMatrix(X, names);
  return fromColumns(columns(X).map(zScoreColumn), n);
}

/** Column-wise min–max scaling of X onto [0, 1]. */
export function minMax(X: readonly (readonly number[])[], names?: MatrixNames): number[][] {
  const [n] = checkMatrix(X, names);
  return fromColumns(columns(X).map(minMaxColumn), n);
}

/** Column-wise ln, then z-score; throws on a value ≤ 0, naming its row and column. */
export function logZ(X: readonly (readonly number[])[], names?: MatrixNames): number[][] {
  const [n, p] = checkMatrix(X, names);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) {
      if (X[i][j] <= 0) {
        throw new RangeError(
          `${names?.what ?? "matrix"}: log scaling needs positive values, but ${rowName(i, names)}, ${colName(j, names)} is ${X[i][j]}`,
        );
      }
    }
  }
  return fromColumns(columns(X).map((c) => zScoreColumn(c.map(Math.log))), n);
}

/** Apply one of the scalings by name. */
export function scale(X: readonly (readonly number[])[], method: Scaling, names?: MatrixNames): number[][] {
  switch (method) {
    case "z":
      return zScore(X, names);
    case "minmax":
      return minMax(X, names);
    case "logz":
      return logZ(X, names);
    default:
      throw new RangeError(`unknown scaling "${method as string}" (expected one of ${SCALINGS.join(", ")})`);
  }
}
