/**
 * Charts of section 二 (regional patterns, Tables 3–6) as Plotly figure JSON, for any grouping (lib/indicators/regional.ts):
 * - sharesChart: each group's share of national GDP, exports, imports, outflow and inflow (stacked when the groups
 *   do not overlap, side by side when they do);
 * - ratiosChart: the four dependence ratios of each group beside the national ones;
 * - basinProvincesChart: a basin's provinces sorted by 外贸依存度 and by 内贸依存度, coloured by type, with the basin's
 *   and the national value marked;
 * - basinComparisonChart: the Yellow River against the Yangtze, flows (万亿元) and ratios side by side;
 * - groupingMap: the provinces coloured by group (lib/present/charts/choropleth.ts categoryMap).
 * A group keeps its colour in every chart and on the map (groupColours).
 */
import { aggregate, provinceIndicators, type TableRow } from "../../indicators/aggregate";
import { NATIONAL, YANGTZE, YELLOW_RIVER, type LayoutRow } from "../../paper/groupings";
import type { Grouping } from "../../indicators/regional";
import { REST_LABEL, groupingTable, overlaps, provinceCategories } from "../../indicators/regional";
import type { ProvinceFlows } from "../../data/provinceFlows";
import { COLUMN_LABELS, type FlowColumn, type RatioColumn } from "../../paper/columns";
import { TYPES, province, type TypeZh } from "../../paper/provinces";
import { categoryMap, indicatorMap, TYPE_COLOURS, type PlotlyFigure } from "./choropleth";
import { DEFAULT_CONFIG, assertFinite, baseLayout, groupedBar, stackedBar, type Figure, type Trace } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";

/** Okabe & Ito's qualitative palette without black and yellow, then Paul Tol's muted scheme: distinct, colour-blind safe. */
export const GROUP_PALETTE: readonly string[] = [
  "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9",
  "#332288", "#882255", "#44AA99", "#999933", "#AA4499", "#117733",
];
/** 其他省份 / other provinces: a pale sand, apart from the map's grey 无数据. */
export const REST_COLOUR = "#e6dcc3";

const isType = (zh: string): zh is TypeZh => TYPES.some((t) => t.zh === zh);

/** A colour per category: the seven types keep Table 1's map colours, 其他省份 its sand, the rest the palette in order. */
export function groupColours(names: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let k = 0;
  for (const n of names) {
    if (n === REST_LABEL.zh) out[n] = REST_COLOUR;
    else if (isType(n)) out[n] = TYPE_COLOURS[n];
    else out[n] = GROUP_PALETTE[k++ % GROUP_PALETTE.length];
  }
  return out;
}

const groupText = (r: TableRow): Text => ({ zh: r.group_zh, en: r.group_en });
const label = (c: FlowColumn | RatioColumn): Text => COLUMN_LABELS[c];

/** The flows whose shares section 二 discusses. */
export const SHARE_FLOWS: readonly FlowColumn[] = ["gdp", "export", "import", "outflow", "inflow"];
/** The four ratios in percent (内外贸易比, a pure number, is left to the tables). */
export const PERCENT_RATIOS: readonly RatioColumn[] = ["ftd", "dtd", "outflow_rate", "inflow_rate"];

function colourTraces(fig: Figure, colours: readonly string[]): Figure {
  fig.data.forEach((t, i) => {
    t.marker = { ...((t.marker as object) ?? {}), color: colours[i] };
  });
  return fig;
}

/**
 * Each group's share of the national GDP, exports, imports, outflow and inflow. `stack`: the groups are disjoint
 * (with 其他省份 they add up to 100 %); otherwise bars stand side by side and the title says why.
 */
export function sharesChart(groups: readonly TableRow[], opts: { lang?: Lang; stack: boolean; title?: Text }): Figure {
  const lang = opts.lang ?? "zh";
  const series = groups.map((g) => ({ name: groupText(g), values: SHARE_FLOWS.map((f) => g[`share_${f}` as const]) }));
  const title: Text = opts.title ?? {
    zh: opts.stack ? "各组占全国比重" : "各组占全国比重（各组有重叠，未堆叠）",
    en: opts.stack ? "Each group's share of the national total" : "Each group's share of the national total (groups overlap: not stacked)",
  };
  const spec = { title, categories: SHARE_FLOWS.map(label), series, yTitle: { zh: "占全国比重（%）", en: "share of national total (%)" } };
  const fig = opts.stack ? stackedBar(spec, lang) : groupedBar(spec, lang);
  if (opts.stack) fig.layout.yaxis = { ...(fig.layout.yaxis as object), range: [0, 100] };
  return colourTraces(fig, Object.values(groupColours(groups.map((g) => g.group_zh))));
}

