/**
 * The notebooks' key figures as steerable charts (lib/present/charts/steerable.ts): the parameter a notebook cell would
 * change becomes a slider or dropdown over precomputed states, so the report's reader can change it without a kernel.
 * - clusterMapByK: the clustering on a map of China beside its confusion matrix against Table 1, one state per k;
 * - indicatorMapByIndicator: one indicator by province on the map, one state per indicator;
 * - coassignmentByNoise: the co-assignment heatmap of notebook 05, one state per noise level;
 * - planeByYear: the provinces in a plane of two indicators, one state per year.
 * Pure functions of presentation-ready inputs (names already in the chosen language); bad input throws naming the
 * builder and the state.
 */
import { loadProvinceGeoJson, type ProvinceGeoJson } from "../../data/geo";
import { PROVINCES, province, TYPES, type TypeZh } from "../../paper/provinces";
import { featuresOf, indicatorMap, mapLayout, noDataTrace, OFFLINE_CONFIG } from "./choropleth";
import { TYPE_COLOURS } from "./typeStyle";
import { assertFinite, baseLayout, DEFAULT_CONFIG, type Figure } from "./plotly";
import { bilingual, pick, type Lang, type Text } from "../../core/text";
import { coassignmentHeatmap } from "./robustness";
import { steerable, type SteerableFigure, type SteerState } from "./steerable";

type Json = Record<string, unknown>;

function fail(builder: string, message: string): never {
  throw new Error(`${builder}: ${message}`);
}

/** A colorscale of k equal steps, step i in colours[i]; with zmin −0.5 and zmax k − 0.5, z = i takes colour i. */
export function steppedColorscale(colours: readonly string[]): [number, string][] {
  const k = colours.length;
  return colours.flatMap((c, i): [number, string][] => [
    [i / k, c],
    [(i + 1) / k, c],
  ]);
}

/** The confusion matrix's x axis: clusters, on top, below the map. */
const CONFUSION_XAXIS = { domain: [0.12, 0.85], anchor: "y", tickangle: -30, automargin: true, side: "top" } as const;

export interface ClusterMapState {
  /** on the slider, e.g. "k = 5" */
  label: Text;
  /** the figure's title in this state */
  title: string;
  /** cluster of each province (aligned with the spec's provinces), 0 … k − 1 */
  clusters: readonly number[];
  /** name and colour of each cluster 0 … k − 1 (e.g. "簇 1 → 外向型经济", the matched type's colour) */
  clusterNames: readonly string[];
  clusterColours: readonly string[];
  /** the confusion matrix: rows (Table 1's types), columns (clusters) and counts */
  confusion: { rows: readonly string[]; columns: readonly string[]; counts: readonly (readonly number[])[] };
}

export interface ClusterMapByKSpec {
  provinces: readonly string[];
  states: readonly ClusterMapState[];
  active?: number;
  /** what the slider steers */
  name: Text;
  height?: number;
  geojson?: ProvinceGeoJson;
}

/**
 * The clustering on the map (top; a province's colour is its cluster's, named after the type it matches) and the
 * confusion matrix (bottom; Table 1's types × clusters), switched together by one slider.
 */
