/**
 * Groups of the 42 products (lib/data/sectors.ts codes) that the paper's sector statements name — 能源 energy,
 * 化工 chemicals, 原材料 raw materials, 装备制造 equipment, … — and the share of a component's induced value added
 * that each group's final demand carries:
 *
 *   s_G,k = Σ_{j∈G} (vL)_j f_kj / Σ_j (vL)_j f_kj
 *
 * The attribution is by product sold (what the province exports or ships out), with the value added its supply
 * chain calls forth in the province (coal mined for exported electricity counts under electricity). For a group of
 * provinces: sum numerator and denominator over the members, then divide.
 *
 * Codes differ between 2012 and 2017 (lib/data/sectors.ts): 2012's 22 + 23 are 2017's 22, so 2012's 24–36 are
 * 2017's 23–35 shifted by one, and 2012's 36 splits into 2017's 35 + 36.
 */
import type { ComponentKey } from "./decompose";
import { sectorsOf } from "../data/sectors";
import type { Bilingual } from "../core/text";

export interface SectorGroup {
  key: string;
  zh: string;
  en: string;
  /** product codes in each table year's 42-sector list */
  codes: Record<2012 | 2017, readonly string[]>;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, "0"));

export const SECTOR_GROUPS = [
  // 能源: coal, oil and gas, refined petroleum and coke, electricity and heat, gas supply
  { key: "energy", zh: "能源", en: "Energy", codes: { 2017: ["02", "03", "11", "24", "25"], 2012: ["02", "03", "11", "25", "26"] } },
  // 化工原材料: the chemical products sector
  { key: "chemicals", zh: "化工产品", en: "Chemicals", codes: { 2017: ["12"], 2012: ["12"] } },
  // 原材料 besides chemicals: ores, non-metallic mineral products, metal smelting and rolling
  { key: "materials", zh: "金属和非金属原材料", en: "Metals and minerals", codes: { 2017: ["04", "05", "13", "14"], 2012: ["04", "05", "13", "14"] } },
  // 装备制造业 as NBS counts it: metal products, machinery, transport and electrical equipment, electronics, instruments
  { key: "equipment", zh: "装备制造", en: "Equipment manufacturing", codes: { 2017: range(15, 21), 2012: range(15, 21) } },
  // 劳动密集型: textiles, apparel and leather, wood and furniture, paper, printing and cultural goods
  { key: "labour", zh: "劳动密集型制造", en: "Labour-intensive manufacturing", codes: { 2017: range(7, 10), 2012: range(7, 10) } },
  // 矿产资源: coal, oil and gas, metal ores, non-metallic ores
  { key: "mining", zh: "矿产资源", en: "Mining products", codes: { 2017: range(2, 5), 2012: range(2, 5) } },
  { key: "agriculture", zh: "农林牧渔", en: "Agriculture", codes: { 2017: ["01"], 2012: ["01"] } },
  // 服务业: wholesale and retail onwards (repair of machinery is manufacturing in China's classification)
  { key: "services", zh: "服务业", en: "Services", codes: { 2017: range(28, 42), 2012: range(29, 42) } },
] as const satisfies readonly SectorGroup[];
export type SectorGroupKey = (typeof SECTOR_GROUPS)[number]["key"];

export function sectorGroup(key: SectorGroupKey): SectorGroup {
  const g = SECTOR_GROUPS.find((s) => s.key === key);
  if (!g) throw new Error(`unknown sector group "${key}" (expected ${SECTOR_GROUPS.map((s) => s.key).join(", ")})`);
  return g;
}

/** Indices (0-based, into the year's 42 sectors) of the union of the groups. */
export function groupIndices(keys: readonly SectorGroupKey[], year: number): number[] {
  const list = sectorsOf(year);
  if (year !== 2012 && year !== 2017) throw new Error(`no sector groups for ${year}`);
  const out = new Set<number>();
  for (const k of keys)
    for (const code of sectorGroup(k).codes[year]) {
      const i = list.findIndex((s) => s.code === code);
      if (i < 0) throw new Error(`sector group ${k}: code ${code} is not in the ${year} list`);
      out.add(i);
    }
  return [...out].sort((a, b) => a - b);
}

