// Steerable charts (lib/present/charts/steerable.ts, steered.ts): the figure JSON, then the real thing in headless Chromium —
// the slider and the dropdown switch the drawn chart to the precomputed state, offline, with no console errors.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { steerable, stateName } from "../lib/present/charts/steerable";
import { clusterMapByK, indicatorMapByIndicator, planeByYear, steppedColorscale } from "../lib/present/charts/steered";
import { figureHtml, plotlyBundleHtml } from "../lib/present/display";
import { PROVINCES } from "../lib/paper/provinces";
import { launchChromium, openPage } from "./helpers/browser";

const base = { data: [{ type: "bar", x: ["a", "b"], y: [1, 2] }, { type: "scatter", x: [0], y: [0] }], layout: { title: { text: "t" }, height: 300 } };
const states = [
  { label: "one", data: [{ y: [1, 2] }], layout: { title: { text: "state one" } } },
  { label: "two", data: [{ y: [5, 3] }], layout: { title: { text: "state two" } } },
];

describe("steerable", () => {
  it("stores every state as a frame, starts from the active one, and says the states are precomputed", () => {
    const fig = steerable(base, { traces: [0], states, control: "slider", name: "level", active: 1 }, "en");
    expect(fig.frames.map((f) => f.name)).toEqual([stateName(0), stateName(1)]);
    expect(fig.frames[1]).toMatchObject({ data: [{ y: [5, 3] }], traces: [0], layout: { title: { text: "state two" } } });
    expect(fig.data[0].y).toEqual([5, 3]); // the active state
    expect(fig.data[1]).toEqual(base.data[1]); // not steered
    expect(fig.layout.title).toEqual({ text: "state two" });
    const slider = (fig.layout.sliders as { active: number; steps: { label: string; method: string; args: unknown[] }[] }[])[0];
    expect(slider.active).toBe(1);
    expect(slider.steps.map((s) => [s.label, s.method, (s.args[0] as string[])[0]])).toEqual([
      ["one", "animate", "state-0"],
      ["two", "animate", "state-1"],
    ]);
    const notes = fig.layout.annotations as { text: string }[];
    expect(notes.at(-1)!.text).toBe("2 precomputed states (one … two): drag the slider to change the level; no kernel needed");
    expect(steerable(base, { traces: [0], states, control: "dropdown", name: "指标" }, "zh").layout.updatemenus).toHaveLength(1);
    expect((steerable(base, { traces: [0], states, control: "dropdown", name: "指标" }, "zh").layout.annotations as { text: string }[])[0].text).toContain("预先计算的 2 种状态");
  });

  it("keeps the note when a state sets its own annotations", () => {
    const withNotes = states.map((s, i) => ({ ...s, layout: { annotations: [{ text: `note ${i}` }] } }));
    const fig = steerable(base, { traces: [0], states: withNotes, control: "slider", name: "x" }, "en");
    for (const f of fig.frames) expect((f.layout!.annotations as { text: string }[]).map((a) => a.text)[1]).toMatch(/precomputed/);
  });

  it("refuses a control with one state, an unknown trace, or a state that updates the wrong number of traces", () => {
    expect(() => steerable(base, { traces: [0], states: states.slice(0, 1), control: "slider", name: "x" })).toThrow(/at least two/);
    expect(() => steerable(base, { traces: [5], states, control: "slider", name: "x" })).toThrow(/trace 5 is not one of the figure's 2/);
    expect(() => steerable(base, { traces: [0, 1], states, control: "slider", name: "x" })).toThrow(/state 0 \(one\) updates 1 traces, not 2/);
  });

  it("steppedColorscale: with zmin −½ and zmax k − ½, cluster i falls in its own colour's step", () => {
    const k = 4;
    const scale = steppedColorscale(["a", "b", "c", "d"]);
    for (let i = 0; i < k; i++) {
      const t = (i + 0.5) / k; // (z − zmin) / (zmax − zmin)
      const step = scale.findIndex(([pos], j) => j % 2 === 1 && pos >= t);
      expect(scale[step][1]).toBe("abcd"[i]);
      expect(scale[step - 1][1]).toBe("abcd"[i]);
    }
  });

  it("planeByYear leaves out points without a value and names them; a value ≤ 0 on a log axis is refused", () => {
    const fig = planeByYear({
      states: [
        { label: "2012", title: "a", points: [{ province: "北京", x: 10, y: 20 }, { province: "西藏", x: null, y: 5 }] },
        { label: "2017", title: "b", points: [{ province: "北京", x: 12, y: 25 }, { province: "西藏", x: 3, y: 6 }] },
      ],
      xTitle: "x",
      yTitle: "y",
      logX: true,
      logY: true,
      name: "year",
    }, "en");
    expect(fig.data).toHaveLength(2); // one trace per Table 1 type with a point: 双循环 (北京), 输入型 (西藏)
    const notes = (fig.frames[0].layout!.annotations as { text: string }[]).map((a) => a.text);
    expect(notes[0]).toBe("Not drawn (no comparable value that year): Tibet");
    expect(() => planeByYear({ states: [{ label: "1", title: "a", points: [{ province: "北京", x: 0, y: 1 }] }, { label: "2", title: "b", points: [] }], xTitle: "x", yTitle: "y", logX: true, name: "y" })).toThrow(/≤ 0 cannot sit on a log axis/);
  });

  it("clusterMapByK checks each state's clusters and sets the confusion axis to its number of columns", () => {
    const provinces = PROVINCES.map((p) => p.zh);
    const state = (k: number) => ({
      label: `k = ${k}`,
      title: `k = ${k}`,
      clusters: provinces.map((_, i) => i % k),
      clusterNames: Array.from({ length: k }, (_, c) => `c${c}`),
      clusterColours: Array.from({ length: k }, () => "#000000"),
      confusion: { rows: ["r"], columns: Array.from({ length: k }, (_, c) => `c${c}`), counts: [Array.from({ length: k }, () => 1)] },
    });
    const fig = clusterMapByK({ provinces, states: [state(2), state(3)], name: "k" }, "en");
    expect(fig.frames.map((f) => (f.layout!.xaxis as { range: number[] }).range)).toEqual([[-0.5, 1.5], [-0.5, 2.5]]);
    expect(fig.data.map((t) => t.type)).toEqual(["choropleth", "choropleth", "heatmap"]);
    expect(() => clusterMapByK({ provinces, states: [{ ...state(2), clusters: provinces.map(() => 2) }, state(3)], name: "k" })).toThrow(/cluster 2 is not one of 0 … 1/);
  });
});

describe("steerable charts in headless Chromium", () => {
  const dir = mkdtempSync(join(tmpdir(), "tp-steer-"));
  const file = join(dir, "page.html");
  let browser: Browser;
  const plane = planeByYear({
    states: [
      // 天津 (外向型) has no value in 2012: its type's trace is still drawn there, with no point
      { label: "2012", title: "plane 2012", points: [{ province: "北京", x: 10, y: 20 }, { province: "天津", x: null, y: 40 }] },
      { label: "2017", title: "plane 2017", points: [{ province: "北京", x: 50, y: 60 }, { province: "天津", x: 70, y: 80 }] },
    ],
    xTitle: "x",
    yTitle: "y",
    name: "year",
  }, "en");
  const values = (f: (i: number) => number) => Object.fromEntries(PROVINCES.map((p, i) => [p.zh, f(i)]));
  const map = indicatorMapByIndicator({ states: [{ label: "first", title: "first", values: values((i) => i) }, { label: "second", title: "second", values: values((i) => 100 - i) }], name: "indicator" }, "en");

  beforeAll(async () => {
    writeFileSync(file, `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${plotlyBundleHtml()}${figureHtml(plane, "plane")}${figureHtml(map, "map")}</body></html>`);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the slider and the dropdown redraw the chart in the state picked", async () => {
    const check = await openPage(browser, file);
    const { page } = check;
    expect(check.errors).toEqual([]);
    expect(check.external).toEqual([]);
    for (const f of check.figures) expect(f, f.id).toMatchObject({ drawn: true, rendered: f.expected });
    const state = (id: string) => page.evaluate((id) => {
      const gd = document.getElementById(id) as HTMLElement & { data: { x?: unknown[]; z?: unknown[] }[]; layout: { title: { text: string } } };
      return { title: gd.layout.title.text, x: gd.data[0].x, z: gd.data[0].z?.slice(0, 3), label: gd.querySelector(".slider-group > .slider-label, .updatemenu-header .updatemenu-item-text")?.textContent };
    }, id);
    expect(await state("plane")).toMatchObject({ title: "plane 2012", x: [10], label: "year: 2012" });
    // click the slider where its "2017" step is
    const plot = await page.$("#plane");
    const labels = await plot!.$$(".slider-label-group .slider-label");
    const rail = await plot!.$(".slider-rail-rect");
    await labels[1].scrollIntoViewIfNeeded();
    const lb = (await labels[1].boundingBox())!;
    const rb = (await rail!.boundingBox())!;
    await page.mouse.click(lb.x + lb.width / 2, rb.y + rb.height / 2);
    await page.waitForFunction(() => (document.getElementById("plane") as unknown as { layout: { title: { text: string } } }).layout.title.text === "plane 2017", null, { timeout: 5000 });
    expect(await state("plane")).toMatchObject({ title: "plane 2017", x: [50], label: "year: 2017" });
    // the dropdown: open it, pick the second indicator
    const header = await page.$("#map .updatemenu-header");
    await header!.scrollIntoViewIfNeeded();
    const hb = (await header!.boundingBox())!;
    await page.mouse.click(hb.x + hb.width / 2, hb.y + hb.height / 2);
    const buttons = await page.$$("#map .updatemenu-dropdown-button");
    expect(buttons).toHaveLength(2);
    const bb = (await buttons[1].boundingBox())!;
    await page.mouse.click(bb.x + bb.width / 2, bb.y + bb.height / 2);
    await page.waitForFunction(() => (document.getElementById("map") as unknown as { layout: { title: { text: string } } }).layout.title.text === "second", null, { timeout: 5000 });
    const after = await state("map");
    expect(after.title).toBe("second");
    expect(after.z).toEqual([100, 99, 98]);
    // still every trace drawn, and nothing went wrong on the way
    const drawn = await page.evaluate(() => ["plane", "map"].map((id) => document.getElementById(id)!.querySelectorAll("g.trace").length));
    expect(drawn).toEqual([2, 2]);
    expect(check.errors).toEqual([]);
    await page.close();
  });
});
