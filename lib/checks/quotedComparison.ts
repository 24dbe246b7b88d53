/**
 * The paper's quoted figures of section 三 (lib/paper/quoted.ts) beside what the 2007, 2012 and 2017 input-output tables
 * give for the same quantity, where the tables have one.
 *
 * The two sides measure different things, so the comparison is of direction and size, not of equality:
 * - 外贸依存度. Quoted: customs trade in goods over yearbook GDP (the usual yearbook definition). Tables: the IO
 *   table's exports + imports of goods *and services* over the table's value added (TVA). For 2007 and 2012 the
 *   national tables give EX and IM; the provincial tables give 2012 and 2017 (2007's provincial tables have no
 *   split, so no provincial or type value before 2012). Groups are Table 1's types with their 2017 members.
 * - 社会消费品零售总额占比 (retail sales). The tables have no retail sales; the nearest column is final
 *   consumption (TC: households and government, goods and services). Its share in the sum over provinces is shown.
 * - Online retail, land sales, investment growth, GDP growth: nothing in the tables; shown as quoted only.
 */
import { InputError, readCsv } from "../core/csv";
import { NATIONAL, TYPE_GROUPS, defineGroup, type Group } from "../paper/groupings";
import { dataPath } from "../core/paths";
import { NEW_NORMAL_PROVINCES, QUOTED_FIGURES, type QuotedFigure } from "../paper/quoted";
import { groupSeries, type IndicatorRow } from "../indicators/timeseries";
import type { Bilingual } from "../core/text";

/** One national table (data/derived/national_flows.csv, 2007 and 2012): exports and imports, no interprovincial flows. */
export interface NationalTable {
  year: number;
  value_added: number;
  export: number;
  import: number;
  final_consumption: number;
}

/** Read the printed-total rows of data/derived/national_flows.csv. */
export function readNationalTables(file = dataPath("derived", "national_flows.csv")): NationalTable[] {
  const t = readCsv(file);
  const col = (c: string) => {
    const i = t.header.indexOf(c);
    if (i < 0) throw new InputError(file, 1, c, "required column is missing");
    return i;
  };
  const [iy, ib, iva, ix, im, ic] = ["year", "basis", "value_added", "export", "import", "final_consumption"].map(col);
  const num = (s: string, line: number, c: string) => {
    const v = Number(s);
    if (s.trim() === "" || !Number.isFinite(v)) throw new InputError(file, line, c, `"${s}" is not a number`);
    return v;
  };
  return t.rows
    .filter((r) => r.cells[ib] === "printed_total")
    .map(({ line, cells }) => ({
      year: num(cells[iy], line, "year"),
      value_added: num(cells[iva], line, "value_added"),
      export: num(cells[ix], line, "export"),
      import: num(cells[im], line, "import"),
      final_consumption: num(cells[ic], line, "final_consumption"),
    }));
}

/** 外贸依存度 of a national table: (EX + IM) / TVA × 100. */
export function nationalTableFtd(t: NationalTable): number {
  return ((t.export + t.import) / t.value_added) * 100;
}

/** A group's share of final consumption (TC) in the sum over all provinces with a table that year, in percent. */
export function consumptionShare(rows: readonly IndicatorRow[], group: Group, year: number): number {
  const all = groupSeries(rows, NATIONAL).find((r) => r.year === year);
  const g = groupSeries(rows, group).find((r) => r.year === year);
  if (!all || !g) throw new Error(`consumptionShare: no ${year} rows`);
  return (g.final_consumption / all.final_consumption) * 100;
}

const TYPE = (zh: string) => {
  const g = TYPE_GROUPS.find((t) => t.zh === zh);
  if (!g) throw new Error(`unknown type ${zh}`);
  return g;
};

/** The three types of the retail-share sentence, together. */
export const THREE_TYPES: Group = defineGroup("外向型、自洽型、双循环经济合计", "Export-oriented, self-consistent and dual-circulation together", [
  ...TYPE("外向型经济").members,
  ...TYPE("自洽型经济").members,
  ...TYPE("双循环经济").members,
]);
export const NEW_NORMAL_GROUP: Group = defineGroup("受经济新常态影响地区（16省区市）", "The 16 'new normal' provinces", [...NEW_NORMAL_PROVINCES]);

/** What the tables measure for a quoted figure, or null. */
interface Counterpart {
  measure: Bilingual;
  /** value from the provincial tables in a year, null where they cannot give one */
  compute: (rows: readonly IndicatorRow[], year: number) => number | null;
  group?: Group;
}

const FTD_MEASURE = { zh: "投入产出表（出口+进口）/增加值，省表合计", en: "IO tables: (exports + imports) / value added, sum of provincial tables" };
const TC_MEASURE = { zh: "投入产出表最终消费（TC）占各省合计比重（非零售额）", en: "IO tables: share of final consumption (TC) in the sum over provinces (not retail sales)" };

function ftdOf(group: Group): Counterpart {
  return {
    measure: FTD_MEASURE,
    group,
    compute: (rows, year) => groupSeries(rows, group).find((r) => r.year === year)?.ftd ?? null,
  };
}
function shareOf(group: Group): Counterpart {
  return { measure: TC_MEASURE, group, compute: (rows, year) => (rows.some((r) => r.year === year) ? consumptionShare(rows, group, year) : null) };
}

