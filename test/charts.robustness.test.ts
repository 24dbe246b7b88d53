// Chart builders of the robustness notebook (lib/present/charts/robustness.ts): pure JSON, checked cell by cell.
import { describe, expect, it } from "vitest";
import {
  coassignmentHeatmap,
  editionScores,
  orderByType,
  provincesByType,
  runAriHistogram,
  sensitivityHeatmaps,
  stabilityBars,
  typeGrid,
  typeLabel,
  type SweepCell,
} from "../lib/present/charts/robustness";
import { TYPE_COLOURS } from "../lib/present/charts/choropleth";
import { PROVINCES, type TypeZh } from "../lib/paper/provinces";

const ALL = PROVINCES.map((p) => p.zh);

describe("co-assignment heatmap", () => {
  // M[i][j] = 1 for the same Table 1 type, else 0.1 · (i + j) / 60 — an asymmetric-looking but checkable pattern
  const types = PROVINCES.map((p) => p.type);
  const M = ALL.map((_, i) => ALL.map((_, j) => (i === j || types[i] === types[j] ? 1 : (0.1 * (i + j)) / 60)));

  it("orders rows and columns by Table 1's types and outlines each type's block", () => {
    const fig = coassignmentHeatmap({ provinces: ALL, coassignment: M }, "zh");
    const t = fig.data[0];
    // 双循环经济 first: 北京, 上海, 重庆 (adcode order), then 外向型经济 starting with 天津
    expect((t.x as string[]).slice(0, 4)).toEqual(["北京", "上海", "重庆", "天津"]);
    expect(t.y).toEqual(t.x);
    const z = t.z as number[][];
    const at = (a: string, b: string) => z[(t.y as string[]).indexOf(a)][(t.x as string[]).indexOf(b)];
    expect(at("北京", "重庆")).toBe(1);
    expect(at("天津", "上海")).toBe(M[ALL.indexOf("天津")][ALL.indexOf("上海")]);
    const shapes = fig.layout.shapes as { x0: number; x1: number }[];
    expect(shapes).toHaveLength(7);
    expect([shapes[0].x0, shapes[0].x1]).toEqual([-0.5, 2.5]); // three 双循环 provinces
    expect([shapes[6].x0, shapes[6].x1]).toEqual([27.5, 30.5]); // three 输入型 provinces last
    const notes = (fig.layout.annotations as { text: string }[]).map((a) => a.text);
    expect(notes).toEqual(["双循环经济", "外向型经济", "自洽型经济", "均衡型经济", "内贸型经济", "沿边型经济", "输入型经济"]);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig);
  });

  it("speaks English and rejects values outside [0, 1] or a ragged matrix", () => {
    const fig = coassignmentHeatmap({ provinces: ALL, coassignment: M }, "en");
    expect((fig.data[0].x as string[])[0]).toBe("Beijing");
    expect((fig.layout.annotations as { text: string }[])[0].text).toBe("Dual-circulation");
    const bad = M.map((r) => [...r]);
    bad[3][4] = 1.2;
    expect(() => coassignmentHeatmap({ provinces: ALL, coassignment: bad })).toThrow(/M\[3\]\[4\] = 1.2 is outside \[0, 1\]/);
    bad[3][4] = NaN;
    expect(() => coassignmentHeatmap({ provinces: ALL, coassignment: bad })).toThrow(/row 3 \(山西\)\[4\] \(内蒙古\) is NaN/);
    expect(() => coassignmentHeatmap({ provinces: ALL, coassignment: M.slice(1) })).toThrow(/30 rows for 31 provinces/);
  });

  it("orderByType keeps the given order within a type and rejects an unknown type", () => {
    const { order, blocks } = orderByType(["输入型经济", "双循环经济", "输入型经济"] as TypeZh[]);
    expect(order).toEqual([1, 0, 2]);
    expect(blocks).toEqual([
      { type: "双循环经济", start: 0, end: 0 },
      { type: "输入型经济", start: 1, end: 2 },
    ]);
    expect(() => orderByType(["混合型经济" as TypeZh])).toThrow(/"混合型经济" is not one of Table 1's types/);
    expect(provincesByType().slice(0, 3)).toEqual(["北京", "上海", "重庆"]);
  });
});

describe("stability bars", () => {
  it("least stable at the top, one trace per type in Table 1's colours, threshold line", () => {
    const provinces = ["北京", "上海", "甘肃", "福建"];
    const fig = stabilityBars({ provinces, stability: [0.99, 0.95, 0.5, 0.45], threshold: 0.75 }, "zh");
    expect((fig.layout.yaxis as { categoryarray: string[] }).categoryarray).toEqual(["福建", "甘肃", "上海", "北京"]);
    expect(fig.data.map((t) => [t.name, t.y, t.x])).toEqual([
      ["双循环经济", ["上海", "北京"], [0.95, 0.99]],
      ["外向型经济", ["福建"], [0.45]],
      ["输入型经济", ["甘肃"], [0.5]],
    ]);
    expect((fig.data[0].marker as { color: string }).color).toBe(TYPE_COLOURS["双循环经济"]);
    expect((fig.layout.shapes as { x0: number }[])[0].x0).toBe(0.75);
    expect(() => stabilityBars({ provinces, stability: [1, 1, 1] })).toThrow(/3 scores for 4 provinces/);
    expect(() => stabilityBars({ provinces, stability: [1, 1, 1, 1], threshold: 2 })).toThrow(/threshold 2/);
  });
});

