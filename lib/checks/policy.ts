/**
 * The paper's recommendations (section 四, 中国各地区融入新发展格局的对策建议), one record per recommendation: who it
 * addresses (the whole country, a trade-pattern type, a region, or named provinces), the sentence fragment verbatim,
 * an English rendering, and the evidence from the value-added analysis that bears on it.
 *
 * Evidence is a computed quantity, not a verdict: recommendations are normative, and what the tables can say is how
 * much of a group's GDP each circulation drives, which products carry it, and how that compares with the country.
 * Each evidence item names the notebook cell (by tag) that shows the underlying numbers
 * (notebooks/04_value_added_and_policy.ipynb).
 */
import type { ComponentKey } from "../inputOutput/decompose";
import { COMPONENTS } from "../inputOutput/decompose";
import { groupFlows } from "../indicators/aggregate";
import { LOCATION_GROUPS, NATIONAL, NORTHWEST, REGION_GROUPS, TYPE_GROUPS, defineGroup, type Group } from "../paper/groupings";
import { domesticTradeDependence, foreignTradeDependence } from "../indicators/ratios";
import type { ProvinceFlows } from "../data/provinceFlows";
import { PROVINCES, TYPES, isProvince } from "../paper/provinces";
import { CIRCULATIONS, circulationValueAdded, sumValueAdded, type CirculationKey } from "../inputOutput/exposure";
import type { ProvinceValueAdded } from "../inputOutput/provinceValueAdded";
import { SECTOR_GROUPS, groupLabel, importShareOfUse, sectorShare, sectorShareOfAllDemand, type SectorGroupKey } from "../inputOutput/sectorGroups";
import type { Bilingual } from "../core/text";
import { InputError, readExactCsv } from "../core/csv";
import { dataPath } from "../core/paths";
import { readRecommendationRecords, type RecommendationRecord, type TargetKind } from "../paper/recommendationTexts";


/** Who a recommendation addresses. */
export interface Target extends Group {
  kind: TargetKind;
}

/** A quantity of the value-added analysis, for a group of provinces, compared with the country. */
export type EvidenceMetric =
  /** share of the group's GDP driven by a circulation (or one component of final demand) */
  | { kind: "circulation"; share: CirculationKey | ComponentKey; group: Group }
  /** share of a component's induced value added carried by product groups; reference: the same share nationally, or the
   * products' share of the value added all final demand induces in the group */
  | { kind: "sectors"; component: ComponentKey; sectors: readonly SectorGroupKey[]; group: Group; reference: "national" | "allDemand" }
  /** the paper's gross ratio (外贸依存度 or 内贸依存度) beside the value-added share of the same circulation */
  | { kind: "grossVsValueAdded"; circulation: "international" | "domestic"; group: Group }
  /** imports from abroad as a share of local use of the products */
  | { kind: "importShare"; sectors: readonly SectorGroupKey[]; group: Group };

export interface Evidence {
  /** tag of the notebook cell that shows the underlying numbers */
  cell: string;
  metric: EvidenceMetric;
}

export interface Recommendation {
  id: string;
  /** where in section 四: "四" (its opening), "四.1.一" (subsection 1, point 一), … */
  section: string;
  target: Target;
  /** verbatim from the paper (whitespace of the extracted text removed) */
  recommendation_zh: string;
  recommendation_en: string;
  evidence: readonly Evidence[];
}

/** 中西部地区: the Centre and the West together. */
export const CENTRE_WEST: Group = defineGroup("中西部地区", "Centre and West", [...REGION_GROUPS[1].members, ...REGION_GROUPS[2].members]);
/** The two outward-oriented types (the paper: 双循环经济、外向型经济属于外向型经济的两种形态). */
export const OUTWARD: Group = defineGroup("双循环经济+外向型经济", "Dual-circulation + export-oriented", [
  ...TYPE_GROUPS[0].members,
  ...TYPE_GROUPS[1].members,
]);

/** Cell tags of notebooks/04_value_added_and_policy.ipynb that evidence points to. */
export const CELLS = {
  types: "va-shares-type",
  provinces: "va-shares-province",
  gross: "va-vs-gross",
  sectors: "va-sector-groups",
  mining: "va-mining-imports",
} as const;

