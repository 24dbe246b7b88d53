import { describe, expect, it } from "vitest";
import { PROVINCES, TYPES, province } from "../lib/paper/provinces";

describe("province reference", () => {
  it("has 31 provinces with unique adcodes, names and slugs", () => {
    expect(PROVINCES).toHaveLength(31);
    for (const key of ["adcode", "zh", "en", "slug"] as const) {
      expect(new Set(PROVINCES.map((p) => p[key])).size).toBe(31);
    }
  });
  it("puts 3+6+4+4+6+5+3 provinces in the seven types, as Table 1 lists them", () => {
    const sizes = TYPES.map((t) => PROVINCES.filter((p) => p.type === t.zh).length);
    expect(sizes).toEqual([3, 6, 4, 4, 6, 5, 3]);
  });
  it("has nine Yellow River and eleven Yangtze provinces", () => {
    expect(PROVINCES.filter((p) => p.yellowRiver)).toHaveLength(9);
    expect(PROVINCES.filter((p) => p.yangtze)).toHaveLength(11);
  });
  it("rejects an unknown province with its name in the message", () => {
    expect(() => province("火星")).toThrow(/火星/);
  });
});
