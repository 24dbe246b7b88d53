/**
 * The paper's method on province flows: the five ratios and the shares (ratios.ts), groups summed then divided
 * (aggregate.ts), any grouping as a table (regional.ts), the indicators of 2007, 2012 and 2017 with their data-quality
 * flags (timeseries.ts, flags.ts), the computed tables as the CLI writes them, and the danfojs frames the notebooks show.
 * Imports: core/, paper/, data/.
 *
 * Modules:
 * - aggregate: Aggregation of province flows into the paper's table layout: sum the flows of each group, then divide.
 * - flags: What the data pipeline's anomalies (data/derived/anomalies.csv, found by the rules of lib/data/anomalies.ts) mean for the
 * - frame: The danfojs table layer that notebooks see. Numbers are computed in plain arrays elsewhere in lib/
 * - ratios: The paper's trade indicators (段庆林, Tables 2–6), as small pure functions.
 * - regional: Groupings for the regional analysis of section 二: the paper's (the four regions of Table 3, the coastal / inland /
 * - tableCsv: The reproduced tables as CSV rows in exactly the layout `trade-patterns tables` writes (lib/cli/cli.ts tableFiles), so
 * - timeseries: The paper's indicators for every province and year the tables cover (2007, 2012, 2017), with the flags that say
 */
export * from "./aggregate";
export * from "./flags";
export * from "./frame";
export * from "./ratios";
export * from "./regional";
export * from "./tableCsv";
export * from "./timeseries";
