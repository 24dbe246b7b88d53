/**
 * Documented corrections to the raw tables, applied only to the derived full tables (data/derived/io-tables/).
 * Each one is detected by a rule in lib/data/anomalies.ts and reported there; this list only says which detected
 * cases have outside evidence strong enough to correct, and what the evidence is.
 */
import { swapColumns, type IoTable } from "./ioTable";

export interface LabelSwap {
  year: number;
  province_zh: string;
  columns: [string, string];
  evidence_zh: string;
  evidence_en: string;
}

export const LABEL_SWAPS: readonly LabelSwap[] = [
  {
    year: 2017,
    province_zh: "广东",
    columns: ["FU101", "FU102"],
    evidence_zh: "SOURCE.md：广东表的另一版本将两列标注相反（农村居民消费列为城镇的5.3倍不合常理）",
    evidence_en: "SOURCE.md: another copy of the Guangdong table labels the two columns the other way round",
  },
];

/** The documented label swap for this table, if any. */
export function labelSwapFor(t: Pick<IoTable, "year" | "province_zh">): LabelSwap | undefined {
  return LABEL_SWAPS.find((s) => s.year === t.year && s.province_zh === t.province_zh);
}

/** The table with its documented corrections applied (a new object; the input is not changed). */
export function applyCorrections(t: IoTable): IoTable {
  const swap = labelSwapFor(t);
  return swap ? swapColumns(t, swap.columns[0], swap.columns[1]) : t;
}
