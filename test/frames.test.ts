// The indicator layer on DataFrames (lib/indicators/frame.ts) against the plain arrays (lib/indicators/aggregate.ts,
// the oracle): the same numbers, to the last bit, for every table of the paper and the per-province indicators, in
// both editions; and the column arithmetic and groupby-sum on a hand-worked example.
import { describe, expect, it } from "vitest";
import { aggregate, provinceIndicators, TABLE_COLUMNS } from "../lib/indicators/aggregate";
import { recordsOf } from "../lib/indicators/danfo";
import { flowFrame, indicatorFrame, tableFrame, withRatios } from "../lib/indicators/frame";
import { provinceFlows2017, EDITIONS } from "../lib/data/editions";
import { defineGroup, PAPER_LAYOUTS } from "../lib/paper/groupings";

describe.each(EDITIONS)("frames equal arrays (%s edition)", (edition) => {
  const data = provinceFlows2017(edition);
  const flows = flowFrame(data);

  it.each([2, 3, 4, 5, 6] as const)("Table %i", (n) => {
    const byFrame = recordsOf(tableFrame(flows, PAPER_LAYOUTS[n]));
    const byArray = aggregate(data, PAPER_LAYOUTS[n]);
    expect(byFrame).toEqual(byArray.map((r) => Object.fromEntries(TABLE_COLUMNS.map((c) => [c, r[c]]))));
  });

  it("per-province indicators", () => {
    const byFrame = recordsOf(indicatorFrame(flows));
    const byArray = provinceIndicators(data).map((r) => Object.fromEntries(["province_zh", ...TABLE_COLUMNS.slice(1)].map((c) => [c, r[c as keyof typeof r]])));
    expect(byFrame).toEqual(byArray);
  });

  it("a grouping of one's own, with overlapping groups and members out of order", () => {
    const layout = [
      { kind: "group" as const, ...defineGroup("京津冀", "Jing-Jin-Ji", ["河北", "北京", "天津"]) },
      { kind: "group" as const, ...defineGroup("成渝", "Chengdu-Chongqing", ["重庆", "四川"]) },
      { kind: "group" as const, ...defineGroup("川陕", "Sichuan-Shaanxi", ["四川", "陕西"]) },
    ];
    expect(recordsOf(tableFrame(flows, layout))).toEqual(aggregate(data, layout).map((r) => Object.fromEntries(TABLE_COLUMNS.map((c) => [c, r[c]]))));
  });
});

describe("the method on a frame, by hand", () => {
  // two provinces: X 10, M 30, O 100, I 60, Y 200 and X 5, M 5, O 20, I 20, Y 50
  const flows = flowFrame([
    { province_zh: "北京", total_output: 800, gdp: 200, export: 10, outflow: 100, import: 30, inflow: 60 },
    { province_zh: "天津", total_output: 150, gdp: 50, export: 5, outflow: 20, import: 5, inflow: 20 },
  ]);
  it("ratios are new columns by column arithmetic", () => {
    const r = recordsOf<Record<string, number>>(withRatios(flows));
    expect(r.map((x) => [x.trade_ratio, x.ftd, x.dtd, x.outflow_rate, x.inflow_rate])).toEqual([
      // (O + I)/(X + M), (X + M)/Y × 100, (O + I)/Y × 100, (X + O)/Y × 100, (M + I)/Y × 100
      [(100 + 60) / (10 + 30), ((10 + 30) / 200) * 100, ((100 + 60) / 200) * 100, ((10 + 100) / 200) * 100, ((30 + 60) / 200) * 100],
      [(20 + 20) / (5 + 5), ((5 + 5) / 50) * 100, ((20 + 20) / 50) * 100, ((5 + 20) / 50) * 100, ((5 + 20) / 50) * 100],
    ]);
  });
  it("a group sums its members' flows first, then divides (not a mean of ratios)", () => {
    const [g] = recordsOf<Record<string, number>>(tableFrame(flows, [{ kind: "group", ...defineGroup("京津", "Beijing-Tianjin", ["北京", "天津"]) }]));
    expect([g.export, g.gdp, g.ftd, g.dtd, g.share_gdp]).toEqual([15, 250, (50 / 250) * 100, (200 / 250) * 100, 100]);
  });
});
