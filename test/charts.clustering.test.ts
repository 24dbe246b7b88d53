// Chart builders of the clustering notebook (lib/present/charts/clustering.ts): trace counts, labels, colours, and no
// NaN or Infinity anywhere in the figure JSON (JSON.stringify would silently turn NaN into null).
import { describe, expect, it } from "vitest";
import {
  biplot,
  CLUSTER_PALETTE,
  confusionHeatmap,
  dendrogram,
  dendrogramCoordinates,
  elbowChart,
  localOptimaChart,
  searchBars,
  TYPE_SYMBOLS,
  typeScatter,
} from "../lib/present/charts/clustering";
import { TYPE_COLOURS } from "../lib/present/charts/choropleth";
import { cutTree, linkage, type Dendrogram } from "../lib/cluster/hierarchical";
import { pca } from "../lib/cluster/pca";
import { clusterProvinces, DEFAULT_CLUSTER_OPTIONS } from "../lib/typology/pipeline";
import { provinceFlows2017 } from "../lib/data/editions";
import { ratios } from "../lib/indicators/ratios";
import { province, TYPES } from "../lib/paper/provinces";

/** Every number in a JSON-like value is finite (null gaps allowed); returns the paths of the others. */
function nonFinite(v: unknown, path = "$"): string[] {
  if (typeof v === "number") return Number.isFinite(v) ? [] : [`${path} = ${v}`];
  if (Array.isArray(v)) return v.flatMap((x, i) => nonFinite(x, `${path}[${i}]`));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => nonFinite(x, `${path}.${k}`));
  return [];
}

const rows = provinceFlows2017("paper");
const names = rows.map((r) => ({ zh: r.province_zh, en: province(r.province_zh).en }));
const types = rows.map((r) => province(r.province_zh).type);

describe("typeScatter", () => {
  const points = rows.map((r, i) => ({ x: ratios(r).ftd, y: ratios(r).dtd, label: names[i], type: types[i] }));

  it("one trace per type in Table 1's order, coloured by type, every province labelled", () => {
    const fig = typeScatter({ title: "t", xTitle: "ftd", yTitle: "dtd", points, reference: { x: 37.26, y: 178.17, label: "全国" } }, "zh");
    expect(fig.data).toHaveLength(7);
    expect(fig.data.map((t) => t.name)).toEqual(TYPES.map((t) => `${t.zh} / ${t.en}`));
    expect(fig.data.map((t) => (t.marker as { color: string }).color)).toEqual(TYPES.map((t) => TYPE_COLOURS[t.zh]));
    expect(fig.data.flatMap((t) => t.text as string[]).sort()).toEqual(rows.map((r) => r.province_zh).sort());
    expect(fig.data.every((t) => t.mode === "markers+text")).toBe(true);
    expect((fig.layout.shapes as unknown[]).length).toBe(2);
    expect(nonFinite(fig)).toEqual([]);
  });

  it("log axes: both axes logarithmic, reference labels placed at log10 of the value; non-positive values rejected", () => {
    const fig = typeScatter({ title: "t", xTitle: "x", yTitle: "y", points, logAxes: true, reference: { x: 100, label: "N" } }, "en");
    expect(fig.layout.xaxis).toMatchObject({ type: "log" });
    expect(fig.layout.yaxis).toMatchObject({ type: "log" });
    expect((fig.layout.annotations as { x: number }[])[0].x).toBe(2);
    expect(fig.data[0].name).toBe("Dual-circulation economy / 双循环经济");
    expect(() => typeScatter({ title: "t", xTitle: "x", yTitle: "y", points: [{ ...points[0], x: 0 }], logAxes: true })).toThrow(/北京.*log axes/);
    expect(() => typeScatter({ title: "t", xTitle: "x", yTitle: "y", points: [{ ...points[0], y: NaN }] })).toThrow(/not a finite number/);
  });
});

