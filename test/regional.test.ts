import { describe, expect, it } from "vitest";
import { basinComparisonChart, basinFigures, basinProvincesChart, groupColours, groupingMap, groupingView, ratiosChart, REST_COLOUR, sharesChart } from "../lib/present/charts/regional";
import { categoryMap, TYPE_COLOURS } from "../lib/present/charts/choropleth";
import { aggregate, provinceIndicators } from "../lib/indicators/aggregate";
import { provinceFlows2017 } from "../lib/data/editions";
import { NATIONAL, YANGTZE, YELLOW_RIVER } from "../lib/paper/groupings";
import { FLOW_COLUMNS } from "../lib/paper/columns";
import { PROVINCES, province } from "../lib/paper/provinces";
import { PAPER_GROUPINGS, REST_LABEL, customGrouping, describeOverlaps, groupingOf, groupingTable, overlaps, provinceCategories, uncovered } from "../lib/indicators/regional";

const data = provinceFlows2017("paper");
const JJJ = [
  { zh: "京津冀", en: "Beijing-Tianjin-Hebei", members: ["北京", "天津", "河北"] },
  { zh: "成渝", en: "Chengdu-Chongqing", members: ["四川", "重庆"] },
];

describe("groupings for section 二 (lib/indicators/regional.ts)", () => {
  it("the four regions and the three locations each cover the 31 provinces once", () => {
    for (const g of [PAPER_GROUPINGS.regions, PAPER_GROUPINGS.locations, PAPER_GROUPINGS.types]) {
      expect(overlaps(g)).toEqual([]);
      expect(uncovered(g)).toEqual([]);
    }
  });

  it("the basins share 四川 and leave 12 provinces out (9 + 11 − 1 = 19 in a basin)", () => {
    expect(overlaps(PAPER_GROUPINGS.basins)).toEqual([{ province_zh: "四川", groups: ["黄河流域", "长江经济带"] }]);
    expect(uncovered(PAPER_GROUPINGS.basins)).toHaveLength(12);
    expect(describeOverlaps(PAPER_GROUPINGS.basins)).toContain("四川（黄河流域、长江经济带）");
    expect(describeOverlaps(PAPER_GROUPINGS.regions)).toBe("");
  });

  it("a custom grouping: its table, the rest of the country as 其他省份, flows adding up to the national total", () => {
    const g = customGrouping(JJJ);
    const rows = groupingTable(data, g);
    expect(rows.map((r) => r.group_zh)).toEqual(["全国", "京津冀", "成渝", REST_LABEL.zh]);
    // GDP of 北京, 天津, 河北 as the paper's tables imply (recovered, yearbook, recovered): 28014.94 + 18549.19 + 34016.32
    expect(rows[1].gdp).toBeCloseTo(80580.45, 6);
    for (const c of FLOW_COLUMNS) expect(rows.slice(1).reduce((s, r) => s + r[c], 0)).toBeCloseTo(rows[0][c], 6);
    expect(rows.slice(1).reduce((s, r) => s + r.share_export, 0)).toBeCloseTo(100, 9);
  });

  it("rejects unknown provinces, repeated members and reserved or repeated names, naming them", () => {
    expect(() => customGrouping([{ zh: "京津", en: "x", members: ["北京", "天律"] }])).toThrow(/天律/);
    expect(() => customGrouping([{ zh: "A", en: "a", members: ["北京", "北京"] }])).toThrow(/listed twice/);
    expect(() => customGrouping([JJJ[0], JJJ[0]])).toThrow(/two groups are named "京津冀"/);
    expect(() => customGrouping([{ zh: "其他省份", en: "x", members: ["北京"] }])).toThrow(/reserved/);
    expect(() => groupingOf("custom", [])).toThrow(/no groups/);
    expect(() => groupingOf("nonsense" as never)).toThrow(/unknown grouping/);
  });

  it("map categories: each province once; a province in two groups gets a combined category", () => {
    const { assignment, categories } = provinceCategories(PAPER_GROUPINGS.basins);
    expect(Object.keys(assignment)).toHaveLength(31);
    expect(assignment["四川"]).toBe("黄河流域、长江经济带");
    expect(assignment["北京"]).toBe(REST_LABEL.zh);
    expect(categories.map((c) => c.zh)).toEqual(["黄河流域", "长江经济带", "黄河流域、长江经济带", REST_LABEL.zh]);
    expect(categories[2].en).toBe("Yellow River basin & Yangtze River Economic Belt");
  });
});

type Json = Record<string, unknown>;

