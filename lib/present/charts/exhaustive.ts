/**
 * Charts of the exhaustive search against its permutation null (notebook 01, lib/typology/typologySupport.ts):
 * - ariNullChart: the ARI of every configuration beside the null distributions — the best of the search, and the
 *   five-ratio k-means, each against random relabellings of Table 1 — as overlaid histograms in percent (the series
 *   have different sizes), with the observed values as dashed lines;
 * - stillBestChart: in each perturbed re-run of the search, the run's best ARI and the unperturbed winner's.
 * Pure functions of their inputs; bad numbers throw naming the builder and the series.
 */
import { assertFinite, baseLayout, DEFAULT_CONFIG, type Figure, type Trace } from "./plotly";
import { pick, type Lang, type Text } from "../../core/text";

function fail(builder: string, message: string): never {
  throw new Error(`${builder}: ${message}`);
}

export interface AriSeries {
  name: Text;
  values: readonly number[];
  colour: string;
}

export interface ObservedLine {
  name: Text;
  value: number;
  colour: string;
}

export interface AriNullSpec {
  title: Text;
  series: readonly AriSeries[];
  observed: readonly ObservedLine[];
  height?: number;
}

/** Overlaid histograms (percent of each series), bins of 0.02 on [−0.2, 1], and dashed vertical lines. */
export function ariNullChart(spec: AriNullSpec, lang: Lang = "zh"): Figure {
  const B = "ariNullChart";
  if (spec.series.length === 0) fail(B, "no series");
  const data: Trace[] = spec.series.map((s) => {
    const name = pick(s.name, lang);
    if (s.values.length === 0) fail(B, `series "${name}" is empty`);
    assertFinite(B, `series "${name}"`, s.values);
    return {
      type: "histogram",
      name: `${name} (n = ${s.values.length})`,
      x: [...s.values],
      histnorm: "percent",
      opacity: 0.55,
      marker: { color: s.colour },
      xbins: { start: -0.2, end: 1.0001, size: 0.02 },
      hovertemplate: `ARI %{x}: %{y:.1f} %<extra>${name}</extra>`,
    };
  });
  assertFinite(B, "observed", spec.observed.map((o) => o.value));
  const shapes = spec.observed.map((o) => ({ type: "line", xref: "x", yref: "paper", x0: o.value, x1: o.value, y0: 0, y1: 1, line: { color: o.colour, width: 2, dash: "dash" } }));
  const annotations = spec.observed.map((o, i) => ({
    x: o.value,
    xref: "x",
    y: 1 - 0.08 * i,
    yref: "paper",
    text: `${pick(o.name, lang)} ${o.value.toFixed(3)}`,
    showarrow: false,
    xanchor: "left",
    font: { color: o.colour },
    bgcolor: "rgba(255,255,255,0.8)",
  }));
  const layout = {
    ...baseLayout(
      { title: spec.title, height: spec.height ?? 460, xTitle: { zh: "与表1的调整兰德指数 ARI", en: "adjusted Rand index against Table 1" }, yTitle: { zh: "占该序列的百分比（%）", en: "percent of the series" } },
      lang,
    ),
    barmode: "overlay",
    shapes,
    annotations,
    legend: { orientation: "h", y: -0.22 },
    margin: { t: 60, r: 20, b: 120, l: 70 },
  };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

export interface StillBestSpec {
  title: Text;
  /** per perturbed run: the run's best ARI and the unperturbed winner's ARI in that run */
  runBest: readonly number[];
  baseTop: readonly number[];
  /** the unperturbed best ARI, drawn as a dashed line */
  unperturbed: number;
  height?: number;
}

/** Per perturbed run: the best ARI of that run's search (bars) and the unperturbed winner's ARI (markers). */
export function stillBestChart(spec: StillBestSpec, lang: Lang = "zh"): Figure {
  const B = "stillBestChart";
  if (spec.runBest.length === 0) fail(B, "no runs");
  if (spec.baseTop.length !== spec.runBest.length) fail(B, `${spec.baseTop.length} winner ARIs for ${spec.runBest.length} runs`);
  assertFinite(B, "runBest", spec.runBest);
  assertFinite(B, "baseTop", spec.baseTop);
  assertFinite(B, "unperturbed", [spec.unperturbed]);
  const runs = spec.runBest.map((_, i) => `${lang === "zh" ? "第" : "run "}${i + 1}${lang === "zh" ? "次" : ""}`);
  const data: Trace[] = [
    { type: "bar", name: pick({ zh: "该次扰动后的最佳 ARI", en: "best ARI of the perturbed search" }, lang), x: runs, y: [...spec.runBest], marker: { color: "#9ecae1" } },
    {
      type: "scatter",
      mode: "markers",
      name: pick({ zh: "未扰动时最佳方案的 ARI", en: "ARI of the unperturbed winner" }, lang),
      x: runs,
      y: [...spec.baseTop],
      marker: { color: "#d62728", size: 10, symbol: "diamond" },
    },
  ];
  const layout = {
    ...baseLayout({ title: spec.title, height: spec.height ?? 380, yTitle: { zh: "与表1的 ARI", en: "ARI against Table 1" } }, lang),
    shapes: [{ type: "line", xref: "paper", x0: 0, x1: 1, yref: "y", y0: spec.unperturbed, y1: spec.unperturbed, line: { color: "#d62728", dash: "dash", width: 1 } }],
    legend: { orientation: "h", y: -0.2 },
  };
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}
