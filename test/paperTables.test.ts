/**
 * Proves data/paper/table1–6.csv against the paper text, and checks the loader (lib/paper/printedTables.ts).
 *
 * The paper text (extracted from the PDF) gives each table as one cell per line. For each table the transcription is
 * turned back into the sequence of lines the text should hold, and that sequence must appear in the table's region
 * (its caption up to the next caption or section heading) in order, with every numeric line of the region consumed
 * and no line skipped inside the table body. Table 1 is extracted column by column (see data/paper/README.md): its
 * expected sequence is built in that order on purpose.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { afterAll, describe, expect, it } from "vitest";
import { COLUMN_LABELS, FLOW_COLUMNS, RATIO_COLUMNS } from "../lib/paper/columns";
import {
  GROUP_LABELS,
  PRINTED_COLUMNS,
  PRINTED_TABLE_NUMBERS,
  TABLE_CAPTIONS,
  groupLabel,
  loadPrintedTable,
  loadTable1,
  paperDataDir,
  readPrintedTable,
  readTable1,
  type PrintedRow,
  type PrintedTableNumber,
  type Table1Row,
} from "../lib/paper/printedTables";
import { repoRoot } from "../lib/core/paths";
import { PROVINCES, TYPES, province } from "../lib/paper/provinces";

// The paper itself is not redistributed in this repository; it sits in ../shared/paper/ beside the checkout
// (where CI puts it too), or wherever PAPER_TEXT points.
const PAPER_TEXT = process.env.PAPER_TEXT ?? join(repoRoot(), "..", "shared", "paper", "000_7f5be007e0a0cac1.txt");

function paperLines(): string[] {
  if (!existsSync(PAPER_TEXT)) {
    throw new Error(`paper text not found at ${PAPER_TEXT}: set PAPER_TEXT to the extracted text of the paper`);
  }
  return readFileSync(PAPER_TEXT, "utf8").split(/\r?\n/);
}

interface Line {
  /** 1-based line number in the paper text */
  no: number;
  text: string;
}

// A table's region ends at the next caption ("表3 …") or section heading ("二、…", "2.沿海…"), not at "见表3" in prose.
const REGION_END = /^(表\d+\s|[一二三四五六七八九十]+、|\d+\.\D)/;

/** The non-empty lines (trimmed) after table n's caption, up to the next caption or section heading. */
function tableRegion(lines: string[], n: keyof typeof TABLE_CAPTIONS): Line[] {
  const caption = TABLE_CAPTIONS[n].zh;
  const at = lines.flatMap((l, i) => (l.trim().startsWith(caption) ? [i] : []));
  if (at.length !== 1) throw new Error(`caption "${caption}" found ${at.length} times in the paper text`);
  const region: Line[] = [];
  for (let i = at[0] + 1; i < lines.length; i++) {
    const text = lines[i].trim();
    if (REGION_END.test(text)) break;
    if (text !== "") region.push({ no: i + 1, text });
  }
  return region;
}

interface Token {
  text: string;
  /** where the token comes from, for messages */
  what: string;
}

const NUMERIC_LINE = /^\d+(\.\d+)?$/;

/**
 * Problems with reading `tokens` off `region`: each token must match a later line than the one before (a subsequence),
 * every numeric line must be matched, and between the first and the last match no line may be left over.
 */
function proveSequence(region: Line[], tokens: Token[]): string[] {
  const problems: string[] = [];
  const used: number[] = [];
  let pos = 0;
  for (const t of tokens) {
    while (pos < region.length && region[pos].text !== t.text) pos++;
    if (pos === region.length) {
      problems.push(`${t.what} "${t.text}" not found in order (after line ${used.length ? region[used[used.length - 1]].no : "-"})`);
      return problems;
    }
    used.push(pos++);
  }
  const usedSet = new Set(used);
  region.forEach((l, i) => {
    if (NUMERIC_LINE.test(l.text) && !usedSet.has(i)) problems.push(`numeric line ${l.no} "${l.text}" not consumed`);
    else if (i > used[0] && i < used[used.length - 1] && !usedSet.has(i)) problems.push(`line ${l.no} "${l.text}" skipped inside the table`);
  });
  return problems;
}

