import { describe, expect, it } from "vitest";
import { ariNullChart, stillBestChart } from "../lib/present/charts/exhaustive";
import { commonGroundRows, nullRows, provinceSupport, provinceSupportRows, supportStatement, winnerRows } from "../lib/present/exhaustiveSummaries";
import { syntheticProvinces } from "../lib/typology/synthetic";
import { typologySupport } from "../lib/typology/typologySupport";

const { rows, types } = syntheticProvinces(3, 0.02);
const provinces = rows.map((r) => r.province_zh);
const support = typologySupport(rows, types, { seed: 1, pool: ["ftd", "dtd", "inflow_rate"], starts: 30, permutations: 100 });

describe("the exhaustive search as tables and a statement", () => {
  it("winners: best first, with the provinces placed as Table 1", () => {
    const t = winnerRows(support, 5, types, "en");
    expect(t.rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(t.rows[0]).toMatchObject({ ari: 1, agreeing: "31 / 31" });
    expect(t.columns.map((c) => c.key)).toEqual(["rank", "features", "scaling", "method", "ari", "ami", "agreeing"]);
  });

  it("common ground: shares among the best beside shares among all; the methods' and scalings' shares add up to 1", () => {
    const t = commonGroundRows(support, 10, "en");
    const methods = t.rows.filter((r) => r.kind === "method");
    const scalings = t.rows.filter((r) => r.kind === "scaling");
    expect(methods).toHaveLength(3);
    expect(methods.reduce((s, r) => s + (r.share_top as number), 0)).toBeCloseTo(1, 12);
    expect(scalings.reduce((s, r) => s + (r.share_all as number), 0)).toBeCloseTo(1, 12);
    // each of 3 features is in 4 of the 7 subsets
    for (const r of t.rows.filter((r) => r.kind === "feature")) expect(r.share_all).toBeCloseTo(4 / 7, 12);
    for (let i = 1; i < t.rows.length; i++) expect(t.rows[i].lift as number).toBeLessThanOrEqual(t.rows[i - 1].lift as number);
  });

  it("province support: on a planted typology the best configurations place every province as Table 1", () => {
    const ps = provinceSupport(support, 1, provinces, types);
    expect(ps).toHaveLength(31);
    expect(ps.every((p) => p.share === 1)).toBe(true);
    expect(ps[0].type).toBe("双循环经济"); // Table 1's order of types
    expect(provinceSupportRows(ps, "zh").rows[0].reading).toBe("数据支持");
  });

  it("the statement quotes the computed numbers, and its reading follows the p-value", () => {
    const ps = provinceSupport(support, 1, provinces, types);
    const en = supportStatement(support, types, ps, 1, null, "en");
    expect(en).toContain(`reaches an ARI of 1.000 against Table 1, placing 31 of 31 provinces`);
    expect(en).toContain(`p = ${support.best.summary.pValue.toFixed(4)}: none of 100 relabellings reached it`);
    expect(en).toContain("beyond what picking the best of many configurations delivers by chance");
    expect(en).toContain("31 provinces are placed as in Table 1 by at least 90 %");
    const weak = { ...support, best: { ...support.best, summary: { ...support.best.summary, pValue: 0.3, atLeastObserved: 29 } } };
    expect(supportStatement(weak, types, ps, 1, null, "en")).toContain("no more than picking the best of many configurations does by chance");
    expect(supportStatement(weak, types, ps, 1, null, "zh")).toContain("并不超出");
    const nr = nullRows(support, "en");
    expect(nr.rows).toHaveLength(2);
    expect(nr.rows[0].observed).toBe(1);
  });
});

describe("charts of the exhaustive search", () => {
  it("ariNullChart: one percent histogram per series, a dashed line per observed value; NaN refused", () => {
    const fig = ariNullChart({ title: "t", series: [{ name: "a", values: [0.1, 0.2], colour: "#000" }, { name: "b", values: [0.3], colour: "#111" }], observed: [{ name: "o", value: 0.4, colour: "#f00" }] }, "en");
    expect(fig.data.map((t) => [t.type, t.histnorm])).toEqual([["histogram", "percent"], ["histogram", "percent"]]);
    expect(fig.data[0].name).toBe("a (n = 2)");
    expect((fig.layout.shapes as unknown[]).length).toBe(1);
    expect(() => ariNullChart({ title: "t", series: [{ name: "a", values: [NaN], colour: "#000" }], observed: [] })).toThrow(/series "a"\[0\] is NaN/);
  });

  it("stillBestChart: bars of each run's best, markers of the unperturbed winner; lengths must match", () => {
    const fig = stillBestChart({ title: "t", runBest: [0.5, 0.6], baseTop: [0.5, 0.4], unperturbed: 0.5 }, "en");
    expect(fig.data.map((t) => t.type)).toEqual(["bar", "scatter"]);
    expect(fig.data[0].x).toEqual(["run 1", "run 2"]);
    expect(() => stillBestChart({ title: "t", runBest: [0.5], baseTop: [], unperturbed: 0.5 })).toThrow(/0 winner ARIs for 1 runs/);
  });
});
