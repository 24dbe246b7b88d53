/**
 * The tables notebook 03 shows and writes: indicators by province (or type) and year with their data-quality marks,
 * the pipeline's anomalies with their effect on the indicators, the type-migration table, and the quoted figures
 * beside the tables' values. Pure functions from rows to display rows (strings, marks) and CSV rows (numbers, null).
 *
 * Marks: † the value is not comparable (misrecorded foreign/domestic split, or undefined); ‡ comparable, with a note
 * (transit trade larger than output, a large error column, printed total ≠ sum of sectors); — no value (2007 has no
 * split; 2007 西藏 has no table).
 */
import { flagOfAnomaly, type AnomalyRow, type FlagKind, type IndicatorFlag } from "../indicators/flags";
import type { RatioColumn } from "../paper/columns";
import { COLUMN_LABELS } from "../paper/columns";
import type { Assignment } from "../typology/migration";
import { province } from "../paper/provinces";
import type { ComparisonRow } from "../checks/quotedComparison";
import { yearsLabel } from "../paper/quoted";
import { GDP_SOURCE_LABELS, isComparable, type ChangeSummary, type Coverage, type IndicatorRow, type Jump } from "../indicators/timeseries";
import type { Column } from "./display";
import { pick, type Lang, type Bilingual } from "../core/text";

export const MARK_NOT_COMPARABLE = "†";
export const MARK_NOTE = "‡";
export const MARK_MISSING = "—";

/** Short bilingual names of the flag kinds, for table cells. */
export const FLAG_SHORT: Record<FlagKind, Bilingual> = {
  domestic_flows_zero: { zh: "国内流出、流入为0（内贸记入进出口）", en: "OF = IF = 0 (domestic trade inside EX/IM)" },
  foreign_flows_zero: { zh: "出口、进口为0（外贸记入流出流入）", en: "EX = IM = 0 (foreign trade inside OF/IF)" },
  flow_column_zero: { zh: "一列贸易流量为0", en: "one trade column is zero" },
  gross_flows_zero: { zh: "流出、流入为0", en: "gross flows are zero" },
  flow_exceeds_output: { zh: "流量超过总产出（过境贸易）", en: "a flow exceeds output (transit trade)" },
  large_error_term: { zh: "误差列超过总产出1%", en: "error column > 1 % of output" },
  total_row_difference: { zh: "合计行≠部门加总", en: "printed total ≠ sum of sectors" },
  no_split: { zh: "无内外贸划分", en: "no foreign/domestic split" },
  missing_table: { zh: "缺表", en: "table missing" },
  undefined_ratio: { zh: "内外贸易比无定义", en: "trade ratio undefined" },
};

/** A value with its mark: "45.0†", "—". */
export function markedValue(row: IndicatorRow | undefined, indicator: RatioColumn, digits = 1): string {
  if (!row) return MARK_MISSING;
  const v = row[indicator];
  if (v === null) return row.flags.some((f) => f.kind !== "no_split" && f.affects.includes(indicator)) ? MARK_NOT_COMPARABLE : MARK_MISSING;
  if (!isComparable(row, indicator)) return v.toFixed(digits) + MARK_NOT_COMPARABLE;
  if (row.flags.some((f) => f.comparable && f.affects.includes(indicator))) return v.toFixed(digits) + MARK_NOTE;
  return v.toFixed(digits);
}

/** One column of an indicator table: an indicator in a year, from one set of rows (e.g. 2017 with yearbook GDP). */
export interface IndicatorColumn {
  key: string;
  year: number;
  indicator: RatioColumn;
  rows: readonly IndicatorRow[];
  digits?: number;
}

