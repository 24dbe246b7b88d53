/**
 * The figures section 三 of the paper (三、新发展格局下中国各地区经济形势变化的具体表现) quotes from yearbook series
 * that are not in this repository (customs trade and GDP 2007–2023, retail sales, online retail, land sales,
 * investment). They are published numbers, shown as such: each carries the sentence it comes from, verbatim
 * (whitespace of the extracted text removed), and `kind: "quoted"` — nothing here is computed.
 *
 * test/quoted.test.ts checks that every sentence occurs in the paper text and that every printed number occurs in its
 * sentence. What the 2007, 2012 and 2017 input-output tables can say about the same quantities is computed in
 * lib/checks/quotedComparison.ts.
 */
import type { Bilingual } from "../core/text";

export type QuotedTopic = "trade_dependence" | "growth" | "investment" | "land" | "real_estate" | "retail" | "online_retail";

export const TOPIC_LABELS: Record<QuotedTopic, Bilingual> = {
  trade_dependence: { zh: "外贸依存度", en: "Foreign-trade dependence" },
  growth: { zh: "经济增长", en: "Growth" },
  investment: { zh: "固定资产投资", en: "Fixed-asset investment" },
  land: { zh: "土地成交价款", en: "Land sales" },
  real_estate: { zh: "房地产开发投资", en: "Real-estate investment" },
  retail: { zh: "社会消费品零售总额", en: "Retail sales of consumer goods" },
  online_retail: { zh: "网上零售", en: "Online retail" },
};

export interface QuotedFigure {
  id: string;
  topic: QuotedTopic;
  /** the whole sentence, verbatim from the paper (whitespace removed) */
  sentence_zh: string;
  quantity: Bilingual;
  /** whom it is about: 全国, a type (Table 1), a province, a set of provinces */
  scope: Bilingual;
  /** the year of a level; [first, last] of a change over a period */
  years: number[];
  /** signed: a fall is negative */
  value: number;
  unit: "%" | "亿元" | "倍" | "个百分点" | "个";
  /** the number as the sentence prints it */
  printed: string;
  kind: "quoted";
}

const S = {
  ftd: "2007—2023年，全国外贸依存度从60%下降到33.1%，其中双循环经济地区外贸依存度从143.2%下降到70.8%，外向型经济地区外贸依存度从107.4%下降到49.4%。",
  growth: "2019—2022年，中国GDP增长率从6%下降到3%，新冠疫情对各地经济影响较大。",
  growth2023: "2023年全国GDP增速为5.2%，经济增长有所恢复，工业增加值增长较快的是海南、宁夏等经济小省，而福建、广东、陕西等工业经济增长缓慢。",
  investment: "2023年固定资产投资仅增长2.8%，其中，基础设施投资增长5.9%，东北地区固定资产投资下降，中西部地区固定资产投资增长缓慢。",
  land: "2016—2022年，全国土地成交价款仅增长0.4%，其中北京、上海、浙江三省（市）分别增长81.6%、1.24倍、77.1%，安徽、湖北、青海、宁夏、新疆等地区土地收入增加，其他地区均有不同程度减少。",
  realEstate: "2023年，全国房地产开发投资下降9.6%，下降幅度较大的是沿边地区、东北地区和西南地区等。",
  retail2023: "2023年全国全社会消费品零售总额达到471495亿元，增长7.2%，市场虽有所恢复，但低于预期。",
  retailShare: "2022年社会消费品零售总额占全国比重中，外向型经济地区占比33.2%，自洽型经济地区占比22.4%，双循环经济地区占比10%，合计65.6%，比2007年降低1个百分点。",
  retail16:
    "2007—2019年，中国共有16个省（区、市）的社会消费品零售总额比重下降，主要是沿海地区的北京、上海、天津、浙江、广东、山东等省市，辽宁、吉林、黑龙江等东北地区，内蒙古、新疆、广西等沿边地区，河北、山西、甘肃、青海等北方地区，这些可以统称为受经济新常态影响地区，其社会消费品零售总额合计占全国比重从2007年的68%下降到2019年的54.7%。",
  retailCovid: "2019—2022年，全国社会消费品零售总额增长7.77%，11个省（区、市）社会消费品零售总额绝对减少。",
  retailFalls:
    "其中天津市、北京市分别减少15.3%、8.4%；东北地区受经济衰退影响，吉林减少9.6%，黑龙江减少7%，辽宁减少1.5%；西北地区市场依然没有恢复到新冠疫情之前的水平，其中青海减少11.2%、新疆减少10.4%、宁夏减少4.4%，内蒙古、湖北、西藏等地也出现零售额减少状况。",
  online: "2016—2022年，中国网上零售额增长1.67倍，电商率从15.5%提高到31.3%。",
  onlineExport: "2022年，外向型经济地区网上零售额占全国总零售额的比重达到51.6%，电商率高达48.7%。",
  onlineTop5: "网上零售额较大的广东、浙江、江苏、上海、北京5个省市合计占全国比重为61%。",
} as const;

