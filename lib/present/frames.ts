/**
 * DataFrames (lib/indicators/frame.ts) shown in a notebook: the same HTML table as display's `table()`, its columns
 * picked and labelled by `columns` (lib/present/typologyColumns.ts), or every column of the frame.
 */
import type { Lang } from "../core/text";
import { recordsOf, type DataFrame } from "../indicators/danfo";
import { table, type Column } from "./display";

/** Show a frame as a table; the first `rows` only when given. */
export function showFrame(df: DataFrame, columns?: readonly Column[], lang: Lang = "zh", rows?: number): void {
  table(recordsOf(rows === undefined ? df : df.head(rows)), columns, lang);
}