/** The groups a recommendation or its evidence may name, by their Chinese name. */
const NAMED_GROUPS: ReadonlyMap<string, Group> = new Map(
  [NATIONAL, ...TYPE_GROUPS, ...REGION_GROUPS, NORTHWEST, ...LOCATION_GROUPS, CENTRE_WEST, OUTWARD].map((g) => [g.zh, g]),
);

/** A group by name, or the provinces a name lists ("陕西、河南", English `en`). */
function groupNamed(zh: string, en: string | null, where: () => InputError): Group {
  const g = NAMED_GROUPS.get(zh);
  if (g) return g;
  const members = zh.split("、");
  if (en === null || !members.every(isProvince)) throw where();
  return defineGroup(zh, en, members);
}

/** The target of a record: the group it names, of the kind it says. */
function targetOf(r: RecommendationRecord, where: () => InputError): Target {
  const g = groupNamed(r.target_zh, r.target_kind === "provinces" ? r.target_en : null, where);
  if (g.en !== r.target_en) throw where();
  return { ...g, kind: r.target_kind };
}

const EVIDENCE_HEADER = ["recommendation", "kind", "measure", "sectors", "group_zh", "reference", "cell"] as const;
const oneOf = (values: readonly string[], v: string) => values.includes(v);

/** The evidence items of data/paper/recommendation_evidence.csv, by recommendation id, in file order. */
function readEvidence(file: string, targets: ReadonlyMap<string, Target>): Map<string, Evidence[]> {
  const out = new Map<string, Evidence[]>();
  for (const { row, cells } of readExactCsv(file, EVIDENCE_HEADER)) {
    const [id, kind, measure, sectorList, group_zh, reference, cell] = cells;
    const bad = (col: string, problem: string) => new InputError(file, row, col, problem);
    const target = targets.get(id);
    if (!target) throw bad("recommendation", `"${id}" is not a recommendation of recommendations.csv`);
    const group = groupNamed(group_zh, group_zh === target.zh ? target.en : null, () => bad("group_zh", `"${group_zh}" is no group this project defines, nor the recommendation's own provinces`));
    if (!oneOf(Object.values(CELLS), cell)) throw bad("cell", `"${cell}" is not a cell tag of notebook 04 (${Object.values(CELLS).join(", ")})`);
    const keys = sectorList === "" ? [] : sectorList.split("+");
    for (const k of keys) if (!SECTOR_GROUPS.some((s) => s.key === k)) throw bad("sectors", `"${k}" is not a sector group (${SECTOR_GROUPS.map((s) => s.key).join(", ")})`);
    const sectors = keys as SectorGroupKey[];
    const circulations = CIRCULATIONS.map((c) => c.key as string);
    const components = COMPONENTS.map((c) => c.key as string);
    let metric: EvidenceMetric;
    if (kind === "circulation") {
      if (!oneOf([...circulations, ...components], measure)) throw bad("measure", `"${measure}" is not a circulation or a component of final demand`);
      metric = { kind, share: measure as CirculationKey | ComponentKey, group };
    } else if (kind === "sectors") {
      if (!oneOf(components, measure)) throw bad("measure", `"${measure}" is not a component of final demand`);
      if (reference !== "national" && reference !== "allDemand") throw bad("reference", `"${reference}" is not national or allDemand`);
      if (!sectors.length) throw bad("sectors", "a sectors item names its sector groups");
      metric = { kind, component: measure as ComponentKey, sectors, group, reference };
    } else if (kind === "grossVsValueAdded") {
      if (measure !== "international" && measure !== "domestic") throw bad("measure", `"${measure}" is not international or domestic`);
      metric = { kind, circulation: measure, group };
    } else if (kind === "importShare") {
      if (!sectors.length) throw bad("sectors", "an importShare item names its sector groups");
      metric = { kind, sectors, group };
    } else throw bad("kind", `"${kind}" is not one of circulation, sectors, grossVsValueAdded, importShare`);
    if (!out.has(id)) out.set(id, []);
    out.get(id)!.push({ cell, metric });
  }
  return out;
}