export function clusterMapByK(spec: ClusterMapByKSpec, lang: Lang = "zh"): SteerableFigure {
  const B = "clusterMapByK";
  const geojson = spec.geojson ?? loadProvinceGeoJson();
  for (const p of spec.provinces) province(p);
  const present = PROVINCES.filter((p) => spec.provinces.includes(p.zh));
  const missing = PROVINCES.filter((p) => !spec.provinces.includes(p.zh)).map(({ adcode, zh, en }) => ({ adcode, zh, en }));
  const at = present.map((p) => spec.provinces.indexOf(p.zh));
  const label = lang === "zh" ? "表1" : "Table 1";
  const states: SteerState[] = spec.states.map((s, i) => {
    const k = s.clusterNames.length;
    if (s.clusters.length !== spec.provinces.length) fail(B, `state ${i}: ${s.clusters.length} clusters for ${spec.provinces.length} provinces`);
    if (s.clusterColours.length !== k) fail(B, `state ${i}: ${s.clusterColours.length} colours for ${k} clusters`);
    for (const c of s.clusters) if (!Number.isInteger(c) || c < 0 || c >= k) fail(B, `state ${i}: cluster ${c} is not one of 0 … ${k - 1}`);
    s.confusion.counts.forEach((row, r) => assertFinite(B, `state ${i} confusion row ${r}`, row));
    const map: Json = {
      z: at.map((j) => s.clusters[j]),
      zmin: -0.5,
      zmax: k - 0.5,
      colorscale: steppedColorscale(s.clusterColours),
      colorbar: { tickvals: s.clusterNames.map((_, c) => c), ticktext: [...s.clusterNames], thickness: 14, len: 0.5, y: 0.78, yanchor: "middle", x: 1, xanchor: "left" },
      text: present.map((p, m) => {
        const c = s.clusters[at[m]];
        return `${bilingual(p.zh, p.en, lang)}<br>${s.clusterNames[c]}<br>${label}: ${bilingual(p.type, TYPES.find((t) => t.zh === p.type)!.en, lang)}`;
      }),
    };
    const heat: Json = { x: [...s.confusion.columns], y: [...s.confusion.rows], z: s.confusion.counts.map((r) => [...r]), text: s.confusion.counts.map((r) => r.map(String)) };
    // the number of columns changes with k: each state sets the x axis's range (a frame's axis replaces the whole axis)
    const xaxis = { ...CONFUSION_XAXIS, range: [-0.5, s.confusion.columns.length - 0.5], autorange: false };
    return { label: s.label, data: [map, heat], layout: { title: { text: s.title, x: 0.5, xanchor: "center" }, xaxis } };
  });
  const first = states[spec.active ?? 0];
  if (!first) fail(B, "no states");
  const mapTrace: Json = {
    type: "choropleth",
    geo: "geo",
    name: lang === "zh" ? "聚类" : "clusters",
    showlegend: false,
    geojson: featuresOf(geojson, present.map((p) => p.adcode)),
    featureidkey: "properties.adcode",
    locations: present.map((p) => p.adcode),
    marker: { line: { color: "#ffffff", width: 0.6 } },
    hovertemplate: "%{text}<extra></extra>",
  };
  const heatTrace: Json = {
    type: "heatmap",
    xaxis: "x",
    yaxis: "y",
    // as lib/present/charts/clustering.ts confusionHeatmap: Plotly's "Blues" runs dark → light, reversed more is darker
    colorscale: "Blues",
    reversescale: true,
    zmin: 0,
    showscale: false,
    texttemplate: "%{text}",
    textfont: { size: 14 },
    hovertemplate: `${lang === "zh" ? "表1" : "Table 1"}: %{y}<br>%{x}: %{z}<extra></extra>`,
    xgap: 1,
    ygap: 1,
  };
  const noData = noDataTrace(geojson, missing, lang);
  const height = spec.height ?? 1000;
  const base: Figure = {
    data: [mapTrace, { ...noData, geo: "geo", showlegend: true }, heatTrace] as Figure["data"],
    layout: {
      ...mapLayout("", "", height),
      geo: { ...(mapLayout("", "", height).geo as Json), domain: { x: [0, 0.85], y: [0.5, 1] } },
      xaxis: { ...CONFUSION_XAXIS },
      yaxis: { domain: [0, 0.38], anchor: "x", autorange: "reversed", automargin: true },
      legend: { x: 1, xanchor: "left", y: 0.52, yanchor: "top" },
      margin: { l: 10, r: 10, t: 60, b: 20 },
    },
    config: { ...OFFLINE_CONFIG },
  };
  return steerable(base, { traces: [0, 2], states, control: "slider", name: spec.name, active: spec.active, below: 20 }, lang);
}

export interface IndicatorState {
  label: Text;
  /** the indicator's name as the reader should see it (title and colour bar) */
  title: string;
  values: Readonly<Record<string, number>>;
  unit?: string;
}

/** One indicator by province on the map (lib/present/charts/choropleth.ts indicatorMap), switched by a dropdown. */
export function indicatorMapByIndicator(spec: { states: readonly IndicatorState[]; active?: number; name: Text; height?: number; geojson?: ProvinceGeoJson }, lang: Lang = "zh"): SteerableFigure {
  const B = "indicatorMapByIndicator";
  const geojson = spec.geojson ?? loadProvinceGeoJson();
  const figures = spec.states.map((s) => indicatorMap(s.values, { title: s.title, unit: s.unit, lang, height: spec.height, geojson }));
  const active = spec.active ?? 0;
  const base = figures[active];
  if (!base) fail(B, "no states");
  const locations = JSON.stringify(base.data[0].locations);
  const states: SteerState[] = figures.map((f, i) => {
    const t = f.data[0];
    if (JSON.stringify(t.locations) !== locations) fail(B, `state ${i} (${spec.states[i].title}) has other provinces than state ${active}`);
    return { label: spec.states[i].label, data: [{ z: t.z, text: t.text, colorbar: t.colorbar, name: t.name }], layout: { title: f.layout.title } };
  });
  return steerable(base as Figure, { traces: [0], states, control: "dropdown", name: spec.name, active }, lang);
}

export interface CoassignmentState {
  label: Text;
  title: Text;
  /** n × n co-assignment fractions, provinces as in the spec */
  coassignment: readonly (readonly number[])[];
}

/** The co-assignment heatmap (lib/present/charts/robustness.ts coassignmentHeatmap), one state per noise level, on a slider. */
export function coassignmentByNoise(spec: { provinces: readonly string[]; states: readonly CoassignmentState[]; active?: number; name: Text; height?: number }, lang: Lang = "zh"): SteerableFigure {
  const figures = spec.states.map((s) => coassignmentHeatmap({ provinces: spec.provinces, coassignment: s.coassignment, title: s.title, height: spec.height }, lang));
  const active = spec.active ?? 0;
  if (!figures[active]) fail("coassignmentByNoise", "no states");
  const states: SteerState[] = figures.map((f, i) => ({ label: spec.states[i].label, data: [{ z: f.data[0].z }], layout: { title: f.layout.title } }));
  // under the matrix: the rotated province names and the colour bar
  return steerable(figures[active], { traces: [0], states, control: "slider", name: spec.name, active, below: lang === "zh" ? 200 : 260 }, lang);
}

