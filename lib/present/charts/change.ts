/**
 * Charts of change over time (notebook 03): slope charts, arrows in the 外贸依存度 × 内贸依存度 plane, Sankey diagrams
 * of type migration, and the paper's quoted figures beside the tables' values. Pure functions from data to Plotly
 * figure JSON (lib/present/charts/plotly.ts conventions: every label a `Text`, bad numbers throw naming the series).
 *
 * Flagged values (a misrecorded foreign/domestic split, lib/indicators/flags.ts) are drawn, never dropped silently:
 * hollow markers in slope charts and in the quoted-vs-computed chart; in the plane, a province whose start or end point
 * is not comparable gets no arrow and is named in the footnote.
 */
import type { RatioColumn } from "../../paper/columns";
import { COLUMN_LABELS } from "../../paper/columns";
import { NOT_CLASSIFIED, sankeyFlows, type SankeyLink, type SankeyNode, type Stage } from "../../typology/migration";
import { province, TYPES, type TypeZh } from "../../paper/provinces";
import type { ComparisonSeries } from "../../checks/quotedComparison";
import { isComparable, type IndicatorRow } from "../../indicators/timeseries";
import { NO_DATA_COLOUR, TYPE_COLOURS } from "./choropleth";
import { DEFAULT_CONFIG, baseLayout, type ChartText, type Figure, type Layout, type Trace } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";

function fail(builder: string, message: string): never {
  throw new Error(`${builder}: ${message}`);
}

function checkValue(builder: string, what: string, v: number | null): void {
  if (v !== null && (typeof v !== "number" || !Number.isFinite(v))) fail(builder, `${what} is ${String(v)}, not a finite number or null`);
}

/** The colour of a type (Table 1 order), grey for anything else. */
export function typeColour(type: string): string {
  return (TYPE_COLOURS as Record<string, string>)[type] ?? NO_DATA_COLOUR;
}

/** Type label in the chart language. */
export function typeLabel(type: string): Text {
  const t = TYPES.find((x) => x.zh === type);
  if (t) return { zh: t.zh, en: t.en };
  if (type === NOT_CLASSIFIED.zh) return { ...NOT_CLASSIFIED };
  return type;
}

/** Break a footnote into lines of at most `width` characters (CJK characters count double), at spaces where possible. */
export function wrapText(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  let w = 0;
  const cw = (ch: string) => (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1);
  for (const word of text.split(/(?<=[ ，。；、：])/)) {
    const ww = [...word].reduce((a, ch) => a + cw(ch), 0);
    if (w + ww > width && line !== "") {
      out.push(line.trimEnd());
      line = "";
      w = 0;
    }
    // a single word longer than the line is cut
    for (const ch of word) {
      if (w + cw(ch) > width && line !== "") {
        out.push(line.trimEnd());
        line = "";
        w = 0;
      }
      line += ch;
      w += cw(ch);
    }
  }
  if (line.trim() !== "") out.push(line.trimEnd());
  return out;
}

