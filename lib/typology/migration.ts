/**
 * Type migration: which of Table 1's seven types each province would have been in an earlier year, and how provinces
 * moved between types.
 *
 * Two classifiers, both defined by the 2017 typology:
 * 1. Nearest centroid. The 2017 provinces define the space: each feature is standardized with the 2017 mean and
 *    (population) standard deviation, z = (g(x) − μ₂₀₁₇) / σ₂₀₁₇ with g = identity ("z") or ln ("logz"), and each
 *    type's centroid is the mean z of its Table 1 members. A province-year is assigned the type of the nearest centroid
 *    (Euclidean). The same fitted transform is applied to every year (fit on 2017, transform the others), so a move
 *    in this space is a move relative to 2017's spread, not a re-standardization.
 * 2. The rule-based reading of Table 1 (lib/typology/rules.ts classifyByRules), with the national benchmark of the
 *    same year (the rules say "high" = above the national value).
 *
 * A province-year whose features are missing (2007: no split) or not comparable (a flagged split, lib/indicators/flags.ts)
 * is not classified: it is reported as excluded, with the reason, never forced into a type.
 */
import { classifyByRules, DEFAULT_THRESHOLDS } from "./rules";
import { mean, populationSd } from "../cluster/scaling";
import type { RatioColumn } from "../paper/columns";
import { isComparable, type IndicatorRow } from "../indicators/timeseries";
import { province, TYPES } from "../paper/provinces";
import type { Bilingual } from "../core/text";

export type MigrationScaling = "z" | "logz";

/** The fitted transform of the reference year. */
export interface Standardizer {
  features: RatioColumn[];
  scaling: MigrationScaling;
  mean: number[];
  sd: number[];
}

/** A row's feature vector, or the reason it has none. */
export function featureVector(row: IndicatorRow, features: readonly RatioColumn[]): { x: number[] } | { reason: Bilingual } {
  const x: number[] = [];
  for (const f of features) {
    if (!isComparable(row, f)) {
      const flag = row.flags.find((g) => !g.comparable && g.affects.includes(f));
      return { reason: flag ? { zh: flag.zh, en: flag.en } : { zh: `${f}缺失`, en: `${f} is missing` } };
    }
    x.push(row[f] as number);
  }
  return { x };
}

function transformValue(v: number, scaling: MigrationScaling, what: string): number {
  if (scaling === "z") return v;
  if (!(v > 0)) throw new RangeError(`${what} is ${v}; log scaling needs a positive value`);
  return Math.log(v);
}

/** Fit the standardizer on the reference rows (every feature must be comparable there). */
export function fitStandardizer(rows: readonly IndicatorRow[], features: readonly RatioColumn[], scaling: MigrationScaling = "z"): Standardizer {
  if (features.length === 0) throw new RangeError("fitStandardizer: no features");
  if (rows.length < 2) throw new RangeError("fitStandardizer: need at least two reference rows");
  const cols = features.map((f) =>
    rows.map((r) => {
      const v = featureVector(r, [f]);
      if ("reason" in v) throw new RangeError(`fitStandardizer: ${r.year} ${r.unit_zh}, ${f}: ${v.reason.en}`);
      return transformValue(v.x[0], scaling, `${r.year} ${r.unit_zh}, ${f}`);
    }),
  );
  const sd = cols.map(populationSd);
  sd.forEach((s, j) => {
    if (!(s > 0)) throw new RangeError(`fitStandardizer: ${features[j]} is constant in the reference rows`);
  });
  return { features: [...features], scaling, mean: cols.map(mean), sd };
}

/** z = (g(x) − μ) / σ, feature by feature. */
export function standardize(s: Standardizer, x: readonly number[], what = "row"): number[] {
  if (x.length !== s.features.length) throw new RangeError(`standardize: ${what} has ${x.length} values for ${s.features.length} features`);
  return x.map((v, j) => (transformValue(v, s.scaling, `${what}, ${s.features[j]}`) - s.mean[j]) / s.sd[j]);
}

