// Two full `npm run reproduce` runs, in English (LANG=en), through the real tslab kernel: their outputs differ only in
// the timings they report, and the English report keeps every chart label inside its chart and fits the window
// (test/notebooks.test.ts does the same for the Chinese default).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notebookName } from "../scripts/notebook/ipynb";
import { defaultNotebooks, reproduce, type ReproduceResult } from "../scripts/reproduce";
import { checkLayout, launchChromium, openPage } from "./helpers/browser";
import { skipUnless } from "./helpers/skip";

const PAPER = defaultNotebooks();

/**
 * The timings a build reports, each replaced by a fixed token: wall seconds of a notebook in the index and in
 * report/.runs.json, and what notebook 05 prints after its perturbation runs ("…: 9.0 s"). Nothing else may differ.
 */
export const TIMINGS: readonly { what: string; re: RegExp }[] = [
  { what: "the index's seconds column", re: /<td class="num">\d+\.\d<\/td>/g },
  { what: ".runs.json seconds", re: /"seconds": \d+(\.\d+)?(e-?\d+)?/g },
  { what: "a printed duration at the end of a line", re: /: \d+\.\d s(?=\\n|\n)/g },
];

export function withoutTimings(text: string): string {
  return TIMINGS.reduce((t, { what, re }) => t.replace(re, `<${what}>`), text);
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

describe("withoutTimings", () => {
  it("replaces the timings and nothing else", () => {
    expect(withoutTimings('<td class="num">35</td><td class="num">12.3</td>')).toBe("<td class=\"num\">35</td><the index's seconds column>");
    expect(withoutTimings('"Random perturbation ±10 %: 9.0 s\\n"')).toBe('"Random perturbation ±10 %<a printed duration at the end of a line>\\n"');
    expect(withoutTimings("ARI 0.371: 18 / 31\n")).toBe("ARI 0.371: 18 / 31\n");
  });
});

describe("two runs of the paper's notebooks (LANG=en)", skipUnless(PAPER.length > 0, "no notebooks/NN_*.ipynb in this checkout"), () => {
  const outs = [mkdtempSync(join(tmpdir(), "tp-twice-a-")), mkdtempSync(join(tmpdir(), "tp-twice-b-"))];
  const results: ReproduceResult[] = [];
  let browser: Browser;

  beforeAll(async () => {
    for (const out of outs) {
      let log = "";
      const r = await reproduce({ out, env: { ...process.env, TP_LANG: "en" }, log: (s) => (log += s), progress: () => undefined });
      if (!r.ok) throw new Error(`reproduce failed: ${r.message}\n${log}`);
      results.push(r);
    }
    browser = await launchChromium();
  }, 2_400_000);

  afterAll(async () => {
    await browser?.close();
    for (const out of outs) rmSync(out, { recursive: true, force: true });
  });

  it("write the same files, which differ only in the timings they report", () => {
    const [a, b] = outs.map((o) => files(o).map((f) => relative(o, f)).sort());
    expect(b).toEqual(a);
    const differing: string[] = [];
    for (const f of a) {
      const [x, y] = outs.map((o) => readFileSync(join(o, f)));
      if (x.equals(y)) continue;
      if (withoutTimings(x.toString("utf8")) !== withoutTimings(y.toString("utf8"))) differing.push(f);
    }
    expect(differing).toEqual([]);
  });

  it.each(["index", ...PAPER.map(notebookName)])("English page %s.html fits the window (1280 and 390 px) and keeps every chart label inside its chart", async (name) => {
    const check = await openPage(browser, join(outs[0], "report", `${name}.html`));
    expect(check.errors).toEqual([]);
    for (const width of [1280, 390]) {
      const layout = await checkLayout(check.page, width);
      expect(layout.page, `${name} at ${width} px: the page is ${layout.page} px wide`).toBeLessThanOrEqual(layout.window);
      expect(layout.clippedLabels, `${name} at ${width} px`).toEqual([]);
    }
    await check.page.close();
  }, 300_000);
});
