// Indicators by year (lib/indicators/timeseries.ts) and their data-quality flags (lib/indicators/flags.ts).
// Expected values are recomputed here from the derived CSVs with plain string splitting (no lib code), from the full
// 42-sector tables, and from the paper's printed Table 2 and Table 6; the flags are checked against the data conditions
// they stand for, in both directions, and the pipeline's rules are re-run on three raw workbooks.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectAnomalies } from "../lib/data/anomalies";
import { readDerivedFlows } from "../lib/data/editions";
import { NATIONAL, TYPE_GROUPS } from "../lib/paper/groupings";
import { anomalyFlags, flagOfAnomaly, indicatorsUsing, readAnomalies } from "../lib/indicators/flags";
import { readIoWorkbook } from "../lib/data/ioTable";
import { dataPath } from "../lib/core/paths";
import { PROVINCES, province } from "../lib/paper/provinces";
import { coverage, flowJumps, groupSeries, isComparable, ofYear, provinceSeries, rowOf, summarizeChange, type IndicatorRow } from "../lib/indicators/timeseries";

/** data/derived/province_flows.csv as plain records (no lib parser): the file has no quoted fields. */
function rawFlows(): Record<string, string>[] {
  const [head, ...lines] = readFileSync(dataPath("derived", "province_flows.csv"), "utf8").trim().split("\n");
  const h = head.split(",");
  return lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [h[i], v])));
}
const RAW = rawFlows();
const raw = (year: number, p: string, basis = "printed_total") => {
  const r = RAW.find((x) => x.year === String(year) && x.province_zh === p && x.basis === basis);
  if (!r) throw new Error(`no raw row ${year} ${p}`);
  return r;
};
const n = (s: string) => Number(s);

const rows = provinceSeries();
const rowsYb = provinceSeries({ gdp2017: "yearbook" });
const row = (year: number, p: string, rs: IndicatorRow[] = rows) => {
  const r = rowOf(rs, p, year);
  if (!r) throw new Error(`no row ${year} ${p}`);
  return r;
};

