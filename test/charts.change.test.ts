// Chart builders of notebook 03 (lib/present/charts/change.ts) and its table helpers (lib/present/changeTables.ts): pure, no browser.
import { describe, expect, it } from "vitest";
import {
  MARK_MISSING,
  MARK_NOT_COMPARABLE,
  MARK_NOTE,
  anomalyTable,
  indicatorTable,
  markedValue,
  quotedTable,
  standardColumns,
} from "../lib/present/changeTables";
import { arrowPlane, dependencePlane, indicatorSlopes, migrationSankey, quotedVsComputed, slopeChart, typeSankey, wrapText } from "../lib/present/charts/change";
import { NATIONAL } from "../lib/paper/groupings";
import { readAnomalies } from "../lib/indicators/flags";
import { NOT_CLASSIFIED, stageOf } from "../lib/typology/migration";
import { compareQuoted, comparisonSeries, readNationalTables } from "../lib/checks/quotedComparison";
import { groupSeries, provinceSeries, rowOf } from "../lib/indicators/timeseries";

const rows = provinceSeries();
const plain = (x: unknown) => JSON.parse(JSON.stringify(x));

describe("slope charts", () => {
  it("one trace per line with hollow markers where flagged, gaps for null, the label at the last point, one legend entry per group", () => {
    const fig = slopeChart(
      {
        title: { zh: "t", en: "t" },
        years: [2012, 2017],
        panels: [
          {
            title: "ftd",
            lines: [
              { label: { zh: "湖北", en: "Hubei" }, group: "A", colour: "#111111", values: [45, 9.6], hollow: [true, false] },
              { label: "X", group: "A", values: [null, 3] },
              { label: "Y", group: "B", values: [1, 2] },
            ],
          },
        ],
      },
      "en",
    );
    const lines = fig.data.filter((t) => (t.x as unknown[])[0] !== null);
    expect(lines).toHaveLength(3);
    expect((lines[0].marker as { symbol: string[] }).symbol).toEqual(["circle-open", "circle"]);
    expect(lines[0].text).toEqual(["", "Hubei"]);
    expect(lines[1].y).toEqual([null, 3]);
    expect(lines.every((t) => t.showlegend === false)).toBe(true);
    const legend = fig.data.filter((t) => (t.x as unknown[])[0] === null).map((t) => t.name);
    expect(legend).toEqual(["A", "B"]);
    expect(plain(fig)).toEqual(fig);
  });

  it("rejects NaN, a wrong number of values and too few years, naming the line", () => {
    const base = { title: "t", years: [2012, 2017], panels: [{ title: "p", lines: [{ label: "云南", values: [1, NaN] }] }] };
    expect(() => slopeChart(base)).toThrow(/slopeChart: line "云南" value 1 \(2017\) is NaN/);
    expect(() => slopeChart({ ...base, panels: [{ title: "p", lines: [{ label: "云南", values: [1] }] }] })).toThrow(/1 values for 2 years/);
    expect(() => slopeChart({ ...base, years: [2017] })).toThrow(/at least two years/);
  });

  it("indicatorSlopes on the data: 2012 湖北's 内贸依存度 is hollow, and a zero on a log axis becomes a gap", () => {
    const fig = indicatorSlopes(rows, { indicators: ["ftd", "dtd"], years: [2012, 2017], logY: true, title: "t" }, "zh");
    const hubei = fig.data.filter((t) => (t.customdata as string[] | undefined)?.[0] === "湖北");
    expect(hubei).toHaveLength(2); // one per panel
    const dtd = hubei.find((t) => t.yaxis === "y2")!;
    expect((dtd.marker as { symbol: string[] }).symbol).toEqual(["circle-open", "circle"]);
    expect(dtd.y).toEqual([null, rowOf(rows, "湖北", 2017)!.dtd]); // 2012 dtd = 0: no point on a log axis
    const guangdong = fig.data.find((t) => (t.customdata as string[] | undefined)?.[0] === "广东")!;
    expect((guangdong.marker as { symbol: string[] }).symbol).toEqual(["circle", "circle"]);
    // lines follow Table 1's order, so the legend does too
    const legend = fig.data.filter((t) => (t.x as unknown[])[0] === null).map((t) => t.name);
    expect(legend).toEqual(["双循环经济", "外向型经济", "自洽型经济", "均衡型经济", "内贸型经济", "沿边型经济", "输入型经济"]);
  });
});

