/**
 * Value added induced by each final-demand component, per province (single-region Leontief model).
 *
 *   VA_k = v · L · f_k,   L = (I − A_d)⁻¹,   A_d = d̂ A,   k ∈ {exports, outflows, household, government, capital}
 *
 * f_k is the domestic part of component k: local final uses (THC, FU103, GCF) are scaled by the
 * domestic-supply share d (leontief.ts, `domesticShare`); exports and outflows are local production by
 * assumption, after re-exports are netted out of them (reexport.ts).
 *
 * Adding up. Row by row the table says x = A_d x + Σ_k f_k + ε + r, where ε is the "other" column ERR
 * (after netting) and r the table's own row discrepancy (rounding in the workbook; below 0.5 万元 per row in
 * 2012 and 2017). Hence
 *     TVA = v · x = Σ_k VA_k + v L ε + v L r,
 * so the residual TVA − Σ_k VA_k is v L ε ("up to the error column") up to |v L r| ≤ max_j |(vL)_j| · Σ_i |r_i|.
 * Each result carries the residual, v L ε, and that bound, so the identity can be checked province by province.
 */
import { join } from "node:path";
import { Matrix } from "ml-matrix";
import { PROVINCES } from "../paper/provinces";
import {
  domesticCoefficients,
  domesticShare,
  dot,
  inducedValueAddedByProduct,
  leontiefInverse,
  technicalCoefficients,
  valueAddedCoefficients,
  valueAddedMultipliers,
} from "./leontief";
import { loadSectorTable, type SectorTable } from "../data/loadSectorTable";
import { netReexports, type NettedSector, type TradeRow } from "./reexport";
import { sectorsOf } from "../data/sectors";

export const COMPONENTS = [
  { key: "exports", column: "EX", zh: "出口", en: "Exports" },
  { key: "outflows", column: "OF", zh: "国内省外流出", en: "Outflows to other provinces" },
  { key: "household", column: "THC", zh: "居民消费", en: "Household consumption" },
  { key: "government", column: "FU103", zh: "政府消费", en: "Government consumption" },
  { key: "capital", column: "GCF", zh: "资本形成总额", en: "Gross capital formation" },
] as const;
export type ComponentKey = (typeof COMPONENTS)[number]["key"];

/** How re-exports are treated, for notes under tables and charts. */
export const REEXPORT_NOTE = {
  zh: "进口与国内省外流入之和超过本省使用（中间使用+最终消费+资本形成）的部分视为转口（过境）贸易，按比例从出口和国内省外流出中扣除，不计入本省增加值。",
  en: "Where imports plus inflows exceed the province's own use (intermediate use + consumption + capital formation), the excess is treated as re-exported (transit) trade and netted out of exports and outflows in proportion; it induces no value added in the province.",
} as const;

/**
 * Smallest re-export excess listed in `reexports` (亿元): 0.0001 亿元 = 1 万元, the unit the workbooks print.
 * Smaller excesses are float noise of rows that balance exactly (e.g. 1e-12 亿元 in 2017 上海 sector 02);
 * they are netted all the same, so the adding-up identity is unaffected.
 */
export const REEXPORT_LIST_MIN = 1e-4;

export interface SectorContribution {
  code: string;
  zh: string;
  en: string;
  /** value added induced in the province by this product's final demand of the component (亿元) */
  inducedVA: number;
  /** share of the component's induced value added (0–1) */
  share: number;
}

export interface ReexportRow {
  code: string;
  zh: string;
  en: string;
  /** s_i = imports + inflows − local use (亿元) */
  excess: number;
  fromExports: number;
  fromOutflows: number;
  /** part netted from the "other" column (only where exports + outflows < s_i) */
  fromOther: number;
}

