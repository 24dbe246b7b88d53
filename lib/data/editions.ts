/**
 * The 2017 province data in the two editions the project compares.
 *
 * - `paper`: what the paper used — flows from the printed total row of each provincial table and the
 *   yearbook GDP (printed in Tables 5–6, recovered from Tables 2–4, or from the yearbook: data/derived/gdp_2017.csv).
 * - `tables`: straight from the workbooks — flows summed over the 42 sectors and GDP = the table's value added (TVA).
 */
import { InputError, readCsv } from "../core/csv";
import { dataPath } from "../core/paths";
import { parseAmount, type ProvinceFlows } from "./provinceFlows";
import { PROVINCES, isProvince } from "../paper/provinces";
import type { Bilingual } from "../core/text";

export const EDITIONS = ["paper", "tables"] as const;
export type Edition = (typeof EDITIONS)[number];

export const EDITION_LABELS: Record<Edition, Bilingual> = {
  paper: { zh: "论文口径（年鉴GDP、表中合计行）", en: "Paper edition (yearbook GDP, printed total rows)" },
  tables: { zh: "投入产出表口径（增加值、部门加总）", en: "Tables edition (value added, sums of sectors)" },
};

export function assertEdition(e: string): Edition {
  if (!(EDITIONS as readonly string[]).includes(e)) throw new Error(`unknown edition "${e}" (expected paper or tables)`);
  return e as Edition;
}

/** One row of data/derived/province_flows.csv (亿元); null where the source table has no such column (2007). */
export interface DerivedFlowRow {
  year: number;
  province_zh: string;
  basis: "printed_total" | "sector_sum";
  total_output: number;
  value_added: number;
  export: number | null;
  outflow: number | null;
  import: number | null;
  inflow: number | null;
  gross_outflow: number;
  gross_inflow: number;
  final_consumption: number;
  capital_formation: number;
  other_error: number;
}

const OPTIONAL = ["export", "outflow", "import", "inflow"] as const;
const REQUIRED = ["total_output", "value_added", "gross_outflow", "gross_inflow", "final_consumption", "capital_formation"] as const;

/** Read data/derived/province_flows.csv (or another file of the same layout), validated. */
export function readDerivedFlows(file = dataPath("derived", "province_flows.csv")): DerivedFlowRow[] {
  const t = readCsv(file);
  const col = (name: string) => {
    const i = t.header.indexOf(name);
    if (i < 0) throw new InputError(file, 1, name, "required column is missing");
    return i;
  };
  const idx = Object.fromEntries(
    ["year", "province_zh", "basis", ...REQUIRED, ...OPTIONAL, "other_error"].map((c) => [c, col(c)]),
  ) as Record<string, number>;
  return t.rows.map(({ line, cells }) => {
    const name = cells[idx.province_zh];
    if (!isProvince(name)) throw new InputError(file, line, "province_zh", `unknown province "${name}"`);
    const basis = cells[idx.basis];
    if (basis !== "printed_total" && basis !== "sector_sum")
      throw new InputError(file, line, "basis", `"${basis}" is not printed_total or sector_sum`);
    const year = Number(cells[idx.year]);
    if (!Number.isInteger(year)) throw new InputError(file, line, "year", `"${cells[idx.year]}" is not a year`);
    const row: Record<string, unknown> = { year, province_zh: name, basis };
    for (const c of REQUIRED) row[c] = parseAmount(cells[idx[c]], file, line, c);
    for (const c of OPTIONAL) row[c] = cells[idx[c]].trim() === "" ? null : parseAmount(cells[idx[c]], file, line, c);
    // the error column of an IO table is a balancing item and may be negative
    const err = Number(cells[idx.other_error]);
    if (cells[idx.other_error].trim() === "" || !Number.isFinite(err))
      throw new InputError(file, line, "other_error", `"${cells[idx.other_error]}" is not a number`);
    row.other_error = err;
    return row as unknown as DerivedFlowRow;
  });
}

/** data/derived/gdp_2017.csv: the paper's GDP per province with its source. */
export interface GdpRow {
  province_zh: string;
  gdp: number;
  source_kind: "printed" | "recovered" | "yearbook";
  source: string;
}

export function readGdp2017(file = dataPath("derived", "gdp_2017.csv")): GdpRow[] {
  const t = readCsv(file);
  const [ip, ig, ik, is] = ["province_zh", "gdp", "source_kind", "source"].map((c) => {
    const i = t.header.indexOf(c);
    if (i < 0) throw new InputError(file, 1, c, "required column is missing");
    return i;
  });
  return t.rows.map(({ line, cells }) => {
    if (!isProvince(cells[ip])) throw new InputError(file, line, "province_zh", `unknown province "${cells[ip]}"`);
    const gdp = parseAmount(cells[ig], file, line, "gdp");
    return { province_zh: cells[ip], gdp, source_kind: cells[ik] as GdpRow["source_kind"], source: cells[is] };
  });
}

/** The 31 provinces' 2017 flows in an edition, in adcode order. */
export function provinceFlows2017(edition: Edition = "paper"): ProvinceFlows[] {
  const basis = edition === "paper" ? "printed_total" : "sector_sum";
  const rows = readDerivedFlows().filter((r) => r.year === 2017 && r.basis === basis);
  const gdp = edition === "paper" ? new Map(readGdp2017().map((g) => [g.province_zh, g.gdp])) : null;
  return PROVINCES.map((p) => {
    const r = rows.find((x) => x.province_zh === p.zh);
    if (!r) throw new Error(`data/derived/province_flows.csv has no 2017 ${basis} row for ${p.zh}`);
    const g = gdp ? gdp.get(p.zh) : r.value_added;
    if (g === undefined) throw new Error(`data/derived/gdp_2017.csv has no GDP for ${p.zh}`);
    return {
      province_zh: p.zh,
      total_output: r.total_output,
      gdp: g,
      export: r.export!,
      outflow: r.outflow!,
      import: r.import!,
      inflow: r.inflow!,
    };
  });
}
