// Value-added exposure: shares, group aggregation (sum, then divide), rank correlation, multipliers, product groups,
// sector claims; known answers from hand computation, Miller & Blair, SciPy's documentation and the paper's Table 2.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Matrix } from "ml-matrix";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPONENTS, type ComponentKey } from "../lib/inputOutput/decompose";
import { leontiefInverse, outputMultipliers, technicalCoefficients } from "../lib/inputOutput/leontief";
import { sectorTablePath } from "../lib/data/loadSectorTable";
import { SECTORS_2012, SECTORS_2017 } from "../lib/data/sectors";
import { defineGroup, NATIONAL } from "../lib/paper/groupings";
import { repoRoot } from "../lib/core/paths";
import { PROVINCES } from "../lib/paper/provinces";
import {
  circulationRanking,
  dependenceRows,
  exposureOf,
  groupExposure,
  provinceExposures,
  rankCorrelation,
  ranks,
  typeDependenceRows,
  typeExposure,
  type ValueAddedInput,
} from "../lib/inputOutput/exposure";
import { grossFlows } from "../lib/inputOutput/grossFlows";
import { meanMultiplier, provinceMultipliers, weightedMultiplier } from "../lib/inputOutput/multipliers";
import { provinceValueAdded, type ProvinceValueAdded } from "../lib/inputOutput/provinceValueAdded";
import { reexportSummary } from "../lib/inputOutput/reexportSummary";
import { SECTOR_CLAIMS, checkSectorClaims, sectorShareCheck, verdictOf, type ClaimCheck, type ClaimInput } from "../lib/checks/sectorClaims";
import { SECTOR_GROUPS, groupIndices, grossSectorShare, importShareOfUse, sectorShare, sectorShareOfAllDemand, type ProductValueAdded } from "../lib/inputOutput/sectorGroups";
import { addingUpTable, exposureTable, policyDisplayTable } from "../lib/present/valueAddedTables";
import { csvOf } from "../lib/present/tables";
import { paperText } from "./helpers/paperText";

const HAVE_TABLES = PROVINCES.every((p) => existsSync(sectorTablePath(2017, p.slug)));

const induced = (exports: number, outflows: number, household: number, government: number, capital: number): Record<ComponentKey, number> => ({
  exports,
  outflows,
  household,
  government,
  capital,
});

describe("exposure shares", () => {
  // 北京: TVA 100 = 10 + 30 + 20 + 10 + 25 + residual 5; 天津: TVA 300 = 90 + 60 + 60 + 30 + 60 + 0
  const rows: ValueAddedInput[] = [
    { zh: "北京", tva: 100, induced: induced(10, 30, 20, 10, 25) },
    { zh: "天津", tva: 300, induced: induced(90, 60, 60, 30, 60) },
  ];

  it("divides each component by TVA; circulations and the residual add up to 1", () => {
    const e = exposureOf(rows[0]);
    expect(e.components.exports).toBeCloseTo(0.1, 12);
    expect(e.circulations).toEqual({ international: 0.1, domestic: 0.3, local: 0.55, other: 0.05 });
    const total = Object.values(e.circulations).reduce((s, x) => s + x, 0);
    expect(total).toBeCloseTo(1, 12);
  });

  it("groups sum first, then divide: (10 + 90)/(100 + 300) = 0.25, not the mean of 0.1 and 0.3", () => {
    const g = groupExposure(rows, defineGroup("京津", "Beijing–Tianjin", ["北京", "天津"]));
    expect(g.circulations.international).toBeCloseTo(0.25, 12);
    expect(g.circulations.domestic).toBeCloseTo(90 / 400, 12);
    expect(g.circulations.other).toBeCloseTo(5 / 400, 12);
    expect(g.tva).toBe(400);
  });

  it("refuses a group member without data and a non-positive TVA", () => {
    expect(() => groupExposure(rows, defineGroup("京沪", "x", ["北京", "上海"]))).toThrow(/no value-added data for province "上海"/);
    expect(() => exposureOf({ zh: "北京", tva: 0, induced: induced(0, 0, 0, 0, 0) })).toThrow(/北京 has value added 0/);
  });
});