describe("indicators recomputed from the raw-derived CSV", () => {
  const SAMPLE = ["北京", "广东", "四川", "西藏", "新疆", "辽宁"];
  it.each(SAMPLE.flatMap((p) => [2012, 2017].map((y) => [y, p] as const)))("%i %s: the five indicators with value added as GDP", (year, p) => {
    const r = raw(year, p);
    const Y = n(r.value_added);
    const [X, O, M, I] = [n(r.export), n(r.outflow), n(r.import), n(r.inflow)];
    const got = row(year, p);
    expect(got.gdp_source).toBe("value_added");
    expect(got.ftd).toBeCloseTo(((X + M) / Y) * 100, 9);
    expect(got.dtd).toBeCloseTo(((O + I) / Y) * 100, 9);
    expect(got.trade_ratio).toBeCloseTo((O + I) / (X + M), 12);
    expect(got.outflow_rate).toBeCloseTo(((X + O) / Y) * 100, 6); // gross_outflow is written separately, to 6 decimals
    expect(got.inflow_rate).toBeCloseTo(((M + I) / Y) * 100, 6);
  });

  it.each(["北京", "广东", "四川", "青海"])("2007 %s: only the gross rates, FU302 and FU304 over value added", (p) => {
    const r = raw(2007, p);
    const got = row(2007, p);
    expect(got.outflow_rate).toBeCloseTo((n(r.gross_outflow) / n(r.value_added)) * 100, 9);
    expect(got.inflow_rate).toBeCloseTo((n(r.gross_inflow) / n(r.value_added)) * 100, 9);
    expect([got.ftd, got.dtd, got.trade_ratio]).toEqual([null, null, null]);
    expect(got.flags.map((f) => f.kind)).toContain("no_split");
  });

  it("2012 广东 from the full 42-sector table (TII row of EX, OF, IM, IF; TVA's total), a path independent of the flow files", () => {
    const lines = readFileSync(dataPath("derived", "io-tables", "2012", "guangdong.csv"), "utf8").trim().split("\n");
    const h = lines[0].split(",");
    const rec = (code: string) => Object.fromEntries(lines.find((l) => l.startsWith(code + ","))!.split(",").map((v, i) => [h[i], Number(v)]));
    const tii = rec("TII");
    const Y = rec("TVA").TIU; // 万元
    const got = row(2012, "广东");
    expect(got.ftd).toBeCloseTo(((tii.EX + tii.IM) / Y) * 100, 6);
    expect(got.dtd).toBeCloseTo(((tii.OF + tii.IF) / Y) * 100, 6);
  });

  it("2017 with the yearbook GDP reproduces the paper's printed Table 6 (外贸依存度, 内贸依存度, one decimal)", () => {
    const [head, ...lines] = readFileSync(dataPath("paper", "table6.csv"), "utf8").trim().split("\n");
    const h = head.split(",");
    const printed = lines.map((l) => Object.fromEntries(l.split(",").map((v, i) => [h[i], v])));
    for (const p of ["上海", "浙江", "湖北", "重庆", "贵州"]) {
      const t = printed.find((x) => x.group_zh === p)!;
      const got = row(2017, p, rowsYb);
      expect(got.gdp_source).toBe("yearbook");
      expect(got.ftd!.toFixed(1), `${p} ftd`).toBe(t.ftd);
      expect(got.dtd!.toFixed(1), `${p} dtd`).toBe(t.dtd);
    }
  });

  it("groups are ratios of sums: 2017 with the yearbook GDP gives Table 2's printed 全国 37.26, 双循环 93.76, 外向型 59.89", () => {
    const g = (zh: string) => groupSeries(rowsYb, zh === "全国" ? NATIONAL : TYPE_GROUPS.find((t) => t.zh === zh)!).find((r) => r.year === 2017)!;
    expect(g("全国").ftd!.toFixed(2)).toBe("37.26");
    expect(g("双循环经济").ftd!.toFixed(2)).toBe("93.76");
    expect(g("外向型经济").ftd!.toFixed(2)).toBe("59.89");
    expect(g("外向型经济").dtd!.toFixed(2)).toBe("140.71");
  });

  it("a group's 2007 sum leaves out 西藏 and says so", () => {
    const n07 = groupSeries(rows, NATIONAL).find((r) => r.year === 2007)!;
    expect(n07.members).toHaveLength(30);
    expect(n07.members).not.toContain("西藏");
    expect(n07.flags.some((f) => f.kind === "missing_table" && f.zh.includes("西藏"))).toBe(true);
    const gross = RAW.filter((r) => r.year === "2007" && r.basis === "printed_total").reduce((s, r) => s + n(r.gross_outflow), 0);
    const va = RAW.filter((r) => r.year === "2007" && r.basis === "printed_total").reduce((s, r) => s + n(r.value_added), 0);
    expect(n07.outflow_rate).toBeCloseTo((gross / va) * 100, 9);
  });
});

describe("coverage and undefined values", () => {
  it("2007: 30 provinces (no 西藏), gross rates only; 2012 and 2017: 31 provinces, all five", () => {
    expect(coverage(rows).map((c) => [c.year, c.provinces, c.missing, c.indicators.length])).toEqual([
      [2007, 30, ["西藏"], 2],
      [2012, 31, [], 5],
      [2017, 31, [], 5],
    ]);
  });

  it("no NaN or infinity anywhere: a value is a finite number or null", () => {
    for (const rs of [rows, rowsYb, [NATIONAL, ...TYPE_GROUPS].flatMap((g) => groupSeries(rows, g))])
      for (const r of rs)
        for (const [k, v] of Object.entries(r))
          if (typeof v === "number") expect(Number.isFinite(v), `${r.year} ${r.unit_zh} ${k}`).toBe(true);
          else if (k !== "flags" && k !== "members") expect(typeof v === "string" || v === null, `${r.year} ${r.unit_zh} ${k}`).toBe(true);
  });

  it("2012 内蒙古: exports + imports = 0, so the trade ratio is null with a flag (not Infinity)", () => {
    const r = row(2012, "内蒙古");
    expect(r.export! + r.import!).toBe(0);
    expect(r.trade_ratio).toBeNull();
    expect(r.flags.find((f) => f.kind === "undefined_ratio")?.affects).toEqual(["trade_ratio"]);
  });

  it("GDP 0 is one clear error naming year and province", () => {
    const flows = readDerivedFlows().map((r) => (r.year === 2012 && r.province_zh === "北京" && r.basis === "printed_total" ? { ...r, value_added: 0 } : r));
    expect(() => provinceSeries({ flows, anomalies: [] })).toThrow(/2012 北京: GDP is 0/);
  });
});

