import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { formatValue, indicatorMap, PAPER_TYPES, typeMap } from "../lib/present/charts/choropleth";
import { bilingual } from "../lib/core/text";
import { decodeEchartsMap, decodeRing, type EchartsMap, type Ring, zigZagDecode } from "../lib/data/echartsGeo";
import {
  loadProvinceGeoJson,
  MAP_REGIONS,
  normaliseRing,
  PROVINCE_GEOJSON_FILE,
  provinceGeoJson,
  type ProvinceFeature,
  serialiseGeoJson,
} from "../lib/data/geo";
import { dataPath, repoRoot } from "../lib/core/paths";
import { PROVINCES, TYPES } from "../lib/paper/provinces";

// ---- independent geometry helpers (not the code under test) ----

/** Twice the signed area by the shoelace formula; > 0 for counter-clockwise. */
function shoelace(ring: Ring): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s;
}

/** Ray casting (even–odd rule): a horizontal ray from (x, y) crosses the ring's edges an odd number of times. */
function inRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function inFeature(pt: [number, number], f: ProvinceFeature): boolean {
  return f.geometry.coordinates.some(([outer, ...holes]) => inRing(pt, outer) && !holes.some((h) => inRing(pt, h)));
}

// Seats of government (city centres, rounded to 0.01°), and the centres of Taipei, Kowloon and Macao peninsula.
const CAPITALS: [number, string, [number, number]][] = [
  [110000, "北京", [116.4, 39.9]],
  [120000, "天津", [117.2, 39.13]],
  [130000, "石家庄", [114.51, 38.04]],
  [140000, "太原", [112.55, 37.87]],
  [150000, "呼和浩特", [111.75, 40.84]],
  [210000, "沈阳", [123.43, 41.8]],
  [220000, "长春", [125.32, 43.82]],
  [230000, "哈尔滨", [126.53, 45.8]],
  [310000, "上海", [121.47, 31.23]],
  [320000, "南京", [118.8, 32.06]],
  [330000, "杭州", [120.16, 30.27]],
  [340000, "合肥", [117.23, 31.82]],
  [350000, "福州", [119.3, 26.08]],
  [360000, "南昌", [115.86, 28.68]],
  [370000, "济南", [117.0, 36.65]],
  [410000, "郑州", [113.63, 34.75]],
  [420000, "武汉", [114.31, 30.59]],
  [430000, "长沙", [112.94, 28.23]],
  [440000, "广州", [113.26, 23.13]],
  [450000, "南宁", [108.37, 22.82]],
  [460000, "海口", [110.35, 20.02]],
  [500000, "重庆", [106.55, 29.56]],
  [510000, "成都", [104.07, 30.57]],
  [520000, "贵阳", [106.63, 26.65]],
  [530000, "昆明", [102.83, 24.88]],
  [540000, "拉萨", [91.13, 29.65]],
  [610000, "西安", [108.94, 34.34]],
  [620000, "兰州", [103.83, 36.06]],
  [630000, "西宁", [101.78, 36.62]],
  [640000, "银川", [106.23, 38.49]],
  [650000, "乌鲁木齐", [87.62, 43.82]],
  [710000, "台北", [121.56, 25.04]],
  [810000, "九龙", [114.17, 22.32]],
  [820000, "澳门半岛", [113.54, 22.19]],
];

const EXPECTED_ADCODES = [...PROVINCES.map((p) => p.adcode), 710000, 810000, 820000].sort((a, b) => a - b);

