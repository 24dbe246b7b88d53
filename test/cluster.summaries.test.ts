// Matching clusters to types (lib/cluster/confusion.ts matchClusters), the restart profile (lib/cluster/restarts.ts)
// and the display rows of lib/present/clusterRows.ts.
import { describe, expect, it } from "vitest";
import { TYPE_COLOURS } from "../lib/present/charts/choropleth";
import { matchClusters } from "../lib/cluster/confusion";
import { clusterProvinces, DEFAULT_CLUSTER_OPTIONS } from "../lib/typology/pipeline";
import { localOptima, missProbability, singleStartInertias } from "../lib/cluster/restarts";
import { searchClusterings, paperTypes } from "../lib/typology/search";
import {
  agreementSummary,
  clusterMapData,
  clusterStyles,
  configurationLabel,
  featureByProvince,
  featureInclusion,
  featureName,
  provincePoints,
} from "../lib/present/clusterRows";
import { provinceFlows2017 } from "../lib/data/editions";
import { ratios } from "../lib/indicators/ratios";

describe("matchClusters", () => {
  it("a cluster the matching pairs with a class none of its members has stands for nothing", () => {
    // cluster 0 = {p, p, p, q}, cluster 1 = {p}: 0 → p (3) and 1 → q (0) beat 0 → q (1) and 1 → p (1),
    // so the Hungarian matching gives cluster 1 the class q, which none of its members has
    const m = matchClusters([0, 0, 0, 0, 1], ["p", "p", "p", "q", "p"]);
    expect(m.get(0)).toBe("p");
    expect(m.get(1)).toBeNull();
    // more clusters than classes: the one left over stands for nothing either
    const n = matchClusters([0, 0, 1, 2], ["p", "p", "q", "p"]);
    expect([n.get(0), n.get(1), n.get(2)]).toEqual(["p", "q", null]);
  });
});

describe("restart profile", () => {
  it("localOptima tallies equal W (to the given decimals), lowest first, shares summing to 1", () => {
    const o = localOptima([3, 1.00001, 1, 2, 3, 3], 4);
    expect(o).toEqual([
      { inertia: 1, count: 2, share: 2 / 6 },
      { inertia: 2, count: 1, share: 1 / 6 },
      { inertia: 3, count: 3, share: 3 / 6 },
    ]);
    expect(() => localOptima([])).toThrow(/no inertias/);
    expect(() => localOptima([NaN])).toThrow(/not finite/);
  });

  it("missProbability = (1 − p)^N", () => {
    expect(missProbability(0.5, 3)).toBe(0.125);
    expect(missProbability(0, 10)).toBe(1);
    expect(missProbability(1, 1)).toBe(0);
    expect(() => missProbability(1.5, 1)).toThrow(/\[0, 1\]/);
  });

  it("on the 2017 ratios: single starts never beat best-of-1000, and the best of them is what best-of-N keeps", () => {
    const rows = provinceFlows2017("paper");
    const c = clusterProvinces(rows, { ...DEFAULT_CLUSTER_OPTIONS, restarts: 1000 });
    const w = singleStartInertias(c.Z, 7, { seed: 1, starts: 200 });
    expect(w).toHaveLength(200);
    expect(Math.min(...w)).toBeGreaterThanOrEqual(c.inertia - 1e-9);
    // reproducible from the seed
    expect(singleStartInertias(c.Z, 7, { seed: 1, starts: 20 })).toEqual(w.slice(0, 20));
  });
});

describe("summaries", () => {
  const rows = provinceFlows2017("paper");
  const types = paperTypes(rows);

  it("clusterStyles names a cluster by the type it stands for and gives it that type's colour", () => {
    const labels = types.map((t) => ["双循环经济", "外向型经济"].indexOf(t) + 1); // 0 = everything else
    const s = clusterStyles(labels, types, "zh");
    expect(s[1]).toEqual({ type: "双循环经济", name: "簇 2 → 双循环经济", colour: TYPE_COLOURS["双循环经济"] });
    expect(clusterStyles(labels, types, "en")[2].name).toBe("cluster 3 → Export-oriented economy");
    const map = clusterMapData(rows.map((r) => r.province_zh), labels, types);
    expect(map.assignment["北京"]).toBe("簇 2 → 双循环经济");
    expect(map.categories[1]).toMatchObject({ zh: "簇 2 → 双循环经济", en: "cluster 2 → Dual-circulation economy" });
  });

  it("agreementSummary counts provinces in the cluster standing for their own type", () => {
    expect(agreementSummary("paper", types, types)).toMatchObject({ ari: 1, ami: 1, agreeing: "31 / 31" });
    const one = agreementSummary("one", types.map(() => 0), types);
    expect(one.ari).toBe(0);
    // the single cluster stands for the largest type (外向型 or 内贸型, 6 provinces each)
    expect(one.agreeing).toBe("6 / 31");
  });

  it("features by province and as points carry the indicators of lib/indicators/ratios.ts", () => {
    const ftd = featureByProvince(rows, "ftd");
    expect(ftd["上海"]).toBeCloseTo(ratios(rows.find((r) => r.province_zh === "上海")!).ftd, 12);
    const pts = provincePoints(rows, "ftd", "dtd");
    expect(pts).toHaveLength(31);
    expect(pts[0]).toMatchObject({ label: { zh: "北京", en: "Beijing" }, type: "双循环经济" });
    expect(featureName("inflow_rate", "en")).toBe("Inflow rate / 流入率");
    expect(() => featureByProvince(rows, "nope")).toThrow(/unknown feature/);
  });

  it("configuration labels and feature inclusion over the ratio subsets", () => {
    const results = searchClusterings(rows, types, { seed: 1, restarts: 5, methods: ["ward"], scalings: ["z"] });
    expect(configurationLabel(results.find((r) => r.featureSet.id === "ratios")!, "en")).toBe("The five ratios · z-score · Ward hierarchical");
    const inc = featureInclusion(results, "en");
    expect(inc).toHaveLength(5);
    for (const r of inc) {
      // each ratio is in 15 of the 26 subsets of size ≥ 2 of five (C(4,1)+C(4,2)+C(4,3)+C(4,4))
      expect(r.configurations).toBe(15);
    }
  });
});
