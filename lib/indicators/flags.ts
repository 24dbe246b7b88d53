/**
 * What the data pipeline's anomalies (data/derived/anomalies.csv, found by the rules of lib/data/anomalies.ts) mean for the
 * paper's five indicators: which indicator of which table they touch, and whether the value can still be compared
 * across years.
 *
 * Nothing is listed by hand here: the flags are read from anomalies.csv, and this module only says what each *kind* of
 * anomaly does to an indicator. Kinds with no effect on the indicators (a negative intermediate-input cell, a second
 * sheet, a rural/urban label swap, the split of value added into its components) map to no flag.
 *
 * - The foreign/domestic split is misrecorded (domestic_flows_zero: OF = IF = 0 with domestic trade inside EX/IM;
 *   foreign_flows_zero: EX = IM = 0 with foreign trade inside OF/IF; flow_column_zero): 内外贸易比, 外贸依存度 and
 *   内贸依存度 are not comparable. 流出率 and 流入率 are: they use EX + OF and IM + IF, which do not depend on the split.
 * - flow_exceeds_output (transit and re-export trade), large_error_term (a balancing item of more than 1 % of output)
 *   and total_row_difference of a trade column (printed total ≠ Σ sectors, so the basis matters): the value stands,
 *   but the reader should know; comparable.
 */
import { InputError, readCsv } from "../core/csv";
import type { RatioColumn } from "../paper/columns";
import { dataPath } from "../core/paths";
import type { Anomaly } from "../data/anomalies";
import { isProvince } from "../paper/provinces";

/** One row of data/derived/anomalies.csv (see data/README.md): what lib/data/anomalies.ts detects, as written. */
export type AnomalyRow = Anomaly;

const ANOMALY_COLUMNS = ["year", "province_zh", "kind", "column", "value", "reference", "detail_zh", "detail_en"] as const;

function optionalNumber(text: string, file: string, line: number, column: string): number | null {
  if (text.trim() === "") return null;
  const v = Number(text);
  if (!Number.isFinite(v)) throw new InputError(file, line, column, `"${text}" is not a number`);
  return v;
}

/** Read data/derived/anomalies.csv (or a file of the same layout), validated. */
export function readAnomalies(file = dataPath("derived", "anomalies.csv")): AnomalyRow[] {
  const t = readCsv(file);
  const idx = Object.fromEntries(
    ANOMALY_COLUMNS.map((c) => {
      const i = t.header.indexOf(c);
      if (i < 0) throw new InputError(file, 1, c, "required column is missing");
      return [c, i];
    }),
  ) as Record<(typeof ANOMALY_COLUMNS)[number], number>;
  return t.rows.map(({ line, cells }) => {
    const year = Number(cells[idx.year]);
    if (!Number.isInteger(year)) throw new InputError(file, line, "year", `"${cells[idx.year]}" is not a year`);
    const name = cells[idx.province_zh];
    if (name !== "全国" && !isProvince(name)) throw new InputError(file, line, "province_zh", `unknown province "${name}"`);
    if (cells[idx.kind].trim() === "") throw new InputError(file, line, "kind", "empty kind");
    return {
      year,
      province_zh: name,
      kind: cells[idx.kind],
      column: cells[idx.column],
      value: optionalNumber(cells[idx.value], file, line, "value"),
      reference: optionalNumber(cells[idx.reference], file, line, "reference"),
      detail_zh: cells[idx.detail_zh],
      detail_en: cells[idx.detail_en],
    };
  });
}

/** Why an indicator value is missing or needs a note. */
export type FlagKind =
  // from the pipeline (anomalies.csv)
  | "domestic_flows_zero"
  | "foreign_flows_zero"
  | "flow_column_zero"
  | "gross_flows_zero"
  | "flow_exceeds_output"
  | "large_error_term"
  | "total_row_difference"
  // from the table layout or the definition
  | "no_split"
  | "missing_table"
  | "undefined_ratio";

export interface IndicatorFlag {
  year: number;
  province_zh: string;
  kind: FlagKind;
  /** the indicators the flag is about */
  affects: RatioColumn[];
  /** false: the value must not be compared with other years or provinces (or is null) */
  comparable: boolean;
  /** "anomalies.csv" (a pipeline rule found it), "layout" (the table has no such column), "definition" (0/0 or x/0) */
  source: "anomalies.csv" | "layout" | "definition";
  /** the anomaly's column (anomalies.csv), else "" */
  column: string;
  zh: string;
  en: string;
}

export const SPLIT_INDICATORS: readonly RatioColumn[] = ["trade_ratio", "ftd", "dtd"];
export const ALL_INDICATORS: readonly RatioColumn[] = ["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"];

