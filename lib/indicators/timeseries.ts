/**
 * The paper's indicators for every province and year the tables cover (2007, 2012, 2017), with the flags that say
 * where a value is missing or must not be compared.
 *
 * What each year's tables support:
 * - 2007: 30 provinces (no 西藏); only gross 流出 FU302 (= X + O) and 流入 FU304 (= M + I), so only 流出率 and 流入率.
 * - 2012, 2017: 31 provinces; X, O, M, I split, so all five indicators.
 * GDP: the repository has no yearbook GDP for 2007 and 2012, so the time comparison uses each table's value added
 * (TVA) as GDP in every year (`gdp: "value_added"`). For 2017 the paper's yearbook GDP (data/derived/gdp_2017.csv) is
 * available as `gdp: "yearbook"`; it gives the paper's printed values but mixes two GDP concepts across years.
 *
 * Formulas (lib/indicators/ratios.ts): 外贸依存度 (X + M)/Y, 内贸依存度 (O + I)/Y, 内外贸易比 (O + I)/(X + M),
 * 流出率 (X + O)/Y = gross outflow / Y, 流入率 (M + I)/Y = gross inflow / Y (× 100 for the four percentages).
 * An undefined value is null with a flag, never NaN.
 */
import type { RatioColumn } from "../paper/columns";
import { readDerivedFlows, readGdp2017, type DerivedFlowRow } from "../data/editions";
import type { Group } from "../paper/groupings";
import {
  ALL_INDICATORS,
  SPLIT_INDICATORS,
  anomalyFlags,
  noSplitFlag,
  readAnomalies,
  undefinedRatioFlag,
  type AnomalyRow,
  type IndicatorFlag,
} from "./flags";
import { PROVINCES } from "../paper/provinces";
import type { Bilingual } from "../core/text";

export const YEARS = [2007, 2012, 2017] as const;
export type Year = (typeof YEARS)[number];
export type Basis = DerivedFlowRow["basis"];
export type GdpSource = "value_added" | "yearbook";

export const GDP_SOURCE_LABELS: Record<GdpSource, Bilingual> = {
  value_added: { zh: "投入产出表增加值（TVA）", en: "the table's value added (TVA)" },
  yearbook: { zh: "统计年鉴GDP（论文所用，仅2017年）", en: "yearbook GDP (the paper's, 2017 only)" },
};

/** One province (or group) in one year: flows (亿元), the five indicators (% except trade_ratio), flags. */
export interface IndicatorRow {
  year: number;
  /** province short name, or the group's name */
  unit_zh: string;
  unit_en: string;
  /** the provinces summed (one for a province; those with a table that year for a group) */
  members: string[];
  gdp_source: GdpSource;
  gdp: number;
  total_output: number;
  export: number | null;
  outflow: number | null;
  import: number | null;
  inflow: number | null;
  gross_outflow: number;
  gross_inflow: number;
  final_consumption: number;
  trade_ratio: number | null;
  ftd: number | null;
  dtd: number | null;
  outflow_rate: number;
  inflow_rate: number;
  flags: IndicatorFlag[];
}

export interface SeriesOptions {
  /** printed_total (the paper's figures; default) or sector_sum */
  basis?: Basis;
  /** GDP of 2017: value_added (default, consistent with 2007 and 2012) or yearbook (the paper's) */
  gdp2017?: GdpSource;
  /** inputs, for tests; default the committed derived files */
  flows?: readonly DerivedFlowRow[];
  anomalies?: readonly AnomalyRow[];
  gdpYearbook2017?: ReadonlyMap<string, number>;
}

const pct = (num: number, den: number) => (num / den) * 100;