describe("sensitivity heatmaps", () => {
  const fsA = { id: "a", zh: "甲组", en: "set A" };
  const fsB = { id: "b", zh: "乙组", en: "set B" };
  const cells: SweepCell[] = [];
  for (const featureSet of [fsA, fsB])
    for (const method of ["kmeans", "ward"])
      for (const k of [2, 3]) cells.push({ featureSet, scaling: "z", method, k, ari: k / 10 + (method === "ward" ? 0.5 : 0), ami: 0.1, silhouette: 0.2 });

  it("one panel per method, rows feature set · scaling, columns k, one colour range, base outlined", () => {
    const fig = sensitivityHeatmaps({ cells, base: { featureSetId: "b", scaling: "z", method: "ward", k: 3 }, methodLabels: { kmeans: { zh: "K 均值", en: "k-means" }, ward: { zh: "Ward", en: "Ward" } } }, "en");
    expect(fig.data).toHaveLength(2);
    expect(fig.data[0]).toMatchObject({ xaxis: "x", yaxis: "y", x: [2, 3], y: ["set A · z", "set B · z"], z: [[0.2, 0.3], [0.2, 0.3]], zmin: 0, zmax: 0.8, showscale: true });
    expect(fig.data[1]).toMatchObject({ xaxis: "x2", yaxis: "y2", z: [[0.7, 0.8], [0.7, 0.8]], showscale: false });
    expect(fig.layout.shapes).toEqual([expect.objectContaining({ xref: "x2", yref: "y2", x0: 2.5, x1: 3.5, y0: 0.5, y1: 1.5 })]);
    expect((fig.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(["<b>k-means</b>", "<b>Ward</b>"]);
  });

  it("rejects a missing cell, a NaN and a base outside the sweep", () => {
    expect(() => sensitivityHeatmaps({ cells: cells.slice(1) })).toThrow(/no cell for a, z, kmeans, k = 2/);
    expect(() => sensitivityHeatmaps({ cells: [{ ...cells[0], ari: NaN }, ...cells.slice(1)] })).toThrow(/ari\[0\] is NaN/);
    expect(() => sensitivityHeatmaps({ cells, base: { featureSetId: "c", scaling: "z", method: "ward", k: 3 } })).toThrow(/not in the sweep/);
  });
});

describe("type grid, edition scores, histograms", () => {
  it("typeGrid: type index per cell on a stepped scale, labels as text, null as a dash", () => {
    const fig = typeGrid({ provinces: ["北京", "福建"], columns: [{ name: "表1", types: ["双循环经济", "外向型经济"] }, { name: "x", types: ["双循环经济", null] }] }, "zh");
    const t = fig.data[0];
    expect(t.z).toEqual([[0, 0], [1, null]]);
    expect(t.text).toEqual([["双循环经济", "双循环经济"], ["外向型经济", "—"]]);
    expect(t.zmin).toBe(-0.5);
    expect(t.zmax).toBe(6.5);
    // type 1 (外向型) occupies the band [1/7, 2/7] of the scale, in its colour
    expect((t.colorscale as [number, string][]).slice(2, 4)).toEqual([[1 / 7, TYPE_COLOURS["外向型经济"]], [2 / 7, TYPE_COLOURS["外向型经济"]]]);
    expect(() => typeGrid({ provinces: ["北京"], columns: [{ name: "x", types: [] }] })).toThrow(/has 0 types for 1 provinces/);
    expect(typeLabel("输入型经济", "en")).toBe("Import (inflow-dependent)");
    expect(() => typeGrid({ provinces: ["北京"], columns: [{ name: "x", types: ["混合型"] }] })).toThrow(/"混合型" is not one of Table 1's types/);
  });

  it("typeGrid byTable1Type: rows in Table 1's order of types, each column reordered with them", () => {
    // 甘肃 (输入型), 北京 (双循环), 福建 (外向型) → 北京, 福建, 甘肃
    const fig = typeGrid({ provinces: ["甘肃", "北京", "福建"], byTable1Type: true, columns: [{ name: "c", types: ["输入型经济", "双循环经济", null] }] }, "en");
    expect(fig.data[0].y).toEqual(["Beijing", "Fujian", "Gansu"]);
    expect(fig.data[0].z).toEqual([[0], [null], [6]]);
  });

  it("editionScores: three series per edition; runAriHistogram: one overlaid histogram per series", () => {
    const fig = editionScores({ editions: [{ name: { zh: "论文", en: "paper" }, ari: 0.37, ami: 0.5, ariVsFirst: 1 }, { name: "b", ari: -0.1, ami: 0.4, ariVsFirst: 0.7 }] }, "en");
    expect(fig.data.map((t) => t.y)).toEqual([[0.37, -0.1], [0.5, 0.4], [1, 0.7]]);
    expect(fig.data[0].x).toEqual(["paper", "b"]);
    expect((fig.layout.yaxis as { range: number[] }).range).toEqual([-0.1, 1.1]);
    const h = runAriHistogram({ series: [{ name: "a", values: [0.5, 1] }, { name: "b", values: [0.2] }] });
    expect(h.data.map((t) => [t.type, t.x])).toEqual([["histogram", [0.5, 1]], ["histogram", [0.2]]]);
    expect(() => runAriHistogram({ series: [{ name: "a", values: [] }] })).toThrow(/series "a" is empty/);
  });
});