/**
 * Tables 2–6 as the text should read: the 11 column headings, then per row its label, "数值" (Tables 2–4 label the
 * values row), the 11 values, and "比重" with the 6 shares where the row prints shares. Empty cells give no token.
 */
function printedTableTokens(n: PrintedTableNumber, rows: PrintedRow[]): Token[] {
  const tokens: Token[] = [...FLOW_COLUMNS, ...RATIO_COLUMNS].map((c) => ({ text: COLUMN_LABELS[c].zh, what: `heading of ${c}` }));
  for (const r of rows) {
    tokens.push({ text: r.group_zh, what: "row label" });
    if (n <= 4) tokens.push({ text: "数值", what: `${r.group_zh} 数值 label` });
    let sharesStarted = false;
    for (const c of PRINTED_COLUMNS) {
      const cell = r[c];
      if (!cell) continue;
      if (c.startsWith("share_") && !sharesStarted) {
        tokens.push({ text: "比重", what: `${r.group_zh} 比重 label` });
        sharesStarted = true;
      }
      tokens.push({ text: cell.text, what: `${r.group_zh} ${c}` });
    }
  }
  return tokens;
}

/**
 * Table 1 as the text reads: column by column. The header "类型" and the seven type labels, then "地区" and one line
 * per type listing its provinces joined by "、", then "特征" (the feature texts are not transcribed).
 */
function table1Tokens(rows: Table1Row[]): Token[] {
  const types = [...new Set(rows.map((r) => r.type_zh_printed))];
  return [
    { text: "类型", what: "heading 类型" },
    ...types.map((t) => ({ text: t, what: "type label" })),
    { text: "地区", what: "heading 地区" },
    ...types.map((t) => ({
      text: rows.filter((r) => r.type_zh_printed === t).map((r) => r.province_zh).join("、"),
      what: `provinces of ${t}`,
    })),
    { text: "特征", what: "heading 特征" },
  ];
}

describe("transcription of Tables 1–6 against the paper text", () => {
  const lines = paperLines();

  it.each(PRINTED_TABLE_NUMBERS.map((n) => [n]))("Table %i: every printed cell, in order, nothing skipped", (n) => {
    const rows = loadPrintedTable(n as PrintedTableNumber);
    expect(proveSequence(tableRegion(lines, n as PrintedTableNumber), printedTableTokens(n as PrintedTableNumber, rows))).toEqual([]);
  });

  it("Table 1: type and province columns, in order, nothing skipped", () => {
    const region = tableRegion(lines, 1);
    expect(proveSequence(region, table1Tokens(loadTable1()))).toEqual([]);
    // the third column (特征) holds one line per type and closes the region: the table is 7 rows × 3 columns
    const features = region.slice(region.findIndex((l) => l.text === "特征") + 1);
    expect(features).toHaveLength(TYPES.length);
  });

  describe("the proof rejects a wrong transcription", () => {
    const mutate = (n: PrintedTableNumber, change: (rows: PrintedRow[]) => void): string[] => {
      const rows = loadPrintedTable(n);
      change(rows);
      return proveSequence(tableRegion(lines, n), printedTableTokens(n, rows));
    };
    it("two cells swapped", () => {
      expect(mutate(3, (r) => ([r[1].gdp, r[1].export] = [r[1].export, r[1].gdp]))).not.toEqual([]);
    });
    it("a trailing zero dropped (99.70 → 99.7)", () => {
      expect(mutate(2, (r) => (r[2].outflow_rate = { text: "99.7", value: 99.7, decimals: 1 }))).not.toEqual([]);
    });
    it("a misprint corrected (55.6 → 5.6)", () => {
      expect(mutate(3, (r) => (r[5].share_import = { text: "5.6", value: 5.6, decimals: 1 }))).not.toEqual([]);
    });
    it("a printed cell left empty", () => {
      expect(mutate(3, (r) => (r[5].share_inflow = null))).not.toEqual([]);
    });
    it("two rows swapped", () => {
      expect(mutate(6, (r) => ([r[1], r[2]] = [r[2], r[1]]))).not.toEqual([]);
    });
    it("Table 1: a province under the wrong type", () => {
      const rows = loadTable1().map((r) => (r.province_zh === "北京" ? { ...r, type_zh_printed: "外向型经济" } : r));
      expect(proveSequence(tableRegion(lines, 1), table1Tokens(rows))).not.toEqual([]);
    });
  });
});

