/**
 * The danfojs table layer that notebooks see. Numbers are computed in plain arrays elsewhere in lib/
 * (danfojs has one maintainer left and row-wise defaults unlike pandas; see the toolchain notes);
 * this module turns validated records into DataFrames and back, and loads the project's data as frames.
 */
import * as dfd from "danfojs-node";
import { aggregate, provinceIndicators, TABLE_COLUMNS, type TableRow } from "./aggregate";
import { provinceFlows2017, type Edition } from "../data/editions";
import type { LayoutRow } from "../paper/groupings";
import { readProvinceFlows, type ProvinceFlows } from "../data/provinceFlows";

// pure tfjs prints a banner on first use; a notebook does not need it
dfd.tensorflow.enableProdMode?.();

export { dfd };

/** A DataFrame from records, columns in the given order (all records must have them). */
export function frameOf<T extends object>(records: readonly T[], columns?: readonly (keyof T & string)[]): dfd.DataFrame {
  if (records.length === 0) throw new Error("frameOf: no records");
  const cols = columns ?? (Object.keys(records[0]) as (keyof T & string)[]);
  return new dfd.DataFrame(
    records.map((r) => cols.map((c) => (r as Record<string, unknown>)[c])),
    { columns: [...cols] },
  );
}

/** Records back from a DataFrame. */
export function recordsOf<T = Record<string, unknown>>(df: dfd.DataFrame): T[] {
  return dfd.toJSON(df, { format: "column" }) as T[];
}

/** A province flow CSV (validated: lib/data/provinceFlows.ts) as a DataFrame. */
export function readProvinceFrame(file: string): dfd.DataFrame {
  return frameOf<ProvinceFlows>(readProvinceFlows(file));
}

/** The 2017 flows of all 31 provinces in an edition, as a DataFrame. */
export function provinceFrame2017(edition: Edition = "paper"): dfd.DataFrame {
  return frameOf<ProvinceFlows>(provinceFlows2017(edition));
}

/** Per-province indicators (flows, five ratios, shares) as a DataFrame. */
export function indicatorFrame(data: readonly ProvinceFlows[]): dfd.DataFrame {
  return frameOf(provinceIndicators(data), ["province_zh", ...(TABLE_COLUMNS.slice(1) as (keyof TableRow & string)[])] as never);
}

/** A table in the paper's layout as a DataFrame. */
export function tableFrame(data: readonly ProvinceFlows[], layout: readonly LayoutRow[]): dfd.DataFrame {
  return frameOf<TableRow>(aggregate(data, layout), [...TABLE_COLUMNS]);
}
