/**
 * Bilingual column sets for display's table(): which fields of a row to show, under which heading, to how many
 * decimals, read from data/labels/column_sets.csv (set, key, label_zh, label_en, digits; a key "a|b" is `a` in
 * Chinese tables and `b` in English ones; a label with no English is shown as it is in both). Kept out of the cells
 * so that notebook cells stay one call long: `table(rows, COLUMNS.gdpSources(LANG), LANG)`.
 */
import { InputError, readExactCsv } from "../core/csv";
import { dataPath } from "../core/paths";
import type { Lang } from "../core/text";
import type { Column } from "./display";

interface ColumnSpec {
  key: string | { zh: string; en: string };
  label: Column["label"];
  digits?: number;
}

/** Read and validate a column-set file (data/labels/column_sets.csv by default): set name → its columns in order. */
export function readColumnSets(file = dataPath("labels", "column_sets.csv")): Map<string, ColumnSpec[]> {
  const sets = new Map<string, ColumnSpec[]>();
  for (const { row, cells } of readExactCsv(file, ["set", "key", "label_zh", "label_en", "digits"])) {
    const [set, key, zh, en, digits] = cells;
    if (!/^[a-zA-Z]+$/.test(set)) throw new InputError(file, row, "set", `"${set}" is not a set name (letters)`);
    const keys = key.split("|");
    if (keys.length > 2 || keys.some((k) => !/^[\w.]+$/.test(k))) throw new InputError(file, row, "key", `"${key}" is not a field name, or two joined by "|"`);
    if (!zh) throw new InputError(file, row, "label_zh", "empty");
    if (digits !== "" && !/^\d$/.test(digits)) throw new InputError(file, row, "digits", `"${digits}" is not a number of decimals (0–9)`);
    const spec: ColumnSpec = { key: keys.length === 2 ? { zh: keys[0], en: keys[1] } : key, label: en ? { zh, en } : zh };
    if (digits !== "") spec.digits = Number(digits);
    if (!sets.has(set)) sets.set(set, []);
    sets.get(set)!.push(spec);
  }
  return sets;
}

const SETS = readColumnSets();

/** The columns of one set, in `lang` (which picks the key of a "zh|en" column). */
function columnSet(name: string, lang: Lang = "zh"): Column[] {
  const set = SETS.get(name);
  if (!set) throw new Error(`data/labels/column_sets.csv has no set "${name}"`);
  return set.map((s) => ({ ...s, key: typeof s.key === "string" ? s.key : s.key[lang] }));
}

export const COLUMNS = {
  rawWorkbooks: (): Column[] => columnSet("rawWorkbooks"),
  /** the fields of a province_flows.csv row (亿元) */
  tidyRow: (): Column[] => columnSet("tidyRow"),
  tidyTrace: (): Column[] => columnSet("tidyTrace"),
  totalRowDifferences: (): Column[] => columnSet("totalRowDifferences"),
  basisEvidence: (): Column[] => columnSet("basisEvidence"),
  /** both languages of each finding side by side */
  anomalies: (): Column[] => columnSet("anomalies"),
  gdpSources: (lang: Lang): Column[] => columnSet("gdpSources", lang),
  gdpChecks: (): Column[] => columnSet("gdpChecks"),
  yearbookSums: (): Column[] => columnSet("yearbookSums"),
  /** lib/checks/editionDiff.ts rows: per province (`group` false) or per group */
  editions: (lang: Lang, group = false): Column[] => columnSet(group ? "editionsByGroup" : "editions", lang),
  statusCounts: (): Column[] => columnSet("statusCounts"),
};
