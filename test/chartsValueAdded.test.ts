// Chart builders of the value-added notebook: pure figure JSON, checked without a browser.
import { describe, expect, it } from "vitest";
import type { ComponentKey } from "../lib/inputOutput/decompose";
import { addTypeBands, componentBars, dependenceScatter, labelPositions, rankingBars, shareName, shareOf, sortByType } from "../lib/present/charts/valueAdded";
import type { Figure } from "../lib/present/charts/plotly";
import { exposureOf, type DependenceRow } from "../lib/inputOutput/exposure";

const induced = (exports: number, outflows: number, household: number, government: number, capital: number): Record<ComponentKey, number> => ({
  exports,
  outflows,
  household,
  government,
  capital,
});
// 北京 dual-circulation, 天津 export-oriented, 上海 dual-circulation (Table 1)
const exp = [
  exposureOf({ zh: "天津", tva: 100, induced: induced(30, 20, 20, 10, 20) }, "Tianjin"),
  exposureOf({ zh: "北京", tva: 200, induced: induced(20, 100, 40, 20, 20) }, "Beijing"),
  exposureOf({ zh: "上海", tva: 100, induced: induced(10, 70, 10, 5, 5) }, "Shanghai"),
];

describe("value-added charts", () => {
  it("componentBars: one trace per component plus the residual, in percent, stacking to 100", () => {
    const fig = componentBars(exp, "en");
    expect(fig.data.map((t) => t.name)).toEqual(["Exports", "Outflows to other provinces", "Household consumption", "Government consumption", "Gross capital formation", "Other (error column)"]);
    expect(fig.layout.barmode).toBe("stack");
    const totals = exp.map((_, i) => fig.data.reduce((s, t) => s + (t.y as number[])[i], 0));
    totals.forEach((t) => expect(t).toBeCloseTo(100, 9));
    expect((fig.data[0].y as number[])[0]).toBeCloseTo(30, 12);
  });

  it("sortByType orders by Table 1's types, then by the share: 北京 and 上海 (dual) before 天津 (export-oriented)", () => {
    expect(sortByType(exp, "domestic").map((e) => e.zh)).toEqual(["上海", "北京", "天津"]);
  });

  it("type bands: a divider between runs and one label per run", () => {
    const fig: Figure = { data: [], layout: {} };
    addTypeBands(fig, ["双循环经济", "双循环经济", "外向型经济"], "zh");
    expect(fig.layout.shapes).toEqual([expect.objectContaining({ x0: 1.5, x1: 1.5 })]);
    expect((fig.layout.annotations as { text: string; x: number }[]).map((a) => [a.text, a.x])).toEqual([
      ["双循环", 0.5],
      ["外向型", 2],
    ]);
  });

  it("rankingBars: largest first, the rank in the label, one trace per type", () => {
    const fig = rankingBars(exp, "international", "zh");
    const order = (fig.layout.yaxis as { categoryarray: string[] }).categoryarray;
    expect(order).toEqual(["1. 天津", "2. 北京", "3. 上海"]);
    expect(fig.data.map((t) => (t.name as string).split(" / ")[0])).toEqual(["双循环经济", "外向型经济"]);
  });

  it("dependenceScatter: gross ratio on a log x axis, value-added share on y, points coloured by type", () => {
    const row = (zh: string, en: string, ftd: number, va: number): DependenceRow => ({ zh, en, ftd, dtd: 1, exportRatio: 0, outflowRatio: 0, vaInternational: va, vaDomestic: 1, vaLocal: 1 });
    const fig = dependenceScatter([row("北京", "Beijing", 100, 6), row("天津", "Tianjin", 45, 8)], "international", "en");
    expect(fig.layout.xaxis).toMatchObject({ type: "log" });
    expect(fig.data.map((t) => [t.text, t.x, t.y])).toEqual([
      [["Beijing"], [100], [6]],
      [["Tianjin"], [45], [8]],
    ]);
    expect(() => dependenceScatter([row("北京", "Beijing", NaN, 1)], "international", "en")).toThrow(/NaN/);
  });

  it("label positions: close neighbours take different positions, isolated points go on top", () => {
    const pos = labelPositions([
      { key: "a", x: 0, y: 10 },
      { key: "b", x: 0.01, y: 10.1 },
      { key: "c", x: 5, y: 0 },
    ]);
    expect(pos.get("b")).toBe("top center"); // highest y is placed first
    expect(pos.get("a")).toBe("bottom center");
    expect(pos.get("c")).toBe("top center");
  });

  it("share keys: circulations, components and the residual; an unknown key throws", () => {
    expect(shareOf(exp[0], "domestic")).toBeCloseTo(0.2, 12);
    expect(shareOf(exp[0], "capital")).toBeCloseTo(0.2, 12);
    expect(shareOf(exp[0], "local")).toBeCloseTo(0.5, 12);
    expect(shareName("other").zh).toBe("其他（误差项）");
    expect(() => shareName("imports" as never)).toThrow(/unknown share "imports"/);
  });
});