export interface Centroid {
  type: string;
  z: number[];
  members: string[];
}

/** The mean standardized vector of each type's reference members, in the order of `types`. */
export function typeCentroids(rows: readonly IndicatorRow[], typeOf: (province: string) => string, s: Standardizer, types: readonly string[] = TYPES.map((t) => t.zh)): Centroid[] {
  return types.map((type) => {
    const members = rows.filter((r) => typeOf(r.unit_zh) === type);
    if (members.length === 0) throw new RangeError(`typeCentroids: type "${type}" has no member in the reference rows`);
    const Z = members.map((r) => {
      const v = featureVector(r, s.features);
      if ("reason" in v) throw new RangeError(`typeCentroids: ${r.year} ${r.unit_zh}: ${v.reason.en}`);
      return standardize(s, v.x, `${r.year} ${r.unit_zh}`);
    });
    return { type, z: s.features.map((_, j) => mean(Z.map((z) => z[j]))), members: members.map((r) => r.unit_zh) };
  });
}

const distance = (a: readonly number[], b: readonly number[]) => Math.sqrt(a.reduce((s, v, j) => s + (v - b[j]) ** 2, 0));

/** One province-year's assignment; `type` null when it could not be classified (see `excluded`). */
export interface Assignment {
  province_zh: string;
  year: number;
  type: string | null;
  /** distance to the assigned centroid (nearest centroid) */
  distance: number | null;
  /** the second-nearest type and how much farther it is: a small margin is a close call */
  runner_up: string | null;
  margin: number | null;
  /** the rule that fired (rules), e.g. 3 */
  rule?: number;
  reason?: Bilingual;
  excluded?: Bilingual;
}

/** The nearest centroid to z, and the runner-up. */
export function nearestCentroid(z: readonly number[], centroids: readonly Centroid[]): { type: string; distance: number; runner_up: string | null; margin: number | null } {
  if (centroids.length === 0) throw new RangeError("nearestCentroid: no centroids");
  const d = centroids.map((c) => ({ type: c.type, d: distance(z, c.z) })).sort((a, b) => a.d - b.d);
  return { type: d[0].type, distance: d[0].d, runner_up: d[1]?.type ?? null, margin: d[1] ? d[1].d - d[0].d : null };
}

/** Assign each row to the nearest centroid; rows without comparable features are excluded with the reason. */
export function classifyByCentroids(rows: readonly IndicatorRow[], s: Standardizer, centroids: readonly Centroid[]): Assignment[] {
  return rows.map((r) => {
    const v = featureVector(r, s.features);
    if ("reason" in v) return { province_zh: r.unit_zh, year: r.year, type: null, distance: null, runner_up: null, margin: null, excluded: v.reason };
    const n = nearestCentroid(standardize(s, v.x, `${r.year} ${r.unit_zh}`), centroids);
    return { province_zh: r.unit_zh, year: r.year, ...n };
  });
}

/**
 * The rule-based classifier (lib/typology/rules.ts) applied to one year, with that year's national values as the
 * benchmark; provinces whose split indicators are not comparable are excluded (the rules need all of them).
 */
export function classifyYearByRules(rows: readonly IndicatorRow[], national: IndicatorRow): Assignment[] {
  const need: RatioColumn[] = ["ftd", "dtd", "outflow_rate", "inflow_rate"];
  for (const k of need) if (national[k] === null) throw new RangeError(`classifyYearByRules: the national ${k} of ${national.year} is missing`);
  const benchmark = { ftd: national.ftd!, dtd: national.dtd!, outflow_rate: national.outflow_rate, inflow_rate: national.inflow_rate };
  return rows.map((r) => {
    const v = featureVector(r, [...need, "trade_ratio"]);
    if ("reason" in v)
      return { province_zh: r.unit_zh, year: r.year, type: null, distance: null, runner_up: null, margin: null, excluded: v.reason };
    const [d] = classifyByRules(
      [{ province_zh: r.unit_zh, total_output: r.total_output, gdp: r.gdp, export: r.export!, outflow: r.outflow!, import: r.import!, inflow: r.inflow! }],
      { ...DEFAULT_THRESHOLDS, national: benchmark },
    );
    return { province_zh: r.unit_zh, year: r.year, type: d.type, distance: null, runner_up: null, margin: null, rule: d.rule, reason: d.reason };
  });
}

