/**
 * Charts of the robustness analysis (notebooks/05_robustness.ipynb), as Plotly figure JSON:
 * - coassignmentHeatmap: the co-assignment matrix Mᵢⱼ ordered by Table 1's types, each type's block outlined;
 * - stabilityBars: each province's stability sᵢ, least stable first, coloured by type, with the fragility threshold;
 * - runAriHistogram: how far each resampled partition lies from a reference partition (ARI per run);
 * - sensitivityHeatmaps: ARI against Table 1 over k × (feature set, scaling), one panel per method;
 * - typeGrid: provinces × labellings (Table 1, consensus, each data edition …), each cell coloured by its type;
 * - editionScores: ARI / AMI of each data edition's clustering.
 * Pure functions of their inputs; bad input (NaN, mismatched lengths, unknown province or type) throws naming
 * the builder and the position.
 */
import { PROVINCES, province, TYPES, type TypeZh } from "../../paper/provinces";
import { TYPE_COLOURS } from "./choropleth";
import { assertFinite, baseLayout, DEFAULT_CONFIG, type Figure, type Layout, type Trace } from "./plotly";
import { pick, type Lang, type Text, type Bilingual } from "../../core/text";

function fail(builder: string, message: string): never {
  throw new Error(`${builder}: ${message}`);
}

/** A province's name in `lang`. */
function provinceLabel(zh: string, lang: Lang): string {
  return lang === "zh" ? zh : province(zh).en;
}

function typeIndex(builder: string, t: string): number {
  const i = TYPES.findIndex((x) => x.zh === t);
  if (i < 0) fail(builder, `"${t}" is not one of Table 1's types (${TYPES.map((x) => x.zh).join("、")})`);
  return i;
}

/** A type's name in `lang`; English drops the trailing " economy" to keep axis labels short. */
export function typeLabel(t: TypeZh, lang: Lang): string {
  const ty = TYPES[typeIndex("typeLabel", t)];
  return lang === "zh" ? ty.zh : ty.en.replace(/ economy$/, "");
}

/** Table 1's type of each province. */
function paperTypesOf(provinces: readonly string[]): TypeZh[] {
  return provinces.map((p) => province(p).type);
}

/**
 * Province indices ordered by type (Table 1's order of types), keeping the given order within a type, and the
 * [start, end] position of each type's block in that order.
 */
export function orderByType(types: readonly TypeZh[]): { order: number[]; blocks: { type: TypeZh; start: number; end: number }[] } {
  const order: number[] = [];
  const blocks: { type: TypeZh; start: number; end: number }[] = [];
  for (const t of TYPES) {
    const members = types.map((x, i) => (x === t.zh ? i : -1)).filter((i) => i >= 0);
    if (members.length === 0) continue;
    blocks.push({ type: t.zh, start: order.length, end: order.length + members.length - 1 });
    order.push(...members);
  }
  if (order.length !== types.length) {
    const bad = types.find((t) => !TYPES.some((x) => x.zh === t));
    fail("orderByType", `"${bad}" is not one of Table 1's types`);
  }
  return { order, blocks };
}

// white → dark blue: 0 (never together) reads as empty, 1 (always together) as solid
const COASSIGNMENT_SCALE: [number, string][] = [
  [0, "#f7fbff"],
  [0.25, "#c6dbef"],
  [0.5, "#6baed6"],
  [0.75, "#2171b5"],
  [1, "#08306b"],
];

export interface CoassignmentSpec {
  provinces: readonly string[];
  /** n × n co-assignment fractions in [0, 1] */
  coassignment: readonly (readonly number[])[];
  /** the grouping that orders and outlines the matrix (default: Table 1's type of each province) */
  types?: readonly TypeZh[];
  title?: Text;
  height?: number;
}

