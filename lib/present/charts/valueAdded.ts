/**
 * Charts of the value-added notebook (notebooks/04_value_added_and_policy.ipynb), as Plotly figure JSON: what share
 * of GDP each component of final demand drives (stacked bars, map), value-added against gross dependence (labelled
 * scatter), rankings, multipliers, and the products that carry exports and outflows.
 *
 * Pure: data in, figure out; labels bilingual, LANG picks one. Colours: exports blue, outflows orange, local demand
 * greens, the error column grey; provinces coloured by trade-pattern type use the type map's palette.
 */
import type { ComponentKey } from "../../inputOutput/decompose";
import { COMPONENTS } from "../../inputOutput/decompose";
import { TYPES, province, type TypeZh } from "../../paper/provinces";
import { CIRCULATIONS, OTHER, type CirculationKey, type DependenceRow, type Exposure } from "../../inputOutput/exposure";
import type { MultiplierRow } from "../../inputOutput/multipliers";
import type { ProvinceValueAdded } from "../../inputOutput/provinceValueAdded";
import { SECTOR_GROUPS, sectorShare, type ProductValueAdded, type SectorGroupKey } from "../../inputOutput/sectorGroups";
import { indicatorMap, TYPE_COLOURS, type PlotlyFigure } from "./choropleth";
import { bilingual, type Bilingual } from "../../core/text";
import { DEFAULT_CONFIG, baseLayout, groupedBar, heatmap, stackedBar, type Figure, type Trace } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";

export const COMPONENT_COLOURS: Readonly<Record<ComponentKey | "other", string>> = {
  exports: "#0072B2",
  outflows: "#E69F00",
  household: "#009E73",
  government: "#7FC97F",
  capital: "#1B7837",
  other: "#BBBBBB",
};
export const CIRCULATION_COLOURS: Readonly<Record<CirculationKey | "other", string>> = {
  international: "#0072B2",
  domestic: "#E69F00",
  local: "#009E73",
  other: "#BBBBBB",
};

/** A share key: a circulation (international, domestic, local), a component of final demand, or the residual. */
export type ShareKey = CirculationKey | ComponentKey | "other";

/** The bilingual name of a share key. */
export function shareName(key: ShareKey): Bilingual {
  if (key === "other") return { zh: OTHER.zh, en: OTHER.en };
  const c = CIRCULATIONS.find((x) => x.key === key) ?? COMPONENTS.find((x) => x.key === key);
  if (!c) throw new Error(`unknown share "${key}" (expected ${[...CIRCULATIONS.map((x) => x.key), ...COMPONENTS.map((x) => x.key), "other"].join(", ")})`);
  return { zh: c.zh, en: c.en };
}

/** The share of TVA of an exposure for a key (0–1). */
export function shareOf(e: Exposure, key: ShareKey): number {
  if (key === "other") return e.circulations.other;
  if (CIRCULATIONS.some((c) => c.key === key)) return e.circulations[key as CirculationKey];
  if (COMPONENTS.some((c) => c.key === key)) return e.components[key as ComponentKey];
  throw new Error(`unknown share "${key}"`);
}

const nameOf = (e: Bilingual): Text => ({ zh: e.zh, en: e.en });

/**
 * Stacked bars, one per province or group: the share of its GDP (%) driven by exports, outflows, household and
 * government consumption, capital formation, and the error column; the bars add up to 100.
 */
export function componentBars(exposures: readonly Exposure[], lang: Lang, opts: { title?: Text; height?: number; typeBands?: boolean } = {}): Figure {
  const keys: (ComponentKey | "other")[] = [...COMPONENTS.map((c) => c.key), "other"];
  const fig = stackedBar(
    {
      title: opts.title ?? { zh: "各类最终需求拉动的增加值占GDP比重", en: "Share of GDP driven by each component of final demand" },
      yTitle: { zh: "占GDP比重（%）", en: "share of GDP (%)" },
      categories: exposures.map(nameOf),
      series: keys.map((k) => ({ name: shareName(k), values: exposures.map((e) => (k === "other" ? e.circulations.other : e.components[k]) * 100) })),
      height: opts.height,
    },
    lang,
  );
  fig.data.forEach((t, i) => {
    t.marker = { color: COMPONENT_COLOURS[keys[i]] };
    t.hovertemplate = "%{x}: %{y:.1f}%<extra>%{fullData.name}</extra>";
  });
  fig.layout.legend = { x: 1.01, xanchor: "left", y: 1, yanchor: "top", traceorder: "reversed" };
  fig.layout.xaxis = { tickangle: -45, automargin: true };
  if (opts.typeBands) addTypeBands(fig, exposures.map((e) => province(e.zh).type), lang);
  return fig;
}