describe("Table 1", () => {
  const rows = loadTable1();
  it("lists each of the 31 provinces once", () => {
    expect(rows).toHaveLength(31);
    expect(new Set(rows.map((r) => r.province_zh))).toEqual(new Set(PROVINCES.map((p) => p.zh)));
  });
  it("has 3, 6, 4, 4, 6, 5, 3 provinces in the seven types, in Table 1's order", () => {
    expect(TYPES.map((t) => rows.filter((r) => r.type_zh === t.zh).length)).toEqual([3, 6, 4, 4, 6, 5, 3]);
    expect([...new Set(rows.map((r) => r.type_zh))]).toEqual(TYPES.map((t) => t.zh));
  });
  it("agrees with lib/paper/provinces.ts", () => {
    for (const r of rows) expect([r.province_zh, r.type_zh]).toEqual([r.province_zh, province(r.province_zh).type]);
  });
  it("keeps the printed 自洽性经济 and maps it to 自洽型经济", () => {
    const selfConsistent = rows.filter((r) => r.type_zh === "自洽型经济");
    expect(selfConsistent.map((r) => r.type_zh_printed)).toEqual(["自洽性经济", "自洽性经济", "自洽性经济", "自洽性经济"]);
    expect(rows.filter((r) => r.type_zh_printed !== r.type_zh)).toHaveLength(4);
  });
});

describe("loadPrintedTable", () => {
  it("has the printed number of rows", () => {
    expect(PRINTED_TABLE_NUMBERS.map((n) => loadPrintedTable(n).length)).toEqual([8, 6, 4, 10, 12]);
  });
  it("keeps each cell's printed text and decimals", () => {
    const t2 = loadPrintedTable(2);
    expect(t2[2].group_zh).toBe("外向型经济");
    expect(t2[2].outflow_rate).toEqual({ text: "99.70", value: 99.7, decimals: 2 });
    expect(t2[2].import).toEqual({ text: "71562", value: 71562, decimals: 0 });
    expect(loadPrintedTable(3)[0].share_gdp).toEqual({ text: "100.0", value: 100, decimals: 1 });
  });
  it("has shares exactly where the tables print them", () => {
    const shareCols = PRINTED_COLUMNS.filter((c) => c.startsWith("share_"));
    const printsShares = (n: PrintedTableNumber) => loadPrintedTable(n).map((r) => shareCols.every((c) => r[c] !== null));
    expect(printsShares(2)).toEqual([false, true, true, true, true, true, true, true]);
    expect(printsShares(3)).toEqual([true, true, true, true, true, true]);
    expect(printsShares(4)).toEqual([false, true, true, true]);
    for (const n of [5, 6] as const) {
      for (const r of loadPrintedTable(n)) for (const c of shareCols) expect(r[c]).toBeNull();
    }
  });
  it("rejects a table number outside 2–6", () => {
    expect(() => loadPrintedTable(7 as PrintedTableNumber)).toThrow(/no printed table 7/);
  });
});

