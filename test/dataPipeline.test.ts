/**
 * The data pipeline (scripts/build-data.ts) against the committed outputs, the raw workbooks' own accounting
 * identities, the paper's printed numbers, the anomalies listed in data/raw/io-tables/SOURCE.md, and
 * malformed workbooks.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { columnIdentity, detectAnomalies, rowIdentity, type Anomaly } from "../lib/data/anomalies";
import { SECTOR_CODES, cell, readIoWorkbook, sectorSum, type IoTable } from "../lib/data/ioTable";
import { PROVINCES, province } from "../lib/paper/provinces";
import { sectors2017For2012 } from "../lib/data/sectorConcordance";

const ROOT = join(__dirname, "..");
const DERIVED = join(ROOT, "data/derived");
const RAW = join(ROOT, "data/raw/io-tables");

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(dir, f)).isFile())
    .map((f) => relative(dir, join(dir, f)))
    .sort();
}

/** A committed CSV as header-keyed records (the derived files quote only the anomaly details, never numbers). */
function readCsvRecords(file: string): Record<string, string>[] {
  const text = readFileSync(file, "utf8");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(field), (field = "");
    else if (ch === "\n") row.push(field), rows.push(row), (row = []), (field = "");
    else field += ch;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]])));
}

const tables = new Map<string, IoTable>(); // key "2017 云南"
function table(year: number, zh: string): IoTable {
  const t = tables.get(`${year} ${zh}`);
  if (!t) throw new Error(`no table ${year} ${zh}`);
  return t;
}

beforeAll(() => {
  for (const year of [2007, 2012, 2017])
    for (const f of readdirSync(join(RAW, String(year))).filter((f) => f.endsWith(".xls"))) {
      const t = readIoWorkbook(join(RAW, String(year), f));
      tables.set(`${year} ${t.province_zh}`, t);
    }
});

describe("(i) committed outputs are exactly what the script writes", () => {
  let out: string;
  let run: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), "build-data-"));
    run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/build-data.ts"), "--out", out], {
      cwd: ROOT,
      encoding: "utf8",
    });
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("runs, printing progress per year", () => {
    expect(run.status, String(run.stderr)).toBe(0);
    for (const y of ["2007", "2012", "2017"]) expect(String(run.stdout)).toMatch(new RegExp(`^${y}: `, "m"));
  });

  it("writes the same set of files as data/derived/ holds, byte for byte", () => {
    const written = listFiles(out);
    // other steps may add their own files to data/derived/; these are the names this script owns
    const OWN = /^(province_flows|national_flows|total_row_differences|anomalies)\.csv$|^io-tables\//;
    expect(written.every((f) => OWN.test(f))).toBe(true);
    expect(listFiles(DERIVED).filter((f) => OWN.test(f))).toEqual(written);
    expect(written.length).toBe(4 + 1 + 32 + 31); // 4 top-level CSVs, sectors.csv, 2012 (31 + china), 2017 (31)
    for (const f of written) expect(readFileSync(join(out, f)).equals(readFileSync(join(DERIVED, f))), f).toBe(true);
  });
});

