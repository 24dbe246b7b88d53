// Type migration (lib/typology/migration.ts): nearest centroid in a space fitted on the reference year, worked by hand on a
// small example; transitions and Sankey flows; the real 2012/2017 data with their flagged provinces.
import { describe, expect, it } from "vitest";
import { classifyByRules } from "../lib/typology/rules";
import { provinceFlows2017 } from "../lib/data/editions";
import { NATIONAL } from "../lib/paper/groupings";
import type { IndicatorFlag } from "../lib/indicators/flags";
import {
  NOT_CLASSIFIED,
  agreement,
  classifyByCentroids,
  classifyYearByRules,
  displacement,
  fitStandardizer,
  migrationAnalysis,
  nearestCentroid,
  sankeyFlows,
  stageOf,
  standardize,
  transitionCounts,
  typeCentroids,
} from "../lib/typology/migration";
import { PROVINCES, province } from "../lib/paper/provinces";
import { groupSeries, ofYear, provinceSeries, type IndicatorRow } from "../lib/indicators/timeseries";

/** A minimal indicator row for hand-worked examples. */
function row(unit: string, year: number, ftd: number, dtd: number, flags: IndicatorFlag[] = []): IndicatorRow {
  return {
    year,
    unit_zh: unit,
    unit_en: unit,
    members: [unit],
    gdp_source: "value_added",
    gdp: 100,
    total_output: 300,
    export: ftd / 2,
    outflow: dtd / 2,
    import: ftd / 2,
    inflow: dtd / 2,
    gross_outflow: (ftd + dtd) / 2,
    gross_inflow: (ftd + dtd) / 2,
    final_consumption: 50,
    trade_ratio: dtd / ftd,
    ftd,
    dtd,
    outflow_rate: (ftd + dtd) / 2,
    inflow_rate: (ftd + dtd) / 2,
    flags,
  };
}

describe("nearest centroid, worked by hand", () => {
  // reference: A, B of type X at (ftd, dtd) = (10, 100), (20, 100); C, D of type Y at (50, 300), (60, 300)
  // ftd: mean 35, population sd √((25² + 15² + 15² + 25²)/4) = √425; dtd: mean 200, sd 100
  const ref = [row("A", 2017, 10, 100), row("B", 2017, 20, 100), row("C", 2017, 50, 300), row("D", 2017, 60, 300)];
  const typeOf = (u: string) => (u === "A" || u === "B" ? "X" : "Y");
  const s = fitStandardizer(ref, ["ftd", "dtd"]);
  const cents = typeCentroids(ref, typeOf, s, ["X", "Y"]);

  it("fits the reference year's mean and population sd", () => {
    expect(s.mean).toEqual([35, 200]);
    expect(s.sd[0]).toBeCloseTo(Math.sqrt(425), 12);
    expect(s.sd[1]).toBeCloseTo(100, 12);
  });

  it("centroids are the mean z of each type's members", () => {
    expect(cents[0].z[0]).toBeCloseTo(-20 / Math.sqrt(425), 12);
    expect(cents[0].z[1]).toBeCloseTo(-1, 12);
    expect(cents[1].z[0]).toBeCloseTo(20 / Math.sqrt(425), 12);
    expect(cents[0].members).toEqual(["A", "B"]);
  });

  it("a later point (30, 150) is standardized with the reference fit and goes to X; distances and margin as computed by hand", () => {
    const z = standardize(s, [30, 150]);
    expect(z[0]).toBeCloseTo(-5 / Math.sqrt(425), 12);
    expect(z[1]).toBeCloseTo(-0.5, 12);
    const dX = Math.hypot(z[0] + 20 / Math.sqrt(425), z[1] + 1);
    const dY = Math.hypot(z[0] - 20 / Math.sqrt(425), z[1] - 1);
    const n = nearestCentroid(z, cents);
    expect(n.type).toBe("X");
    expect(n.distance).toBeCloseTo(dX, 12);
    expect(n.margin).toBeCloseTo(dY - dX, 12);
    expect(dX).toBeCloseTo(0.8828, 4);
  });

  it("log scaling standardizes ln x, and refuses a value ≤ 0", () => {
    const l = fitStandardizer(ref, ["ftd"], "logz");
    const lnv = [10, 20, 50, 60].map(Math.log);
    expect(l.mean[0]).toBeCloseTo(lnv.reduce((a, b) => a + b) / 4, 12);
    expect(() => standardize(l, [0], "Z 2012")).toThrow(/Z 2012, ftd is 0; log scaling needs a positive value/);
  });

  it("a row whose feature is not comparable is excluded with the reason, never forced into a type", () => {
    const flag: IndicatorFlag = { year: 2012, province_zh: "E", kind: "domestic_flows_zero", affects: ["trade_ratio", "ftd", "dtd"], comparable: false, source: "anomalies.csv", column: "OF+IF", zh: "内贸为0", en: "OF = IF = 0" };
    const [a] = classifyByCentroids([row("E", 2012, 30, 0, [flag])], s, cents);
    expect(a.type).toBeNull();
    expect(a.excluded).toEqual({ zh: "内贸为0", en: "OF = IF = 0" });
  });

  it("refuses a constant feature and too few reference rows", () => {
    expect(() => fitStandardizer([row("A", 2017, 10, 100), row("B", 2017, 10, 200)], ["ftd"])).toThrow(/ftd is constant/);
    expect(() => fitStandardizer([row("A", 2017, 10, 100)], ["ftd"])).toThrow(/at least two/);
  });
});

