/**
 * The province map of China: a GeoJSON FeatureCollection of the 31 provinces plus 台湾, 香港 and 澳门, keyed by
 * GB/T 2260 adcode, in data/geo/china-provinces.geojson (built by scripts/build-geojson.ts from echarts@4.9.0's
 * map/json/china.json; see data/geo/NOTICE).
 *
 * Ring winding follows d3-geo, which Plotly's `geo` subplots draw with: exterior rings clockwise, holes
 * counter-clockwise (in lon/lat). That is the reverse of RFC 7946's right-hand rule, which RFC 7946 lets parsers
 * accept; with the RFC's winding d3 reads each small polygon as "the sphere minus this polygon" and paints the globe.
 */
import { readFileSync } from "node:fs";
import type { DecodedFeature, Position, Ring } from "./echartsGeo";
import { dataPath } from "../core/paths";
import { PROVINCES } from "../paper/provinces";

/** A region drawn on the map: a province of the paper, or one drawn with no data. */
export interface MapRegion {
  /** GB/T 2260 six-digit code */
  adcode: number;
  zh: string;
  en: string;
}

/** Drawn on every map, but outside the 31 provincial input-output tables the paper uses, hence "no data". */
export const NO_DATA_REGIONS: readonly MapRegion[] = [
  { adcode: 710000, zh: "台湾", en: "Taiwan" },
  { adcode: 810000, zh: "香港", en: "Hong Kong" },
  { adcode: 820000, zh: "澳门", en: "Macao" },
];

/** The 34 regions of the map, in adcode order. */
export const MAP_REGIONS: readonly MapRegion[] = [
  ...PROVINCES.map(({ adcode, zh, en }) => ({ adcode, zh, en })),
  ...NO_DATA_REGIONS,
].sort((a, b) => a.adcode - b.adcode);

export interface ProvinceProperties {
  adcode: number;
  name_zh: string;
  name_en: string;
}

export interface ProvinceFeature {
  type: "Feature";
  properties: ProvinceProperties;
  geometry: { type: "MultiPolygon"; coordinates: Ring[][] };
}

export interface ProvinceGeoJson {
  type: "FeatureCollection";
  features: ProvinceFeature[];
}

/** Decimals kept: 1e-4° ≈ 11 m, finer than echarts' 1/1024° ≈ 110 m grid, so rounding never merges two points. */
export const COORDINATE_DECIMALS = 4;

/** Round to `decimals` places. */
export function roundCoordinate(v: number, decimals = COORDINATE_DECIMALS): number {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

/** Shoelace signed area in lon/lat degrees²: A = ½ Σ (xᵢ yᵢ₊₁ − xᵢ₊₁ yᵢ); positive = counter-clockwise. */
export function signedArea(ring: Ring): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x0, y0] = ring[i];
    const [x1, y1] = ring[(i + 1) % ring.length];
    s += x0 * y1 - x1 * y0;
  }
  return s / 2;
}

/**
 * A ring ready to write: rounded, without repeated consecutive points, closed (last = first), wound clockwise if
 * `exterior` else counter-clockwise. null for a degenerate ring (fewer than three distinct points, or zero area):
 * echarts' simplified map holds many such slivers (A → B → A) which enclose nothing and have no winding.
 */
export function normaliseRing(ring: Ring, where: string, exterior: boolean): Ring | null {
  const out: Ring = [];
  for (const [lon, lat] of ring) {
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) throw new Error(`${where}: non-finite coordinate [${lon}, ${lat}]`);
    const p: Position = [roundCoordinate(lon), roundCoordinate(lat)];
    const q = out[out.length - 1];
    if (!q || q[0] !== p[0] || q[1] !== p[1]) out.push(p);
  }
  if (out.length > 1 && out[0][0] === out[out.length - 1][0] && out[0][1] === out[out.length - 1][1]) out.pop();
  const area = out.length < 3 ? 0 : signedArea(out);
  if (area === 0) return null;
  if (area < 0 !== exterior) out.reverse();
  out.push([out[0][0], out[0][1]]);
  return out;
}

