/**
 * The paper's printed Tables 1–6, as transcribed verbatim in data/paper/ (段庆林《中国各地区内外贸模式及其融入新发展格局研究》).
 *
 * The CSV files keep every cell exactly as printed, misprints included (data/paper/README.md lists the ones noticed);
 * test/paperTables.test.ts proves each file against the paper text. This module only reads them: a cell keeps its
 * printed text next to its value, because the number of printed decimals is what a reproduction must round to.
 */
import { join } from "path";
import { InputError, readExactCsv } from "../core/csv";
import { FLOW_COLUMNS, RATIO_COLUMNS, SHARE_COLUMNS, type FlowColumn, type RatioColumn, type ShareColumn } from "./columns";
import { dataPath } from "../core/paths";
import { LOCATIONS, PROVINCES, REGIONS, TYPES, type LocationZh, type RegionZh, type TypeZh } from "./provinces";
import type { Bilingual } from "../core/text";

// ---------------------------------------------------------------------------------------------------------------
// Captions and group labels

export type PrintedTableNumber = 2 | 3 | 4 | 5 | 6;
export const PRINTED_TABLE_NUMBERS: readonly PrintedTableNumber[] = [2, 3, 4, 5, 6];

/** Each table's caption as printed (without the unit note some captions carry), with an English rendering. */
export const TABLE_CAPTIONS: Readonly<Record<1 | PrintedTableNumber, Bilingual>> = {
  1: { zh: "表1 中国各地区内外贸模式及特征", en: "Table 1 Domestic and foreign trade patterns of China's provinces and their features" },
  2: { zh: "表2 中国各经济循环类型基本情况（2017年）", en: "Table 2 China's economic-circulation types: basic figures (2017)" },
  3: { zh: "表3 中国四大板块内外贸模式分析", en: "Table 3 Trade patterns of China's four macro-regions" },
  4: { zh: "表4 中国沿海、内陆、沿边地区分析", en: "Table 4 China's coastal, inland and border regions" },
  5: { zh: "表5 黄河流域内外贸经济循环状况", en: "Table 5 Domestic and foreign trade circulation in the Yellow River basin" },
  6: { zh: "表6 长江经济带内外贸经济循环状况", en: "Table 6 Domestic and foreign trade circulation in the Yangtze River Economic Belt" },
};

export type GroupKind = "national" | "type" | "region" | "location" | "basin" | "province";

/** What a printed row label stands for: a stable id, the canonical Chinese name, and an English label. */
export interface GroupLabel {
  id: string;
  /** canonical Chinese name (lib/paper/provinces.ts spelling; the printed label may differ, e.g. 均衡性经济) */
  zh: string;
  en: string;
  kind: GroupKind;
}

const TYPE_IDS: Record<TypeZh, string> = {
  双循环经济: "dual-circulation-economy",
  外向型经济: "export-oriented-economy",
  自洽型经济: "self-consistent-economy",
  均衡型经济: "balanced-economy",
  内贸型经济: "domestic-trade-economy",
  沿边型经济: "border-economy",
  输入型经济: "inflow-dependent-economy",
};
const REGION_IDS: Record<RegionZh, string> = { 东部地区: "east", 中部地区: "centre", 西部地区: "west", 东北地区: "northeast" };
const LOCATION_IDS: Record<LocationZh, string> = { 沿海地区: "coastal", 内陆地区: "inland", 沿边地区: "border" };

/** Type labels the paper prints in a spelling other than its own text's (Table 1: 自洽性, Table 2: 均衡性). */
const PRINTED_TYPE_VARIANTS: Record<string, TypeZh> = { 自洽性经济: "自洽型经济", 均衡性经济: "均衡型经济" };

function buildGroupLabels(): ReadonlyMap<string, GroupLabel> {
  const m = new Map<string, GroupLabel>();
  m.set("全国", { id: "national", zh: "全国", en: "China", kind: "national" });
  for (const t of TYPES) m.set(t.zh, { id: TYPE_IDS[t.zh], zh: t.zh, en: t.en, kind: "type" });
  for (const [printed, zh] of Object.entries(PRINTED_TYPE_VARIANTS)) m.set(printed, m.get(zh)!);
  for (const r of REGIONS) m.set(r.zh, { id: REGION_IDS[r.zh], zh: r.zh, en: r.en, kind: "region" });
  // Table 3 marks 西北 with "#": a sub-group of 西部 (its rows are not additive with the four regions).
  m.set("#西北地区", { id: "northwest", zh: "西北地区", en: "Northwest (within West)", kind: "region" });
  for (const l of LOCATIONS) m.set(l.zh, { id: LOCATION_IDS[l.zh], zh: l.zh, en: l.en, kind: "location" });
  m.set("黄河流域", { id: "yellow-river", zh: "黄河流域", en: "Yellow River basin", kind: "basin" });
  m.set("长江经济带", { id: "yangtze", zh: "长江经济带", en: "Yangtze River Economic Belt", kind: "basin" });
  for (const p of PROVINCES) m.set(p.zh, { id: p.slug, zh: p.zh, en: p.en, kind: "province" });
  return m;
}

/** Every row label printed in Tables 1–6 (and canonical spellings), keyed by the label as printed. */
export const GROUP_LABELS: ReadonlyMap<string, GroupLabel> = buildGroupLabels();

