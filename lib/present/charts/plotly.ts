/**
 * Plotly figures as plain JSON: chart builders are pure functions from data to `{ data, layout, config }`,
 * so they are tested without a browser and rendered by lib/present/display.ts (`show(fig)`).
 *
 * Every label a reader sees is a `Text`: a string, or `{ zh, en }` picked by the notebook's LANG parameter.
 * Builders for the paper's specific charts belong to the notebooks' modules; the generic ones here are
 * bar, groupedBar, stackedBar, scatter (with point labels) and heatmap.
 *
 * Bad input (mismatched lengths, NaN or ±Infinity) throws one error naming the builder, the series and the position:
 * Plotly would silently draw a gap.
 */

import { pick, type Lang, type Text } from "../../core/text";

/** One Plotly trace (https://plotly.com/javascript/reference/), e.g. `{ type: "bar", x, y }`. */
export interface Trace {
  type: string;
  [attribute: string]: unknown;
}

export interface Layout {
  [attribute: string]: unknown;
}

export interface Config {
  [attribute: string]: unknown;
}

export interface Figure {
  data: Trace[];
  layout: Layout;
  config?: Config;
}

/** What every builder accepts besides its data. */
export interface ChartText {
  title: Text;
  xTitle?: Text;
  yTitle?: Text;
  /** pixels; width follows the page */
  height?: number;
}

/** A named series of values, one per category. */
export interface Series {
  name: Text;
  values: readonly number[];
}

// CJK fonts first so that Chinese labels do not fall back to a serif face
const FONT_FAMILY = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif';

/** The layout every builder starts from. */
export function baseLayout(text: ChartText, lang: Lang): Layout {
  const layout: Layout = {
    title: { text: pick(text.title, lang) },
    font: { family: FONT_FAMILY, size: 13 },
    height: text.height ?? 460,
    margin: { t: 60, r: 20, b: 80, l: 70 },
    hovermode: "closest",
  };
  if (text.xTitle !== undefined) layout.xaxis = { title: { text: pick(text.xTitle, lang) }, automargin: true };
  if (text.yTitle !== undefined) layout.yaxis = { title: { text: pick(text.yTitle, lang) }, automargin: true };
  return layout;
}

/** Interactive defaults: zoom, hover and the mode bar stay; no Plotly logo, no cloud link, resizes with the page. */
export const DEFAULT_CONFIG: Config = { responsive: true, displaylogo: false, showLink: false };

function fail(builder: string, message: string): never {
  throw new Error(`${builder}: ${message}`);
}

/** Throws unless every value is a finite number; names the series and position otherwise. */
export function assertFinite(builder: string, what: string, values: readonly number[], labels?: readonly string[]): void {
  values.forEach((v, i) => {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      const at = labels?.[i] !== undefined ? ` (${labels[i]})` : "";
      fail(builder, `${what}[${i}]${at} is ${String(v)}, not a finite number`);
    }
  });
}

function assertLength(builder: string, what: string, actual: number, expected: number): void {
  if (actual !== expected) fail(builder, `${what} has ${actual} values for ${expected} categories`);
}

function seriesTraces(builder: string, categories: readonly Text[], series: readonly Series[], lang: Lang, horizontal: boolean): Trace[] {
  if (series.length === 0) fail(builder, "no series");
  const cats = categories.map((c) => pick(c, lang));
  return series.map((s) => {
    const name = pick(s.name, lang);
    assertLength(builder, `series "${name}"`, s.values.length, cats.length);
    assertFinite(builder, `series "${name}"`, s.values, cats);
    return horizontal
      ? { type: "bar", orientation: "h", name, y: cats, x: [...s.values] }
      : { type: "bar", name, x: cats, y: [...s.values] };
  });
}

export interface BarSpec extends ChartText {
  categories: readonly Text[];
  values: readonly number[];
  /** name in the hover label and legend */
  name?: Text;
  /** bars along the y axis: long province names stay readable */
  horizontal?: boolean;
}

/** One bar per category. */
export function bar(spec: BarSpec, lang: Lang = "zh"): Figure {
  const data = seriesTraces("bar", spec.categories, [{ name: spec.name ?? spec.title, values: spec.values }], lang, spec.horizontal ?? false);
  return { data, layout: { ...baseLayout(spec, lang), showlegend: false }, config: { ...DEFAULT_CONFIG } };
}

export interface MultiBarSpec extends ChartText {
  categories: readonly Text[];
  series: readonly Series[];
  horizontal?: boolean;
}