/** The indicators of summed flows, with the flags of the definition (no split; X + M = 0). */
function indicatorValues(
  year: number,
  unit: string,
  f: { gdp: number; export: number | null; outflow: number | null; import: number | null; inflow: number | null; gross_outflow: number; gross_inflow: number },
): Pick<IndicatorRow, "trade_ratio" | "ftd" | "dtd" | "outflow_rate" | "inflow_rate"> & { flags: IndicatorFlag[] } {
  if (!(f.gdp > 0)) throw new RangeError(`${year} ${unit}: GDP is ${f.gdp}; every indicator divides by it`);
  const flags: IndicatorFlag[] = [];
  const split = f.export !== null && f.outflow !== null && f.import !== null && f.inflow !== null;
  let trade_ratio: number | null = null;
  let ftd: number | null = null;
  let dtd: number | null = null;
  if (!split) flags.push(noSplitFlag(year, unit));
  else {
    const foreign = f.export! + f.import!;
    const domestic = f.outflow! + f.inflow!;
    ftd = pct(foreign, f.gdp);
    dtd = pct(domestic, f.gdp);
    if (foreign > 0) trade_ratio = domestic / foreign;
    else flags.push(undefinedRatioFlag(year, unit));
  }
  return { trade_ratio, ftd, dtd, outflow_rate: pct(f.gross_outflow, f.gdp), inflow_rate: pct(f.gross_inflow, f.gdp), flags };
}

/**
 * Every province's indicators in 2007, 2012 and 2017, in that order and in GB/T 2260 order within a year;
 * 2007 西藏 has no table and no row.
 */
export function provinceSeries(options: SeriesOptions = {}): IndicatorRow[] {
  const basis = options.basis ?? "printed_total";
  const gdp2017 = options.gdp2017 ?? "value_added";
  const flows = options.flows ?? readDerivedFlows();
  const flags = anomalyFlags(options.anomalies ?? readAnomalies());
  const yearbook = gdp2017 === "yearbook" ? (options.gdpYearbook2017 ?? new Map(readGdp2017().map((g) => [g.province_zh, g.gdp]))) : null;
  const out: IndicatorRow[] = [];
  for (const year of YEARS) {
    for (const p of PROVINCES) {
      const r = flows.find((x) => x.year === year && x.province_zh === p.zh && x.basis === basis);
      if (!r) continue;
      let gdp = r.value_added;
      let gdp_source: GdpSource = "value_added";
      if (year === 2017 && yearbook) {
        const g = yearbook.get(p.zh);
        if (g === undefined) throw new Error(`no yearbook GDP for 2017 ${p.zh} (data/derived/gdp_2017.csv)`);
        gdp = g;
        gdp_source = "yearbook";
      }
      const v = indicatorValues(year, p.zh, { ...r, gdp });
      const own = flags.filter((f) => f.year === year && f.province_zh === p.zh);
      out.push({
        year,
        unit_zh: p.zh,
        unit_en: p.en,
        members: [p.zh],
        gdp_source,
        gdp,
        total_output: r.total_output,
        export: r.export,
        outflow: r.outflow,
        import: r.import,
        inflow: r.inflow,
        gross_outflow: r.gross_outflow,
        gross_inflow: r.gross_inflow,
        final_consumption: r.final_consumption,
        trade_ratio: v.trade_ratio,
        ftd: v.ftd,
        dtd: v.dtd,
        outflow_rate: v.outflow_rate,
        inflow_rate: v.inflow_rate,
        flags: [...v.flags, ...own],
      });
    }
  }
  return out;
}

/** True if `row`'s value of `indicator` exists and no flag makes it incomparable. */
export function isComparable(row: IndicatorRow, indicator: RatioColumn): boolean {
  return row[indicator] !== null && !row.flags.some((f) => !f.comparable && f.affects.includes(indicator));
}

/** The rows of one year. */
export function ofYear(rows: readonly IndicatorRow[], year: number): IndicatorRow[] {
  return rows.filter((r) => r.year === year);
}

/** The row of one province (or group) in one year, or undefined. */
export function rowOf(rows: readonly IndicatorRow[], unit_zh: string, year: number): IndicatorRow | undefined {
  return rows.find((r) => r.unit_zh === unit_zh && r.year === year);
}

const nullableSum = (rows: readonly IndicatorRow[], k: "export" | "outflow" | "import" | "inflow") =>
  rows.some((r) => r[k] === null) ? null : rows.reduce((s, r) => s + r[k]!, 0);

/**
 * A group's indicators per year: flows of the members that have a table that year summed, then divided (a ratio of
 * sums, as in Tables 2–6). Flags: every member's incomparable flag is carried over (a misrecorded split in one member
 * makes the group's split indicators incomparable), and a missing member is named.
 */
