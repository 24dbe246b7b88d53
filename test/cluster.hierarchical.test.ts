import { describe, expect, it } from "vitest";
import { agnes } from "ml-hclust";
import { cutTree, hierarchical, linkage, linkageFromDistances } from "../lib/cluster/hierarchical";

// Four points on a line: 0, 1, 3, 10.
const X = [[0], [1], [3], [10]];

describe("Ward linkage", () => {
  it("gives heights √(2ΔW) matching a hand calculation", () => {
    // ΔW = |A||B|/(|A|+|B|)·‖c_A − c_B‖²:
    //   {0}+{1}:      ΔW = ½·1            = 0.5    → h = 1
    //   {0,1}+{3}:    ΔW = ⅔·(3 − 0.5)²   = 25/6   → h = √(25/3)  ≈ 2.886751
    //     (the alternative {3}+{10} has ΔW = ½·49 = 24.5, so it is not taken)
    //   {0,1,3}+{10}: ΔW = ¾·(10 − 4/3)²  = 169/3  → h = √(338/3) ≈ 10.614456
    // Check: Σ ΔW = 0.5 + 25/6 + 169/3 = 61 = total SS about the mean 3.5 (12.25 + 6.25 + 0.25 + 42.25).
    const d = linkage(X, "ward");
    expect(d.merges.map((m) => m.height)).toEqual([1, expect.closeTo(Math.sqrt(25 / 3), 12), expect.closeTo(Math.sqrt(338 / 3), 12)]);
    expect(d.merges.map((m) => [m.left, m.right, m.size])).toEqual([
      [0, 1, 2],
      [2, 4, 3],
      [3, 5, 4],
    ]);
  });

  it("documents why ml-hclust's method 'ward' is not used: it is not Ward's criterion on Euclidean input", () => {
    // ml-hclust "ward" (R's ward.D on unsquared distances) applies the Lance–Williams Ward update
    // d(K, I∪J) = [(nI+nK)·d(K,I) + (nJ+nK)·d(K,J) − nK·d(I,J)] / (nI+nJ+nK) to plain distances:
    //   d({0,1},3) = (2·3 + 2·2 − 1)/3 = 3, d({0,1},10) = (2·10 + 2·9 − 1)/3 = 37/3, d(3,10) = 7
    //   → {0,1}+{3} at 3 (Ward: 2.887); d({0,1,3},10) = (3·37/3 + 2·7 − 1·3)/4 = 12 (Ward: 10.614)
    const heights: number[] = [];
    agnes(X, { method: "ward" }).traverse((c) => {
      if (!c.isLeaf) heights.push(c.height);
    });
    expect(heights.sort((a, b) => a - b)).toEqual([1, expect.closeTo(3, 12), expect.closeTo(12, 12)]);
  });

  it("cuts into k clusters by undoing the last k − 1 merges", () => {
    expect(hierarchical(X, 2, "ward").labels).toEqual([0, 0, 0, 1]);
    expect(hierarchical(X, 3, "ward").labels).toEqual([0, 0, 1, 2]);
    expect(hierarchical(X, 1, "ward").labels).toEqual([0, 0, 0, 0]);
    expect(hierarchical(X, 4, "ward").labels).toEqual([0, 1, 2, 3]);
    expect(() => cutTree(linkage(X, "ward"), 5)).toThrow(/1\.\.4/);
  });

  it("returns a leaf order that keeps clusters contiguous", () => {
    const { order } = linkage(X, "ward");
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    // 10 joins last, so it is at one end of the order
    expect(order[0] === 3 || order[3] === 3).toBe(true);
  });
});

describe("average linkage", () => {
  it("gives mean inter-cluster distances matching a hand calculation", () => {
    //   {0}+{1} at 1; d({0,1},3) = (3+2)/2 = 2.5 < d(3,10) = 7 → {0,1,3} at 2.5;
    //   d({0,1,3},10) = (10+9+7)/3 = 26/3
    const d = linkage(X, "average");
    expect(d.merges.map((m) => m.height)).toEqual([1, 2.5, expect.closeTo(26 / 3, 12)]);
  });

  it("accepts a precomputed dissimilarity matrix and checks it", () => {
    const D = [
      [0, 0.1, 0.9],
      [0.1, 0, 0.8],
      [0.9, 0.8, 0],
    ];
    const d = linkageFromDistances(D, "average");
    expect(d.merges.map((m) => m.height)).toEqual([0.1, expect.closeTo(0.85, 12)]);
    expect(() => linkageFromDistances([[0, 1], [2, 0]], "average")).toThrow(/not symmetric/);
  });
});