const NATION = { zh: "全国", en: "China" };
const DUAL = { zh: "双循环经济地区", en: "Dual-circulation provinces" };
const EXPORT = { zh: "外向型经济地区", en: "Export-oriented provinces" };
const SELF = { zh: "自洽型经济地区", en: "Self-consistent provinces" };
/** The 16 provinces the paper calls 受经济新常态影响地区 (retail share fell 2007–2019). */
export const NEW_NORMAL_PROVINCES = ["北京", "上海", "天津", "浙江", "广东", "山东", "辽宁", "吉林", "黑龙江", "内蒙古", "新疆", "广西", "河北", "山西", "甘肃", "青海"] as const;
const NEW_NORMAL = { zh: "受经济新常态影响地区（16省区市）", en: "The 16 provinces 'affected by the new normal'" };

type Spec = Omit<QuotedFigure, "kind">;

const FTD = { zh: "外贸依存度（进出口总额/GDP）", en: "Foreign-trade dependence (trade / GDP)" };
const RETAIL_SHARE = { zh: "社会消费品零售总额占全国比重", en: "Share of national retail sales" };
const RETAIL_CHANGE = { zh: "社会消费品零售总额变化", en: "Change of retail sales" };
const LAND = { zh: "土地成交价款增长", en: "Growth of land-sale revenue" };

