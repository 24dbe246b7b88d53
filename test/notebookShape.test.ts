// The notebooks hold narrative, parameters and short calls (issue 13): no code cell over 12 lines but the parameter
// cell, no bilingual text typed in a cell (labels come from lib/present/ and data/labels/), and files written only
// through lib/present/tables.ts (writeCsv, or showTable, which shows a table and writes its CSV in one call).
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lib/core/paths";
import { joinText, readNotebook } from "../scripts/notebook/ipynb";

const DIR = join(repoRoot(), "notebooks");
const NOTEBOOKS = readdirSync(DIR).filter((f) => /^\d+_.+\.ipynb$/.test(f)).sort();
const MAX_LINES = 12;
/** `{ zh: "…"` or `LANG === "zh" ? "…"`: a label typed in the cell */
const TYPED_BILINGUAL = /\bzh:\s*["'`]|LANG\s*===\s*["']zh["']\s*\?\s*["'`]/;

function codeCells(file: string) {
  return readNotebook(join(DIR, file))
    .cells.map((c, index) => ({ index, cell: c, source: joinText(c.source) }))
    .filter(({ cell }) => cell.cell_type === "code" && !((cell.metadata?.tags as string[] | undefined) ?? []).includes("parameters"));
}

describe.each(NOTEBOOKS)("%s", (file) => {
  it(`no code cell over ${MAX_LINES} lines (the parameter cell aside)`, () => {
    const long = codeCells(file).filter((c) => c.source.split("\n").length > MAX_LINES).map((c) => `cell ${c.index}: ${c.source.split("\n").length} lines`);
    expect(long).toEqual([]);
  });

  it("no bilingual text typed in a cell", () => {
    const typed = codeCells(file)
      .filter((c) => TYPED_BILINGUAL.test(c.source))
      .map((c) => `cell ${c.index}: ${c.source.split("\n").find((l) => TYPED_BILINGUAL.test(l))}`);
    expect(typed).toEqual([]);
  });

  it("writes files only through lib/present/tables.ts", () => {
    const writes = codeCells(file).filter((c) => /\b(writeFileSync|appendFileSync|createWriteStream)\b/.test(c.source)).map((c) => `cell ${c.index}`);
    expect(writes).toEqual([]);
  });
});

it("the shape rules see what they refuse (a long cell, a typed label)", () => {
  expect(TYPED_BILINGUAL.test('show(x({ title: { zh: "标题", en: "Title" } }))')).toBe(true);
  expect(TYPED_BILINGUAL.test('console.log(LANG === "zh" ? "合计" : "all")')).toBe(true);
  expect(TYPED_BILINGUAL.test("const units = PROVINCES.map((p) => ({ zh: p.zh, en: p.en }));")).toBe(false);
});
