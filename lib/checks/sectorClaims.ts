/**
 * The paper's statements about what provinces produce and for whom (sections 二 and Table 1), checked against the
 * value added the provincial tables attribute to each product and each component of final demand.
 *
 * Each statement becomes comparisons "province (or type) above the national value": the share of outflow-induced
 * value added carried by a product group (lib/inputOutput/sectorGroups.ts), the share of GDP driven by local
 * demand, the share of intermediate inputs supplied within the province. National values are pooled over the 31
 * provinces (sum, then divide). Single-region tables do not say where outflows go, so "为沿海地区…提供" is checked
 * as "ships out", not as "ships to the coast".
 */
import type { ComponentKey } from "../inputOutput/decompose";
import { NATIONAL, TYPE_GROUPS } from "../paper/groupings";
import { province as provinceOf } from "../paper/provinces";
import { circulationValueAdded, sumValueAdded, type ValueAddedInput } from "../inputOutput/exposure";
import { groupLabel, sectorShare, type ProductValueAdded, type SectorGroupKey } from "../inputOutput/sectorGroups";
import type { Bilingual } from "../core/text";

/** What the checks read of each province (lib/inputOutput/provinceValueAdded.ts's record has all of it). */
export interface ClaimInput extends ProductValueAdded, ValueAddedInput {
  en: string;
  intermediate: { local: number; total: number };
}


export interface ClaimCheck {
  /** the province or group the statement is about */
  subject: Bilingual;
  measure: Bilingual;
  value: number;
  national: number;
  holds: boolean;
  /** false for a comparison that reads the statement more broadly than printed (shown, but not counted) */
  counted: boolean;
}

export interface SectorClaim {
  id: string;
  section: "二" | "表1";
  /** verbatim from the paper (whitespace of the extracted text removed) */
  sentence_zh: string;
  claim_en: string;
  /** how the sentence was turned into comparisons */
  reading: Bilingual;
  /** what the tables cannot check */
  limits?: Bilingual;
  checks: (rows: readonly ClaimInput[]) => ClaimCheck[];
}

export interface SectorClaimResult extends Omit<SectorClaim, "checks"> {
  checks: ClaimCheck[];
  /** "yes": every counted comparison holds; "partly": some do; "no": none */
  holds: "yes" | "partly" | "no";
  verdict: Bilingual;
}

const ALL = NATIONAL.members;

function subject(members: readonly string[], label?: Bilingual): Bilingual {
  if (label) return label;
  return { zh: members.join("、"), en: members.map((m) => provinceOf(m).en).join(", ") };
}

/** The share of `component`-induced value added carried by product group(s) `keys`, province vs national. */
export function sectorShareCheck(rows: readonly ClaimInput[], zh: string, component: ComponentKey, keys: readonly SectorGroupKey[], counted = true): ClaimCheck {
  const value = sectorShare(rows, [zh], component, keys);
  const national = sectorShare(rows, ALL, component, keys);
  const g = groupLabel(keys);
  const what = component === "outflows" ? { zh: "省外流出", en: "outflow" } : component === "exports" ? { zh: "出口", en: "export" } : { zh: component, en: component };
  return {
    subject: subject([zh]),
    measure: { zh: `${g.zh}占${what.zh}拉动增加值的比重`, en: `${g.en}: share of ${what.en}-induced value added` },
    value,
    national,
    holds: value > national,
    counted,
  };
}

/** Share of GDP driven by local demand (household + government consumption + capital formation), members vs national. */
export function localDemandCheck(rows: readonly ClaimInput[], members: readonly string[], label?: Bilingual): ClaimCheck {
  const share = (m: readonly string[]) => {
    const s = sumValueAdded(rows, m, "group");
    return circulationValueAdded(s.induced, "local") / s.tva;
  };
  return {
    subject: subject(members, label),
    measure: { zh: "本省需求（消费和资本形成）拉动的增加值占GDP比重", en: "share of GDP driven by local demand (consumption, capital formation)" },
    value: share(members),
    national: share(ALL),
    holds: share(members) > share(ALL),
    counted: true,
  };
}

/** Share of intermediate inputs the province supplies itself, Σ d_i z_ij / Σ z_ij, members vs national. */
export function localInputCheck(rows: readonly ClaimInput[], members: readonly string[], label?: Bilingual): ClaimCheck {
  const byName = new Map(rows.map((r) => [r.zh, r]));
  const share = (m: readonly string[]) => {
    let local = 0;
    let total = 0;
    for (const zh of m) {
      const r = byName.get(zh);
      if (!r) throw new Error(`localInputCheck: no data for province "${zh}"`);
      local += r.intermediate.local;
      total += r.intermediate.total;
    }
    return local / total;
  };
  const value = share(members);
  const national = share(ALL);
  return {
    subject: subject(members, label),
    measure: { zh: "中间投入中本省供给的比重（产业配套）", en: "share of intermediate inputs supplied within the province" },
    value,
    national,
    holds: value > national,
    counted: true,
  };
}