describe("echarts' compressed GeoJSON decoder", () => {
  it("decodes ZigZag codes 0,1,2,3,4 as 0,−1,1,−2,2", () => {
    expect([0, 1, 2, 3, 4].map(zigZagDecode)).toEqual([0, -1, 1, -2, 2]);
  });
  it("delta-decodes a hand-encoded unit square ('@'=0, 'B'=+1, 'A'=−1, in 1/1024°)", () => {
    const s = 1 / 1024;
    expect(decodeRing("@@B@@BA@", [116 * 1024, 40 * 1024], 1024)).toEqual([
      [116, 40],
      [116 + s, 40],
      [116 + s, 40 + s],
      [116, 40 + s],
    ]);
  });
  it("decodes Polygon and MultiPolygon features with their offsets, and honours UTF8Scale", () => {
    const map: EchartsMap = {
      UTF8Encoding: true,
      UTF8Scale: 10,
      features: [
        { type: "Feature", properties: { name: "a" }, geometry: { type: "Polygon", coordinates: ["@@D@@DC@"], encodeOffsets: [[10, 20]] } },
        {
          type: "Feature",
          properties: { name: "b" },
          geometry: { type: "MultiPolygon", coordinates: [["@@B@"], ["@@@B"]], encodeOffsets: [[[0, 0]], [[5, 5]]] },
        },
      ],
    };
    const [a, b] = decodeEchartsMap(map, "sample");
    // 'D' = 68 → 4 → +2 steps of 1/10
    expect(a.polygons).toEqual([[[[1, 2], [1.2, 2], [1.2, 2.2], [1, 2.2]]]]);
    expect(b.polygons).toEqual([[[[0, 0], [0.1, 0]]], [[[0.5, 0.5], [0.5, 0.6]]]]);
    expect(map.features[0].geometry.coordinates[0]).toBe("@@D@@DC@"); // input left alone
  });
  it("rejects malformed input with the file and feature in the message", () => {
    const bad: EchartsMap = {
      UTF8Encoding: true,
      features: [{ type: "Feature", properties: { name: "北京" }, geometry: { type: "Polygon", coordinates: ["@@B@"] } }],
    };
    expect(() => decodeEchartsMap(bad, "china.json")).toThrow(/china\.json: feature 0 \(北京\), ring 0: missing encodeOffsets/);
    expect(() => decodeRing("@@B", [0, 0], 1024)).toThrow(/odd number/);
  });
});

describe("ring normalisation and the province collection", () => {
  it("rounds, drops repeats, closes, and winds exteriors clockwise and holes counter-clockwise", () => {
    const ccw: Ring = [[0, 0], [1.00004, 0], [1, 0], [1, 1], [0, 1]];
    const ext = normaliseRing(ccw, "t", true)!;
    expect(ext).toEqual([[0, 1], [1, 1], [1, 0], [0, 0], [0, 1]]); // the four corners, reversed, closed
    expect(shoelace(ext)).toBeLessThan(0);
    const hole = normaliseRing(ext, "t", false)!;
    expect(shoelace(hole)).toBeGreaterThan(0);
  });
  it("drops zero-area slivers (A → B → A) and collinear rings", () => {
    expect(normaliseRing([[120, 23], [120.05, 23.5], [120, 23]], "t", true)).toBeNull();
    expect(normaliseRing([[0, 0], [1, 1], [2, 2], [0, 0]], "t", true)).toBeNull();
  });
  const square = (x: number): Ring[][] => [[[[x, 30], [x + 1, 30], [x + 1, 31], [x, 31], [x, 30]]]];
  const decoded = MAP_REGIONS.map((r, i) => ({ id: String(r.adcode), properties: { name: r.zh }, polygons: square(80 + i) }));
  it("keys features by adcode in adcode order whatever the input order, so the output bytes are the same", () => {
    const a = serialiseGeoJson(provinceGeoJson(decoded, "t"));
    const b = serialiseGeoJson(provinceGeoJson([...decoded].reverse(), "t"));
    expect(b).toBe(a);
    const fc = JSON.parse(a);
    expect(fc.features.map((f: ProvinceFeature) => f.properties.adcode)).toEqual(EXPECTED_ADCODES);
  });
  it("refuses an unknown name, an id that is not the adcode, a duplicate, and a missing region", () => {
    const named = (i: number, name: string) => decoded.map((d, k) => (k === i ? { ...d, properties: { name } } : d));
    expect(() => provinceGeoJson(named(0, "火星"), "f.json")).toThrow(/f\.json: feature 0 \("火星"\): not one of/);
    const wrongId = decoded.map((d, k) => (k === 0 ? { ...d, id: "120000" } : d));
    expect(() => provinceGeoJson(wrongId, "f.json")).toThrow(/id 120000 differs from .* 110000 of 北京/);
    expect(() => provinceGeoJson([...decoded, decoded[5]], "f.json")).toThrow(/already appeared/);
    expect(() => provinceGeoJson(decoded.slice(1), "f.json")).toThrow(/no feature for 北京/);
  });
});

