import { beforeAll, describe, expect, it } from "vitest";
import { COMPARISON_CSV_HEADER, comparedCell, comparedCsv, comparisonGrid, comparisonRows, columnLabel, misprintList, printedDecimals, statusCounts } from "../lib/checks/compare";
import { provinceFlows2017 } from "../lib/data/editions";
import { reconcile, type ReconciledCell } from "../lib/checks/reconcile";

let paper: ReconciledCell[];
beforeAll(() => {
  paper = reconcile(provinceFlows2017("paper"));
});

describe("printed beside computed (lib/checks/compare.ts)", () => {
  it("counts decimals as printed", () => {
    expect(printedDecimals("158.05")).toBe(2);
    expect(printedDecimals("71562")).toBe(0);
    expect(printedDecimals("100.0")).toBe(1);
  });

  it("rounds the computed value to the printed decimals and measures the difference in units of the last digit", () => {
    const raw: ReconciledCell = {
      table: 3, group_zh: "西部地区", column: "trade_ratio", printed: "158.05", computed: 15.0515, difference: 15.0515 - 158.05,
      tolerance: 0.005, status: "misprint", should_read: "15.05", explanation: "x",
    };
    const c = comparedCell(raw);
    expect(c.computed).toBe("15.05");
    expect(c.difference_units).toBeCloseTo(-14299.85, 6);
    expect(c.group_en).toBe("West");
  });

  it("lays out every printed cell of each table once, rows then columns in printed order", () => {
    // the printed counts: Table 2 8×11 + 7×6, Table 3 6×17, Table 4 4×11 + 3×6, Tables 5–6 10 and 12 rows × 11
    expect([2, 3, 4, 5, 6].map((n) => comparisonRows(paper, n as 2).length)).toEqual([130, 102, 62, 110, 132]);
    const t3 = comparisonRows(paper, 3);
    expect(t3[0]).toMatchObject({ group_zh: "全国", column: "total_output", printed: "2463092.5" });
    expect(t3[t3.length - 1]).toMatchObject({ group_zh: "东北地区", column: "share_inflow", printed: "9.7" });
  });

  it("grid: a 数值 row per group and a 比重 row where shares are printed, each share under its flow", () => {
    const g3 = comparisonGrid(paper, 3);
    expect(g3).toHaveLength(12);
    expect(comparisonGrid(paper, 4).map((r) => r.kind)).toEqual(["value", "value", "share", "value", "share", "value", "share"]);
    expect(comparisonGrid(paper, 5).every((r) => r.kind === "value")).toBe(true);
    const ne = g3.find((r) => r.group_zh === "东北地区" && r.kind === "share")!;
    expect(ne.cells.import).toMatchObject({ column: "share_import", printed: "55.6", status: "misprint", should_read: "5.6" });
    expect(ne.cells.trade_ratio).toBeNull();
  });

  it("lists the paper's misprints with the values the paper's own numbers imply", () => {
    // checked by hand from the printed numbers: e.g. (178786.6 + 213118.5)/(13131.3 + 12906.3) = 15.0515;
    // 8551.6/153113.5 = 5.585 %; 129482.5/162560.4 = 79.652 %; 233760.1/2463092.5 = 9.491 %
    expect(misprintList(paper).map((c) => `${c.table} ${c.group_zh} ${c.printed}→${c.should_read}`)).toEqual([
      "3 西部地区 158.05→15.05",
      "3 东北地区 55.6→5.6",
      "4 沿海地区 79.75→79.65",
      "4 沿边地区 9.3→9.5",
      "5 黄河流域 15.6→15.5",
      "5 黄河流域 123.8→123.3",
      "6 浙江 41879.8→41876.8",
      "6 江西 19485.9→19475.9",
    ]);
  });

  it("counts statuses per table and in total", () => {
    const counts = statusCounts(paper);
    expect(counts.map((c) => c.misprint)).toEqual([0, 2, 2, 2, 2, 8]);
    expect(counts[5]).toMatchObject({ table: null, total: 536, rounding: 528, source: 0, unexplained: 0 });
    for (const c of counts) expect(c.rounding + c.misprint + c.source + c.unexplained).toBe(c.total);
  });

  it("labels shares by their flow, bilingually", () => {
    expect(columnLabel("share_import")).toEqual({ zh: "进口比重", en: "Imports, share of national (%)" });
    expect(columnLabel("ftd").zh).toBe("外贸依存度");
  });

  it("CSV rows follow the header", () => {
    const csv = comparedCsv(misprintList(paper));
    expect(csv.header).toEqual(COMPARISON_CSV_HEADER);
    expect(csv.rows).toHaveLength(8);
    expect(csv.rows[0].slice(0, 6)).toEqual([3, "西部地区", "West", "trade_ratio", "158.05", "15.05"]);
  });
});