/** The table counterpart of each quoted figure that has one. */
export function counterpartOf(q: QuotedFigure): Counterpart | null {
  switch (q.id) {
    case "ftd-national-2007":
    case "ftd-national-2023":
      return ftdOf(NATIONAL);
    case "ftd-dual-2007":
    case "ftd-dual-2023":
      return ftdOf(TYPE("双循环经济"));
    case "ftd-export-2007":
    case "ftd-export-2023":
      return ftdOf(TYPE("外向型经济"));
    case "retail-share-export-2022":
      return shareOf(TYPE("外向型经济"));
    case "retail-share-self-2022":
      return shareOf(TYPE("自洽型经济"));
    case "retail-share-dual-2022":
      return shareOf(TYPE("双循环经济"));
    case "retail-share-three-2022":
    case "retail-share-three-change-2007-2022":
      return shareOf(THREE_TYPES);
    case "retail-share-16-2007":
    case "retail-share-16-2019":
      return shareOf(NEW_NORMAL_GROUP);
    default:
      return null;
  }
}

export const TABLE_YEARS = [2007, 2012, 2017] as const;

/** A quoted figure with the tables' values of the nearest measure in 2007, 2012 and 2017. */
export interface ComparisonRow {
  quoted: QuotedFigure;
  measure: Bilingual | null;
  /** the group the tables' values are of */
  group: Group | null;
  /** the tables' value by year (null: the tables cannot give it) */
  tables: Record<(typeof TABLE_YEARS)[number], number | null>;
  /** national ftd only: the national IO tables (2007, 2012) */
  national_table: Record<2007 | 2012, number | null> | null;
  /** ftd rows only: 2017 with the paper's yearbook GDP (Table 2's values) */
  yearbook_2017: number | null;
  /** the incomparable flags carried by the tables' values (members with a misrecorded split) */
  flags: string[];
}

/**
 * Every quoted figure with its counterpart. `rows`: provinceSeries() with value added as GDP; `rowsYearbook2017`:
 * provinceSeries({ gdp2017: "yearbook" }) (only its 2017 rows are used); `national`: readNationalTables().
 */
export function compareQuoted(rows: readonly IndicatorRow[], rowsYearbook2017: readonly IndicatorRow[], national: readonly NationalTable[]): ComparisonRow[] {
  return QUOTED_FIGURES.map((q) => {
    const c = counterpartOf(q);
    if (!c)
      return { quoted: q, measure: null, group: null, tables: { 2007: null, 2012: null, 2017: null }, national_table: null, yearbook_2017: null, flags: [] };
    const tables = { 2007: c.compute(rows, 2007), 2012: c.compute(rows, 2012), 2017: c.compute(rows, 2017) };
    const isFtd = q.topic === "trade_dependence";
    const yearbook = isFtd ? c.compute(rowsYearbook2017.filter((r) => r.year === 2017), 2017) : null;
    const nt = (y: 2007 | 2012) => {
      const t = national.find((n) => n.year === y);
      return t ? nationalTableFtd(t) : null;
    };
    const flags = isFtd
      ? groupSeries(rows, c.group!)
          .filter((r) => r.year !== 2007)
          .flatMap((r) => r.flags.filter((f) => !f.comparable && f.affects.includes("ftd")).map((f) => `${f.year} ${f.province_zh}`))
      : [];
    return {
      quoted: q,
      measure: c.measure,
      group: c.group ?? null,
      tables,
      national_table: q.id.startsWith("ftd-national") ? { 2007: nt(2007), 2012: nt(2012) } : null,
      yearbook_2017: yearbook,
      flags,
    };
  });
}

/** One point of a quoted-vs-computed chart. */
export interface SeriesPoint {
  year: number;
  value: number;
  kind: "quoted" | "computed";
  /** quoted: the paper; provinces: sum of provincial tables; national_table: the national IO table */
  method: "quoted" | "provinces" | "national_table";
  /** where the point comes from, for the hover label */
  source: Bilingual;
  /** true: drawn hollow (a member's split is misrecorded that year) */
  flagged?: boolean;
}

export interface ComparisonSeries {
  id: string;
  name: Bilingual;
  /** the Table 1 type the series is about, if it is one type (for its colour) */
  type?: string;
  points: SeriesPoint[];
}

/**
 * The chart series of the quoted figures that have a counterpart: one series per (quantity, scope), holding the
 * quoted points and the tables' points (national tables for national ftd in 2007 and 2012, provincial tables after).
 */
export function comparisonSeries(comparison: readonly ComparisonRow[]): ComparisonSeries[] {
  const out = new Map<string, ComparisonSeries>();
  for (const c of comparison) {
    if (!c.measure || c.quoted.unit !== "%") continue;
    const key = `${c.quoted.quantity.zh}|${c.quoted.scope.zh}`;
    let s = out.get(key);
    if (!s) {
      const type = TYPE_GROUPS.find((t) => t.zh === c.group?.zh)?.zh;
      s = { id: key, name: { ...c.quoted.scope }, ...(type ? { type } : {}), points: [] };
      out.set(key, s);
      for (const y of TABLE_YEARS) {
        const v = c.tables[y];
        if (v !== null)
          s.points.push({ year: y, value: v, kind: "computed", method: "provinces", source: c.measure, flagged: c.flags.some((f) => f.startsWith(`${y} `)) });
      }
      if (c.national_table)
        for (const y of [2007, 2012] as const) {
          const v = c.national_table[y];
          if (v !== null) s.points.push({ year: y, value: v, kind: "computed", method: "national_table", source: { zh: "全国投入产出表（出口+进口）/增加值", en: "national IO table: (exports + imports) / value added" } });
        }
    }
    s.points.push({ year: c.quoted.years[c.quoted.years.length - 1], value: c.quoted.value, kind: "quoted", method: "quoted", source: { zh: `论文引用：${c.quoted.printed}`, en: `quoted in the paper: ${c.quoted.printed}` } });
  }
  // a change (个百分点) is not a level: only levels are drawn
  return [...out.values()];
}