describe("a bad workbook stops the build before anything is written", () => {
  it("exits 2 (bad input, README \"Exit codes\") with the file, row and column, and leaves the output folder as it was", () => {
    const dir = mkdtempSync(join(tmpdir(), "build-data-bad-"));
    try {
      const raw = join(dir, "raw");
      cpSync(RAW, raw, { recursive: true });
      // 2017 is read last, so 2007 and 2012 are already built in memory when this fails
      const bad = join(raw, "2017", "31-新疆.xls");
      const wb = XLSX.readFile(bad);
      wb.Sheets[wb.SheetNames[0]]["E12"] = { t: "s", v: "缺" }; // row code 04, column code 02
      XLSX.writeFile(wb, bad, { bookType: "biff8" });
      const out = join(dir, "out");
      mkdirSync(out);
      writeFileSync(join(out, "anomalies.csv"), "previous\n");
      const run = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/build-data.ts"), "--raw", raw, "--out", out], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(run.status).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/31-新疆\.xls.*row 12, column E \(cell E12\), row code 04, column code 02: "缺" is not a number/);
      expect(listFiles(out)).toEqual(["anomalies.csv"]);
      expect(readFileSync(join(out, "anomalies.csv"), "utf8")).toBe("previous\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("derived files read back as the workbooks", () => {
  it("full tables hold every workbook value exactly (blank cells stay empty)", () => {
    for (const year of [2012, 2017])
      for (const p of PROVINCES) {
        const t = table(year, p.zh);
        const rows = readCsvRecords(join(DERIVED, "io-tables", String(year), `${p.slug}.csv`));
        expect(rows.map((r) => r.code)).toEqual(t.rowCodes);
        const blank = new Set(t.blankCells.map((b) => `${b.row} ${b.col}`));
        t.rowCodes.forEach((r, i) =>
          t.colCodes.forEach((c, j) => {
            // 2017 广东's FU101/FU102 are swapped on purpose (checked in (iv))
            const col = year === 2017 && p.zh === "广东" && (c === "FU101" || c === "FU102") ? (c === "FU101" ? "FU102" : "FU101") : c;
            const s = rows[i][col];
            if (blank.has(`${r} ${c}`)) expect(s).toBe("");
            else expect(Number(s), `${year} ${p.zh} ${r}/${c}`).toBe(t.values[i][j]);
          }),
        );
      }
  });

  it("the blank cells are exactly the value-added rows × final-use columns, which the tables leave empty", () => {
    for (const t of tables.values()) {
      const finalUse = t.colCodes.slice(t.colCodes.indexOf("TIU") + 1);
      expect(t.blankCells.length, `${t.year} ${t.province_zh}`).toBe(6 * finalUse.length);
    }
  });

  it("sector names confirm the 2012→2017 correspondence of SOURCE.md wherever it is one-to-one", () => {
    const sectors = readCsvRecords(join(DERIVED, "io-tables/sectors.csv"));
    const name = (y: number, c: string) => sectors.find((s) => s.year === String(y) && s.code === c)!.name_zh;
    let oneToOne = 0;
    for (const c of SECTOR_CODES) {
      const to = sectors2017For2012(c);
      if (to.length === 1 && !["22", "23"].includes(c)) {
        expect(name(2012, c), `2012 ${c} → 2017 ${to[0]}`).toBe(name(2017, to[0]));
        oneToOne++;
      }
    }
    expect(oneToOne).toBe(39);
    expect(name(2017, "22")).toBe(`${name(2012, "22")}和${name(2012, "23")}`); // 其他制造产品 + 废品废料
  });
});

describe("(ii) identities on the real tables", () => {
  const listed = () => new Set(readCsvRecords(join(DERIVED, "total_row_differences.csv")).map((d) => `${d.year} ${d.province_zh} ${d.row} ${d.column}`));

  it("printed totals of GO, EX, OF, IM, IF (2007: FU302, FU304) equal the sector sums except the listed cells", () => {
    const diffs = listed();
    let checked = 0;
    for (const t of tables.values())
      for (const c of ["GO", "EX", "OF", "IM", "IF", "FU302", "FU304"].filter((c) => t.colCodes.includes(c))) {
        const gap = Math.abs(cell(t, "TII", c) - sectorSum(t, c)) / 1e4; // 亿元
        if (diffs.has(`${t.year} ${t.province_zh} TII ${c}`)) expect(gap).toBeGreaterThan(0.01);
        else expect(gap, `${t.year} ${t.province_zh} ${c}`).toBeLessThanOrEqual(0.01), checked++;
      }
    // 2007: 30 × (GO, FU302, FU304) + national (GO, EX, IM); 2012: 31 × 5 + national 3; 2017: 31 × 5 less 云南 OF, IF
    expect(checked).toBe(30 * 3 + 3 + 31 * 5 + 3 + 31 * 5 - 2);
  });

  it("printed_total and sector_sum rows of province_flows.csv differ only where total_row_differences.csv says", () => {
    const flows = readCsvRecords(join(DERIVED, "province_flows.csv"));
    const col: Record<string, string> = { export: "EX", outflow: "OF", import: "IM", inflow: "IF", final_consumption: "TC", capital_formation: "GCF", other_error: "ERR" };
    const diffs = listed();
    for (const p of flows.filter((f) => f.basis === "printed_total")) {
      const s = flows.find((f) => f.basis === "sector_sum" && f.year === p.year && f.province_zh === p.province_zh)!;
      for (const [field, code] of Object.entries(col)) {
        if (p[field] === "") continue;
        const differs = Math.abs(Number(p[field]) - Number(s[field])) > 0.01;
        expect(differs, `${p.year} ${p.province_zh} ${field}`).toBe(diffs.has(`${p.year} ${p.province_zh} TII ${code}`));
      }
    }
  });

  it("row identity GO = TIU + TFU − IM − IF + ERR (2007: − FU304) and column identity TI = GO hold in every sector of every table", () => {
    for (const t of tables.values()) {
      expect(rowIdentity(t), `${t.year} ${t.province_zh}`).toEqual([]);
      expect(columnIdentity(t), `${t.year} ${t.province_zh}`).toEqual([]);
    }
  });

  it("2017: the 31 provinces' exports sum to the paper's national 162,560.4 亿元 (Table 2) up to the rounding of 31 printed values", () => {
    // There is no 2017 national workbook; the paper's 全国 row is the sum of its 31 printed provincial values.
    const ex = PROVINCES.reduce((s, p) => s + cell(table(2017, p.zh), "TII", "EX"), 0) / 1e4;
    expect(Math.abs(ex - 162560.4)).toBeLessThanOrEqual(31 * 0.05);
  });

  it("2012: the 31 provinces' exports exceed the national table's EX by 5–10 % (regional tables do not add up to the national one)", () => {
    const sum = PROVINCES.reduce((s, p) => s + cell(table(2012, p.zh), "TII", "EX"), 0);
    const national = cell(table(2012, "全国"), "TII", "EX");
    const excess = sum / national - 1; // 146,545.6 vs 136,665.9 亿元: +7.2 %
    expect(excess).toBeGreaterThan(0.05);
    expect(excess).toBeLessThan(0.1);
    // 湖北 and 青海 book their domestic outflow in EX (see anomalies); without them the excess is about 3 %
    const clean = sum - cell(table(2012, "湖北"), "TII", "EX") - cell(table(2012, "青海"), "TII", "EX");
    expect(clean / national - 1).toBeLessThan(excess);
  });
});

describe("(iii) the paper's printed 2017 values (亿元, Tables 5 and 6)", () => {
  const flows = () => readCsvRecords(join(DERIVED, "province_flows.csv"));
  /** within half a unit of the last printed digit ("535" ±0.5, "1822.7" ±0.05) */
  const matches = (value: string, printed: string) => {
    const decimals = printed.includes(".") ? printed.split(".")[1].length : 0;
    return Math.abs(Number(value) - Number(printed)) <= 0.5 * 10 ** -decimals + 1e-9;
  };
  const cases: [string, Record<string, string>][] = [
    ["青海", { total_output: "6493.2", export: "28.8", outflow: "535", import: "15.7", inflow: "1822.7" }],
    ["重庆", { total_output: "55914.6", export: "3488.4", outflow: "77282.8", import: "2597.9", inflow: "79220.5" }],
    ["云南", { outflow: "5430", inflow: "15016.5" }],
  ];
  for (const [zh, printed] of cases)
    it(`${zh} (printed_total basis)`, () => {
      const row = flows().find((f) => f.year === "2017" && f.province_zh === zh && f.basis === "printed_total")!;
      expect(row.province_en).toBe(province(zh).en);
      for (const [field, v] of Object.entries(printed)) expect(matches(row[field], v), `${zh} ${field}: ${row[field]} vs ${v}`).toBe(true);
    });

  it("云南 on the sector_sum basis does not match: the paper used the printed totals", () => {
    const row = flows().find((f) => f.year === "2017" && f.province_zh === "云南" && f.basis === "sector_sum")!;
    expect(Number(row.outflow)).toBeLessThan(5430 - 400);
    expect(Number(row.inflow)).toBeLessThan(15016.5 - 400);
  });
});

describe("(iv) every anomaly listed in SOURCE.md is detected by the rules", () => {
  let all: Anomaly[];
  beforeAll(() => {
    all = [...tables.values()].flatMap(detectAnomalies);
  });
  const find = (year: number, zh: string, kind: string, column?: string) =>
    all.filter((a) => a.year === year && a.province_zh === zh && a.kind === kind && (column === undefined || a.column === column));

  it("2017 云南: printed OF, IF, TFU exceed the sectors by 468.53 亿元", () => {
    for (const c of ["OF", "IF", "TFU"]) {
      const [a] = find(2017, "云南", "total_row_difference", c);
      expect((a.value! - a.reference!).toFixed(2)).toBe("468.53");
    }
  });

  it("2017 广东: FU101 is 5.3× FU102; the derived table carries the columns swapped", () => {
    const [a] = find(2017, "广东", "label_swap_corrected", "FU101/FU102");
    expect((a.value! / a.reference!).toFixed(1)).toBe("5.3");
    const tii = readCsvRecords(join(DERIVED, "io-tables/2017/guangdong.csv")).find((r) => r.code === "TII")!;
    expect(Number(tii.FU102)).toBe(cell(table(2017, "广东"), "TII", "FU101"));
    expect(Number(tii.FU101)).toBe(cell(table(2017, "广东"), "TII", "FU102"));
    // no other table has rural above urban consumption
    expect(all.filter((x) => x.kind === "rural_exceeds_urban")).toEqual([]);
  });

  it("flows above total output: 2017 重庆 OF and IF, 2017 海南 IF, 2012 北京 OF", () => {
    expect(find(2017, "重庆", "flow_exceeds_output").map((a) => a.column)).toEqual(["OF", "IF"]);
    expect(find(2017, "海南", "flow_exceeds_output").map((a) => a.column)).toEqual(["IF"]);
    expect(find(2012, "北京", "flow_exceeds_output").map((a) => a.column)).toEqual(["OF"]);
  });

  it("2012 湖北 and 青海 have no domestic flows; 2012 内蒙古 no foreign flows", () => {
    expect(find(2012, "湖北", "domestic_flows_zero")).toHaveLength(1);
    expect(find(2012, "青海", "domestic_flows_zero")).toHaveLength(1);
    expect(find(2012, "内蒙古", "foreign_flows_zero")).toHaveLength(1);
  });

  it("large ERR: 2017 山东 ≈ 8,577 亿元 (3.3 %), 2012 吉林 ≈ 1,167, 2012 山东 ≈ 1,992", () => {
    const [sd17] = find(2017, "山东", "large_error_term");
    expect(Math.round(sd17.value!)).toBe(8577);
    expect(((100 * sd17.value!) / sd17.reference!).toFixed(1)).toBe("3.3");
    expect(Math.round(find(2012, "吉林", "large_error_term")[0].value!)).toBe(1167);
    expect(Math.round(find(2012, "山东", "large_error_term")[0].value!)).toBe(1992);
  });

  it("2012 天津 and 河北 have a second sheet (info)", () => {
    expect(find(2012, "天津", "extra_sheets")).toHaveLength(1);
    expect(find(2012, "河北", "extra_sheets")).toHaveLength(1);
  });

  it("anomalies.csv holds exactly what the rules find", () => {
    const csv = readCsvRecords(join(DERIVED, "anomalies.csv"));
    expect(csv.map((a) => `${a.year} ${a.province_zh} ${a.kind} ${a.column}`).sort()).toEqual(
      all.map((a) => `${a.year} ${a.province_zh} ${a.kind} ${a.column}`).sort(),
    );
  });

  it("the identity rules catch a perturbed cell (they can fail)", () => {
    const t = table(2017, "青海");
    const i = t.rowCodes.indexOf("13");
    const j = t.colCodes.indexOf("GO");
    const values = t.values.map((r) => [...r]);
    values[i][j] += 10; // 10 万元 more output in sector 13, nothing else changed
    const bad = { ...t, values };
    expect(rowIdentity(bad).map((a) => a.column)).toEqual(["GO@13"]);
    expect(columnIdentity(bad).map((a) => a.column)).toEqual(["TI@13"]);
  });
});

describe("(v) malformed workbooks: one error naming file, row and column", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "io-bad-"));
    mkdirSync(join(dir, "2017"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const COLS = [...SECTOR_CODES, "TIU", "FU101", "FU102", "THC", "FU103", "TC", "FU201", "FU202", "GCF", "EX", "OF", "TFU", "IM", "IF", "ERR", "GO"];
  const ROWS = [...SECTOR_CODES, "TII", "VA001", "VA002", "VA003", "VA004", "TVA", "TI"];
  /** A well-formed sheet as an array of rows: title, unit, header at row 4, codes as numbers where the bureaus write numbers. */
  function goodSheet(): unknown[][] {
    const header = ["代码", null, "-", ...COLS.map((c) => (/^\d+$/.test(c) && Number(c) >= 10 ? Number(c) : c))];
    const body = ROWS.map((r, i) => [i === 0 ? "中间投入" : null, `name ${r}`, r, ...COLS.map((_, j) => (i >= 43 && j >= 43 ? null : i * 100 + j))]);
    return [["青海2017年投入产出表"], ["单位：万元"], [null], header, ...body];
  }
  function write(name: string, aoa: unknown[][]): string {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "Sheet1");
    const file = join(dir, "2017", name);
    XLSX.writeFile(wb, file, { bookType: "biff8" });
    return file;
  }

  it("reads a well-formed workbook: codes normalised, blanks counted", () => {
    const t = readIoWorkbook(write("29-青海.xls", goodSheet()));
    expect([t.year, t.province_zh, t.trade]).toEqual([2017, "青海", "split"]);
    expect(t.colCodes).toEqual(COLS);
    expect(t.rowCodes).toEqual(ROWS);
    expect(cell(t, "05", "12")).toBe(4 * 100 + 11);
    expect(t.blankCells).toHaveLength(6 * 15);
  });

  it("missing header", () => {
    const aoa = goodSheet();
    aoa[3][0] = "编码";
    const file = write("01-北京.xls", aoa);
    expect(() => readIoWorkbook(file)).toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*column A, rows 1–.*no header row`));
  });

  it("text in a numeric cell", () => {
    const aoa = goodSheet();
    aoa[4 + 4][3 + 11] = "n/a"; // row code 05, column code 12: Excel row 9, column O
    const file = write("02-天津.xls", aoa);
    expect(() => readIoWorkbook(file)).toThrow(/02-天津\.xls.*row 9, column O \(cell O9\), row code 05, column code 12: "n\/a" is not a number/);
  });

  it("duplicate column code and duplicate row code", () => {
    const aoa = goodSheet();
    aoa[3][3 + 5] = 5; // column code 06 becomes a second 05 (Excel column I; the first is H)
    const file = write("03-河北.xls", aoa);
    expect(() => readIoWorkbook(file)).toThrow(/03-河北\.xls.*row 4, column I \(cell I4\): duplicate column code "05" \(also in column H\)/);
    const aoa2 = goodSheet();
    aoa2[4 + 43][2] = "TII"; // VA001 relabelled TII
    const file2 = write("04-山西.xls", aoa2);
    expect(() => readIoWorkbook(file2)).toThrow(/04-山西\.xls.*row 48, column C \(cell C48\): duplicate row code "TII" \(also in row 47\)/);
  });

  it("missing required column", () => {
    const aoa = goodSheet().map((r) => r.slice(0, -3).concat(r.slice(-2))); // drop IF
    const file = write("05-内蒙古.xls", aoa);
    expect(() => readIoWorkbook(file)).toThrow(/05-内蒙古\.xls.*header row 4: missing required column code\(s\) IF/);
  });

  it("a unit other than 万元", () => {
    const aoa = goodSheet();
    aoa[1][0] = "单位：亿元";
    const file = write("06-辽宁.xls", aoa);
    expect(() => readIoWorkbook(file)).toThrow(/06-辽宁\.xls.*row 2, column A \(cell A2\): unit is "亿元", expected 万元/);
  });
});