describe("ranks and Spearman's ρ", () => {
  it("ranks the largest 1 and gives ties their average rank", () => {
    expect(ranks([3, 1, 3, 2])).toEqual([1.5, 4, 1.5, 3]);
  });
  it("matches SciPy's documented example: spearmanr([1,2,3,4,5], [5,6,7,8,7]) = 0.8207826816681233", () => {
    expect(rankCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7])).toBeCloseTo(0.8207826816681233, 12);
  });
  it("is 1 for a monotone transform and −1 for a reversal", () => {
    expect(rankCorrelation([1, 2, 3, 10], [1, 4, 9, 100])).toBeCloseTo(1, 12);
    expect(rankCorrelation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
  });
  it("refuses NaN and constant input", () => {
    expect(() => ranks([1, NaN])).toThrow(/value 2 is NaN/);
    expect(() => rankCorrelation([1, 1], [1, 2])).toThrow(/constant/);
  });
});

describe("multipliers (Miller & Blair 2009, ch. 2: A = [[0.15, 0.25], [0.20, 0.05]], f = [350, 1700], x = [1000, 2000])", () => {
  const L = leontiefInverse(technicalCoefficients(new Matrix([[150, 500], [200, 100]]), [1000, 2000]));
  const m = outputMultipliers(L);
  it("weighted output multiplier m·f/Σf = Σx/Σf = 3000/2050", () => {
    expect(weightedMultiplier(m, [350, 1700])).toBeCloseTo(3000 / 2050, 9);
  });
  it("mean output multiplier = (1.51815181 + 1.45214521)/2 (column sums of the published L)", () => {
    expect(meanMultiplier(m)).toBeCloseTo((1.51815181 + 1.45214521) / 2, 7);
  });
  it("an empty final demand has multiplier 0; mismatched lengths throw", () => {
    expect(weightedMultiplier(m, [0, 0])).toBe(0);
    expect(() => weightedMultiplier(m, [1])).toThrow(/2 multipliers but 1/);
  });
});

