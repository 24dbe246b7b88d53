// The indicator that drives a province away from its Table 1 type (lib/cluster/drivers.ts), the ordered confusion
// matrix (lib/cluster/confusion.ts) and the one-call clustering pipeline (lib/typology/pipeline.ts).
import { describe, expect, it } from "vitest";
import { adjustedRandIndex } from "../lib/cluster/agreement";
import { confusionMatrix } from "../lib/cluster/confusion";
import { explainDisagreements, featureContributions, meanOf } from "../lib/cluster/drivers";
import { squaredEuclidean } from "../lib/cluster/matrix";
import { clusterProvinces, DEFAULT_CLUSTER_OPTIONS } from "../lib/typology/pipeline";
import { paperTypes } from "../lib/typology/search";
import { provinceFlows2017 } from "../lib/data/editions";
import { ratios } from "../lib/indicators/ratios";
import { RATIO_COLUMNS } from "../lib/paper/columns";

describe("featureContributions and the driving feature", () => {
  it("Δⱼ = (zⱼ − aⱼ)² − (zⱼ − bⱼ)², summing to ‖z − a‖² − ‖z − b‖²", () => {
    const d = featureContributions([3, 1], [1.5, 0.5], [4, 2 / 3]);
    expect(d[0]).toBe(1.25);
    expect(d[1]).toBeCloseTo(5 / 36, 15);
    const z = [0.3, -1.2, 2];
    const a = [1, 0, -1];
    const b = [0, -1, 1.5];
    const s = featureContributions(z, a, b).reduce((x, y) => x + y, 0);
    expect(s).toBeCloseTo(squaredEuclidean(z, a) - squaredEuclidean(z, b), 12);
    expect(() => featureContributions([1], [1, 2], [1])).toThrow(/lengths/);
  });

  it("a hand-worked example: B (type p) clustered with C and D (type q), driven by feature x", () => {
    // A=(0,0), B=(3,1) are type p; C=(4,0), D=(5,1) type q; clusters {A} and {B, C, D}.
    // Matching: cluster 0 → p, cluster 1 → q (3 of 4 agree), so B is elsewhere.
    // μ_p = (1.5, 0.5), μ_cluster1 = (4, 2/3); Δ_x = 1.5² − 1² = 1.25, Δ_y = 0.5² − (1/3)² = 5/36.
    const Z = [
      [0, 0],
      [3, 1],
      [4, 0],
      [5, 1],
    ];
    const raw = Z.map((r) => r.map((v) => 10 * v + 100));
    const ds = explainDisagreements({ Z, raw, features: ["x", "y"], names: ["A", "B", "C", "D"], reference: ["p", "p", "q", "q"], clusters: [0, 1, 1, 1] });
    expect(ds).toHaveLength(1);
    const d = ds[0];
    expect(d).toMatchObject({ index: 1, name: "B", reference: "p", cluster: 1, assigned: "q", feature: "x" });
    expect(d.contribution).toBeCloseTo(1.25, 12);
    expect(d.contributions[1]).toBeCloseTo(5 / 36, 12);
    expect(d.total).toBeCloseTo(1.25 + 5 / 36, 12);
    // values in their own units: B's x is 130, type p's mean 115, the cluster's mean 140
    expect(d.value).toBe(130);
    expect(d.referenceMean).toBeCloseTo(115, 12);
    expect(d.clusterMean).toBeCloseTo(140, 12);
  });

  it("a negative total when the province is nearer its type's centre (the clustering is not explained by centres)", () => {
    // A=(0,0), B=(0,2) type p; C=(4,2), D=(4,4) type q; clusters {A}, {B, C, D}.
    // μ_p = (0, 1), μ_cluster = (8/3, 8/3): Δ_x = 0 − 64/9, Δ_y = 1 − 4/9 = 5/9 → driver y, total −59/9.
    const ds = explainDisagreements({
      Z: [
        [0, 0],
        [0, 2],
        [4, 2],
        [4, 4],
      ],
      features: ["x", "y"],
      names: ["A", "B", "C", "D"],
      reference: ["p", "p", "q", "q"],
      clusters: [0, 1, 1, 1],
    });
    expect(ds.map((d) => [d.name, d.feature])).toEqual([["B", "y"]]);
    expect(ds[0].contribution).toBeCloseTo(5 / 9, 12);
    expect(ds[0].total).toBeCloseTo(-59 / 9, 12);
  });

  it("nothing to explain when the clustering is the reference (under any naming of the clusters)", () => {
    const Z = [[0], [1], [5], [6]];
    expect(explainDisagreements({ Z, features: ["x"], names: ["a", "b", "c", "d"], reference: ["p", "p", "q", "q"], clusters: [1, 1, 0, 0] })).toEqual([]);
  });

  it("rejects mismatched inputs", () => {
    const base = { Z: [[0], [1]], features: ["x"], names: ["a", "b"], reference: ["p", "q"], clusters: [0, 1] };
    expect(() => explainDisagreements({ ...base, names: ["a"] })).toThrow(/1 names for 2/);
    expect(() => explainDisagreements({ ...base, features: ["x", "y"] })).toThrow(/2 features for 1/);
    expect(() => explainDisagreements({ ...base, Z: [[0], [NaN]] })).toThrow(/row 1 \(b\)/);
    expect(() => meanOf([[1]], ["p"], "q")).toThrow(/no row has label q/);
  });

  it("on the 2017 data: every driver is the largest Δ, and Σ Δ is the difference of distances to the two centres", () => {
    const rows = provinceFlows2017("paper");
    const types = paperTypes(rows);
    const c = clusterProvinces(rows, DEFAULT_CLUSTER_OPTIONS);
    const ds = explainDisagreements({ Z: c.Z, raw: c.raw, features: c.features, names: c.provinces, reference: types, clusters: c.labels });
    expect(ds.length).toBeGreaterThan(0);
    for (const d of ds) {
      const z = c.Z[d.index];
      const own = meanOf(c.Z, types, d.reference);
      const clu = meanOf(c.Z, c.labels, d.cluster);
      expect(d.total).toBeCloseTo(squaredEuclidean(z, own) - squaredEuclidean(z, clu), 10);
      expect(d.contribution).toBe(Math.max(...d.contributions));
      expect(d.assigned).not.toBe(d.reference);
      // the reported value is the province's own indicator (lib/indicators/ratios.ts), not a scaled one
      expect(d.value).toBeCloseTo(ratios(rows[d.index])[d.feature as keyof ReturnType<typeof ratios>], 10);
    }
  });
});

