/**
 * danfojs-node, with its pitfalls worked around in this one place (the toolchain notes; danfojs 1.2.0 has one
 * maintainer left, so the project does not wait for fixes):
 * - `sum()` adds along rows (axis 1) unless told otherwise, unlike pandas: `columnSums` says axis 0;
 * - `groupby(...).sum()` renames every column `x` to `x_sum`: `groupSum` gives the columns their names back;
 * - `concat` was seen to change the frames it was given: `stackRows` passes copies;
 * - `loc({ rows: [label] })` with a single label throws "Specified index … not found" (two or more work): `rowsWith`
 *   selects rows by position;
 * - pure tfjs prints a banner on first use: production mode is switched on here, once.
 * Arithmetic between columns (`add`, `div`, `mul`) is elementwise in float64, the same operations in the same order
 * as the plain-array functions of ./ratios.ts, so the two agree to the last bit (test/frames.test.ts).
 */
import * as dfd from "danfojs-node";

dfd.tensorflow.enableProdMode?.();

export { dfd };
export type DataFrame = dfd.DataFrame;

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

/** The sum of each of `columns` down the rows (axis 0; danfojs's default is across). */
export function columnSums(df: dfd.DataFrame, columns: readonly string[]): Record<string, number> {
  const s = df.loc({ columns: [...columns] }).sum({ axis: 0 }) as dfd.Series;
  return Object.fromEntries(columns.map((c, i) => [c, s.values[i] as number]));
}

/** Rows grouped by `by`, `columns` summed within each group, named as before (danfojs appends "_sum"). */
export function groupSum(df: dfd.DataFrame, by: string, columns: readonly string[]): dfd.DataFrame {
  const summed = df.loc({ columns: [by, ...columns] }).groupby([by]).sum();
  return summed.rename(Object.fromEntries(columns.map((c) => [`${c}_sum`, c])));
}

/** The frames' rows one after another (copies: danfojs's concat was seen to change its inputs). */
export function stackRows(frames: readonly dfd.DataFrame[]): dfd.DataFrame {
  if (frames.length === 1) return frames[0].copy();
  return dfd.concat({ dfList: frames.map((f) => f.copy()), axis: 0 }) as dfd.DataFrame;
}

/** The rows whose `column` holds each of `labels`, in the order of `labels` (by position: `loc` of one label fails). */
export function rowsWith(df: dfd.DataFrame, column: string, labels: readonly string[]): dfd.DataFrame {
  const values = df[column].values as string[];
  const positions = labels.map((l) => values.indexOf(l));
  const missing = labels.filter((_, i) => positions[i] < 0);
  if (missing.length) throw new Error(`no row with ${column} ${missing.map((m) => `"${m}"`).join(", ")}`);
  return df.iloc({ rows: positions }).resetIndex();
}
