/**
 * Charts of the data notebook (00_data): the paper's GDP against the tables' value added, what the choice does to the
 * dependence ratios, and every printed cell of Tables 2–6 against the data in units of its last printed digit.
 */
import { PAPER_LAYOUTS } from "../../paper/groupings";
import { STATUS_LABELS, columnLabel, comparedCell } from "../../checks/compare";
import type { EditionRow } from "../../checks/editionDiff";
import { PRINTED_COLUMNS, PRINTED_TABLE_NUMBERS } from "../../paper/printedTables";
import type { ReconciledCell } from "../../checks/reconcile";
import { DEFAULT_CONFIG, assertFinite, baseLayout, type Figure, type Trace } from "./plotly";
import { pick, type Lang } from "../../core/text";

const provinceName = (r: EditionRow, lang: Lang) => (lang === "zh" ? r.province_zh : r.province_en);

/** (value added − GDP) / GDP per province, sorted; hover shows both figures. */
export function gdpGapChart(rows: readonly EditionRow[], lang: Lang = "zh"): Figure {
  const sorted = [...rows].sort((a, b) => a.gap_pct - b.gap_pct);
  assertFinite("gdpGapChart", "gap_pct", sorted.map((r) => r.gap_pct), sorted.map((r) => r.province_zh));
  const trace: Trace = {
    type: "bar",
    orientation: "h",
    y: sorted.map((r) => provinceName(r, lang)),
    x: sorted.map((r) => r.gap_pct),
    marker: { color: sorted.map((r) => (r.gap_pct < 0 ? "#D55E00" : "#0072B2")) },
    customdata: sorted.map((r) => [r.gdp, r.value_added]),
    hovertemplate:
      lang === "zh"
        ? "%{y}<br>年鉴GDP %{customdata[0]:,.1f} 亿元<br>增加值 %{customdata[1]:,.1f} 亿元<br>差 %{x:.1f} %<extra></extra>"
        : "%{y}<br>yearbook GDP %{customdata[0]:,.1f}<br>value added %{customdata[1]:,.1f}<br>gap %{x:.1f} %<extra></extra>",
  };
  const layout = baseLayout(
    {
      title: { zh: "投入产出表增加值与年鉴GDP之差（占GDP %）", en: "Input-output value added vs yearbook GDP (% of GDP)" },
      xTitle: { zh: "（增加值 − GDP）/ GDP（%）", en: "(value added − GDP) / GDP (%)" },
      height: 120 + 20 * rows.length,
    },
    lang,
  );
  layout.showlegend = false;
  layout.yaxis = { automargin: true, dtick: 1 };
  return { data: [trace], layout, config: { ...DEFAULT_CONFIG } };
}

