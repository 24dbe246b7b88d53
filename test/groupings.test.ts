import { beforeAll, describe, expect, it } from "vitest";
import { groupFlows } from "../lib/indicators/aggregate";
import { provinceFlows2017 } from "../lib/data/editions";
import { LOCATION_GROUPS, NORTHWEST, REGION_GROUPS, defineGroup } from "../lib/paper/groupings";
import { FLOW_COLUMNS } from "../lib/paper/columns";
import { loadPrintedTable } from "../lib/paper/printedTables";
import type { ProvinceFlows } from "../lib/data/provinceFlows";
import { PROVINCES } from "../lib/paper/provinces";

/**
 * Table 3's 西北 and Table 4's 沿海/内陆/沿边 are not listed in the paper. The members are the ones whose
 * totals add up to the printed group rows: here every geographically possible assignment is tried and
 * exactly one matches all six printed flows of every group (within the rounding of 31 provinces' values).
 */
let data: ProvinceFlows[];
beforeAll(() => {
  data = provinceFlows2017("paper");
});

/** Does the group's computed total of every flow match the printed row? (n members rounded to 0.1 each) */
function matchesPrinted(members: string[], printed: ReturnType<typeof loadPrintedTable>[number]): boolean {
  const f = groupFlows(data, members);
  return FLOW_COLUMNS.every((c) => Math.abs(f[c] - printed[c].value) <= 0.05 * members.length + 0.5 * 10 ** -printed[c].decimals);
}

describe("group members the paper does not list", () => {
  it("coast/inland/border: of the 16 assignments of the ambiguous provinces, only the one in lib/paper/provinces.ts adds up", () => {
    const table4 = loadPrintedTable(4);
    const row = (zh: string) => table4.find((r) => r.group_zh === zh)!;
    // unambiguous by geography
    const coast = ["天津", "河北", "上海", "江苏", "浙江", "福建", "山东", "广东", "海南"];
    const border = ["吉林", "黑龙江", "内蒙古", "新疆", "西藏", "云南"];
    // 辽宁 and 广西 are both coastal and on a land border; 甘肃 borders Mongolia; 北京 is neither coastal nor border
    const options: Record<string, ["沿海地区" | "内陆地区" | "沿边地区", "沿海地区" | "内陆地区" | "沿边地区"]> = {
      辽宁: ["沿海地区", "沿边地区"],
      广西: ["沿海地区", "沿边地区"],
      甘肃: ["沿边地区", "内陆地区"],
      北京: ["沿海地区", "内陆地区"],
    };
    const ambiguous = Object.keys(options);
    const inland = PROVINCES.map((p) => p.zh).filter((p) => !coast.includes(p) && !border.includes(p) && !ambiguous.includes(p));
    const matching: Record<string, string>[] = [];
    for (let mask = 0; mask < 2 ** ambiguous.length; mask++) {
      const pick = Object.fromEntries(ambiguous.map((p, k) => [p, options[p][(mask >> k) & 1]]));
      const members = (g: string, base: string[]) => [...base, ...ambiguous.filter((p) => pick[p] === g)];
      if (
        matchesPrinted(members("沿海地区", coast), row("沿海地区")) &&
        matchesPrinted(members("内陆地区", inland), row("内陆地区")) &&
        matchesPrinted(members("沿边地区", border), row("沿边地区"))
      )
        matching.push(pick);
    }
    expect(matching).toEqual([{ 辽宁: "沿海地区", 广西: "沿边地区", 甘肃: "内陆地区", 北京: "内陆地区" }]);
    for (const g of LOCATION_GROUPS)
      for (const [p, loc] of Object.entries(matching[0])) expect(g.members.includes(p)).toBe(loc === g.zh);
  });

  it("西北地区 is 陕西, 甘肃, 青海, 宁夏, 新疆 (not with 内蒙古, not without any one of them)", () => {
    const printed = loadPrintedTable(3).find((r) => r.group_zh === "#西北地区")!;
    expect(matchesPrinted(NORTHWEST.members, printed)).toBe(true);
    expect(new Set(NORTHWEST.members)).toEqual(new Set(["陕西", "甘肃", "青海", "宁夏", "新疆"]));
    expect(matchesPrinted([...NORTHWEST.members, "内蒙古"], printed)).toBe(false);
    for (const p of NORTHWEST.members) expect(matchesPrinted(NORTHWEST.members.filter((q) => q !== p), printed)).toBe(false);
  });

  it("the four regions (NBS division) add up to Table 3's rows", () => {
    const table3 = loadPrintedTable(3);
    for (const g of REGION_GROUPS) expect(matchesPrinted(g.members, table3.find((r) => r.group_zh === g.zh)!)).toBe(true);
  });
});

describe("defineGroup", () => {
  it("builds a user grouping and rejects unknown or repeated provinces", () => {
    expect(defineGroup("京津冀", "Jing-Jin-Ji", ["北京", "天津", "河北"]).members).toHaveLength(3);
    expect(() => defineGroup("x", "x", ["北京", "北平"])).toThrow(/北平/);
    expect(() => defineGroup("x", "x", ["北京", "北京"])).toThrow(/twice/);
    expect(() => defineGroup("x", "x", [])).toThrow(/no members/);
  });
});
