/**
 * Decoding ECharts' compressed GeoJSON ("UTF8Encoding"), the format of the maps inside the npm package echarts@4.
 *
 * A port of `decode`/`decodePolygon` in echarts@4.9.0 src/coord/geo/parseGeoJson.js (Apache-2.0). Each ring is a
 * string of character pairs; for a pair (cx, cy):
 *   u = charCode − 64,  d = (u >> 1) ^ −(u & 1)   (ZigZag: 0,1,2,3,4 → 0,−1,1,−2,2),
 *   xᵢ = xᵢ₋₁ + dₓ with x₀ = encodeOffsets[0] (delta coding), and the point is (x / scale, y / scale),
 * scale = UTF8Scale (1024 when absent). Coordinates come out as [lon, lat] in degrees.
 */

export type Position = [number, number];
export type Ring = Position[];

/** One feature of an echarts map file, encoded or not. */
export interface EchartsFeature {
  type: "Feature";
  id?: string;
  properties: { name: string; [key: string]: unknown };
  geometry:
    | { type: "Polygon"; coordinates: (string | Ring)[]; encodeOffsets?: Position[] }
    | { type: "MultiPolygon"; coordinates: (string | Ring)[][]; encodeOffsets?: Position[][] };
}

export interface EchartsMap {
  type?: string;
  UTF8Encoding?: boolean;
  UTF8Scale?: number;
  features: EchartsFeature[];
}

export interface DecodedFeature {
  id?: string;
  properties: EchartsFeature["properties"];
  /** polygons, each a list of rings (exterior first), as in a GeoJSON MultiPolygon */
  polygons: Ring[][];
}

/** ZigZag decoding: the non-negative code u stands for d = (u >> 1) ^ −(u & 1). */
export function zigZagDecode(u: number): number {
  return (u >> 1) ^ -(u & 1);
}

/** One encoded ring → [lon, lat] points: delta-decode from `offset`, then divide by `scale`. */
export function decodeRing(encoded: string, offset: Position, scale: number): Ring {
  if (encoded.length % 2 !== 0) throw new Error(`encoded ring has an odd number of characters (${encoded.length})`);
  const ring: Ring = [];
  let [x, y] = offset;
  for (let i = 0; i < encoded.length; i += 2) {
    x += zigZagDecode(encoded.charCodeAt(i) - 64);
    y += zigZagDecode(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/**
 * Every feature of an echarts map as plain polygons (Polygon features become one-polygon lists).
 * `where` names the file in error messages. The input is not modified (echarts' own decode works in place).
 */
export function decodeEchartsMap(map: EchartsMap, where: string): DecodedFeature[] {
  if (!Array.isArray(map.features)) throw new Error(`${where}: no "features" array`);
  const scale = map.UTF8Scale ?? 1024;
  const encoded = map.UTF8Encoding === true;
  return map.features.map((feature, f) => {
    const at = `${where}: feature ${f} (${feature.properties?.name ?? "unnamed"})`;
    const g = feature.geometry;
    const ring = (r: string | Ring, offset: Position | undefined, label: string): Ring => {
      if (!encoded) {
        if (typeof r === "string") throw new Error(`${at}, ${label}: encoded ring in a file without UTF8Encoding`);
        return r.map(([lon, lat]) => [lon, lat] as Position);
      }
      if (typeof r !== "string") throw new Error(`${at}, ${label}: expected an encoded string`);
      if (!offset) throw new Error(`${at}, ${label}: missing encodeOffsets`);
      return decodeRing(r, offset, scale);
    };
    let polygons: Ring[][];
    if (g.type === "Polygon") {
      polygons = [g.coordinates.map((r, k) => ring(r, g.encodeOffsets?.[k], `ring ${k}`))];
    } else if (g.type === "MultiPolygon") {
      polygons = g.coordinates.map((p, i) => p.map((r, k) => ring(r, g.encodeOffsets?.[i]?.[k], `polygon ${i} ring ${k}`)));
    } else {
      throw new Error(`${at}: unsupported geometry type "${(g as { type: string }).type}"`);
    }
    return { id: feature.id, properties: feature.properties, polygons };
  });
}