/** Change of 外贸依存度 and 内贸依存度 (percentage points, tables − paper edition) per province, sorted by the latter. */
export function dependenceShiftChart(rows: readonly EditionRow[], lang: Lang = "zh"): Figure {
  const sorted = [...rows].sort((a, b) => a.dtd_tables - a.dtd_paper - (b.dtd_tables - b.dtd_paper));
  const names = sorted.map((r) => provinceName(r, lang));
  const series: [string, string, (r: EditionRow) => number, (r: EditionRow) => [number, number]][] = [
    [pick({ zh: "外贸依存度", en: "foreign-trade dependence" }, lang), "#0072B2", (r) => r.ftd_tables - r.ftd_paper, (r) => [r.ftd_paper, r.ftd_tables]],
    [pick({ zh: "内贸依存度", en: "domestic-trade dependence" }, lang), "#D55E00", (r) => r.dtd_tables - r.dtd_paper, (r) => [r.dtd_paper, r.dtd_tables]],
  ];
  const data: Trace[] = series.map(([name, color, delta, both]) => {
    const x = sorted.map(delta);
    assertFinite("dependenceShiftChart", name, x, names);
    return {
      type: "bar",
      orientation: "h",
      name,
      y: names,
      x,
      marker: { color },
      customdata: sorted.map(both),
      hovertemplate: `%{y}: %{customdata[0]:.1f} → %{customdata[1]:.1f} (%{x:+.1f})<extra>${name}</extra>`,
    };
  });
  const layout = baseLayout(
    {
      title: { zh: "以增加值代替GDP时依存度的变化（百分点）", en: "Change in dependence ratios with value added instead of GDP (points)" },
      xTitle: { zh: "投入产出表口径 − 论文口径（百分点）", en: "tables edition − paper edition (percentage points)" },
      height: 140 + 24 * rows.length,
    },
    lang,
  );
  Object.assign(layout, { barmode: "group", yaxis: { automargin: true, dtick: 1 }, legend: { orientation: "h", x: 1, xanchor: "right", y: 1.0, yanchor: "bottom" } });
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/** The colour range of reconciliationHeatmap, in units of the last printed digit. */
export const HEATMAP_CLIP = 5;

/**
 * Every printed cell of Tables 2–6 (rows: table and group; columns: the 17 printed columns): computed − printed in
 * units of the cell's last printed digit, clipped to ±HEATMAP_CLIP; blank where nothing is printed; ✗ marks a
 * misprint, ◆ a difference of source, ? an unexplained one. Hover for the numbers and the status.
 */
export function reconciliationHeatmap(cells: readonly ReconciledCell[], lang: Lang = "zh"): Figure {
  const rowKeys: { table: number; group: string; label: string }[] = [];
  for (const n of PRINTED_TABLE_NUMBERS) {
    if (!cells.some((c) => c.table === n)) continue;
    for (const l of PAPER_LAYOUTS[n]) rowKeys.push({ table: n, group: l.zh, label: lang === "zh" ? `表${n} ${l.zh}` : `T${n} ${l.en}` });
  }
  const index = new Map(cells.map((c) => [`${c.table}|${c.group_zh}|${c.column}`, c]));
  const z: (number | null)[][] = [];
  const text: string[][] = [];
  const annotations: unknown[] = [];
  const marks: Record<string, string> = { misprint: "✗", source: "◆", unexplained: "?" };
  const colLabels = PRINTED_COLUMNS.map((c) => pick(columnLabel(c), lang));
  rowKeys.forEach((r, i) => {
    z.push([]);
    text.push([]);
    PRINTED_COLUMNS.forEach((col, j) => {
      const raw = index.get(`${r.table}|${r.group}|${col}`);
      if (!raw) {
        z[i].push(null);
        text[i].push("");
        return;
      }
      const c = comparedCell(raw);
      if (!Number.isFinite(c.difference_units)) throw new Error(`reconciliationHeatmap: ${r.label} ${col} has difference ${c.difference_units}`);
      z[i].push(Math.max(-HEATMAP_CLIP, Math.min(HEATMAP_CLIP, c.difference_units)));
      text[i].push(
        `${r.label} · ${colLabels[j]}<br>${lang === "zh" ? "印刷" : "printed"} ${c.printed} · ${lang === "zh" ? "计算" : "computed"} ${c.computed}` +
          `<br>Δ = ${c.difference_units.toFixed(1)} × 10^−${c.printed.includes(".") ? c.printed.length - c.printed.indexOf(".") - 1 : 0}` +
          `<br>${pick(STATUS_LABELS[c.status], lang)}${c.should_read ? ` → ${c.should_read}` : ""}`,
      );
      if (marks[c.status]) annotations.push({ x: colLabels[j], y: r.label, text: marks[c.status], showarrow: false, font: { size: 12, color: "#000" } });
    });
  });
  const trace: Trace = {
    type: "heatmap",
    x: colLabels,
    y: rowKeys.map((r) => r.label),
    z,
    text,
    hovertemplate: "%{text}<extra></extra>",
    // ColorBrewer RdBu with a white middle (Plotly's own RdBu is grey there): agreement reads as blank paper
    colorscale: [
      [0, "#b2182b"],
      [0.25, "#ef8a62"],
      [0.5, "#f7f7f7"],
      [0.75, "#67a9cf"],
      [1, "#2166ac"],
    ],
    zmin: -HEATMAP_CLIP,
    zmax: HEATMAP_CLIP,
    zmid: 0,
    xgap: 1,
    ygap: 1,
    colorbar: { title: { text: pick({ zh: "计算−印刷<br>（末位单位）", en: "computed − printed<br>(last printed digit)" }, lang) } },
  };
  const layout = baseLayout(
    {
      title: {
        zh: "表2–表6 每个印刷数字与数据计算值之差（以末位为单位，截断于±5；✗ 印刷错误，◆ 来源不同，? 无法解释）",
        en: "Tables 2–6: computed − printed, in last printed digits (clipped at ±5; ✗ misprint, ◆ source differs, ? unexplained)",
      },
      height: 220 + 19 * rowKeys.length,
    },
    lang,
  );
  Object.assign(layout, {
    xaxis: { tickangle: -40, automargin: true, side: "bottom" },
    yaxis: { autorange: "reversed", automargin: true, dtick: 1 },
    annotations,
    margin: { t: 60, r: 20, b: 140, l: 150 },
  });
  return { data: [trace], layout, config: { ...DEFAULT_CONFIG } };
}
