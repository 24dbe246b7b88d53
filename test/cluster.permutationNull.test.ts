import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "../lib/cluster/agreement";
import {
  bestAriNull,
  exactBestAriNull,
  exactPValue,
  labelCodes,
  nullSummary,
  observedBestAri,
  quantile,
  RelabellingScorer,
  relabelling,
} from "../lib/cluster/permutationNull";
import { rng } from "../lib/core/random";

function randomLabels(random: () => number, n: number, k: number): number[] {
  return Array.from({ length: n }, () => Math.floor(random() * k));
}

describe("RelabellingScorer", () => {
  it("gives the same ARI as adjustedRandIndex for any relabelling and partition, trivial ones included", () => {
    const random = rng(3);
    for (let t = 0; t < 200; t++) {
      const n = 2 + Math.floor(random() * 20);
      const reference = randomLabels(random, n, 1 + Math.floor(random() * 5)).map((c) => `type${c}`);
      const parts = [randomLabels(random, n, 1 + Math.floor(random() * 6)), new Array<number>(n).fill(0), Array.from({ length: n }, (_, i) => i)];
      const scorer = new RelabellingScorer(reference, parts);
      const codes = relabelling(labelCodes(reference).codes, 5, t);
      const relabelled = Array.from(codes);
      parts.forEach((p, m) => expect(scorer.ari(m, codes)).toBeCloseTo(adjustedRandIndex(relabelled, p), 12));
      expect(scorer.best(codes)).toBeCloseTo(Math.max(...parts.map((p) => adjustedRandIndex(relabelled, p))), 12);
    }
  });
});

describe("relabelling", () => {
  it("keeps the class sizes, is reproducible, and relabelling b does not depend on how many are drawn", () => {
    const { codes } = labelCodes(["a", "a", "a", "b", "b", "c", "c", "c", "c"]);
    const sizes = (c: Int32Array) => [0, 1, 2].map((v) => c.filter((x) => x === v).length);
    for (let b = 0; b < 50; b++) expect(sizes(relabelling(codes, 1, b))).toEqual([3, 2, 4]);
    expect(relabelling(codes, 1, 7)).toEqual(relabelling(codes, 1, 7));
    expect(relabelling(codes, 1, 7)).not.toEqual(relabelling(codes, 1, 8));
    const ref = ["a", "a", "b", "b", "c", "c"];
    const parts = [[0, 0, 1, 1, 2, 2]];
    expect(bestAriNull(ref, parts, { permutations: 100, seed: 4 }).slice(0, 10)).toEqual(bestAriNull(ref, parts, { permutations: 10, seed: 4 }));
  });
});

describe("the exact null on tiny cases", () => {
  it("by hand: reference aabb against the partition 0011 — 6 arrangements, ARI 1 for 2 of them and −½ for 4", () => {
    // aabb, bbaa: the same partition, ARI 1. abab, abba, baab, baba: contingency [[1,1],[1,1]], Σ C(nij,2) = 0,
    // E = 2·2/6 = 2/3, max = 2, ARI = (0 − 2/3)/(2 − 2/3) = −1/2
    const values = exactBestAriNull(["a", "a", "b", "b"], [[0, 0, 1, 1]]);
    expect(values).toHaveLength(6);
    [...values].sort((x, y) => x - y).forEach((v, i) => expect(v).toBeCloseTo([-0.5, -0.5, -0.5, -0.5, 1, 1][i], 15));
    expect(exactPValue(1, values)).toBeCloseTo(1 / 3, 15);
    expect(observedBestAri(["a", "a", "b", "b"], [[0, 0, 1, 1]])).toBe(1);
  });

  it("the Monte Carlo null of the best of several partitions matches the exact enumeration (8 objects, sizes 3, 3, 2)", () => {
    const reference = ["x", "x", "x", "y", "y", "y", "z", "z"];
    const random = rng(21);
    const parts = [randomLabels(random, 8, 3), randomLabels(random, 8, 2), randomLabels(random, 8, 4), [0, 0, 0, 1, 1, 2, 2, 2]];
    const exact = exactBestAriNull(reference, parts);
    expect(exact).toHaveLength(560); // 8! / (3! 3! 2!)
    const B = 20_000;
    const mc = bestAriNull(reference, parts, { permutations: B, seed: 99 });
    // P(T ≥ t) at every value the exact null takes, within 4.5 standard errors of the exact probability
    for (const t of [...new Set(exact.map((v) => v.toFixed(12)))].map(Number)) {
      const p = exactPValue(t, exact);
      const estimate = mc.filter((v) => v >= t - 1e-12).length / B;
      expect(Math.abs(estimate - p), `P(T ≥ ${t})`).toBeLessThanOrEqual(4.5 * Math.sqrt((p * (1 - p)) / B) + 1e-12);
    }
    const observed = observedBestAri(reference, parts);
    const s = nullSummary(observed, mc);
    expect(s.pValue).toBeCloseTo(exactPValue(observed, exact), 1);
    expect(s.quantiles.find((q) => q.q === 0.5)!.value).toBeCloseTo(quantile(exact, 0.5), 1);
  });

  it("refuses an enumeration too large to run", () => {
    expect(() => exactBestAriNull(Array.from({ length: 20 }, (_, i) => i % 4), [Array.from({ length: 20 }, (_, i) => i % 2)])).toThrow(/arrangements, more than the limit/);
  });
});

describe("nullSummary", () => {
  it("p = (1 + #{T_b ≥ T}) / (1 + B), ties counted, never 0", () => {
    expect(nullSummary(0.5, [0.1, 0.2, 0.5, 0.7]).pValue).toBe(3 / 5);
    expect(nullSummary(0.5, [0.1, 0.2, 0.5, 0.7]).atLeastObserved).toBe(2);
    expect(nullSummary(0.9, [0.1, 0.2]).pValue).toBe(1 / 3);
    expect(nullSummary(0.9, [0.1, 0.2]).max).toBe(0.2);
    expect(() => nullSummary(NaN, [0.1])).toThrow(/observed statistic is NaN/);
  });

  it("quantiles interpolate between order statistics as NumPy's default does", () => {
    // numpy.quantile([1, 2, 3, 4], [0.5, 0.9, 0.95, 0.99]) = [2.5, 3.7, 3.85, 3.97]
    const s = nullSummary(0, [4, 1, 3, 2]);
    expect(s.quantiles.map((q) => q.q)).toEqual([0.5, 0.9, 0.95, 0.99]);
    s.quantiles.forEach((q, i) => expect(q.value).toBeCloseTo([2.5, 3.7, 3.85, 3.97][i], 12));
    expect(quantile([7], 0.3)).toBe(7);
    expect(() => quantile([], 0.5)).toThrow(/no values/);
  });
});