describe("transitions and Sankey flows", () => {
  const provinces = ["p1", "p2", "p3", "p4"];
  const a = { label: { zh: "2012", en: "2012" }, types: new Map<string, string | null>([["p1", "双循环经济"], ["p2", "外向型经济"], ["p3", null], ["p4", "外向型经济"]]) };
  const b = { label: { zh: "2017", en: "2017" }, types: new Map<string, string | null>([["p1", "双循环经济"], ["p2", "双循环经济"], ["p3", "输入型经济"], ["p4", "外向型经济"]]) };

  it("counts who stayed and who moved; an unclassified province is neither", () => {
    const t = transitionCounts(a, b, provinces);
    expect([t.stayed, t.moved]).toEqual([2, 1]);
    const i = (c: string) => t.categories.indexOf(c);
    expect(t.counts[i("外向型经济")][i("双循环经济")]).toBe(1);
    expect(t.counts[i(NOT_CLASSIFIED.zh)][i("输入型经济")]).toBe(1);
    expect(t.counts.flat().reduce((x, y) => x + y)).toBe(4);
  });

  it("Sankey nodes sum to the provinces in each stage, links too, and a link lists its provinces", () => {
    const { nodes, links } = sankeyFlows([a, b], provinces);
    for (const s of [0, 1]) expect(nodes.filter((n) => n.stage === s).reduce((x, n) => x + n.count, 0)).toBe(4);
    expect(links.reduce((x, l) => x + l.value, 0)).toBe(4);
    const moved = links.find((l) => nodes[l.source].category === "外向型经济" && nodes[l.target].category === "双循环经济")!;
    expect(moved.provinces).toEqual(["p2"]);
    expect(nodes.some((n) => n.category === NOT_CLASSIFIED.zh && n.stage === 0)).toBe(true);
  });

  it("refuses an unknown type and a single stage", () => {
    const bad = { label: { zh: "x", en: "x" }, types: new Map([["p1", "火星经济"]]) };
    expect(() => sankeyFlows([bad, b], ["p1"])).toThrow(/unknown type "火星经济"/);
    expect(() => sankeyFlows([a], provinces)).toThrow(/two stages/);
  });

  it("agreement has no share (null, not NaN) when nothing is comparable", () => {
    expect(agreement([], new Map()).share).toBeNull();
  });
});