const SPECS: Spec[] = [
  { id: "ftd-national-2007", topic: "trade_dependence", sentence_zh: S.ftd, quantity: FTD, scope: NATION, years: [2007], value: 60, unit: "%", printed: "60%" },
  { id: "ftd-national-2023", topic: "trade_dependence", sentence_zh: S.ftd, quantity: FTD, scope: NATION, years: [2023], value: 33.1, unit: "%", printed: "33.1%" },
  { id: "ftd-dual-2007", topic: "trade_dependence", sentence_zh: S.ftd, quantity: FTD, scope: DUAL, years: [2007], value: 143.2, unit: "%", printed: "143.2%" },
  { id: "ftd-dual-2023", topic: "trade_dependence", sentence_zh: S.ftd, quantity: FTD, scope: DUAL, years: [2023], value: 70.8, unit: "%", printed: "70.8%" },
  { id: "ftd-export-2007", topic: "trade_dependence", sentence_zh: S.ftd, quantity: FTD, scope: EXPORT, years: [2007], value: 107.4, unit: "%", printed: "107.4%" },
  { id: "ftd-export-2023", topic: "trade_dependence", sentence_zh: S.ftd, quantity: FTD, scope: EXPORT, years: [2023], value: 49.4, unit: "%", printed: "49.4%" },
  { id: "gdp-growth-2019", topic: "growth", sentence_zh: S.growth, quantity: { zh: "GDP增长率", en: "GDP growth" }, scope: NATION, years: [2019], value: 6, unit: "%", printed: "6%" },
  { id: "gdp-growth-2022", topic: "growth", sentence_zh: S.growth, quantity: { zh: "GDP增长率", en: "GDP growth" }, scope: NATION, years: [2022], value: 3, unit: "%", printed: "3%" },
  { id: "gdp-growth-2023", topic: "growth", sentence_zh: S.growth2023, quantity: { zh: "GDP增速", en: "GDP growth" }, scope: NATION, years: [2023], value: 5.2, unit: "%", printed: "5.2%" },
  { id: "fai-growth-2023", topic: "investment", sentence_zh: S.investment, quantity: { zh: "固定资产投资增长", en: "Growth of fixed-asset investment" }, scope: NATION, years: [2023], value: 2.8, unit: "%", printed: "2.8%" },
  { id: "infra-growth-2023", topic: "investment", sentence_zh: S.investment, quantity: { zh: "基础设施投资增长", en: "Growth of infrastructure investment" }, scope: NATION, years: [2023], value: 5.9, unit: "%", printed: "5.9%" },
  { id: "land-national-2016-2022", topic: "land", sentence_zh: S.land, quantity: LAND, scope: NATION, years: [2016, 2022], value: 0.4, unit: "%", printed: "0.4%" },
  { id: "land-beijing-2016-2022", topic: "land", sentence_zh: S.land, quantity: LAND, scope: { zh: "北京", en: "Beijing" }, years: [2016, 2022], value: 81.6, unit: "%", printed: "81.6%" },
  { id: "land-shanghai-2016-2022", topic: "land", sentence_zh: S.land, quantity: LAND, scope: { zh: "上海", en: "Shanghai" }, years: [2016, 2022], value: 1.24, unit: "倍", printed: "1.24倍" },
  { id: "land-zhejiang-2016-2022", topic: "land", sentence_zh: S.land, quantity: LAND, scope: { zh: "浙江", en: "Zhejiang" }, years: [2016, 2022], value: 77.1, unit: "%", printed: "77.1%" },
  { id: "real-estate-2023", topic: "real_estate", sentence_zh: S.realEstate, quantity: { zh: "房地产开发投资变化", en: "Change of real-estate investment" }, scope: NATION, years: [2023], value: -9.6, unit: "%", printed: "下降9.6%" },
  { id: "retail-total-2023", topic: "retail", sentence_zh: S.retail2023, quantity: { zh: "社会消费品零售总额", en: "Retail sales of consumer goods" }, scope: NATION, years: [2023], value: 471495, unit: "亿元", printed: "471495亿元" },
  { id: "retail-growth-2023", topic: "retail", sentence_zh: S.retail2023, quantity: { zh: "社会消费品零售总额增长", en: "Growth of retail sales" }, scope: NATION, years: [2023], value: 7.2, unit: "%", printed: "7.2%" },
  { id: "retail-share-export-2022", topic: "retail", sentence_zh: S.retailShare, quantity: RETAIL_SHARE, scope: EXPORT, years: [2022], value: 33.2, unit: "%", printed: "33.2%" },
  { id: "retail-share-self-2022", topic: "retail", sentence_zh: S.retailShare, quantity: RETAIL_SHARE, scope: SELF, years: [2022], value: 22.4, unit: "%", printed: "22.4%" },
  { id: "retail-share-dual-2022", topic: "retail", sentence_zh: S.retailShare, quantity: RETAIL_SHARE, scope: DUAL, years: [2022], value: 10, unit: "%", printed: "10%" },
  {
    id: "retail-share-three-2022",
    topic: "retail",
    sentence_zh: S.retailShare,
    quantity: RETAIL_SHARE,
    scope: { zh: "外向型、自洽型、双循环经济地区合计", en: "Export-oriented, self-consistent and dual-circulation provinces together" },
    years: [2022],
    value: 65.6,
    unit: "%",
    printed: "65.6%",
  },
  {
    id: "retail-share-three-change-2007-2022",
    topic: "retail",
    sentence_zh: S.retailShare,
    quantity: { zh: "社会消费品零售总额占全国比重变化", en: "Change of the share of national retail sales" },
    scope: { zh: "外向型、自洽型、双循环经济地区合计", en: "Export-oriented, self-consistent and dual-circulation provinces together" },
    years: [2007, 2022],
    value: -1,
    unit: "个百分点",
    printed: "降低1个百分点",
  },
  { id: "retail-share-16-2007", topic: "retail", sentence_zh: S.retail16, quantity: RETAIL_SHARE, scope: NEW_NORMAL, years: [2007], value: 68, unit: "%", printed: "68%" },
  { id: "retail-share-16-2019", topic: "retail", sentence_zh: S.retail16, quantity: RETAIL_SHARE, scope: NEW_NORMAL, years: [2019], value: 54.7, unit: "%", printed: "54.7%" },
  { id: "retail-growth-2019-2022", topic: "retail", sentence_zh: S.retailCovid, quantity: RETAIL_CHANGE, scope: NATION, years: [2019, 2022], value: 7.77, unit: "%", printed: "7.77%" },
  {
    id: "retail-fallen-provinces-2019-2022",
    topic: "retail",
    sentence_zh: S.retailCovid,
    quantity: { zh: "社会消费品零售总额绝对减少的省（区、市）数", en: "Provinces whose retail sales fell" },
    scope: NATION,
    years: [2019, 2022],
    value: 11,
    unit: "个",
    printed: "11个",
  },
  ...(
    [
      ["tianjin", "天津", "Tianjin", 15.3, "15.3%"],
      ["beijing", "北京", "Beijing", 8.4, "8.4%"],
      ["jilin", "吉林", "Jilin", 9.6, "吉林减少9.6%"],
      ["heilongjiang", "黑龙江", "Heilongjiang", 7, "黑龙江减少7%"],
      ["liaoning", "辽宁", "Liaoning", 1.5, "辽宁减少1.5%"],
      ["qinghai", "青海", "Qinghai", 11.2, "青海减少11.2%"],
      ["xinjiang", "新疆", "Xinjiang", 10.4, "新疆减少10.4%"],
      ["ningxia", "宁夏", "Ningxia", 4.4, "宁夏减少4.4%"],
    ] as const
  ).map(
    ([slug, zh, en, v, printed]): Spec => ({
      id: `retail-change-${slug}-2019-2022`,
      topic: "retail",
      sentence_zh: S.retailFalls,
      quantity: RETAIL_CHANGE,
      scope: { zh, en },
      years: [2019, 2022],
      value: -v,
      unit: "%",
      printed,
    }),
  ),
  { id: "online-growth-2016-2022", topic: "online_retail", sentence_zh: S.online, quantity: { zh: "网上零售额增长", en: "Growth of online retail sales" }, scope: NATION, years: [2016, 2022], value: 1.67, unit: "倍", printed: "1.67倍" },
  { id: "ecommerce-rate-2016", topic: "online_retail", sentence_zh: S.online, quantity: { zh: "电商率", en: "E-commerce rate" }, scope: NATION, years: [2016], value: 15.5, unit: "%", printed: "15.5%" },
  { id: "ecommerce-rate-2022", topic: "online_retail", sentence_zh: S.online, quantity: { zh: "电商率", en: "E-commerce rate" }, scope: NATION, years: [2022], value: 31.3, unit: "%", printed: "31.3%" },
  {
    id: "online-share-export-2022",
    topic: "online_retail",
    sentence_zh: S.onlineExport,
    quantity: { zh: "网上零售额占全国总零售额的比重", en: "Online retail sales as a share of national retail sales" },
    scope: EXPORT,
    years: [2022],
    value: 51.6,
    unit: "%",
    printed: "51.6%",
  },
  { id: "ecommerce-rate-export-2022", topic: "online_retail", sentence_zh: S.onlineExport, quantity: { zh: "电商率", en: "E-commerce rate" }, scope: EXPORT, years: [2022], value: 48.7, unit: "%", printed: "48.7%" },
  {
    id: "online-share-top5-2022",
    topic: "online_retail",
    sentence_zh: S.onlineTop5,
    quantity: { zh: "网上零售额占全国比重", en: "Share of national online retail sales" },
    scope: { zh: "广东、浙江、江苏、上海、北京", en: "Guangdong, Zhejiang, Jiangsu, Shanghai, Beijing" },
    // the paragraph's year (the sentence before speaks of 2022)
    years: [2022],
    value: 61,
    unit: "%",
    printed: "61%",
  },
];

/** Every figure section 三 quotes, in the order of the text. */
export const QUOTED_FIGURES: readonly QuotedFigure[] = SPECS.map((s) => ({ ...s, kind: "quoted" as const }));

/** A quoted figure by id; throws on an unknown id. */
export function quoted(id: string): QuotedFigure {
  const q = QUOTED_FIGURES.find((f) => f.id === id);
  if (!q) throw new Error(`unknown quoted figure "${id}"`);
  return q;
}

/** The years of a figure as printed: "2007" or "2016—2022". */
export function yearsLabel(q: QuotedFigure): string {
  return q.years.join("—");
}
