// The paper's quoted figures of section 三 (lib/paper/quoted.ts) and their comparison with the tables (lib/checks/quotedComparison.ts).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { NATIONAL, TYPE_GROUPS } from "../lib/paper/groupings";
import { dataPath, repoRoot } from "../lib/core/paths";
import { NEW_NORMAL_PROVINCES, QUOTED_FIGURES, quoted, yearsLabel } from "../lib/paper/quoted";
import { NEW_NORMAL_GROUP, THREE_TYPES, compareQuoted, comparisonSeries, consumptionShare, nationalTableFtd, readNationalTables } from "../lib/checks/quotedComparison";
import { provinceSeries } from "../lib/indicators/timeseries";
import { paperText } from "./helpers/paperText";

const squash = (s: string) => s.replace(/\s+/g, "");

describe("quoted figures: verbatim from section 三", () => {
  const text = squash(paperText());
  const start = text.indexOf("三、新发展格局下中国各地区经济形势变化的具体表现");
  const end = text.indexOf("四、中国各地区融入新发展格局的对策建议");
  const section = text.slice(start, end);

  it("finds section 三 in the paper", () => {
    expect(start).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(start);
  });

  it.each(QUOTED_FIGURES.map((q) => [q.id, q] as const))("%s: its sentence occurs verbatim in section 三 and holds the printed number", (_id, q) => {
    expect(section.includes(squash(q.sentence_zh)), q.sentence_zh).toBe(true);
    expect(q.sentence_zh.includes(q.printed)).toBe(true);
    // the value is the printed number (signed: a fall is negative)
    const printedNumber = Number(q.printed.match(/\d+(\.\d+)?/)![0]);
    expect(Math.abs(q.value)).toBe(printedNumber);
    expect(q.kind).toBe("quoted");
  });

  it("ids are unique, years lie in 2007–2023, a period's years are in order", () => {
    expect(new Set(QUOTED_FIGURES.map((q) => q.id)).size).toBe(QUOTED_FIGURES.length);
    for (const q of QUOTED_FIGURES) {
      for (const y of q.years) expect(y >= 2007 && y <= 2023, q.id).toBe(true);
      expect([...q.years].sort((a, b) => a - b)).toEqual(q.years);
    }
    expect(yearsLabel(quoted("land-national-2016-2022"))).toBe("2016—2022");
    expect(() => quoted("nope")).toThrow(/unknown quoted figure/);
  });

  it("every figure of the section's key sentences is there: ftd 60 → 33.1, 143.2 → 70.8, 107.4 → 49.4; e-commerce 15.5 → 31.3", () => {
    const v = (id: string) => quoted(id).value;
    expect([v("ftd-national-2007"), v("ftd-national-2023"), v("ftd-dual-2007"), v("ftd-dual-2023"), v("ftd-export-2007"), v("ftd-export-2023")]).toEqual([60, 33.1, 143.2, 70.8, 107.4, 49.4]);
    expect([v("ecommerce-rate-2016"), v("ecommerce-rate-2022")]).toEqual([15.5, 31.3]);
    // the retail shares add up as printed: 33.2 + 22.4 + 10 = 65.6
    expect(v("retail-share-export-2022") + v("retail-share-self-2022") + v("retail-share-dual-2022")).toBeCloseTo(v("retail-share-three-2022"), 9);
    // the 16 provinces of the "new normal" sentence are the ones it names
    const s = quoted("retail-share-16-2007").sentence_zh;
    expect(NEW_NORMAL_PROVINCES).toHaveLength(16);
    for (const p of NEW_NORMAL_PROVINCES) expect(s.includes(p), p).toBe(true);
  });
});

