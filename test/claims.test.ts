import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { CLAIMS, checkClaims, roundingTolerance, type ClaimResult } from "../lib/checks/claims";
import { provinceFlows2017 } from "../lib/data/editions";
import { loadPrintedTable } from "../lib/paper/printedTables";
import { repoRoot } from "../lib/core/paths";
import type { ProvinceFlows } from "../lib/data/provinceFlows";
import { PAPER_TEXT, paperText } from "./helpers/paperText";

/**
 * The claims of sections 一 and 二 that the data do NOT bear out, with the value the data give.
 * Numeric ones: [id, computed value at the printed precision + 2]; each can be redone by hand from the printed
 * tables' flows (the test below does so), so these numbers are not just the code's own output.
 * Qualitative ones: [id, false]. In the order of CLAIMS.
 */
const NOT_HOLDING: [id: string, computed: string | boolean][] = [
  // 双循环经济's GDP share 9.22 % ranks 6th of the seven types (Table 2: 均衡 14.30, 沿边 10.66, 内贸 9.24 are larger)
  ["s1-three-types-economic-centres", false],
  // the paper added the rounded shares 46.74 + 32.38; (71562 + 49571.6) / 153113.5 (Table 2) = 79.1136 %
  ["s1-import-share-two-types", "79.1136"],
  // 25.91 + 29.42 added rounded; (186607.1 + 211884.5) / 720300.9 (Table 2) = 55.3229 %
  ["s1-outflow-share-two-types", "55.3229"],
  // 均衡型经济's 外贸依存度 11.59 % ranks 6th of 7 (Table 2), not in the middle
  ["t1-balanced-medium-ftd", false],
  // 沿边型经济's 内贸依存度 173.05 % is below the national 178.17 % (Table 2)
  ["t1-border-high-dtd", false],
  // 东北地区's 外贸依存度 22.37 % is below the national 37.26 % (Table 3)
  ["s2-northeast-high-ftd", false],
  // Table 4's misprinted cell, repeated by the text: 129482.5 / 162560.4 = 79.6520 %
  ["s2-coast-export-share", "79.6520"],
  // 山西 ranks 23rd–27th of 31 on every ratio; 河南's 内贸依存度 ranks 9th
  ["s2-henan-shanxi-medium", false],
  // 内贸型经济 has 2 of the nine provinces, as many as 自洽型, 均衡型 and 输入型
  ["s2-yellow-river-many-domestic-type", false],
  // Table 5's misprinted cells, repeated by the text: (19742 + 14548.4) / 221218.9 = 15.501 %, (119398.2 + 153256.6) / 221218.9 = 123.251 %
  ["s2-yellow-ftd", "15.501"],
  ["s2-yellow-dtd", "123.251"],
];

/** Claims whose quoted table cell is one of the misprints of lib/checks/reconcile.ts. */
const QUOTES_MISPRINT = ["s2-coast-export-share", "s2-yellow-ftd", "s2-yellow-dtd"];

const PAPER = PAPER_TEXT;
const squeeze = (s: string) => s.replace(/\s+/g, "");

/** Decimals printed after the point. */
const decimals = (printed: string) => (printed.split(".")[1] ?? "").length;

let data: ProvinceFlows[];
let results: ClaimResult[];
beforeAll(() => {
  data = provinceFlows2017("paper");
  results = checkClaims(data);
});

