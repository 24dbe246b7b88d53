import { describe, expect, it } from "vitest";
import { kmeans } from "../lib/cluster/kmeans";
import { adjustedRandIndex } from "../lib/cluster/agreement";
import { normal, rng } from "../lib/core/random";

/** Three blobs of 10 points, sd 1, centres 20 apart: no point is nearer another centre. */
function blobs(seed: number): { X: number[][]; truth: number[] } {
  const r = rng(seed);
  const centres = [
    [0, 0],
    [20, 0],
    [10, 20],
  ];
  const X: number[][] = [];
  const truth: number[] = [];
  centres.forEach((c, k) => {
    for (let i = 0; i < 10; i++) {
      X.push([c[0] + normal(r), c[1] + normal(r)]);
      truth.push(k);
    }
  });
  return { X, truth };
}

function withinSS(X: number[][], labels: number[]): number {
  // computed here from the definition, independently of lib/cluster/matrix.ts
  const groups = new Map<number, number[][]>();
  X.forEach((x, i) => groups.set(labels[i], [...(groups.get(labels[i]) ?? []), x]));
  let s = 0;
  for (const g of groups.values()) {
    const m = g[0].map((_, j) => g.reduce((a, x) => a + x[j], 0) / g.length);
    for (const x of g) s += x.reduce((a, v, j) => a + (v - m[j]) ** 2, 0);
  }
  return s;
}

describe.each(["ml-kmeans", "lloyd"] as const)("k-means (%s engine)", (engine) => {
  it("recovers well-separated blobs exactly", () => {
    for (const seed of [1, 2, 3]) {
      const { X, truth } = blobs(seed);
      const res = kmeans(X, 3, { seed, engine });
      expect(adjustedRandIndex(truth, res.labels)).toBe(1);
      expect(res.labels).toEqual(truth); // canonical numbering = order of first appearance
      expect(res.inertia).toBeCloseTo(withinSS(X, truth), 9);
      expect(res.centroids).toHaveLength(3);
      expect(res.converged).toBe(true);
    }
  });

  it("is deterministic: same seed, same labels and inertia", () => {
    const r = rng(99);
    const X = Array.from({ length: 31 }, () => Array.from({ length: 5 }, () => r()));
    const a = kmeans(X, 7, { seed: 5, engine });
    const b = kmeans(X, 7, { seed: 5, engine });
    expect(b.labels).toEqual(a.labels);
    expect(b.inertia).toBe(a.inertia);
    expect(b.bestRestart).toBe(a.bestRestart);
  });

  it("uses the seed: single starts on unstructured data reach different local minima", () => {
    const r = rng(7);
    const X = Array.from({ length: 31 }, () => Array.from({ length: 5 }, () => r()));
    const inertias = new Set(Array.from({ length: 20 }, (_, s) => kmeans(X, 7, { seed: s, restarts: 1, engine }).inertia.toFixed(9)));
    expect(inertias.size).toBeGreaterThan(1);
  });

  it("returns a Lloyd fixed point: every row is nearest to its own cluster's mean", () => {
    const r = rng(12);
    const X = Array.from({ length: 31 }, () => Array.from({ length: 5 }, () => r()));
    for (const seed of [1, 2, 3, 4]) {
      const res = kmeans(X, 7, { seed, engine });
      // means recomputed here from the labels, not taken from the result
      const means = Array.from({ length: 7 }, (_, c) => {
        const members = X.filter((_, i) => res.labels[i] === c);
        return X[0].map((_, j) => members.reduce((a, x) => a + x[j], 0) / members.length);
      });
      const d2 = (a: number[], b: number[]) => a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0);
      X.forEach((x, i) => {
        const own = d2(x, means[res.labels[i]]);
        for (const m of means) expect(own).toBeLessThanOrEqual(d2(x, m) + 1e-12);
      });
      expect(new Set(res.labels).size).toBe(7);
    }
  });

  it("more restarts never do worse than their first start", () => {
    const r = rng(8);
    const X = Array.from({ length: 31 }, () => Array.from({ length: 5 }, () => r()));
    for (const seed of [1, 2, 3]) {
      const one = kmeans(X, 6, { seed, restarts: 1, engine });
      const ten = kmeans(X, 6, { seed, restarts: 10, engine });
      expect(ten.inertia).toBeLessThanOrEqual(one.inertia);
    }
  });

  it("explains bad k instead of failing inside the library", () => {
    expect(() => kmeans([[0], [0], [1]], 3, { seed: 1, engine })).toThrow("k-means: k = 3 clusters but only 2 distinct rows");
    expect(() => kmeans([[0], [1]], 3, { seed: 1, engine })).toThrow(/only 2 rows/);
    expect(() => kmeans([[0], [1]], 1, { seed: 1.5, engine })).toThrow(/seed must be an integer/);
    expect(() => kmeans([[0], [NaN]], 1, { seed: 1, engine })).toThrow(/row 1, column 0 is NaN/);
  });
});