describe("confusionMatrix", () => {
  it("rows in the given order, columns by matched class, agreement on the diagonal", () => {
    // clusters × classes: 1 → a (2 objects), 0 → b (1), 2 → c (1); the only optimal matching
    const m = confusionMatrix(["a", "a", "b", "b", "c"], [1, 1, 0, 2, 2], ["a", "b", "c"]);
    expect(m.rows).toEqual(["a", "b", "c"]);
    expect(m.columns).toEqual([1, 0, 2]);
    expect(m.matched).toEqual(["a", "b", "c"]);
    expect(m.counts).toEqual([
      [2, 0, 0],
      [0, 1, 1],
      [0, 0, 1],
    ]);
    expect(m.agreeing).toBe(4);
  });

  it("classes absent from rowOrder are sorted by code units, not by the machine's locale (localeCompare puts a before B)", () => {
    const classes = ["b", "B", "a", "Z", "é", "Á"];
    const m = confusionMatrix(classes, [0, 1, 2, 3, 4, 5]);
    expect(m.rows).toEqual(["B", "Z", "a", "b", "Á", "é"]);
    // string cluster names (a rule-based labelling) that match no class are ordered the same way
    const u = confusionMatrix(["x", "x", "x", "x", "x"], ["x", "x", "b", "B", "a"]);
    expect(u.columns).toEqual(["x", "B", "a", "b"]);
  });

  it("more clusters than classes: the unmatched cluster comes last; classes absent from rowOrder follow, sorted", () => {
    // clusters 0 → a (2 objects), 2 → b (2); cluster 1 holds one a and is left unmatched
    const m = confusionMatrix(["a", "a", "a", "b", "b"], [0, 0, 1, 2, 2], ["b"]);
    expect(m.rows).toEqual(["b", "a"]);
    expect(m.columns).toEqual([2, 0, 1]);
    expect(m.matched).toEqual(["b", "a", null]);
    expect(m.counts).toEqual([
      [2, 0, 0],
      [0, 2, 1],
    ]);
    expect(m.agreeing).toBe(4);
  });
});

describe("clusterProvinces", () => {
  const rows = provinceFlows2017("paper");

  it("inertia is the within-cluster sum of squares of the labels in z-scores with the population sd", () => {
    for (const method of ["kmeans", "ward", "average"] as const) {
      const c = clusterProvinces(rows, { ...DEFAULT_CLUSTER_OPTIONS, method });
      // z-scores computed here, independently of lib/cluster/scaling.ts
      const cols = RATIO_COLUMNS.map((r) => rows.map((row) => ratios(row)[r]));
      const z = cols.map((x) => {
        const m = x.reduce((s, v) => s + v, 0) / x.length;
        const sd = Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / x.length);
        return x.map((v) => (v - m) / sd);
      });
      let W = 0;
      for (const l of new Set(c.labels)) {
        const members = c.labels.map((x, i) => (x === l ? i : -1)).filter((i) => i >= 0);
        for (const col of z) {
          const m = members.reduce((s, i) => s + col[i], 0) / members.length;
          W += members.reduce((s, i) => s + (col[i] - m) ** 2, 0);
        }
      }
      expect(c.inertia).toBeCloseTo(W, 9);
      expect(new Set(c.labels).size).toBe(7);
    }
  });

  it("k-means with 100 restarts is never worse than Ward's partition on its own objective", () => {
    const km = clusterProvinces(rows, DEFAULT_CLUSTER_OPTIONS);
    const ward = clusterProvinces(rows, { ...DEFAULT_CLUSTER_OPTIONS, method: "ward" });
    expect(km.inertia).toBeLessThanOrEqual(ward.inertia + 1e-9);
    expect(adjustedRandIndex(km.labels, km.labels)).toBe(1);
  });

  it("rejects k < 2 and k > n", () => {
    expect(() => clusterProvinces(rows, { ...DEFAULT_CLUSTER_OPTIONS, k: 1 })).toThrow(/k must be an integer ≥ 2/);
    expect(() => clusterProvinces(rows.slice(0, 5), { ...DEFAULT_CLUSTER_OPTIONS, k: 6 })).toThrow(/only 5 provinces/);
  });
});