export interface ProvinceDecomposition {
  year: number;
  zh: string;
  en: string;
  slug: string;
  /** value added induced by each component, v · L · f_k (亿元) */
  induced: Record<ComponentKey, number>;
  /** Σ_k VA_k (亿元) */
  sum: number;
  /** the table's value added, Σ_j TVA_j over the 42 sectors (亿元) */
  tva: number;
  /** TVA − Σ_k VA_k (亿元) */
  residual: number;
  /** residual / TVA */
  residualShare: number;
  /** v · L · ε, the value added the "other" column ERR accounts for: what the identity says the residual is (亿元) */
  errInduced: number;
  /** max_j |(vL)_j| · Σ_i |r_i|: bound on |residual − errInduced| from the table's row discrepancies r (亿元) */
  roundingBound: number;
  /** rows whose imports + inflows exceeded local use by at least REEXPORT_LIST_MIN, and how they were netted (亿元) */
  reexports: ReexportRow[];
  /** the products whose exports / outflows induce the most value added, largest first */
  topExportSectors: SectorContribution[];
  topOutflowSectors: SectorContribution[];
}

export interface DecomposeOptions {
  /** how many top sectors to list per component (default 5) */
  top?: number;
  /** folder holding {slug}.csv (default data/derived/io-tables/{year}/) */
  dir?: string;
}

/** Σ_j z_ij: a row sum. */
function rowSums(Z: readonly (readonly number[])[]): number[] {
  return Z.map((row) => row.reduce((s, z) => s + z, 0));
}

/** The flows of one region's table that the decomposition reads, by sector (one unit throughout, e.g. 亿元). */
export interface RegionFlows {
  /** names the region in error messages, e.g. "2017 重庆" */
  label: string;
  codes: readonly string[];
  /** intermediate flows z_ij */
  Z: readonly (readonly number[])[];
  /** gross output GO */
  x: readonly number[];
  /** value added TVA by industry */
  w: readonly number[];
  THC: readonly number[];
  FU103: readonly number[];
  GCF: readonly number[];
  EX: readonly number[];
  OF: readonly number[];
  IM: readonly number[];
  IF: readonly number[];
  ERR: readonly number[];
}

/** Everything the decomposition computes for one region (vectors by sector, same unit as the input). */
export interface FlowDecomposition {
  /** domestic-supply shares after re-export netting */
  d: number[];
  /** domestic technical coefficients A_d and the Leontief inverse L = (I − A_d)⁻¹ */
  Ad: Matrix;
  L: Matrix;
  /** value-added coefficients v and multipliers vL */
  v: number[];
  vL: number[];
  /** domestic final demand of each component, f_k */
  f: Record<ComponentKey, number[]>;
  induced: Record<ComponentKey, number>;
  sum: number;
  tva: number;
  residual: number;
  /** the "other" column after netting, ε' */
  other: number[];
  errInduced: number;
  roundingBound: number;
  netted: NettedSector[];
}

/** VA_k = v · L · f_k for the five components, with the adding-up terms (see the module comment). */
export function decomposeFlows(t: RegionFlows): FlowDecomposition {
  const { label, codes, x } = t;
  // Local use u_i = Σ_j z_ij + THC_i + FU103_i + GCF_i (the denominator of the domestic share).
  const tiu = rowSums(t.Z);
  const local = codes.map((_, i) => tiu[i] + t.THC[i] + t.FU103[i] + t.GCF[i]);
  const trade: TradeRow[] = codes.map((_, i) => ({
    localUse: local[i],
    imports: t.IM[i],
    inflows: t.IF[i],
    exports: t.EX[i],
    outflows: t.OF[i],
    other: t.ERR[i],
  }));
  const { rows: net, netted } = netReexports(trade, codes.map((c) => `${label} sector ${c}`));

  const d = domesticShare(
    local,
    net.map((r) => r.imports),
    net.map((r) => r.inflows),
    codes.map((c) => `${label} sector ${c}`),
  );
  const A = technicalCoefficients(new Matrix(t.Z.map((r) => [...r])), x);
  const Ad = domesticCoefficients(A, d);
  const L = leontiefInverse(Ad, label);
  const v = valueAddedCoefficients(t.w, x);
  const vL = valueAddedMultipliers(v, L);

  const f: Record<ComponentKey, number[]> = {
    exports: net.map((r) => r.exports),
    outflows: net.map((r) => r.outflows),
    household: t.THC.map((c, i) => d[i] * c),
    government: t.FU103.map((g, i) => d[i] * g),
    capital: t.GCF.map((k, i) => d[i] * k),
  };
  const induced = Object.fromEntries(COMPONENTS.map((c) => [c.key, dot(vL, f[c.key])])) as Record<ComponentKey, number>;
  const sum = COMPONENTS.reduce((s, c) => s + induced[c.key], 0);
  const tva = t.w.reduce((s, wj) => s + wj, 0);
  const other = net.map((r) => r.other);

  // Row discrepancy r_i = x_i − (d_i u_i + e'_i + o'_i + ε'_i): zero in exact arithmetic, rounding in a printed table.
  const r = codes.map((_, i) => x[i] - (d[i] * local[i] + net[i].exports + net[i].outflows + other[i]));
  const roundingBound = Math.max(...vL.map(Math.abs)) * r.reduce((s, ri) => s + Math.abs(ri), 0);

  return { d, Ad, L, v, vL, f, induced, sum, tva, residual: tva - sum, other, errInduced: dot(vL, other), roundingBound, netted };
}