/** Normalised polygons: degenerate holes dropped, and a polygon dropped with its degenerate exterior. */
export function normalisePolygons(polygons: Ring[][], where: string): Ring[][] {
  const out: Ring[][] = [];
  polygons.forEach((rings, i) => {
    const exterior = normaliseRing(rings[0] ?? [], `${where}, polygon ${i} ring 0`, true);
    if (!exterior) return;
    const holes = rings.slice(1).map((r, k) => normaliseRing(r, `${where}, polygon ${i} ring ${k + 1}`, false));
    out.push([exterior, ...holes.filter((h): h is Ring => h !== null)]);
  });
  return out;
}

/**
 * The province GeoJSON from decoded echarts features: each feature matched to its region by name (and, when the
 * feature has an `id`, checked against the adcode), rings normalised (normalisePolygons), features in adcode order. Throws unless every
 * one of the 34 regions appears exactly once.
 */
export function provinceGeoJson(decoded: DecodedFeature[], where: string): ProvinceGeoJson {
  const byName = new Map(MAP_REGIONS.map((r) => [r.zh, r]));
  const seen = new Map<number, number>();
  const features = decoded.map((d, f): ProvinceFeature => {
    const at = `${where}: feature ${f} ("${d.properties.name}")`;
    const region = byName.get(d.properties.name);
    if (!region) throw new Error(`${at}: not one of the 34 regions (${MAP_REGIONS.map((r) => r.zh).join("、")})`);
    if (d.id !== undefined && Number(d.id) !== region.adcode) {
      throw new Error(`${at}: id ${d.id} differs from the GB/T 2260 code ${region.adcode} of ${region.zh}`);
    }
    if (seen.has(region.adcode)) throw new Error(`${at}: ${region.zh} already appeared as feature ${seen.get(region.adcode)}`);
    seen.set(region.adcode, f);
    const coordinates = normalisePolygons(d.polygons, at);
    if (coordinates.length === 0) throw new Error(`${at}: no polygon with a non-zero area`);
    return {
      type: "Feature",
      properties: { adcode: region.adcode, name_zh: region.zh, name_en: region.en },
      geometry: { type: "MultiPolygon", coordinates },
    };
  });
  const missing = MAP_REGIONS.filter((r) => !seen.has(r.adcode)).map((r) => r.zh);
  if (missing.length) throw new Error(`${where}: no feature for ${missing.join("、")}`);
  features.sort((a, b) => a.properties.adcode - b.properties.adcode);
  return { type: "FeatureCollection", features };
}

/** The file's text: one feature per line (readable diffs), keys in a fixed order, so equal maps give equal bytes. */
export function serialiseGeoJson(fc: ProvinceGeoJson): string {
  const lines = fc.features.map((f) =>
    JSON.stringify({
      type: "Feature",
      properties: { adcode: f.properties.adcode, name_zh: f.properties.name_zh, name_en: f.properties.name_en },
      geometry: { type: f.geometry.type, coordinates: f.geometry.coordinates },
    }),
  );
  return `{"type":"FeatureCollection","features":[\n${lines.join(",\n")}\n]}\n`;
}

export const PROVINCE_GEOJSON_FILE = ["geo", "china-provinces.geojson"] as const;

/** data/geo/china-provinces.geojson, parsed (a fresh copy on every call, so callers may modify it). */
export function loadProvinceGeoJson(): ProvinceGeoJson {
  const file = dataPath(...PROVINCE_GEOJSON_FILE);
  let fc: ProvinceGeoJson;
  try {
    fc = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Error(`${file}: ${(e as Error).message} (rebuild it with \`npm run geo\`)`);
  }
  if (fc?.type !== "FeatureCollection" || !Array.isArray(fc.features)) {
    throw new Error(`${file}: not a GeoJSON FeatureCollection`);
  }
  fc.features.forEach((f, i) => {
    if (typeof f?.properties?.adcode !== "number" || f.geometry?.type !== "MultiPolygon") {
      throw new Error(`${file}: feature ${i} lacks a numeric properties.adcode or a MultiPolygon geometry`);
    }
  });
  return fc;
}