/** Share of provinces classified in both whose types agree, and the count. */
export function agreement(a: readonly Assignment[], b: ReadonlyMap<string, string> | readonly Assignment[]): { agree: number; total: number; share: number | null } {
  const other = b instanceof Map ? b : new Map((b as readonly Assignment[]).filter((x) => x.type !== null).map((x) => [x.province_zh, x.type!]));
  let agree = 0;
  let total = 0;
  for (const x of a) {
    const y = other.get(x.province_zh);
    if (x.type === null || y === undefined) continue;
    total++;
    if (x.type === y) agree++;
  }
  return { agree, total, share: total ? agree / total : null };
}

/** The label of a province that could not be classified in a stage. */
export const NOT_CLASSIFIED = { zh: "不可比/缺失", en: "not comparable / missing" } as const;

/** One column of a Sankey diagram: a year (or method) and each province's type there. */
export interface Stage {
  label: Bilingual;
  /** province → type; a province absent or null is shown as NOT_CLASSIFIED */
  types: ReadonlyMap<string, string | null>;
}

export interface SankeyNode {
  stage: number;
  /** a type's Chinese name or NOT_CLASSIFIED.zh */
  category: string;
  count: number;
}

export interface SankeyLink {
  source: number;
  target: number;
  value: number;
  provinces: string[];
}

/**
 * Nodes (stage × category with at least one province) and links (provinces moving from a category of stage i to one
 * of stage i + 1) of a Sankey diagram over `provinces`. Every province is in exactly one node per stage, so each
 * stage's node counts sum to the number of provinces and so do each pair of stages' links.
 */
export function sankeyFlows(stages: readonly Stage[], provinces: readonly string[], categories: readonly string[] = TYPES.map((t) => t.zh)): { nodes: SankeyNode[]; links: SankeyLink[] } {
  if (stages.length < 2) throw new RangeError("sankeyFlows: need at least two stages");
  const cats = [...categories, NOT_CLASSIFIED.zh];
  const catOf = (s: Stage, p: string) => {
    const t = s.types.get(p);
    if (t === undefined || t === null) return NOT_CLASSIFIED.zh;
    if (!categories.includes(t)) throw new RangeError(`sankeyFlows: ${s.label.en}: ${p} has unknown type "${t}"`);
    return t;
  };
  const nodes: SankeyNode[] = [];
  const index = new Map<string, number>();
  stages.forEach((s, i) => {
    for (const c of cats) {
      const count = provinces.filter((p) => catOf(s, p) === c).length;
      if (count === 0) continue;
      index.set(`${i}|${c}`, nodes.length);
      nodes.push({ stage: i, category: c, count });
    }
  });
  const links: SankeyLink[] = [];
  for (let i = 0; i + 1 < stages.length; i++) {
    const byPair = new Map<string, string[]>();
    for (const p of provinces) {
      const key = `${catOf(stages[i], p)}|${catOf(stages[i + 1], p)}`;
      byPair.set(key, [...(byPair.get(key) ?? []), p]);
    }
    for (const [key, ps] of byPair) {
      const [a, b] = key.split("|");
      links.push({ source: index.get(`${i}|${a}`)!, target: index.get(`${i + 1}|${b}`)!, value: ps.length, provinces: ps });
    }
  }
  links.sort((x, y) => x.source - y.source || x.target - y.target);
  return { nodes, links };
}

