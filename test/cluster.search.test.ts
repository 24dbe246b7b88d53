import { describe, expect, it } from "vitest";
import { featureSets, searchClusterings, subsets } from "../lib/typology/search";
import { syntheticProvinces } from "../lib/typology/synthetic";

describe("feature sets", () => {
  it("are the 26 ratio subsets of size ≥ 2, the per-GDP flows and the raw flows", () => {
    // C(5,2) + C(5,3) + C(5,4) + C(5,5) = 10 + 10 + 5 + 1 = 26
    expect(subsets([1, 2, 3, 4, 5], 2)).toHaveLength(26);
    const sets = featureSets();
    expect(sets).toHaveLength(28);
    expect(new Set(sets.map((s) => s.id)).size).toBe(28);
    expect(sets.find((s) => s.id === "ratios")!.features).toEqual(["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"]);
    expect(sets.find((s) => s.id === "per_gdp")!.features).toEqual(["export_rate", "import_rate", "outflow_gdp", "inflow_gdp"]);
    expect(sets.find((s) => s.id === "raw")!.features).toEqual(["total_output", "gdp", "export", "outflow", "import", "inflow"]);
  });
});

describe("searchClusterings", () => {
  it("finds the planted typology (ARI 1) on well-separated synthetic provinces, best first", () => {
    // tiny scatter around seven distinct type centres: the truth is the planted Table 1 typing
    const { rows, types } = syntheticProvinces(3, 0.02);
    const calls: number[] = [];
    const res = searchClusterings(rows, types, { seed: 1, restarts: 10, onProgress: (done, total) => calls.push(done / total) });
    expect(res).toHaveLength(28 * 3 * 3);
    expect(calls).toHaveLength(252);
    expect(calls[251]).toBe(1);
    expect(res[0].ari).toBe(1);
    expect(res[0].ami).toBeCloseTo(1, 12);
    for (let i = 1; i < res.length; i++) expect(res[i].ari).toBeLessThanOrEqual(res[i - 1].ari);
  });

  it("is deterministic", () => {
    const { rows, types } = syntheticProvinces(5, 0.3);
    const opts = { seed: 9, restarts: 10, featureSets: featureSets().slice(20) };
    const a = searchClusterings(rows, types, opts);
    const b = searchClusterings(rows, types, opts);
    expect(b.map((r) => [r.index, r.ari, r.labels])).toEqual(a.map((r) => [r.index, r.ari, r.labels]));
  });

  it("checks that the reference is aligned with the rows", () => {
    const { rows, types } = syntheticProvinces(5);
    expect(() => searchClusterings(rows, types.slice(1), { seed: 1 })).toThrow(/30 reference labels for 31 rows/);
  });
});