describe("data/geo/china-provinces.geojson", () => {
  const fc = loadProvinceGeoJson();
  const text = readFileSync(dataPath(...PROVINCE_GEOJSON_FILE), "utf8");

  it("has 34 features: the 31 provinces of lib/paper/provinces.ts plus 台湾, 香港 and 澳门, adcodes unique", () => {
    expect(fc.features).toHaveLength(34);
    expect(fc.features.map((f) => f.properties.adcode)).toEqual(EXPECTED_ADCODES);
    for (const p of PROVINCES) {
      const f = fc.features.find((g) => g.properties.adcode === p.adcode)!;
      expect([f.properties.name_zh, f.properties.name_en]).toEqual([p.zh, p.en]);
    }
    const others = fc.features.filter((f) => f.properties.adcode > 700000).map((f) => f.properties.name_zh);
    expect(others).toEqual(["台湾", "香港", "澳门"]);
  });
  it("keeps every coordinate inside China's bounding box (lon 73–136, lat 3–54) with at most 4 decimals", () => {
    let n = 0;
    for (const f of fc.features) {
      for (const [lon, lat] of f.geometry.coordinates.flat(2)) {
        n++;
        expect(lon >= 73 && lon <= 136 && lat >= 3 && lat <= 54, `${f.properties.name_zh} [${lon}, ${lat}]`).toBe(true);
        expect(Math.abs(lon * 1e4 - Math.round(lon * 1e4)) < 1e-6 && Math.abs(lat * 1e4 - Math.round(lat * 1e4)) < 1e-6).toBe(true);
      }
    }
    expect(n).toBeGreaterThan(10_000); // a real outline, not a placeholder
  });
  it("has closed rings of ≥ 4 positions, exteriors clockwise (d3/Plotly winding)", () => {
    for (const f of fc.features) {
      for (const [outer, ...holes] of f.geometry.coordinates) {
        for (const ring of [outer, ...holes]) {
          expect(ring.length).toBeGreaterThanOrEqual(4);
          expect(ring[ring.length - 1]).toEqual(ring[0]);
        }
        expect(shoelace(outer), f.properties.name_zh).toBeLessThan(0);
        for (const h of holes) expect(shoelace(h)).toBeGreaterThan(0);
      }
    }
  });
  // echarts simplified each outline on its own, so neighbours overlap in thin slivers along shared borders; at
  // 澳门 the overlap is the point itself: 广东's outline crosses echarts' coarse five-point outline of 澳门 (the maps
  // draw 无数据 / no data last, on top, so 澳门 stays visible).
  const KNOWN_OVERLAPS: Record<number, number[]> = { 820000: [440000] };
  it.each(CAPITALS)("puts the point of %i's %s inside that region and no other", (adcode, _city, pt) => {
    const containing = fc.features.filter((f) => inFeature(pt, f)).map((f) => f.properties.adcode);
    expect(containing).toContain(adcode);
    expect(containing.filter((a) => a !== adcode)).toEqual(KNOWN_OVERLAPS[adcode] ?? []);
  });
  it("is in the canonical form the build script writes (parse → serialise gives the same bytes)", () => {
    expect(serialiseGeoJson(fc)).toBe(text);
  });
  it("comes with a NOTICE naming echarts@4.9.0, its source file and the Apache License", () => {
    const notice = readFileSync(dataPath("geo", "NOTICE"), "utf8");
    expect(notice).toMatch(/echarts@4\.9\.0/);
    expect(notice).toMatch(/map\/json\/china\.json/);
    expect(notice).toMatch(/Apache License\s+Version 2\.0/);
    expect(notice).toMatch(/The Apache Software Foundation/);
    expect(notice).toMatch(/南海诸岛/);
  });
  it("is a fresh copy on every load", () => {
    const a = loadProvinceGeoJson();
    a.features.pop();
    expect(loadProvinceGeoJson().features).toHaveLength(34);
  });
});