/** Indicators whose numerator or denominator contains a column (EX, OF, IM, IF; 2007's FU302, FU304; GO, TVA, ERR). */
export function indicatorsUsing(column: string): RatioColumn[] {
  switch (column) {
    case "EX":
      return ["trade_ratio", "ftd", "outflow_rate"];
    case "IM":
      return ["trade_ratio", "ftd", "inflow_rate"];
    case "OF":
      return ["trade_ratio", "dtd", "outflow_rate"];
    case "IF":
      return ["trade_ratio", "dtd", "inflow_rate"];
    case "FU302":
      return ["outflow_rate"];
    case "FU304":
      return ["inflow_rate"];
    case "EX+IM":
    case "OF+IF":
      return [...SPLIT_INDICATORS];
    case "FU302+FU304":
      return ["outflow_rate", "inflow_rate"];
    case "TIU@TVA": // GDP (value added) itself
    case "ERR": // the balancing item: every flow may be off by it
      return [...ALL_INDICATORS];
    default:
      return [];
  }
}

const SPLIT_NOTE = {
  zh: "外贸、内贸的划分记录有误，内外贸易比、外贸依存度、内贸依存度不可比；流出率、流入率（出口+流出、进口+流入）不受影响",
  en: "the foreign/domestic split is misrecorded: trade ratio, foreign- and domestic-trade dependence are not comparable; outflow and inflow rates (EX + OF, IM + IF) are unaffected",
};

/** The indicator flag an anomaly implies, or null if it does not touch the five indicators. */
export function flagOfAnomaly(a: AnomalyRow): IndicatorFlag | null {
  const base = { year: a.year, province_zh: a.province_zh, source: "anomalies.csv" as const, column: a.column };
  switch (a.kind) {
    case "domestic_flows_zero":
    case "foreign_flows_zero":
      return { ...base, kind: a.kind, affects: [...SPLIT_INDICATORS], comparable: false, zh: `${a.detail_zh}。${SPLIT_NOTE.zh}`, en: `${a.detail_en}. ${SPLIT_NOTE.en}` };
    case "flow_column_zero":
      return { ...base, kind: a.kind, affects: [...SPLIT_INDICATORS], comparable: false, zh: `${a.detail_zh}。${SPLIT_NOTE.zh}`, en: `${a.detail_en}. ${SPLIT_NOTE.en}` };
    case "gross_flows_zero":
      return { ...base, kind: a.kind, affects: ["outflow_rate", "inflow_rate"], comparable: false, zh: a.detail_zh, en: a.detail_en };
    case "flow_exceeds_output":
      return {
        ...base,
        kind: a.kind,
        affects: indicatorsUsing(a.column),
        comparable: true,
        zh: `${a.detail_zh}；依存度因过境贸易偏高`,
        en: `${a.detail_en}; dependence is raised by transit trade`,
      };
    case "large_error_term":
      return { ...base, kind: a.kind, affects: [...ALL_INDICATORS], comparable: true, zh: `${a.detail_zh}；流量的误差可达此数`, en: `${a.detail_en}; flows may be off by up to this amount` };
    case "total_row_difference": {
      // a value-added component (VA001–VA004) or TFU differing touches no indicator; a trade column or TVA does
      const affects = indicatorsUsing(a.column);
      if (affects.length === 0) return null;
      return {
        ...base,
        kind: a.kind,
        affects,
        comparable: true,
        zh: `${a.detail_zh}；印刷合计与部门加总两种口径结果不同`,
        en: `${a.detail_en}; the printed-total and sector-sum bases give different values`,
      };
    }
    default:
      return null;
  }
}

/** Every indicator flag the anomalies imply, in file order. */
export function anomalyFlags(anomalies: readonly AnomalyRow[]): IndicatorFlag[] {
  return anomalies.flatMap((a) => {
    const f = flagOfAnomaly(a);
    return f ? [f] : [];
  });
}

/** The 2007 provincial tables have only FU302 流出 and FU304 流入: no foreign/domestic split. */
export function noSplitFlag(year: number, province_zh: string): IndicatorFlag {
  return {
    year,
    province_zh,
    kind: "no_split",
    affects: [...SPLIT_INDICATORS],
    comparable: false,
    source: "layout",
    column: "",
    zh: `${year}年表只有流出（FU302）、流入（FU304），不分出口与国内省外流出：内外贸易比、外贸依存度、内贸依存度无法计算`,
    en: `the ${year} table has only gross outflow (FU302) and inflow (FU304), no split into foreign and domestic trade: trade ratio, foreign- and domestic-trade dependence cannot be computed`,
  };
}

/** 内外贸易比 (O + I)/(X + M) with X + M = 0: undefined, reported as null. */
export function undefinedRatioFlag(year: number, province_zh: string): IndicatorFlag {
  return {
    year,
    province_zh,
    kind: "undefined_ratio",
    affects: ["trade_ratio"],
    comparable: false,
    source: "definition",
    column: "EX+IM",
    zh: "出口+进口为0，内外贸易比无定义（记为空）",
    en: "exports + imports = 0: the trade ratio is undefined (left empty)",
  };
}
