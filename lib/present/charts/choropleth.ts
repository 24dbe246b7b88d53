/**
 * Choropleth maps of China's provinces as Plotly figure JSON ({data, layout, config}, plain objects): the paper's
 * seven trade-pattern types (Table 1), or any indicator by province. Pass the figure to `Plotly.newPlot(div, fig)`
 * (or `Plotly.newPlot(div, fig.data, fig.layout, fig.config)`).
 *
 * Geometry: data/geo/china-provinces.geojson (lib/data/geo.ts), joined on `properties.adcode`. Drawn on Plotly's `geo`
 * subplot with its base map hidden, so nothing is fetched from map-tile servers. 台湾, 香港 and 澳门 (and any province
 * without a value) are drawn grey, labelled 无数据 / no data.
 *
 * Categories: one choropleth trace per type, each carrying only its own provinces' features. Plotly choropleths
 * have no categorical colour; the alternative, one trace with z = type index and a stepped colorscale, gives a
 * colorbar with tick labels instead of a legend. Per-type traces give a real legend (click a type to hide it), a
 * legend entry for 无数据 / no data beside the types, and, because each trace holds a subset of the features, no
 * geometry is repeated in the figure JSON.
 */
import { type ProvinceGeoJson, type ProvinceFeature, NO_DATA_REGIONS, type MapRegion, loadProvinceGeoJson } from "../../data/geo";
import { PROVINCES, type TypeZh, TYPES, province } from "../../paper/provinces";
import { DEFAULT_CONFIG } from "./plotly";
import { bilingual, type Lang } from "../../core/text";
import { TYPE_COLOURS } from "./typeStyle";

export type { Lang };
type Json = Record<string, unknown>;

export interface PlotlyFigure {
  data: Json[];
  layout: Json;
  config: Json;
}

export const NO_DATA_COLOUR = "#d9d9d9";
export const NO_DATA_LABEL = { zh: "无数据", en: "no data" } as const;

/** The paper's classification (Table 1), province → type, ready for typeMap(). */
export const PAPER_TYPES: Readonly<Record<string, TypeZh>> = Object.fromEntries(PROVINCES.map((p) => [p.zh, p.type]));

/**
 * Plotly fetches https://cdn.plot.ly/un/world_110m.json for every geo subplot whose traces have a locationmode, even
 * "geojson-id" (plotly.js#6767), and draws nothing if that fails (no network). This config hands it an empty
 * topology instead, as a data: URL (the "#" turns the "world_110m.json" Plotly appends into an ignored fragment);
 * the hidden base map needs nothing from it.
 */
export const OFFLINE_CONFIG: Readonly<Json> = {
  ...DEFAULT_CONFIG,
  topojsonURL: "data:application/json," + encodeURIComponent('{"type":"Topology","objects":{},"arcs":[]}') + "#",
};

/** Default figure height in pixels (the width follows the page). */
export const MAP_HEIGHT = 560;


/** A value as hover text: four significant digits, whole numbers with thousands separators from 1000 up. */
export function formatValue(v: number): string {
  if (Math.abs(v) >= 1000) return String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return String(Number(v.toPrecision(4)));
}

/** The features with these adcodes, in the given order; throws if the map lacks one. */
export function featuresOf(geojson: ProvinceGeoJson, adcodes: number[]): ProvinceGeoJson {
  const byCode = new Map<number, ProvinceFeature>(geojson.features.map((f) => [f.properties.adcode, f]));
  return {
    type: "FeatureCollection",
    features: adcodes.map((a) => {
      const f = byCode.get(a);
      if (!f) throw new Error(`province map has no feature with adcode ${a}`);
      return f;
    }),
  };
}

/** A one-colour choropleth trace for these regions, carrying only their features. */
function regionTrace(geojson: ProvinceGeoJson, regions: readonly MapRegion[], name: string, hover: string[], colour: string): Json {
  const adcodes = regions.map((r) => r.adcode);
  return {
    type: "choropleth",
    name,
    showlegend: true,
    geojson: featuresOf(geojson, adcodes),
    featureidkey: "properties.adcode",
    locations: adcodes,
    z: adcodes.map(() => 1),
    colorscale: [
      [0, colour],
      [1, colour],
    ],
    showscale: false,
    marker: { line: { color: "#ffffff", width: 0.6 } },
    text: hover,
    hovertemplate: "%{text}<extra></extra>",
  };
}

