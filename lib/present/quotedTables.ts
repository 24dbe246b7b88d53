/**
 * The quoted figures of section 三 beside what the 2007, 2012 and 2017 tables give (lib/checks/quotedComparison.ts), as
 * notebook 03 shows them (display rows, marks) and writes them (quoted_vs_tables.csv: numbers as numbers).
 */
import type { ComparisonRow } from "../checks/quotedComparison";
import { yearsLabel } from "../paper/quoted";
import type { Column } from "./display";
import { pick, type Lang } from "../core/text";
import { MARK_NOT_COMPARABLE, MARK_MISSING } from "./changeTables";

/** The quoted figures with the tables' values beside them, as display rows. */
export function quotedTable(comparison: readonly ComparisonRow[], lang: Lang, digits = 1): Record<string, string>[] {
  const f = (v: number | null) => (v === null ? MARK_MISSING : v.toFixed(digits));
  return comparison.map((c) => ({
    id: c.quoted.id,
    scope: pick(c.quoted.scope, lang),
    quantity: pick(c.quoted.quantity, lang),
    years: yearsLabel(c.quoted),
    quoted: `${c.quoted.printed}`,
    kind: lang === "zh" ? "引用" : "quoted",
    measure: c.measure ? pick(c.measure, lang) : lang === "zh" ? "投入产出表中无对应数据" : "nothing comparable in the tables",
    t2007: c.national_table ? `${f(c.national_table[2007])}ⁿ` : f(c.tables[2007]),
    t2012: c.national_table ? `${f(c.tables[2012])}${c.flags.some((x) => x.startsWith("2012")) ? MARK_NOT_COMPARABLE : ""} / ${f(c.national_table[2012])}ⁿ` : f(c.tables[2012]) + (c.flags.some((x) => x.startsWith("2012")) ? MARK_NOT_COMPARABLE : ""),
    t2017: f(c.tables[2017]) + (c.yearbook_2017 !== null ? ` / ${f(c.yearbook_2017)}ʸ` : ""),
    sentence: c.quoted.sentence_zh,
  }));
}

export const QUOTED_TABLE_COLUMNS: Column[] = [
  { key: "scope", label: { zh: "范围", en: "Scope" } },
  { key: "quantity", label: { zh: "指标", en: "Quantity" } },
  { key: "years", label: { zh: "年份", en: "Year(s)" } },
  { key: "quoted", label: { zh: "论文数值", en: "Paper's figure" } },
  { key: "kind", label: { zh: "性质（引用＝非本库计算）", en: "Kind (quoted = not computed here)" } },
  { key: "measure", label: { zh: "表中最接近的口径", en: "Nearest measure in the tables" } },
  { key: "t2007", label: { zh: "表2007", en: "Tables 2007" } },
  { key: "t2012", label: { zh: "表2012", en: "Tables 2012" } },
  { key: "t2017", label: { zh: "表2017", en: "Tables 2017" } },
  { key: "sentence", label: { zh: "原句（论文第三部分）", en: "Sentence (paper, section 三)" } },
];

/** quoted_vs_tables.csv: numbers as numbers, empty where the tables have nothing. */
export const QUOTED_CSV_HEADER = [
  "id",
  "topic",
  "scope_zh",
  "quantity_zh",
  "years",
  "quoted_value",
  "unit",
  "kind",
  "table_measure_en",
  "tables_2007",
  "tables_2012",
  "tables_2017",
  "national_table_2007",
  "national_table_2012",
  "yearbook_gdp_2017",
  "incomparable_members",
  "sentence_zh",
] as const;

export function quotedCsvRows(comparison: readonly ComparisonRow[]): (string | number | null)[][] {
  return comparison.map((c) => [
    c.quoted.id,
    c.quoted.topic,
    c.quoted.scope.zh,
    c.quoted.quantity.zh,
    yearsLabel(c.quoted),
    c.quoted.value,
    c.quoted.unit,
    c.quoted.kind,
    c.measure?.en ?? "",
    c.tables[2007],
    c.tables[2012],
    c.tables[2017],
    c.national_table?.[2007] ?? null,
    c.national_table?.[2012] ?? null,
    c.yearbook_2017,
    c.flags.join(";"),
    c.quoted.sentence_zh,
  ]);
}