/** The recommendations of data/paper/recommendations.csv, each with its target and the evidence read beside it. */
export function loadRecommendations(
  file = dataPath("paper", "recommendations.csv"),
  evidenceFile = dataPath("paper", "recommendation_evidence.csv"),
): Recommendation[] {
  const records = readRecommendationRecords(file);
  const targets = new Map(
    records.map((r, i) => [r.id, targetOf(r, () => new InputError(file, i + 2, "target_zh", `"${r.target_zh}" (${r.target_en}) is not a ${r.target_kind} target this project defines`))] as const),
  );
  const evidence = readEvidence(evidenceFile, targets);
  return records.map((r) => {
    const ev = evidence.get(r.id);
    if (!ev) throw new InputError(evidenceFile, null, "recommendation", `${r.id} has no evidence`);
    const { target_kind: _k, target_zh: _z, target_en: _e, ...text } = r;
    return { ...text, target: targets.get(r.id)!, evidence: ev };
  });
}

export const RECOMMENDATIONS: readonly Recommendation[] = loadRecommendations();

/** What evidence is computed from: the value-added analysis and the paper's flows (for the gross ratios). */
export interface EvidenceData {
  rows: readonly ProvinceValueAdded[];
  /** the paper's edition of the 2017 flows (lib/data/editions.ts provinceFlows2017("paper")) */
  flows: readonly ProvinceFlows[];
}