describe("arrows in the dependence plane", () => {
  it("annotations run from the start to the end in log10 coordinates on log axes", () => {
    const fig = arrowPlane(
      { title: "t", items: [{ label: "A", from: { x: 10, y: 100 }, to: { x: 100, y: 1000 } }, { label: "B", from: null, to: { x: 1, y: 10 } }], fromName: "2012", toName: "2017", logX: true, logY: true },
      "zh",
    );
    const arrows = (fig.layout.annotations as Record<string, number>[]).filter((a) => a.showarrow);
    expect(arrows).toHaveLength(1);
    expect([arrows[0].ax, arrows[0].ay, arrows[0].x, arrows[0].y]).toEqual([1, 2, 2, 3]);
    expect(() => arrowPlane({ title: "t", items: [{ label: "Z", from: null, to: { x: 0, y: 1 } }], fromName: "a", toName: "b", logX: true })).toThrow(/Z end x is 0; a log axis needs positive values/);
  });

  it("dependencePlane: 28 arrows, none for 内蒙古, 湖北, 青海, which the footnote names", () => {
    const national = groupSeries(rows, NATIONAL).find((r) => r.year === 2017)!;
    const fig = dependencePlane(rows, 2012, 2017, { title: "t", national }, "zh");
    const ann = fig.layout.annotations as Record<string, unknown>[];
    expect(ann.filter((a) => a.showarrow)).toHaveLength(28);
    const note = String(ann.find((a) => !a.showarrow)!.text);
    for (const p of ["内蒙古", "湖北", "青海"]) expect(note).toContain(p);
    expect((fig.layout.shapes as unknown[]).length).toBe(2); // the national ftd and dtd
  });
});

describe("Sankey diagrams", () => {
  it("nodes in one column per stage, link colours from their source type, hover lists the provinces", () => {
    const a = stageOf({ zh: "2012", en: "2012" }, [
      { province_zh: "北京", year: 2012, type: "双循环经济", distance: 0, runner_up: null, margin: null },
      { province_zh: "湖北", year: 2012, type: null, distance: null, runner_up: null, margin: null },
    ]);
    const b = stageOf({ zh: "2017", en: "2017" }, [
      { province_zh: "北京", year: 2017, type: "双循环经济", distance: 0, runner_up: null, margin: null },
      { province_zh: "湖北", year: 2017, type: "自洽型经济", distance: 0, runner_up: null, margin: null },
    ]);
    const fig = migrationSankey([a, b], ["北京", "湖北"], { title: "t" }, "en");
    const node = fig.data[0].node as { x: number[]; label: string[] };
    expect(node.x.map((x) => Math.round(x))).toEqual([0, 0, 1, 1]);
    expect(node.label).toContain(`${NOT_CLASSIFIED.en} (1)`);
    const link = fig.data[0].link as { value: number[]; customdata: string[] };
    expect(link.value.reduce((s, v) => s + v, 0)).toBe(2);
    expect(link.customdata).toContain("湖北");
    expect(() => typeSankey({ title: "t", stages: ["a", "b"], nodes: [{ stage: 0, category: "双循环经济", count: 1 }], links: [{ source: 0, target: 5, value: 1, provinces: [] }] })).toThrow(/missing node/);
  });
});

describe("quoted vs computed", () => {
  const comparison = compareQuoted(rows, provinceSeries({ gdp2017: "yearbook" }), readNationalTables());
  const series = comparisonSeries(comparison);

  it("quoted points are diamonds on a dotted line, the flagged 2012 provincial sum is hollow, national tables are squares", () => {
    const fig = quotedVsComputed(series.filter((s) => s.name.zh === "全国"), { title: "t" }, "zh");
    const byDash = (d: string) => fig.data.filter((t) => (t.line as { dash?: string } | undefined)?.dash === d && (t.x as unknown[])[0] !== null);
    const quoted = byDash("dot")[0];
    expect(quoted.x).toEqual([2007, 2023]);
    expect(quoted.y).toEqual([60, 33.1]);
    expect((quoted.marker as { symbol: string[] }).symbol).toEqual(["diamond", "diamond"]);
    const solid = byDash("solid");
    const provinces = solid.find((t) => (t.marker as { symbol: string[] }).symbol.some((s) => s.startsWith("circle")))!;
    expect(provinces.x).toEqual([2012, 2017]);
    expect((provinces.marker as { symbol: string[] }).symbol).toEqual(["circle-open", "circle"]);
    const nat = solid.find((t) => (t.marker as { symbol: string[] }).symbol.includes("square"))!;
    expect(nat.x).toEqual([2007, 2012]);
    expect(plain(fig)).toEqual(fig);
  });

  it("a type series takes its type's colour", () => {
    const fig = quotedVsComputed(series.filter((s) => s.type === "外向型经济"), { title: "t" }, "zh");
    expect((fig.data[0].line as { color: string }).color).toBe("#0072B2");
  });
});