/** The notes of a unit's flags, one line per (year, kind), in year order. */
export function flagNotes(flags: readonly IndicatorFlag[], lang: Lang): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of [...flags].sort((a, b) => a.year - b.year)) {
    if (f.kind === "no_split") continue;
    const key = `${f.year}|${f.kind}|${f.province_zh}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const mark = f.comparable ? MARK_NOTE : MARK_NOT_COMPARABLE;
    out.push(`${f.year}${f.province_zh !== "" ? " " + f.province_zh : ""}: ${pick(FLAG_SHORT[f.kind], lang)}${mark}`);
  }
  return out.join("; ");
}

/** Display rows (marked strings) of `columns` for `units`, plus each unit's notes. */
export function indicatorTable(units: readonly Bilingual[], columns: readonly IndicatorColumn[], lang: Lang, leading?: (unit: string) => Record<string, string>): Record<string, string>[] {
  return units.map((u) => {
    const out: Record<string, string> = { unit: pick(u, lang), ...(leading ? leading(u.zh) : {}) };
    const flags: IndicatorFlag[] = [];
    for (const c of columns) {
      const r = c.rows.find((x) => x.unit_zh === u.zh && x.year === c.year);
      out[c.key] = markedValue(r, c.indicator, c.digits ?? (c.indicator === "trade_ratio" ? 2 : 1));
      if (r) for (const f of r.flags) if (c.indicator && f.affects.includes(c.indicator) && !flags.includes(f)) flags.push(f);
      if (r) for (const f of r.flags) if (f.kind === "missing_table" && !flags.includes(f)) flags.push(f);
    }
    out.notes = flagNotes(flags, lang);
    return out;
  });
}

/** Header of an indicator column: "2012 外贸依存度" / "2017 (yearbook GDP) ftd". */
export function columnHeader(c: IndicatorColumn, lang: Lang): string {
  const yb = c.rows.find((r) => r.year === c.year)?.gdp_source === "yearbook";
  const label = pick(COLUMN_LABELS[c.indicator], lang).replace(/ \(%\)$/, "");
  const year = yb ? (lang === "zh" ? `${c.year}（年鉴GDP）` : `${c.year} (yearbook GDP)`) : String(c.year);
  return `${year} ${label}`;
}

/** The `table()` columns for `indicatorTable`. */
export function indicatorTableColumns(columns: readonly IndicatorColumn[], lang: Lang, leading: readonly Column[] = []): Column[] {
  return [
    { key: "unit", label: { zh: "地区", en: "Unit" } },
    ...leading,
    ...columns.map((c) => ({ key: c.key, label: columnHeader(c, lang) })),
    { key: "notes", label: { zh: "数据说明（†不可比，‡可比但需注意）", en: "Notes († not comparable, ‡ comparable with a note)" } },
  ];
}

/** Long-format CSV rows of indicator rows: one row per unit and year, numbers as numbers, flags as text. */
export const SERIES_CSV_HEADER = [
  "year",
  "unit_zh",
  "unit_en",
  "gdp_source",
  "gdp",
  "export",
  "outflow",
  "import",
  "inflow",
  "gross_outflow",
  "gross_inflow",
  "trade_ratio",
  "ftd",
  "dtd",
  "outflow_rate",
  "inflow_rate",
  "split_comparable",
  "flags",
] as const;

export function seriesCsvRows(rows: readonly IndicatorRow[]): (string | number | null)[][] {
  return rows.map((r) => [
    r.year,
    r.unit_zh,
    r.unit_en,
    r.gdp_source,
    r.gdp,
    r.export,
    r.outflow,
    r.import,
    r.inflow,
    r.gross_outflow,
    r.gross_inflow,
    r.trade_ratio,
    r.ftd,
    r.dtd,
    r.outflow_rate,
    r.inflow_rate,
    r.ftd === null ? "" : isComparable(r, "ftd") && isComparable(r, "dtd") ? "true" : "false",
    r.flags
      .filter((f) => f.kind !== "no_split")
      .map((f) => `${f.kind}${f.column ? `(${f.column})` : ""}`)
      .join(";"),
  ]);
}

/** What an anomaly does to the indicators, for the data-quality table. */
export function anomalyEffect(a: AnomalyRow, lang: Lang): { effect: string; affects: string; order: number } {
  const f = flagOfAnomaly(a);
  if (!f) return { effect: lang === "zh" ? "不影响五项指标" : "no effect on the five indicators", affects: "", order: 2 };
  const affects = f.affects.map((k) => pick(COLUMN_LABELS[k], lang).replace(/ \(%\)$/, "")).join(lang === "zh" ? "、" : ", ");
  return f.comparable
    ? { effect: lang === "zh" ? `可比，需注意${MARK_NOTE}` : `comparable, with a note ${MARK_NOTE}`, affects, order: 1 }
    : { effect: lang === "zh" ? `不可比${MARK_NOT_COMPARABLE}` : `not comparable ${MARK_NOT_COMPARABLE}`, affects, order: 0 };
}

/** Every anomaly of the pipeline with its effect; those that make a value incomparable first. */
export function anomalyTable(anomalies: readonly AnomalyRow[], lang: Lang): Record<string, string | number>[] {
  return anomalies
    .map((a) => ({ a, e: anomalyEffect(a, lang) }))
    .sort((x, y) => x.e.order - y.e.order || x.a.year - y.a.year)
    .map(({ a, e }) => ({
      year: a.year,
      province: a.province_zh === "全国" ? "全国" : pick({ zh: a.province_zh, en: province(a.province_zh).en }, lang),
      kind: a.kind,
      column: a.column,
      detail: lang === "zh" ? a.detail_zh : a.detail_en,
      effect: e.effect,
      affects: e.affects,
    }));
}

export const ANOMALY_TABLE_COLUMNS: Column[] = [
  { key: "year", label: { zh: "年份", en: "Year" } },
  { key: "province", label: { zh: "地区", en: "Province" } },
  { key: "kind", label: { zh: "规则", en: "Rule" } },
  { key: "column", label: { zh: "列", en: "Column" } },
  { key: "detail", label: { zh: "说明（数据管线自动生成）", en: "Detail (written by the pipeline)" } },
  { key: "effect", label: { zh: "对指标的影响", en: "Effect on indicators" } },
  { key: "affects", label: { zh: "涉及指标", en: "Indicators" } },
];

/** The migration table: each province's type by source, one column per named assignment list. */
export function migrationTable(
  sources: readonly { key: string; assignments: readonly Assignment[] }[],
  provinces: readonly string[],
  lang: Lang,
  distances?: ReadonlyMap<string, number | null>,
): Record<string, string>[] {
  return provinces.map((p) => {
    const row: Record<string, string> = { province: pick({ zh: p, en: province(p).en }, lang), table1: lang === "zh" ? province(p).type : typeEnOf(province(p).type) };
    if (distances) {
      const d = distances.get(p);
      row.distance = d === undefined || d === null ? MARK_NOT_COMPARABLE : d.toFixed(2);
    }
    for (const s of sources) {
      const a = s.assignments.find((x) => x.province_zh === p);
      if (!a) row[s.key] = MARK_MISSING;
      else if (a.type === null) row[s.key] = MARK_NOT_COMPARABLE;
      else {
        const name = lang === "zh" ? a.type : typeEnOf(a.type);
        // a close call (runner-up within 0.25 standard deviations) is marked with the runner-up
        const close = a.margin !== null && a.margin < 0.25 && a.runner_up ? ` (≈${lang === "zh" ? a.runner_up : typeEnOf(a.runner_up)})` : "";
        row[s.key] = name + close;
      }
    }
    return row;
  });
}

function typeEnOf(zh: string): string {
  return TYPE_EN[zh] ?? zh;
}

/** A type's name in the table language (short English names); `short` drops 经济 (双循环经济 → 双循环) for narrow columns. */
export function typeName(zh: string, lang: Lang, short = false): string {
  if (lang === "en") return typeEnOf(zh);
  return short ? zh.replace(/经济$/, "") : zh;
}
const TYPE_EN: Record<string, string> = {
  双循环经济: "Dual-circulation",
  外向型经济: "Export-oriented",
  自洽型经济: "Self-consistent",
  均衡型经济: "Balanced",
  内贸型经济: "Domestic-trade",
  沿边型经济: "Border",
  输入型经济: "Inflow-dependent",
};

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


/** The two standard column sets: split indicators 2012/2017 (+ 2017 with yearbook GDP) and gross rates 2007–2017. */
export function standardColumns(rows: readonly IndicatorRow[], rowsYearbook2017: readonly IndicatorRow[]): { split: IndicatorColumn[]; gross: IndicatorColumn[] } {
  const split: IndicatorColumn[] = [];
  for (const ind of ["ftd", "dtd", "trade_ratio"] as const) {
    split.push({ key: `${ind}_2012`, year: 2012, indicator: ind, rows });
    split.push({ key: `${ind}_2017`, year: 2017, indicator: ind, rows });
    split.push({ key: `${ind}_2017yb`, year: 2017, indicator: ind, rows: rowsYearbook2017 });
  }
  const gross: IndicatorColumn[] = [];
  for (const ind of ["outflow_rate", "inflow_rate"] as const) {
    for (const y of [2007, 2012, 2017]) gross.push({ key: `${ind}_${y}`, year: y, indicator: ind, rows });
    gross.push({ key: `${ind}_2017yb`, year: 2017, indicator: ind, rows: rowsYearbook2017 });
  }
  return { split, gross };
}

/** The jump screen (lib/indicators/timeseries.ts flowJumps) as display rows. */
export function jumpTable(jumps: readonly Jump[], lang: Lang): Record<string, string>[] {
  const FLOW = {
    foreign: { zh: "外贸（出口+进口）", en: "foreign (X + M)" },
    domestic: { zh: "内贸（流出+流入）", en: "domestic (O + I)" },
    gross: { zh: "全部（流出+流入合计）", en: "gross (all four)" },
  };
  return jumps.map((j) => ({
    province: pick({ zh: j.unit_zh, en: province(j.unit_zh).en }, lang),
    years: `${j.from_year}→${j.to_year}`,
    flow: pick(FLOW[j.flow], lang),
    from: j.from.toFixed(0),
    to: j.to.toFixed(0),
    factor: `×${j.factor >= 1 ? j.factor.toFixed(1) : j.factor.toFixed(3)}`,
    gdp_factor: `×${j.gdp_factor.toFixed(2)}`,
  }));
}

export const JUMP_TABLE_COLUMNS: Column[] = [
  { key: "province", label: { zh: "地区", en: "Province" } },
  { key: "years", label: { zh: "年份", en: "Years" } },
  { key: "flow", label: { zh: "流量", en: "Flow" } },
  { key: "from", label: { zh: "前（亿元）", en: "Before (亿元)" } },
  { key: "to", label: { zh: "后（亿元）", en: "After (亿元)" } },
  { key: "factor", label: { zh: "倍数", en: "Factor" } },
  { key: "gdp_factor", label: { zh: "增加值倍数", en: "Value-added factor" } },
];

/** The coverage of each year's tables as display rows. */
export function coverageTable(cov: readonly Coverage[], lang: Lang): Record<string, string | number>[] {
  return cov.map((c) => ({
    year: c.year,
    provinces: c.provinces,
    missing: c.missing.length ? c.missing.map((m) => pick({ zh: m, en: province(m).en }, lang)).join(lang === "zh" ? "、" : ", ") : MARK_MISSING,
    indicators: c.indicators.map((k) => pick(COLUMN_LABELS[k], lang).replace(/ \(%\)$/, "")).join(lang === "zh" ? "、" : ", "),
    gdp: pick(GDP_SOURCE_LABELS[c.gdp_source], lang),
  }));
}

export const COVERAGE_COLUMNS: Column[] = [
  { key: "year", label: { zh: "年份", en: "Year" } },
  { key: "provinces", label: { zh: "省份数", en: "Provinces" } },
  { key: "missing", label: { zh: "缺表", en: "No table" } },
  { key: "indicators", label: { zh: "可计算的指标", en: "Indicators the tables support" } },
  { key: "gdp", label: { zh: "GDP口径", en: "GDP used" } },
];

/** Change summaries (lib/indicators/timeseries.ts summarizeChange) as display rows. */
export function changeSummaryTable(summaries: readonly ChangeSummary[], lang: Lang): Record<string, string | number>[] {
  const unit = (u: string) => pick({ zh: u, en: UNIT_EN(u) }, lang);
  const pp = (v: number) => `${v > 0 ? "+" : ""}${v.toFixed(1)}`;
  return summaries.map((s) => ({
    indicator: pick(COLUMN_LABELS[s.indicator], lang).replace(/ \(%\)$/, ""),
    years: `${s.from}→${s.to}`,
    n: s.n,
    fell: s.fell,
    rose: s.rose,
    median: s.median === null ? MARK_MISSING : pp(s.median),
    largest_fall: s.largest_fall ? `${unit(s.largest_fall.unit_zh)} ${pp(s.largest_fall.change)}` : MARK_MISSING,
    largest_rise: s.largest_rise ? `${unit(s.largest_rise.unit_zh)} ${pp(s.largest_rise.change)}` : MARK_MISSING,
    excluded: s.excluded.map(unit).join(lang === "zh" ? "、" : ", ") || MARK_MISSING,
  }));
}

const UNIT_EN = (u: string) => {
  try {
    return province(u).en;
  } catch {
    return TYPE_EN[u] ?? u;
  }
};

export const CHANGE_SUMMARY_COLUMNS: Column[] = [
  { key: "indicator", label: { zh: "指标", en: "Indicator" } },
  { key: "years", label: { zh: "年份", en: "Years" } },
  { key: "n", label: { zh: "可比地区数", en: "Comparable" } },
  { key: "fell", label: { zh: "下降", en: "Fell" } },
  { key: "rose", label: { zh: "上升", en: "Rose" } },
  { key: "median", label: { zh: "变化中位数（百分点）", en: "Median change (pp)" } },
  { key: "largest_fall", label: { zh: "降幅最大", en: "Largest fall" } },
  { key: "largest_rise", label: { zh: "升幅最大", en: "Largest rise" } },
  { key: "excluded", label: { zh: "不可比（未计入）", en: "Not comparable (left out)" } },
];

/** Agreement figures (lib/typology/migration.ts agreementSummary) as display rows. */
export function agreementTable(rows: readonly { zh: string; en: string; agree: number; total: number }[], lang: Lang): Record<string, string>[] {
  return rows.map((r) => ({ what: pick(r, lang), agree: `${r.agree}/${r.total}`, share: r.total ? `${((100 * r.agree) / r.total).toFixed(0)}%` : MARK_MISSING }));
}

export const AGREEMENT_COLUMNS: Column[] = [
  { key: "what", label: { zh: "比较", en: "Comparison" } },
  { key: "agree", label: { zh: "一致/可比省份", en: "Agree / comparable" } },
  { key: "share", label: { zh: "一致率", en: "Share" } },
];


/** Columns of `migrationTable`: province, Table 1's type, one per source, and the distance moved. */
export function migrationColumns(sources: readonly { key: string; label: Bilingual }[], withDistance: boolean): Column[] {
  return [
    { key: "province", label: { zh: "地区", en: "Province" } },
    { key: "table1", label: { zh: "表1类型（2017）", en: "Table 1 type (2017)" } },
    ...sources.map((s) => ({ key: s.key, label: s.label })),
    ...(withDistance ? [{ key: "distance", label: { zh: "2012→2017位移（标准差单位）", en: "Moved 2012→2017 (sd units)" } }] : []),
  ];
}

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

/** type_migration.csv: each province's type per source (empty where not classified) and the distance moved. */
export function migrationCsvRows(
  sources: readonly { key: string; assignments: readonly Assignment[] }[],
  provinces: readonly string[],
  distances: ReadonlyMap<string, number | null>,
): { header: string[]; rows: (string | number | null)[][] } {
  return {
    header: ["province_zh", "table1_type", ...sources.flatMap((s) => [s.key, `${s.key}_margin`]), "distance_2012_2017"],
    rows: provinces.map((p) => [
      p,
      province(p).type,
      ...sources.flatMap((s) => {
        const a = s.assignments.find((x) => x.province_zh === p);
        return [a?.type ?? null, a?.margin ?? null];
      }),
      distances.get(p) ?? null,
    ]),
  };
}
