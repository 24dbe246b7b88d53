/**
 * The paper itself, as data: the 31 provinces with their type, region, location and basins in one table
 * (provinces.ts: the seven types are keyed there and only there), the groupings and row layout of Tables 2–6, the
 * columns the tables print (six flows, five ratios, the shares), the printed Tables 1–6 as transcribed in data/paper/,
 * Table 1's characteristics, and the figures section 三 quotes.
 * Imports: core/.
 *
 * Modules:
 * - claimTexts: The sentences of the paper's sections 一 and 二 (and of Table 1's 特征 column) that the data can check, as records:
 * - columns: The columns of the paper's Tables 2–6: six flows (亿元), five ratios and the shares of the national total, in the
 * - groupings: Groupings of provinces and the row layout of the paper's Tables 2–6.
 * - printedTables: The paper's printed Tables 1–6, as transcribed verbatim in data/paper/ (段庆林《中国各地区内外贸模式及其融入新发展格局研究》).
 * - provinces: The 31 provinces (省、自治区、直辖市) of mainland China and every grouping the paper uses.
 * - quoted: The figures section 三 of the paper (三、新发展格局下中国各地区经济形势变化的具体表现) quotes from yearbook series
 * - recommendationTexts: The recommendations of section 四 (中国各地区融入新发展格局的对策建议) as records: data/paper/recommendations.csv, one
 * - table1: Table 1 (表1 中国各地区内外贸模式及特征) as the paper prints it: for each of the seven types, its provinces
 */
export * from "./claimTexts";
export * from "./columns";
export * from "./groupings";
export * from "./printedTables";
export * from "./provinces";
export * from "./quoted";
export * from "./recommendationTexts";
export * from "./table1";
