/**
 * Charts of the clustering analysis (notebook 01) as Plotly figure JSON: pure functions from results to
 * `{ data, layout, config }`, displayed by lib/present/display.ts `show(fig)`.
 *
 * - typeScatter: provinces on two indicators, coloured by Table 1's type, every point labelled, log axes optional;
 * - dendrogram: a hierarchical clustering's tree, branches coloured by the cluster of a cut at k, leaves marked
 *   with their paper type, the cut drawn as a dashed line;
 * - confusionHeatmap: clusters against types, counts printed in the cells;
 * - biplot: PCA scores coloured by cluster, marker symbol = paper type, loading arrows for the features;
 * - elbowChart: within-cluster sum of squares and mean silhouette against k;
 * - searchBars: the best configurations of the feature-set search by ARI.
 * Colours: a cluster may be given the colour of the type it was matched to (TYPE_COLOURS), so that a province
 * whose branch or marker colour differs from its type's is one the clustering places elsewhere.
 *
 * Gaps between line segments are `null` (Plotly's gap marker); no builder emits NaN or Infinity, and bad input
 * (mismatched lengths, non-finite numbers) throws naming the builder.
 */
import type { Dendrogram } from "../../cluster/hierarchical";
import type { ElbowPoint } from "../../cluster/elbow";
import { TYPES, type TypeZh } from "../../paper/provinces";
import { TYPE_COLOURS } from "./choropleth";
import { bilingual } from "../../core/text";
import { assertFinite, baseLayout, DEFAULT_CONFIG, heatmap, scatter, type Figure, type Layout, type Trace } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";

/** A qualitative palette for clusters that have no type colour (Plotly's D3 category10). */
export const CLUSTER_PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

/** Marker symbols for the seven types, in Table 1's order. */
export const TYPE_SYMBOLS: Readonly<Record<TypeZh, string>> = {
  双循环经济: "star",
  外向型经济: "diamond",
  自洽型经济: "square",
  均衡型经济: "circle",
  内贸型经济: "triangle-up",
  沿边型经济: "cross",
  输入型经济: "x",
};

const GREY = "#555555";

function fail(builder: string, message: string): never {
  throw new Error(`${builder}: ${message}`);
}

function typeLabel(t: TypeZh, lang: Lang): string {
  const en = TYPES.find((x) => x.zh === t)?.en;
  if (en === undefined) throw new Error(`unknown type "${t}"`);
  return bilingual(t, en, lang);
}

/** "簇 1 / cluster 1" for cluster id 0 (people count from 1). */
export function clusterName(c: number, lang: Lang): string {
  return bilingual(`簇 ${c + 1}`, `cluster ${c + 1}`, lang);
}

// ---------------------------------------------------------------------------------------------------------------

export interface TypePoint {
  x: number;
  y: number;
  label: Text;
  type: TypeZh;
}

export interface TypeScatterSpec {
  title: Text;
  xTitle: Text;
  yTitle: Text;
  points: readonly TypePoint[];
  /** both axes logarithmic (the dependence ratios span two orders of magnitude) */
  logAxes?: boolean;
  /** dashed reference lines, e.g. the national values of Table 2 */
  reference?: { x?: number; y?: number; label: Text };
  height?: number;
}

