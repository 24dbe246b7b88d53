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
import { PROVINCES, TYPES, type TypeZh } from "../paper/provinces";
import { CIRCULATIONS, circulationValueAdded, sumValueAdded, type CirculationKey } from "../inputOutput/exposure";
import type { ProvinceValueAdded } from "../inputOutput/provinceValueAdded";
import { groupLabel, importShareOfUse, sectorShare, sectorShareOfAllDemand, type SectorGroupKey } from "../inputOutput/sectorGroups";
import type { Bilingual } from "../core/text";


/** Who a recommendation addresses. */
export interface Target extends Group {
  kind: "national" | "type" | "region" | "provinces";
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

const type = (zh: TypeZh): Target => ({ ...TYPE_GROUPS.find((g) => g.zh === zh)!, kind: "type" });
const region = (g: Group): Target => ({ ...g, kind: "region" });
const named = (zh: string, en: string, members: string[]): Target => ({ ...defineGroup(zh, en, members), kind: "provinces" });
const NATION: Target = { ...NATIONAL, kind: "national" };

const EAST = REGION_GROUPS[0];
const CENTRE = REGION_GROUPS[1];
const NORTHEAST = REGION_GROUPS[3];
const COAST = LOCATION_GROUPS[0];
const BORDER = LOCATION_GROUPS[2];
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

const circ = (share: CirculationKey | ComponentKey, group: Group, cell: string = CELLS.provinces): Evidence => ({ cell, metric: { kind: "circulation", share, group } });
const sectors = (component: ComponentKey, keys: SectorGroupKey[], group: Group, reference: "national" | "allDemand" = "national"): Evidence => ({
  cell: CELLS.sectors,
  metric: { kind: "sectors", component, sectors: keys, group, reference },
});

export const RECOMMENDATIONS: readonly Recommendation[] = [
  {
    id: "R1",
    section: "四",
    target: region(COAST),
    recommendation_zh: "沿海地区要继续发挥开放和创新的带动作用，加快产业转型升级",
    recommendation_en: "Coastal provinces should keep leading through openness and innovation and speed up industrial upgrading.",
    evidence: [circ("international", COAST)],
  },
  {
    id: "R2",
    section: "四.1.一",
    target: NATION,
    recommendation_zh: "积极扩大制度型开放，坚持融入世界经济体系",
    recommendation_en: "Expand institutional opening and stay integrated in the world economy.",
    evidence: [circ("international", OUTWARD, CELLS.types), circ("international", NATIONAL, CELLS.types)],
  },
  {
    id: "R3",
    section: "四.1.二",
    target: named("陕西、河南", "Shaanxi, Henan", ["陕西", "河南"]),
    recommendation_zh: "要充分发挥陕西西安、河南郑州作为丝绸之路经济带重要起点的作用",
    recommendation_en: "Make full use of Xi'an (Shaanxi) and Zhengzhou (Henan) as starting points of the Silk Road Economic Belt.",
    evidence: [circ("international", defineGroup("陕西、河南", "Shaanxi, Henan", ["陕西", "河南"]))],
  },
  {
    id: "R4",
    section: "四.1.二",
    target: region(NORTHWEST),
    recommendation_zh: "在西北地区适当建设面向中亚等地市场的生产基地",
    recommendation_en: "Build production bases in the Northwest serving Central Asian and other markets.",
    evidence: [circ("international", NORTHWEST)],
  },
  {
    id: "R5",
    section: "四.1.二",
    target: named("天津、山东、江苏", "Tianjin, Shandong, Jiangsu", ["天津", "山东", "江苏"]),
    recommendation_zh: "继续重视天津港、青岛港、连云港等沿海口岸作用",
    recommendation_en: "Keep relying on the ports of Tianjin, Qingdao (Shandong) and Lianyungang (Jiangsu).",
    evidence: [circ("international", defineGroup("天津、山东、江苏", "Tianjin, Shandong, Jiangsu", ["天津", "山东", "江苏"]))],
  },
  {
    id: "R6",
    section: "四.1.三",
    target: NATION,
    recommendation_zh: "加快服务业扩大开放",
    recommendation_en: "Open the services sector faster.",
    evidence: [sectors("exports", ["services"], NATIONAL, "allDemand")],
  },
  {
    id: "R7",
    section: "四.2.一",
    target: NATION,
    recommendation_zh: "把实施扩大内需战略同深化供给侧结构性改革有机结合起来",
    recommendation_en: "Combine expanding domestic demand with supply-side structural reform.",
    evidence: [circ("local", NATIONAL, CELLS.types), circ("domestic", NATIONAL, CELLS.types)],
  },
  {
    id: "R8",
    section: "四.2.一",
    target: region(CENTRE_WEST),
    recommendation_zh: "积极弥补中西部地区“铁公机”等传统基础设施短板",
    recommendation_en: "Close the gaps in traditional infrastructure (railways, roads, airports) in the Centre and West.",
    evidence: [circ("capital", CENTRE_WEST)],
  },
  {
    id: "R9",
    section: "四.2.一",
    target: NATION,
    recommendation_zh: "要积极增强消费对经济增长的基础性作用",
    recommendation_en: "Strengthen consumption as the foundation of growth.",
    evidence: [circ("household", NATIONAL, CELLS.types)],
  },
  {
    id: "R10",
    section: "四.2.二",
    target: type("内贸型经济"),
    recommendation_zh: "内贸型地区主要为国内外产业提供能源原材料等配套，要积极抓住数字经济、储能产业发展机遇，大力发展战略性新兴产业",
    recommendation_en: "Domestic-trade provinces mainly supply energy and raw materials to industry at home and abroad; they should seize the digital-economy and energy-storage opportunities and develop strategic emerging industries.",
    evidence: [circ("domestic", TYPE_GROUPS[4], CELLS.types), sectors("outflows", ["energy", "chemicals", "materials"], TYPE_GROUPS[4])],
  },
  {
    id: "R11",
    section: "四.2.二",
    target: named("宁夏、内蒙古、甘肃", "Ningxia, Inner Mongolia, Gansu", ["宁夏", "内蒙古", "甘肃"]),
    recommendation_zh: "宁夏、内蒙古、甘肃等要大力发展“东数西算”产业",
    recommendation_en: "Ningxia, Inner Mongolia and Gansu should develop the “East Data, West Computing” industry.",
    evidence: [sectors("outflows", ["energy"], defineGroup("宁夏、内蒙古、甘肃", "Ningxia, Inner Mongolia, Gansu", ["宁夏", "内蒙古", "甘肃"]))],
  },
  {
    id: "R12",
    section: "四.2.二",
    target: region(NORTHEAST),
    recommendation_zh: "要推动东北地区全面振兴，加快构建具有东北特色优势的现代化产业体系，以发展现代化大农业为主攻方向加快推进农业农村现代化",
    recommendation_en: "Revitalise the Northeast with a modern industrial system of its own, with modern large-scale agriculture as the main thrust.",
    evidence: [sectors("outflows", ["agriculture"], NORTHEAST), circ("domestic", NORTHEAST)],
  },
  {
    id: "R13",
    section: "四.2.三",
    target: type("外向型经济"),
    recommendation_zh: "要继续优化区域开放布局，积极关注沿海外向型经济地区和经济大省的稳定发展",
    recommendation_en: "Keep optimising the regional layout of opening, and watch the stability of the coastal export-oriented provinces and the large economies.",
    evidence: [circ("international", TYPE_GROUPS[1], CELLS.types)],
  },
  {
    id: "R14",
    section: "四.2.三",
    target: region(NORTHWEST),
    recommendation_zh: "没有外向型经济地区的经济增长，国内配套生产就没有市场，西北地区的电力、煤炭、原材料等也就缺乏外部需求",
    recommendation_en: "Without growth in the export-oriented provinces, domestic supporting production loses its market and the Northwest's electricity, coal and raw materials lose their outside demand.",
    evidence: [circ("domestic", NORTHWEST), sectors("outflows", ["energy", "materials"], NORTHWEST)],
  },
  {
    id: "R15",
    section: "四.2.三",
    target: named("北京、天津、上海", "Beijing, Tianjin, Shanghai", ["北京", "天津", "上海"]),
    recommendation_zh: "北京、天津、上海等地的经济功能在逐步疏解，未来将重点在科技创新、现代服务业等方面发挥越来越重要的作用",
    recommendation_en: "Beijing, Tianjin and Shanghai are shedding functions and will matter more and more for innovation and modern services.",
    evidence: [sectors("outflows", ["services"], defineGroup("北京、天津、上海", "Beijing, Tianjin, Shanghai", ["北京", "天津", "上海"]))],
  },
  {
    id: "R16",
    section: "四.2.三",
    target: type("自洽型经济"),
    recommendation_zh: "自洽型经济地区要进一步扩大对内对外开放，充分利用国内国际两种资源两个市场，提高资源配置效率",
    recommendation_en: "Self-consistent provinces should open further, at home and abroad, and use both markets and both kinds of resources.",
    evidence: [circ("local", TYPE_GROUPS[2], CELLS.types), circ("international", TYPE_GROUPS[2], CELLS.types), circ("domestic", TYPE_GROUPS[2], CELLS.types)],
  },
  {
    id: "R17",
    section: "四.3.一",
    target: region(CENTRE_WEST),
    recommendation_zh: "要积极推动劳动密集型等产业向中西部地区转移，也要避免形成经济空心化",
    recommendation_en: "Move labour-intensive industries to the Centre and West, without hollowing out the economy.",
    evidence: [sectors("exports", ["labour"], EAST), sectors("exports", ["labour"], CENTRE_WEST)],
  },
  {
    id: "R18",
    section: "四.3.二",
    target: region(CENTRE_WEST),
    recommendation_zh: "中西部地区具有资源优势，要将资源优势转化为经济优势",
    recommendation_en: "The Centre and West should turn their resource advantage into an economic advantage.",
    evidence: [sectors("outflows", ["energy", "materials"], CENTRE_WEST)],
  },
  {
    id: "R19",
    section: "四.3.二",
    target: region(CENTRE),
    recommendation_zh: "中部地区对部分矿产资源的对外依存度较高，对国内外核心技术和高端设备的需求也较大，必须提高战略性资源保障能力",
    recommendation_en: "The Centre depends on imports for some minerals and needs core technology and high-end equipment: secure strategic resources.",
    evidence: [{ cell: CELLS.mining, metric: { kind: "importShare", sectors: ["mining"], group: CENTRE } }],
  },
  {
    id: "R20",
    section: "四.3.三",
    target: NATION,
    recommendation_zh: "越是大国经济，越具有国内市场为主的特征。中国经济高外贸依存度是一种非常态状况",
    recommendation_en: "The larger an economy, the more it rests on its home market; China's high foreign-trade dependence is abnormal.",
    evidence: [{ cell: CELLS.gross, metric: { kind: "grossVsValueAdded", circulation: "international", group: NATIONAL } }],
  },
  {
    id: "R21",
    section: "四.3.三",
    target: NATION,
    recommendation_zh: "构建全国统一大市场，破除地方保护和行政垄断，促进商品和生产要素的自由流动和市场化配置",
    recommendation_en: "Build a unified national market: remove local protection and administrative monopolies, let goods and factors move freely.",
    evidence: [{ cell: CELLS.gross, metric: { kind: "grossVsValueAdded", circulation: "domestic", group: NATIONAL } }],
  },
  {
    id: "R22",
    section: "四.3.四",
    target: region(BORDER),
    recommendation_zh: "要高度重视沿边地区发展与安全的统筹协调",
    recommendation_en: "Coordinate development and security in the border provinces.",
    evidence: [circ("international", BORDER), circ("government", BORDER)],
  },
  {
    id: "R23",
    section: "四.3.四",
    target: type("输入型经济"),
    recommendation_zh: "青藏高原等输入型经济地区也承担着“中华水塔”等重大生态使命，不能只算经济账",
    recommendation_en: "The inflow-dependent provinces of the Qinghai–Tibet Plateau carry ecological missions (the “water tower of China”): not everything is economics.",
    evidence: [circ("government", TYPE_GROUPS[6], CELLS.types)],
  },
];

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
