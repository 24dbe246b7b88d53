/**
 * The notebooks' reading tables as HTML: a printed table beside the computed one (misprints marked, each with its
 * proof as a footnote), the list of misprints, and the paper's sentences beside their checks. Pure builders over
 * lib/checks/compare.ts and lib/checks/claims.ts results; display them with showHtml (./richTable).
 */
import type { ClaimResult } from "../checks/claims";
import { GRID_COLUMNS, STATUS_LABELS, columnLabel, comparisonGrid, misprintList, printedDecimals, type ComparedCell } from "../checks/compare";
import { TABLE_CAPTIONS, type PrintedTableNumber } from "../paper/printedTables";
import type { ReconciledCell } from "../checks/reconcile";
import type { Lang, Bilingual } from "../core/text";
import type { TableRow } from "../indicators/aggregate";
import { FLOW_COLUMNS, RATIO_COLUMNS, SHARE_COLUMNS, type FlowColumn } from "../paper/columns";
import type { Column } from "./display";
import { richTableHtml, type Mark, type RichCell } from "./richTable";

const bi = (t: Bilingual, lang: Lang) => t[lang];

function markOf(c: ComparedCell): Mark | undefined {
  return c.status === "rounding" ? undefined : c.status;
}

/** "表3 西部地区 · 内外贸易比" */
export function cellName(c: ComparedCell, lang: Lang): string {
  return lang === "zh"
    ? `表${c.table} ${c.group_zh} · ${columnLabel(c.column).zh}`
    : `Table ${c.table} ${c.group_en} · ${columnLabel(c.column).en}`;
}

/** A misprint's footnote: what is printed, what it should read, and the identity that proves it. */
export function misprintNote(c: ComparedCell, lang: Lang): string {
  const head =
    lang === "zh"
      ? `${cellName(c, lang)}：印刷为 ${c.printed}，按论文自身数字应为 ${c.should_read}（数据计算 ${c.computed}）。证明：`
      : `${cellName(c, lang)}: printed ${c.printed}, the paper's own numbers say ${c.should_read} (the data give ${c.computed}). Proof: `;
  return head + c.explanation;
}

/**
 * Table n as the paper prints it (数值 and 比重 rows, eleven columns), each cell the printed number with the computed
 * one under it where they differ after rounding to the printed decimals; misprints red with a footnote,
 * differences of source yellow, hover for the explanation.
 */
export function comparisonHtml(cells: readonly ReconciledCell[], n: PrintedTableNumber, lang: Lang = "zh"): string {
  const grid = comparisonGrid(cells, n);
  const notes: string[] = [];
  const kind = { value: { zh: "数值", en: "value" }, share: { zh: "比重", en: "share %" } };
  const rows = grid.map((r, i) => {
    const first = i === 0 || grid[i - 1].group_zh !== r.group_zh;
    const span = first && grid[i + 1]?.group_zh === r.group_zh ? 2 : 1;
    const label: RichCell | null = first ? { text: lang === "zh" ? r.group_zh : r.group_en, strong: true, rowspan: span, nowrap: lang === "zh" } : null;
    const cellsOut = GRID_COLUMNS.map((col): RichCell => {
      const c = r.cells[col];
      if (!c) return { text: "" };
      const out: RichCell = { text: c.printed, num: true, mark: markOf(c) };
      if (c.computed !== c.printed) out.sub = c.computed;
      if (c.status !== "rounding" || c.explanation) out.title = `${bi(STATUS_LABELS[c.status], lang)}: ${c.explanation}`;
      if (c.status === "misprint") {
        notes.push(misprintNote(c, lang));
        out.note = notes.length;
      }
      return out;
    });
    return [label, { text: bi(kind[r.kind], lang), nowrap: true }, ...cellsOut];
  });
  const all = grid.flatMap((r) => Object.values(r.cells));
  const sources = all.filter((c) => c?.status === "source").length;
  const unexplained = all.filter((c) => c?.status === "unexplained").length;
  const purple =
    unexplained === 0
      ? ""
      : lang === "zh"
        ? `紫色：无法由论文其他数字核对、且与数据不符（${unexplained} 格）。`
        : ` Purple: no identity among the printed numbers checks it, and the data differ (${unexplained} cells).`;
  const legend =
    lang === "zh"
      ? `每格上为论文印刷值，下方灰字为数据计算值（仅当按印刷位数舍入后不同才显示）。红色：印刷错误（脚注给出证明）；黄色：与论文其他数字一致但与数据不符，即数据口径不同（${sources} 格）；${purple}悬停查看说明。单位：亿元，%。`
      : `Each cell: the printed number, and under it in grey the value computed from the data (only where it differs after rounding to the printed decimals). Red: misprint (proof in the footnote); yellow: consistent with the paper's other numbers but not with the data, i.e. the source differs (${sources} cells).${purple} Hover a cell for its explanation. Units: 100 million yuan, %.`;
  return richTableHtml({
    caption: bi(TABLE_CAPTIONS[n], lang),
    header: [[lang === "zh" ? "地区" : "Group", "", ...GRID_COLUMNS.map((c) => bi(columnLabel(c), lang))]],
    rows,
    legend,
    footnotes: notes,
  });
}