/** Bars of several series side by side in each category; click a legend entry to hide a series. */
export function groupedBar(spec: MultiBarSpec, lang: Lang = "zh"): Figure {
  const data = seriesTraces("groupedBar", spec.categories, spec.series, lang, spec.horizontal ?? false);
  return { data, layout: { ...baseLayout(spec, lang), barmode: "group" }, config: { ...DEFAULT_CONFIG } };
}

export interface StackedBarSpec extends MultiBarSpec {
  /** stack shares of each category's total (percent) instead of values */
  percent?: boolean;
}

/** Series stacked in each category, e.g. a province's outflow split by destination. */
export function stackedBar(spec: StackedBarSpec, lang: Lang = "zh"): Figure {
  const data = seriesTraces("stackedBar", spec.categories, spec.series, lang, spec.horizontal ?? false);
  const layout: Layout = { ...baseLayout(spec, lang), barmode: "stack" };
  if (spec.percent) layout.barnorm = "percent";
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

export interface Point {
  x: number;
  y: number;
  /** printed beside the marker and in the hover label, e.g. the province */
  label?: Text;
  /** points of one group form one trace (one legend entry, one colour) */
  group?: Text;
}

export interface ScatterSpec extends ChartText {
  points: readonly Point[];
  /** print labels beside markers (default true); hover shows them either way */
  showLabels?: boolean;
}

/** Points with labels, one trace per group in first-seen order. */
export function scatter(spec: ScatterSpec, lang: Lang = "zh"): Figure {
  if (spec.points.length === 0) fail("scatter", "no points");
  const labels = spec.points.map((p) => (p.label === undefined ? "" : pick(p.label, lang)));
  assertFinite("scatter", "x", spec.points.map((p) => p.x), labels);
  assertFinite("scatter", "y", spec.points.map((p) => p.y), labels);
  const groups = new Map<string, number[]>();
  spec.points.forEach((p, i) => {
    const g = p.group === undefined ? "" : pick(p.group, lang);
    const members = groups.get(g);
    if (members) members.push(i);
    else groups.set(g, [i]);
  });
  const showLabels = spec.showLabels ?? true;
  const data: Trace[] = [...groups].map(([name, idx]) => ({
    type: "scatter",
    mode: showLabels ? "markers+text" : "markers",
    name,
    x: idx.map((i) => spec.points[i].x),
    y: idx.map((i) => spec.points[i].y),
    text: idx.map((i) => labels[i]),
    textposition: "top center",
    hovertemplate: "%{text}<br>%{x}, %{y}<extra>%{fullData.name}</extra>",
    marker: { size: 9 },
  }));
  const layout: Layout = { ...baseLayout(spec, lang), showlegend: groups.size > 1 };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

export interface HeatmapSpec extends ChartText {
  rows: readonly Text[];
  columns: readonly Text[];
  /** z[row][column] */
  z: readonly (readonly number[])[];
  colorbarTitle?: Text;
  /** a diverging scale centred on 0 (e.g. correlations) instead of a sequential one */
  diverging?: boolean;
}

/** A matrix as coloured cells, first row at the top. */
export function heatmap(spec: HeatmapSpec, lang: Lang = "zh"): Figure {
  const rows = spec.rows.map((r) => pick(r, lang));
  const columns = spec.columns.map((c) => pick(c, lang));
  if (spec.z.length !== rows.length) fail("heatmap", `z has ${spec.z.length} rows for ${rows.length} row labels`);
  spec.z.forEach((row, i) => {
    if (row.length !== columns.length) fail("heatmap", `z[${i}] (${rows[i]}) has ${row.length} values for ${columns.length} columns`);
    assertFinite("heatmap", `z[${i}]`, row, columns);
  });
  const trace: Trace = {
    type: "heatmap",
    x: columns,
    y: rows,
    z: spec.z.map((row) => [...row]),
    colorscale: spec.diverging ? "RdBu" : "Viridis",
    hovertemplate: "%{y} · %{x}: %{z}<extra></extra>",
  };
  if (spec.diverging) {
    const m = Math.max(...spec.z.flat().map(Math.abs));
    Object.assign(trace, { zmid: 0, zmin: -m, zmax: m, reversescale: true });
  }
  if (spec.colorbarTitle !== undefined) trace.colorbar = { title: { text: pick(spec.colorbarTitle, lang) } };
  const layout = baseLayout(spec, lang);
  layout.yaxis = { ...((layout.yaxis as object | undefined) ?? {}), autorange: "reversed", automargin: true };
  return { data: [trace], layout, config: { ...DEFAULT_CONFIG } };
}
