/**
 * Everything the value-added notebook reads about one province's table, computed once: the decomposition of its
 * GDP by final-demand component (lib/inputOutput/decompose.ts), the value added each product's final demand induces, the
 * output and value-added multipliers, and the gross trade columns as printed.
 *
 *   VA_k = v · L · f_k = Σ_j (vL)_j f_kj,   L = (I − A_d)⁻¹,   A_d = d̂ A,   k ∈ {exports, outflows, household, government, capital}
 *
 * The single-region assumption (domestic technical coefficients): imports and inflows supply every local use of a
 * product in the same proportion, d_i = 1 − (m_i + n_i)/u_i, so A_d = d̂ A keeps only what the province buys from
 * itself; exports and outflows are its own production once re-exports are netted out (lib/inputOutput/reexport.ts).
 */
import { join } from "node:path";
import { COMPONENTS, decomposeFlows, decomposeProvince, regionFlows, type ComponentKey, type ProvinceDecomposition } from "./decompose";
import { inducedValueAddedByProduct, outputMultipliers } from "./leontief";
import { loadSectorTable, type SectorTable } from "../data/loadSectorTable";
import { sectorsOf, type Sector } from "../data/sectors";
import { PROVINCES, type TypeZh } from "../paper/provinces";

export interface ProvinceValueAdded {
  year: number;
  zh: string;
  en: string;
  slug: string;
  type: TypeZh;
  /** the decomposition as `trade-patterns decompose` reports it, with every sector listed in topExportSectors / topOutflowSectors */
  decomposition: ProvinceDecomposition;
  sectors: readonly Sector[];
  /** the table's value added, Σ_j TVA_j (亿元): the GDP every share here divides by */
  tva: number;
  /** VA_k (亿元) */
  induced: Record<ComponentKey, number>;
  /** TVA − Σ_k VA_k (亿元): the value added the "other" column ERR accounts for, plus rounding */
  residual: number;
  /** (vL)_j f_kj: value added induced by final demand k for product j (亿元), in sector order; Σ_j = VA_k */
  byProduct: Record<ComponentKey, number[]>;
  /** domestic final demand f_k after re-export netting (亿元) */
  finalDemand: Record<ComponentKey, number[]>;
  /** output multipliers 1ᵀL: output in the province per unit of final demand for product j */
  outputMultipliers: number[];
  /** value-added multipliers vL: value added in the province per unit of final demand for product j */
  vaMultipliers: number[];
  /** the printed columns, by product, before netting (亿元) */
  table: { EX: number[]; OF: number[]; IM: number[]; IF: number[]; localUse: number[]; TVA: number[] };
  /** intermediate inputs Σ_ij z_ij, and the part the province supplies itself Σ_ij d_i z_ij (亿元; 产业配套) */
  intermediate: { local: number; total: number };
}

/** The analysis of one province's table (values in 亿元). */
export function analyseTable(t: SectorTable): ProvinceValueAdded {
  const flows = regionFlows(t);
  const r = decomposeFlows(flows);
  // every sector in the "top" lists, so the notebook can pick any number of them and pool any group of sectors
  const decomposition = decomposeProvince(t, { top: t.sectors.length });
  const byProduct = Object.fromEntries(COMPONENTS.map((c) => [c.key, inducedValueAddedByProduct(r.vL, r.f[c.key])])) as Record<ComponentKey, number[]>;
  const localUse = t.sectors.map((_, i) => t.use.TIU[i] + t.use.THC[i] + t.use.FU103[i] + t.use.GCF[i]);
  let zAll = 0;
  let zLocal = 0;
  t.Z.forEach((row, i) =>
    row.forEach((z) => {
      zAll += z;
      zLocal += r.d[i] * z;
    }),
  );
  return {
    year: t.year,
    zh: t.province.zh,
    en: t.province.en,
    slug: t.province.slug,
    type: t.province.type,
    decomposition,
    sectors: sectorsOf(t.year),
    tva: r.tva,
    induced: r.induced,
    residual: r.residual,
    byProduct,
    finalDemand: r.f,
    outputMultipliers: outputMultipliers(r.L),
    vaMultipliers: r.vL,
    table: { EX: t.use.EX, OF: t.use.OF, IM: t.use.IM, IF: t.use.IF, localUse, TVA: t.inputs.TVA },
    intermediate: { local: zLocal, total: zAll },
  };
}

/**
 * The analysis for all 31 provinces of one table year (2017; 2012 also works), in the order of lib/paper/provinces.ts,
 * from data/derived/io-tables/{year}/{slug}.csv (or `dir`/{slug}.csv).
 */
export function provinceValueAdded(year = 2017, options: { dir?: string } = {}): ProvinceValueAdded[] {
  sectorsOf(year); // fail early for a year without a 42-sector list
  return PROVINCES.map((p) => analyseTable(loadSectorTable(year, p.slug, options.dir !== undefined ? join(options.dir, `${p.slug}.csv`) : undefined)));
}
