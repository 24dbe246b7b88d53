import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyByRules, classifyProvince, DEFAULT_THRESHOLDS } from "../lib/typology/rules";
import { ProvinceFlows } from "../lib/data/provinceFlows";
import { PROVINCES } from "../lib/paper/provinces";

/** Flows of a province with GDP 100 and the given ftd, dtd (%) and inflow rate / outflow rate split. */
function flows(province_zh: string, ftd: number, dtd: number, inflowShare = 0.5): ProvinceFlows {
  return { province_zh, total_output: 300, gdp: 100, export: ftd / 2, import: ftd / 2, outflow: dtd * (1 - inflowShare), inflow: dtd * inflowShare };
}

/** Provinces as printed in the paper's Tables 5 and 6 (flows in 亿元). */
function printedRows(): ProvinceFlows[] {
  const out: ProvinceFlows[] = [];
  for (const f of ["table5.csv", "table6.csv"]) {
    const lines = readFileSync(join(__dirname, "..", "data", "paper", f), "utf8").trim().split(/\r?\n/);
    const h = lines[0].split(",");
    for (const l of lines.slice(1)) {
      const c = l.split(",");
      if (!PROVINCES.some((p) => p.zh === c[0]) || out.some((r) => r.province_zh === c[0])) continue;
      const v = (k: string) => Number(c[h.indexOf(k)]);
      out.push({ province_zh: c[0], total_output: v("total_output"), gdp: v("gdp"), export: v("export"), outflow: v("outflow"), import: v("import"), inflow: v("inflow") });
    }
  }
  return out;
}

describe("rule-based classifier", () => {
  it("fires each rule on constructed provinces", () => {
    const N = DEFAULT_THRESHOLDS.national;
    expect(classifyProvince(flows("青海", 2, 90, 0.75)).type).toBe("输入型经济"); // inflow 3 × outflow
    expect(classifyProvince(flows("青海", 2, 90, 0.5)).type).toBe("自洽型经济"); // balanced: not 输入型
    expect(classifyProvince(flows("北京", 100, 500)).type).toBe("双循环经济");
    expect(classifyProvince(flows("天津", 45, 180)).type).toBe("外向型经济");
    expect(classifyProvince(flows("新疆", 45, 200)).type).toBe("外向型经济"); // ftd rule precedes geography
    expect(classifyProvince(flows("云南", 9, 125)).type).toBe("沿边型经济");
    expect(classifyProvince(flows("吉林", 27, 467)).type).toBe("内贸型经济"); // border, but very high dtd
    expect(classifyProvince(flows("湖北", 10, 40)).type).toBe("自洽型经济");
    expect(classifyProvince(flows("陕西", 15, 1.2 * N.dtd)).type).toBe("内贸型经济");
    expect(classifyProvince(flows("安徽", 14, 0.95 * N.dtd)).type).toBe("均衡型经济");
  });

  it("explains each decision in Chinese and English with the numbers compared", () => {
    const d = classifyProvince(flows("北京", 100, 500));
    expect(d.rule).toBe(2);
    expect(d.reason.zh).toBe("双循环经济：外贸依存度 100.0% ≥ 37.3%，内贸依存度 500.0% ≥ 267.3%");
    expect(d.reason.en).toBe(
      "Dual-circulation economy: foreign-trade dependence 100.0% ≥ 37.3% and domestic-trade dependence 500.0% ≥ 267.3%",
    );
  });

  it("takes thresholds as parameters", () => {
    // 辽宁 is coastal in lib/paper/provinces.ts; counting it as border makes it 沿边型 as in Table 1
    const ln = flows("辽宁", 29, 173);
    expect(classifyProvince(ln).type).toBe("均衡型经济");
    expect(classifyProvince(ln, { border: [...DEFAULT_THRESHOLDS.border, "辽宁"] }).type).toBe("沿边型经济");
    // with a lower "high" factor, ftd 31 % counts as high
    expect(classifyProvince(flows("重庆", 31, 800)).type).toBe("内贸型经济");
    expect(classifyProvince(flows("重庆", 31, 800), { high: 0.8 }).type).toBe("双循环经济");
  });

  it("agrees with Table 1 on the provinces printed in Tables 5–6, except 山西, 河南 and 重庆", () => {
    // expected types: the paper's Table 1 (lib/paper/provinces.ts); flows: the paper's Tables 5–6
    const rows = printedRows();
    expect(rows.map((r) => r.province_zh).sort()).toHaveLength(19); // 9 Yellow River + 11 Yangtze provinces, 四川 in both;
    const decided = classifyByRules(rows);
    const misses = decided.filter((d) => PROVINCES.find((p) => p.zh === d.province_zh)!.type !== d.type).map((d) => d.province_zh);
    // 重庆: ftd 31.3 % < 37.26 % (Table 6) although Table 1 calls it 双循环; 河南: dtd 226.0 % is as high as
    // 内贸型 贵州's 217.5 %; 山西 (Table 5: rates 50.7/53.2 %) falls just under the "low" bounds 52.1/55.6 %
    expect(misses.sort()).toEqual(["山西", "河南", "重庆"].sort());
  });

  it("refuses unknown provinces and impossible flows", () => {
    expect(() => classifyProvince(flows("北平", 10, 10))).toThrow(/unknown province "北平"/);
    expect(() => classifyProvince({ ...flows("北京", 10, 10), gdp: 0 })).toThrow(/北京: ftd is Infinity/);
  });
});