/** The group a printed label stands for; throws on a label the paper does not print. */
export function groupLabel(printed: string): GroupLabel {
  const g = GROUP_LABELS.get(printed);
  if (!g) throw new Error(`unknown printed group label "${printed}"`);
  return g;
}

// ---------------------------------------------------------------------------------------------------------------
// Rows and cells

/** The 17 numeric columns of Tables 2–6, in printed order: 6 flows, 5 ratios, 6 shares (比重). */
export const PRINTED_COLUMNS = [...FLOW_COLUMNS, ...RATIO_COLUMNS, ...SHARE_COLUMNS] as const;
export type PrintedColumn = FlowColumn | RatioColumn | ShareColumn;
export const PRINTED_TABLE_HEADER: readonly string[] = ["group_zh", ...PRINTED_COLUMNS];

/** One printed number: its text as printed, its value, and how many decimals were printed. */
export interface PrintedCell {
  text: string;
  value: number;
  decimals: number;
}

/**
 * One printed row. Flows and ratios are printed in every row (the loader rejects a file missing one); shares are
 * null where the table prints none (全国 in Tables 2 and 4, every row of Tables 5–6).
 */
export type PrintedRow = { group_zh: string } & { [C in FlowColumn | RatioColumn]: PrintedCell } & {
  [C in ShareColumn]: PrintedCell | null;
};

export interface Table1Row {
  province_zh: string;
  /** type label as Table 1 prints it (自洽性经济 where the text says 自洽型经济) */
  type_zh_printed: string;
  /** canonical type (lib/paper/provinces.ts) */
  type_zh: TypeZh;
}
export const TABLE1_HEADER: readonly string[] = ["province_zh", "type_zh_printed", "type_zh"];

// Printed numbers are non-negative decimals; anything else ("1,234", "15.O5", " 3.1") is a transcription error.
const PRINTED_NUMBER = /^\d+(\.\d+)?$/;

/** A printed numeral as a cell: value parsed, decimals = digits after the point. Returns null if not a numeral. */
export function parsePrintedNumber(text: string): PrintedCell | null {
  if (!PRINTED_NUMBER.test(text)) return null;
  const point = text.indexOf(".");
  return { text, value: Number(text), decimals: point < 0 ? 0 : text.length - point - 1 };
}

// ---------------------------------------------------------------------------------------------------------------
// Files

/** data/paper/ of this project (lib/core/paths.ts walks up to the folder holding package.json, also via notebooks/lib). */
export function paperDataDir(): string {
  return dataPath("paper");
}


/** Reads one of data/paper/table2–6.csv (or any file in that format). */
export function readPrintedTable(file: string): PrintedRow[] {
  const seen = new Set<string>();
  return readExactCsv(file, PRINTED_TABLE_HEADER).map(({ row, cells }) => {
    const group = cells[0];
    if (!GROUP_LABELS.has(group)) throw new InputError(file, row, "group_zh", `"${group}" is not a group label the paper prints`);
    if (seen.has(group)) throw new InputError(file, row, "group_zh", `"${group}" appears twice`);
    seen.add(group);
    const out: Record<string, unknown> = { group_zh: group };
    PRINTED_COLUMNS.forEach((col, k) => {
      const text = cells[k + 1];
      if (text === "") {
        if (!(SHARE_COLUMNS as readonly string[]).includes(col)) throw new InputError(file, row, col, "empty, but every row prints this column");
        out[col] = null;
        return;
      }
      const cell = parsePrintedNumber(text);
      if (!cell) throw new InputError(file, row, col, `"${text}" is not a printed number (digits, optionally "." and digits)`);
      out[col] = cell;
    });
    return out as PrintedRow;
  });
}

/** Reads data/paper/table1.csv (or any file in that format). */
export function readTable1(file: string): Table1Row[] {
  const seen = new Set<string>();
  return readExactCsv(file, TABLE1_HEADER).map(({ row, cells }) => {
    const [province_zh, type_zh_printed, type_zh] = cells;
    if (GROUP_LABELS.get(province_zh)?.kind !== "province") throw new InputError(file, row, "province_zh", `"${province_zh}" is not a province`);
    if (seen.has(province_zh)) throw new InputError(file, row, "province_zh", `"${province_zh}" appears twice`);
    seen.add(province_zh);
    const printed = GROUP_LABELS.get(type_zh_printed);
    if (printed?.kind !== "type") throw new InputError(file, row, "type_zh_printed", `"${type_zh_printed}" is not a type label`);
    if (!TYPES.some((t) => t.zh === type_zh)) {
      throw new InputError(file, row, "type_zh", `"${type_zh}" is not a canonical type (${TYPES.map((t) => t.zh).join("、")})`);
    }
    if (printed.zh !== type_zh) throw new InputError(file, row, "type_zh", `"${type_zh}" does not match the printed "${type_zh_printed}" (= ${printed.zh})`);
    return { province_zh, type_zh_printed, type_zh: type_zh as TypeZh };
  });
}

/** Table n (2–6) as printed, rows in printed order. */
export function loadPrintedTable(n: PrintedTableNumber): PrintedRow[] {
  if (!PRINTED_TABLE_NUMBERS.includes(n)) throw new Error(`no printed table ${String(n)} (tables 2–6 have numbers; Table 1 is loadTable1())`);
  return readPrintedTable(join(paperDataDir(), `table${n}.csv`));
}

/** Table 1 as printed: one row per province, in printed order. */
export function loadTable1(): Table1Row[] {
  return readTable1(join(paperDataDir(), "table1.csv"));
}
