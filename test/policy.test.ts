// Section 四's recommendations: quoted verbatim, addressed to the right provinces, evidence pointing at real cells.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sectorTablePath } from "../lib/data/loadSectorTable";
import { repoRoot } from "../lib/core/paths";
import { PROVINCES } from "../lib/paper/provinces";
import { CELLS, CENTRE_WEST, OUTWARD, RECOMMENDATIONS, evaluateEvidence, policyByType, policyByTypeRows, policyTable } from "../lib/checks/policy";
import { grossFlows } from "../lib/inputOutput/grossFlows";
import { provinceValueAdded, type ProvinceValueAdded } from "../lib/inputOutput/provinceValueAdded";
import { paperText } from "./helpers/paperText";

const NOTEBOOK = join(repoRoot(), "notebooks", "04_value_added_and_policy.ipynb");
const HAVE_TABLES = PROVINCES.every((p) => existsSync(sectorTablePath(2017, p.slug)));

describe("the recommendations of section 四", () => {
  const text = paperText().replace(/\s+/g, "");
  const section4 = text.slice(text.indexOf("四、中国各地区融入新发展格局的对策建议"), text.indexOf("ResearchonForeignTradePattern"));

  it("the paper's text has section 四", () => {
    expect(section4.length).toBeGreaterThan(3000);
  });

  it.each(RECOMMENDATIONS.map((r) => [r.id, r]))("%s is quoted verbatim from section 四", (_id, r) => {
    expect(section4).toContain(r.recommendation_zh);
    expect(r.recommendation_en.length).toBeGreaterThan(10);
    expect(r.evidence.length).toBeGreaterThan(0);
  });

  it("ids are unique and sections name subsections that exist (1–3, points 一–四)", () => {
    expect(new Set(RECOMMENDATIONS.map((r) => r.id)).size).toBe(RECOMMENDATIONS.length);
    for (const r of RECOMMENDATIONS) expect(r.section).toMatch(/^四(\.[123]\.[一二三四])?$/);
  });

  it("quotations appear in the order of their sections", () => {
    const at = RECOMMENDATIONS.map((r) => section4.indexOf(r.recommendation_zh));
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it("named groups hold the provinces the paper names", () => {
    expect(CENTRE_WEST.members).toHaveLength(6 + 12); // NBS: 中部 6 provinces, 西部 12
    expect([...OUTWARD.members].sort()).toEqual(["上海", "北京", "天津", "广东", "新疆", "江苏", "浙江", "福建", "重庆"].sort());
    const r15 = RECOMMENDATIONS.find((r) => r.id === "R15")!;
    expect(r15.target.members).toEqual(["北京", "天津", "上海"]);
  });

  it("per type: the domestic-trade type gets R10 directly; the dual-circulation type gets R15 through 北京 and 上海", () => {
    const byType = policyByType();
    expect(byType[0].type.zh).toBe("全国");
    expect(byType[0].direct.map((r) => r.id)).toEqual(["R2", "R6", "R7", "R9", "R20", "R21"]);
    const domestic = byType.find((t) => t.type.zh === "内贸型经济")!;
    expect(domestic.direct.map((r) => r.id)).toEqual(["R10"]);
    const dual = byType.find((t) => t.type.zh === "双循环经济")!;
    expect(dual.via.find((v) => v.rec.id === "R15")!.members).toEqual(["北京", "上海"]);
    // 天津 is export-oriented, not dual-circulation
    expect(byType.find((t) => t.type.zh === "外向型经济")!.via.find((v) => v.rec.id === "R15")!.members).toEqual(["天津"]);
    expect(policyByTypeRows("en")).toHaveLength(8);
  });

  it.runIf(existsSync(NOTEBOOK))("every evidence cell is a tag of notebooks/04_value_added_and_policy.ipynb", () => {
    const nb = JSON.parse(readFileSync(NOTEBOOK, "utf8")) as { cells: { metadata: { tags?: string[] } }[] };
    const tags = new Set(nb.cells.flatMap((c) => c.metadata.tags ?? []));
    for (const cell of Object.values(CELLS)) expect(tags.has(cell), cell).toBe(true);
    for (const r of RECOMMENDATIONS) for (const e of r.evidence) expect(tags.has(e.cell), `${r.id} → ${e.cell}`).toBe(true);
  });
});

describe.runIf(HAVE_TABLES)("evidence from the 2017 tables", () => {
  let rows: ProvinceValueAdded[];
  beforeAll(() => {
    rows = provinceValueAdded(2017);
  });

  it("R20 quotes the paper's national 外贸依存度, 37.26 (Table 2), beside the value-added share", () => {
    const r20 = RECOMMENDATIONS.find((r) => r.id === "R20")!;
    const v = evaluateEvidence(r20.evidence[0], { rows, flows: grossFlows(2017) });
    expect(v.reference! * 100).toBeCloseTo(37.26, 2);
    expect(v.text.zh).toContain("外贸依存度（毛额）37.3%");
    expect(v.value).toBeGreaterThan(0);
    expect(v.value).toBeLessThan(v.reference!);
  });

  it("every evidence item gives a finite value and sentences in both languages", () => {
    const table = policyTable({ rows, flows: grossFlows(2017) });
    expect(table.length).toBe(RECOMMENDATIONS.reduce((s, r) => s + r.evidence.length, 0));
    for (const row of table) {
      expect(row.evidence_zh).toMatch(/\d+\.\d%/);
      expect(row.evidence_en).toMatch(/\d+\.\d%/);
      expect(row.evidence_zh).not.toMatch(/NaN|Infinity|undefined/);
      expect(row.evidence_en).not.toMatch(/NaN|Infinity|undefined/);
    }
  });
});