/** Counts[from][to] of provinces moving between categories (types plus NOT_CLASSIFIED) from one stage to the next. */
export function transitionCounts(from: Stage, to: Stage, provinces: readonly string[], categories: readonly string[] = TYPES.map((t) => t.zh)): { categories: string[]; counts: number[][]; stayed: number; moved: number } {
  const cats = [...categories, NOT_CLASSIFIED.zh];
  const counts = cats.map(() => cats.map(() => 0));
  let stayed = 0;
  let moved = 0;
  for (const p of provinces) {
    const a = from.types.get(p) ?? null;
    const b = to.types.get(p) ?? null;
    counts[cats.indexOf(a ?? NOT_CLASSIFIED.zh)][cats.indexOf(b ?? NOT_CLASSIFIED.zh)]++;
    if (a !== null && b !== null) {
      if (a === b) stayed++;
      else moved++;
    }
  }
  return { categories: cats, counts, stayed, moved };
}

/** How far each province moved between two years in the standardized space (Euclidean), null if not comparable. */
export function displacement(rows: readonly IndicatorRow[], s: Standardizer, fromYear: number, toYear: number): { province_zh: string; distance: number | null }[] {
  const units = [...new Set(rows.filter((r) => r.year === toYear).map((r) => r.unit_zh))];
  return units.map((u) => {
    const a = rows.find((r) => r.unit_zh === u && r.year === fromYear);
    const b = rows.find((r) => r.unit_zh === u && r.year === toYear);
    if (!a || !b) return { province_zh: u, distance: null };
    const va = featureVector(a, s.features);
    const vb = featureVector(b, s.features);
    if ("reason" in va || "reason" in vb) return { province_zh: u, distance: null };
    return { province_zh: u, distance: distance(standardize(s, va.x), standardize(s, vb.x)) };
  });
}

/** Mean pairwise distance between the centroids: the scale against which a province's move is large or small. */
export function meanCentroidDistance(centroids: readonly Centroid[]): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < centroids.length; i++)
    for (let j = i + 1; j < centroids.length; j++) {
      s += distance(centroids[i].z, centroids[j].z);
      n++;
    }
  return s / n;
}

export interface MigrationOptions {
  /** features of the nearest-centroid space (default: the two dependences and the two rates) */
  features?: readonly RatioColumn[];
  scaling?: MigrationScaling;
  /** province → reference type (default: Table 1, lib/paper/provinces.ts) */
  typeOf?: (province: string) => string;
  /** the reference year that defines the space and the centroids (default 2017) */
  referenceYear?: number;
}

/** The default space: ftd, dtd, outflow and inflow rate. trade_ratio is left out: it is dtd / ftd, so it adds no
 * information, and its tail (西藏 2017: 94) would dominate the z-scores. */
export const DEFAULT_MIGRATION_FEATURES: readonly RatioColumn[] = ["ftd", "dtd", "outflow_rate", "inflow_rate"];
/** 2007's tables give only these two. */
export const GROSS_FEATURES: readonly RatioColumn[] = ["outflow_rate", "inflow_rate"];

export interface MigrationAnalysis {
  referenceYear: number;
  /** full space: every year with the split (2012, 2017) */
  full: { standardizer: Standardizer; centroids: Centroid[]; byYear: Map<number, Assignment[]> };
  /** the two gross rates only: every year (2007 too) */
  gross: { standardizer: Standardizer; centroids: Centroid[]; byYear: Map<number, Assignment[]> };
  /** rules with each year's national benchmark (years with the split) */
  rules: Map<number, Assignment[]>;
  /** national rows (sum of provinces) by year */
  national: Map<number, IndicatorRow>;
}

/**
 * Classify every province-year with the reference year's typology: nearest centroid in the full space (years with
 * the split), nearest centroid in the gross-rate space (all years, 2007 included), and the rules. `national` rows are
 * the sums over provinces per year (groupSeries(rows, NATIONAL)).
 */