export interface PlanePoint {
  province: string;
  /** null: not comparable or not recorded that year (left out, named in the note) */
  x: number | null;
  y: number | null;
}

export interface PlaneState {
  label: Text;
  title: Text;
  points: readonly PlanePoint[];
}

export interface PlaneByYearSpec {
  states: readonly PlaneState[];
  xTitle: Text;
  yTitle: Text;
  logX?: boolean;
  logY?: boolean;
  active?: number;
  name: Text;
  height?: number;
}

/**
 * Provinces as points in a plane of two indicators, one trace per Table 1 type (its colour), labelled; the axes fixed
 * over all states so that a move between states is a move on the page. Points without a value are left out and
 * named under the plot.
 */
export function planeByYear(spec: PlaneByYearSpec, lang: Lang = "zh"): SteerableFigure {
  const B = "planeByYear";
  if (spec.states.length === 0) fail(B, "no states");
  const all = spec.states.flatMap((s) => s.points);
  for (const p of all) {
    for (const v of [p.x, p.y]) if (v !== null && !Number.isFinite(v)) fail(B, `${p.province}: ${v} is not a number`);
    if ((spec.logX && p.x !== null && p.x <= 0) || (spec.logY && p.y !== null && p.y <= 0)) fail(B, `${p.province}: a value ≤ 0 cannot sit on a log axis`);
  }
  const range = (vs: number[], log: boolean | undefined): [number, number] => {
    const t = vs.map((v) => (log ? Math.log10(v) : v));
    const lo = Math.min(...t);
    const hi = Math.max(...t);
    const pad = (hi - lo) * 0.06 || 0.5;
    return [lo - pad, hi + pad];
  };
  const xs = all.filter((p) => p.x !== null && p.y !== null).map((p) => p.x!);
  const ys = all.filter((p) => p.x !== null && p.y !== null).map((p) => p.y!);
  if (xs.length === 0) fail(B, "no point has both values");
  // a type with no province in any state gets no trace; one empty in some state gets a single null point there, so
  // that its trace is still drawn (a trace without points is not, and the figure would lose it)
  const types = TYPES.map((t) => t.zh as TypeZh).filter((t) => all.some((p) => p.x !== null && p.y !== null && province(p.province).type === t));
  const states: SteerState[] = spec.states.map((s) => {
    const shown = s.points.filter((p) => p.x !== null && p.y !== null);
    const left = s.points.filter((p) => p.x === null || p.y === null).map((p) => (lang === "zh" ? p.province : province(p.province).en));
    const data = types.map((t) => {
      const pts = shown.filter((p) => province(p.province).type === t);
      if (pts.length === 0) return { x: [null], y: [null], text: [""] };
      return { x: pts.map((p) => p.x), y: pts.map((p) => p.y), text: pts.map((p) => (lang === "zh" ? p.province : province(p.province).en)) };
    });
    const note = left.length ? (lang === "zh" ? `未画出（该年无值或不可比）：${left.join("、")}` : `Not drawn (no comparable value that year): ${left.join(", ")}`) : "";
    return {
      label: s.label,
      data,
      layout: { title: { text: pick(s.title, lang) }, annotations: [{ text: note, xref: "paper", yref: "paper", x: 0, y: 0, yshift: -62, xanchor: "left", yanchor: "top", showarrow: false, font: { size: 11, color: "#656d76" } }] },
    };
  });
  const traces = types.map((t) => ({
    type: "scatter",
    mode: "markers+text",
    name: bilingual(t, TYPES.find((x) => x.zh === t)!.en, lang),
    textposition: "top center",
    textfont: { size: 10 },
    marker: { color: TYPE_COLOURS[t], size: 10, line: { color: "#333", width: 0.5 } },
    hovertemplate: `%{text}<br>%{x:.1f}, %{y:.1f}<extra>${bilingual(t, TYPES.find((x) => x.zh === t)!.en, lang)}</extra>`,
  }));
  const layout = baseLayout({ title: spec.states[0].title, xTitle: spec.xTitle, yTitle: spec.yTitle, height: spec.height ?? 640 }, lang);
  layout.xaxis = { ...(layout.xaxis as Json), type: spec.logX ? "log" : "linear", range: range(xs, spec.logX) };
  layout.yaxis = { ...(layout.yaxis as Json), type: spec.logY ? "log" : "linear", range: range(ys, spec.logY) };
  layout.margin = { t: 60, r: 20, b: 110, l: 70 };
  // under the plot: the axis and the note of points left out
  return steerable({ data: traces, layout, config: { ...DEFAULT_CONFIG } }, { traces: types.map((_, i) => i), states, control: "slider", name: spec.name, active: spec.active, below: 100 }, lang);
}
