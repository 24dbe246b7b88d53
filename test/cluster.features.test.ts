import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FEATURE_NAMES, featureMatrix } from "../lib/typology/features";
import { ProvinceFlows } from "../lib/data/provinceFlows";

// 青海 as printed in the paper's Table 5 (data/paper/table5.csv): flows in 亿元 and the printed ratios.
function qinghai(): { row: ProvinceFlows; printed: Record<string, number> } {
  const lines = readFileSync(join(__dirname, "..", "data", "paper", "table5.csv"), "utf8").trim().split(/\r?\n/);
  const header = lines[0].split(",");
  const cells = lines.find((l) => l.startsWith("青海,"))!.split(",");
  const v = (c: string) => Number(cells[header.indexOf(c)]);
  return {
    row: { province_zh: "青海", total_output: v("total_output"), gdp: v("gdp"), export: v("export"), outflow: v("outflow"), import: v("import"), inflow: v("inflow") },
    printed: { trade_ratio: v("trade_ratio"), ftd: v("ftd"), dtd: v("dtd"), outflow_rate: v("outflow_rate"), inflow_rate: v("inflow_rate") },
  };
}

describe("featureMatrix", () => {
  it("computes the paper's five ratios as Table 5 prints them (青海)", () => {
    const { row, printed } = qinghai();
    const { X } = featureMatrix([row], ["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"]);
    expect(X[0][0]).toBeCloseTo(printed.trade_ratio, 2);
    expect(X[0][1]).toBeCloseTo(printed.ftd, 1);
    expect(X[0][2]).toBeCloseTo(printed.dtd, 1);
    expect(X[0][3]).toBeCloseTo(printed.outflow_rate, 1);
    expect(X[0][4]).toBeCloseTo(printed.inflow_rate, 1);
  });

  it("splits the dependences by direction: export_rate + import_rate = ftd, outflow_gdp + inflow_gdp = dtd", () => {
    const { row } = qinghai();
    const { X } = featureMatrix([row], ["export_rate", "import_rate", "outflow_gdp", "inflow_gdp", "ftd", "dtd", "export"]);
    const [xr, mr, og, ig, ftd, dtd, exp] = X[0];
    expect(xr).toBeCloseTo((28.8 / 2624.8) * 100, 12);
    expect(xr + mr).toBeCloseTo(ftd, 12);
    expect(og + ig).toBeCloseTo(dtd, 12);
    expect(exp).toBe(28.8);
  });

  it("names an unknown feature and lists the valid ones", () => {
    const { row } = qinghai();
    expect(() => featureMatrix([row], ["ftd", "gdp_per_capita"])).toThrow(
      `unknown feature "gdp_per_capita" (valid features: ${FEATURE_NAMES.join(", ")})`,
    );
    expect(() => featureMatrix([row], ["ftd", "ftd"])).toThrow(/listed twice/);
  });

  it("refuses a value that would become Infinity or NaN, naming the province", () => {
    const { row } = qinghai();
    expect(() => featureMatrix([{ ...row, gdp: 0 }], ["ftd"])).toThrow("featureMatrix: row 0 (青海), feature ftd is Infinity (check gdp and the flows it divides)");
    expect(() => featureMatrix([{ ...row, inflow: NaN }], ["raw" as never])).toThrow(/unknown feature "raw"/);
    expect(() => featureMatrix([{ ...row, inflow: NaN }], ["ftd"])).toThrow("featureMatrix: row 0 (青海), column inflow is NaN, expected a finite number");
  });
});
