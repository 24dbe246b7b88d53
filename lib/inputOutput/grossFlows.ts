/**
 * The gross flows the paper's ratios are computed from, for the table year the value-added analysis uses.
 *
 * 2017: the paper's edition (printed total rows, yearbook GDP; lib/data/editions.ts). 2012: the paper has no 2012 table,
 * so the printed total rows of the 2012 workbooks with GDP = the table's value added (data/derived/province_flows.csv).
 */
import { provinceFlows2017, readDerivedFlows } from "../data/editions";
import type { ProvinceFlows } from "../data/provinceFlows";
import { PROVINCES } from "../paper/provinces";

/** The 31 provinces' gross flows of `year` (2017 or 2012), in the order of lib/paper/provinces.ts. */
export function grossFlows(year: number): ProvinceFlows[] {
  if (year === 2017) return provinceFlows2017("paper");
  if (year !== 2012) throw new Error(`grossFlows: no export/outflow/import/inflow columns for ${year} (2012 and 2017 only)`);
  const rows = readDerivedFlows().filter((r) => r.year === year && r.basis === "printed_total");
  return PROVINCES.map((p) => {
    const r = rows.find((x) => x.province_zh === p.zh);
    if (!r) throw new Error(`data/derived/province_flows.csv has no ${year} printed_total row for ${p.zh}`);
    for (const c of ["export", "outflow", "import", "inflow"] as const)
      if (r[c] === null) throw new Error(`data/derived/province_flows.csv: ${year} ${p.zh} has no ${c}`);
    return { province_zh: p.zh, total_output: r.total_output, gdp: r.value_added, export: r.export!, outflow: r.outflow!, import: r.import!, inflow: r.inflow! };
  });
}
