import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCsv } from "../lib/core/csv";
import { repoRoot } from "../lib/core/paths";

const tmp = mkdtempSync(join(tmpdir(), "cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [join(repoRoot(), "bin/trade-patterns.js"), ...args], { cwd: tmp, encoding: "utf8", timeout: 60_000 });
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

describe("inputs that would exhaust memory or never end", () => {
  it("/dev/zero and a 200 MB file end in exit 2 and one line naming the 16 MiB limit", () => {
    expectUsageError(run("indicators", "/dev/zero"), /\/dev\/zero: holds more than 16 MiB; input files are limited to 16 MiB/);
    const big = join(tmp, "big.csv");
    writeFileSync(big, "");
    truncateSync(big, 200 * 1024 * 1024); // sparse: takes no disk space
    expectUsageError(run("cluster", big), /big\.csv: file is 200 MiB; input files are limited to 16 MiB/);
  });
});

describe("outputs: all or nothing, and errors as the exit-code contract says", () => {
  const header = "province_zh,total_output,gdp,export,outflow,import,inflow\n";

  it("tables --out below a file is a usage error (exit 2), and nothing is created", () => {
    const file = join(tmp, "plain-file");
    writeFileSync(file, "x");
    expectUsageError(run("tables", "--out", join(file, "sub")), /--out .*plain-file\/sub: .*plain-file is not a directory/);
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it("a directory named like an output file is found before anything is written", () => {
    const out = join(tmp, "has-dir");
    mkdirSync(join(out, "table3.csv"), { recursive: true });
    writeFileSync(join(out, "table1.csv"), "mine");
    expectUsageError(run("tables", "--out", out), /table3\.csv there is a directory.*nothing was written/);
    expect(readdirSync(out).sort()).toEqual(["table1.csv", "table3.csv"]);
    expect(readFileSync(join(out, "table1.csv"), "utf8")).toBe("mine");
  });

  it("a full stdout (/dev/full) is exit 1 with one line, not a stack trace", () => {
    const input = join(tmp, "ok.csv");
    writeFileSync(input, header + "重庆,55914.6,19424.7,3488.4,77282.8,2597.9,79220.5\n");
    const r = spawnSync("sh", ["-c", `"${process.execPath}" "${join(repoRoot(), "bin/trade-patterns.js")}" indicators "${input}" > /dev/full`], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("trade-patterns: cannot write to standard output: no space left on device (ENOSPC)\n");
  });

  it("control characters from the input are escaped in the message", () => {
    const bad = join(tmp, "ctrl.csv");
    writeFileSync(bad, header + "\u001b[2J\u001b[31m重庆,1,1,1,1,1,1\n");
    const r = run("indicators", bad);
    expectUsageError(r, /unknown province "\\u001b\[2J\\u001b\[31m重庆"/);
    expect(r.stderr).not.toContain("\u001b");
  });

  it("a share that is undefined (a column that is 0 in every row) is an input error naming the column", () => {
    const zero = join(tmp, "zero-outflow.csv");
    writeFileSync(zero, header + "重庆,1,1,1,0,1,1\n青海,1,1,1,0,1,1\n");
    expectUsageError(run("indicators", zero), /zero-outflow\.csv, column "outflow": is 0 in every row, so share_outflow/);
  });
});

/** A fresh tmpfs of `size` mounted at a new folder, or null where mounting is not allowed (not root, a container). */
function mountTmpfs(size: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), "cli-mnt-"));
  const r = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { encoding: "utf8" });
  if (r.status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return null;
}
function unmount(dir: string): void {
  spawnSync("umount", [dir]);
  rmSync(dir, { recursive: true, force: true });
}
const CAN_MOUNT = (() => {
  const d = mountTmpfs("16k");
  if (d) unmount(d);
  return d !== null;
})();

describe.skipIf(!CAN_MOUNT)("tables --out on its own file system (needs root and mount; skipped otherwise)", () => {
  it("a target that is a mount point works (the temporary folder is inside it, so no rename crosses devices)", () => {
    const mnt = mountTmpfs("4m")!;
    try {
      const r = run("tables", "--out", mnt);
      expect(r.code, r.stderr).toBe(0);
      expect(readdirSync(mnt).sort()).toEqual(["reconciliation.csv", "table1.csv", "table2.csv", "table3.csv", "table4.csv", "table5.csv", "table6.csv"]);
    } finally {
      unmount(mnt);
    }
  });

  it("a full device (ENOSPC) ends in exit 1 with one line and leaves the target as it was", () => {
    const mnt = mountTmpfs("48k")!;
    try {
      writeFileSync(join(mnt, "table1.csv"), "previous");
      const r = run("tables", "--out", mnt);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^trade-patterns: cannot write .*: no space left on device \(ENOSPC\); nothing was changed\n$/);
      expect(readdirSync(mnt)).toEqual(["table1.csv"]);
      expect(readFileSync(join(mnt, "table1.csv"), "utf8")).toBe("previous");
    } finally {
      unmount(mnt);
    }
  });
});