/** Grey trace for 台湾, 香港, 澳门 and every province in `missing`. */
export function noDataTrace(geojson: ProvinceGeoJson, missing: readonly MapRegion[], lang: Lang): Json {
  const regions = [...missing, ...NO_DATA_REGIONS];
  const label = bilingual(NO_DATA_LABEL.zh, NO_DATA_LABEL.en, lang);
  return regionTrace(geojson, regions, label, regions.map((r) => `${bilingual(r.zh, r.en, lang)}<br>${label}`), NO_DATA_COLOUR);
}

/** The layout of every map: the geo subplot without base map, fitted to the provinces drawn. */
export function mapLayout(title: string, legendTitle: string, height: number): Json {
  return {
    title: { text: title, x: 0.5, xanchor: "center" },
    height,
    font: {
      family: '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif',
    },
    geo: {
      visible: false,
      fitbounds: "locations",
      resolution: 110,
      // Albers equal-area conic with China's usual standard parallels 25°N and 47°N; fitbounds picks the central
      // meridian (a fixed rotation.lon stops fitbounds from zooming in)
      projection: { type: "conic equal area", parallels: [25, 47] },
      bgcolor: "rgba(0,0,0,0)",
    },
    // beside the map, not over it: bilingual labels are long and a legend inside the frame covers 西藏 or 云南
    legend: { title: { text: legendTitle }, x: 1, xanchor: "left", y: 0.5, yanchor: "middle" },
    margin: { l: 10, r: 10, t: 50, b: 10 },
  };
}

/** The provinces not among `keys`; throws on a key that is not a province. */
function missingProvinces(keys: string[]): MapRegion[] {
  for (const k of keys) province(k);
  const named = new Set(keys);
  return PROVINCES.filter((p) => !named.has(p.zh)).map(({ adcode, zh, en }) => ({ adcode, zh, en }));
}

/**
 * Map of provinces coloured by trade-pattern type: one trace per type present (Table 1's order), then 无数据 / no data
 * for 台湾, 香港, 澳门 and any province left out of `types`. Keys are province short names (北京, 内蒙古, …).
 */
export function typeMap(
  types: Readonly<Record<string, TypeZh>>,
  lang: Lang = "zh",
  options: { title?: string; height?: number; geojson?: ProvinceGeoJson } = {},
): PlotlyFigure {
  const geojson = options.geojson ?? loadProvinceGeoJson();
  const missing = missingProvinces(Object.keys(types));
  for (const [zh, type] of Object.entries(types)) {
    if (!TYPES.some((t) => t.zh === type)) {
      throw new Error(`typeMap: ${zh} has type "${type}", not one of ${TYPES.map((t) => t.zh).join("、")}`);
    }
  }
  const data: Json[] = [];
  for (const t of TYPES) {
    const members = PROVINCES.filter((p) => Object.prototype.hasOwnProperty.call(types, p.zh) && types[p.zh] === t.zh);
    if (members.length === 0) continue;
    const label = bilingual(t.zh, t.en, lang);
    data.push(regionTrace(geojson, members, label, members.map((p) => `${bilingual(p.zh, p.en, lang)}<br>${label}`), TYPE_COLOURS[t.zh]));
  }
  data.push(noDataTrace(geojson, missing, lang));
  const title = options.title ?? bilingual("中国各地区内外贸模式", "Domestic and foreign trade patterns of China's provinces", lang);
  return { data, layout: mapLayout(title, bilingual("类型", "Type", lang), options.height ?? MAP_HEIGHT), config: { ...OFFLINE_CONFIG } };
}

/** A category of a categorical map: its label and its colour. */
export interface MapCategory {
  zh: string;
  en: string;
  colour: string;
}

/**
 * Map of provinces coloured by any categorical grouping (regions, river basins, a user's 京津冀 / 长三角 …): one trace
 * per category, in the order given (the legend's order; a category without provinces is left out), then 无数据 / no
 * data for 台湾, 香港, 澳门 and any province left out of `assignment`. `assignment` maps province short names to a
 * category's `zh`; a name that is not a category is an error.
 */
