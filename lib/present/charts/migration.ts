/**
 * Charts of type migration (notebook 03) as Plotly figure JSON: Sankey diagrams of provinces moving between Table 1's
 * types from one stage (a year, a classifier) to the next, and the paper's quoted figures beside the tables' values.
 */
import { sankeyFlows, type SankeyLink, type SankeyNode, type Stage } from "../../typology/migration";
import type { ComparisonSeries } from "../../checks/quotedComparison";
import { DEFAULT_CONFIG, baseLayout, fail, type ChartText, type Figure, type Layout, type Trace } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";
import { typeColour, typeLabel, checkValue, footnote } from "./change";

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
