/**
 * The 2017 province data in four editions: the two of lib/data/editions.ts and the two mixtures between
 * them, so that the effect of each of the two choices that separate the paper from the workbooks can
 * be seen on its own.
 *
 * Two choices, two options each:
 * - GDP (the denominator of every ratio): the yearbook GDP the paper used (data/derived/gdp_2017.csv)
 *   or the table's own value added (增加值合计);
 * - flows (total output, exports, outflow, imports, inflow): the printed total row (合计) of each
 *   provincial table or the sum of its 42 sector rows (data/derived/province_flows.csv, basis
 *   printed_total or sector_sum). Value added is taken from the same basis as the flows.
 *
 *   variant            GDP           flows            = lib/data/editions.ts
 *   paper              yearbook      printed totals     provinceFlows2017("paper")
 *   yearbook_sectors   yearbook      sums of sectors
 *   va_printed         value added   printed totals
 *   tables             value added   sums of sectors    provinceFlows2017("tables")
 */
import { DerivedFlowRow, GdpRow, readDerivedFlows, readGdp2017 } from "./editions";
import { ProvinceFlows } from "./provinceFlows";
import { PROVINCES } from "../paper/provinces";

export type GdpSource = "yearbook" | "value_added";
export type FlowBasis = "printed_total" | "sector_sum";

export interface EditionVariant {
  id: "paper" | "yearbook_sectors" | "va_printed" | "tables";
  gdp: GdpSource;
  flows: FlowBasis;
  zh: string;
  en: string;
}

export const EDITION_VARIANTS: readonly EditionVariant[] = [
  { id: "paper", gdp: "yearbook", flows: "printed_total", zh: "年鉴GDP＋合计行（论文口径）", en: "Yearbook GDP + printed totals (paper)" },
  { id: "yearbook_sectors", gdp: "yearbook", flows: "sector_sum", zh: "年鉴GDP＋部门加总", en: "Yearbook GDP + sums of sectors" },
  { id: "va_printed", gdp: "value_added", flows: "printed_total", zh: "增加值＋合计行", en: "Value added + printed totals" },
  { id: "tables", gdp: "value_added", flows: "sector_sum", zh: "增加值＋部门加总（投入产出表口径）", en: "Value added + sums of sectors (tables)" },
];

/** The variant with this id; throws listing the valid ids. */
export function editionVariant(id: string): EditionVariant {
  const v = EDITION_VARIANTS.find((e) => e.id === id);
  if (!v) throw new RangeError(`unknown edition variant "${id}" (expected one of ${EDITION_VARIANTS.map((e) => e.id).join(", ")})`);
  return v;
}

/**
 * The 31 provinces' flows of one variant, in adcode order, from already-read rows (pure): `derived`
 * as readDerivedFlows() returns it, `gdp` as readGdp2017(). Throws naming the province and what is missing.
 */
export function variantFlows(derived: readonly DerivedFlowRow[], gdp: readonly GdpRow[], variant: EditionVariant): ProvinceFlows[] {
  // the yearbook GDP file is 2017's, and 2007 tables do not split foreign and domestic trade
  const year = 2017;
  const yearbook = new Map(gdp.map((g) => [g.province_zh, g.gdp]));
  return PROVINCES.map((p) => {
    const r = derived.find((x) => x.year === year && x.basis === variant.flows && x.province_zh === p.zh);
    if (!r) throw new RangeError(`province flows: no ${year} ${variant.flows} row for ${p.zh}`);
    for (const c of ["export", "outflow", "import", "inflow"] as const) {
      if (r[c] === null) throw new RangeError(`province flows: ${year} ${variant.flows} row for ${p.zh} has no ${c} (the ${year} tables do not split it)`);
    }
    const g = variant.gdp === "yearbook" ? yearbook.get(p.zh) : r.value_added;
    if (g === undefined) throw new RangeError(`GDP 2017: no yearbook GDP for ${p.zh}`);
    return { province_zh: p.zh, total_output: r.total_output, gdp: g, export: r.export!, outflow: r.outflow!, import: r.import!, inflow: r.inflow! };
  });
}

/** Every variant's 2017 flows, read from data/derived/. */
export function variantFlows2017(variants: readonly EditionVariant[] = EDITION_VARIANTS): { variant: EditionVariant; rows: ProvinceFlows[] }[] {
  const derived = readDerivedFlows();
  const gdp = readGdp2017();
  return variants.map((variant) => ({ variant, rows: variantFlows(derived, gdp, variant) }));
}

/** One variant's 2017 flows by id ("paper", "yearbook_sectors", "va_printed", "tables"), read from data/derived/. */
export function editionFlows2017(id: string): ProvinceFlows[] {
  return variantFlows(readDerivedFlows(), readGdp2017(), editionVariant(id));
}