describe("the real data, 2012 → 2017", () => {
  const rows = provinceSeries();
  const national = groupSeries(rows, NATIONAL);
  const m = migrationAnalysis(rows, national);

  it("the full space is fitted on 2017 alone, and its 双循环 centroid is the mean z of 北京, 上海, 重庆", () => {
    const r17 = ofYear(rows, 2017);
    const ftd = r17.map((r) => r.ftd!);
    const mu = ftd.reduce((a, b) => a + b) / ftd.length;
    const sd = Math.sqrt(ftd.reduce((a, b) => a + (b - mu) ** 2, 0) / ftd.length);
    const dual = ["北京", "上海", "重庆"].map((p) => (r17.find((r) => r.unit_zh === p)!.ftd! - mu) / sd);
    const c = m.full.centroids.find((x) => x.type === "双循环经济")!;
    expect(m.full.standardizer.features).toEqual(["ftd", "dtd", "outflow_rate", "inflow_rate"]);
    expect(c.z[0]).toBeCloseTo(dual.reduce((a, b) => a + b) / 3, 12);
  });

  it("2012 湖北, 青海, 内蒙古 are excluded where the split is needed and classified in the gross-rate space", () => {
    const excluded = (as: { province_zh: string; type: string | null }[]) => as.filter((a) => a.type === null).map((a) => a.province_zh).sort();
    const flagged = ["内蒙古", "湖北", "青海"].sort();
    expect(excluded(m.full.byYear.get(2012)!)).toEqual(flagged);
    expect(excluded(m.rules.get(2012)!)).toEqual(flagged);
    expect(excluded(m.gross.byYear.get(2012)!)).toEqual([]);
    expect(excluded(m.full.byYear.get(2017)!)).toEqual([]);
  });

  it("2007 is classified only in the gross-rate space, for its 30 provinces", () => {
    expect(m.full.byYear.has(2007)).toBe(false);
    expect(m.rules.has(2007)).toBe(false);
    expect(m.gross.byYear.get(2007)!.length).toBe(30);
  });

  it("classifyYearByRules with the paper's GDP and Table 2's national benchmark equals notebook 1's classifyByRules", () => {
    const yb = provinceSeries({ gdp2017: "yearbook" });
    const nat = { ...groupSeries(yb, NATIONAL).find((r) => r.year === 2017)!, ftd: 37.26, dtd: 178.17, outflow_rate: 104.22, inflow_rate: 111.21 };
    const mine = classifyYearByRules(ofYear(yb, 2017), nat).map((a) => a.type);
    const theirs = classifyByRules(provinceFlows2017("paper")).map((d) => d.type);
    expect(mine).toEqual(theirs);
    // and the rules' documented in-sample agreement with Table 1 (27 of 31, lib/typology/rules.ts)
    expect(mine.filter((t, i) => t === PROVINCES[i].type).length).toBe(27);
  });

  it("displacement is the distance between a province's two standardized positions; null where not comparable", () => {
    const d = new Map(displacement(rows, m.full.standardizer, 2012, 2017).map((x) => [x.province_zh, x.distance]));
    expect(d.get("湖北")).toBeNull();
    const s = m.full.standardizer;
    const pos = (y: number) => {
      const r = rows.find((x) => x.year === y && x.unit_zh === "广东")!;
      return s.features.map((f, j) => ((r[f] as number) - s.mean[j]) / s.sd[j]);
    };
    const [a, b] = [pos(2012), pos(2017)];
    expect(d.get("广东")).toBeCloseTo(Math.hypot(...a.map((v, j) => v - b[j])), 12);
  });

  it("stageOf keeps every province, with null for the excluded", () => {
    const st = stageOf({ zh: "2012", en: "2012" }, m.full.byYear.get(2012)!);
    expect(st.types.size).toBe(31);
    expect(st.types.get("湖北")).toBeNull();
    expect(st.types.get("广东")).toBe(province("广东").type);
  });
});
