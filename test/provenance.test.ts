import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dependenceShiftChart, gdpGapChart, reconciliationHeatmap, HEATMAP_CLIP } from "../lib/present/charts/provenance";
import { readAnomalies, readTotalRowDifferences } from "../lib/data/derivedFiles";
import { basisEvidence, editionDifferences, editionGroupDifferences, SUMMARY_LAYOUT } from "../lib/checks/editionDiff";
import { provinceFlows2017, readDerivedFlows } from "../lib/data/editions";
import { recoverPaperGdp } from "../lib/data/gdp";
import { gdpSourceRows, yearbookSumChecks } from "../lib/data/gdpSources";
import { readIoWorkbook } from "../lib/data/ioTable";
import { reconcile } from "../lib/checks/reconcile";
import { tableFlows } from "../lib/data/tableFlows";
import { PRINTED_TOTAL_CELLS, rawWorkbooks, sheetCorner, tableBlock, traceTidyRow, workbookPath } from "../lib/data/workbookView";

const derivedRow = (province: string) => readDerivedFlows().find((r) => r.year === 2017 && r.province_zh === province && r.basis === "printed_total")!;

describe("from raw workbook to tidy row (lib/data/workbookView.ts)", () => {
  const qinghai = readIoWorkbook(workbookPath(2017, "青海"));

  it("finds the workbooks as data/README.md lists them: 2007 30 provinces + national, 2012 31 + national, 2017 31", () => {
    expect(rawWorkbooks().map((w) => [w.year, w.files])).toEqual([[2007, 31], [2012, 32], [2017, 31]]);
    expect(() => workbookPath(2017, "火星")).toThrow(/no workbook for 火星/);
  });

  it("shows the sheet's corner as stored: title, unit, the 代码 header row", () => {
    const corner = sheetCorner(workbookPath(2017, "青海"), 9, 4);
    expect(corner[0]).toMatchObject({ row: 1, A: "青海2017年投入产出表" });
    expect(corner[2].A).toBe("单位：万元");
    expect(corner[7]).toEqual({ row: 8, A: "代码", B: "", C: "-", D: "01" });
    expect(corner[8].D).toBe("295482.27"); // not 295482.26999999996
  });

  it("table block: 万元 as printed, blank cells of the value-added × final-use block left blank", () => {
    const [tii, tva] = tableBlock(qinghai, ["TII", "TVA"], ["EX", "TIU"]);
    expect(tii).toMatchObject({ code: "TII", name: "中间投入合计", EX: 287515.38 });
    expect(tva.EX).toBe("");
    expect(tva.TIU).toBeCloseTo(26248298.61, 2);
    expect(() => tableBlock(qinghai, ["TII"], ["XX"])).toThrow(/no column XX/);
  });

  it("traces every field of the printed_total row to its cells, agreeing with the committed CSV", () => {
    const trace = traceTidyRow(qinghai, derivedRow("青海"));
    expect(trace).toHaveLength(11);
    expect(trace.every((t) => t.agrees)).toBe(true);
    expect(trace.find((t) => t.field === "export")).toMatchObject({ cells: "TII × EX", workbook_wan: 287515.38 });
  });

  it("the cell list agrees with lib/data/tableFlows.ts, also where printed totals and sector sums differ (2017 云南)", () => {
    const yunnan = readIoWorkbook(workbookPath(2017, "云南"));
    const flows = tableFlows(yunnan, "printed_total");
    const trace = traceTidyRow(yunnan, derivedRow("云南"));
    expect(trace.map((t) => t.field)).toEqual(Object.keys(PRINTED_TOTAL_CELLS));
    for (const t of trace) expect(t.recomputed_yi).toBeCloseTo(flows[t.field]!, 9);
    // the paper's Table 6 prints 云南's outflow as 5430 and inflow as 15016.5: the printed totals
    expect(trace.find((t) => t.field === "outflow")!.recomputed_yi.toFixed(0)).toBe("5430");
    expect(trace.find((t) => t.field === "inflow")!.recomputed_yi.toFixed(1)).toBe("15016.5");
    expect(() => traceTidyRow(yunnan, derivedRow("青海"))).toThrow(/is not the printed_total row of 2017 云南/);
  });
});