/** The four ratios (外贸依存度, 内贸依存度, 流出率, 流入率) of 全国 and each group, side by side. */
export function ratiosChart(rows: readonly TableRow[], opts: { lang?: Lang; title?: Text } = {}): Figure {
  const lang = opts.lang ?? "zh";
  const fig = groupedBar(
    {
      title: opts.title ?? { zh: "各组外贸依存度、内贸依存度、流出率和流入率", en: "Foreign- and domestic-trade dependence, outflow and inflow rates by group" },
      categories: rows.map(groupText),
      series: PERCENT_RATIOS.map((r) => ({ name: label(r), values: rows.map((g) => g[r]) })),
      yTitle: { zh: "占GDP的百分比（%）", en: "% of GDP" },
    },
    lang,
  );
  return colourTraces(fig, ["#0072B2", "#D55E00", "#009E73", "#CC79A7"]);
}

/**
 * A basin's provinces sorted by 外贸依存度 (left) and by 内贸依存度 (right), each bar in its province's type colour,
 * with the basin's value (dashed) and the national value (dotted).
 */
export function basinProvincesChart(
  provinces: readonly TableRow[],
  basin: TableRow,
  national: TableRow,
  opts: { lang?: Lang; title?: Text } = {},
): Figure {
  const lang = opts.lang ?? "zh";
  const cols: RatioColumn[] = ["ftd", "dtd"];
  const data: Trace[] = [];
  const layout = baseLayout({ title: opts.title ?? { zh: `${basin.group_zh}各省区外贸依存度与内贸依存度`, en: `${basin.group_en}: provinces by foreign- and domestic-trade dependence` }, height: 160 + 34 * provinces.length }, lang);
  const shapes: unknown[] = [];
  const annotations: unknown[] = [];
  cols.forEach((col, k) => {
    const name = (r: TableRow) => pick(groupText(r), lang);
    assertFinite("basinProvincesChart", col, provinces.map((p) => p[col]), provinces.map(name));
    const sorted = [...provinces].sort((a, b) => a[col] - b[col]);
    const ax = k === 0 ? "" : "2";
    for (const t of TYPES) {
      const members = sorted.filter((p) => province(p.group_zh).type === t.zh);
      if (!members.length) continue;
      data.push({
        type: "bar",
        orientation: "h",
        name: pick({ zh: t.zh, en: t.en }, lang),
        legendgroup: t.zh,
        showlegend: k === 0,
        x: members.map((p) => p[col]),
        y: members.map(name),
        xaxis: `x${ax}`,
        yaxis: `y${ax}`,
        marker: { color: TYPE_COLOURS[t.zh] },
        hovertemplate: `%{y}: %{x:.1f} %<extra>${pick({ zh: t.zh, en: t.en }, lang)}</extra>`,
      });
    }
    const domain = k === 0 ? [0, 0.44] : [0.56, 1];
    layout[`xaxis${ax}`] = { domain, anchor: `y${ax}`, title: { text: `${pick(label(col), lang)}${lang === "zh" ? "（%）" : ""}` }, automargin: true };
    layout[`yaxis${ax}`] = { anchor: `x${ax}`, categoryorder: "array", categoryarray: sorted.map(name), automargin: true };
    for (const [ref, dash, text, raise] of [
      [basin, "dash", pick(groupText(basin), lang), 0],
      [national, "dot", pick(groupText(national), lang), 14],
    ] as const) {
      shapes.push({ type: "line", xref: `x${ax}`, yref: "paper", x0: ref[col], x1: ref[col], y0: 0, y1: 1, line: { color: "#444", width: 1.2, dash } });
      // the national label a line higher: the two values can lie close together
      annotations.push({ xref: `x${ax}`, yref: "paper", x: ref[col], y: 1, yanchor: "bottom", yshift: raise, text: `${text} ${ref[col].toFixed(1)}`, showarrow: false, font: { size: 11 } });
    }
  });
  // the legend (types) right of both panels: below them it would collide with the axis titles
  Object.assign(layout, { barmode: "overlay", shapes, annotations, legend: { x: 1.02, xanchor: "left", y: 1, yanchor: "top" }, margin: { t: 90, r: 20, b: 60, l: 70 } });
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/**
 * The Yellow River against the Yangtze: flows in 万亿元 (left; above each Yangtze bar, how many times the Yellow
 * River's it is) and the four ratios with the national ones (right).
 */
export function basinComparisonChart(yellow: TableRow, yangtze: TableRow, national: TableRow, opts: { lang?: Lang; title?: Text } = {}): Figure {
  const lang = opts.lang ?? "zh";
  const flows: FlowColumn[] = ["outflow", "inflow", "export", "import"];
  const wan = (r: TableRow) => flows.map((f) => r[f] / 1e4);
  for (const r of [yellow, yangtze, national]) {
    assertFinite("basinComparisonChart", r.group_zh, wan(r));
    assertFinite("basinComparisonChart", r.group_zh, PERCENT_RATIOS.map((c) => r[c]));
  }
  const flowCats = flows.map((f) => pick(label(f), lang));
  const ratioCats = PERCENT_RATIOS.map((c) => pick(label(c), lang));
  const colours = { [yellow.group_zh]: "#E69F00", [yangtze.group_zh]: "#0072B2", [national.group_zh]: "#999999" };
  const data: Trace[] = [];
  for (const r of [yellow, yangtze]) {
    data.push({ type: "bar", name: pick(groupText(r), lang), legendgroup: r.group_zh, x: flowCats, y: wan(r), marker: { color: colours[r.group_zh] }, hovertemplate: "%{x}: %{y:.2f}<extra>%{fullData.name}</extra>" });
  }
  for (const r of [yellow, yangtze, national]) {
    data.push({
      type: "bar",
      name: pick(groupText(r), lang),
      legendgroup: r.group_zh,
      showlegend: r === national,
      x: ratioCats,
      y: PERCENT_RATIOS.map((c) => r[c]),
      xaxis: "x2",
      yaxis: "y2",
      marker: { color: colours[r.group_zh] },
      hovertemplate: "%{x}: %{y:.1f} %<extra>%{fullData.name}</extra>",
    });
  }
  const layout = baseLayout({ title: opts.title ?? { zh: "黄河流域与长江经济带", en: "Yellow River basin vs Yangtze River Economic Belt" }, height: 480 }, lang);
  Object.assign(layout, {
    barmode: "group",
    xaxis: { domain: [0, 0.45], anchor: "y", automargin: true },
    yaxis: { anchor: "x", title: { text: pick({ zh: "万亿元", en: "trillion yuan" }, lang) }, automargin: true },
    xaxis2: { domain: [0.55, 1], anchor: "y2", automargin: true },
    yaxis2: { anchor: "x2", title: { text: pick({ zh: "占GDP的百分比（%）", en: "% of GDP" }, lang) }, automargin: true },
    legend: { orientation: "h", y: -0.15 },
    annotations: flows.map((f, i) => ({
      xref: "x",
      yref: "y",
      x: flowCats[i],
      y: yangtze[f] / 1e4,
      xshift: 14,
      yanchor: "bottom",
      showarrow: false,
      text: `×${(yangtze[f] / yellow[f]).toFixed(1)}`,
      font: { size: 11 },
    })),
  });
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/** The provinces coloured by the grouping's groups (a province in two groups gets a colour of its own). */
export function groupingMap(g: Grouping, opts: { lang?: Lang; title?: string; height?: number } = {}): PlotlyFigure {
  const lang = opts.lang ?? "zh";
  const { assignment, categories } = provinceCategories(g);
  const colours = groupColours(categories.map((c) => c.zh));
  return categoryMap(
    assignment,
    categories.map((c) => ({ ...c, colour: colours[c.zh] })),
    { title: opts.title ?? (lang === "zh" ? g.zh : g.en), legendTitle: lang === "zh" ? "分组" : "Group", lang, height: opts.height },
  );
}

/** Everything a notebook shows for a grouping: its table (全国 first), shares, ratios and map. */
export interface GroupingView {
  rows: TableRow[];
  shares: Figure;
  ratios: Figure;
  map: PlotlyFigure;
  /** provinces in two or more groups (empty when the groups are disjoint) */
  overlaps: { province_zh: string; groups: string[] }[];
}

export function groupingView(data: readonly ProvinceFlows[], g: Grouping, lang: Lang = "zh"): GroupingView {
  const rows = groupingTable(data, g);
  const shared = overlaps(g);
  const groups = rows.slice(1);
  return {
    rows,
    shares: sharesChart(groups, { lang, stack: shared.length === 0 }),
    ratios: ratiosChart(rows, { lang }),
    map: groupingMap(g, { lang }),
    overlaps: shared,
  };
}

/** The charts of §二.3: each basin's provinces sorted by dependence, and the two basins side by side. */
export function basinFigures(data: readonly ProvinceFlows[], lang: Lang = "zh"): { yellow: Figure; yangtze: Figure; comparison: Figure } {
  const [national, yellow, yangtze] = aggregate(data, [NATIONAL, ...[YELLOW_RIVER, YANGTZE].map((g): LayoutRow => ({ kind: "group", ...g }))]);
  const provinces = provinceIndicators(data);
  const of = (g: { members: string[] }) => provinces.filter((p) => g.members.includes(p.province_zh));
  return {
    yellow: basinProvincesChart(of(YELLOW_RIVER), yellow, national, { lang }),
    yangtze: basinProvincesChart(of(YANGTZE), yangtze, national, { lang }),
    comparison: basinComparisonChart(yellow, yangtze, national, { lang }),
  };
}

/** Map of one indicator by province (lib/present/charts/choropleth.ts indicatorMap), labelled bilingually. */
export function indicatorMapOf(data: readonly ProvinceFlows[], col: RatioColumn, lang: Lang = "zh"): PlotlyFigure {
  const values = Object.fromEntries(provinceIndicators(data).map((p) => [p.province_zh, p[col]]));
  const l = COLUMN_LABELS[col];
  return indicatorMap(values, { title: lang === "zh" ? `${l.zh} / ${l.en}` : `${l.en} / ${l.zh}`, unit: col === "trade_ratio" ? "" : "%", lang });
}
