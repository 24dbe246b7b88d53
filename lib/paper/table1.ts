/**
 * Table 1 (表1 中国各地区内外贸模式及特征) as the paper prints it: for each of the seven types, its provinces
 * (地区, in printed order, from data/paper/table1.csv) and its one-sentence description (特征, verbatim here,
 * with an English rendering). The per-province table1.csv is lib/indicators/tableCsv.ts table1Csv.
 *
 * The paper says where the types come from only in general terms ("经过聚类分析，并采取定性分析和定量分析相结合
 * 方法"); notebook 01 and lib/cluster/* test how far the indicators alone lead to this table.
 */
import { loadTable1, type Table1Row } from "./printedTables";
import { TYPES, province, type TypeZh } from "./provinces";
import type { Bilingual } from "../core/text";

/** Table 1's 特征 column, verbatim (test/table1.test.ts finds each sentence in the paper text). */
export const TYPE_FEATURES: Readonly<Record<TypeZh, Bilingual>> = {
  双循环经济: {
    zh: "具有高外贸依存度和高内贸依存度，高流出率和高流入率，重庆内贸依存度高",
    en: "High foreign- and domestic-trade dependence, high outflow and inflow rates; Chongqing's domestic-trade dependence is high",
  },
  外向型经济: {
    zh: "具有较高的外贸依存度和一定的内贸依存度，新疆内贸依存度较高",
    en: "Fairly high foreign-trade dependence and some domestic-trade dependence; Xinjiang's domestic-trade dependence is fairly high",
  },
  自洽型经济: {
    zh: "本省人口及产业配套高，本省形成资本积累和居民消费、流出率和流入率较低",
    en: "Large population and well-matched local industries; output becomes local capital formation and consumption; low outflow and inflow rates",
  },
  均衡型经济: {
    zh: "以内陆地区为主，靠近沿海地区，具有中等的外贸和内贸依存度",
    en: "Mostly inland, close to the coast; medium foreign- and domestic-trade dependence",
  },
  内贸型经济: {
    zh: "以内陆地区为主，以参与国内经济循环为主，内贸依存度高",
    en: "Mostly inland, taking part mainly in the domestic circulation; high domestic-trade dependence",
  },
  沿边型经济: {
    zh: "边疆地区，边贸经济相对活跃，但内贸依存度依然较高",
    en: "Frontier provinces with fairly active border trade, yet domestic-trade dependence is still fairly high",
  },
  输入型经济: {
    zh: "青藏高原及其周边地区，自然条件较差，商品流入率远高于流出率",
    en: "The Qinghai–Tibet plateau and its surroundings, harsh natural conditions; the inflow rate of goods is far above the outflow rate",
  },
};

/** One printed row of Table 1: a type, its provinces in printed order, its description. */
export interface Table1TypeRow {
  type_zh: TypeZh;
  /** the label as printed (Table 1 prints 自洽性经济) */
  type_zh_printed: string;
  type_en: string;
  members_zh: string[];
  members_en: string[];
  features_zh: string;
  features_en: string;
}

/** Table 1 as printed, one row per type in Table 1's order (from data/paper/table1.csv). */
export function table1ByType(printed: readonly Table1Row[] = loadTable1()): Table1TypeRow[] {
  return TYPES.map((t) => {
    const rows = printed.filter((r) => r.type_zh === t.zh);
    if (rows.length === 0) throw new Error(`Table 1 has no province of type ${t.zh}`);
    return {
      type_zh: t.zh,
      type_zh_printed: rows[0].type_zh_printed,
      type_en: t.en,
      members_zh: rows.map((r) => r.province_zh),
      members_en: rows.map((r) => province(r.province_zh).en),
      features_zh: TYPE_FEATURES[t.zh].zh,
      features_en: TYPE_FEATURES[t.zh].en,
    };
  });
}
