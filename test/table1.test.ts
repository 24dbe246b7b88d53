// Table 1 as printed (lib/paper/table1.ts) and the reproduced tables as the `tables` command writes them (lib/indicators/tableCsv.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { tableFiles } from "../lib/cli/cli";
import { toCsv } from "../lib/core/csv";
import { provinceFlows2017 } from "../lib/data/editions";
import { TYPES } from "../lib/paper/provinces";
import { table1ByType, TYPE_FEATURES } from "../lib/paper/table1";
import { computedTableCsv, table1Csv } from "../lib/indicators/tableCsv";
import { paperText } from "./helpers/paperText";

const PAPER = paperText().replace(/\s+/g, "");

describe("Table 1", () => {
  it.each(TYPES.map((t) => [t.zh]))("the 特征 of %s is printed verbatim in the paper", (t) => {
    expect(PAPER).toContain(TYPE_FEATURES[t as keyof typeof TYPE_FEATURES].zh);
  });

  it("seven rows in Table 1's order, provinces as printed (地区 column), 31 in all", () => {
    const t = table1ByType();
    expect(t.map((r) => r.type_zh)).toEqual(TYPES.map((x) => x.zh));
    // the 地区 column as the paper prints it, e.g. 北京、上海、重庆
    for (const r of t) expect(PAPER).toContain(r.members_zh.join("、"));
    expect(t.flatMap((r) => r.members_zh)).toHaveLength(31);
    expect(t.find((r) => r.type_zh === "自洽型经济")!.type_zh_printed).toBe("自洽性经济");
    expect(t[0].members_en).toEqual(["Beijing", "Shanghai", "Chongqing"]);
  });

  it("table1.csv is the file `trade-patterns tables` writes", () => {
    const { header, rows } = table1Csv();
    expect(toCsv(header, rows)).toBe(tableFiles("paper").get("table1.csv"));
  });
});

describe("computed tables as CSV", () => {
  it("table2.csv is the file `trade-patterns tables` writes, for both editions' data", () => {
    const { header, rows } = computedTableCsv(2, provinceFlows2017("paper"));
    expect(toCsv(header, rows)).toBe(tableFiles("paper").get("table2.csv"));
    const t = computedTableCsv(2, provinceFlows2017("tables"));
    expect(toCsv(t.header, t.rows)).toBe(tableFiles("tables").get("table2.csv"));
    expect(rows.map((r) => r[0])).toEqual(["全国", "双循环经济", "外向型经济", "自洽型经济", "内贸型经济", "均衡性经济", "沿边型经济", "输入型经济"]); // labels as Table 2 prints them
  });
});