/** Short type names for labels over narrow groups of bars. */
export const TYPE_SHORT: Readonly<Record<TypeZh, Bilingual>> = {
  双循环经济: { zh: "双循环", en: "Dual-circ." },
  外向型经济: { zh: "外向型", en: "Export-oriented" },
  自洽型经济: { zh: "自洽型", en: "Self-consistent" },
  均衡型经济: { zh: "均衡型", en: "Balanced" },
  内贸型经济: { zh: "内贸型", en: "Domestic-trade" },
  沿边型经济: { zh: "沿边型", en: "Border" },
  输入型经济: { zh: "输入型", en: "Inflow-dep." },
};

/**
 * Mark runs of consecutive categories of the same type on a category x axis: a dotted line between runs and the
 * type's short name above each run. `types[i]` is the type of category i.
 */
export function addTypeBands(fig: Figure, types: readonly TypeZh[], lang: Lang): void {
  const runs: { type: TypeZh; from: number; to: number }[] = [];
  types.forEach((t, i) => {
    const last = runs[runs.length - 1];
    if (last && last.type === t) last.to = i;
    else runs.push({ type: t, from: i, to: i });
  });
  fig.layout.shapes = runs.slice(1).map((r) => ({
    type: "line",
    xref: "x",
    yref: "paper",
    x0: r.from - 0.5,
    x1: r.from - 0.5,
    y0: 0,
    y1: 1.06,
    line: { color: "#555555", width: 1, dash: "dot" },
  }));
  fig.layout.annotations = runs.map((r) => ({
    xref: "x",
    yref: "paper",
    x: (r.from + r.to) / 2,
    y: 1.0,
    yanchor: "bottom",
    showarrow: false,
    text: TYPE_SHORT[r.type][lang],
    font: { size: 11, color: TYPE_COLOURS[r.type] === "#F0E442" ? "#8a7f00" : TYPE_COLOURS[r.type] },
  }));
  fig.layout.margin = { ...(fig.layout.margin as object), t: 90 };
}

/**
 * Legend below the x axis title, clear of it: `below` pixels under the plot area, room for `rows` rows of entries.
 * (Plotly places legends in fractions of the plot area, so the offset is converted with the figure's height.)
 */
function legendBelow(fig: Figure, rows: number, below = 85): void {
  const margin = { ...(fig.layout.margin as { t: number; b: number; l: number; r: number }) };
  margin.b = below + rows * 24 + 10;
  const height = fig.layout.height as number;
  const plot = height - margin.t - margin.b;
  fig.layout.margin = margin;
  fig.layout.legend = { orientation: "h", x: 0, xanchor: "left", y: -below / plot, yanchor: "top", traceorder: "normal" };
}

/** Legend in one row between the title and the plot. */
function legendOnTop(fig: Figure): void {
  fig.layout.legend = { orientation: "h", x: 0, xanchor: "left", y: 1.0, yanchor: "bottom", traceorder: "normal" };
  fig.layout.margin = { ...(fig.layout.margin as object), t: 100 };
}

/** Sort exposures by Table 1's type order, then by a share, largest first (for the province bars). */
export function sortByType(exposures: readonly Exposure[], key: ShareKey = "domestic"): Exposure[] {
  const typeIndex = (zh: string) => TYPES.findIndex((t) => t.zh === province(zh).type);
  return [...exposures].sort((a, b) => typeIndex(a.zh) - typeIndex(b.zh) || shareOf(b, key) - shareOf(a, key));
}

const MAP_SCALES: Record<CirculationKey | "other", [number, string][]> = {
  international: [[0, "#f7fbff"], [0.5, "#6baed6"], [1, "#08306b"]],
  domestic: [[0, "#fff5eb"], [0.5, "#fd8d3c"], [1, "#7f2704"]],
  local: [[0, "#f7fcf5"], [0.5, "#74c476"], [1, "#00441b"]],
  other: [[0, "#ffffff"], [1, "#525252"]],
};

