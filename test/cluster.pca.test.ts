import { describe, expect, it } from "vitest";
import { pca } from "../lib/cluster/pca";

describe("pca", () => {
  it("finds the axes of a hand-checkable cross", () => {
    // X = (±2, 0), (0, ±1): mean 0, var(x) = 8/3, var(y) = 2/3 (n − 1 = 3), cov 0
    // → λ = 8/3, 2/3; ratios 0.8, 0.2; axes e₁, e₂; scores = X itself
    const X = [
      [2, 0],
      [-2, 0],
      [0, 1],
      [0, -1],
    ];
    const r = pca(X);
    expect(r.eigenvalues[0]).toBeCloseTo(8 / 3, 12);
    expect(r.eigenvalues[1]).toBeCloseTo(2 / 3, 12);
    expect(r.explainedVarianceRatio[0]).toBeCloseTo(0.8, 12);
    expect(r.eigenvectors[0][0]).toBeCloseTo(1, 12);
    expect(Math.abs(r.eigenvectors[1][0])).toBeCloseTo(0, 12);
    r.scores.forEach((s, i) => {
      expect(s[0]).toBeCloseTo(X[i][0], 12);
      expect(s[1]).toBeCloseTo(X[i][1], 12);
    });
    // loadings = eigenvector · √λ: feature x's covariance with PC1 is √(8/3)
    expect(r.loadings[0][0]).toBeCloseTo(Math.sqrt(8 / 3), 12);
  });

  it("preserves total variance and fixes the sign of each component", () => {
    const X = [
      [1, 2, 3],
      [2, 1, 0],
      [4, 4, 1],
      [0, 3, 2],
      [3, 0, 5],
    ];
    const r = pca(X);
    const n = X.length;
    const totalVar = [0, 1, 2].reduce((s, j) => {
      const m = X.reduce((a, x) => a + x[j], 0) / n;
      return s + X.reduce((a, x) => a + (x[j] - m) ** 2, 0) / (n - 1);
    }, 0);
    expect(r.eigenvalues.reduce((a, b) => a + b, 0)).toBeCloseTo(totalVar, 10);
    for (let k = 0; k < r.eigenvalues.length; k++) {
      const col = r.eigenvectors.map((row) => row[k]);
      const big = col.reduce((a, b) => (Math.abs(b) > Math.abs(a) ? b : a));
      expect(big).toBeGreaterThan(0);
      // score variance on component k is λₖ
      const v = r.scores.reduce((a, s) => a + s[k] ** 2, 0) / (n - 1);
      expect(v).toBeCloseTo(r.eigenvalues[k], 10);
    }
  });
});
