/**
 * Builds data/geo/china-provinces.geojson and data/geo/NOTICE from the China map inside the npm package
 * echarts@4.9.0 (Apache-2.0), without making echarts a dependency: `npm pack` fetches the tarball, its sha512 is
 * checked against the registry's integrity string pinned below, `tar` extracts the map, lib/data/echartsGeo.ts decodes
 * it, lib/data/geo.ts keys it by adcode and normalises the rings. Same tarball → byte-identical files.
 *
 *   npm run geo                                   # fetch (or reuse the cached tarball), write data/geo/
 *   npx tsx scripts/build-geojson.ts --tarball echarts-4.9.0.tgz --out /tmp/x.geojson --notice /tmp/NOTICE
 *
 * The tarball is cached in node_modules/.cache/build-geojson/ so later runs (and test/geo.test.ts) work offline.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { decodeEchartsMap, type EchartsMap } from "../lib/data/echartsGeo";
import { COORDINATE_DECIMALS, PROVINCE_GEOJSON_FILE, type ProvinceGeoJson, provinceGeoJson, serialiseGeoJson } from "../lib/data/geo";
import { dataPath, repoRoot } from "../lib/core/paths";

export const ECHARTS_VERSION = "4.9.0";
/** `npm view echarts@4.9.0 dist.integrity` */
export const ECHARTS_INTEGRITY =
  "sha512-+ugizgtJ+KmsJyyDPxaw2Br5FqzuBnyOWwcxPKO6y0gc5caYcfnEUIlNStx02necw8jmKmTafmpHhGo4XDtEIA==";
const MAP_ENTRY = "package/map/json/china.json";
const ENTRIES = [MAP_ENTRY, "package/LICENSE", "package/NOTICE", "package/package.json"];

/** Where the verified tarball is kept between runs. */
export function cachedTarballPath(): string {
  return join(repoRoot(), "node_modules", ".cache", "build-geojson", `echarts-${ECHARTS_VERSION}.tgz`);
}

function integrity(file: string): string {
  return "sha512-" + createHash("sha512").update(readFileSync(file)).digest("base64");
}

function checkIntegrity(file: string): void {
  const got = integrity(file);
  if (got !== ECHARTS_INTEGRITY) {
    throw new Error(`${file}: integrity ${got} is not echarts@${ECHARTS_VERSION}'s ${ECHARTS_INTEGRITY}`);
  }
}

