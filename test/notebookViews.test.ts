import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregate } from "../lib/indicators/aggregate";
import { checkClaims } from "../lib/checks/claims";
import { tableFiles } from "../lib/cli/cli";
import { toCsv } from "../lib/core/csv";
import { provinceFlows2017 } from "../lib/data/editions";
import { PAPER_LAYOUTS } from "../lib/paper/groupings";
import { richTableHtml } from "../lib/present/richTable";
import { tableRowsCsv, writePaperTable } from "../lib/present/tableOutputs";
import { claimsHtml, comparisonHtml, computedTableHtml, formatComputed, misprintNote, misprintsHtml } from "../lib/present/views";
import { misprintList } from "../lib/checks/compare";
import { reconcile, type ReconciledCell } from "../lib/checks/reconcile";

const data = provinceFlows2017("paper");
const cells = reconcile(data);
const count = (html: string, s: string) => html.split(s).length - 1;

describe("rich tables (lib/present/richTable.ts)", () => {
  it("escapes every piece of text: caption, header, cells, titles, footnotes", () => {
    const html = richTableHtml({
      caption: "<b>c</b>",
      header: [["<th>", { text: "&", colspan: 2 }]],
      rows: [[{ text: "<script>x</script>", title: '"t"', sub: "<i>", note: 1, mark: "misprint" }, { text: "1", num: true }]],
      footnotes: ["<img src=x onerror=alert(1)>"],
      legend: "<u>",
    });
    expect(html).not.toMatch(/<script>|<img|<b>c|<i>|<u>/);
    expect(html).toContain("&#60;script&#62;x&#60;/script&#62;");
    expect(html).toContain('title="&#34;t&#34;"');
    expect(html).toContain('colspan="2"');
    expect(html).toContain('data-mark="misprint"');
  });
});

describe("printed beside computed, as HTML (lib/present/views.ts)", () => {
  it("Table 3: both misprints red, each with a numbered footnote giving the corrected value and the proof", () => {
    const html = comparisonHtml(cells, 3, "zh");
    expect(count(html, 'data-mark="misprint"')).toBe(2);
    expect(html).toContain("<sup>[1]</sup>");
    expect(html).toContain("表3 西部地区 · 内外贸易比：印刷为 158.05，按论文自身数字应为 15.05");
    expect(html).toContain("表3 东北地区 · 进口比重：印刷为 55.6，按论文自身数字应为 5.6");
    // 6 groups, each with a 数值 and a 比重 row
    expect(count(html, "<tr>")).toBe(1 + 12);
    expect(comparisonHtml(cells, 5, "en")).toContain("Table 5 Yellow River basin (9 provinces) · Foreign-trade dependence (%): printed 15.6");
  });

  it("a cell's explanation cannot inject markup", () => {
    const evil: ReconciledCell[] = cells.map((c) => (c.status === "misprint" ? { ...c, explanation: "<script>alert(1)</script>" } : c));
    const html = comparisonHtml(evil, 6, "zh") + misprintsHtml(evil, "en");
    expect(html).not.toContain("<script>");
  });

  it("the list of misprints: one row each, printed, should read, computed", () => {
    const html = misprintsHtml(cells, "en");
    expect(count(html, 'data-mark="misprint"')).toBe(8);
    expect(misprintNote(misprintList(cells)[6], "en")).toMatch(/^Table 6 Zhejiang · Outflow to other provinces: printed 41879\.8, the paper's own numbers say 41876\.8/);
  });

  it("claims: every claim a row, the ones that do not hold red and counted in the caption", () => {
    const results = checkClaims(data).filter((c) => c.section !== "表1");
    const failing = results.filter((c) => !c.holds).length;
    const html = claimsHtml(results, "zh");
    expect(html).toContain(`${results.length} 条可由数据检验的陈述，${failing} 条不成立`);
    expect(count(html, 'data-mark="fails"')).toBe(2 * failing);
    expect(formatComputed({ ...results[0], printed: "4.78", computed: 4.781293 }, "zh")).toBe("4.7813");
    expect(formatComputed({ ...results[0], printed: null, computed: false }, "en")).toBe("false");
  });

  it("a computed table in the paper's layout: two rows per group", () => {
    const html = computedTableHtml(aggregate(data, PAPER_LAYOUTS[4]), "en", "Table 4");
    expect(count(html, "<tr>")).toBe(1 + 8);
    expect(html).toContain("53.56"); // 沿海地区 外贸依存度, as Table 4 prints it
  });
});

describe("CSV outputs (lib/present/tableOutputs.ts)", () => {
  let dir: string;
  const saved = process.env.TP_TABLES_DIR;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "tp-tables-"));
    process.env.TP_TABLES_DIR = dir;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TP_TABLES_DIR;
    else process.env.TP_TABLES_DIR = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("table<n>.csv is byte for byte what `trade-patterns tables` writes", () => {
    for (const n of [3, 4, 5, 6] as const) {
      const t = tableRowsCsv(aggregate(data, PAPER_LAYOUTS[n]));
      expect(toCsv(t.header, t.rows)).toBe(tableFiles("paper").get(`table${n}.csv`));
    }
  });

  it("writes table<n>.csv and table<n>_compared.csv", () => {
    expect(writePaperTable(4, data, cells)).toEqual(["table4.csv", "table4_compared.csv"]);
    const compared = readFileSync(join(dir, "table4_compared.csv"), "utf8").trim().split("\n");
    expect(compared).toHaveLength(1 + 62);
    expect(compared.find((l) => l.includes("79.75"))).toMatch(/^4,沿海地区,Coastal,share_export,79.75,79.65,[\d.]+,misprint,79.65,/);
  });
});