/** The co-assignment matrix as a heatmap, rows and columns ordered by type, each type's block outlined and named. */
export function coassignmentHeatmap(spec: CoassignmentSpec, lang: Lang = "zh"): Figure {
  const B = "coassignmentHeatmap";
  const n = spec.provinces.length;
  if (spec.coassignment.length !== n) fail(B, `${spec.coassignment.length} rows for ${n} provinces`);
  spec.coassignment.forEach((row, i) => {
    if (row.length !== n) fail(B, `row ${i} (${spec.provinces[i]}) has ${row.length} values for ${n} provinces`);
    assertFinite(B, `row ${i} (${spec.provinces[i]})`, row, spec.provinces as string[]);
    row.forEach((m, j) => {
      if (m < 0 || m > 1) fail(B, `M[${i}][${j}] = ${m} is outside [0, 1]`);
    });
  });
  const types = spec.types ?? paperTypesOf(spec.provinces);
  if (types.length !== n) fail(B, `${types.length} types for ${n} provinces`);
  const { order, blocks } = orderByType(types);
  const labels = order.map((i) => provinceLabel(spec.provinces[i], lang));
  const z = order.map((i) => order.map((j) => spec.coassignment[i][j]));
  const trace: Trace = {
    type: "heatmap",
    x: labels,
    y: labels,
    z,
    zmin: 0,
    zmax: 1,
    colorscale: COASSIGNMENT_SCALE,
    colorbar: {
      title: { text: lang === "zh" ? "同类比例" : "share of runs together", side: "top" },
      orientation: "h",
      x: 0.5,
      xanchor: "center",
      // below the rotated province names, which are longer in English
      y: lang === "zh" ? -0.12 : -0.22,
      yanchor: "top",
      len: 0.6,
      thickness: 12,
    },
    hovertemplate: "%{y} · %{x}: %{z:.3f}<extra></extra>",
  };
  const shapes = blocks.map((b) => ({
    type: "rect",
    xref: "x",
    yref: "y",
    x0: b.start - 0.5,
    x1: b.end + 0.5,
    y0: b.start - 0.5,
    y1: b.end + 0.5,
    line: { color: "#d62728", width: 2 },
    fillcolor: "rgba(0,0,0,0)",
  }));
  const annotations = blocks.map((b) => ({
    // just right of the matrix, in data coordinates: the square aspect ratio moves the matrix inside the plot area
    xref: "x",
    yref: "y",
    x: n - 0.5 + 0.4,
    y: (b.start + b.end) / 2,
    xanchor: "left",
    yanchor: "middle",
    text: typeLabel(b.type, lang),
    showarrow: false,
    font: { color: TYPE_COLOURS[b.type] === "#F0E442" ? "#9a8c00" : TYPE_COLOURS[b.type], size: 13 },
  }));
  const title = spec.title ?? { zh: "共同归类矩阵（按表1类型排序，红框为类型）", en: "Co-assignment matrix, ordered by Table 1's types (red boxes)" };
  const layout: Layout = {
    ...baseLayout({ title, height: spec.height ?? 820 }, lang),
    // square cells; the matrix keeps to the left so the type names fit on its right
    xaxis: { tickangle: -90, automargin: true, tickfont: { size: 11 }, showgrid: false, constrain: "domain", constraintoward: "left" },
    yaxis: { autorange: "reversed", automargin: true, tickfont: { size: 11 }, showgrid: false, scaleanchor: "x", constrain: "domain" },
    shapes,
    annotations,
    margin: { t: 60, r: 20, b: lang === "zh" ? 130 : 190, l: 70 },
  };
  return { data: [trace], layout, config: { ...DEFAULT_CONFIG } };
}

export interface StabilitySpec {
  provinces: readonly string[];
  /** sᵢ in [0, 1] */
  stability: readonly number[];
  /** colour of each bar (default: Table 1's type) */
  types?: readonly TypeZh[];
  /** fragility threshold, drawn as a dashed line */
  threshold?: number;
  title?: Text;
  height?: number;
}

