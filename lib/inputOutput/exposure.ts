/**
 * Exposure of a province's GDP to the two circulations, measured by value added rather than gross flows.
 *
 *   share_k = VA_k / TVA,   VA_k = v · L · f_k   (lib/inputOutput/decompose.ts)
 *
 * The paper's indicators are gross: 外贸依存度 (X + M)/Y and 内贸依存度 (O + I)/Y count a good each time it crosses a
 * border, so a province that passes inflows on as outflows looks highly dependent while adding little value.
 * VA_k / TVA counts only the value added in the province that final demand k calls forth, directly and through
 * local supply chains; the shares of the five components and the residual add up to 1.
 *
 * Groups: sum, then divide (Σ_p VA_k,p / Σ_p TVA_p), like the paper's group ratios, never a mean of ratios.
 */
import type { ComponentKey } from "./decompose";
import { COMPONENTS } from "./decompose";
import { NATIONAL, TYPE_GROUPS, type Group } from "../paper/groupings";
import { groupFlows } from "../indicators/aggregate";
import { domesticTradeDependence, foreignTradeDependence } from "../indicators/ratios";
import { type Flows } from "../paper/columns";

/** The three circulations a province's GDP answers to, and the components that make them up. */
export const CIRCULATIONS = [
  { key: "international", zh: "国际大循环（出口）", en: "International circulation (exports)", components: ["exports"] },
  { key: "domestic", zh: "国内大循环（省外流出）", en: "Domestic circulation (outflows)", components: ["outflows"] },
  { key: "local", zh: "本省需求（消费和资本形成）", en: "Local demand (consumption, capital formation)", components: ["household", "government", "capital"] },
] as const satisfies readonly { key: string; zh: string; en: string; components: readonly ComponentKey[] }[];
export type CirculationKey = (typeof CIRCULATIONS)[number]["key"];

/** The residual TVA − Σ_k VA_k: value added the table's "other" column (ERR) accounts for. */
export const OTHER = { key: "other", zh: "其他（误差项）", en: "Other (error column)" } as const;

/** What exposure needs of a province: its value added and the part each component induces (亿元). */
export interface ValueAddedInput {
  zh: string;
  tva: number;
  induced: Record<ComponentKey, number>;
}

export interface Exposure {
  /** the province's or group's name */
  zh: string;
  en: string;
  tva: number;
  /** VA_k / TVA for the five components */
  components: Record<ComponentKey, number>;
  /** shares of TVA by circulation, and the residual's share ("other"); all six add up to 1 */
  circulations: Record<CirculationKey | "other", number>;
}

/** VA induced by a circulation: Σ of its components (亿元). */
export function circulationValueAdded(induced: Record<ComponentKey, number>, key: CirculationKey): number {
  const c = CIRCULATIONS.find((x) => x.key === key);
  if (!c) throw new Error(`unknown circulation "${key}" (expected ${CIRCULATIONS.map((x) => x.key).join(", ")})`);
  return (c.components as readonly ComponentKey[]).reduce((s, k) => s + induced[k], 0);
}

/** Shares of TVA for one province or one summed group. */
export function exposureOf(v: ValueAddedInput, en = v.zh): Exposure {
  if (!(v.tva > 0)) throw new Error(`exposure: ${v.zh} has value added ${v.tva}; shares need TVA > 0`);
  const components = Object.fromEntries(COMPONENTS.map((c) => [c.key, v.induced[c.key] / v.tva])) as Record<ComponentKey, number>;
  const sum = COMPONENTS.reduce((s, c) => s + v.induced[c.key], 0);
  const circulations = Object.fromEntries(CIRCULATIONS.map((c) => [c.key, circulationValueAdded(v.induced, c.key) / v.tva])) as Record<CirculationKey, number>;
  return { zh: v.zh, en, tva: v.tva, components, circulations: { ...circulations, other: (v.tva - sum) / v.tva } };
}

/** Σ of TVA and of each VA_k over `members` (throws on a member without data). */
export function sumValueAdded(rows: readonly ValueAddedInput[], members: readonly string[], zh: string): ValueAddedInput {
  const byName = new Map(rows.map((r) => [r.zh, r]));
  const induced = Object.fromEntries(COMPONENTS.map((c) => [c.key, 0])) as Record<ComponentKey, number>;
  let tva = 0;
  for (const m of members) {
    const r = byName.get(m);
    if (!r) throw new Error(`sumValueAdded (${zh}): no value-added data for province "${m}"`);
    tva += r.tva;
    for (const c of COMPONENTS) induced[c.key] += r.induced[c.key];
  }
  return { zh, tva, induced };
}

/** A group's exposure: sum the members' value added, then divide. */
export function groupExposure(rows: readonly ValueAddedInput[], group: Group): Exposure {
  return exposureOf(sumValueAdded(rows, group.members, group.zh), group.en);
}

/** 全国 and the seven types of Table 1, in its order. */
export function typeExposure(rows: readonly ValueAddedInput[]): Exposure[] {
  return [NATIONAL, ...TYPE_GROUPS].map((g) => groupExposure(rows, g));
}