export function categoryMap(
  assignment: Readonly<Record<string, string>>,
  categories: readonly MapCategory[],
  options: { title: string; legendTitle?: string; lang?: Lang; height?: number; geojson?: ProvinceGeoJson },
): PlotlyFigure {
  const lang = options.lang ?? "zh";
  const geojson = options.geojson ?? loadProvinceGeoJson();
  const missing = missingProvinces(Object.keys(assignment));
  const known = new Set(categories.map((c) => c.zh));
  if (known.size !== categories.length) throw new Error(`categoryMap "${options.title}": two categories share a name`);
  for (const [zh, cat] of Object.entries(assignment)) {
    if (!known.has(cat)) throw new Error(`categoryMap "${options.title}": ${zh} is in "${cat}", not one of ${[...known].join("、")}`);
  }
  const data: Json[] = [];
  for (const c of categories) {
    const members = PROVINCES.filter((p) => Object.prototype.hasOwnProperty.call(assignment, p.zh) && assignment[p.zh] === c.zh);
    if (members.length === 0) continue;
    const label = bilingual(c.zh, c.en, lang);
    data.push(regionTrace(geojson, members, label, members.map((p) => `${bilingual(p.zh, p.en, lang)}<br>${label}`), c.colour));
  }
  data.push(noDataTrace(geojson, missing, lang));
  return { data, layout: mapLayout(options.title, options.legendTitle ?? "", options.height ?? MAP_HEIGHT), config: { ...OFFLINE_CONFIG } };
}

export interface IndicatorMapOptions {
  /** the indicator's name as the reader should see it, e.g. "出口率 / export ratio" */
  title: string;
  unit?: string;
  lang?: Lang;
  /** a Plotly colorscale name ("Viridis", "Blues", "RdBu", …) or [[0, colour], …, [1, colour]]; default Viridis */
  colorscale?: string | [number, string][];
  /** flip the scale; Plotly's legacy names (YlOrRd, YlGnBu, …) run dark → light, the reverse of ColorBrewer's */
  reversescale?: boolean;
  /** pin the colour range, e.g. symmetric around 0 for a diverging scale */
  zmin?: number;
  zmax?: number;
  height?: number;
  geojson?: ProvinceGeoJson;
}

/**
 * Map of one indicator by province (keys: province short names), on a continuous colour scale with a colorbar;
 * 台湾, 香港, 澳门 and provinces without a value are grey (无数据 / no data). A value that is not a finite number is an
 * error, not a grey province: missing means left out.
 */
export function indicatorMap(values: Readonly<Record<string, number>>, options: IndicatorMapOptions): PlotlyFigure {
  const lang = options.lang ?? "zh";
  const geojson = options.geojson ?? loadProvinceGeoJson();
  const missing = missingProvinces(Object.keys(values));
  const present = PROVINCES.filter((p) => Object.prototype.hasOwnProperty.call(values, p.zh));
  if (present.length === 0) throw new Error(`indicatorMap "${options.title}": no province has a value`);
  for (const p of present) {
    const v = values[p.zh];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new Error(`indicatorMap "${options.title}": ${p.zh} has value ${v}`);
  }
  const unit = options.unit ? ` ${options.unit}` : "";
  const adcodes = present.map((p) => p.adcode);
  const trace: Json = {
    type: "choropleth",
    name: options.title,
    showlegend: false,
    geojson: featuresOf(geojson, adcodes),
    featureidkey: "properties.adcode",
    locations: adcodes,
    z: present.map((p) => values[p.zh]),
    colorscale: options.colorscale ?? "Viridis",
    reversescale: options.reversescale ?? false,
    ...(options.zmin !== undefined ? { zmin: options.zmin } : {}),
    ...(options.zmax !== undefined ? { zmax: options.zmax } : {}),
    // the colour bar above the "no data" legend entry, both right of the map
    colorbar: { title: { text: options.unit ?? "" }, thickness: 14, len: 0.7, y: 0.6, yanchor: "middle" },
    marker: { line: { color: "#ffffff", width: 0.6 } },
    text: present.map((p) => `${bilingual(p.zh, p.en, lang)}<br>${options.title}: ${formatValue(values[p.zh])}${unit}`),
    hovertemplate: "%{text}<extra></extra>",
  };
  return {
    data: [trace, noDataTrace(geojson, missing, lang)],
    layout: { ...mapLayout(options.title, "", options.height ?? MAP_HEIGHT), legend: { x: 1, xanchor: "left", y: 0, yanchor: "bottom" } },
    config: { ...OFFLINE_CONFIG },
  };
}
