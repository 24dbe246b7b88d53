/**
 * Type migration as notebook 03 shows and writes it: each province's type by classifier and year (display rows, with
 * close calls and provinces not comparable marked), the classifiers' agreement, and type_migration.csv.
 */
import type { Assignment } from "../typology/migration";
import { province } from "../paper/provinces";
import type { Column } from "./display";
import { pick, type Lang, type Bilingual } from "../core/text";
import { MARK_NOT_COMPARABLE, MARK_MISSING, typeEnOf } from "./changeTables";

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