export function migrationAnalysis(rows: readonly IndicatorRow[], national: readonly IndicatorRow[], options: MigrationOptions = {}): MigrationAnalysis {
  const ref = options.referenceYear ?? 2017;
  const typeOf = options.typeOf ?? provinceType;
  const refRows = rows.filter((r) => r.year === ref);
  if (refRows.length === 0) throw new RangeError(`migrationAnalysis: no rows for the reference year ${ref}`);
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const space = (features: readonly RatioColumn[], keepYear: (y: number) => boolean) => {
    const standardizer = fitStandardizer(refRows, features, options.scaling ?? "z");
    const centroids = typeCentroids(refRows, typeOf, standardizer);
    const byYear = new Map(years.filter(keepYear).map((y) => [y, classifyByCentroids(rows.filter((r) => r.year === y), standardizer, centroids)] as const));
    return { standardizer, centroids, byYear };
  };
  const hasSplit = (y: number) => rows.some((r) => r.year === y && r.ftd !== null);
  const nat = new Map(national.map((n) => [n.year, n]));
  const rules = new Map(
    years.filter(hasSplit).map((y) => {
      const n = nat.get(y);
      if (!n) throw new RangeError(`migrationAnalysis: no national row for ${y}`);
      return [y, classifyYearByRules(rows.filter((r) => r.year === y), n)] as const;
    }),
  );
  return {
    referenceYear: ref,
    full: space(options.features ?? DEFAULT_MIGRATION_FEATURES, hasSplit),
    gross: space(GROSS_FEATURES, () => true),
    rules,
    national: nat,
  };
}

/** A stage of a Sankey from a list of assignments. */
export function stageOf(label: Bilingual, assignments: readonly Assignment[]): Stage {
  return { label, types: new Map(assignments.map((a) => [a.province_zh, a.type])) };
}

/** The agreement figures the notebook reports: in-sample fit to Table 1, and year-to-year stability. */
export function agreementSummary(m: MigrationAnalysis, typeOf: (p: string) => string = provinceType): { zh: string; en: string; agree: number; total: number }[] {
  const ref = m.referenceYear;
  const t1 = new Map((m.full.byYear.get(ref) ?? []).map((a) => [a.province_zh, typeOf(a.province_zh)]));
  const out: { zh: string; en: string; agree: number; total: number }[] = [];
  const add = (zh: string, en: string, a: readonly Assignment[] | undefined, b: ReadonlyMap<string, string> | readonly Assignment[] | undefined) => {
    if (!a || !b) return;
    const g = agreement(a, b);
    out.push({ zh, en, agree: g.agree, total: g.total });
  };
  add(`最近中心（四项指标）${ref}年 vs 表1（样本内）`, `Nearest centroid (full space) ${ref} vs Table 1 (in-sample)`, m.full.byYear.get(ref), t1);
  add(`最近中心（仅流出率、流入率）${ref}年 vs 表1（样本内）`, `Nearest centroid (gross rates only) ${ref} vs Table 1 (in-sample)`, m.gross.byYear.get(ref), t1);
  add(`规则 ${ref}年 vs 表1`, `Rules ${ref} vs Table 1`, m.rules.get(ref), t1);
  for (const [y, a] of m.full.byYear) if (y !== ref) add(`最近中心 ${y}年 = ${ref}年（同类型）`, `Nearest centroid: same type in ${y} and ${ref}`, a, m.full.byYear.get(ref));
  for (const [y, a] of m.rules) if (y !== ref) add(`规则 ${y}年 = ${ref}年（同类型）`, `Rules: same type in ${y} and ${ref}`, a, m.rules.get(ref));
  for (const [y, a] of m.gross.byYear) if (y !== ref) add(`最近中心（仅流出率、流入率）${y}年 = ${ref}年`, `Nearest centroid (gross rates): same type in ${y} and ${ref}`, a, m.gross.byYear.get(ref));
  return out;
}

function provinceType(p: string): string {
  return province(p).type;
}
