/**
 * Principal component analysis for a biplot, via ml-pca@4 (SVD of the centred data).
 *
 * For centred data X (n × p) with covariance S = XᵀX/(n − 1) = V Λ Vᵀ:
 * - eigenvalues λₖ (variance of component k, n − 1 denominator as in ml-pca and R's prcomp),
 * - explained variance ratio λₖ / Σλ,
 * - eigenvectors vₖ (columns of V, unit length),
 * - scores T = X V (coordinates of the rows on the components),
 * - loadings vₖ √λₖ: the covariance of each feature with component k; for standardised input
 *   these are correlations, the arrows of a correlation biplot.
 * The sign of a component is arbitrary in any SVD; we fix it so that the largest-magnitude entry
 * of each eigenvector is positive, so plots do not flip between library versions.
 *
 * The input is not rescaled here (ml-pca's `scale: false`): scale it first (lib/cluster/scaling.ts)
 * so the PCA sees the same space as the clustering.
 */
import { PCA } from "ml-pca";
import { checkMatrix } from "./matrix";

export interface PcaResult {
  /** n × q: row i's coordinate on component k */
  scores: number[][];
  /** p × q: unit eigenvectors, feature j's weight in component k */
  eigenvectors: number[][];
  /** p × q: eigenvector × √eigenvalue (covariance of feature j with component k) */
  loadings: number[][];
  /** q component variances λₖ, decreasing */
  eigenvalues: number[];
  /** λₖ / Σλ */
  explainedVarianceRatio: number[];
  /** column means subtracted before projection */
  means: number[];
}

/** PCA of the rows of X (centred, not rescaled). */
export function pca(X: readonly (readonly number[])[]): PcaResult {
  const [n, p] = checkMatrix(X, { what: "PCA input" });
  if (n < 2) throw new RangeError(`PCA needs at least 2 rows, got ${n}`);
  const model = new PCA(X.map((r) => r.slice()), { center: true, scale: false, method: "SVD" });
  const V = model.getEigenvectors().to2DArray(); // p × q
  const eigenvalues = model.getEigenvalues().slice();
  const q = Math.min(V[0].length, eigenvalues.length);
  // sign convention: largest-|·| entry of each eigenvector positive
  const sign = Array.from({ length: q }, (_, k) => {
    let best = 0;
    for (let j = 1; j < p; j++) if (Math.abs(V[j][k]) > Math.abs(V[best][k])) best = j;
    return V[best][k] < 0 ? -1 : 1;
  });
  const eigenvectors = V.map((row) => row.slice(0, q).map((v, k) => v * sign[k]));
  const means = Array.from({ length: p }, (_, j) => X.reduce((s, r) => s + r[j], 0) / n);
  const scores = X.map((row) => Array.from({ length: q }, (_, k) => row.reduce((s, x, j) => s + (x - means[j]) * eigenvectors[j][k], 0)));
  const total = eigenvalues.reduce((s, v) => s + v, 0);
  return {
    scores,
    eigenvectors,
    loadings: eigenvectors.map((row) => row.map((v, k) => v * Math.sqrt(Math.max(eigenvalues[k], 0)))),
    eigenvalues: eigenvalues.slice(0, q),
    explainedVarianceRatio: eigenvalues.slice(0, q).map((v) => (total > 0 ? v / total : 0)),
    means,
  };
}
