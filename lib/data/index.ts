/**
 * From the statistics bureaus' workbooks to tidy flows: the .xls parser, the flows of one table on two bases,
 * the anomaly rules and the documented corrections, the 42 sectors and their 2012–2017 concordance, the derived files
 * the pipeline writes (province flows, the full tables, the reports), the two 2017 editions (and their mixtures), the
 * paper's GDP recovered from its group totals, and the province map.
 * Imports: core/, paper/.
 *
 * Modules:
 * - anomalies: Rules that find data anomalies in one input-output table. Nothing here is listed by hand: each rule
 * - corrections: Documented corrections to the raw tables, applied only to the derived full tables (data/derived/io-tables/).
 * - derivedFiles: Readers of the pipeline's report files, data/derived/anomalies.csv and data/derived/total_row_differences.csv
 * - echartsGeo: Decoding ECharts' compressed GeoJSON ("UTF8Encoding"), the format of the maps inside the npm package echarts@4.
 * - editionVariants: The 2017 province data in four editions: the two of lib/data/editions.ts and the two mixtures between
 * - editions: The 2017 province data in the two editions the project compares.
 * - gdp: The paper's 2017 GDP per province.
 * - gdpSources: Where each province's 2017 GDP in the paper's edition comes from, for reading: printed in Tables 5–6, recovered
 * - geo: The province map of China: a GeoJSON FeatureCollection of the 31 provinces plus 台湾, 香港 and 澳门, keyed by
 * - ioTable: One provincial (or the national) input-output table, read from the statistics bureaus' .xls workbooks
 * - loadSectorTable: Read one provincial input-output table from the derived CSV the data pipeline writes
 * - provinceFlows: Province flow tables (one row per province: total output, GDP, exports, outflow, imports, inflow in 亿元),
 * - sectorConcordance: Sector correspondence between the 2012 and 2017 42-sector lists of the regional input-output tables
 * - sectors: The 42 sectors of the 2012 and 2017 provincial input-output tables, with bilingual labels.
 * - tableFlows: The province-level flows of one input-output table, in 亿元 (万元 / 10,000), on two bases:
 * - workbookView: From one raw workbook to its tidy row: what the statistics bureau's sheet looks like, which cells the parser reads,
 */
export * from "./anomalies";
export * from "./corrections";
export * from "./derivedFiles";
export * from "./echartsGeo";
export * from "./editionVariants";
export * from "./editions";
export * from "./gdp";
export * from "./gdpSources";
export * from "./geo";
export * from "./ioTable";
export * from "./loadSectorTable";
export * from "./provinceFlows";
export * from "./sectorConcordance";
export * from "./sectors";
export * from "./tableFlows";
export * from "./workbookView";