export function groupSeries(rows: readonly IndicatorRow[], group: Group): IndicatorRow[] {
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return years.map((year) => {
    const members = rows.filter((r) => r.year === year && group.members.includes(r.unit_zh));
    if (members.length === 0) throw new Error(`group "${group.zh}": no member has a ${year} table`);
    const gdp_source = members[0].gdp_source;
    if (members.some((m) => m.gdp_source !== gdp_source)) throw new Error(`group "${group.zh}" ${year}: members mix GDP sources`);
    const total = (k: "gdp" | "total_output" | "gross_outflow" | "gross_inflow" | "final_consumption") => members.reduce((a, m) => a + m[k], 0);
    const flows = {
      gdp: total("gdp"),
      export: nullableSum(members, "export"),
      outflow: nullableSum(members, "outflow"),
      import: nullableSum(members, "import"),
      inflow: nullableSum(members, "inflow"),
      gross_outflow: total("gross_outflow"),
      gross_inflow: total("gross_inflow"),
    };
    const v = indicatorValues(year, group.zh, flows);
    const carried = members.flatMap((m) => m.flags.filter((f) => !f.comparable && f.kind !== "no_split" && f.kind !== "undefined_ratio"));
    const missing = group.members.filter((m) => !members.some((r) => r.unit_zh === m));
    const missingFlags: IndicatorFlag[] = missing.length
      ? [
          {
            year,
            province_zh: group.zh,
            kind: "missing_table",
            affects: [],
            comparable: true,
            source: "layout",
            column: "",
            zh: `${year}年无${missing.join("、")}的表，合计不含${missing.join("、")}`,
            en: `no ${year} table for ${missing.join(", ")}: the sums leave ${missing.length > 1 ? "them" : "it"} out`,
          },
        ]
      : [];
    return {
      year,
      unit_zh: group.zh,
      unit_en: group.en,
      members: members.map((m) => m.unit_zh),
      gdp_source,
      total_output: total("total_output"),
      ...flows,
      final_consumption: total("final_consumption"),
      trade_ratio: v.trade_ratio,
      ftd: v.ftd,
      dtd: v.dtd,
      outflow_rate: v.outflow_rate,
      inflow_rate: v.inflow_rate,
      flags: [...v.flags, ...carried, ...missingFlags],
    };
  });
}

/** Change of an indicator between two years: later − earlier (percentage points), null if either is missing. */
export interface IndicatorChange {
  unit_zh: string;
  unit_en: string;
  from: number | null;
  to: number | null;
  change: number | null;
  /** both values exist and are comparable */
  comparable: boolean;
}

export function indicatorChange(rows: readonly IndicatorRow[], indicator: RatioColumn, fromYear: number, toYear: number): IndicatorChange[] {
  const units = [...new Set(rows.map((r) => r.unit_zh))];
  return units.map((u) => {
    const a = rowOf(rows, u, fromYear);
    const b = rowOf(rows, u, toYear);
    const from = a ? a[indicator] : null;
    const to = b ? b[indicator] : null;
    return {
      unit_zh: u,
      unit_en: (a ?? b)!.unit_en,
      from,
      to,
      change: from !== null && to !== null ? to - from : null,
      comparable: !!a && !!b && isComparable(a, indicator) && isComparable(b, indicator),
    };
  });
}

/**
 * A screen for implausible jumps between consecutive tables, beside the pipeline's rules: a trade flow (foreign
 * X + M, domestic O + I, gross X + O + M + I) that grows or shrinks by more than `factor` while GDP (value added)
 * changes far less. A screen, not a verdict: real change is possible, but a 10-fold jump in five years usually
 * means the table recorded the flow differently. Zero on either side is left to the pipeline's zero-flow rules.
 */
export interface Jump {
  unit_zh: string;
  from_year: number;
  to_year: number;
  flow: "foreign" | "domestic" | "gross";
  from: number;
  to: number;
  /** to / from */
  factor: number;
  /** GDP(to) / GDP(from) */
  gdp_factor: number;
}