describe("regional charts (lib/present/charts/regional.ts)", () => {
  it("shares: stacked for disjoint groups (each flow's shares add up to 100), side by side otherwise", () => {
    const rows = groupingTable(data, PAPER_GROUPINGS.regions).slice(1);
    const fig = sharesChart(rows, { stack: true, lang: "zh" });
    expect(fig.layout.barmode).toBe("stack");
    expect(fig.data.map((t) => t.name)).toEqual(["东部地区", "中部地区", "西部地区", "东北地区"]);
    for (let k = 0; k < 5; k++) expect(fig.data.reduce((s, t) => s + (t.y as number[])[k], 0)).toBeCloseTo(100, 9);
    // the paper's Table 3: the east's GDP share 52.9 %, exports 81.9 %
    expect((fig.data[0].y as number[])[0].toFixed(1)).toBe("52.9");
    expect((fig.data[0].y as number[])[1].toFixed(1)).toBe("81.9");
    expect(sharesChart(rows, { stack: false }).layout.barmode).toBe("group");
  });

  it("a group keeps its colour: types their map colours, 其他省份 its sand, others the palette", () => {
    const c = groupColours(["双循环经济", "京津冀", REST_LABEL.zh, "成渝"]);
    expect(c["双循环经济"]).toBe(TYPE_COLOURS["双循环经济"]);
    expect(c[REST_LABEL.zh]).toBe(REST_COLOUR);
    expect(c["京津冀"]).not.toBe(c["成渝"]);
  });

  it("ratios: one trace per ratio, one category per row, national first", () => {
    const fig = ratiosChart(groupingTable(data, PAPER_GROUPINGS.locations), { lang: "en" });
    expect(fig.data).toHaveLength(4);
    expect(fig.data[0].x).toEqual(["China (31 provinces)", "Coastal", "Inland", "Border"]);
    // Table 4: 沿海地区 外贸依存度 53.56
    expect((fig.data[0].y as number[])[1].toFixed(2)).toBe("53.56");
  });

  it("basin provinces: each panel sorted ascending (largest on top), bars in their type's colour, reference lines at the basin and national values", () => {
    const [national, yellow] = aggregate(data, [NATIONAL, { kind: "group", ...YELLOW_RIVER }]);
    const provinces = provinceIndicators(data).filter((p) => YELLOW_RIVER.members.includes(p.province_zh));
    const fig = basinProvincesChart(provinces, yellow, national, { lang: "zh" });
    const order = (fig.layout.yaxis as { categoryarray: string[] }).categoryarray;
    expect(order[order.length - 1]).toBe("山东"); // Table 5: 山东 has the basin's highest 外贸依存度, 26.3
    expect((fig.layout.yaxis2 as { categoryarray: string[] }).categoryarray.slice(-1)).toEqual(["陕西"]); // and 陕西 the highest 内贸依存度, 298.0
    const bars = fig.data.filter((t) => t.xaxis === "x");
    expect(bars.flatMap((t) => t.y as string[]).sort()).toEqual([...YELLOW_RIVER.members].sort());
    for (const t of bars) for (const name of t.y as string[]) expect((t.marker as Json).color).toBe(TYPE_COLOURS[province(name).type]);
    const shapes = fig.layout.shapes as { x0: number; xref: string }[];
    expect(shapes.filter((s) => s.xref === "x").map((s) => s.x0)).toEqual([yellow.ftd, national.ftd]);
  });

  it("the basins side by side, with the multiples the paper's text quotes (2.7, 2.3, 3.8, 4 times)", () => {
    const { comparison } = basinFigures(data, "zh");
    expect((comparison.layout.annotations as { text: string }[]).map((a) => a.text)).toEqual(["×2.7", "×2.3", "×3.8", "×4.0"]);
    expect(comparison.data).toHaveLength(5);
    const [national, yellow, yangtze] = aggregate(data, [NATIONAL, { kind: "group", ...YELLOW_RIVER }, { kind: "group", ...YANGTZE }]);
    expect(() => basinComparisonChart({ ...yellow, export: NaN }, yangtze, national)).toThrow(/黄河流域/);
  });

  it("grouping map: one trace per category and no data, every province exactly once", () => {
    const fig = groupingMap(customGrouping(JJJ), { lang: "zh" });
    const traces = fig.data as { name: string; locations: number[] }[];
    expect(traces.map((t) => t.name)).toEqual(["京津冀 / Beijing-Tianjin-Hebei", "成渝 / Chengdu-Chongqing", "其他省份 / Other provinces", "无数据 / no data"]);
    const all = traces.slice(0, 3).flatMap((t) => t.locations).sort((a, b) => a - b);
    expect(all).toEqual(PROVINCES.map((p) => p.adcode).sort((a, b) => a - b));
    expect(traces[3].locations).toEqual([710000, 810000, 820000]);
  });

  it("categoryMap: an assignment to an unknown category, or two categories with one name, is an error", () => {
    const cats = [{ zh: "甲", en: "A", colour: "#000" }];
    expect(() => categoryMap({ 北京: "乙" }, cats, { title: "t" })).toThrow(/北京 is in "乙"/);
    expect(() => categoryMap({}, [...cats, ...cats], { title: "t" })).toThrow(/share a name/);
    expect(() => categoryMap({ 火星: "甲" }, cats, { title: "t" })).toThrow(/火星/);
  });

  it("groupingView: table, stacked shares when disjoint, grouped when overlapping", () => {
    expect(groupingView(data, PAPER_GROUPINGS.regions).shares.layout.barmode).toBe("stack");
    const basins = groupingView(data, PAPER_GROUPINGS.basins, "en");
    expect(basins.shares.layout.barmode).toBe("group");
    expect(basins.rows.map((r) => r.group_zh)).toEqual(["全国", "黄河流域", "长江经济带", REST_LABEL.zh]);
    expect(basins.overlaps).toHaveLength(1);
  });
});