describe("quoted beside computed", () => {
  const rows = provinceSeries();
  const rowsYb = provinceSeries({ gdp2017: "yearbook" });
  const national = readNationalTables();
  const comparison = compareQuoted(rows, rowsYb, national);
  const c = (id: string) => comparison.find((x) => x.quoted.id === id)!;

  it("the national tables' 外贸依存度, recomputed from national_flows.csv by hand: 2007 ≈ 63.7 %, 2012 ≈ 48.2 %", () => {
    const [head, ...lines] = readFileSync(dataPath("derived", "national_flows.csv"), "utf8").trim().split("\n");
    const h = head.split(",");
    const recs = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [h[i], v]))).filter((r) => r.basis === "printed_total");
    for (const r of recs) {
      const t = national.find((x) => x.year === Number(r.year))!;
      expect(nationalTableFtd(t)).toBeCloseTo(((Number(r.export) + Number(r.import)) / Number(r.value_added)) * 100, 9);
    }
    expect(c("ftd-national-2007").national_table![2007]!.toFixed(1)).toBe("63.7");
    expect(c("ftd-national-2007").national_table![2012]!.toFixed(1)).toBe("48.2");
  });

  it("2017 with the paper's GDP gives Table 2's printed 37.26, 93.76 and 59.89 beside the quoted series", () => {
    expect(c("ftd-national-2023").yearbook_2017!.toFixed(2)).toBe("37.26");
    expect(c("ftd-dual-2023").yearbook_2017!.toFixed(2)).toBe("93.76");
    expect(c("ftd-export-2023").yearbook_2017!.toFixed(2)).toBe("59.89");
  });

  it("the tables cannot give a provincial or type 外贸依存度 for 2007 (no split), and say so with null", () => {
    for (const id of ["ftd-national-2007", "ftd-dual-2007", "ftd-export-2007"]) expect(c(id).tables[2007]).toBeNull();
    // the 2012 provincial sum carries the misrecorded provinces
    expect(c("ftd-national-2007").flags.sort()).toEqual(["2012 内蒙古", "2012 湖北", "2012 青海"].sort());
  });

  it("final-consumption shares: the seven types add up to 100 % in every year; the 16 provinces' share is their TC over the total", () => {
    for (const y of [2007, 2012, 2017]) {
      const sum = TYPE_GROUPS.reduce((s, g) => s + consumptionShare(rows, g, y), 0);
      expect(sum).toBeCloseTo(100, 9);
      expect(consumptionShare(rows, NATIONAL, y)).toBeCloseTo(100, 12);
    }
    const tc = (y: number, ps: readonly string[]) => rows.filter((r) => r.year === y && ps.includes(r.unit_zh)).reduce((s, r) => s + r.final_consumption, 0);
    const all = rows.filter((r) => r.year === 2012).map((r) => r.unit_zh);
    expect(consumptionShare(rows, NEW_NORMAL_GROUP, 2012)).toBeCloseTo((100 * tc(2012, NEW_NORMAL_PROVINCES)) / tc(2012, all), 9);
    expect(THREE_TYPES.members).toHaveLength(13);
  });

  it("figures with no table counterpart (online retail, land, investment, growth) keep null everywhere", () => {
    for (const id of ["ecommerce-rate-2022", "land-national-2016-2022", "fai-growth-2023", "gdp-growth-2023"]) {
      const x = c(id);
      expect(x.measure).toBeNull();
      expect(Object.values(x.tables)).toEqual([null, null, null]);
    }
  });

  it("chart series: every quoted level with a counterpart appears once as a quoted point, and computed points are labelled computed", () => {
    const series = comparisonSeries(comparison);
    const quotedPoints = series.flatMap((s) => s.points.filter((p) => p.kind === "quoted"));
    const expected = comparison.filter((x) => x.measure && x.quoted.unit === "%");
    expect(quotedPoints).toHaveLength(expected.length);
    for (const s of series) for (const p of s.points) expect(p.kind === "quoted" ? p.method === "quoted" : p.method !== "quoted").toBe(true);
    const dual = series.find((s) => s.name.zh === "双循环经济地区")!;
    expect(dual.type).toBe("双循环经济");
    expect(dual.points.map((p) => `${p.year}:${p.kind}`).sort()).toEqual(["2007:quoted", "2012:computed", "2017:computed", "2023:quoted"]);
  });
});