describe("data-quality flags: detected by the pipeline, not listed by hand", () => {
  const anomalies = readAnomalies();

  it("every flag that comes from anomalies.csv matches a row of it, and every such row of the five indicators' kinds becomes a flag", () => {
    const fromFile = rows.flatMap((r) => r.flags.filter((f) => f.source === "anomalies.csv"));
    const expected = anomalyFlags(anomalies).filter((f) => f.province_zh !== "全国");
    expect(fromFile.map((f) => `${f.year} ${f.province_zh} ${f.kind} ${f.column}`).sort()).toEqual(
      expected.map((f) => `${f.year} ${f.province_zh} ${f.kind} ${f.column}`).sort(),
    );
  });

  // the conditions each flag stands for, computed here from the raw-derived CSV, must hold exactly where the flag is
  const condition = {
    domestic_flows_zero: (r: Record<string, string>) => r.outflow !== "" && n(r.outflow) === 0 && n(r.inflow) === 0,
    foreign_flows_zero: (r: Record<string, string>) => r.export !== "" && n(r.export) === 0 && n(r.import) === 0,
    flow_exceeds_output: (r: Record<string, string>) =>
      (r.export === "" ? [r.gross_outflow, r.gross_inflow] : [r.export, r.outflow, r.import, r.inflow]).some((v) => n(v) > n(r.total_output)),
    large_error_term: (r: Record<string, string>) => Math.abs(n(r.other_error)) > 0.01 * n(r.total_output),
  };
  it.each(Object.keys(condition) as (keyof typeof condition)[])("%s: flagged exactly where the data show it", (kind) => {
    const flagged = new Set(rows.filter((r) => r.flags.some((f) => f.kind === kind)).map((r) => `${r.year} ${r.unit_zh}`));
    const inData = new Set(RAW.filter((r) => r.basis === "printed_total" && condition[kind](r)).map((r) => `${r.year} ${r.province_zh}`));
    expect([...flagged].sort()).toEqual([...inData].sort());
    expect(flagged.size).toBeGreaterThan(0);
  });

  it("SOURCE.md's known anomalies are all among the flags", () => {
    const has = (y: number, p: string, kind: string, column?: string) =>
      row(y, p).flags.some((f) => f.kind === kind && (column === undefined || f.column === column));
    expect(has(2012, "湖北", "domestic_flows_zero")).toBe(true);
    expect(has(2012, "青海", "domestic_flows_zero")).toBe(true);
    expect(has(2012, "内蒙古", "foreign_flows_zero")).toBe(true);
    expect(has(2017, "重庆", "flow_exceeds_output", "OF")).toBe(true);
    expect(has(2017, "重庆", "flow_exceeds_output", "IF")).toBe(true);
    expect(has(2017, "海南", "flow_exceeds_output", "IF")).toBe(true);
    expect(has(2012, "北京", "flow_exceeds_output", "OF")).toBe(true);
    for (const [y, p] of [[2017, "山东"], [2012, "吉林"], [2012, "山东"]] as const) expect(has(y, p, "large_error_term")).toBe(true);
    expect(has(2017, "云南", "total_row_difference", "OF")).toBe(true);
  });

  it("the rules of lib/data/anomalies.ts, re-run on the raw 2012 workbooks of 湖北, 青海 and 内蒙古, find the zero-flow anomalies", () => {
    const dir = dataPath("raw", "io-tables", "2012");
    // workbooks are named <running number><province>.xls
    const find = (p: string) => join(dir, readdirSync(dir).find((f) => f.replace(/^\d+-?/, "").replace(/\.xlsx?$/, "") === p)!);
    const kinds = (p: string) => detectAnomalies(readIoWorkbook(find(p))).map((a) => a.kind);
    expect(kinds("湖北")).toContain("domestic_flows_zero");
    expect(kinds("青海")).toContain("domestic_flows_zero");
    expect(kinds("内蒙古")).toContain("foreign_flows_zero");
  });

  it("a misrecorded split makes ftd, dtd and the trade ratio incomparable, and leaves the gross rates comparable", () => {
    for (const p of ["湖北", "青海", "内蒙古"]) {
      const r = row(2012, p);
      expect(["ftd", "dtd", "trade_ratio"].map((k) => isComparable(r, k as "ftd"))).toEqual([false, false, false]);
      expect(isComparable(r, "outflow_rate") && isComparable(r, "inflow_rate")).toBe(true);
    }
    expect(isComparable(row(2012, "广东"), "ftd")).toBe(true);
    // a group inherits its member's incomparable split
    const self = groupSeries(rows, TYPE_GROUPS.find((g) => g.zh === "自洽型经济")!).find((r) => r.year === 2012)!;
    expect(isComparable(self, "dtd")).toBe(false);
    expect(isComparable(self, "outflow_rate")).toBe(true);
  });

  it("indicatorsUsing: each trade column touches the indicators whose formula contains it", () => {
    expect(indicatorsUsing("EX").sort()).toEqual(["ftd", "outflow_rate", "trade_ratio"]);
    expect(indicatorsUsing("IF").sort()).toEqual(["dtd", "inflow_rate", "trade_ratio"]);
    expect(indicatorsUsing("FU302")).toEqual(["outflow_rate"]);
    expect(indicatorsUsing("TIU@VA001")).toEqual([]);
    // the value-added components of 2017 云南 and 广西 differ from their sums but TVA does not: no flag
    const va = anomalies.filter((a) => a.kind === "total_row_difference" && a.column.startsWith("TIU@VA"));
    expect(va.length).toBeGreaterThan(0);
    expect(va.map(flagOfAnomaly)).toEqual(va.map(() => null));
  });
});