/** Provinces on two indicators, one trace per type in Table 1's order, coloured by type, every point labelled. */
export function typeScatter(spec: TypeScatterSpec, lang: Lang = "zh"): Figure {
  if (spec.logAxes) {
    spec.points.forEach((p, i) => {
      if (!(p.x > 0 && p.y > 0)) fail("typeScatter", `point ${i} (${pick(p.label, lang)}) is (${p.x}, ${p.y}); log axes need positive values`);
    });
  }
  const ordered = TYPES.flatMap((t) => spec.points.filter((p) => p.type === t.zh));
  if (ordered.length !== spec.points.length) {
    const bad = spec.points.find((p) => !TYPES.some((t) => t.zh === p.type))!;
    fail("typeScatter", `point ${pick(bad.label, lang)} has unknown type "${bad.type}"`);
  }
  const fig = scatter(
    {
      title: spec.title,
      xTitle: spec.xTitle,
      yTitle: spec.yTitle,
      height: spec.height ?? 620,
      points: ordered.map((p) => ({ x: p.x, y: p.y, label: p.label, group: typeLabel(p.type, lang) })),
    },
    lang,
  );
  for (const trace of fig.data) {
    const t = TYPES.find((x) => typeLabel(x.zh, lang) === trace.name)!.zh;
    trace.marker = { size: 10, color: TYPE_COLOURS[t], line: { color: GREY, width: 0.6 } };
    trace.textfont = { size: 11 };
  }
  const layout = fig.layout;
  layout.showlegend = true;
  if (spec.logAxes) {
    layout.xaxis = { ...(layout.xaxis as object), type: "log" };
    layout.yaxis = { ...(layout.yaxis as object), type: "log" };
  }
  if (spec.reference) {
    const { x, y } = spec.reference;
    const label = pick(spec.reference.label, lang);
    const shapes: unknown[] = [];
    const annotations: unknown[] = [];
    const line = { color: "#888888", width: 1, dash: "dash" };
    if (x !== undefined) {
      assertFinite("typeScatter", "reference.x", [x]);
      shapes.push({ type: "line", xref: "x", yref: "paper", x0: x, x1: x, y0: 0, y1: 1, line });
      annotations.push({ xref: "x", yref: "paper", x: spec.logAxes ? Math.log10(x) : x, y: 1, text: label, showarrow: false, yanchor: "bottom", font: { size: 11, color: "#666666" } });
    }
    if (y !== undefined) {
      assertFinite("typeScatter", "reference.y", [y]);
      shapes.push({ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: y, y1: y, line });
      annotations.push({ xref: "paper", yref: "y", x: 1, y: spec.logAxes ? Math.log10(y) : y, text: label, showarrow: false, xanchor: "right", yanchor: "bottom", font: { size: 11, color: "#666666" } });
    }
    layout.shapes = shapes;
    layout.annotations = annotations;
  }
  return fig;
}

// ---------------------------------------------------------------------------------------------------------------

export interface DendrogramSpec {
  title: Text;
  yTitle?: Text;
  /** one label per leaf (row of the clustered matrix) */
  labels: readonly Text[];
  /** cut into k clusters: branches below the cut coloured by cluster, a dashed line at the cut */
  k?: number;
  /** cluster of each leaf for the cut (e.g. cutTree(d, k)); required with k */
  clusters?: readonly number[];
  /** colour of each cluster id (default CLUSTER_PALETTE) */
  clusterColours?: readonly string[];
  /** legend name of each cluster id (default 簇 1 / cluster 1 …) */
  clusterNames?: readonly Text[];
  /** paper type of each leaf: a marker under it, coloured by type */
  leafTypes?: readonly TypeZh[];
  height?: number;
}

/** Leaf positions (0..n−1 along `order`) and node coordinates of a dendrogram: node id → [x, y]. */
export function dendrogramCoordinates(d: Dendrogram): { x: number[]; y: number[] } {
  const { n, merges, order } = d;
  if (order.length !== n) fail("dendrogram", `order has ${order.length} leaves for n = ${n}`);
  if (merges.length !== n - 1) fail("dendrogram", `${merges.length} merges for ${n} leaves`);
  const x = new Array<number>(2 * n - 1).fill(NaN);
  const y = new Array<number>(2 * n - 1).fill(0);
  order.forEach((leaf, pos) => (x[leaf] = pos));
  merges.forEach((m, k) => {
    const node = n + k;
    if (m.left >= node || m.right >= node) fail("dendrogram", `merge ${k} joins node ${Math.max(m.left, m.right)}, not yet created`);
    assertFinite("dendrogram", "merge heights", [m.height]);
    x[node] = (x[m.left] + x[m.right]) / 2;
    // never below a child, so rounding cannot draw an upside-down link
    y[node] = Math.max(m.height, y[m.left], y[m.right]);
  });
  assertFinite("dendrogram", "leaf positions", x);
  return { x, y };
}