/** Map of the share of each province's GDP (%) driven by `key`. */
export function exposureMap(exposures: readonly Exposure[], key: ShareKey, lang: Lang, opts: { year?: number; height?: number } = {}): PlotlyFigure {
  const n = shareName(key);
  const scaleKey: CirculationKey | "other" =
    key === "exports" ? "international" : key === "outflows" ? "domestic" : key === "household" || key === "government" || key === "capital" ? "local" : key;
  const year = opts.year ? ` (${opts.year})` : "";
  return indicatorMap(Object.fromEntries(exposures.map((e) => [e.zh, shareOf(e, key) * 100])), {
    title: bilingual(`${n.zh}拉动的增加值占GDP比重${year}`, `Share of GDP driven by ${n.en.toLowerCase()}${year}`, lang),
    unit: "%",
    lang,
    colorscale: MAP_SCALES[scaleKey],
    height: opts.height,
  });
}

/**
 * Value-added share (y) against the paper's gross ratio (x, log scale) for each province, labelled, coloured by type:
 * 外贸依存度 vs the share of GDP driven by exports, or 内贸依存度 vs the share driven by outflows.
 */
export function dependenceScatter(rows: readonly DependenceRow[], circulation: "international" | "domestic", lang: Lang, opts: { height?: number } = {}): Figure {
  const intl = circulation === "international";
  const xTitle: Text = intl ? { zh: "外贸依存度（毛额，%，对数坐标）", en: "Foreign-trade dependence (gross, %, log scale)" } : { zh: "内贸依存度（毛额，%，对数坐标）", en: "Domestic-trade dependence (gross, %, log scale)" };
  const yTitle: Text = intl ? { zh: "出口拉动的增加值占GDP比重（%）", en: "Share of GDP driven by exports (%)" } : { zh: "省外流出拉动的增加值占GDP比重（%）", en: "Share of GDP driven by outflows (%)" };
  const positions = labelPositions(rows.map((r) => ({ key: r.zh, x: Math.log10(intl ? r.ftd : r.dtd), y: intl ? r.vaInternational : r.vaDomestic })));
  const data: Trace[] = [];
  for (const t of TYPES) {
    const members = rows.filter((r) => province(r.zh).type === t.zh);
    if (members.length === 0) continue;
    data.push({
      type: "scatter",
      mode: "markers+text",
      name: bilingual(t.zh, t.en, lang),
      x: members.map((r) => (intl ? r.ftd : r.dtd)),
      y: members.map((r) => (intl ? r.vaInternational : r.vaDomestic)),
      text: members.map((r) => (lang === "zh" ? r.zh : r.en)),
      textposition: members.map((r) => positions.get(r.zh)!),
      textfont: { size: 11 },
      marker: { size: 9, color: TYPE_COLOURS[t.zh], line: { color: "#333333", width: 0.5 } },
      hovertemplate: `%{text}<br>${pick(xTitle, lang)}: %{x:.1f}<br>${pick(yTitle, lang)}: %{y:.1f}<extra>%{fullData.name}</extra>`,
    });
  }
  for (const v of [...data.flatMap((t) => t.x as number[]), ...data.flatMap((t) => t.y as number[])])
    if (!Number.isFinite(v)) throw new Error(`dependenceScatter: a value is ${v}`);
  const layout = baseLayout(
    {
      title: intl
        ? { zh: "外贸依存度（毛额）与出口拉动的增加值", en: "Gross foreign-trade dependence vs value added driven by exports" }
        : { zh: "内贸依存度（毛额）与省外流出拉动的增加值", en: "Gross domestic-trade dependence vs value added driven by outflows" },
      xTitle,
      yTitle,
      height: opts.height ?? 680,
    },
    lang,
  );
  layout.xaxis = { ...(layout.xaxis as object), type: "log", dtick: "D2" };
  const fig = { data, layout, config: { ...DEFAULT_CONFIG } };
  legendBelow(fig, 4);
  return fig;
}

const POSITIONS = ["top center", "bottom center", "middle right", "middle left"] as const;

/**
 * Label positions for a scatter: points are taken in order of y, and a point close to points already placed (within
 * 4% of the axis ranges) takes the next of top / bottom / right / left, so that neighbours' labels do not print on top
 * of each other. x and y in the units the axes show (log10 of x on a log axis).
 */
export function labelPositions(points: readonly { key: string; x: number; y: number }[]): Map<string, (typeof POSITIONS)[number]> {
  const span = (v: number[]) => Math.max(...v) - Math.min(...v) || 1;
  const sx = span(points.map((p) => p.x));
  const sy = span(points.map((p) => p.y));
  const placed: { x: number; y: number; k: number }[] = [];
  const out = new Map<string, (typeof POSITIONS)[number]>();
  for (const p of [...points].sort((a, b) => b.y - a.y)) {
    const near = placed.filter((q) => Math.abs(q.x - p.x) / sx < 0.04 && Math.abs(q.y - p.y) / sy < 0.04);
    const used = new Set(near.map((q) => q.k));
    let k = 0;
    while (used.has(k) && k < POSITIONS.length - 1) k++;
    placed.push({ x: p.x, y: p.y, k });
    out.set(p.key, POSITIONS[k]);
  }
  return out;
}

