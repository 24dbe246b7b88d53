/**
 * Charts comparing partitions of the provinces province by province (notebook 05), as Plotly figure JSON: a grid of
 * Table 1's types beside clusterings named after the types they match, and each data edition's agreement scores.
 */
import { province, TYPES, type TypeZh } from "../../paper/provinces";
import { TYPE_COLOURS } from "./typeStyle";
import { assertFinite, baseLayout, DEFAULT_CONFIG, fail, type Figure, type Layout, type Trace } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";
import { typeLabel, orderByType, provinceLabel, typeIndex, paperTypesOf } from "./robustness";

export interface TypeColumn {
  name: Text;
  /** one Table 1 type (TypeZh) per province, checked; null: not assigned to any type */
  types: readonly (string | null)[];
}

/**
 * Provinces (rows, in the given order, or in Table 1's order of types with `byTable1Type`) × labellings (columns,
 * aligned with `provinces`), each cell coloured and labelled with its type: where Table 1, a consensus clustering and
 * each data edition put every province.
 */
export function typeGrid(
  spec: { provinces: readonly string[]; columns: readonly TypeColumn[]; title?: Text; height?: number; byTable1Type?: boolean },
  lang: Lang = "zh",
): Figure {
  const B = "typeGrid";
  const n = spec.provinces.length;
  if (spec.columns.length === 0) fail(B, "no columns");
  for (const c of spec.columns) if (c.types.length !== n) fail(B, `column "${pick(c.name, lang)}" has ${c.types.length} types for ${n} provinces`);
  // rows in Table 1's order of types (adcode order within a type) when asked, else as given
  const rowOrder = spec.byTable1Type ? orderByType(paperTypesOf(spec.provinces)).order : spec.provinces.map((_, i) => i);
  const K = TYPES.length;
  // stepped colour scale: type index t ↦ the band [t/K, (t+1)/K] with zmin −0.5, zmax K − 0.5
  const colorscale: [number, string][] = [];
  TYPES.forEach((t, i) => {
    colorscale.push([i / K, TYPE_COLOURS[t.zh]], [(i + 1) / K, TYPE_COLOURS[t.zh]]);
  });
  const z: (number | null)[][] = [];
  const text: string[][] = [];
  rowOrder.forEach((i) => {
    const zr: (number | null)[] = [];
    const tr: string[] = [];
    for (const c of spec.columns) {
      const t = c.types[i];
      zr.push(t === null ? null : typeIndex(B, t));
      tr.push(t === null ? "—" : typeLabel(t as TypeZh, lang));
    }
    z.push(zr);
    text.push(tr);
  });
  const trace: Trace = {
    type: "heatmap",
    x: spec.columns.map((c) => pick(c.name, lang)),
    y: rowOrder.map((i) => provinceLabel(spec.provinces[i], lang)),
    z,
    text,
    zmin: -0.5,
    zmax: K - 0.5,
    colorscale,
    showscale: false,
    xgap: 2,
    ygap: 1,
    texttemplate: "%{text}",
    textfont: { size: 10 },
    hovertemplate: "%{y} · %{x}: %{text}<extra></extra>",
  };
  const title = spec.title ?? { zh: "各省份的类型：表1与各种聚类", en: "Each province's type: Table 1 and the clusterings" };
  const layout: Layout = {
    ...baseLayout({ title, height: spec.height ?? 180 + 22 * n }, lang),
    xaxis: { side: "top", automargin: true, tickfont: { size: 11 } },
    yaxis: { autorange: "reversed", automargin: true },
    margin: { t: 110, r: 20, b: 20, l: 70 },
  };
  return { data: [trace], layout, config: { ...DEFAULT_CONFIG } };
}

export interface EditionScore {
  name: Text;
  /** ARI and AMI against Table 1, ARI against the paper edition's clustering */
  ari: number;
  ami: number;
  ariVsFirst: number;
}

/** Grouped bars: each data edition's agreement with Table 1 (ARI, AMI) and with the paper edition's clustering. */
export function editionScores(spec: { editions: readonly EditionScore[]; title?: Text; height?: number }, lang: Lang = "zh"): Figure {
  const B = "editionScores";
  if (spec.editions.length === 0) fail(B, "no editions");
  const cats = spec.editions.map((e) => pick(e.name, lang));
  const series: { name: Text; key: "ari" | "ami" | "ariVsFirst" }[] = [
    { name: { zh: "ARI（对表1）", en: "ARI vs Table 1" }, key: "ari" },
    { name: { zh: "AMI（对表1）", en: "AMI vs Table 1" }, key: "ami" },
    { name: { zh: "ARI（对论文口径的聚类）", en: "ARI vs the paper edition's clustering" }, key: "ariVsFirst" },
  ];
  const data: Trace[] = series.map((s) => {
    const values = spec.editions.map((e) => e[s.key]);
    assertFinite(B, pick(s.name, lang), values, cats);
    return { type: "bar", name: pick(s.name, lang), x: cats, y: values, texttemplate: "%{y:.2f}", textposition: "outside", cliponaxis: false };
  });
  const title = spec.title ?? { zh: "数据口径对聚类的影响", en: "How the data edition changes the clustering" };
  const layout: Layout = { ...baseLayout({ title, height: spec.height ?? 440, yTitle: { zh: "一致性", en: "agreement" } }, lang), barmode: "group" };
  (layout.yaxis as Layout).range = [Math.min(0, ...data.flatMap((t) => t.y as number[])), 1.1];
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}