describe("derived report files (lib/data/derivedFiles.ts)", () => {
  it("reads anomalies.csv: the 35 findings data/README.md counts", () => {
    const a = readAnomalies();
    expect(a).toHaveLength(35);
    expect(a.find((x) => x.kind === "label_swap_corrected")).toMatchObject({ year: 2017, province_zh: "广东" });
  });

  it("reads total_row_differences.csv: 2017 云南 OF, IF, TFU exceed the sum of sectors by 468.53 亿元 (SOURCE.md)", () => {
    const d = readTotalRowDifferences().filter((r) => r.province_zh === "云南" && r.row === "TII");
    expect(d.map((r) => [r.column, r.difference.toFixed(2)]).sort()).toEqual([["IF", "468.53"], ["OF", "468.53"], ["TFU", "468.53"]]);
  });

  it("a bad cell is one error naming the file, row and column", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-derived-"));
    try {
      const f = join(dir, "d.csv");
      writeFileSync(f, "year,province_zh,row,column,printed_total,sector_sum,difference\n2017,云南,TII,OF,5429.92,abc,1\n");
      expect(() => readTotalRowDifferences(f)).toThrow(/d\.csv, row 2, column "sector_sum": "abc" is not a number/);
      writeFileSync(f, "year,province_zh,kind,column,value,reference,detail_zh,detail_en\n2017,火星,x,OF,,,a,b\n");
      expect(() => readAnomalies(f)).toThrow(/row 2, column "province_zh": unknown province "火星"/);
      writeFileSync(f, "year,province_zh,kind\n2017,云南,x\n");
      expect(() => readAnomalies(f)).toThrow(/column "column": required column is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the paper's GDP by source (lib/data/gdpSources.ts)", () => {
  const recovery = recoverPaperGdp();

  it("19 printed (Tables 5–6), 9 recovered by subtraction, 3 from the yearbook", () => {
    const rows = gdpSourceRows(recovery);
    const count = (k: string) => rows.filter((r) => r.source_kind === k).length;
    expect([count("printed"), count("recovered"), count("yearbook")]).toEqual([19, 9, 3]);
    expect(rows.find((r) => r.province_zh === "青海")).toMatchObject({ printed: 2624.8, recovered: null, gdp: 2624.8 });
    expect(rows.find((r) => r.province_zh === "北京")!.how).toBe("表2 双循环经济 (78072.64) − 上海 − 重庆");
  });

  it("天津 + 福建 + 广东: recovered 140,436.48, yearbook 140,436.51 — within the rounding (SOURCE.md)", () => {
    const [c] = yearbookSumChecks(recovery);
    expect(c.members).toEqual(["天津", "福建", "广东"]);
    expect(c.recovered_sum).toBeCloseTo(140436.48, 6);
    expect(c.yearbook_sum).toBeCloseTo(140436.51, 6);
    expect(c.consistent).toBe(true);
  });
});

describe("the two editions side by side (lib/checks/editionDiff.ts)", () => {
  const paper = provinceFlows2017("paper");
  const tables = provinceFlows2017("tables");
  const rows = editionDifferences(paper, tables);

  it("flows differ only in 云南's outflow and inflow", () => {
    expect(rows.filter((r) => r.flows_differ.length).map((r) => [r.province_zh, r.flows_differ])).toEqual([["云南", ["outflow", "inflow"]]]);
  });

  it("elsewhere every ratio scales by GDP / value added", () => {
    for (const r of rows.filter((x) => !x.flows_differ.length)) {
      // the two bases' flows agree to within 0.005 亿元 here, not to the last bit
      expect(Math.abs((r.ftd_tables / r.ftd_paper) * (r.value_added / r.gdp) - 1)).toBeLessThan(1e-6);
      expect(Math.abs((r.dtd_tables / r.dtd_paper) * (r.value_added / r.gdp) - 1)).toBeLessThan(1e-6);
    }
  });

  it("groups: national GDP of the paper is Table 2's 847140.14 up to rounding", () => {
    const [n] = editionGroupDifferences(paper, tables, SUMMARY_LAYOUT);
    expect(Math.abs(n.gdp - 847140.14)).toBeLessThan(0.2);
    expect(SUMMARY_LAYOUT.map((l) => l.zh)).toEqual(["全国", "东部地区", "中部地区", "西部地区", "东北地区", "沿海地区", "内陆地区", "沿边地区", "黄河流域", "长江经济带"]);
  });

  it("basis evidence: Table 6 prints 云南's printed totals, not its sector sums", () => {
    const [printed, sectors, paperRow] = basisEvidence("云南");
    expect(paperRow).toEqual({ source: "表6 / Table 6", outflow: 5430, inflow: 15016.5 });
    // printed as 5430 (±0.5) and 15016.5 (±0.05)
    expect(Math.abs(printed.outflow - 5430)).toBeLessThan(0.5);
    expect(Math.abs(printed.inflow - 15016.5)).toBeLessThan(0.05);
    expect(printed.outflow - sectors.outflow).toBeCloseTo(468.53, 2);
    expect(() => basisEvidence("北京")).toThrow(/neither Table 5 nor Table 6/);
  });

  it("charts: the gap sorted, shifts in points; bad numbers are errors", () => {
    const gap = gdpGapChart(rows, "zh");
    const x = gap.data[0].x as number[];
    expect([...x].sort((a, b) => a - b)).toEqual(x);
    expect((gap.data[0].y as string[])[0]).toBe("内蒙古");
    const shift = dependenceShiftChart(rows, "en");
    expect(shift.data).toHaveLength(2);
    expect(() => gdpGapChart([{ ...rows[0], gap_pct: NaN }])).toThrow(/gap_pct\[0\] \(北京\)/);
  });
});

describe("reconciliation heat map (lib/present/charts/provenance.ts)", () => {
  const cells = reconcile(provinceFlows2017("paper"));
  const fig = reconciliationHeatmap(cells, "zh");
  const trace = fig.data[0] as unknown as { z: (number | null)[][]; x: string[]; y: string[] };

  it("one row per printed row of Tables 2–6, one column per printed column, blank where nothing is printed", () => {
    expect(trace.y).toHaveLength(8 + 6 + 4 + 10 + 12);
    expect(trace.x).toHaveLength(17);
    const printedCells = trace.z.flat().filter((v) => v !== null);
    expect(printedCells).toHaveLength(536);
    expect(trace.z[trace.y.indexOf("表5 青海")].slice(11)).toEqual([null, null, null, null, null, null]);
  });

  it("values clipped to ±5 units; the eight misprints marked ✗", () => {
    expect(Math.max(...trace.z.flat().map((v) => Math.abs(v ?? 0)))).toBe(HEATMAP_CLIP);
    const marks = fig.layout.annotations as { text: string; y: string }[];
    expect(marks.filter((m) => m.text === "✗").map((m) => m.y)).toEqual(["表3 西部地区", "表3 东北地区", "表4 沿海地区", "表4 沿边地区", "表5 黄河流域", "表5 黄河流域", "表6 浙江", "表6 江西"]);
  });
});