/** A province's sector table in the shape decomposeFlows reads. */
export function regionFlows(t: SectorTable): RegionFlows {
  const { use } = t;
  return {
    label: `${t.year} ${t.province.zh}`,
    codes: t.sectors,
    Z: t.Z,
    x: use.GO,
    w: t.inputs.TVA,
    THC: use.THC,
    FU103: use.FU103,
    GCF: use.GCF,
    EX: use.EX,
    OF: use.OF,
    IM: use.IM,
    IF: use.IF,
    ERR: use.ERR,
  };
}

/** Decompose one province's table (values in 亿元, as loadSectorTable returns them). */
export function decomposeProvince(table: SectorTable, options: DecomposeOptions = {}): ProvinceDecomposition {
  const top = options.top ?? 5;
  const { use, year, province, sectors } = table;
  const names = sectorsOf(year);
  if (sectors.length !== names.length) throw new Error(`${table.file}: ${sectors.length} sectors but the ${year} list has ${names.length}`);
  const r = decomposeFlows(regionFlows(table));

  const topOf = (key: ComponentKey): SectorContribution[] =>
    inducedValueAddedByProduct(r.vL, r.f[key])
      .map((va, i) => ({ code: sectors[i], zh: names[i].zh, en: names[i].en, inducedVA: va, share: r.induced[key] !== 0 ? va / r.induced[key] : 0 }))
      .sort((a, b) => b.inducedVA - a.inducedVA)
      .slice(0, top);

  return {
    year,
    zh: province.zh,
    en: province.en,
    slug: province.slug,
    induced: r.induced,
    sum: r.sum,
    tva: r.tva,
    residual: r.residual,
    residualShare: r.residual / r.tva,
    errInduced: r.errInduced,
    roundingBound: r.roundingBound,
    reexports: r.netted.filter((s) => s.excess >= REEXPORT_LIST_MIN).map((s) => ({
      code: sectors[s.index],
      zh: names[s.index].zh,
      en: names[s.index].en,
      excess: s.excess,
      fromExports: s.fromExports,
      fromOutflows: s.fromOutflows,
      fromOther: s.fromOther,
    })),
    topExportSectors: topOf("exports"),
    topOutflowSectors: topOf("outflows"),
  };
}

/**
 * The decomposition for all 31 provinces of one table year (2017 by default; 2012 also works), in the
 * order of lib/paper/provinces.ts. Reads data/derived/io-tables/{year}/{slug}.csv. This is what
 * `trade-patterns decompose [--year 2017] --json` prints.
 */
export function decompose(year = 2017, options: DecomposeOptions = {}): ProvinceDecomposition[] {
  sectorsOf(year); // fail early for a year without a 42-sector list
  return PROVINCES.map((p) =>
    decomposeProvince(loadSectorTable(year, p.slug, options.dir !== undefined ? join(options.dir, `${p.slug}.csv`) : undefined), options),
  );
}