/** "能源 + 化工产品" / "Energy + Chemicals" for a union of groups. */
export function groupLabel(keys: readonly SectorGroupKey[]): Bilingual {
  return { zh: keys.map((k) => sectorGroup(k).zh).join("+"), en: keys.map((k) => sectorGroup(k).en).join(" + ") };
}

/** What a sector share needs of a province. */
export interface ProductValueAdded {
  zh: string;
  year: number;
  /** (vL)_j f_kj by product, in the year's sector order */
  byProduct: Record<ComponentKey, readonly number[]>;
}

/** Σ_{j∈G} and Σ_j of the value added component k induces, over the provinces in `members`. */
function pooled(rows: readonly ProductValueAdded[], members: readonly string[], component: ComponentKey, keys: readonly SectorGroupKey[]): { part: number; whole: number } {
  const byName = new Map(rows.map((r) => [r.zh, r]));
  let part = 0;
  let whole = 0;
  for (const m of members) {
    const r = byName.get(m);
    if (!r) throw new Error(`sector share: no data for province "${m}"`);
    const v = r.byProduct[component];
    for (const i of groupIndices(keys, r.year)) part += v[i];
    whole += v.reduce((s, x) => s + x, 0);
  }
  return { part, whole };
}

/** s_G,k for a province or a group of provinces (sum, then divide); 0 if component k induces nothing. */
export function sectorShare(rows: readonly ProductValueAdded[], members: readonly string[], component: ComponentKey, keys: readonly SectorGroupKey[]): number {
  const { part, whole } = pooled(rows, members, component, keys);
  return whole !== 0 ? part / whole : 0;
}

/** Share of the sector groups in the value added ALL final demand induces in `members` (the reference structure). */
export function sectorShareOfAllDemand(rows: readonly ProductValueAdded[], members: readonly string[], keys: readonly SectorGroupKey[]): number {
  let part = 0;
  let whole = 0;
  for (const k of ["exports", "outflows", "household", "government", "capital"] as const) {
    const p = pooled(rows, members, k, keys);
    part += p.part;
    whole += p.whole;
  }
  return whole !== 0 ? part / whole : 0;
}

/** What a gross share needs: the printed export and outflow columns by product. */
export interface GrossTrade {
  zh: string;
  year: number;
  table: { EX: readonly number[]; OF: readonly number[] };
}

/** Σ_{j∈G} / Σ_j of the printed exports ("EX") or outflows ("OF") of `members`: the gross counterpart of sectorShare. */
export function grossSectorShare(rows: readonly GrossTrade[], members: readonly string[], column: "EX" | "OF", keys: readonly SectorGroupKey[]): number {
  const byName = new Map(rows.map((r) => [r.zh, r]));
  let part = 0;
  let whole = 0;
  for (const m of members) {
    const r = byName.get(m);
    if (!r) throw new Error(`gross sector share: no data for province "${m}"`);
    const v = r.table[column];
    for (const i of groupIndices(keys, r.year)) part += v[i];
    whole += v.reduce((s, x) => s + x, 0);
  }
  return whole !== 0 ? part / whole : 0;
}

/** What an import share needs: the printed imports and the local use (TIU + THC + FU103 + GCF) by product. */
export interface ImportUse {
  zh: string;
  year: number;
  table: { IM: readonly number[]; localUse: readonly number[] };
}

/** Σ_{j∈G} m_j / Σ_{j∈G} u_j over `members`: imports from abroad as a share of local use of the products (对外依存度). */
export function importShareOfUse(rows: readonly ImportUse[], members: readonly string[], keys: readonly SectorGroupKey[]): number {
  const byName = new Map(rows.map((r) => [r.zh, r]));
  let m = 0;
  let u = 0;
  for (const zh of members) {
    const r = byName.get(zh);
    if (!r) throw new Error(`import share: no data for province "${zh}"`);
    for (const i of groupIndices(keys, r.year)) {
      m += r.table.IM[i];
      u += r.table.localUse[i];
    }
  }
  if (!(u > 0)) throw new Error(`import share: ${members.join("、")} have no local use of ${groupLabel(keys).en}`);
  return m / u;
}