describe("claims of sections 一 and 二 (paper edition)", () => {
  it("has one result per claim, with unique ids", () => {
    expect(results.map((r) => r.id)).toEqual(CLAIMS.map((c) => c.id));
    expect(new Set(CLAIMS.map((c) => c.id)).size).toBe(CLAIMS.length);
    expect(CLAIMS.length).toBeGreaterThanOrEqual(90);
  });

  it("quotes every sentence verbatim from its section of the paper", () => {
    const text = squeeze(paperText());
    const span = (from: string, to: string) => {
      const a = text.indexOf(from);
      const b = text.indexOf(to, a + 1);
      if (a < 0 || b < 0) throw new Error(`${PAPER}: cannot find the span "${from}" … "${to}"`);
      return text.slice(a, b);
    };
    const sections = {
      一: span("一、中国各地区内外贸模式的总体特征", "表1中国各地区内外贸模式及特征"),
      表1: span("表1中国各地区内外贸模式及特征", "表2中国各经济循环类型基本情况"),
      二: span("二、中国各地区内外贸模式的区域特征", "三、新发展格局下"),
    };
    for (const c of CLAIMS) expect(sections[c.section], `${c.id}: "${c.sentence_zh}"`).toContain(squeeze(c.sentence_zh));
  });

  it("quotes every printed number in its sentence", () => {
    for (const c of CLAIMS) if (c.printed !== null) expect(c.sentence_zh, c.id).toMatch(new RegExp(`(^|[^\\d.])${c.printed.replace(".", "\\.")}(%|倍|万亿元)`));
  });

  it("derives each tolerance from the printed rounding: half a unit of the last printed digit", () => {
    for (const c of CLAIMS) {
      if (c.printed === null) expect(c.tolerance, c.id).toBeNull();
      else expect(c.tolerance, c.id).toBeCloseTo(0.5 * 10 ** -decimals(c.printed), 12);
    }
    expect(roundingTolerance("4.78")).toBeCloseTo(0.005, 12);
    expect(roundingTolerance("4")).toBe(0.5);
    expect(roundingTolerance("219.40")).toBeCloseTo(0.005, 12);
    expect(() => roundingTolerance("4,78")).toThrow(/not a printed number/);
  });

  it("reproduces every printed number within its rounding, except the listed ones", () => {
    const failing = new Set(NOT_HOLDING.map(([id]) => id));
    for (const r of results) {
      if (r.printed === null) continue;
      const within = Math.abs((r.computed as number) - Number(r.printed)) <= 0.5 * 10 ** -decimals(r.printed) + 1e-9;
      expect(within, `${r.id}: computed ${r.computed}, printed ${r.printed}`).toBe(!failing.has(r.id));
      expect(r.holds, r.id).toBe(within);
    }
  });

  it("finds every qualitative claim true, except the listed ones", () => {
    const failing = new Set(NOT_HOLDING.map(([id]) => id));
    for (const r of results) if (r.printed === null) expect(r.computed, `${r.id}: ${r.note}`).toBe(!failing.has(r.id));
  });

  it("flags exactly the listed claims as not holding, with their computed values", () => {
    const found = results
      .filter((r) => !r.holds)
      .map((r): [string, string | boolean] => [r.id, typeof r.computed === "boolean" ? r.computed : (r.computed as number).toFixed(decimals(r.printed!) + 2)]);
    expect(found).toEqual(NOT_HOLDING);
  });

  it("gets the listed values from the printed tables' flows too", () => {
    const row = (n: 2 | 4 | 5, g: string) => loadPrintedTable(n).find((r) => r.group_zh === g)!;
    const t2 = (g: string) => row(2, g);
    const nat = t2("全国");
    const byHand: Record<string, number> = {
      "s1-import-share-two-types": ((t2("外向型经济").import.value + t2("双循环经济").import.value) / nat.import.value) * 100,
      "s1-outflow-share-two-types": ((t2("外向型经济").outflow.value + t2("双循环经济").outflow.value) / nat.outflow.value) * 100,
      "s2-coast-export-share": (row(4, "沿海地区").export.value / row(4, "全国").export.value) * 100,
      "s2-yellow-ftd": ((row(5, "黄河流域").export.value + row(5, "黄河流域").import.value) / row(5, "黄河流域").gdp.value) * 100,
      "s2-yellow-dtd": ((row(5, "黄河流域").outflow.value + row(5, "黄河流域").inflow.value) / row(5, "黄河流域").gdp.value) * 100,
    };
    for (const [id, v] of Object.entries(byHand)) {
      const r = results.find((x) => x.id === id)!;
      // printed flows carry ±0.05 亿元: the two agree to well within 0.01 percentage points
      expect(Math.abs((r.computed as number) - v), id).toBeLessThan(0.01);
      expect(Math.abs(v - Number(r.printed)), `${id}: the printed figure is not what the printed flows give`).toBeGreaterThan(r.tolerance!);
    }
  });

  it("says where the text repeats a misprinted table cell, and only there", () => {
    const flagged = results.filter((r) => /that cell is a misprint/.test(r.note)).map((r) => r.id);
    expect(flagged).toEqual(QUOTES_MISPRINT);
    // every quoted cell agrees with the text at the text's precision
    expect(results.filter((r) => /the text does not agree with the table/.test(r.note)).map((r) => r.id)).toEqual([]);
  });

  it("holds the Yangtze/Yellow River multiples 2.7, 2.3, 3.8 and 4 from the data", () => {
    const v = (id: string) => results.find((r) => r.id === id)!;
    expect(["outflow", "inflow", "export", "import"].map((f) => v(`s2-yangtze-over-yellow-${f}`).holds)).toEqual([true, true, true, true]);
    // 2.6516: inside 2.7 ± 0.05 by less than 0.002
    expect(v("s2-yangtze-over-yellow-outflow").computed as number).toBeGreaterThan(2.65);
    expect(v("s2-yangtze-over-yellow-outflow").computed as number).toBeLessThan(2.655);
  });

  it("turns a claim false when the data contradict it", () => {
    // double Shanghai's exports: the dual-circulation export share leaves 14.53 %, and the East's 81.9 % moves
    const changed = data.map((p) => (p.province_zh === "上海" ? { ...p, export: p.export * 2 } : p));
    const r = new Map(checkClaims(changed).map((x) => [x.id, x]));
    expect(r.get("s1-export-share-dual")!.holds).toBe(false);
    expect(r.get("s2-east-export-share")!.holds).toBe(false);
    // give the 输入型 provinces inflows equal to their outflows: their inflow rate is no longer far above the outflow rate
    const flat = data.map((p) => (["西藏", "青海", "甘肃"].includes(p.province_zh) ? { ...p, inflow: p.outflow } : p));
    expect(new Map(checkClaims(flat).map((x) => [x.id, x])).get("t1-input-inflow-far-above-outflow")!.holds).toBe(false);
  });
});