/** Each province's stability as a horizontal bar, least stable at the top, coloured by type. */
export function stabilityBars(spec: StabilitySpec, lang: Lang = "zh"): Figure {
  const B = "stabilityBars";
  const n = spec.provinces.length;
  if (spec.stability.length !== n) fail(B, `${spec.stability.length} scores for ${n} provinces`);
  assertFinite(B, "stability", spec.stability, spec.provinces as string[]);
  const types = spec.types ?? paperTypesOf(spec.provinces);
  if (types.length !== n) fail(B, `${types.length} types for ${n} provinces`);
  types.forEach((t) => typeIndex(B, t));
  // least stable first; ties in the given order
  const order = spec.provinces.map((_, i) => i).sort((a, b) => spec.stability[a] - spec.stability[b] || a - b);
  const labels = order.map((i) => provinceLabel(spec.provinces[i], lang));
  const data: Trace[] = [];
  for (const t of TYPES) {
    const idx = order.filter((i) => types[i] === t.zh);
    if (idx.length === 0) continue;
    data.push({
      type: "bar",
      orientation: "h",
      name: typeLabel(t.zh, lang),
      y: idx.map((i) => provinceLabel(spec.provinces[i], lang)),
      x: idx.map((i) => spec.stability[i]),
      marker: { color: TYPE_COLOURS[t.zh], line: { color: "#555", width: 0.5 } },
      texttemplate: "%{x:.2f}",
      textposition: "outside",
      cliponaxis: false,
      hovertemplate: "%{y}: %{x:.3f}<extra>%{fullData.name}</extra>",
    });
  }
  const title = spec.title ?? { zh: "各省份归类稳定性（按表1类型着色）", en: "Stability of each province's cluster (colour: Table 1 type)" };
  const layout: Layout = {
    ...baseLayout({ title, height: spec.height ?? 260 + 20 * n, xTitle: { zh: "稳定性 sᵢ", en: "stability sᵢ" } }, lang),
    yaxis: { categoryorder: "array", categoryarray: labels, autorange: "reversed", automargin: true },
    barmode: "overlay",
    legend: { title: { text: lang === "zh" ? "表1类型" : "Table 1 type" } },
  };
  (layout.xaxis as Layout).range = [0, 1.08];
  if (spec.threshold !== undefined) {
    if (!(spec.threshold >= 0 && spec.threshold <= 1)) fail(B, `threshold ${spec.threshold} is outside [0, 1]`);
    layout.shapes = [{ type: "line", xref: "x", yref: "paper", x0: spec.threshold, x1: spec.threshold, y0: 0, y1: 1, line: { color: "#d62728", dash: "dash", width: 1.5 } }];
    layout.annotations = [
      {
        xref: "x",
        yref: "paper",
        x: spec.threshold,
        y: 1,
        yanchor: "bottom",
        text: `${lang === "zh" ? "脆弱阈值" : "fragility threshold"} ${spec.threshold}`,
        showarrow: false,
        font: { color: "#d62728" },
      },
    ];
  }
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

export interface HistogramSeries {
  name: Text;
  values: readonly number[];
}

/** Overlaid histograms of per-run ARIs (one series per comparison), bins of 0.05 on [−0.5, 1]. */
export function runAriHistogram(spec: { series: readonly HistogramSeries[]; title?: Text; height?: number }, lang: Lang = "zh"): Figure {
  const B = "runAriHistogram";
  if (spec.series.length === 0) fail(B, "no series");
  const data: Trace[] = spec.series.map((s) => {
    const name = pick(s.name, lang);
    if (s.values.length === 0) fail(B, `series "${name}" is empty`);
    assertFinite(B, `series "${name}"`, s.values);
    return { type: "histogram", name, x: [...s.values], opacity: 0.6, xbins: { start: -0.5, end: 1.0001, size: 0.05 }, hovertemplate: "ARI %{x}: %{y}<extra>%{fullData.name}</extra>" };
  });
  const title = spec.title ?? { zh: "每次重抽样的聚类与参照划分的一致性", en: "Agreement of each resampled clustering with a reference partition" };
  const layout: Layout = {
    ...baseLayout({ title, height: spec.height ?? 380, xTitle: { zh: "调整兰德指数 ARI", en: "adjusted Rand index" }, yTitle: { zh: "次数", en: "runs" } }, lang),
    barmode: "overlay",
  };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/** One cell of the sensitivity sweep, as the heatmaps need it (lib/typology/sensitivity.ts SensitivityCell fits). */
export interface SweepCell {
  featureSet: { id: string; zh: string; en: string };
  scaling: string;
  method: string;
  k: number;
  ari: number;
  ami: number;
  silhouette: number | null;
}

/** Short scaling names for the sweep's row labels. */
export const SCALING_SHORT: Readonly<Record<string, Bilingual>> = {
  z: { zh: "z 分数", en: "z" },
  minmax: { zh: "极差", en: "min–max" },
  logz: { zh: "对数 z", en: "log-z" },
};

export interface SensitivitySpec {
  cells: readonly SweepCell[];
  /** labels of methods (e.g. METHOD_LABELS) and scalings (default SCALING_SHORT); the id is shown otherwise */
  methodLabels?: Readonly<Record<string, Bilingual>>;
  scalingLabels?: Readonly<Record<string, Bilingual>>;
  /** the configuration the notebook uses, outlined */
  base?: { featureSetId: string; scaling: string; method: string; k: number };
  title?: Text;
  height?: number;
}

/**
 * ARI against Table 1 over k (columns) × feature set and scaling (rows), one panel per method, on one colour
 * scale; the base configuration outlined. Hover adds AMI and silhouette.
 */
export function sensitivityHeatmaps(spec: SensitivitySpec, lang: Lang = "zh"): Figure {
  const B = "sensitivityHeatmaps";
  if (spec.cells.length === 0) fail(B, "no cells");
  const methods = [...new Set(spec.cells.map((c) => c.method))];
  const rowKeys: string[] = [];
  const rowLabels: string[] = [];
  for (const c of spec.cells) {
    const key = `${c.featureSet.id}|${c.scaling}`;
    if (!rowKeys.includes(key)) {
      rowKeys.push(key);
      const sc = (spec.scalingLabels ?? SCALING_SHORT)[c.scaling];
      rowLabels.push(`${pick(c.featureSet, lang)} · ${sc ? pick(sc, lang) : c.scaling}`);
    }
  }
  const ks = [...new Set(spec.cells.map((c) => c.k))].sort((a, b) => a - b);
  const at = new Map(spec.cells.map((c) => [`${c.featureSet.id}|${c.scaling}|${c.method}|${c.k}`, c]));
  const aris = spec.cells.map((c) => c.ari);
  assertFinite(B, "ari", aris);
  const zmin = Math.min(0, ...aris);
  const zmax = Math.max(...aris);
  const w = 1 / methods.length;
  const gap = 0.02;
  const data: Trace[] = [];
  const layout: Layout = { ...baseLayout({ title: spec.title ?? { zh: "与表1一致性（ARI）对 k、特征、标准化和方法的敏感性", en: "Agreement with Table 1 (ARI) by k, features, scaling and method" }, height: spec.height ?? 200 + 30 * rowKeys.length }, lang) };
  const annotations: Layout[] = [];
  methods.forEach((m, p) => {
    const z: number[][] = [];
    const custom: (number | null)[][][] = [];
    for (const key of rowKeys) {
      const zr: number[] = [];
      const cr: (number | null)[][] = [];
      for (const k of ks) {
        const c = at.get(`${key}|${m}|${k}`);
        if (!c) fail(B, `no cell for ${key.replace("|", ", ")}, ${m}, k = ${k}`);
        zr.push(c.ari);
        cr.push([c.ami, c.silhouette]);
      }
      z.push(zr);
      custom.push(cr);
    }
    const ax = p === 0 ? "" : String(p + 1);
    data.push({
      type: "heatmap",
      xaxis: `x${ax}`,
      yaxis: `y${ax}`,
      x: ks,
      y: rowLabels,
      z,
      customdata: custom,
      zmin,
      zmax,
      colorscale: "Viridis",
      showscale: p === 0,
      colorbar: { title: { text: "ARI" }, thickness: 12 },
      texttemplate: "%{z:.2f}",
      textfont: { size: 9 },
      hovertemplate: `%{y}, k = %{x}<br>ARI %{z:.3f} · AMI %{customdata[0]:.3f} · ${lang === "zh" ? "轮廓系数" : "silhouette"} %{customdata[1]:.3f}<extra></extra>`,
    });
    layout[`xaxis${ax}`] = { domain: [p * w + (p ? gap : 0), (p + 1) * w - gap], title: { text: "k" }, dtick: 1, anchor: `y${ax}` };
    layout[`yaxis${ax}`] = { autorange: "reversed", automargin: true, anchor: `x${ax}`, showticklabels: p === 0, ...(p ? { matches: "y" } : {}) };
    const ml = spec.methodLabels?.[m];
    annotations.push({ xref: "paper", yref: "paper", x: p * w + w / 2, y: 1, yanchor: "bottom", text: `<b>${ml ? pick(ml, lang) : m}</b>`, showarrow: false });
    if (spec.base && spec.base.method === m) {
      const r = rowKeys.indexOf(`${spec.base.featureSetId}|${spec.base.scaling}`);
      const col = ks.indexOf(spec.base.k);
      if (r < 0 || col < 0) fail(B, `base configuration ${JSON.stringify(spec.base)} is not in the sweep`);
      layout.shapes = [
        { type: "rect", xref: `x${ax}`, yref: `y${ax}`, x0: spec.base.k - 0.5, x1: spec.base.k + 0.5, y0: r - 0.5, y1: r + 0.5, line: { color: "#d62728", width: 2.5 } },
      ];
    }
  });
  layout.annotations = annotations;
  layout.margin = { t: 80, r: 20, b: 60, l: 70 };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

export interface TypeColumn {
  name: Text;
  /** one Table 1 type (TypeZh) per province, checked; null: not assigned to any type */
  types: readonly (string | null)[];
}

/**
 * Provinces (rows, in the given order, or in Table 1's order of types with `byTable1Type`) × labellings (columns,
 * aligned with `provinces`), each cell coloured and labelled with its type: where Table 1, a consensus clustering and
 * each data edition put every province.
 */
export function typeGrid(
  spec: { provinces: readonly string[]; columns: readonly TypeColumn[]; title?: Text; height?: number; byTable1Type?: boolean },
  lang: Lang = "zh",
): Figure {
  const B = "typeGrid";
  const n = spec.provinces.length;
  if (spec.columns.length === 0) fail(B, "no columns");
  for (const c of spec.columns) if (c.types.length !== n) fail(B, `column "${pick(c.name, lang)}" has ${c.types.length} types for ${n} provinces`);
  // rows in Table 1's order of types (adcode order within a type) when asked, else as given
  const rowOrder = spec.byTable1Type ? orderByType(paperTypesOf(spec.provinces)).order : spec.provinces.map((_, i) => i);
  const K = TYPES.length;
  // stepped colour scale: type index t ↦ the band [t/K, (t+1)/K] with zmin −0.5, zmax K − 0.5
  const colorscale: [number, string][] = [];
  TYPES.forEach((t, i) => {
    colorscale.push([i / K, TYPE_COLOURS[t.zh]], [(i + 1) / K, TYPE_COLOURS[t.zh]]);
  });
  const z: (number | null)[][] = [];
  const text: string[][] = [];
  rowOrder.forEach((i) => {
    const zr: (number | null)[] = [];
    const tr: string[] = [];
    for (const c of spec.columns) {
      const t = c.types[i];
      zr.push(t === null ? null : typeIndex(B, t));
      tr.push(t === null ? "—" : typeLabel(t as TypeZh, lang));
    }
    z.push(zr);
    text.push(tr);
  });
  const trace: Trace = {
    type: "heatmap",
    x: spec.columns.map((c) => pick(c.name, lang)),
    y: rowOrder.map((i) => provinceLabel(spec.provinces[i], lang)),
    z,
    text,
    zmin: -0.5,
    zmax: K - 0.5,
    colorscale,
    showscale: false,
    xgap: 2,
    ygap: 1,
    texttemplate: "%{text}",
    textfont: { size: 10 },
    hovertemplate: "%{y} · %{x}: %{text}<extra></extra>",
  };
  const title = spec.title ?? { zh: "各省份的类型：表1与各种聚类", en: "Each province's type: Table 1 and the clusterings" };
  const layout: Layout = {
    ...baseLayout({ title, height: spec.height ?? 180 + 22 * n }, lang),
    xaxis: { side: "top", automargin: true, tickfont: { size: 11 } },
    yaxis: { autorange: "reversed", automargin: true },
    margin: { t: 110, r: 20, b: 20, l: 70 },
  };
  return { data: [trace], layout, config: { ...DEFAULT_CONFIG } };
}

export interface EditionScore {
  name: Text;
  /** ARI and AMI against Table 1, ARI against the paper edition's clustering */
  ari: number;
  ami: number;
  ariVsFirst: number;
}

/** Grouped bars: each data edition's agreement with Table 1 (ARI, AMI) and with the paper edition's clustering. */
export function editionScores(spec: { editions: readonly EditionScore[]; title?: Text; height?: number }, lang: Lang = "zh"): Figure {
  const B = "editionScores";
  if (spec.editions.length === 0) fail(B, "no editions");
  const cats = spec.editions.map((e) => pick(e.name, lang));
  const series: { name: Text; key: "ari" | "ami" | "ariVsFirst" }[] = [
    { name: { zh: "ARI（对表1）", en: "ARI vs Table 1" }, key: "ari" },
    { name: { zh: "AMI（对表1）", en: "AMI vs Table 1" }, key: "ami" },
    { name: { zh: "ARI（对论文口径的聚类）", en: "ARI vs the paper edition's clustering" }, key: "ariVsFirst" },
  ];
  const data: Trace[] = series.map((s) => {
    const values = spec.editions.map((e) => e[s.key]);
    assertFinite(B, pick(s.name, lang), values, cats);
    return { type: "bar", name: pick(s.name, lang), x: cats, y: values, texttemplate: "%{y:.2f}", textposition: "outside", cliponaxis: false };
  });
  const title = spec.title ?? { zh: "数据口径对聚类的影响", en: "How the data edition changes the clustering" };
  const layout: Layout = { ...baseLayout({ title, height: spec.height ?? 440, yTitle: { zh: "一致性", en: "agreement" } }, lang), barmode: "group" };
  (layout.yaxis as Layout).range = [Math.min(0, ...data.flatMap((t) => t.y as number[])), 1.1];
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/** Table 1's provinces in the order of the co-assignment heatmap (by type, adcode order within a type). */
export function provincesByType(): string[] {
  return orderByType(PROVINCES.map((p) => p.type)).order.map((i) => PROVINCES[i].zh);
}
