import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INPUT_ROWS, USE_COLUMNS, loadSectorTable, sectorTablePath } from "../lib/data/loadSectorTable";
import { SECTOR_CODES } from "../lib/data/ioTable";
import { cell, readIoWorkbook } from "../lib/data/ioTable";
import { dataPath } from "../lib/core/paths";
import { province } from "../lib/paper/provinces";

const tmp = mkdtempSync(join(tmpdir(), "sector-table-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const HEADER = ["code", ...SECTOR_CODES, ...USE_COLUMNS];
/** A well-formed table: every cell 0 except (row, col) → value overrides, values as CSV text. */
function csv(overrides: Record<string, string> = {}, drop: { row?: string; col?: string } = {}): string {
  const cols = HEADER.filter((c) => c !== drop.col);
  const rows = [...SECTOR_CODES, ...INPUT_ROWS].filter((r) => r !== drop.row);
  return [cols.join(","), ...rows.map((r) => [r, ...cols.slice(1).map((c) => overrides[`${r}/${c}`] ?? "0")].join(","))].join("\n") + "\n";
}
function write(name: string, text: string): string {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
}

describe("loadSectorTable (derived CSV, 万元 → 亿元)", () => {
  it("converts 万元 to 亿元 and places Z, use columns and input rows", () => {
    const f = write("ok.csv", csv({ "03/05": "12345", "07/EX": "250000", "TVA/42": "-10000" }));
    const t = loadSectorTable(2017, "chongqing", f);
    expect(t.Z[2][4]).toBeCloseTo(1.2345, 12);
    expect(t.use.EX[6]).toBe(25);
    expect(t.inputs.TVA[41]).toBe(-1);
    expect(t.province.zh).toBe("重庆");
  });
  it("names file, line and column for a non-numeric cell", () => {
    const f = write("text.csv", csv({ "07/EX": "n/a" }));
    // line 1 is the header, sector 07 is on line 8
    expect(() => loadSectorTable(2017, "chongqing", f)).toThrow(/text\.csv, row 8, column "EX".*"n\/a" is not a finite number/);
  });
  it("names file, line and column for an empty cell the model needs", () => {
    const f = write("empty.csv", csv({ "TVA/12": "" })); // header, 42 sectors, TII, VA001–VA004: TVA is line 49
    expect(() => loadSectorTable(2017, "chongqing", f)).toThrow(/empty\.csv, row 49, column "12".*empty cell/);
  });
  it("names a missing row code and a missing column code", () => {
    expect(() => loadSectorTable(2017, "chongqing", write("norow.csv", csv({}, { row: "VA003" })))).toThrow(/norow\.csv.*missing row code\(s\) VA003/);
    expect(() => loadSectorTable(2017, "chongqing", write("nocol.csv", csv({}, { col: "IF" })))).toThrow(/nocol\.csv, row 1.*missing column code\(s\) IF/);
  });
  it("refuses an unknown province slug", () => {
    expect(() => loadSectorTable(2017, "atlantis")).toThrow(/atlantis/);
  });
});

/** The derived CSVs must carry the workbook's numbers: compare every cell we read with the raw .xls (2017). */
describe("derived 2017 tables agree with the raw workbooks", () => {
  it("has every cell the model reads equal to the workbook's value / 10 000", () => {
    const dir = dataPath("raw", "io-tables", "2017");
    const files = readdirSync(dir).filter((f) => /\.xls$/.test(f));
    expect(files).toHaveLength(31);
    for (const f of files) {
      const raw = readIoWorkbook(join(dir, f));
      const slug = province(raw.province_zh).slug;
      const path = sectorTablePath(2017, slug);
      expect(existsSync(path), `${path} (built by \`npm run data\`)`).toBe(true);
      const t = loadSectorTable(2017, slug);
      SECTOR_CODES.forEach((r, i) => {
        SECTOR_CODES.forEach((c, j) => expect(t.Z[i][j]).toBeCloseTo(cell(raw, r, c) / 1e4, 9));
        for (const c of ["GO", "EX", "OF", "IM", "IF", "THC", "FU103", "GCF", "ERR"] as const) expect(t.use[c][i], `${f} ${r} ${c}`).toBeCloseTo(cell(raw, r, c) / 1e4, 9);
      });
      SECTOR_CODES.forEach((c, j) => expect(t.inputs.TVA[j], `${f} TVA ${c}`).toBeCloseTo(cell(raw, "TVA", c) / 1e4, 9));
    }
  });
});