describe("group labels", () => {
  it("resolve every printed row label, to distinct ids", () => {
    const labels = [...PRINTED_TABLE_NUMBERS.flatMap((n) => loadPrintedTable(n).map((r) => r.group_zh)), ...loadTable1().map((r) => r.type_zh_printed)];
    const byId = new Map<string, string>();
    for (const l of new Set(labels)) {
      const g = groupLabel(l);
      expect(byId.get(g.id) ?? g.zh, `${l} → ${g.id}`).toBe(g.zh);
      byId.set(g.id, g.zh);
    }
    expect(new Set([...GROUP_LABELS.values()].map((g) => g.id)).size).toBe(new Set(GROUP_LABELS.values()).size);
  });
  it("map the printed variants and sub-groups as the paper means them", () => {
    expect(groupLabel("全国")).toMatchObject({ id: "national", en: "China" });
    expect(groupLabel("均衡性经济")).toMatchObject({ zh: "均衡型经济", en: "Balanced economy", kind: "type" });
    expect(groupLabel("自洽性经济")).toBe(groupLabel("自洽型经济"));
    expect(groupLabel("双循环经济").en).toBe(TYPES[0].en);
    expect(groupLabel("东部地区")).toMatchObject({ id: "east", en: "East" });
    expect(groupLabel("#西北地区")).toMatchObject({ id: "northwest", en: "Northwest (within West)" });
    expect(groupLabel("沿边地区")).toMatchObject({ id: "border", en: "Border" });
    expect(groupLabel("黄河流域").en).toBe("Yellow River basin");
    expect(groupLabel("长江经济带").en).toBe("Yangtze River Economic Belt");
    expect(groupLabel("内蒙古")).toMatchObject({ id: "inner-mongolia", en: "Inner Mongolia", kind: "province" });
    expect(() => groupLabel("西北地区#")).toThrow(/西北地区#/);
  });
});

describe("data directory", () => {
  it("is data/paper under the folder holding package.json", () => {
    expect(paperDataDir()).toBe(join(repoRoot(), "data", "paper"));
    expect(existsSync(join(repoRoot(), "package.json"))).toBe(true);
    for (const n of [1, ...PRINTED_TABLE_NUMBERS]) expect(existsSync(join(paperDataDir(), `table${n}.csv`))).toBe(true);
  });
});

describe("malformed files", () => {
  const dir = mkdtempSync(join(tmpdir(), "paper-tables-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const good = readFileSync(join(paperDataDir(), "table3.csv"), "utf8").split("\n");
  const write = (name: string, lines: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, lines.join("\n"));
    return file;
  };
  const editCell = (row: number, col: number, text: string) =>
    good.map((l, i) => (i === row ? l.split(",").map((c, j) => (j === col ? text : c)).join(",") : l));

  it("the unedited copy loads", () => {
    expect(readPrintedTable(write("ok.csv", good))).toHaveLength(6);
  });
  it("a non-numeric cell names file, row and column", () => {
    const file = write("letter.csv", editCell(4, 7, "15.O5"));
    expect(() => readPrintedTable(file)).toThrow(/letter\.csv, row 5, column "trade_ratio": "15\.O5" is not a printed number/);
  });
  it("a missing value names its column", () => {
    const file = write("missing.csv", editCell(2, 2, ""));
    expect(() => readPrintedTable(file)).toThrow(/missing\.csv, row 3, column "gdp": empty/);
  });
  it("a short row names the first missing column", () => {
    const file = write("short.csv", good.map((l, i) => (i === 3 ? l.split(",").slice(0, 12).join(",") : l)));
    expect(() => readPrintedTable(file)).toThrow(/short\.csv, row 4, column "share_total_output": missing/);
  });
  it("an unknown group label", () => {
    const file = write("label.csv", editCell(5, 0, "西北"));
    expect(() => readPrintedTable(file)).toThrow(/label\.csv, row 6, column "group_zh": "西北" is not a group label/);
  });
  it("a wrong header", () => {
    const file = write("header.csv", [good[0].replace("ftd", "fdt"), ...good.slice(1)]);
    expect(() => readPrintedTable(file)).toThrow(/header\.csv, row 1, column "ftd": header should be "ftd" \(column 9\), found "fdt"/);
  });
  it("whitespace around a number", () => {
    const file = write("space.csv", editCell(1, 1, " 1371249.6"));
    expect(() => readPrintedTable(file)).toThrow(/space\.csv, row 2, column "total_output": " 1371249\.6" has surrounding whitespace/);
  });
  it("Table 1: a printed type that does not match the canonical type", () => {
    const t1 = readFileSync(join(paperDataDir(), "table1.csv"), "utf8").split("\n");
    const file = write("t1.csv", t1.map((l, i) => (i === 10 ? "四川,自洽性经济,均衡型经济" : l)));
    expect(() => readTable1(file)).toThrow(/t1\.csv, row 11, column "type_zh": "均衡型经济" does not match the printed "自洽性经济"/);
  });
  it("Table 1: an unknown province", () => {
    const file = write("t1b.csv", ["province_zh,type_zh_printed,type_zh", "北平,双循环经济,双循环经济"]);
    expect(() => readTable1(file)).toThrow(/t1b\.csv, row 2, column "province_zh": "北平" is not a province/);
  });
  it("a missing file", () => {
    expect(() => readPrintedTable(join(dir, "nope.csv"))).toThrow(/nope\.csv: cannot read file/);
  });
});