const SELF_CONSISTENT = TYPE_GROUPS.find((g) => g.zh === "自洽型经济")!;

export const SECTOR_CLAIMS: readonly SectorClaim[] = [
  {
    id: "shaanxi-ningxia-supply",
    section: "二",
    sentence_zh: "陕西和宁夏属于内贸型经济，内贸依存度高，主要为沿海地区等提供能源、化工原材料和装备制造业等产品",
    claim_en: "Shaanxi and Ningxia are domestic-trade economies that mainly supply energy, chemical raw materials and equipment to the coast and elsewhere.",
    reading: {
      zh: "能源、化工产品、装备制造三组产品各自占省外流出拉动增加值的比重高于全国；“原材料”宽泛理解为金属和非金属原材料的比较只列出，不计入结论",
      en: "Each of energy, chemicals and equipment carries a larger share of outflow-induced value added than nationally; a broad reading of 原材料 (metals and minerals) is shown but not counted",
    },
    limits: { zh: "单区域表不记录流出去向，无法核对“为沿海地区”提供", en: "Single-region tables do not record where outflows go: “to the coast” cannot be checked" },
    checks: (rows) =>
      ["陕西", "宁夏"].flatMap((p) => [
        sectorShareCheck(rows, p, "outflows", ["energy"]),
        sectorShareCheck(rows, p, "outflows", ["chemicals"]),
        sectorShareCheck(rows, p, "outflows", ["equipment"]),
        sectorShareCheck(rows, p, "outflows", ["materials"], false),
      ]),
  },
  {
    id: "shandong-sichuan-local",
    section: "二",
    sentence_zh: "山东和四川属于自洽型经济，省内人口较多，居民消费、资本积累和中间消耗比例高，其产品流出率和流入率较低，以省内产业配套为主",
    claim_en: "Shandong and Sichuan are self-consistent economies: consumption, capital formation and intermediate use weigh heavily, and supply chains are mainly within the province.",
    reading: {
      zh: "本省需求拉动的增加值占GDP比重高于全国；中间投入中本省供给的比重高于全国",
      en: "Local demand drives a larger share of GDP than nationally; a larger share of intermediate inputs is supplied within the province than nationally",
    },
    checks: (rows) => ["山东", "四川"].flatMap((p) => [localDemandCheck(rows, [p]), localInputCheck(rows, [p])]),
  },
  {
    id: "table1-self-consistent",
    section: "表1",
    sentence_zh: "本省人口及产业配套高，本省形成资本积累和居民消费、流出率和流入率较低",
    claim_en: "Self-consistent type (Table 1): high local population and supply-chain integration; capital formation and household consumption are formed locally.",
    reading: {
      zh: "自洽型经济（加总后相除）：本省需求拉动的增加值占GDP比重、中间投入中本省供给的比重均高于全国",
      en: "Self-consistent type (summed, then divided): local demand's share of GDP and the locally supplied share of intermediate inputs both above the national values",
    },
    checks: (rows) => [
      localDemandCheck(rows, SELF_CONSISTENT.members, { zh: SELF_CONSISTENT.zh, en: SELF_CONSISTENT.en }),
      localInputCheck(rows, SELF_CONSISTENT.members, { zh: SELF_CONSISTENT.zh, en: SELF_CONSISTENT.en }),
    ],
  },
];

/** "yes" / "partly" / "no" from the counted comparisons. */
export function verdictOf(checks: readonly ClaimCheck[]): SectorClaimResult["holds"] {
  const counted = checks.filter((c) => c.counted);
  if (counted.length === 0) throw new Error("verdictOf: no counted comparison");
  const n = counted.filter((c) => c.holds).length;
  return n === counted.length ? "yes" : n === 0 ? "no" : "partly";
}

const VERDICT: Record<SectorClaimResult["holds"], Bilingual> = {
  yes: { zh: "成立", en: "holds" },
  partly: { zh: "部分成立", en: "holds in part" },
  no: { zh: "不成立", en: "does not hold" },
};

/** Every claim with its comparisons and verdict. */
export function checkSectorClaims(rows: readonly ClaimInput[], claims: readonly SectorClaim[] = SECTOR_CLAIMS): SectorClaimResult[] {
  return claims.map(({ checks, ...c }) => {
    const results = checks(rows);
    const holds = verdictOf(results);
    const counted = results.filter((r) => r.counted);
    const n = counted.filter((r) => r.holds).length;
    return {
      ...c,
      checks: results,
      holds,
      verdict: { zh: `${VERDICT[holds].zh}（${n}/${counted.length}项比较成立）`, en: `${VERDICT[holds].en} (${n} of ${counted.length} comparisons)` },
    };
  });
}
