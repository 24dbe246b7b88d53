import { describe, expect, it } from "vitest";
import { perturbationStability } from "../lib/typology/stability";
import { adjustedRandIndex } from "../lib/cluster/agreement";
import { syntheticProvinces } from "../lib/typology/synthetic";
import { ProvinceFlows } from "../lib/data/provinceFlows";

const RATIOS = ["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"];

/** Province with GDP 100, foreign trade `ftd` and domestic trade 100 (both % of GDP). */
function row(province_zh: string, ftd: number): ProvinceFlows {
  return { province_zh, total_output: 300, gdp: 100, export: ftd / 2, import: ftd / 2, outflow: 50, inflow: 50 };
}

describe("perturbation stability", () => {
  it("is perfectly stable, and the consensus is the planted typology, on well-separated data", () => {
    const { rows, types } = syntheticProvinces(3, 0.02);
    const st = perturbationStability(rows, { features: RATIOS, scaling: "logz", k: 7, seed: 1, runs: 50, restarts: 5, amplitude: 0.01 });
    expect(adjustedRandIndex(types, st.consensus.labels)).toBe(1);
    expect(adjustedRandIndex(types, st.baseLabels)).toBe(1);
    for (const s of st.stability) expect(s).toBe(1);
    const expected = types.map((a) => types.map((b) => (a === b ? 1 : 0)));
    expect(st.coassignment).toEqual(expected);
  });

  it("singles out a province sitting between two groups", () => {
    // ftd (log scale): group A at 10 %, group B at 100 %, 中间 at √(10·100) ≈ 31.6 %: ±20 % flows move it
    // to either side; everything else stays put. k = 2, features ftd and trade ratio.
    const rows = [
      row("甲1", 10), row("甲2", 10.5), row("甲3", 9.5), row("甲4", 10.2),
      row("乙1", 100), row("乙2", 105), row("乙3", 95), row("乙4", 102),
      row("中间", Math.sqrt(10 * 100)),
    ];
    const st = perturbationStability(rows, { features: ["ftd", "trade_ratio"], scaling: "logz", k: 2, seed: 4, runs: 400, restarts: 3, amplitude: 0.2 });
    const mid = st.provinces.indexOf("中间");
    expect(st.stability[mid]).toBeLessThan(0.9);
    st.stability.forEach((s, i) => {
      if (i !== mid) expect(s).toBeGreaterThan(st.stability[mid]);
    });
    // the two groups are never mixed
    expect(st.coassignment[0][4]).toBe(0);
    // and 中间 went both ways
    expect(st.coassignment[mid][0]).toBeGreaterThan(0);
    expect(st.coassignment[mid][4]).toBeGreaterThan(0);
  });

  it("returns a symmetric co-assignment matrix of run fractions with unit diagonal", () => {
    const { rows } = syntheticProvinces(8, 0.3);
    const runs = 40;
    const progress: number[] = [];
    const st = perturbationStability(rows, { features: RATIOS, scaling: "z", k: 5, seed: 2, runs, onProgress: (d) => progress.push(d) });
    expect(progress).toEqual(Array.from({ length: runs }, (_, i) => i + 1));
    const M = st.coassignment;
    const bad: string[] = [];
    M.forEach((r, i) => {
      if (r[i] !== 1) bad.push(`diagonal ${i}`);
      r.forEach((m, j) => {
        if (m !== M[j][i]) bad.push(`asymmetric (${i}, ${j})`);
        if (Math.abs(m * runs - Math.round(m * runs)) > 1e-9) bad.push(`(${i}, ${j}) = ${m} is not a multiple of 1/${runs}`);
      });
    });
    expect(bad).toEqual([]);
    for (const s of st.stability) expect(s >= 0 && s <= 1).toBe(true);
  });

  it("is reproducible from its seed", () => {
    const { rows } = syntheticProvinces(8, 0.3);
    const opts = { features: RATIOS, scaling: "z" as const, k: 5, seed: 2, runs: 30 };
    const a = perturbationStability(rows, opts);
    const b = perturbationStability(rows, opts);
    expect(b.coassignment).toEqual(a.coassignment);
    expect(b.consensus.labels).toEqual(a.consensus.labels);
  });

  it("rejects bad options with a clear message", () => {
    const { rows } = syntheticProvinces(8);
    expect(() => perturbationStability(rows, { features: ["ftd", "nope"], scaling: "z", k: 3, seed: 1 })).toThrow(/unknown feature "nope"/);
    expect(() => perturbationStability(rows, { features: RATIOS, scaling: "z", k: 1, seed: 1 })).toThrow(/k must be an integer in 2\.\.30/);
    expect(() => perturbationStability(rows, { features: RATIOS, scaling: "z", k: 3, seed: 1, amplitude: 1.5 })).toThrow(/amplitude/);
  });
});