describe("product groups", () => {
  it("every code exists in its year's list, and groups name the same products in 2012 and 2017 (services aside)", () => {
    for (const g of SECTOR_GROUPS) {
      const names = (year: 2012 | 2017) => groupIndices([g.key], year).map((i) => (year === 2017 ? SECTORS_2017 : SECTORS_2012)[i].zh);
      expect(names(2017)).toHaveLength(g.codes[2017].length);
      if (g.key !== "services") expect(names(2012)).toEqual(names(2017));
    }
    // 2012's 科学研究和技术服务 is 2017's 研究和试验发展 + 综合技术服务; every other 2012 service is in the 2017 list
    const s2012 = groupIndices(["services"], 2012).map((i) => SECTORS_2012[i].zh);
    const s2017 = new Set(groupIndices(["services"], 2017).map((i) => SECTORS_2017[i].zh));
    expect(s2012.filter((n) => !s2017.has(n))).toEqual(["科学研究和技术服务"]);
    expect(s2017.has("研究和试验发展") && s2017.has("综合技术服务")).toBe(true);
    expect(groupIndices(["energy"], 2017).map((i) => SECTORS_2017[i].zh)).toEqual([
      "煤炭采选产品",
      "石油和天然气开采产品",
      "石油、炼焦产品和核燃料加工品",
      "电力、热力的生产和供应",
      "燃气生产和供应",
    ]);
  });

  it("the groups used in claims are disjoint (mining overlaps energy on purpose and is used alone)", () => {
    const keys = SECTOR_GROUPS.map((g) => g.key).filter((k) => k !== "mining");
    const seen = new Set<number>();
    for (const k of keys)
      for (const i of groupIndices([k], 2017)) {
        expect(seen.has(i), `${k} repeats sector ${i + 1}`).toBe(false);
        seen.add(i);
      }
  });

  // two provinces with value added induced only in sector 01 (agriculture) and 12 (chemicals)
  const vec = (pairs: [number, number][]) => {
    const v = new Array(42).fill(0);
    for (const [i, x] of pairs) v[i] = x;
    return v;
  };
  const zero = vec([]);
  const mk = (zh: string, outflows: number[], household = zero): ProductValueAdded => ({
    zh,
    year: 2017,
    byProduct: { exports: zero, outflows, household, government: zero, capital: zero },
  });
  const rows = [mk("陕西", vec([[0, 30], [11, 10]]), vec([[0, 60]])), mk("宁夏", vec([[11, 60]]))];

  it("share of a component's value added carried by a group; pooled over provinces as sum, then divide", () => {
    expect(sectorShare(rows, ["陕西"], "outflows", ["chemicals"])).toBeCloseTo(0.25, 12);
    expect(sectorShare(rows, ["陕西", "宁夏"], "outflows", ["chemicals"])).toBeCloseTo(70 / 100, 12);
    expect(sectorShare(rows, ["陕西"], "exports", ["chemicals"])).toBe(0);
    // all demand in 陕西: 40 outflows + 60 household, chemicals 10
    expect(sectorShareOfAllDemand(rows, ["陕西"], ["chemicals"])).toBeCloseTo(0.1, 12);
  });

  it("gross and import shares from the printed columns", () => {
    const t = (zh: string, OF: number[], IM: number[], localUse: number[]) => ({ zh, year: 2017, table: { EX: zero, OF, IM, localUse } });
    const g = [t("陕西", vec([[1, 5], [2, 15]]), vec([[1, 2], [3, 6]]), vec([[1, 10], [3, 30]]))];
    expect(grossSectorShare(g, ["陕西"], "OF", ["energy"])).toBeCloseTo(1, 12);
    expect(importShareOfUse(g, ["陕西"], ["mining"])).toBeCloseTo(8 / 40, 12);
    expect(() => importShareOfUse(g, ["陕西"], ["services"])).toThrow(/no local use of Services/);
  });

  it("the sector claim check compares with the pooled national share", () => {
    const claimRows = rows.map((r) => ({ ...r, en: r.zh, tva: 1, induced: induced(0, 0, 0, 0, 0), intermediate: { local: 0, total: 1 } })) as ClaimInput[];
    // sectorShareCheck pools over all 31 provinces: with only two present it must say which is missing
    expect(() => sectorShareCheck(claimRows, "陕西", "outflows", ["chemicals"])).toThrow(/no data for province "北京"/);
  });
});

describe("verdicts", () => {
  const c = (holds: boolean, counted = true): ClaimCheck => ({ subject: { zh: "", en: "" }, measure: { zh: "", en: "" }, value: 0, national: 0, holds, counted });
  it("yes / partly / no from the counted comparisons only", () => {
    expect(verdictOf([c(true), c(true), c(false, false)])).toBe("yes");
    expect(verdictOf([c(true), c(false)])).toBe("partly");
    expect(verdictOf([c(false), c(true, false)])).toBe("no");
    expect(() => verdictOf([c(true, false)])).toThrow(/no counted/);
  });
  it("every claim sentence is verbatim in the paper (whitespace removed)", () => {
    const text = paperText().replace(/\s+/g, "");
    for (const claim of SECTOR_CLAIMS) expect(text, claim.id).toContain(claim.sentence_zh);
  });
});

describe("re-export summary", () => {
  it("adds up the netted rows per province and expresses outflow netting as a share of printed outflows", () => {
    const row = (code: string, excess: number, fromExports: number, fromOutflows: number) => ({ code, zh: code, en: code, excess, fromExports, fromOutflows, fromOther: excess - fromExports - fromOutflows });
    const d = (zh: string, reexports: ReturnType<typeof row>[]) => ({ zh, en: zh, reexports }) as unknown as ProvinceValueAdded["decomposition"];
    const out = reexportSummary([d("北京", [row("03", 10, 4, 6), row("11", 30, 10, 20)]), d("天津", []), d("重庆", [row("03", 100, 0, 100)])], { 北京: 260, 重庆: 400 });
    expect(out.map((r) => r.zh)).toEqual(["重庆", "北京"]);
    expect(out[1]).toMatchObject({ sectors: 2, excess: 40, fromExports: 14, fromOutflows: 26, outflowShare: 0.1 });
    expect(out[1].largest.map((s) => s.code)).toEqual(["11", "03"]);
  });
});

