/**
 * What a reader sees: Plotly figures as JSON (charts/), HTML tables and rich output in tslab (display.ts,
 * richTable.ts), the CSV files notebooks write (tables.ts), and the rows and bilingual column sets of each notebook's
 * tables. The only layer that picks a language for labels.
 * Imports: everything below; imported only by cli/ and the notebooks.
 *
 * Modules:
 * - changeTables: The tables notebook 03 shows and writes: indicators by province (or type) and year with their data-quality marks,
 * - changeViews: Notebook 03's figures and the labels of its tables (changing patterns, 2007–2017): slope charts, the dependence
 * - clusterRows: Clustering results against Table 1 as rows a reader can scan (notebook tables, CLI output): which type each
 * - columnSets: Bilingual column sets for display's table(): which fields of a row to show, under which heading, to how many
 * - display: Rich output in tslab notebooks: `show(fig)` draws a Plotly figure inline, `table(rows)` prints an HTML table.
 * - exhaustiveSummaries: The exhaustive search and its permutation null (lib/typology/typologySupport.ts, searchStability.ts) as tables and
 * - exhaustiveViews: Notebook 01 §15's figures and tables for the exhaustive search and its permutation null: the runs with their
 * - findings: What the study finds, in numbers: the misprints of Tables 2–6, the share of the text's computable claims that
 * - frames: DataFrames (lib/indicators/frame.ts) shown in a notebook: the same HTML table as display's `table()`, its columns
 * - migrationTables: Type migration as notebook 03 shows and writes it: each province's type by classifier and year (display rows, with
 * - overallViews: Notebook 01's figures and summary tables with their titles (overall patterns and the seven types): each takes the
 * - quotedTables: The quoted figures of section 三 beside what the 2007, 2012 and 2017 tables give (lib/checks/quotedComparison.ts), as
 * - richTable: HTML tables whose cells can be marked (a misprint, a claim that does not hold), carry a second line (the computed
 * - robustnessTables: The robustness notebook's tables (notebooks/05_robustness.ipynb): rows with bilingual column labels for `table()`
 * - robustnessViews: Notebook 05's figures and progress labels (how robust the seven types are), with their bilingual texts, so that the
 * - steering: The steerable charts of the report (lib/present/charts/steered.ts), computed from the notebooks' data and parameters: each
 * - tableOutputs: The CSV files the regional notebook writes (into build/tables/ through ./tables writeCsv): a computed table in the
 * - tables: Where notebooks write the tables they reproduce: `npm run reproduce` collects them into build/tables/.
 * - typologyColumns: Column specifications (lib/present/display.ts `Column`: key, bilingual label, decimals) for the tables of
 * - valueAddedTables: The value-added notebook's tables: rows and bilingual column labels for `table()` (lib/present/display.ts), and
 * - views: The notebooks' reading tables as HTML: a printed table beside the computed one (misprints marked, each with its
 */
export * from "./changeTables";
export * from "./changeViews";
export * from "./clusterRows";
export * from "./columnSets";
export * from "./display";
export * from "./exhaustiveSummaries";
export * from "./exhaustiveViews";
export * from "./findings";
export * from "./frames";
export * from "./migrationTables";
export * from "./overallViews";
export * from "./quotedTables";
export * from "./richTable";
export * from "./robustnessTables";
export * from "./robustnessViews";
export * from "./steering";
export * from "./tableOutputs";
export * from "./tables";
export * from "./typologyColumns";
export * from "./valueAddedTables";
export * from "./views";
export * from "./charts/index";
// two modules export these names; the barrel gives the ones below (import the others from their modules)
export { typeName } from "./clusterRows";
export { indicatorColumns } from "./typologyColumns";