export function flowJumps(rows: readonly IndicatorRow[], factor = 5): Jump[] {
  if (!(factor > 1)) throw new RangeError(`flowJumps: factor must be > 1 (got ${factor})`);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const out: Jump[] = [];
  const flowOf = (r: IndicatorRow, k: Jump["flow"]): number | null =>
    k === "gross"
      ? r.gross_outflow + r.gross_inflow
      : k === "foreign"
        ? r.export === null
          ? null
          : r.export + r.import!
        : r.outflow === null
          ? null
          : r.outflow + r.inflow!;
  for (let i = 1; i < years.length; i++) {
    for (const b of ofYear(rows, years[i])) {
      const a = rowOf(rows, b.unit_zh, years[i - 1]);
      if (!a) continue;
      for (const k of ["foreign", "domestic", "gross"] as const) {
        const [x, y] = [flowOf(a, k), flowOf(b, k)];
        if (x === null || y === null || x === 0 || y === 0) continue;
        const f = y / x;
        if (f > factor || f < 1 / factor)
          out.push({ unit_zh: b.unit_zh, from_year: a.year, to_year: b.year, flow: k, from: x, to: y, factor: f, gdp_factor: b.gdp / a.gdp });
      }
    }
  }
  return out;
}

/** Indicators that every row of `rows` has for `year` (2007: the two gross rates). */
export function availableIndicators(rows: readonly IndicatorRow[], year: number): RatioColumn[] {
  const ys = ofYear(rows, year);
  return ALL_INDICATORS.filter((k) => ys.length > 0 && ys.every((r) => r[k] !== null || (k === "trade_ratio" && r.ftd !== null)));
}

export { ALL_INDICATORS, SPLIT_INDICATORS };

/** What each year's tables cover: provinces with a table, those without, and the indicators every row has. */
export interface Coverage {
  year: number;
  provinces: number;
  missing: string[];
  indicators: RatioColumn[];
  gdp_source: GdpSource;
}

export function coverage(rows: readonly IndicatorRow[]): Coverage[] {
  const years = [...new Set(rows.map((r) => r.year))].sort();
  return years.map((year) => {
    const ys = ofYear(rows, year);
    return {
      year,
      provinces: ys.length,
      missing: PROVINCES.filter((p) => !ys.some((r) => r.unit_zh === p.zh)).map((p) => p.zh),
      indicators: availableIndicators(rows, year),
      gdp_source: ys[0].gdp_source,
    };
  });
}

/** Summary of an indicator's change between two years over the comparable units. */
export interface ChangeSummary {
  indicator: RatioColumn;
  from: number;
  to: number;
  /** units with comparable values in both years */
  n: number;
  fell: number;
  rose: number;
  median: number | null;
  /** the largest fall and rise (unit, change) */
  largest_fall: { unit_zh: string; change: number } | null;
  largest_rise: { unit_zh: string; change: number } | null;
  /** units left out (a value missing or not comparable) */
  excluded: string[];
}

export function summarizeChange(rows: readonly IndicatorRow[], indicator: RatioColumn, fromYear: number, toYear: number): ChangeSummary {
  const all = indicatorChange(rows, indicator, fromYear, toYear);
  const ok = all.filter((c) => c.comparable && c.change !== null);
  const sorted = [...ok].sort((a, b) => a.change! - b.change!);
  const m = sorted.length;
  const median = m === 0 ? null : m % 2 ? sorted[(m - 1) / 2].change! : (sorted[m / 2 - 1].change! + sorted[m / 2].change!) / 2;
  return {
    indicator,
    from: fromYear,
    to: toYear,
    n: m,
    fell: ok.filter((c) => c.change! < 0).length,
    rose: ok.filter((c) => c.change! > 0).length,
    median,
    largest_fall: m && sorted[0].change! < 0 ? { unit_zh: sorted[0].unit_zh, change: sorted[0].change! } : null,
    largest_rise: m && sorted[m - 1].change! > 0 ? { unit_zh: sorted[m - 1].unit_zh, change: sorted[m - 1].change! } : null,
    excluded: all.filter((c) => !c.comparable).map((c) => c.unit_zh),
  };
}