describe("dendrogram", () => {
  // three leaves: 0 and 1 merge at 1, then {0, 1} and 2 at 3
  const d: Dendrogram = {
    n: 3,
    merges: [
      { left: 0, right: 1, height: 1, size: 2 },
      { left: 2, right: 3, height: 3, size: 3 },
    ],
    order: [2, 0, 1],
  };

  it("coordinates: leaves along the order, a node midway above its children at its height", () => {
    const { x, y } = dendrogramCoordinates(d);
    expect(x).toEqual([1, 2, 0, 1.5, 0.75]);
    expect(y).toEqual([0, 0, 0, 1, 3]);
  });

  it("cut at k = 2: one trace per cluster (the singleton shows as a stub up to the cut), grey above, dashed line at the cut", () => {
    const fig = dendrogram(d, { title: "t", labels: ["a", "b", "c"], k: 2, clusters: [0, 0, 1], leafTypes: ["双循环经济", "双循环经济", "输入型经济"] }, "zh");
    const lines = fig.data.filter((t) => t.mode === "lines");
    expect(lines.map((t) => t.name)).toEqual(["簇 1 / cluster 1", "簇 2 / cluster 2", "切割线以上 / above the cut"]);
    // cluster 1: the U joining a and b, then its stub from height 1 up to the cut at (1 + 3)/2 = 2
    expect(lines[0].x).toEqual([1, 1, 2, 2, null, 1.5, 1.5, null]);
    expect(lines[0].y).toEqual([0, 1, 1, 0, null, 1, 2, null]);
    expect(lines[1].y).toEqual([0, 2, null]); // c alone: a stub from 0 to the cut
    expect(lines[2].y).toEqual([2, 3, 3, 2, null]);
    expect(lines.map((t) => (t.line as { color: string }).color)).toEqual([CLUSTER_PALETTE[0], CLUSTER_PALETTE[1], "#999999"]);
    const markers = fig.data.filter((t) => t.mode === "markers");
    expect(markers.map((t) => t.name)).toEqual(["双循环经济 / Dual-circulation economy", "输入型经济 / Import (inflow-dependent) economy"]);
    expect(fig.layout.xaxis).toMatchObject({ ticktext: ["c", "a", "b"], tickvals: [0, 1, 2] });
    expect(fig.layout.shapes).toEqual([expect.objectContaining({ y0: 2, y1: 2 })]);
    expect(nonFinite(fig)).toEqual([]);
  });

  it("on the 31 provinces with Ward's method cut at 7: seven cluster traces, all 31 leaves labelled, no NaN", () => {
    const c = clusterProvinces(rows, { ...DEFAULT_CLUSTER_OPTIONS, method: "ward" });
    const tree = linkage(c.Z, "ward");
    const clusters = cutTree(tree, 7);
    const fig = dendrogram(tree, { title: "Ward", labels: names, k: 7, clusters, leafTypes: types, clusterColours: ["#000000"] }, "en");
    const lines = fig.data.filter((t) => t.mode === "lines");
    expect(lines).toHaveLength(8);
    expect((fig.layout.xaxis as { ticktext: string[] }).ticktext.slice().sort()).toEqual(names.map((n) => n.en).sort());
    expect(fig.data.filter((t) => t.mode === "markers").flatMap((t) => t.text as string[])).toHaveLength(31);
    // every merge is drawn: 30 U shapes of 4 points, split at the cut into more segments but never fewer
    const segments = lines.reduce((s, t) => s + (t.x as unknown[]).filter((v) => v === null).length, 0);
    expect(segments).toBeGreaterThanOrEqual(30);
    expect(nonFinite(fig)).toEqual([]);
  });

  it("rejects a label count that does not match, and k without clusters", () => {
    expect(() => dendrogram(d, { title: "t", labels: ["a"] })).toThrow(/1 labels for 3 leaves/);
    expect(() => dendrogram(d, { title: "t", labels: ["a", "b", "c"], k: 2 })).toThrow(/needs one cluster per leaf/);
  });
});

describe("confusionHeatmap", () => {
  it("counts printed in the cells, rows as given, columns on top", () => {
    const fig = confusionHeatmap({ title: "c", rows: ["a", "b"], columns: ["1", "2", "3"], counts: [[2, 0, 1], [0, 3, 0]] }, "zh");
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0]).toMatchObject({ type: "heatmap", texttemplate: "%{z}", y: ["a", "b"], x: ["1", "2", "3"], zmin: 0 });
    expect(fig.layout.yaxis).toMatchObject({ autorange: "reversed" });
    expect(fig.layout.xaxis).toMatchObject({ side: "top" });
    expect(() => confusionHeatmap({ title: "c", rows: ["a"], columns: ["1"], counts: [[1.5]] })).toThrow(/not a count/);
    expect(() => confusionHeatmap({ title: "c", rows: ["a"], columns: ["1", "2"], counts: [[1]] })).toThrow(/1 values for 2 columns/);
  });
});