/** The echarts tarball: the cached one, or a fresh `npm pack` (verified, then cached). */
export function obtainTarball(): string {
  const cached = cachedTarballPath();
  if (existsSync(cached)) {
    checkIntegrity(cached);
    return cached;
  }
  const dir = mkdtempSync(join(tmpdir(), "echarts-pack-"));
  try {
    execFileSync("npm", ["pack", `echarts@${ECHARTS_VERSION}`, "--pack-destination", dir, "--silent"], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    const tgz = readdirSync(dir).find((f) => f.endsWith(".tgz"));
    if (!tgz) throw new Error(`npm pack echarts@${ECHARTS_VERSION} left no .tgz in ${dir}`);
    checkIntegrity(join(dir, tgz));
    mkdirSync(dirname(cached), { recursive: true });
    copyFileSync(join(dir, tgz), cached + ".part");
    renameSync(cached + ".part", cached);
    return cached;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** NOTICE for the derived file: what it is, where it came from, what was changed, then echarts' NOTICE and LICENSE. */
function noticeText(echartsNotice: string, echartsLicense: string, fc: ProvinceGeoJson, openRings: string, dropped: number): string {
  const points = fc.features.reduce((n, f) => n + f.geometry.coordinates.flat().reduce((m, r) => m + r.length, 0), 0);
  return `china-provinces.geojson — provinces of China keyed by GB/T 2260 adcode

Derived from the file \`map/json/china.json\` of the npm package echarts@${ECHARTS_VERSION}
(Apache ECharts, https://echarts.apache.org/, tarball integrity ${ECHARTS_INTEGRITY}),
licensed under the Apache License, Version 2.0, reproduced below together with echarts' NOTICE.
Built by scripts/build-geojson.ts (\`npm run geo\`); the build is deterministic.

Changes made to the original (Apache-2.0 §4(b)):
- decoded echarts' compressed coordinates ("UTF8Encoding", scale 1/1024°, decode() of
  src/coord/geo/parseGeoJson.js) to plain GeoJSON longitude/latitude in degrees (echarts' map is a simplified
  outline for display, not a survey-grade boundary);
- rounded coordinates to ${COORDINATE_DECIMALS} decimals; closed the rings echarts left open (${openRings});
- dropped ${dropped} degenerate rings (zero area: fewer than three distinct points, e.g. A → B → A slivers
  left by echarts' simplification; they enclose nothing and cannot be drawn);
- wound exterior rings clockwise (the d3-geo / Plotly convention, reverse of RFC 7946's right-hand rule);
- replaced echarts' properties (id, name, cp, childNum) by adcode, name_zh, name_en; ordered features by adcode.
Known limits of the source: echarts simplified each outline on its own, so neighbouring outlines overlap or leave
gaps in thin slivers along shared borders, and 广东's outline crosses the coarse five-point outline of 澳门.
Result: ${fc.features.length} features (31 provinces, 台湾 710000, 香港 810000, 澳门 820000), ${points} positions.
台湾's feature includes, as echarts draws them, two small polygons near 123.5°E 25.7°N and 124.7°E 26.0°N
(钓鱼岛 and 赤尾屿).

Not included: the South China Sea islands inset (南海诸岛). It is not in china.json; echarts draws it at run time
(src/coord/geo/fix/nanhai.js) as a schematic box placed at 126°E 25°N in screen-like units, not at the islands'
real coordinates, so it has no place in a longitude/latitude file. Nor are the islands of the South China Sea
themselves in the data (海南's feature is Hainan Island only). A figure for publication in China needs the standard
map's inset (标准地图, 审图号) added separately.

======================================================================== echarts NOTICE
${echartsNotice.trimEnd()}

======================================================================== echarts LICENSE
${echartsLicense.trimEnd()}
`;
}

/** The two files' text from an echarts tarball. */
export function buildFromTarball(tgz: string): { geojson: string; notice: string } {
  checkIntegrity(tgz);
  const dir = mkdtempSync(join(tmpdir(), "echarts-extract-"));
  try {
    execFileSync("tar", ["-xzf", tgz, "-C", dir, ...ENTRIES], { stdio: ["ignore", "ignore", "inherit"] });
    const read = (entry: string) => readFileSync(join(dir, entry), "utf8");
    const version = JSON.parse(read("package/package.json")).version;
    if (version !== ECHARTS_VERSION) throw new Error(`${tgz}: package.json says version ${version}, expected ${ECHARTS_VERSION}`);
    const where = `echarts@${ECHARTS_VERSION}/${MAP_ENTRY.replace(/^package\//, "")}`;
    const map: EchartsMap = JSON.parse(read(MAP_ENTRY));
    const decoded = decodeEchartsMap(map, where);
    const open = decoded.flatMap((d) =>
      d.polygons.flat().filter((r) => r[0][0] !== r[r.length - 1][0] || r[0][1] !== r[r.length - 1][1]).map(() => d.properties.name),
    );
    const fc = provinceGeoJson(decoded, where);
    const ringCount = (polygons: unknown[][]) => polygons.reduce((n, p) => n + p.length, 0);
    const dropped =
      decoded.reduce((n, d) => n + ringCount(d.polygons), 0) - fc.features.reduce((n, f) => n + ringCount(f.geometry.coordinates), 0);
    const notice = noticeText(read("package/NOTICE"), read("package/LICENSE"), fc, open.length ? open.join("、") : "none", dropped);
    return { geojson: serialiseGeoJson(fc), notice };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Write every file to a temporary name first, then rename them all: no half-written output. */
function writeAll(files: [string, string][]): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.tmp-${process.pid}`, text);
  }
  for (const [path] of files) renameSync(`${path}.tmp-${process.pid}`, path);
}

function main(argv: string[]): void {
  const opt = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    if (i < 0) return undefined;
    if (i + 1 >= argv.length) throw new Error(`${name} needs a value`);
    return argv[i + 1];
  };
  const known = new Set(["--out", "--notice", "--tarball"]);
  for (let i = 0; i < argv.length; i += 2) {
    if (!known.has(argv[i])) throw new Error(`unknown argument "${argv[i]}" (expected --out, --notice, --tarball)`);
  }
  const out = opt("--out") ?? dataPath(...PROVINCE_GEOJSON_FILE);
  const noticePath = opt("--notice") ?? join(dirname(out), "NOTICE");
  const tgz = opt("--tarball") ?? obtainTarball();
  const { geojson, notice } = buildFromTarball(tgz);
  writeAll([
    [out, geojson],
    [noticePath, notice],
  ]);
  const sha = createHash("sha256").update(geojson).digest("hex");
  const show = (p: string) => (p.startsWith(repoRoot()) ? relative(repoRoot(), p) : p);
  console.log(`${show(out)}: ${Buffer.byteLength(geojson)} bytes, sha256 ${sha}`);
  console.log(`${show(noticePath)}: ${Buffer.byteLength(notice)} bytes`);
}

if (require.main === module) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`build-geojson: ${(e as Error).message}`);
    process.exit(1);
  }
}
