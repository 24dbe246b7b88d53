/**
 * Charts of how a clustering fares (notebook 01) as Plotly figure JSON: the confusion matrix against Table 1, the elbow and
 * silhouette curves, the feature-set search's best configurations, and the local minima single k-means++ starts reach.
 */
import type { ElbowPoint } from "../../cluster/elbow";
import { bilingual } from "../../core/text";
import { assertFinite, baseLayout, DEFAULT_CONFIG, fail, heatmap, scatter, type Figure, type Layout, type Trace } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";
import { CLUSTER_PALETTE } from "./clustering";
import { wrapLabel } from "./fitLabels";

export interface ConfusionSpec {
  title: Text;
  /** reference classes (rows, e.g. the paper's types) */
  rows: readonly Text[];
  /** clusters (columns) */
  columns: readonly Text[];
  counts: readonly (readonly number[])[];
  xTitle?: Text;
  yTitle?: Text;
  height?: number;
}

/** Counts of objects by reference class (rows) and cluster (columns), each cell printed; darker = more. */
export function confusionHeatmap(spec: ConfusionSpec, lang: Lang = "zh"): Figure {
  spec.counts.forEach((row, i) =>
    row.forEach((v, j) => {
      if (!Number.isInteger(v) || v < 0) fail("confusionHeatmap", `counts[${i}][${j}] is ${v}, not a count`);
    }),
  );
  const fig = heatmap(
    { title: spec.title, rows: spec.rows, columns: spec.columns, z: spec.counts, xTitle: spec.xTitle, yTitle: spec.yTitle, height: spec.height ?? 480 },
    lang,
  );
  const trace = fig.data[0];
  Object.assign(trace, {
    // Plotly's named "Blues" runs dark → light: reversed, more provinces are darker
    colorscale: "Blues",
    reversescale: true,
    zmin: 0,
    texttemplate: "%{z}",
    textfont: { size: 14 },
    showscale: false,
    xgap: 2,
    ygap: 2,
    hovertemplate: "%{y} · %{x}: %{z}<extra></extra>",
  });
  fig.layout.xaxis = { ...((fig.layout.xaxis as object | undefined) ?? {}), side: "top", tickangle: -30, automargin: true };
  // the title above the slanted column labels, not on them
  fig.layout.title = { ...(fig.layout.title as object), y: 0.98, yanchor: "top" };
  fig.layout.margin = { t: 170, r: 120, b: 40, l: 70 };
  return fig;
}

export interface ElbowSpec {
  title: Text;
  points: readonly ElbowPoint[];
  /** the k the analysis uses (a dashed vertical line) */
  chosenK?: number;
  height?: number;
}