describe("biplot", () => {
  it("per cluster a drawn trace and a plain-circle legend entry, per type a symbol legend entry; symbols follow the paper's type; arrows with labels at their heads", () => {
    const c = clusterProvinces(rows, DEFAULT_CLUSTER_OPTIONS);
    const p = pca(c.Z);
    const fig = biplot(
      { title: "b", scores: p.scores, loadings: p.loadings, featureLabels: c.features, pointLabels: names, clusters: c.labels, types, explained: p.explainedVarianceRatio },
      "zh",
    );
    const drawn = fig.data.filter((t) => t.mode === "markers+text");
    expect(drawn).toHaveLength(7);
    expect(drawn.every((t) => t.showlegend === false)).toBe(true);
    expect(fig.data.filter((t) => t.legendgroup === "types")).toHaveLength(7);
    // each cluster's legend entry shares its legend group, name and colour with the drawn trace
    for (const t of drawn) {
      const entry = fig.data.find((e) => e !== t && e.legendgroup === t.legendgroup)!;
      expect(entry).toMatchObject({ name: t.name, x: [null], marker: { symbol: "circle", color: (t.marker as { color: string }).color } });
    }
    expect(drawn.flatMap((t) => t.text as string[]).sort()).toEqual(rows.map((r) => r.province_zh).sort());
    for (const t of drawn) {
      const symbols = (t.marker as { symbol: string[] }).symbol;
      (t.text as string[]).forEach((name, i) => expect(symbols[i]).toBe(TYPE_SYMBOLS[province(name).type]));
    }
    const ann = fig.layout.annotations as { x: number; y: number; text: string; showarrow: boolean }[];
    const arrows = ann.filter((a) => a.showarrow);
    const labels = ann.filter((a) => !a.showarrow);
    expect(arrows).toHaveLength(5);
    expect(arrows.every((a) => a.text === "")).toBe(true);
    expect(labels.map((a) => a.text)).toEqual(c.features);
    labels.forEach((l, j) => expect([l.x, l.y]).toEqual([arrows[j].x, arrows[j].y]));
    expect((fig.layout.xaxis as { title: { text: string } }).title.text).toMatch(/^第一主成分（\d+\.\d%）/);
    expect(nonFinite(fig)).toEqual([]);
  });

  it("rejects mismatched lengths", () => {
    expect(() =>
      biplot({ title: "b", scores: [[0, 0]], loadings: [[1, 0]], featureLabels: ["f"], pointLabels: ["a", "b"], clusters: [0], types: ["双循环经济"], explained: [0.5, 0.5] }),
    ).toThrow(/2 pointLabels for 1 points/);
  });
});

describe("elbowChart and searchBars", () => {
  it("elbow: inertia and silhouette on two axes; undefined silhouettes dropped, not drawn as NaN", () => {
    const fig = elbowChart(
      {
        title: "e",
        points: [
          { k: 2, inertia: 80, silhouette: 0.4 },
          { k: 3, inertia: 50, silhouette: null },
          { k: 4, inertia: 30, silhouette: 0.35 },
        ],
        chosenK: 3,
      },
      "en",
    );
    expect(fig.data).toHaveLength(2);
    expect(fig.data[0]).toMatchObject({ x: [2, 3, 4], y: [80, 50, 30], yaxis: "y" });
    expect(fig.data[1]).toMatchObject({ x: [2, 4], y: [0.4, 0.35], yaxis: "y2" });
    expect(fig.layout.yaxis2).toMatchObject({ overlaying: "y", side: "right" });
    expect(nonFinite(fig)).toEqual([]);
  });

  it("search bars: best at the top, ranks keep labels unique, one trace per group", () => {
    const fig = searchBars(
      {
        title: "s",
        bars: [
          { label: "ftd+dtd · z · k-means", ari: 0.43, ami: 0.5, group: "k-means" },
          { label: "ftd+dtd · z · Ward", ari: 0.39, ami: 0.57, group: "Ward" },
          { label: "ftd+dtd · z · k-means", ari: 0.3, ami: 0.4, group: "k-means" },
        ],
      },
      "zh",
    );
    expect(fig.data.map((t) => t.name)).toEqual(["k-means", "Ward"]);
    expect(fig.data[0].y).toEqual(["1. ftd+dtd · z · k-means", "3. ftd+dtd · z · k-means"]);
    expect(fig.layout.yaxis).toMatchObject({ autorange: "reversed", categoryarray: ["1. ftd+dtd · z · k-means", "2. ftd+dtd · z · Ward", "3. ftd+dtd · z · k-means"] });
    expect(() => searchBars({ title: "s", bars: [{ label: "x", ari: NaN, ami: 0, group: "g" }] })).toThrow(/ari\[0\]/);
  });
});

describe("localOptimaChart", () => {
  it("W values as ordered categories, the lowest highlighted, at most `top` bars", () => {
    const optima = [16.765, 16.7762, 17.2, 18.3].map((inertia, i) => ({ inertia, count: 10 + i }));
    const fig = localOptimaChart({ title: "o", optima, top: 3 }, "en");
    expect(fig.data).toHaveLength(1);
    expect(fig.data[0].x).toEqual(["16.7650", "16.7762", "17.2000"]);
    expect(fig.data[0].y).toEqual([10, 11, 12]);
    const colours = (fig.data[0].marker as { color: string[] }).color;
    expect(colours[0]).not.toBe(colours[1]);
    expect(fig.layout.xaxis).toMatchObject({ type: "category" });
    expect(() => localOptimaChart({ title: "o", optima: [] })).toThrow(/no optima/);
  });
});