/** A dendrogram with branches coloured by the clusters of a cut at k (see DendrogramSpec). */
export function dendrogram(d: Dendrogram, spec: DendrogramSpec, lang: Lang = "zh"): Figure {
  const { n, merges, order } = d;
  if (spec.labels.length !== n) fail("dendrogram", `${spec.labels.length} labels for ${n} leaves`);
  const { x, y } = dendrogramCoordinates(d);
  const k = spec.k;
  if (k !== undefined) {
    if (!Number.isInteger(k) || k < 1 || k > n) fail("dendrogram", `k must be an integer in 1..${n}, got ${k}`);
    if (!spec.clusters || spec.clusters.length !== n) fail("dendrogram", `k = ${k} needs one cluster per leaf`);
  }
  // cluster of each node: merges 0..n−k−1 lie inside clusters, later ones join clusters (drawn grey)
  const nodeCluster = new Array<number>(2 * n - 1).fill(-1);
  if (k !== undefined) for (let i = 0; i < n; i++) nodeCluster[i] = spec.clusters![i];
  // the cut lies between the last merge kept inside clusters and the first one that joins two of them
  const cut = k !== undefined && k > 1 ? ((n - k - 1 >= 0 ? y[2 * n - k - 1] : 0) + y[2 * n - k]) / 2 : null;
  const segments = new Map<number, { x: (number | null)[]; y: (number | null)[] }>();
  const add = (c: number, xs: number[], ys: number[]) => {
    const seg = segments.get(c) ?? { x: [], y: [] };
    seg.x.push(...xs, null);
    seg.y.push(...ys, null);
    segments.set(c, seg);
  };
  merges.forEach((m, j) => {
    const node = n + j;
    const inside = k !== undefined && j < n - k;
    const c = inside ? nodeCluster[m.left] : -1;
    nodeCluster[node] = c;
    if (inside || cut === null) {
      add(c, [x[m.left], x[m.left], x[m.right], x[m.right]], [y[m.left], y[node], y[node], y[m.right]]);
      return;
    }
    // a link above the cut: each leg is drawn in its cluster's colour up to the cut (so a one-province
    // cluster, which has no link of its own, still shows its colour), grey above it
    const legBase = (ch: number) => {
      if (nodeCluster[ch] < 0) return y[ch];
      add(nodeCluster[ch], [x[ch], x[ch]], [y[ch], cut]);
      return cut;
    };
    const yl = legBase(m.left);
    const yr = legBase(m.right);
    add(-1, [x[m.left], x[m.left], x[m.right], x[m.right]], [yl, y[node], y[node], yr]);
  });
  const colours = spec.clusterColours ?? CLUSTER_PALETTE;
  const data: Trace[] = [];
  const ids = [...segments.keys()].filter((c) => c >= 0).sort((a, b) => a - b);
  for (const c of ids) {
    const s = segments.get(c)!;
    data.push({
      type: "scatter",
      mode: "lines",
      name: spec.clusterNames?.[c] !== undefined ? pick(spec.clusterNames[c], lang) : clusterName(c, lang),
      legendgroup: "clusters",
      x: s.x,
      y: s.y,
      line: { color: colours[c % colours.length], width: 2 },
      hoverinfo: "skip",
    });
  }
  const above = segments.get(-1);
  if (above) {
    data.push({
      type: "scatter",
      mode: "lines",
      name: k === undefined ? bilingual("合并", "merges", lang) : bilingual("切割线以上", "above the cut", lang),
      showlegend: k !== undefined,
      x: above.x,
      y: above.y,
      line: { color: "#999999", width: 1.5 },
      hoverinfo: "skip",
    });
  }
  const labels = spec.labels.map((l) => pick(l, lang));
  if (spec.leafTypes) {
    if (spec.leafTypes.length !== n) fail("dendrogram", `${spec.leafTypes.length} leaf types for ${n} leaves`);
    for (const t of TYPES) {
      const leaves = order.filter((leaf) => spec.leafTypes![leaf] === t.zh);
      if (leaves.length === 0) continue;
      data.push({
        type: "scatter",
        mode: "markers",
        name: typeLabel(t.zh, lang),
        legendgroup: "types",
        x: leaves.map((l) => x[l]),
        y: leaves.map(() => 0),
        text: leaves.map((l) => labels[l]),
        hovertemplate: "%{text}<extra>%{fullData.name}</extra>",
        marker: { size: 9, color: TYPE_COLOURS[t.zh], symbol: TYPE_SYMBOLS[t.zh], line: { color: GREY, width: 0.6 } },
        cliponaxis: false,
      });
    }
  }
  const layout: Layout = {
    ...baseLayout({ title: spec.title, height: spec.height ?? 520 }, lang),
    xaxis: {
      tickmode: "array",
      tickvals: order.map((_, pos) => pos),
      ticktext: order.map((leaf) => labels[leaf]),
      tickangle: -90,
      showgrid: false,
      zeroline: false,
      range: [-1, n],
    },
    yaxis: { title: { text: spec.yTitle === undefined ? "" : pick(spec.yTitle, lang) }, zeroline: false, rangemode: "tozero" },
    legend: { x: 1, xanchor: "left", y: 1 },
    margin: { t: 60, r: 20, b: 110, l: 70 },
  };
  if (cut !== null) {
    layout.shapes = [{ type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: cut, y1: cut, line: { color: "#444444", width: 1, dash: "dash" } }];
    layout.annotations = [{ xref: "paper", x: 1, yref: "y", y: cut, text: `k = ${k}`, showarrow: false, xanchor: "right", yanchor: "bottom" }];
  }
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

// ---------------------------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------------------------

export interface BiplotSpec {
  title: Text;
  /** n × ≥2 PCA scores (first two columns are drawn) */
  scores: readonly (readonly number[])[];
  /** p × ≥2 loadings */
  loadings: readonly (readonly number[])[];
  featureLabels: readonly Text[];
  pointLabels: readonly Text[];
  /** cluster of each point: the marker colour */
  clusters: readonly number[];
  /** paper type of each point: the marker symbol */
  types: readonly TypeZh[];
  /** explained variance ratio of the first two components (0..1), for the axis titles */
  explained: readonly number[];
  clusterColours?: readonly string[];
  clusterNames?: readonly Text[];
  height?: number;
}

/** PCA biplot: points coloured by cluster with the paper's type as symbol, loadings as arrows from the origin. */
export function biplot(spec: BiplotSpec, lang: Lang = "zh"): Figure {
  const n = spec.scores.length;
  if (n === 0) fail("biplot", "no points");
  for (const [what, len] of [["pointLabels", spec.pointLabels.length], ["clusters", spec.clusters.length], ["types", spec.types.length]] as const) {
    if (len !== n) fail("biplot", `${len} ${what} for ${n} points`);
  }
  if (spec.loadings.length !== spec.featureLabels.length) fail("biplot", `${spec.loadings.length} loadings for ${spec.featureLabels.length} features`);
  if (spec.explained.length < 2) fail("biplot", "needs the explained variance of two components");
  const xs = spec.scores.map((s) => s[0]);
  const ys = spec.scores.map((s) => s[1]);
  const labels = spec.pointLabels.map((l) => pick(l, lang));
  assertFinite("biplot", "PC1 scores", xs, labels);
  assertFinite("biplot", "PC2 scores", ys, labels);
  const features = spec.featureLabels.map((f) => pick(f, lang));
  assertFinite("biplot", "PC1 loadings", spec.loadings.map((l) => l[0]), features);
  assertFinite("biplot", "PC2 loadings", spec.loadings.map((l) => l[1]), features);
  const colours = spec.clusterColours ?? CLUSTER_PALETTE;
  const data: Trace[] = [];
  for (const c of [...new Set(spec.clusters)].sort((a, b) => a - b)) {
    const idx = spec.clusters.map((cc, i) => (cc === c ? i : -1)).filter((i) => i >= 0);
    data.push({
      type: "scatter",
      mode: "markers+text",
      name: spec.clusterNames?.[c] !== undefined ? pick(spec.clusterNames[c], lang) : clusterName(c, lang),
      x: idx.map((i) => xs[i]),
      y: idx.map((i) => ys[i]),
      text: idx.map((i) => labels[i]),
      customdata: idx.map((i) => typeLabel(spec.types[i], lang)),
      textposition: "top center",
      textfont: { size: 10 },
      hovertemplate: "%{text}<br>%{customdata}<extra>%{fullData.name}</extra>",
      marker: { size: 11, color: colours[c % colours.length], symbol: idx.map((i) => TYPE_SYMBOLS[spec.types[i]]), line: { color: GREY, width: 0.6 } },
      // the legend would show the first point's symbol; a plain circle stands for the cluster instead (below)
      showlegend: false,
      legendgroup: `cluster-${c}`,
    });
    data.push({
      type: "scatter",
      mode: "markers",
      name: data[data.length - 1].name,
      legendgroup: `cluster-${c}`,
      x: [null],
      y: [null],
      marker: { size: 11, color: colours[c % colours.length], symbol: "circle" },
      hoverinfo: "skip",
    });
  }
  // legend entries for the symbols: one invisible point per type present
  for (const t of TYPES) {
    if (!spec.types.includes(t.zh)) continue;
    data.push({
      type: "scatter",
      mode: "markers",
      name: typeLabel(t.zh, lang),
      legendgroup: "types",
      x: [null],
      y: [null],
      marker: { size: 10, color: "#ffffff", symbol: TYPE_SYMBOLS[t.zh], line: { color: "#333333", width: 1.2 } },
      hoverinfo: "skip",
    });
  }
  // arrows scaled so the longest reaches 80 % of the farthest point
  const reach = Math.max(...spec.scores.map((s) => Math.hypot(s[0], s[1])));
  const longest = Math.max(...spec.loadings.map((l) => Math.hypot(l[0], l[1])));
  const f = longest > 0 ? (0.8 * reach) / longest : 1;
  // Plotly writes an annotation's text at the arrow's tail: arrows without text, then the labels at the heads
  const arrows = spec.loadings.map((l) => ({
    x: l[0] * f,
    y: l[1] * f,
    ax: 0,
    ay: 0,
    xref: "x",
    yref: "y",
    axref: "x",
    ayref: "y",
    text: "",
    showarrow: true,
    arrowhead: 2,
    arrowsize: 1,
    arrowwidth: 1.5,
    arrowcolor: "#444444",
  }));
  const labelsAtHeads = spec.loadings.map((l, j) => {
    const len = Math.hypot(l[0], l[1]) || 1;
    return {
      x: l[0] * f,
      y: l[1] * f,
      xref: "x",
      yref: "y",
      text: features[j],
      showarrow: false,
      // pushed outwards, away from the arrow head
      xanchor: l[0] / len > 0.3 ? "left" : l[0] / len < -0.3 ? "right" : "center",
      yanchor: l[1] / len > 0.3 ? "bottom" : l[1] / len < -0.3 ? "top" : "middle",
      font: { size: 11, color: "#222222" },
      bgcolor: "rgba(255,255,255,0.75)",
    };
  });
  const annotations = [...arrows, ...labelsAtHeads];
  const pct = (r: number) => `${(100 * r).toFixed(1)}%`;
  const layout: Layout = {
    ...baseLayout(
      {
        title: spec.title,
        xTitle: bilingual(`第一主成分（${pct(spec.explained[0])}）`, `PC1 (${pct(spec.explained[0])})`, lang),
        yTitle: bilingual(`第二主成分（${pct(spec.explained[1])}）`, `PC2 (${pct(spec.explained[1])})`, lang),
        height: spec.height ?? 640,
      },
      lang,
    ),
    annotations,
    legend: { x: 1, xanchor: "left", y: 1 },
  };
  (layout.xaxis as Record<string, unknown>).zeroline = true;
  (layout.yaxis as Record<string, unknown>).zeroline = true;
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

// ---------------------------------------------------------------------------------------------------------------

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

/** Horizontal bars of ARI against the reference, best at the top, one legend entry per group; AMI in the hover. */
export function searchBars(spec: SearchBarsSpec, lang: Lang = "zh"): Figure {
  if (spec.bars.length === 0) fail("searchBars", "no bars");
  const labels = spec.bars.map((b, i) => `${i + 1}. ${pick(b.label, lang)}`);
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
    ...baseLayout({ title: spec.title, xTitle: bilingual("调整兰德指数 ARI（与表1）", "adjusted Rand index vs Table 1", lang), height: spec.height ?? 120 + 28 * spec.bars.length }, lang),
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
