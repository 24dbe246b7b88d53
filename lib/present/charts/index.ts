/**
 * Chart builders: pure functions from results to Plotly figure JSON ({ data, layout, config }), tested
 * without a browser, drawn by ../display.ts `show(fig)`. plotly.ts has the generic bar, grouped and stacked bars,
 * scatter and heatmap; the others one notebook's charts each; choropleth.ts the province maps.
 *
 * Modules:
 * - change: Charts of change over time (notebook 03): slope charts, arrows in the 外贸依存度 × 内贸依存度 plane, Sankey diagrams
 * - choropleth: Choropleth maps of China's provinces as Plotly figure JSON ({data, layout, config}, plain objects): the paper's
 * - clusterQuality: Charts of how a clustering fares (notebook 01) as Plotly figure JSON: the confusion matrix against Table 1, the elbow and
 * - clustering: Charts of the clustering analysis (notebook 01) as Plotly figure JSON: pure functions from results to
 * - exhaustive: Charts of the exhaustive search against its permutation null (notebook 01, lib/typology/typologySupport.ts):
 * - fitLabels: Keeping a figure's labels inside it, in either language: Plotly neither wraps a title nor, unless asked
 * - migration: Charts of type migration (notebook 03) as Plotly figure JSON: Sankey diagrams of provinces moving between Table 1's
 * - plotly: Plotly figures as plain JSON: chart builders are pure functions from data to `{ data, layout, config }`,
 * - provenance: Charts of the data notebook (00_data): the paper's GDP against the tables' value added, what the choice does to the
 * - regional: Charts of section 二 (regional patterns, Tables 3–6) as Plotly figure JSON, for any grouping (lib/indicators/regional.ts):
 * - robustness: Charts of the robustness analysis (notebooks/05_robustness.ipynb), as Plotly figure JSON:
 * - steerable: Charts the reader steers without a kernel: one Plotly figure that holds several precomputed states of a chart
 * - steered: The notebooks' key figures as steerable charts (lib/present/charts/steerable.ts): the parameter a notebook cell would
 * - typeGrid: Charts comparing partitions of the provinces province by province (notebook 05), as Plotly figure JSON: a grid of
 * - typeStyle: How the seven types look in every chart and map: one colour (Okabe & Ito's colour-blind-safe qualitative palette,
 * - valueAdded: Charts of the value-added notebook (notebooks/04_value_added_and_policy.ipynb), as Plotly figure JSON: what share
 */
export * from "./change";
export * from "./choropleth";
export * from "./clusterQuality";
export * from "./clustering";
export * from "./exhaustive";
export * from "./fitLabels";
export * from "./migration";
export * from "./plotly";
export * from "./provenance";
export * from "./regional";
export * from "./robustness";
export * from "./steerable";
export * from "./steered";
export * from "./typeGrid";
export * from "./typeStyle";
export * from "./valueAdded";
// two modules export typeLabel; the barrel gives change.ts's (robustness.ts's from its module)
export { typeLabel } from "./change";
