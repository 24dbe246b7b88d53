// The paper's text as data besides the claims (test/claimRecords.test.ts): section 四's recommendations and the
// evidence read beside them, section 三's quoted figures, and the notebooks' column sets — each file's schema, and a
// bad file is one InputError naming the file, the row and the column.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CELLS, RECOMMENDATIONS, loadRecommendations } from "../lib/checks/policy";
import { InputError } from "../lib/core/csv";
import { dataPath } from "../lib/core/paths";
import { QUOTED_FIGURES, QUOTED_HEADER, readQuotedFigures } from "../lib/paper/quoted";
import { RECOMMENDATIONS_HEADER, readRecommendationRecords } from "../lib/paper/recommendationTexts";
import { readColumnSets } from "../lib/present/columnSets";

const dir = mkdtempSync(join(tmpdir(), "tp-text-records-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
/** A file of `header` and `lines` in the test's folder. */
function file(header: readonly string[], ...lines: string[]): string {
  const f = join(dir, `f${++n}.csv`);
  writeFileSync(f, [header.join(","), ...lines].join("\n") + "\n");
  return f;
}

describe("data/paper/recommendations.csv and recommendation_evidence.csv", () => {
  it("hold the 23 recommendations of section 四, each with its evidence, every evidence item pointing at a cell of notebook 04", () => {
    expect(readRecommendationRecords().map((r) => r.id)).toEqual(Array.from({ length: 23 }, (_, i) => `R${i + 1}`));
    for (const r of RECOMMENDATIONS) {
      expect(r.evidence.length, r.id).toBeGreaterThan(0);
      for (const e of r.evidence) expect(Object.values(CELLS), r.id).toContain(e.cell);
    }
  });

  const good = "R1,四,region,沿海地区,Coastal,沿海地区要继续发挥开放和创新的带动作用,Coastal provinces should keep leading.";
  const EVIDENCE = ["recommendation", "kind", "measure", "sectors", "group_zh", "reference", "cell"];
  it.each([
    ["an unknown target kind", good.replace(",region,", ",city,"), 'row 2, column "target_kind": "city" is not one of'],
    ["a section that is not part of 四", good.replace(",四,", ",三.1,"), 'row 2, column "section": "三.1" is not a part of section 四'],
    ["a duplicate id", `${good}\n${good}`, 'row 3, column "id": "R1" appears twice'],
    ["an empty recommendation", good.replace("沿海地区要继续发挥开放和创新的带动作用", ""), 'row 2, column "recommendation_zh": empty'],
  ])("recommendations: %s", (_what, line, message) => {
    const f = file(RECOMMENDATIONS_HEADER, line);
    expect(() => readRecommendationRecords(f)).toThrow(InputError);
    expect(() => readRecommendationRecords(f)).toThrow(`${f}, ${message}`);
  });

  it.each([
    ["a target that is no group", good.replace(",沿海地区,Coastal,", ",沿海,Coast,"), "recs", 'row 2, column "target_zh": "沿海" (Coast) is not a region target'],
    ["an English name that is not the group's", good.replace(",Coastal,", ",Coast,"), "recs", 'row 2, column "target_zh": "沿海地区" (Coast) is not a region target'],
    ["evidence of no recommendation", good, "R9,circulation,international,,沿海地区,,va-shares-province", 'row 2, column "recommendation": "R9" is not a recommendation'],
    ["an unknown cell tag", good, "R1,circulation,international,,沿海地区,,va-nothing", 'row 2, column "cell": "va-nothing" is not a cell tag of notebook 04'],
    ["an unknown measure", good, "R1,circulation,tourism,,沿海地区,,va-shares-province", 'row 2, column "measure": "tourism" is not a circulation'],
    ["a sectors item without sectors", good, "R1,sectors,exports,,沿海地区,national,va-sector-groups", 'row 2, column "sectors": a sectors item names its sector groups'],
  ])("evidence: %s", (_what, rec, evidence, message) => {
    const recs = file(RECOMMENDATIONS_HEADER, rec);
    const ev = file(EVIDENCE, evidence === "recs" ? "R1,circulation,international,,沿海地区,,va-shares-province" : evidence);
    const expected = evidence === "recs" ? `${recs}, ${message}` : `${ev}, ${message}`;
    expect(() => loadRecommendations(recs, ev)).toThrow(expected);
  });

  it("a recommendation without evidence is refused", () => {
    const recs = file(RECOMMENDATIONS_HEADER, good, "R2,四,national,全国,China (31 provinces),积极扩大制度型开放,Expand opening.");
    const ev = file(EVIDENCE, "R1,circulation,international,,沿海地区,,va-shares-province");
    expect(() => loadRecommendations(recs, ev)).toThrow(`${ev}, column "recommendation": R2 has no evidence`);
  });
});

describe("data/paper/quoted.csv", () => {
  it("holds the 41 figures section 三 quotes", () => {
    expect(QUOTED_FIGURES).toHaveLength(41);
    expect(readQuotedFigures(dataPath("paper", "quoted.csv"))).toEqual(QUOTED_FIGURES);
  });
  const good = "ftd-x,trade_dependence,2007-2023,-26.9,%,下降26.9%,全国,China,外贸依存度,FTD,2007—2023年，全国外贸依存度从60%下降到33.1%";
  it.each([
    ["an unknown topic", good.replace(",trade_dependence,", ",weather,"), 'row 2, column "topic": "weather" is not one of'],
    ["a bad span of years", good.replace(",2007-2023,", ",2007–2023,"), 'row 2, column "years": "2007–2023" is not a year or a span'],
    ["a value that is no number", good.replace(",-26.9,", ",−26.9,"), 'row 2, column "value": "−26.9" is not a number'],
    ["an unknown unit", good.replace(",%,", ",pp,"), 'row 2, column "unit": "pp" is not one of'],
  ])("%s", (_what, line, message) => {
    const f = file(QUOTED_HEADER, line);
    expect(() => readQuotedFigures(f)).toThrow(`${f}, ${message}`);
  });
  it("a good line reads, with a signed value and its years", () => {
    expect(readQuotedFigures(file(QUOTED_HEADER, good))[0]).toMatchObject({ id: "ftd-x", years: [2007, 2023], value: -26.9, unit: "%", kind: "quoted" });
  });
});

describe("data/labels/column_sets.csv", () => {
  it("reads, every set with its columns", () => {
    const sets = readColumnSets();
    expect(sets.size).toBeGreaterThanOrEqual(12);
    expect(sets.get("gdpSources")![0]).toEqual({ key: { zh: "province_zh", en: "province_en" }, label: { zh: "省份", en: "Province" } });
  });
  const HEADER = ["set", "key", "label_zh", "label_en", "digits"];
  it.each([
    ["a key of three languages", "s,a|b|c,甲,A,", 'row 2, column "key": "a|b|c" is not a field name'],
    ["no Chinese label", "s,a,,A,", 'row 2, column "label_zh": empty'],
    ["decimals that are not a digit", "s,a,甲,A,two", 'row 2, column "digits": "two" is not a number of decimals'],
  ])("%s", (_what, line, message) => {
    const f = file(HEADER, line);
    expect(() => readColumnSets(f)).toThrow(`${f}, ${message}`);
  });
});