// The full build needs echarts' tarball; `npm run geo` caches it (and CI may not have run it). Offline and without
// the cache this is skipped; the canonical-form test above still pins the committed file.
const tarball = join(repoRoot(), "node_modules", ".cache", "build-geojson", "echarts-4.9.0.tgz");
describe.skipIf(!existsSync(tarball))("scripts/build-geojson.ts from the cached echarts tarball", () => {
  it("writes byte-identical files on two runs, equal to the committed ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "geo-build-"));
    try {
      for (const run of ["a", "b"]) {
        execFileSync(process.execPath, [
          join(repoRoot(), "node_modules", "tsx", "dist", "cli.mjs"),
          join(repoRoot(), "scripts", "build-geojson.ts"),
          "--tarball", tarball,
          "--out", join(dir, run, "china.geojson"),
        ], { stdio: "pipe" });
      }
      const a = readFileSync(join(dir, "a", "china.geojson"));
      expect(readFileSync(join(dir, "b", "china.geojson")).equals(a)).toBe(true);
      expect(a.equals(readFileSync(dataPath(...PROVINCE_GEOJSON_FILE)))).toBe(true);
      expect(readFileSync(join(dir, "a", "NOTICE")).equals(readFileSync(dataPath("geo", "NOTICE")))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("choropleth figures", () => {
  const NO_DATA = [710000, 810000, 820000];
  type Trace = { type: string; name: string; locations: number[]; text: string[]; z: number[]; geojson: { features: ProvinceFeature[] }; featureidkey: string };

  it("typeMap: one trace per type in Table 1's order (3,6,4,4,6,5,3 provinces), then 无数据 / no data", () => {
    const fig = typeMap(PAPER_TYPES, "zh");
    const traces = fig.data as unknown as Trace[];
    expect(traces).toHaveLength(8);
    expect(traces.map((t) => t.name)).toEqual([...TYPES.map((t) => `${t.zh} / ${t.en}`), "无数据 / no data"]);
    expect(traces.slice(0, 7).map((t) => t.locations.length)).toEqual([3, 6, 4, 4, 6, 5, 3]);
    expect(traces[7].locations).toEqual(NO_DATA);
    expect(traces[0].locations).toEqual([110000, 310000, 500000]); // 北京, 上海, 重庆: 双循环经济
    // every region exactly once; each trace carries exactly its own features
    expect(traces.flatMap((t) => t.locations).sort((a, b) => a - b)).toEqual(EXPECTED_ADCODES);
    for (const t of traces) {
      expect(t.type).toBe("choropleth");
      expect(t.featureidkey).toBe("properties.adcode");
      expect(t.geojson.features.map((f) => f.properties.adcode)).toEqual(t.locations);
    }
    const colours = traces.map((t) => JSON.stringify((t as unknown as { colorscale: unknown }).colorscale));
    expect(new Set(colours).size).toBe(8);
  });
  it("typeMap: bilingual hover text and legend, in the chosen language's order", () => {
    const zh = typeMap(PAPER_TYPES, "zh").data as unknown as Trace[];
    expect(zh[0].text[0]).toBe("北京 / Beijing<br>双循环经济 / Dual-circulation economy");
    expect(zh[7].text).toContain("台湾 / Taiwan<br>无数据 / no data");
    const en = typeMap(PAPER_TYPES, "en");
    expect((en.data[7] as { name: string }).name).toBe("no data / 无数据");
    expect((en.data[6] as { text: string[] }).text[0]).toBe("Tibet / 西藏<br>Import (inflow-dependent) economy / 输入型经济");
    expect(bilingual("类型", "Type", "en")).toBe("Type / 类型");
  });
  it("typeMap: provinces left out are drawn as no data; unknown provinces and types are errors", () => {
    const fig = typeMap({ 北京: "双循环经济", 新疆: "外向型经济" });
    expect(fig.data).toHaveLength(3);
    expect((fig.data[2] as { locations: number[] }).locations).toHaveLength(29 + 3);
    expect(() => typeMap({ 火星: "双循环经济" })).toThrow(/火星/);
    expect(() => typeMap({ 北京: "开放型经济" as never })).toThrow(/北京 has type "开放型经济"/);
  });
  it("lays the map on a geo subplot with a hidden base map, fitted to the locations, drawable offline", () => {
    const fig = typeMap(PAPER_TYPES);
    const geo = fig.layout.geo as { visible: boolean; fitbounds: string };
    expect(geo.visible).toBe(false);
    expect(geo.fitbounds).toBe("locations");
    expect(String(fig.config.topojsonURL)).toMatch(/^data:application\/json,/);
    expect(JSON.parse(JSON.stringify(fig))).toEqual(fig); // plain JSON
  });
  it("indicatorMap: values in adcode order, value and unit in the hover text, missing provinces as no data", () => {
    const values = Object.fromEntries(PROVINCES.filter((p) => p.zh !== "西藏").map((p) => [p.zh, p.adcode / 1000]));
    const fig = indicatorMap(values, { title: "出口率 / export ratio", unit: "%", lang: "zh", colorscale: "Blues" });
    const [main, none] = fig.data as unknown as Trace[];
    expect(fig.data).toHaveLength(2);
    expect(main.locations).toHaveLength(30);
    expect(main.z[0]).toBe(110);
    expect(main.text[0]).toBe("北京 / Beijing<br>出口率 / export ratio: 110 %");
    expect(none.locations).toEqual([540000, ...NO_DATA]);
    expect(none.text[0]).toBe("西藏 / Tibet<br>无数据 / no data");
    expect((main as unknown as { colorscale: string }).colorscale).toBe("Blues");
  });
  it("indicatorMap: a non-finite value or an unknown province is an error naming it", () => {
    expect(() => indicatorMap({ 北京: NaN }, { title: "x" })).toThrow(/北京 has value NaN/);
    expect(() => indicatorMap({ 北平: 1 }, { title: "x" })).toThrow(/北平/);
  });
  it("formats hover values: four significant digits, thousands separators from 1000", () => {
    expect([0.123456, 12.5, -2500.4, 1234567.8, 0].map(formatValue)).toEqual(["0.1235", "12.5", "-2,500", "1,234,568", "0"]);
  });
});