describe.runIf(HAVE_TABLES)("the 31 provincial tables of 2017", () => {
  let rows: ProvinceValueAdded[];
  beforeAll(() => {
    rows = provinceValueAdded(2017);
  });

  it("value added by product adds up to each component's induced value added", () => {
    for (const p of rows)
      for (const c of COMPONENTS) {
        const sum = p.byProduct[c.key].reduce((s, x) => s + x, 0);
        expect(Math.abs(sum - p.induced[c.key]), `${p.zh} ${c.key}`).toBeLessThan(1e-9 * p.tva);
      }
  });

  it("shares of every province and type add up to 1, and TVA = Σ VA_k + vLε within rounding everywhere", () => {
    for (const e of typeExposure(rows)) {
      const total = Object.values(e.circulations).reduce((s, x) => s + x, 0);
      expect(total).toBeCloseTo(1, 12);
    }
    expect(addingUpTable(rows, "zh").allHold).toBe(true);
  });

  it("no province keeps more value added per yuan of gross exports or outflows than one yuan, nor of its netted final demand", () => {
    for (const p of rows) {
      const m = provinceMultipliers(p);
      for (const k of ["vaPerExport", "vaPerOutflow", "vaPerGrossExport", "vaPerGrossOutflow"] as const) {
        expect(m[k], `${p.zh} ${k}`).toBeGreaterThanOrEqual(0);
        expect(m[k], `${p.zh} ${k}`).toBeLessThanOrEqual(1 + 1e-12);
      }
      expect(m.meanOutput, p.zh).toBeGreaterThanOrEqual(1);
      expect(p.intermediate.local).toBeLessThanOrEqual(p.intermediate.total + 1e-9);
    }
  });

  it("the gross side reproduces the paper's Table 2: 外贸依存度 37.26 and 内贸依存度 178.17 nationally, 59.89 / 140.71 for the export-oriented type", () => {
    const dep = typeDependenceRows(rows, grossFlows(2017));
    expect(dep[0].zh).toBe(NATIONAL.zh);
    expect(dep[0].ftd).toBeCloseTo(37.26, 2);
    expect(dep[0].dtd).toBeCloseTo(178.17, 2);
    const outward = dep.find((d) => d.zh === "外向型经济")!;
    expect(outward.ftd).toBeCloseTo(59.89, 2);
    expect(outward.dtd).toBeCloseTo(140.71, 2);
    // a yuan of exports induces less than a yuan of value added, so the value-added share stays below exports/GDP
    // (TVA and the yearbook GDP differ by well under 1% for these groups)
    for (const d of dep) expect(d.vaInternational, d.zh).toBeLessThan(d.exportRatio);
  });

  it("rankings are permutations of 1…31 for each circulation", () => {
    const dep = dependenceRows(provinceExposures(rows), grossFlows(2017));
    const r = circulationRanking(dep);
    for (const k of ["international", "domestic", "local", "ftd", "dtd"] as const) expect([...r.map((x) => x[k])].sort((a, b) => a - b)).toEqual(Array.from({ length: 31 }, (_, i) => i + 1));
  });

  it("sector claims: every comparison has finite shares in [0, 1] and a verdict", () => {
    for (const c of checkSectorClaims(rows)) {
      expect(["yes", "partly", "no"]).toContain(c.holds);
      for (const k of c.checks) {
        expect(k.value).toBeGreaterThanOrEqual(0);
        expect(k.value).toBeLessThanOrEqual(1);
        expect(k.holds).toBe(k.value > k.national);
      }
    }
  });

  it("tables: CSV columns follow the display columns", () => {
    const t = exposureTable(typeExposure(rows), "en");
    const csv = csvOf(t);
    expect(csv.header).toEqual(t.columns.map((c) => c.key));
    expect(csv.rows).toHaveLength(8);
    expect(csv.rows[0][0]).toBe("China (31 provinces)");
    expect(policyDisplayTable([], "zh").rows).toEqual([]);
  });
});
