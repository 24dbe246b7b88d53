// data/examples/provinces_2017.csv, the README's command-line input: exactly what scripts/build-examples.ts writes,
// each cell the derived file's (read here by hand, not through lib/), adding up to Table 2's printed national row.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lib/core/paths";

const ROOT = repoRoot();
const EXAMPLE = join(ROOT, "data", "examples", "provinces_2017.csv");

/** A CSV without quoted fields as header-keyed records (the files read here quote only text, never numbers). */
function records(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, "utf8").trimEnd().split("\n");
  const h = head.split(",");
  return lines.map((l) => {
    const cells = l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, ""));
    return Object.fromEntries(h.map((k, i) => [k, cells[i]]));
  });
}

describe("data/examples/provinces_2017.csv", () => {
  const rows = records(EXAMPLE);

  it("is byte for byte what scripts/build-examples.ts writes (regenerate: npm run data)", () => {
    const out = mkdtempSync(join(tmpdir(), "examples-"));
    try {
      const r = spawnSync(process.execPath, [join(ROOT, "node_modules/tsx/dist/cli.mjs"), join(ROOT, "scripts/build-examples.ts"), "--out", out], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(join(out, "provinces_2017.csv")).equals(readFileSync(EXAMPLE))).toBe(true);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it("has the input columns of the commands, 31 provinces", () => {
    expect(readFileSync(EXAMPLE, "utf8").split("\n")[0]).toBe("province_zh,province_en,total_output,gdp,export,outflow,import,inflow");
    expect(rows).toHaveLength(31);
    expect(new Set(rows.map((r) => r.province_zh)).size).toBe(31);
  });

  it("holds the 2017 printed total rows of data/derived/province_flows.csv and the GDP of data/derived/gdp_2017.csv", () => {
    const flows = records(join(ROOT, "data", "derived", "province_flows.csv")).filter((r) => r.year === "2017" && r.basis === "printed_total");
    const gdp = new Map(records(join(ROOT, "data", "derived", "gdp_2017.csv")).map((r) => [r.province_zh, r.gdp]));
    expect(flows.map((r) => r.province_zh)).toEqual(rows.map((r) => r.province_zh));
    for (const [i, r] of rows.entries()) {
      for (const c of ["total_output", "export", "outflow", "import", "inflow"]) expect(Number(r[c]), `${r.province_zh} ${c}`).toBe(Number(flows[i][c]));
      expect(Number(r.gdp), `${r.province_zh} gdp`).toBe(Number(gdp.get(r.province_zh)));
      expect(r.province_en).toBe(flows[i].province_en);
    }
  });

  it("adds up to Table 2's printed national row (全国) within the printed rounding", () => {
    const national = records(join(ROOT, "data", "paper", "table2.csv")).find((r) => r.group_zh === "全国")!;
    for (const c of ["total_output", "gdp", "export", "outflow", "import", "inflow"]) {
      const sum = rows.reduce((s, r) => s + Number(r[c]), 0);
      const decimals = (national[c].split(".")[1] ?? "").length;
      // the paper summed flows rounded to 0.1 亿元: 31 half-units of that on top of the printed rounding
      expect(Math.abs(sum - Number(national[c])), c).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 31 * 0.05);
    }
  });
});