/** Within-cluster sum of squares (left axis) and mean silhouette (right axis) against k. */
export function elbowChart(spec: ElbowSpec, lang: Lang = "zh"): Figure {
  if (spec.points.length === 0) fail("elbowChart", "no points");
  const ks = spec.points.map((p) => p.k);
  assertFinite("elbowChart", "inertia", spec.points.map((p) => p.inertia), ks.map(String));
  const withSil = spec.points.filter((p) => p.silhouette !== null);
  assertFinite("elbowChart", "silhouette", withSil.map((p) => p.silhouette!), withSil.map((p) => String(p.k)));
  const inertiaName = bilingual("组内平方和", "within-cluster sum of squares", lang);
  const silName = bilingual("平均轮廓系数", "mean silhouette", lang);
  const data: Trace[] = [
    { type: "scatter", mode: "lines+markers", name: inertiaName, x: ks, y: spec.points.map((p) => p.inertia), line: { color: "#0072B2" }, yaxis: "y" },
    {
      type: "scatter",
      mode: "lines+markers",
      name: silName,
      x: withSil.map((p) => p.k),
      y: withSil.map((p) => p.silhouette!),
      line: { color: "#D55E00", dash: "dot" },
      marker: { symbol: "square" },
      yaxis: "y2",
    },
  ];
  const layout: Layout = {
    ...baseLayout({ title: spec.title, xTitle: bilingual("聚类数 k", "number of clusters k", lang), yTitle: inertiaName, height: spec.height ?? 440 }, lang),
    // tickmode "auto": otherwise ticks are synced to the left axis' grid and land on values like 0.123
    yaxis2: { title: { text: silName }, overlaying: "y", side: "right", rangemode: "tozero", showgrid: false, tickmode: "auto", nticks: 6, tickformat: ".2f" },
    legend: { x: 0.5, xanchor: "center", y: -0.25, orientation: "h" },
    margin: { t: 60, r: 80, b: 100, l: 80 },
  };
  (layout.xaxis as Record<string, unknown>).dtick = 1;
  if (spec.chosenK !== undefined) {
    layout.shapes = [{ type: "line", xref: "x", x0: spec.chosenK, x1: spec.chosenK, yref: "paper", y0: 0, y1: 1, line: { color: "#888888", dash: "dash", width: 1 } }];
  }
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

// ---------------------------------------------------------------------------------------------------------------

export interface SearchBar {
  /** the configuration, e.g. "外贸依存度+内贸依存度 · z · k-means" */
  label: Text;
  ari: number;
  ami: number;
  /** groups bars into legend entries (e.g. the method) */
  group: Text;
}

export interface SearchBarsSpec {
  title: Text;
  bars: readonly SearchBar[];
  height?: number;
}

/** Display width (lib/present/charts/fitLabels.ts units) at which a configuration's name breaks onto a second line. */
const SEARCH_LABEL_MAX = 60;

/** Horizontal bars of ARI against the reference, best at the top, one legend entry per group; AMI in the hover. */
export function searchBars(spec: SearchBarsSpec, lang: Lang = "zh"): Figure {
  if (spec.bars.length === 0) fail("searchBars", "no bars");
  // long configuration names break into lines, so the bars keep most of the width (lib/present/charts/fitLabels.ts)
  const labels = spec.bars.map((b, i) => wrapLabel(`${i + 1}. ${pick(b.label, lang)}`, SEARCH_LABEL_MAX));
  const lines = Math.max(...labels.map((l) => l.split("<br>").length));
  assertFinite("searchBars", "ari", spec.bars.map((b) => b.ari), labels);
  assertFinite("searchBars", "ami", spec.bars.map((b) => b.ami), labels);
  const groups = new Map<string, number[]>();
  spec.bars.forEach((b, i) => {
    const g = pick(b.group, lang);
    groups.set(g, [...(groups.get(g) ?? []), i]);
  });
  const data: Trace[] = [...groups].map(([name, idx], gi) => ({
    type: "bar",
    orientation: "h",
    name,
    y: idx.map((i) => labels[i]),
    x: idx.map((i) => spec.bars[i].ari),
    customdata: idx.map((i) => spec.bars[i].ami),
    text: idx.map((i) => spec.bars[i].ari.toFixed(3)),
    textposition: "outside",
    hovertemplate: "%{y}<br>ARI %{x:.3f} · AMI %{customdata:.3f}<extra>%{fullData.name}</extra>",
    marker: { color: CLUSTER_PALETTE[gi % CLUSTER_PALETTE.length] },
  }));
  const layout: Layout = {
    ...baseLayout({ title: spec.title, xTitle: bilingual("调整兰德指数 ARI（与表1）", "adjusted Rand index vs Table 1", lang), height: spec.height ?? 120 + (12 + 16 * lines) * spec.bars.length }, lang),
    yaxis: { categoryorder: "array", categoryarray: labels, autorange: "reversed", automargin: true },
    barmode: "overlay",
    legend: { x: 1, xanchor: "right", y: 0, yanchor: "bottom" },
  };
  (layout.xaxis as Record<string, unknown>).range = [Math.min(0, ...spec.bars.map((b) => b.ari)), 1];
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

// ---------------------------------------------------------------------------------------------------------------

export interface OptimaSpec {
  title: Text;
  /** W of each local minimum, lowest first, and how many starts reached it */
  optima: readonly { inertia: number; count: number }[];
  /** how many to draw (default 20) */
  top?: number;
  height?: number;
}

/** How often single k-means starts reach each local minimum, lowest W first; the lowest is highlighted. */
export function localOptimaChart(spec: OptimaSpec, lang: Lang = "zh"): Figure {
  const shown = spec.optima.slice(0, spec.top ?? 20);
  if (shown.length === 0) fail("localOptimaChart", "no optima");
  assertFinite("localOptimaChart", "inertia", shown.map((o) => o.inertia));
  assertFinite("localOptimaChart", "count", shown.map((o) => o.count));
  const labels = shown.map((o) => o.inertia.toFixed(4));
  const data: Trace[] = [
    {
      type: "bar",
      x: labels,
      y: shown.map((o) => o.count),
      marker: { color: shown.map((_, i) => (i === 0 ? "#D55E00" : "#0072B2")) },
      hovertemplate: "W = %{x}<br>%{y}<extra></extra>",
    },
  ];
  const layout: Layout = {
    ...baseLayout(
      { title: spec.title, xTitle: bilingual("局部最优的组内平方和 W（由低到高）", "within-cluster sum of squares W of the local minimum (lowest first)", lang), yTitle: bilingual("初始化次数", "starts", lang), height: spec.height ?? 420 },
      lang,
    ),
    showlegend: false,
  };
  // W values as categories, in order: a numeric axis would space them by value and hide the low, rare ones
  layout.xaxis = { ...(layout.xaxis as object), type: "category", tickangle: -45 };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}