describe("tables and footnotes", () => {
  it("marks: † not comparable, ‡ comparable with a note, — missing", () => {
    expect(markedValue(rowOf(rows, "湖北", 2012), "dtd")).toBe("0.0" + MARK_NOT_COMPARABLE);
    expect(markedValue(rowOf(rows, "湖北", 2012), "outflow_rate")).toBe(rowOf(rows, "湖北", 2012)!.outflow_rate.toFixed(1));
    expect(markedValue(rowOf(rows, "重庆", 2017), "dtd")).toBe(rowOf(rows, "重庆", 2017)!.dtd!.toFixed(1) + MARK_NOTE);
    expect(markedValue(rowOf(rows, "内蒙古", 2012), "trade_ratio")).toBe(MARK_NOT_COMPARABLE);
    expect(markedValue(rowOf(rows, "北京", 2007), "ftd")).toBe(MARK_MISSING);
    expect(markedValue(undefined, "ftd")).toBe(MARK_MISSING);
  });

  it("indicator table: one row per unit, notes name the flag and its year", () => {
    const cols = standardColumns(rows, provinceSeries({ gdp2017: "yearbook" }));
    const t = indicatorTable([{ zh: "青海", en: "Qinghai" }], cols.split, "zh");
    expect(t[0].unit).toBe("青海");
    expect(t[0].dtd_2012).toBe("0.0†");
    expect(t[0].notes).toContain("2012 青海");
  });

  it("anomaly table lists every anomaly, the incomparable ones first", () => {
    const anomalies = readAnomalies();
    const t = anomalyTable(anomalies, "en");
    expect(t).toHaveLength(anomalies.length);
    expect(t.slice(0, 3).map((r) => r.province).sort()).toEqual(["Hubei", "Inner Mongolia", "Qinghai"]);
    expect(String(t[0].effect)).toContain("not comparable");
  });

  it("quoted table: every row is labelled quoted", () => {
    const t = quotedTable(compareQuoted(rows, provinceSeries({ gdp2017: "yearbook" }), readNationalTables()), "en");
    expect(new Set(t.map((r) => r.kind))).toEqual(new Set(["quoted"]));
    expect(t.find((r) => r.id === "ftd-national-2007")!.t2007).toBe("63.7ⁿ");
  });

  it("wrapText keeps lines within the width (CJK counted double) and loses no character", () => {
    const s = "菱形：论文引用（海关货物进出口/年鉴GDP，非本库计算）；圆点：省投入产出表合计（出口+进口）/增加值，空心=含划分不可比省份；方块：全国投入产出表。";
    const lines = wrapText(s, 40);
    const width = (l: string) => [...l].reduce((a, ch) => a + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
    expect(lines.every((l) => width(l) <= 40)).toBe(true);
    expect(lines.join("")).toBe(s);
  });
});

describe("CSV rows", () => {
  it("quoted_vs_tables.csv keeps numbers as numbers, kind quoted, and the verbatim sentence", async () => {
    const { quotedCsvRows, QUOTED_CSV_HEADER } = await import("../lib/present/changeTables");
    const comparison = compareQuoted(rows, provinceSeries({ gdp2017: "yearbook" }), readNationalTables());
    const csv = quotedCsvRows(comparison);
    expect(csv.every((r) => r.length === QUOTED_CSV_HEADER.length)).toBe(true);
    const national = csv.find((r) => r[0] === "ftd-national-2023")!;
    const col = (k: (typeof QUOTED_CSV_HEADER)[number]) => national[QUOTED_CSV_HEADER.indexOf(k)];
    expect(col("quoted_value")).toBe(33.1);
    expect(col("kind")).toBe("quoted");
    expect(typeof col("national_table_2007")).toBe("number");
    expect(col("tables_2007")).toBeNull();
  });
});