export interface EvidenceValue {
  cell: string;
  /** the group's value and the reference (national, or all demand) it is compared with; null when the group is the country */
  value: number;
  reference: number | null;
  text: Bilingual;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function shareLabel(share: CirculationKey | ComponentKey): Bilingual {
  const c = CIRCULATIONS.find((x) => x.key === share) ?? COMPONENTS.find((x) => x.key === share);
  if (!c) throw new Error(`unknown circulation or component "${share}"`);
  return { zh: c.zh, en: c.en };
}

/** Share of the group's GDP (TVA) driven by a circulation or a component. */
function shareOfGdp(rows: readonly ProvinceValueAdded[], members: readonly string[], share: CirculationKey | ComponentKey): number {
  const s = sumValueAdded(rows, members, "group");
  const isCirculation = CIRCULATIONS.some((c) => c.key === share);
  const va = isCirculation ? circulationValueAdded(s.induced, share as CirculationKey) : s.induced[share as ComponentKey];
  return va / s.tva;
}

const isNational = (g: Group) => g.members.length === NATIONAL.members.length;

/** The number an evidence item points to, with a sentence in both languages. */
export function evaluateEvidence(e: Evidence, data: EvidenceData): EvidenceValue {
  const m = e.metric;
  const ALL = NATIONAL.members;
  switch (m.kind) {
    case "circulation": {
      const value = shareOfGdp(data.rows, m.group.members, m.share);
      const national = isNational(m.group) ? null : shareOfGdp(data.rows, ALL, m.share);
      const l = shareLabel(m.share);
      const ref = national === null ? { zh: "", en: "" } : { zh: `（全国 ${pct(national)}）`, en: ` (national ${pct(national)})` };
      return {
        cell: e.cell,
        value,
        reference: national,
        text: { zh: `${m.group.zh}：${l.zh}拉动的增加值占GDP ${pct(value)}${ref.zh}`, en: `${m.group.en}: ${l.en} drives ${pct(value)} of GDP${ref.en}` },
      };
    }
    case "sectors": {
      const value = sectorShare(data.rows, m.group.members, m.component, m.sectors);
      const reference = m.reference === "national" ? sectorShare(data.rows, ALL, m.component, m.sectors) : sectorShareOfAllDemand(data.rows, m.group.members, m.sectors);
      const g = groupLabel(m.sectors);
      const c = COMPONENTS.find((x) => x.key === m.component)!;
      const ref =
        m.reference === "national"
          ? { zh: `（全国 ${pct(reference)}）`, en: ` (national ${pct(reference)})` }
          : { zh: `（占全部最终需求拉动的增加值 ${pct(reference)}）`, en: ` (of the value added all final demand induces: ${pct(reference)})` };
      return {
        cell: e.cell,
        value,
        reference,
        text: {
          zh: `${m.group.zh}：${g.zh}产品占${c.zh}拉动增加值的 ${pct(value)}${ref.zh}`,
          en: `${m.group.en}: ${g.en} carry ${pct(value)} of the value added ${c.en.toLowerCase()} induce${ref.en}`,
        },
      };
    }
    case "grossVsValueAdded": {
      const f = groupFlows(data.flows, m.group.members);
      const gross = m.circulation === "international" ? foreignTradeDependence(f) : domesticTradeDependence(f);
      const value = shareOfGdp(data.rows, m.group.members, m.circulation);
      const name = m.circulation === "international" ? { zh: "外贸依存度", en: "foreign-trade dependence" } : { zh: "内贸依存度", en: "domestic-trade dependence" };
      const l = shareLabel(m.circulation);
      return {
        cell: e.cell,
        value,
        reference: gross / 100,
        text: {
          zh: `${m.group.zh}：${name.zh}（毛额）${gross.toFixed(1)}%，而${l.zh}拉动的增加值占GDP ${pct(value)}`,
          en: `${m.group.en}: gross ${name.en} ${gross.toFixed(1)}%, while ${l.en} drives ${pct(value)} of GDP`,
        },
      };
    }
    case "importShare": {
      const value = importShareOfUse(data.rows, m.group.members, m.sectors);
      const national = importShareOfUse(data.rows, ALL, m.sectors);
      const g = groupLabel(m.sectors);
      return {
        cell: e.cell,
        value,
        reference: national,
        text: {
          zh: `${m.group.zh}：${g.zh}的进口占本省使用的 ${pct(value)}（全国 ${pct(national)}）`,
          en: `${m.group.en}: imports supply ${pct(value)} of local use of ${g.en.toLowerCase()} (national ${pct(national)})`,
        },
      };
    }
  }
}

/** One row per (recommendation, evidence item), ready for a table. */
export interface PolicyRow {
  id: string;
  section: string;
  target_zh: string;
  target_en: string;
  recommendation_zh: string;
  recommendation_en: string;
  evidence_zh: string;
  evidence_en: string;
  cell: string;
}

export function policyTable(data: EvidenceData, recs: readonly Recommendation[] = RECOMMENDATIONS): PolicyRow[] {
  return recs.flatMap((r) =>
    r.evidence.map((e) => {
      const v = evaluateEvidence(e, data);
      return {
        id: r.id,
        section: r.section,
        target_zh: r.target.zh,
        target_en: r.target.en,
        recommendation_zh: r.recommendation_zh,
        recommendation_en: r.recommendation_en,
        evidence_zh: v.text.zh,
        evidence_en: v.text.en,
        cell: v.cell,
      };
    }),
  );
}

/** The recommendations that bear on one type: addressed to it, to the whole country, or to regions / provinces that include its members. */
export interface TypePolicy {
  type: Bilingual;
  /** addressed to the type by name */
  direct: Recommendation[];
  /** addressed to a region or to named provinces; `members` are the type's provinces it covers */
  via: { rec: Recommendation; members: string[] }[];
}

/** Row 全国 (national recommendations) and one row per type of Table 1. */
export function policyByType(recs: readonly Recommendation[] = RECOMMENDATIONS): TypePolicy[] {
  const national: TypePolicy = { type: { zh: NATIONAL.zh, en: NATIONAL.en }, direct: recs.filter((r) => r.target.kind === "national"), via: [] };
  const types = TYPES.map((t): TypePolicy => {
    const members = PROVINCES.filter((p) => p.type === t.zh).map((p) => p.zh);
    return {
      type: { zh: t.zh, en: t.en },
      direct: recs.filter((r) => r.target.kind === "type" && r.target.zh === t.zh),
      via: recs
        .filter((r) => r.target.kind === "region" || r.target.kind === "provinces")
        .map((rec) => ({ rec, members: members.filter((m) => rec.target.members.includes(m)) }))
        .filter((v) => v.members.length > 0),
    };
  });
  return [national, ...types];
}

/**
 * The per-type summary as table rows: the recommendations addressed to the type (id and text, in the chosen language)
 * and the ids of those that reach it through a region or named provinces, with the provinces.
 */
export function policyByTypeRows(lang: "zh" | "en", recs: readonly Recommendation[] = RECOMMENDATIONS): { type: string; direct: string; via: string }[] {
  const sep = lang === "zh" ? "；" : "; ";
  return policyByType(recs).map((t) => ({
    type: t.type[lang],
    direct: t.direct.map((r) => `${r.id} ${lang === "zh" ? r.recommendation_zh : r.recommendation_en}`).join(lang === "zh" ? "。 " : " "),
    via: t.via
      .map(({ rec, members }) => {
        const names = lang === "zh" ? members.join("、") : members.map((m) => PROVINCES.find((p) => p.zh === m)!.en).join(", ");
        return `${rec.id} ${rec.target[lang]}: ${names}`;
      })
      .join(sep),
  }));
}