/** Every province's exposure, in the order given. */
export function provinceExposures(rows: readonly (ValueAddedInput & { en: string })[]): Exposure[] {
  return rows.map((r) => exposureOf(r, r.en));
}

/** The paper's gross ratios beside the value-added shares, for one province or group (all in %). */
export interface DependenceRow {
  zh: string;
  en: string;
  /** 外贸依存度 (X + M)/Y × 100, the paper's edition (yearbook GDP) */
  ftd: number;
  /** 内贸依存度 (O + I)/Y × 100 */
  dtd: number;
  /** X/Y × 100 and O/Y × 100: the gross counterparts of the value-added shares */
  exportRatio: number;
  outflowRatio: number;
  /** VA induced by exports / TVA × 100: value-added-based foreign dependence */
  vaInternational: number;
  /** VA induced by outflows / TVA × 100 */
  vaDomestic: number;
  /** VA induced by local demand / TVA × 100 */
  vaLocal: number;
}

/** Gross ratios (from `flows`, e.g. provinceFlows2017("paper")) beside value-added shares, row for row. */
export function dependenceRow(e: Exposure, flows: Flows): DependenceRow {
  return {
    zh: e.zh,
    en: e.en,
    ftd: foreignTradeDependence(flows),
    dtd: domesticTradeDependence(flows),
    exportRatio: (flows.export / flows.gdp) * 100,
    outflowRatio: (flows.outflow / flows.gdp) * 100,
    vaInternational: e.circulations.international * 100,
    vaDomestic: e.circulations.domestic * 100,
    vaLocal: e.circulations.local * 100,
  };
}

/** dependenceRow for each exposure, joined on the Chinese name with `flows` (a province or group without flows is an error). */
export function dependenceRows(exposures: readonly Exposure[], flows: readonly (Flows & { province_zh: string })[]): DependenceRow[] {
  const byName = new Map(flows.map((f) => [f.province_zh, f]));
  return exposures.map((e) => {
    const f = byName.get(e.zh);
    if (!f) throw new Error(`dependenceRows: no gross flows for "${e.zh}"`);
    return dependenceRow(e, f);
  });
}

/** 全国 and the seven types: summed value added beside the paper's group ratios (flows summed, then divided). */
export function typeDependenceRows(rows: readonly ValueAddedInput[], flows: readonly (Flows & { province_zh: string })[]): DependenceRow[] {
  return [NATIONAL, ...TYPE_GROUPS].map((g) => dependenceRow(groupExposure(rows, g), groupFlows(flows, g.members)));
}

/** Ranks, 1 for the largest value; ties share the average rank (so that rankCorrelation is Spearman's ρ). */
export function ranks(values: readonly number[]): number[] {
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new Error(`ranks: value ${i + 1} is ${v}, not a finite number`);
  });
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const out = new Array<number>(values.length);
  for (let k = 0; k < order.length; ) {
    let j = k;
    while (j + 1 < order.length && order[j + 1].v === order[k].v) j++;
    const mean = (k + j) / 2 + 1;
    for (let t = k; t <= j; t++) out[order[t].i] = mean;
    k = j + 1;
  }
  return out;
}

/** Spearman's ρ: Pearson's correlation of the (average) ranks. */
export function rankCorrelation(x: readonly number[], y: readonly number[]): number {
  if (x.length !== y.length) throw new Error(`rankCorrelation: ${x.length} and ${y.length} values`);
  if (x.length < 2) throw new Error("rankCorrelation: needs at least two pairs");
  const rx = ranks(x);
  const ry = ranks(y);
  const mx = rx.reduce((s, r) => s + r, 0) / rx.length;
  const my = ry.reduce((s, r) => s + r, 0) / ry.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  rx.forEach((r, i) => {
    sxy += (r - mx) * (ry[i] - my);
    sxx += (r - mx) ** 2;
    syy += (ry[i] - my) ** 2;
  });
  if (sxx === 0 || syy === 0) throw new Error("rankCorrelation: one variable is constant");
  return sxy / Math.sqrt(sxx * syy);
}

export interface RankingRow {
  zh: string;
  en: string;
  /** rank by value-added share of each circulation, 1 = most exposed */
  international: number;
  domestic: number;
  local: number;
  /** rank by the paper's gross ratios: 外贸依存度 and 内贸依存度 */
  ftd: number;
  dtd: number;
}

/** Each province's rank by exposure to each circulation, beside its rank by the paper's gross ratios. */
export function circulationRanking(rows: readonly DependenceRow[]): RankingRow[] {
  const r = {
    international: ranks(rows.map((d) => d.vaInternational)),
    domestic: ranks(rows.map((d) => d.vaDomestic)),
    local: ranks(rows.map((d) => d.vaLocal)),
    ftd: ranks(rows.map((d) => d.ftd)),
    dtd: ranks(rows.map((d) => d.dtd)),
  };
  return rows.map((d, i) => ({ zh: d.zh, en: d.en, international: r.international[i], domestic: r.domestic[i], local: r.local[i], ftd: r.ftd[i], dtd: r.dtd[i] }));
}
