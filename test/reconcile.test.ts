import { beforeAll, describe, expect, it } from "vitest";
import { aggregate } from "../lib/indicators/aggregate";
import { provinceFlows2017 } from "../lib/data/editions";
import { LOCATION_GROUPS, NATIONAL, REGION_GROUPS, TYPE_GROUPS } from "../lib/paper/groupings";
import { sumFlows } from "../lib/indicators/ratios";
import { FLOW_COLUMNS } from "../lib/paper/columns";
import type { ProvinceFlows } from "../lib/data/provinceFlows";
import { reconcile, roundDecimalString, type ReconciledCell } from "../lib/checks/reconcile";

/**
 * The misprints of Tables 2–6, each with the value the paper's own numbers say it should read.
 * These are the paper's errors, found by lib/checks/reconcile.ts; the test fails if the reconciliation finds
 * more, fewer, or different ones.
 */
const MISPRINTS: [table: number, group: string, column: string, printed: string, shouldRead: string][] = [
  [3, "西部地区", "trade_ratio", "158.05", "15.05"],
  [3, "东北地区", "share_import", "55.6", "5.6"],
  [4, "沿海地区", "share_export", "79.75", "79.65"],
  [4, "沿边地区", "share_total_output", "9.3", "9.5"],
  [5, "黄河流域", "ftd", "15.6", "15.5"],
  [5, "黄河流域", "dtd", "123.8", "123.3"],
  [6, "浙江", "outflow", "41879.8", "41876.8"],
  [6, "江西", "inflow", "19485.9", "19475.9"],
];

let data: ProvinceFlows[];
let cells: ReconciledCell[];
beforeAll(() => {
  data = provinceFlows2017("paper");
  cells = reconcile(data);
});

describe("reconciliation of the printed Tables 2–6 (paper edition)", () => {
  it("covers every printed number of Tables 2–6", () => {
    // Table 2: 8 rows × 11 + 7 rows × 6 shares; Table 3: 6 × 11 + 6 × 6; Table 4: 4 × 11 + 4 × 6 (its 全国 shares are not printed: 3 × 6);
    // Tables 5 and 6: 10 and 12 rows × 11
    expect(cells.length).toBe(8 * 11 + 7 * 6 + (6 * 11 + 6 * 6) + (4 * 11 + 3 * 6) + 10 * 11 + 12 * 11);
  });

  it("finds exactly the known misprints, each with the value it should read", () => {
    const found = cells.filter((c) => c.status === "misprint").map((c) => [c.table, c.group_zh, c.column, c.printed, c.should_read]);
    expect(found).toEqual(MISPRINTS);
  });

  it("agrees with every other printed cell within the printed rounding", () => {
    const others = cells.filter((c) => c.status !== "misprint");
    expect(others.filter((c) => c.status !== "rounding")).toEqual([]);
    for (const c of others) expect(Math.abs(c.difference)).toBeLessThanOrEqual(c.tolerance + 1e-6 + 0.05 * Number(c.explanation !== ""));
  });

  it("explains each misprint by an identity among the paper's own numbers", () => {
    for (const c of cells.filter((c) => c.status === "misprint")) expect(c.explanation).toMatch(/contradicts the paper's own numbers|printed ratios do not follow/);
  });

  it("reproduces the text's own numbers: national domestic trade 150.9 万亿元 = 4.78 × foreign trade 31.6 万亿元", () => {
    const n = sumFlows(data);
    expect(((n.outflow + n.inflow) / 1e4).toFixed(1)).toBe("150.9");
    expect(((n.export + n.import) / 1e4).toFixed(1)).toBe("31.6");
    expect(((n.outflow + n.inflow) / (n.export + n.import)).toFixed(2)).toBe("4.78");
  });
});

describe("groupings add up to the national total", () => {
  for (const [name, groups] of [
    ["the seven types", TYPE_GROUPS],
    ["the four regions", REGION_GROUPS],
    ["coast + inland + border", LOCATION_GROUPS],
  ] as const) {
    it(name, () => {
      const [national] = aggregate(data, [NATIONAL]);
      const rows = aggregate(data, groups.map((g) => ({ ...g, kind: "group" as const })));
      expect(new Set(groups.flatMap((g) => g.members)).size).toBe(31);
      for (const c of FLOW_COLUMNS) expect(rows.reduce((s, r) => s + r[c], 0)).toBeCloseTo(national[c], 6);
      expect(rows.reduce((s, r) => s + r.share_gdp, 0)).toBeCloseTo(100, 9);
    });
  }
});

describe("roundDecimalString", () => {
  it("rounds half up on the decimal digits, not on binary floats", () => {
    expect(roundDecimalString("82097.65", 1)).toBe("82097.7");
    expect(roundDecimalString("0.95", 1)).toBe("1.0");
    expect(roundDecimalString("9.96", 1)).toBe("10.0");
    expect(roundDecimalString("2.449", 2)).toBe("2.45");
    expect(roundDecimalString("2.5", 0)).toBe("3");
  });
});
