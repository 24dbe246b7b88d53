// lib/present/charts/fitLabels.ts: room for tick labels, long titles wrapped (the report's charts are checked in Chromium by
// test/notebooks.test.ts and test/reproducible.test.ts).
import { describe, expect, it } from "vitest";
import { AXIS_TITLE_MAX, displayWidth, fitLabels, TITLE_MAX, wrapLabel } from "../lib/present/charts/fitLabels";

describe("wrapLabel", () => {
  it("counts a Chinese character as two Latin ones", () => {
    expect(displayWidth("GDP")).toBe(3);
    expect(displayWidth("外贸依存度（%）")).toBe(15); // 5 + 2 full-width brackets count 2 each, % 1
  });
  it("leaves a label that fits alone, and breaks a bilingual one at its slash", () => {
    expect(wrapLabel("各组占全国比重", 10)).toBe("各组占全国比重");
    expect(wrapLabel("adjusted Rand index vs Table 1 / 调整兰德指数 ARI（与表1）", 48)).toBe("adjusted Rand index vs Table 1 /<br>调整兰德指数 ARI（与表1）");
  });
  it("breaks at spaces or Chinese punctuation into lines that fit, as even as it can, keeping existing breaks", () => {
    const t = "Confusion matrix of the best configuration: Foreign-trade dependence + Domestic-trade dependence + Inflow rate";
    const lines = wrapLabel(t, 60).split("<br>");
    expect(lines.length).toBe(2);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(60);
    expect(lines.join(" ")).toBe(t);
    const zh = wrapLabel("混淆矩阵：表1类型 × 最佳方案（外贸依存度 + 内贸依存度）", 30).split("<br>");
    expect(zh[0]).toBe("混淆矩阵：表1类型 ×");
    for (const l of zh) expect(displayWidth(l)).toBeLessThanOrEqual(30);
    expect(wrapLabel("a<br>b", 1)).toBe("a<br>b");
    expect(wrapLabel("Unbreakablelonglabel", 5)).toBe("Unbreakablelonglabel");
  });
});

describe("fitLabels", () => {
  it("gives every axis automargin unless a builder turned it off, and leaves the input alone", () => {
    const fig = { data: [{ type: "bar" }], layout: { xaxis2: { automargin: false }, yaxis: { title: { text: "x" } } } };
    const fitted = fitLabels(fig);
    expect(fitted.layout).toEqual({ xaxis2: { automargin: false }, yaxis: { title: { text: "x" }, automargin: true }, xaxis: { automargin: true } });
    expect(fig.layout).toEqual({ xaxis2: { automargin: false }, yaxis: { title: { text: "x" } } });
  });
  it("adds no axes to maps, pies or Sankey diagrams", () => {
    expect(fitLabels({ data: [{ type: "choropleth" }], layout: {} }).layout).toEqual({});
  });
  it("wraps long figure and axis titles and makes room above the plot for the added line", () => {
    const long = "Each group's share of the national total, with every province listed by its type and region";
    const fitted = fitLabels({ data: [], layout: { title: { text: long }, margin: { t: 60 }, xaxis: { title: { text: long } } } });
    const title = (fitted.layout.title as { text: string }).text.split("<br>");
    expect(title.length).toBe(2);
    for (const l of title) expect(displayWidth(l)).toBeLessThanOrEqual(TITLE_MAX);
    for (const l of (fitted.layout.xaxis as { title: { text: string } }).title.text.split("<br>")) expect(displayWidth(l)).toBeLessThanOrEqual(AXIS_TITLE_MAX);
    expect(fitted.layout.margin).toEqual({ t: 82 });
  });
});