/** Every misprint of Tables 2–6 in one table: where, printed, should read, computed, proof. */
export function misprintsHtml(cells: readonly ReconciledCell[], lang: Lang = "zh"): string {
  const list = misprintList(cells);
  const head = lang === "zh" ? ["位置", "印刷值", "应为", "数据计算", "证明"] : ["Cell", "Printed", "Should read", "Computed", "Proof"];
  return richTableHtml({
    header: [head],
    rows: list.map((c) => [
      { text: cellName(c, lang) },
      { text: c.printed, num: true, mark: "misprint" },
      { text: c.should_read ?? "", num: true },
      { text: c.computed, num: true },
      { text: c.explanation },
    ]),
  });
}

/** A claim's computed value as text: a number to two more decimals than printed, a yes/no for a qualitative claim. */
export function formatComputed(r: ClaimResult, lang: Lang): string {
  if (typeof r.computed === "boolean") return r.computed ? (lang === "zh" ? "是" : "true") : lang === "zh" ? "否" : "false";
  return r.computed.toFixed(r.printed === null ? 2 : printedDecimals(r.printed) + 2);
}

/** The paper's sentences beside their checks; claims that do not hold are red and counted in the caption. */
export function claimsHtml(results: readonly ClaimResult[], lang: Lang = "zh", caption?: string): string {
  const failing = results.filter((r) => !r.holds).length;
  const head =
    lang === "zh"
      ? ["节", "原文", "印刷值", "计算值", "成立", "说明"]
      : ["Section", "Sentence (and its reading)", "Printed", "Computed", "Holds", "Note"];
  const rows = results.map((r): RichCell[] => [
    { text: r.section },
    { text: r.sentence_zh, sub: lang === "en" ? r.claim_en : undefined, title: r.reading },
    { text: r.printed === null ? "—" : `${r.printed}${r.unit === "倍" || r.unit === "万亿元" ? ` ${r.unit}` : r.unit}`, num: true },
    { text: formatComputed(r, lang), num: true },
    { text: r.holds ? "✓" : "✗", mark: r.holds ? "holds" : "fails" },
    { text: r.note, mark: r.holds ? undefined : "fails" },
  ]);
  const cap =
    caption ??
    (lang === "zh"
      ? `${results.length} 条可由数据检验的陈述，${failing} 条不成立（红色）`
      : `${results.length} statements the data can check; ${failing} do not hold (red)`);
  return richTableHtml({ caption: cap, header: [head], rows, legend: lang === "zh" ? "悬停原文可见其计算口径。" : "Hover a sentence for how it was turned into a computation." });
}

/** Columns for display's table() of an aggregated table: group, flows (1 decimal), ratios and shares (2). */
export function indicatorColumns(lang: Lang = "zh"): Column[] {
  return [
    { key: lang === "zh" ? "group_zh" : "group_en", label: { zh: "地区", en: "Group" } },
    ...FLOW_COLUMNS.map((c) => ({ key: c, label: columnLabel(c), digits: 1 })),
    ...RATIO_COLUMNS.map((c) => ({ key: c, label: columnLabel(c), digits: 2 })),
    ...SHARE_COLUMNS.map((c) => ({ key: c, label: columnLabel(c), digits: 2 })),
  ];
}

/** A computed table (any grouping) in the paper's layout: per group a 数值 row and a 比重 row, eleven columns. */
export function computedTableHtml(rows: readonly TableRow[], lang: Lang = "zh", caption?: string): string {
  const kind = { value: { zh: "数值", en: "value" }, share: { zh: "比重", en: "share %" } };
  const body: (RichCell | null)[][] = [];
  for (const r of rows) {
    const label: RichCell = { text: lang === "zh" ? r.group_zh : r.group_en, strong: true, rowspan: 2, nowrap: lang === "zh" };
    const values = GRID_COLUMNS.map((c): RichCell => ({ text: r[c].toFixed(FLOW_COLUMNS.includes(c as FlowColumn) ? 1 : 2), num: true }));
    const shares = GRID_COLUMNS.map((c): RichCell =>
      FLOW_COLUMNS.includes(c as FlowColumn) ? { text: r[`share_${c as FlowColumn}`].toFixed(2), num: true } : { text: "" },
    );
    body.push([label, { text: bi(kind.value, lang), nowrap: true }, ...values], [null, { text: bi(kind.share, lang), nowrap: true }, ...shares]);
  }
  return richTableHtml({
    caption,
    header: [[lang === "zh" ? "地区" : "Group", "", ...GRID_COLUMNS.map((c) => bi(columnLabel(c), lang))]],
    rows: body,
    legend: lang === "zh" ? "单位：亿元，%。比重为占全国（31个省区市合计）的百分比。" : "Units: 100 million yuan, %. Shares are percentages of the national (31-province) total.",
  });
}