/** Display width in character cells: CJK characters count double. */
export function textWidth(text: string): number {
  return [...text].reduce((a, ch) => a + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
}

const FOOTNOTE_WIDTH = 130;
const FOOTNOTE_LINE_PX = 15;

/** A footnote under the plot: `below` pixels under the bottom of the plotting area; returns it and the margin it needs. */
function footnote(text: Text, lang: Lang, below: number): { annotation: Record<string, unknown>; margin: number } {
  const lines = wrapText(pick(text, lang), FOOTNOTE_WIDTH);
  return {
    annotation: {
      text: lines.join("<br>"),
      xref: "paper",
      yref: "paper",
      x: 0,
      y: 0,
      yshift: -below,
      xanchor: "left",
      yanchor: "top",
      showarrow: false,
      align: "left",
      font: { size: 11, color: "#555" },
    },
    margin: below + lines.length * FOOTNOTE_LINE_PX + 20,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Slope charts

export interface SlopeLine {
  label: Text;
  /** legend entry and colour group, e.g. the province's type */
  group?: Text;
  colour?: string;
  /** one value per year; null leaves a gap */
  values: readonly (number | null)[];
  /** per year: draw that point hollow (value not comparable) */
  hollow?: readonly boolean[];
}

export interface SlopePanel {
  title: Text;
  yTitle?: Text;
  lines: readonly SlopeLine[];
  logY?: boolean;
}

export interface SlopeSpec extends ChartText {
  years: readonly (number | string)[];
  panels: readonly SlopePanel[];
  footnote?: Text;
}

/** Side-by-side slope charts: one line per item from year to year, labelled at its last point. */
export function slopeChart(spec: SlopeSpec, lang: Lang = "zh"): Figure {
  const B = "slopeChart";
  if (spec.years.length < 2) fail(B, "need at least two years");
  if (spec.panels.length === 0) fail(B, "no panels");
  const xs = spec.years.map(String);
  const n = spec.panels.length;
  // room right of the last year for the end labels: a label of L character widths (CJK double) at ~5.5 px each needs
  // pad · W / (years − 1 + pad + 0.3) ≥ 5.5 L px in a panel of W ≈ 560 / panels px (a page ~900 px wide, less the legend)
  const longest = Math.max(0, ...spec.panels.flatMap((p) => p.lines.map((l) => textWidth(pick(l.label, lang)))));
  const panelPx = 560 / spec.panels.length;
  const need = 5.5 * longest;
  const pad = Math.min(3, Math.max(0.6, (need * (xs.length - 0.7)) / Math.max(panelPx - need, 60)));
  const gap = 0.1;
  const width = (1 - gap * (n - 1)) / n;
  const layout: Layout = { ...baseLayout({ ...spec, xTitle: undefined, yTitle: undefined }, lang), showlegend: true, legend: { x: 1.02, xanchor: "left", y: 1, tracegroupgap: 2 } };
  const annotations: Record<string, unknown>[] = [];
  const data: Trace[] = [];
  const legend = new Map<string, string>(); // group → colour, first-seen order
  spec.panels.forEach((panel, p) => {
    const ax = p === 0 ? "" : String(p + 1);
    const x0 = p * (width + gap);
    layout[`xaxis${ax}`] = { domain: [x0, x0 + width], type: "category", range: [-0.3, xs.length - 1 + pad], anchor: `y${ax}` };
    layout[`yaxis${ax}`] = {
      anchor: `x${ax}`,
      type: panel.logY ? "log" : "linear",
      title: panel.yTitle === undefined ? undefined : { text: pick(panel.yTitle, lang) },
      automargin: true,
    };
    annotations.push({ text: `<b>${pick(panel.title, lang)}</b>`, xref: "paper", yref: "paper", x: x0 + width / 2, y: 1.02, xanchor: "center", yanchor: "bottom", showarrow: false });
    for (const line of panel.lines) {
      const label = pick(line.label, lang);
      if (line.values.length !== xs.length) fail(B, `line "${label}" has ${line.values.length} values for ${xs.length} years`);
      line.values.forEach((v, i) => checkValue(B, `line "${label}" value ${i} (${xs[i]})`, v));
      if (line.hollow && line.hollow.length !== xs.length) fail(B, `line "${label}" has ${line.hollow.length} hollow flags for ${xs.length} years`);
      const last = line.values.reduce<number>((k, v, i) => (v === null ? k : i), -1);
      const group = line.group === undefined ? label : pick(line.group, lang);
      const colour = line.colour ?? "#444";
      data.push({
        type: "scatter",
        mode: "lines+markers+text",
        name: group,
        legendgroup: group,
        showlegend: false,
        xaxis: `x${ax}`,
        yaxis: `y${ax}`,
        x: xs,
        y: [...line.values],
        connectgaps: false,
        text: line.values.map((_, i) => (i === last ? label : "")),
        textposition: "middle right",
        textfont: { size: 10, color: colour },
        cliponaxis: false,
        line: { color: colour, width: 1.5 },
        marker: {
          color: colour,
          size: 8,
          symbol: line.values.map((_, i) => (line.hollow?.[i] ? "circle-open" : "circle")),
          line: { color: colour, width: 1.5 },
        },
        customdata: line.values.map(() => label),
        hovertemplate: `%{customdata}<br>%{x}: %{y:.1f}<extra>${group}</extra>`,
      });
      if (!legend.has(group)) legend.set(group, colour);
    }
  });
  // one legend entry per group, drawn solid (the first line of a group may start with a hollow point)
  for (const [group, colour] of legend)
    data.push({ type: "scatter", mode: "lines+markers", name: group, legendgroup: group, x: [null], y: [null], line: { color: colour }, marker: { color: colour, size: 8 }, hoverinfo: "skip" });
  let bottom = 50;
  if (spec.footnote !== undefined) {
    const f = footnote(spec.footnote, lang, 35);
    annotations.push(f.annotation);
    bottom = f.margin;
  }
  layout.annotations = annotations;
  layout.margin = { t: 80, r: 30, b: bottom, l: 70 };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/** Text of an indicator label. */
export function indicatorLabel(indicator: RatioColumn): Text {
  return { ...COLUMN_LABELS[indicator] };
}

export interface IndicatorSlopeOptions {
  indicators: readonly RatioColumn[];
  years: readonly number[];
  title: Text;
  footnote?: Text;
  logY?: boolean;
  height?: number;
  /** colour of each unit: the province's Table 1 type (default) or the unit itself when it is a type */
  colourBy?: "province-type" | "unit-type";
}

/**
 * Slope charts of `indicators` (one panel each) over `years`, one line per unit in `rows` (provinces, or groups
 * from groupSeries); points whose value is not comparable are hollow.
 */
export function indicatorSlopes(rows: readonly IndicatorRow[], options: IndicatorSlopeOptions, lang: Lang = "zh"): Figure {
  const typeRank = (u: string) => {
    const t = typeOfUnit(u);
    return t === null ? -1 : TYPES.findIndex((x) => x.zh === t);
  };
  const firstSeen = [...new Set(rows.map((r) => r.unit_zh))];
  const units = [...firstSeen].sort((a, b) => typeRank(a) - typeRank(b) || firstSeen.indexOf(a) - firstSeen.indexOf(b));
  function typeOfUnit(u: string): TypeZh | null {
    return options.colourBy === "unit-type" ? ((TYPES.find((t) => t.zh === u)?.zh as TypeZh | undefined) ?? null) : province(u).type;
  }
  const panels: SlopePanel[] = options.indicators.map((ind) => ({
    title: indicatorLabel(ind),
    yTitle: "%",
    logY: options.logY,
    lines: units.map((u) => {
      const row = (y: number) => rows.find((r) => r.unit_zh === u && r.year === y);
      const t = typeOfUnit(u);
      const first = rows.find((r) => r.unit_zh === u)!;
      return {
        label: { zh: u, en: first.unit_en },
        group: t ? typeLabel(t) : { zh: u, en: first.unit_en },
        colour: t ? typeColour(t) : "#444",
        values: options.years.map((y) => {
          const r = row(y);
          const v = r ? r[ind] : null;
          // a log axis cannot show 0 (a flow recorded as zero): leave a gap, the point is flagged anyway
          return v !== null && options.logY && v <= 0 ? null : v;
        }),
        hollow: options.years.map((y) => {
          const r = row(y);
          return !!r && !isComparable(r, ind);
        }),
      };
    }),
  }));
  return slopeChart({ title: options.title, years: options.years, panels, footnote: options.footnote, height: options.height ?? 620 }, lang);
}

// ---------------------------------------------------------------------------------------------------------------
// Arrows in a plane

export interface ArrowItem {
  label: Text;
  group?: Text;
  colour?: string;
  /** start (earlier year); null: no arrow, only the end point */
  from: { x: number; y: number } | null;
  to: { x: number; y: number };
}

export interface ArrowPlaneSpec extends ChartText {
  items: readonly ArrowItem[];
  fromName: Text;
  toName: Text;
  logX?: boolean;
  logY?: boolean;
  /** dashed reference lines, e.g. the national values of the later year */
  reference?: { x?: number; y?: number; label?: Text };
  footnote?: Text;
}

/** Each item's move from `from` to `to` as an arrow; the end points labelled, the starts as small open circles. */
export function arrowPlane(spec: ArrowPlaneSpec, lang: Lang = "zh"): Figure {
  const B = "arrowPlane";
  if (spec.items.length === 0) fail(B, "no items");
  const ax = (v: number, log: boolean | undefined, what: string) => {
    checkValue(B, what, v);
    if (log && !(v > 0)) fail(B, `${what} is ${v}; a log axis needs positive values`);
    return log ? Math.log10(v) : v; // annotations on a log axis take log10 coordinates
  };
  const groups = new Map<string, { colour: string; idx: number[] }>();
  spec.items.forEach((it, i) => {
    const label = pick(it.label, lang);
    ax(it.to.x, spec.logX, `${label} end x`);
    ax(it.to.y, spec.logY, `${label} end y`);
    if (it.from) {
      ax(it.from.x, spec.logX, `${label} start x`);
      ax(it.from.y, spec.logY, `${label} start y`);
    }
    const g = it.group === undefined ? "" : pick(it.group, lang);
    const entry = groups.get(g) ?? { colour: it.colour ?? "#444", idx: [] };
    entry.idx.push(i);
    groups.set(g, entry);
  });
  const starts = spec.items.filter((it) => it.from);
  const fromName = pick(spec.fromName, lang);
  const toName = pick(spec.toName, lang);
  const data: Trace[] = [
    {
      type: "scatter",
      mode: "markers",
      name: fromName,
      x: starts.map((it) => it.from!.x),
      y: starts.map((it) => it.from!.y),
      text: starts.map((it) => pick(it.label, lang)),
      marker: { symbol: "circle-open", size: 7, color: "#888" },
      hovertemplate: `%{text} ${fromName}<br>%{x:.1f}, %{y:.1f}<extra></extra>`,
    },
    ...[...groups].map(([name, g]) => ({
      type: "scatter",
      mode: "markers+text",
      name: name === "" ? toName : name,
      x: g.idx.map((i) => spec.items[i].to.x),
      y: g.idx.map((i) => spec.items[i].to.y),
      text: g.idx.map((i) => pick(spec.items[i].label, lang)),
      textposition: "top center",
      textfont: { size: 10 },
      marker: { size: 9, color: g.colour },
      hovertemplate: `%{text} ${toName}<br>%{x:.1f}, %{y:.1f}<extra>${name}</extra>`,
    })),
  ];
  const annotations: Record<string, unknown>[] = starts.map((it) => ({
    x: ax(it.to.x, spec.logX, ""),
    y: ax(it.to.y, spec.logY, ""),
    ax: ax(it.from!.x, spec.logX, ""),
    ay: ax(it.from!.y, spec.logY, ""),
    xref: "x",
    yref: "y",
    axref: "x",
    ayref: "y",
    text: "",
    showarrow: true,
    arrowhead: 2,
    arrowsize: 1,
    arrowwidth: 1.3,
    standoff: 4,
    arrowcolor: it.colour ?? "#444",
    opacity: 0.8,
  }));
  let bottom = 70;
  if (spec.footnote !== undefined) {
    const f = footnote(spec.footnote, lang, 60);
    annotations.push(f.annotation);
    bottom = f.margin;
  }
  const layout: Layout = baseLayout(spec, lang);
  layout.xaxis = { ...((layout.xaxis as object) ?? {}), type: spec.logX ? "log" : "linear", automargin: true };
  layout.yaxis = { ...((layout.yaxis as object) ?? {}), type: spec.logY ? "log" : "linear", automargin: true };
  layout.annotations = annotations;
  layout.showlegend = true;
  layout.legend = { x: 1.01, xanchor: "left", y: 1 };
  layout.margin = { t: 60, r: 20, b: bottom, l: 70 };
  const shapes: Record<string, unknown>[] = [];
  if (spec.reference?.x !== undefined)
    shapes.push({ type: "line", xref: "x", yref: "paper", x0: spec.reference.x, x1: spec.reference.x, y0: 0, y1: 1, line: { dash: "dash", color: "#999", width: 1 } });
  if (spec.reference?.y !== undefined)
    shapes.push({ type: "line", xref: "paper", yref: "y", x0: 0, x1: 1, y0: spec.reference.y, y1: spec.reference.y, line: { dash: "dash", color: "#999", width: 1 } });
  if (shapes.length) layout.shapes = shapes;
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/**
 * The provinces' moves in the 外贸依存度 × 内贸依存度 plane from one year to another (log axes: the dependences span
 * two orders of magnitude). A province whose start or end is not comparable gets no arrow and is named in the footnote.
 */
export function dependencePlane(rows: readonly IndicatorRow[], fromYear: number, toYear: number, options: { title: Text; national?: IndicatorRow; height?: number }, lang: Lang = "zh"): Figure {
  const items: ArrowItem[] = [];
  const noArrow: string[] = [];
  for (const r of rows.filter((x) => x.year === toYear)) {
    const a = rows.find((x) => x.year === fromYear && x.unit_zh === r.unit_zh);
    if (!isComparable(r, "ftd") || !isComparable(r, "dtd")) fail("dependencePlane", `${toYear} ${r.unit_zh} is not comparable: cannot be an end point`);
    const t = province(r.unit_zh).type;
    const ok = !!a && isComparable(a, "ftd") && isComparable(a, "dtd") && a.ftd! > 0 && a.dtd! > 0;
    if (!ok) noArrow.push(pick({ zh: r.unit_zh, en: r.unit_en }, lang));
    items.push({
      label: { zh: r.unit_zh, en: r.unit_en },
      group: typeLabel(t),
      colour: typeColour(t),
      from: ok ? { x: a!.ftd!, y: a!.dtd! } : null,
      to: { x: r.ftd!, y: r.dtd! },
    });
  }
  const footnote = noArrow.length
    ? {
        zh: `无箭头：${noArrow.join("、")}——${fromYear}年外贸/内贸划分不可比（流量记录为0或缺表），只画${toYear}年位置。虚线：${toYear}年全国值。`,
        en: `No arrow: ${noArrow.join(", ")} — the ${fromYear} foreign/domestic split is not comparable (flows recorded as zero, or no table); only the ${toYear} position is drawn. Dashed lines: national values of ${toYear}.`,
      }
    : undefined;
  return arrowPlane(
    {
      title: options.title,
      xTitle: { zh: "外贸依存度（%，对数轴）", en: "Foreign-trade dependence (%, log axis)" },
      yTitle: { zh: "内贸依存度（%，对数轴）", en: "Domestic-trade dependence (%, log axis)" },
      items,
      fromName: { zh: `${fromYear}年`, en: String(fromYear) },
      toName: { zh: `${toYear}年`, en: String(toYear) },
      logX: true,
      logY: true,
      reference: options.national ? { x: options.national.ftd ?? undefined, y: options.national.dtd ?? undefined } : undefined,
      footnote,
      height: options.height ?? 680,
    },
    lang,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Sankey diagrams

export interface SankeySpec extends ChartText {
  stages: readonly Text[];
  nodes: readonly SankeyNode[];
  links: readonly SankeyLink[];
  footnote?: Text;
}

/**
 * A Sankey diagram of provinces moving between types from stage to stage (lib/typology/migration.ts sankeyFlows). Nodes sit
 * in one column per stage, in Table 1's order; each link's hover lists its provinces.
 */
export function typeSankey(spec: SankeySpec, lang: Lang = "zh"): Figure {
  const B = "typeSankey";
  const n = spec.stages.length;
  if (n < 2) fail(B, "need at least two stages");
  spec.nodes.forEach((nd, i) => {
    if (nd.stage < 0 || nd.stage >= n) fail(B, `node ${i} (${nd.category}) is in stage ${nd.stage} of ${n}`);
    if (!(nd.count > 0)) fail(B, `node ${i} (${nd.category}) has count ${nd.count}`);
  });
  spec.links.forEach((l, i) => {
    if (!spec.nodes[l.source] || !spec.nodes[l.target]) fail(B, `link ${i} points at a missing node`);
    if (!(l.value > 0) || !Number.isFinite(l.value)) fail(B, `link ${i} has value ${l.value}`);
  });
  // fixed positions: x by stage, y stacked in Table 1 order with the node's height proportional to its count
  const totals = spec.stages.map((_, s) => spec.nodes.filter((nd) => nd.stage === s).reduce((a, nd) => a + nd.count, 0));
  const pad = 0.02;
  const acc = spec.stages.map(() => 0);
  const x: number[] = [];
  const y: number[] = [];
  spec.nodes.forEach((nd) => {
    const before = acc[nd.stage];
    acc[nd.stage] += nd.count;
    const slots = spec.nodes.filter((m) => m.stage === nd.stage).length;
    const usable = 1 - 2 * pad - pad * (slots - 1);
    const rank = spec.nodes.filter((m) => m.stage === nd.stage).indexOf(nd);
    const top = pad + rank * pad + (before / totals[nd.stage]) * usable;
    y.push(Math.min(0.999, Math.max(0.001, top + ((nd.count / totals[nd.stage]) * usable) / 2)));
    x.push(Math.min(0.999, Math.max(0.001, nd.stage / (n - 1))));
  });
  const nodeLabel = (nd: SankeyNode) => `${pick(typeLabel(nd.category), lang)} (${nd.count})`;
  const rgba = (hex: string, a: number) => {
    const v = parseInt(hex.slice(1), 16);
    return `rgba(${(v >> 16) & 255},${(v >> 8) & 255},${v & 255},${a})`;
  };
  const trace: Trace = {
    type: "sankey",
    arrangement: "fixed",
    node: {
      label: spec.nodes.map(nodeLabel),
      color: spec.nodes.map((nd) => typeColour(nd.category)),
      x,
      y,
      pad: 12,
      thickness: 16,
      line: { color: "#666", width: 0.5 },
      hovertemplate: "%{label}<extra></extra>",
    },
    link: {
      source: spec.links.map((l) => l.source),
      target: spec.links.map((l) => l.target),
      value: spec.links.map((l) => l.value),
      color: spec.links.map((l) => rgba(typeColour(spec.nodes[l.source].category), 0.35)),
      customdata: spec.links.map((l) => l.provinces.join(lang === "zh" ? "、" : ", ")),
      hovertemplate: "%{source.label} → %{target.label}<br>%{customdata}<extra>%{value}</extra>",
    },
  };
  const annotations: Record<string, unknown>[] = spec.stages.map((s, i) => ({
    text: `<b>${pick(s, lang)}</b>`,
    xref: "paper",
    yref: "paper",
    x: i / (n - 1),
    y: 1.06,
    xanchor: i === 0 ? "left" : i === n - 1 ? "right" : "center",
    showarrow: false,
  }));
  let bottom = 30;
  if (spec.footnote !== undefined) {
    const f = footnote(spec.footnote, lang, 10);
    annotations.push(f.annotation);
    bottom = f.margin;
  }
  const layout: Layout = { ...baseLayout(spec, lang), annotations, margin: { t: 90, r: 20, b: bottom, l: 20 } };
  return { data: [trace], layout, config: { ...DEFAULT_CONFIG } };
}

/** The Sankey of provinces moving between types across `stages` (each a year's assignments). */
export function migrationSankey(stages: readonly Stage[], provinces: readonly string[], text: ChartText & { footnote?: Text }, lang: Lang = "zh"): Figure {
  const { nodes, links } = sankeyFlows(stages, provinces);
  return typeSankey({ ...text, stages: stages.map((s) => s.label), nodes, links }, lang);
}

// ---------------------------------------------------------------------------------------------------------------
// Quoted figures beside the tables' values

// for series that are not one type (type colours are taken by the types)
const SERIES_COLOURS = ["#000000", "#8c564b", "#7f7f7f", "#bcbd22"];
const METHOD_STYLE = {
  quoted: { symbol: "diamond", dash: "dot", zh: "论文引用（年鉴口径）", en: "quoted in the paper (yearbook series)" },
  provinces: { symbol: "circle", dash: "solid", zh: "投入产出表计算（省表合计）", en: "computed from the provincial IO tables" },
  national_table: { symbol: "square", dash: "solid", zh: "投入产出表计算（全国表）", en: "computed from the national IO table" },
} as const;

/**
 * Quoted figures (diamonds, dotted line) and the tables' values (circles: provincial tables, hollow where a member's
 * split is misrecorded; squares: national tables) of each series, one colour per series.
 */
export function quotedVsComputed(series: readonly ComparisonSeries[], text: ChartText & { footnote?: Text }, lang: Lang = "zh"): Figure {
  const B = "quotedVsComputed";
  if (series.length === 0) fail(B, "no series");
  const data: Trace[] = [];
  let k = 0;
  series.forEach((s) => {
    const colour = s.type ? typeColour(s.type) : SERIES_COLOURS[k++ % SERIES_COLOURS.length];
    const name = pick(s.name, lang);
    for (const method of ["provinces", "national_table", "quoted"] as const) {
      const pts = s.points.filter((p) => p.method === method).sort((a, b) => a.year - b.year);
      if (pts.length === 0) continue;
      pts.forEach((p) => checkValue(B, `series "${name}" ${method} ${p.year}`, p.value));
      const st = METHOD_STYLE[method];
      data.push({
        type: "scatter",
        mode: "lines+markers",
        name,
        legendgroup: s.id,
        showlegend: false,
        x: pts.map((p) => p.year),
        y: pts.map((p) => p.value),
        line: { color: colour, dash: st.dash, width: method === "quoted" ? 1.5 : 2 },
        marker: {
          color: colour,
          size: method === "quoted" ? 11 : 9,
          symbol: pts.map((p) => (p.flagged ? `${st.symbol}-open` : st.symbol)),
          line: { color: colour, width: 1.5 },
        },
        customdata: pts.map((p) => pick(p.source, lang) + (p.flagged ? (lang === "zh" ? "（含划分不可比的省份）" : " (includes provinces with a misrecorded split)") : "")),
        hovertemplate: `${name}<br>%{x}: %{y:.1f}<br>%{customdata}<extra></extra>`,
      });
    }
    // the series' legend entry: its colour as a plain line
    data.push({ type: "scatter", mode: "lines", name, legendgroup: s.id, x: [null], y: [null], line: { color: colour, width: 3 }, hoverinfo: "skip" });
  });
  // legend entries explaining the marker shapes
  for (const method of ["quoted", "provinces", "national_table"] as const) {
    if (!series.some((s) => s.points.some((p) => p.method === method))) continue;
    const st = METHOD_STYLE[method];
    data.push({
      type: "scatter",
      mode: "markers",
      name: lang === "zh" ? st.zh : st.en,
      x: [null],
      y: [null],
      marker: { symbol: st.symbol, color: "#777", size: 9 },
      legendgroup: `method-${method}`,
      hoverinfo: "skip",
    });
  }
  const layout: Layout = baseLayout(text, lang);
  layout.xaxis = { ...((layout.xaxis as object) ?? {}), dtick: 2, automargin: true };
  layout.showlegend = true;
  layout.legend = { x: 1.02, xanchor: "left", y: 1 };
  let bottom = 70;
  if (text.footnote !== undefined) {
    const f = footnote(text.footnote, lang, 60);
    layout.annotations = [f.annotation];
    bottom = f.margin;
  }
  layout.margin = { t: 60, r: 20, b: bottom, l: 70 };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}
