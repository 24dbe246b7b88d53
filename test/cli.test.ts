import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCsv } from "../lib/csv";
import { repoRoot } from "../lib/paths";

const tmp = mkdtempSync(join(tmpdir(), "cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repoRoot(), "bin/trade-patterns.js"), ...args], { cwd: tmp, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectUsageError(r: ReturnType<typeof run>, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/); // no stack trace
}

describe("trade-patterns indicators", () => {
  const input = join(tmp, "in.csv");
  writeFileSync(input, "province_zh,total_output,gdp,export,outflow,import,inflow\n重庆,55914.6,19424.7,3488.4,77282.8,2597.9,79220.5\n");

  it("prints per-province indicators that reproduce Table 6's row for 重庆", () => {
    const r = run("indicators", input);
    expect(r.code).toBe(0);
    const out = join(tmp, "out.csv");
    writeFileSync(out, r.stdout);
    const t = readCsv(out);
    const row = Object.fromEntries(t.header.map((h, i) => [h, t.rows[0].cells[i]]));
    expect(row.province_en).toBe("Chongqing");
    // Table 6 prints 25.71, 31.3, 805.7, 415.8, 421.2
    expect(Number(row.trade_ratio).toFixed(2)).toBe("25.71");
    expect(Number(row.ftd).toFixed(1)).toBe("31.3");
    expect(Number(row.dtd).toFixed(1)).toBe("805.7");
    expect(Number(row.outflow_rate).toFixed(1)).toBe("415.8");
    expect(Number(row.inflow_rate).toFixed(1)).toBe("421.2");
  });

  it("rejects a bad cell with exit code 2 and one line naming file, row and column", () => {
    const bad = join(tmp, "bad.csv");
    writeFileSync(bad, "province_zh,total_output,gdp,export,outflow,import,inflow\n重庆,55914.6,abc,3488.4,77282.8,2597.9,79220.5\n");
    expectUsageError(run("indicators", bad), /bad\.csv, row 2, column "gdp": "abc" is not a number/);
  });

  it("rejects a missing file, a directory and a wrong number of arguments", () => {
    expectUsageError(run("indicators", "nope.csv"), /nope\.csv: cannot read file/);
    expectUsageError(run("indicators", tmp), /is a directory/);
    expectUsageError(run("indicators"), /takes one CSV file/);
    expectUsageError(run("frobnicate"), /unknown command "frobnicate"/);
  });
});

describe("trade-patterns tables", () => {
  it("writes Tables 1–6 and the reconciliation, whose misprints are the paper's", () => {
    const out = join(tmp, "tables");
    const r = run("tables", "--out", out);
    expect(r.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["reconciliation.csv", "table1.csv", "table2.csv", "table3.csv", "table4.csv", "table5.csv", "table6.csv"]);
    const t2 = readCsv(join(out, "table2.csv"));
    expect(t2.header.slice(0, 4)).toEqual(["group_zh", "group_en", "total_output", "gdp"]);
    const national = Object.fromEntries(t2.header.map((h, i) => [h, t2.rows[0].cells[i]]));
    expect(national.group_zh).toBe("全国");
    expect(Number(national.trade_ratio).toFixed(2)).toBe("4.78");
    expect(Number(national.ftd).toFixed(2)).toBe("37.26");
    const rec = readCsv(join(out, "reconciliation.csv"));
    const status = rec.header.indexOf("status");
    expect(rec.rows.filter((r) => r.cells[status] === "misprint")).toHaveLength(8);
    expect(readCsv(join(out, "table1.csv")).rows).toHaveLength(31);
  });

  it("takes --edition tables (value added and sums of sectors)", () => {
    const out = join(tmp, "tables-edition");
    expect(run("tables", "--edition", "tables", "--out", out).code).toBe(0);
    const t2 = readCsv(join(out, "table2.csv"));
    const gdp = Number(t2.rows[0].cells[t2.header.indexOf("gdp")]);
    // GDP is the tables' value added: the sum of the 31 sector-sum TVA rows of data/derived/province_flows.csv
    const flows = readCsv(join(repoRoot(), "data/derived/province_flows.csv"));
    const col = (h: string) => flows.header.indexOf(h);
    const va = flows.rows
      .filter((r) => r.cells[col("year")] === "2017" && r.cells[col("basis")] === "sector_sum")
      .reduce((s, r) => s + Number(r.cells[col("value_added")]), 0);
    expect(gdp).toBeCloseTo(va, 4);
    expect(Math.abs(gdp - 847140.14)).toBeGreaterThan(100); // and not the yearbook GDP
  });

  it("on a bad argument writes nothing", () => {
    const out = join(tmp, "never");
    expectUsageError(run("tables", "--edition", "book", "--out", out), /--edition must be one of paper, tables/);
    expectUsageError(run("tables", "--out", out, "--colour", "red"), /Unknown option '--colour'/);
    expectUsageError(run("tables"), /needs --out/);
    expect(existsSync(out)).toBe(false);
    const file = join(tmp, "a-file");
    writeFileSync(file, "x");
    expectUsageError(run("tables", "--out", file), /exists and is not a directory/);
    expect(readFileSync(file, "utf8")).toBe("x");
  });
});

describe("trade-patterns decompose", () => {
  it("prints, per province, value added induced by each component that adds up to the table's value added", () => {
    const r = run("decompose", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.year).toBe(2017);
    expect(out.provinces).toHaveLength(31);
    for (const p of out.provinces) {
      const parts = p.exports + p.outflows + p.household + p.government + p.capital;
      expect(parts).toBeCloseTo(p.sum, 6);
      expect(p.sum + p.residual).toBeCloseTo(p.value_added, 6);
      // the residual is the value added carried by the table's error column, nothing else
      expect(Math.abs(p.residual - p.residual_from_err)).toBeLessThan(1e-3);
    }
  });

  it("rejects a year without the foreign/domestic split", () => {
    expectUsageError(run("decompose", "--year", "2007"), /--year must be 2017 or 2012/);
  });
});