/** Horizontal bars of one share (%) for every province, largest at the top, coloured by type (one legend entry per type). */
export function rankingBars(exposures: readonly Exposure[], key: ShareKey, lang: Lang, opts: { height?: number } = {}): Figure {
  const sorted = [...exposures].sort((a, b) => shareOf(b, key) - shareOf(a, key));
  const label = (e: Exposure) => `${sorted.indexOf(e) + 1}. ${lang === "zh" ? e.zh : e.en}`;
  const data: Trace[] = [];
  for (const t of TYPES) {
    const members = sorted.filter((e) => province(e.zh).type === t.zh);
    if (members.length === 0) continue;
    data.push({
      type: "bar",
      orientation: "h",
      name: bilingual(t.zh, t.en, lang),
      y: members.map(label),
      x: members.map((e) => shareOf(e, key) * 100),
      marker: { color: TYPE_COLOURS[t.zh] },
      hovertemplate: "%{y}: %{x:.1f}%<extra>%{fullData.name}</extra>",
    });
  }
  const n = shareName(key);
  const layout = baseLayout(
    { title: { zh: `按${n.zh}拉动的增加值占GDP比重排序`, en: `Provinces ranked by the share of GDP driven by ${n.en.toLowerCase()}` }, xTitle: { zh: "占GDP比重（%）", en: "share of GDP (%)" }, height: opts.height ?? 720 },
    lang,
  );
  layout.yaxis = { categoryorder: "array", categoryarray: sorted.map(label), autorange: "reversed", automargin: true };
  layout.barmode = "stack"; // one trace per category: stacking keeps each bar full width
  // the shortest bars are at the bottom: the legend fits there, inside the plot
  layout.legend = { x: 0.98, xanchor: "right", y: 0.02, yanchor: "bottom", traceorder: "normal", bgcolor: "rgba(255,255,255,0.85)" };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/** Output per yuan of exports, of outflows and of local final demand, by province (grouped bars). */
export function multiplierBars(rows: readonly MultiplierRow[], lang: Lang): Figure {
  const fig = groupedBar(
    {
      title: { zh: "产出乘数（每单位最终需求带动的本省总产出）", en: "Output multipliers (provincial output per unit of final demand)" },
      yTitle: { zh: "产出乘数", en: "output multiplier" },
      categories: rows.map(nameOf),
      series: [
        { name: { zh: "出口", en: "Exports" }, values: rows.map((r) => r.outputExports) },
        { name: { zh: "国内省外流出", en: "Outflows" }, values: rows.map((r) => r.outputOutflows) },
        { name: { zh: "本省需求", en: "Local demand" }, values: rows.map((r) => r.outputLocal) },
      ],
    },
    lang,
  );
  [COMPONENT_COLOURS.exports, COMPONENT_COLOURS.outflows, COMPONENT_COLOURS.household].forEach((c, i) => (fig.data[i].marker = { color: c }));
  fig.layout.xaxis = { tickangle: -45, automargin: true };
  legendOnTop(fig);
  return fig;
}

/**
 * The products whose exports and whose outflows induce the most value added in one province: the union of the
 * top `top` of each, as shares (%) of the component's induced value added, largest outflow share at the top.
 */
export function topSectorBars(p: ProvinceValueAdded, top: number, lang: Lang): Figure {
  if (!(Number.isInteger(top) && top >= 1)) throw new Error(`topSectorBars: top must be a positive integer, got ${top}`);
  const d = p.decomposition;
  const pickCodes = [...d.topOutflowSectors.slice(0, top), ...d.topExportSectors.slice(0, top)].map((s) => s.code);
  const codes = [...new Set(pickCodes)];
  const share = (list: typeof d.topExportSectors, code: string) => (list.find((s) => s.code === code)?.share ?? 0) * 100;
  codes.sort((a, b) => share(d.topOutflowSectors, b) - share(d.topOutflowSectors, a) || share(d.topExportSectors, b) - share(d.topExportSectors, a));
  const names = codes.map((c) => {
    const s = p.sectors.find((x) => x.code === c)!;
    return { zh: s.zh, en: s.en };
  });
  const fig = groupedBar(
    {
      title: {
        zh: `${p.zh}：拉动增加值最多的出口和省外流出产品（${p.year}年）`,
        en: `${p.en}: products whose exports and outflows induce the most value added (${p.year})`,
      },
      xTitle: { zh: "占该项最终需求拉动增加值的比重（%）", en: "share of the value added the component induces (%)" },
      categories: names,
      series: [
        { name: { zh: "国内省外流出", en: "Outflows" }, values: codes.map((c) => share(d.topOutflowSectors, c)) },
        { name: { zh: "出口", en: "Exports" }, values: codes.map((c) => share(d.topExportSectors, c)) },
      ],
      horizontal: true,
      height: 200 + 34 * codes.length,
    },
    lang,
  );
  fig.data[0].marker = { color: COMPONENT_COLOURS.outflows };
  fig.data[1].marker = { color: COMPONENT_COLOURS.exports };
  fig.data.forEach((t) => (t.hovertemplate = "%{y}: %{x:.1f}%<extra>%{fullData.name}</extra>"));
  fig.layout.yaxis = { autorange: "reversed", automargin: true };
  legendOnTop(fig);
  return fig;
}

/**
 * Heatmap: for each province (row) the share (%) of its `component`-induced value added carried by each product
 * group (column), with 全国 (pooled) as the first row.
 */
export function sectorGroupHeatmap(
  rows: readonly ProductValueAdded[],
  component: "exports" | "outflows",
  lang: Lang,
  // 矿产资源 (mining) is left out by default: it overlaps 能源 (coal, oil and gas)
  keys: readonly SectorGroupKey[] = SECTOR_GROUPS.map((g) => g.key).filter((k) => k !== "mining"),
): Figure {
  const all = rows.map((r) => r.zh);
  const groups = keys.map((k) => SECTOR_GROUPS.find((g) => g.key === k)!);
  const labelRows: Text[] = [{ zh: "全国", en: "China" }, ...rows.map((r) => ({ zh: r.zh, en: province(r.zh).en }))];
  const z = [all, ...all.map((zh) => [zh])].map((members) => groups.map((g) => sectorShare(rows, members, component, [g.key]) * 100));
  const c = component === "outflows" ? { zh: "省外流出", en: "outflow" } : { zh: "出口", en: "export" };
  const fig = heatmap(
    {
      title: { zh: `各组产品占${c.zh}拉动增加值的比重（%）`, en: `Share of ${c.en}-induced value added carried by each product group (%)` },
      rows: labelRows,
      columns: groups.map((g) => ({ zh: g.zh, en: g.en })),
      z,
      colorbarTitle: "%",
      height: 860,
    },
    lang,
  );
  const trace = fig.data[0];
  trace.colorscale = [[0, "#ffffff"], [0.35, "#fdae6b"], [1, "#7f2704"]];
  trace.texttemplate = "%{z:.0f}";
  trace.hovertemplate = "%{y} · %{x}: %{z:.1f}%<extra></extra>";
  return fig;
}

/**
 * Grouped bars for a claim: the share (%) of `component`-induced value added carried by each product group, for the
 * named provinces and for the country (pooled).
 */
export function sectorClaimBars(rows: readonly ProductValueAdded[], provinces: readonly string[], component: "exports" | "outflows", keys: readonly SectorGroupKey[], lang: Lang): Figure {
  const groups = keys.map((k) => SECTOR_GROUPS.find((g) => g.key === k)!);
  const all = rows.map((r) => r.zh);
  const palette = ["#CC79A7", "#D55E00", "#56B4E9", "#009E73", "#F0E442"];
  const fig = groupedBar(
    {
      title: {
        zh: `${provinces.join("、")}与全国：各组产品占${component === "outflows" ? "省外流出" : "出口"}拉动增加值的比重`,
        en: `${provinces.map((p) => province(p).en).join(", ")} vs China: product groups' share of ${component === "outflows" ? "outflow" : "export"}-induced value added`,
      },
      yTitle: { zh: "比重（%）", en: "share (%)" },
      categories: groups.map((g) => ({ zh: g.zh, en: g.en })),
      series: [
        ...provinces.map((p) => ({ name: { zh: p, en: province(p).en }, values: groups.map((g) => sectorShare(rows, [p], component, [g.key]) * 100) })),
        { name: { zh: "全国", en: "China" }, values: groups.map((g) => sectorShare(rows, all, component, [g.key]) * 100) },
      ],
    },
    lang,
  );
  fig.data.forEach((t, i) => {
    t.marker = { color: i === fig.data.length - 1 ? "#555555" : palette[i % palette.length] };
    t.hovertemplate = "%{x}: %{y:.1f}%<extra>%{fullData.name}</extra>";
  });
  return fig;
}
