/**
 * The figures section 三 of the paper (三、新发展格局下中国各地区经济形势变化的具体表现) quotes from yearbook series
 * that are not in this repository (customs trade and GDP 2007–2023, retail sales, online retail, land sales,
 * investment), read from data/paper/quoted.csv. They are published numbers, shown as such: each carries the sentence it
 * comes from, verbatim
 * (whitespace of the extracted text removed), and `kind: "quoted"` — nothing here is computed.
 *
 * test/quoted.test.ts checks that every sentence occurs in the paper text and that every printed number occurs in its
 * sentence. What the 2007, 2012 and 2017 input-output tables can say about the same quantities is computed in
 * lib/checks/quotedComparison.ts.
 */
import { InputError, readExactCsv } from "../core/csv";
import { dataPath } from "../core/paths";
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

const TOPICS = Object.keys(TOPIC_LABELS) as QuotedTopic[];
const UNITS: readonly QuotedFigure["unit"][] = ["%", "亿元", "倍", "个百分点", "个"];

/** The 16 provinces the paper calls 受经济新常态影响地区 (retail share fell 2007–2019). */
export const NEW_NORMAL_PROVINCES = ["北京", "上海", "天津", "浙江", "广东", "山东", "辽宁", "吉林", "黑龙江", "内蒙古", "新疆", "广西", "河北", "山西", "甘肃", "青海"] as const;

export const QUOTED_HEADER = ["id", "topic", "years", "value", "unit", "printed", "scope_zh", "scope_en", "quantity_zh", "quantity_en", "sentence_zh"] as const;

/**
 * Read and validate a file of quoted figures (data/paper/quoted.csv by default; columns: data/paper/README.md):
 * `years` is "2007" or "2016-2022", `value` signed (a fall is negative).
 */
export function readQuotedFigures(file = dataPath("paper", "quoted.csv")): QuotedFigure[] {
  const seen = new Set<string>();
  return readExactCsv(file, QUOTED_HEADER).map(({ row, cells }) => {
    const [id, topic, years, value, unit, printed, scope_zh, scope_en, quantity_zh, quantity_en, sentence_zh] = cells;
    const bad = (col: string, problem: string) => new InputError(file, row, col, problem);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw bad("id", `"${id}" is not an id (lower-case words joined by "-")`);
    if (seen.has(id)) throw bad("id", `"${id}" appears twice`);
    seen.add(id);
    if (!(TOPICS as string[]).includes(topic)) throw bad("topic", `"${topic}" is not one of ${TOPICS.join(", ")}`);
    if (!/^\d{4}(-\d{4})?$/.test(years)) throw bad("years", `"${years}" is not a year or a span of years (2016-2022)`);
    const v = Number(value);
    if (value === "" || !Number.isFinite(v)) throw bad("value", `"${value}" is not a number`);
    if (!(UNITS as string[]).includes(unit)) throw bad("unit", `"${unit}" is not one of ${UNITS.join(", ")}`);
    for (const [col, x] of [["printed", printed], ["scope_zh", scope_zh], ["scope_en", scope_en], ["quantity_zh", quantity_zh], ["quantity_en", quantity_en], ["sentence_zh", sentence_zh]] as const)
      if (!x) throw bad(col, "empty");
    return {
      id,
      topic: topic as QuotedTopic,
      sentence_zh,
      quantity: { zh: quantity_zh, en: quantity_en },
      scope: { zh: scope_zh, en: scope_en },
      years: years.split("-").map(Number),
      value: v,
      unit: unit as QuotedFigure["unit"],
      printed,
      kind: "quoted" as const,
    };
  });
}

/** Every figure section 三 quotes, in the order of the text. */
export const QUOTED_FIGURES: readonly QuotedFigure[] = readQuotedFigures();

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
