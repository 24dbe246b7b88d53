import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { YEARBOOK_GDP_2017, gdpGroupResiduals, recoverPaperGdp } from "../lib/data/gdp";
import { dataPath, repoRoot } from "../lib/core/paths";
import { recoverBySubtraction } from "../lib/core/subtraction";

describe("recoverBySubtraction", () => {
  it("solves a hand example: a+b = 10, b+c = 7, a+b+c = 12 with nothing known gives a = 5, b = 5, c = 2", () => {
    const r = recoverBySubtraction(
      [
        { label: "G1", members: ["a", "b"], total: 10, decimals: 0 },
        { label: "G2", members: ["b", "c"], total: 7, decimals: 0 },
        { label: "G3", members: ["a", "b", "c"], total: 12, decimals: 0 },
      ],
      new Map(),
    );
    expect(Object.fromEntries([...r.recovered].map(([k, v]) => [k, v.value]))).toEqual({ a: 5, b: 5, c: 2 });
    expect(r.recovered.get("c")!.recipe).toBe("[G3 (12)] − [G1 (10)]");
    expect(r.underdetermined).toEqual([]);
  });

  it("reports what only a sum determines, and flags an inconsistent total", () => {
    const r = recoverBySubtraction(
      [
        { label: "G", members: ["a", "b", "k"], total: 10, decimals: 0 },
        { label: "H", members: ["k"], total: 3, decimals: 0 },
        { label: "K", members: ["k"], total: 5, decimals: 0 },
      ],
      new Map(),
    );
    expect(r.underdetermined.map((u) => [u.members.sort(), u.sum])).toEqual([[["a", "b"], 7]]);
    expect(r.checks.map((c) => [c.residual, c.ok])).toEqual([[2, false]]);
  });
});

describe("the paper's 2017 GDP", () => {
  const { estimates, checks, underdetermined } = recoverPaperGdp();

  it("is printed for 19 provinces, recovered for 9 and taken from the yearbook for 3", () => {
    const by = (k: string) => estimates.filter((e) => e.source_kind === k).map((e) => e.province_zh);
    expect(by("printed")).toHaveLength(19);
    expect(by("recovered").sort()).toEqual(["北京", "河北", "辽宁", "吉林", "黑龙江", "广西", "海南", "西藏", "新疆"].sort());
    expect(by("yearbook").sort()).toEqual(["天津", "福建", "广东"].sort());
  });

  it("leaves only the sum of 天津, 福建 and 广东 determined, 140436.48, and the yearbook agrees to 0.03", () => {
    expect(underdetermined).toHaveLength(1);
    expect(underdetermined[0].members.sort()).toEqual(["天津", "福建", "广东"].sort());
    expect(underdetermined[0].sum).toBeCloseTo(140436.48, 6);
    const yearbook = Object.values(YEARBOOK_GDP_2017).reduce((a, b) => a + b, 0);
    expect(yearbook - underdetermined[0].sum).toBeCloseTo(0.03, 6);
  });

  it("is consistent: every group total left over after the recovery is within its rounding", () => {
    expect(checks.length).toBeGreaterThan(0);
    for (const c of checks) expect(Math.abs(c.residual), c.recipe).toBeLessThanOrEqual(c.tolerance);
  });

  it("adds up to every printed group GDP of Tables 2–6 within 0.1 亿元", () => {
    const residuals = gdpGroupResiduals(estimates);
    expect(residuals.length).toBe(7 + 1 + 5 + 3 + 2 + 1 + 1);
    for (const r of residuals) expect(Math.abs(r.residual), r.label).toBeLessThan(0.1);
  });

  it("matches the yearbook where the paper's totals pin a province down (北京 28014.94, 河北 34016.32)", () => {
    // SOURCE.md and the China Statistical Yearbook 2018 give 北京 28,014.94 and 河北 34,016.32
    expect(estimates.find((e) => e.province_zh === "北京")!.gdp).toBe(28014.94);
    expect(estimates.find((e) => e.province_zh === "河北")!.gdp).toBe(34016.32);
  });

  it("data/derived/gdp_2017.csv is exactly what scripts/build-gdp.ts writes", () => {
    const dir = mkdtempSync(join(tmpdir(), "gdp-"));
    try {
      execFileSync(process.execPath, [join(repoRoot(), "node_modules/tsx/dist/cli.mjs"), "scripts/build-gdp.ts", "--out", dir], {
        cwd: repoRoot(),
        stdio: "pipe",
      });
      expect(readFileSync(join(dir, "gdp_2017.csv"), "utf8")).toBe(readFileSync(dataPath("derived", "gdp_2017.csv"), "utf8"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
