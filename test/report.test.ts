// The report in headless Chromium, built by `reproduce` from the smoke fixture through the real tslab kernel:
// every chart drawn with its traces, offline, with hover, zoom and legend toggling; LANG and other parameters
// overridden; text from data shown as text, never run.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../scripts/notebook/execute";
import { joinText, readNotebook } from "../scripts/notebook/ipynb";
import { reproduce, type ReproduceResult } from "../scripts/reproduce";
import { launchChromium, openPage, type PageCheck } from "./helpers/browser";

const FIXTURES = join(REPO, "test", "fixtures", "notebooks");
const EVIL_TEXT = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';

describe("report of the smoke notebook (LANG=en, K=5) in headless Chromium", () => {
  const out = mkdtempSync(join(tmpdir(), "tp-report-"));
  let result: ReproduceResult;
  let log = "";
  let browser: Browser;
  let smoke: PageCheck;

  beforeAll(async () => {
    // beside the output folder, not in it: reproduce writes only into a folder holding nothing but its own outputs
    const params = join(mkdtempSync(join(tmpdir(), "tp-report-params-")), "params.json");
    writeFileSync(params, JSON.stringify({ smoke: { K: 5 } }));
    result = await reproduce({
      notebooks: [join(FIXTURES, "smoke.ipynb")],
      out,
      params,
      manifest: join(FIXTURES, "manifest.json"),
      env: { ...process.env, TP_LANG: "en" },
      log: (s) => (log += s),
      progress: () => undefined,
    });
    if (!result.ok) throw new Error(`reproduce failed: ${result.message}\n${log}`);
    browser = await launchChromium();
    smoke = await openPage(browser, join(out, "report", "smoke.html"));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it("writes the executed notebook, one page per notebook plus the index, and the tables", () => {
    const nb = readNotebook(join(out, "notebooks", "smoke.ipynb"));
    expect(nb.cells.some((c) => (c.outputs ?? []).length > 0)).toBe(true);
    for (const f of ["index.html", "smoke.html", "assets/plotly.min.js"]) expect(existsSync(join(out, "report", f)), f).toBe(true);
    // written by the notebook through lib/present/tables.ts, into the run's staging folder, then moved
    expect(readFileSync(join(out, "tables", "smoke.csv"), "utf8")).toBe("K,LABEL\n5,default\n");
    if (existsSync(join(REPO, "bin", "trade-patterns.js"))) expect(existsSync(join(out, "tables", "table1.csv"))).toBe(true);
    expect(existsSync(join(out, "failed"))).toBe(false);
    expect(log).toMatch(/\[1\/1\] test\/fixtures\/notebooks\/smoke\.ipynb \[LANG="en", K=5\] … ok/);
  });

  it("the overrides reach the notebook through an injected-parameters cell after the parameters cell", () => {
    const nb = readNotebook(join(out, "notebooks", "smoke.ipynb"));
    const tags = nb.cells.map((c) => c.metadata.tags ?? []);
    expect(tags[1]).toEqual(["parameters"]);
    expect(tags[2]).toEqual(["injected-parameters"]);
    const echo = joinText(nb.cells[3].outputs?.[0]?.text);
    expect(JSON.parse(echo)).toEqual({ LANG: "en", K: 5, LABEL: "default", FEATURES: ["ftd", "dtd"], provinces: 31 });
  });

  it("draws every chart with all its traces, offline, with no console errors", () => {
    expect(smoke.errors).toEqual([]);
    expect(smoke.external).toEqual([]);
    expect(smoke.figures).toHaveLength(5);
    for (const f of smoke.figures) {
      expect(f, f.id).toMatchObject({ drawn: true, modebar: true });
      expect(f.expected, f.id).toBeGreaterThan(0);
      expect(f.rendered, f.id).toBe(f.expected);
    }
    expect(smoke.figures.map((f) => f.expected)).toEqual([1, 2, 2, 1, 2]);
  });

  it("labels charts in the language the LANG parameter picks", async () => {
    const first = smoke.figures[0].id;
    const title = await smoke.page.textContent(`#${first} .gtitle`);
    expect(title).toBe("Division codes");
    const ticks = await smoke.page.$$eval(`#${first} .xtick text`, (els) => els.map((e) => e.textContent));
    expect(ticks).toEqual(["Beijing", "Tianjin", "Hebei", "Shanxi", "Inner Mongolia"]);
  });

  it("shows a hover label over a bar", async () => {
    const id = smoke.figures[0].id;
    const bar = (await smoke.page.$(`#${id} g.trace.bars g.point path`))!;
    await bar.scrollIntoViewIfNeeded();
    const box = (await bar.boundingBox())!;
    await smoke.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await smoke.page.waitForSelector(`#${id} .hoverlayer .hovertext`, { timeout: 5000 });
    expect(await smoke.page.textContent(`#${id} .hoverlayer .hovertext`)).toContain("11");
  });

  it("zooms when a box is dragged on the plot", async () => {
    const id = smoke.figures[1].id;
    const range = () => smoke.page.evaluate((i) => (document.getElementById(i) as unknown as { _fullLayout: { xaxis: { range: number[] } } })._fullLayout.xaxis.range.slice(), id);
    const before = await range();
    const drag = (await smoke.page.$(`#${id} .nsewdrag`))!;
    await drag.scrollIntoViewIfNeeded();
    const b = (await drag.boundingBox())!;
    await smoke.page.mouse.move(b.x + b.width * 0.2, b.y + b.height * 0.3);
    await smoke.page.mouse.down();
    await smoke.page.mouse.move(b.x + b.width * 0.5, b.y + b.height * 0.7, { steps: 8 });
    await smoke.page.mouse.up();
    await smoke.page.waitForTimeout(300);
    const after = await range();
    expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) * 0.6);
  });

  it("hides a series when its legend entry is clicked", async () => {
    const id = smoke.figures[2].id;
    await smoke.page.click(`#${id} .legend .traces .legendtoggle >> nth=0`);
    // Plotly waits for a possible double click before toggling
    await smoke.page.waitForFunction((i) => (document.getElementById(i) as unknown as { _fullData: { visible: unknown }[] })._fullData.some((t) => t.visible === "legendonly"), id, { timeout: 5000 });
  });

  it("shows text from data as text and never runs it (charts, tables, printed output, markdown)", async () => {
    expect(await smoke.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await smoke.page.textContent(".tp-table td")).toBe(EVIL_TEXT);
    const printed = await smoke.page.$$eval("pre.stdout", (els) => els.map((e) => e.textContent));
    expect(printed).toContain(EVIL_TEXT + "\n");
    const legend = await smoke.page.$$eval(`#${smoke.figures[4].id} .legendtext`, (els) => els.map((e) => e.textContent));
    expect(legend[0]).toContain("window.__pwned = 1");
    expect(await smoke.page.$$eval("main script", (els) => els.filter((e) => (e.textContent ?? "").startsWith("window.__pwned")).length)).toBe(0);
  });

  it("the index maps each manifest entry to its cell, escaped, and every link resolves", async () => {
    const index = await openPage(browser, join(out, "report", "index.html"));
    expect(index.errors).toEqual([]);
    expect(await index.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    const rows = await index.page.$$eval("table.manifest tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    expect(rows[0].slice(0, 2)).toEqual(["表1", "表 / table"]);
    expect(rows[1][0]).toBe("<script>window.__pwned=5</script>");
    const links = await index.page.$$eval("table.manifest a[href*='#cell-']", (as) => as.map((a) => a.getAttribute("href")!));
    // cells: title, parameters, injected-parameters, echo, chart-bar (5), charts, escaping (7)
    expect(links).toEqual(["smoke.html#cell-5", "smoke.html#cell-7"]);
    // the anchors exist and are the tagged cells
    for (const [href, tag] of [[links[0], "chart-bar"], [links[1], "escaping"]]) {
      const anchor = href.split("#")[1];
      expect(await smoke.page.textContent(`#${anchor} .cell-head`), href).toContain(tag);
    }
    await index.page.close();
  });
});
