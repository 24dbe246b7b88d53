import { describe, expect, it } from "vitest";
import {
  adjustedMutualInfo,
  adjustedRandIndex,
  contingencyTable,
  expectedMutualInformation,
  mutualInformation,
} from "../lib/cluster/agreement";

// scikit-learn's own test data and known values, sklearn/metrics/cluster/tests/test_supervised.py
// (test_adjusted_mutual_info_score): MI 0.41022, EMI 0.15042, AMI 0.27821 with the arithmetic mean
// (scikit-learn ≥ 0.22), 0.27502 with the max normaliser (scikit-learn < 0.22, same file in 0.20).
const LABELS_A = [1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3];
const LABELS_B = [1, 1, 1, 1, 2, 1, 2, 2, 2, 2, 3, 1, 3, 3, 3, 2, 2];

describe("contingency table", () => {
  it("counts co-occurrences (scikit-learn's example equals its 2-D histogram)", () => {
    const c = contingencyTable(LABELS_A, LABELS_B);
    expect(c.table).toEqual([
      [5, 1, 0],
      [1, 4, 1],
      [0, 2, 3],
    ]);
    expect(c.rowSums).toEqual([6, 6, 5]);
    expect(c.colSums).toEqual([6, 7, 4]);
    expect(c.n).toBe(17);
  });

  it("accepts string labels and sorts groups", () => {
    const c = contingencyTable(["b", "a", "a"], [2, 1, 1]);
    expect(c.rowLabels).toEqual(["a", "b"]);
    expect(c.table).toEqual([
      [2, 0],
      [0, 1],
    ]);
  });

  it("rejects labellings of different lengths and non-finite labels", () => {
    expect(() => contingencyTable([0, 1], [0, 1, 1])).toThrow(/2 and 3/);
    expect(() => contingencyTable([0, NaN], [0, 1])).toThrow(/label 1/);
  });
});

describe("adjusted Rand index", () => {
  it("matches scikit-learn's documented examples", () => {
    // adjusted_rand_score docstring: identical partitions (up to renaming) score 1.0
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 1])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])).toBe(1);
    // docstring: adjusted_rand_score([0, 0, 1, 2], [0, 0, 1, 1]) → 0.57...; by hand:
    // Σ C(nij,2) = 1, Σ C(ai,2) = 1, Σ C(bj,2) = 2, E = 1·2/6 = 1/3, max = 3/2 → (2/3)/(7/6) = 4/7
    expect(adjustedRandIndex([0, 0, 1, 2], [0, 0, 1, 1])).toBeCloseTo(4 / 7, 15);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(0.5714285714285715, 15);
    // docstring: members of one class split over all clusters → 0.0
    expect(adjustedRandIndex([0, 0, 0, 0], [0, 1, 2, 3])).toBe(0);
    // docstring (≥ 1.0): especially discordant → −0.5; by hand Σ C(nij,2) = 0, E = 2·2/6 → (−2/3)/(4/3)
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 15);
  });

  it("matches scikit-learn's test_non_consecutive_labels (0.24 to 2 decimals)", () => {
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 1, 0, 1, 2, 2])).toBeCloseTo(0.24, 2);
    expect(adjustedRandIndex([0, 0, 0, 1, 1, 1], [0, 4, 0, 4, 2, 2])).toBeCloseTo(0.24, 2);
  });

  it("is symmetric", () => {
    expect(adjustedRandIndex(LABELS_A, LABELS_B)).toBeCloseTo(adjustedRandIndex(LABELS_B, LABELS_A), 15);
  });
});

describe("adjusted mutual information", () => {
  it("reproduces scikit-learn's MI, EMI and AMI on its test labels", () => {
    const c = contingencyTable(LABELS_A, LABELS_B);
    expect(mutualInformation(c)).toBeCloseTo(0.41022, 5);
    expect(expectedMutualInformation(c)).toBeCloseTo(0.15042, 5);
    expect(adjustedMutualInfo(LABELS_A, LABELS_B)).toBeCloseTo(0.27821, 5);
    expect(adjustedMutualInfo(LABELS_A, LABELS_B, "max")).toBeCloseTo(0.27502, 5);
  });

  it("reproduces scikit-learn's large-array case (labels repeated 110 times: 0.38 to 2 decimals)", () => {
    const a = Array.from({ length: 110 }, () => LABELS_A).flat();
    const b = Array.from({ length: 110 }, () => LABELS_B).flat();
    expect(adjustedMutualInfo(a, b)).toBeCloseTo(0.38, 2);
  });

  it("gives 1 for identical partitions and 0 for one class against all singletons", () => {
    expect(adjustedMutualInfo([1, 1, 2, 2], [2, 2, 3, 3])).toBeCloseTo(1, 12);
    for (const n of [10, 100, 1000]) {
      const ones = new Array(n).fill(1);
      const range = Array.from({ length: n }, (_, i) => i);
      expect(adjustedMutualInfo(ones, range)).toBeCloseTo(0, 12);
    }
    expect(adjustedMutualInfo([0, 0, 0], [0, 0, 0])).toBe(1);
  });

  it("orders the normalisers min ≥ geometric ≥ arithmetic ≥ max for AMI (denominator grows)", () => {
    const v = (["min", "geometric", "arithmetic", "max"] as const).map((m) => adjustedMutualInfo(LABELS_A, LABELS_B, m));
    expect(v[0]).toBeGreaterThanOrEqual(v[1]);
    expect(v[1]).toBeGreaterThanOrEqual(v[2]);
    expect(v[2]).toBeGreaterThanOrEqual(v[3]);
  });
});