describe("changes and the jump screen", () => {
  it("summarizeChange counts falls and rises over the comparable provinces only", () => {
    const s = summarizeChange(rows, "ftd", 2012, 2017);
    expect(s.excluded.sort()).toEqual(["内蒙古", "湖北", "青海"].sort());
    expect(s.n).toBe(28);
    // recount from the raw CSV
    const falls = PROVINCES.filter((p) => !s.excluded.includes(p.zh)).filter((p) => {
      const a = raw(2012, p.zh);
      const b = raw(2017, p.zh);
      return (n(b.export) + n(b.import)) / n(b.value_added) < (n(a.export) + n(a.import)) / n(a.value_added);
    }).length;
    expect(s.fell).toBe(falls);
    expect(s.fell + s.rose).toBe(28);
  });

  it("flowJumps catches 2012 重庆's foreign trade (EX + IM ≈ 202 亿元, ×30 by 2017) and refuses a factor ≤ 1", () => {
    const j = flowJumps(rows, 5).find((x) => x.unit_zh === "重庆" && x.flow === "foreign");
    expect(j).toBeDefined();
    const a = raw(2012, "重庆");
    const b = raw(2017, "重庆");
    expect(j!.factor).toBeCloseTo((n(b.export) + n(b.import)) / (n(a.export) + n(a.import)), 9);
    expect(Math.round(n(a.export) + n(a.import))).toBe(202);
    expect(() => flowJumps(rows, 1)).toThrow(/factor must be > 1/);
    // every jump really exceeds the factor
    for (const x of flowJumps(rows, 5)) expect(x.factor > 5 || x.factor < 1 / 5).toBe(true);
  });

  it("ofYear and province order: GB/T 2260 order within a year", () => {
    expect(ofYear(rows, 2012).map((r) => r.unit_zh)).toEqual(PROVINCES.map((p) => p.zh));
    expect(province(ofYear(rows, 2007)[0].unit_zh).adcode).toBe(110000);
  });
});
