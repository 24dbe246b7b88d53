/**
 * The opening of the report's index: a short summary of what the study finds (lib/present/findings.ts), in Chinese and
 * English, each finding linked to the notebook cell that shows it. Every number comes from the findings object;
 * the sentences only format it.
 */
import { escapeHtml } from "../../lib/present/display";
import type { Findings } from "../../lib/present/findings";
import { province } from "../../lib/paper/provinces";
import type { ManifestEntry } from "./manifest";

/** Where a cell is: its notebook and its 0-based index. */
export interface CellRef {
  notebook: string;
  cellIndex: number;
}

/** One finding: the sentences and the cells that show it (tags that this build does not hold are left out). */
export interface SummaryItem {
  id: string;
  heading: { zh: string; en: string };
  zh: string;
  en: string;
  /** [cell tag, link text] */
  cells: { tag: string; label: string }[];
  /** strings the first linked cell's outputs show (test/notebooks.test.ts checks them against the executed notebooks) */
  evidence: string[];
  /** sub-items (the misprints), each with its own cell */
  list?: { text: string; tag?: string; evidence: string[] }[];
}

const f3 = (x: number) => x.toFixed(3);
const f1 = (x: number) => x.toFixed(1);
const en = (zh: string) => province(zh).en;

/** The summary items of `f`; `entries` (the manifest) name each misprint's cell. */
export function summaryItems(f: Findings, entries: readonly ManifestEntry[]): SummaryItem[] {
  const misprintTag = (m: Findings["misprints"][number]) =>
    entries.find((e) => e.cell.startsWith("misprint-") && e.ref.startsWith(`表${m.table} ${m.group_zh} `) && (e.en ?? "").includes(`Printed ${m.printed}, should read ${m.should_read}`));
  const c = f.claims;
  const va = f.valueAdded;
  const fragileZh = f.fragile.map((p) => `${p.province} ${f3(p.stability)}`).join("、");
  const fragileEn = f.fragile.map((p) => `${en(p.province)} ${f3(p.stability)}`).join(", ");
  const above = f.nearestAbove;
  return [
    {
      id: "misprints",
      heading: { zh: "印刷错误", en: "Misprints" },
      zh: `表2–表6 的 ${f.printedCells} 个印刷数字中，${f.misprints.length} 个是印刷错误，每个都由论文自己的数字证明；其余 ${f.otherCells} 个在印刷舍入范围内与原始投入产出表一致。`,
      en: `Of the ${f.printedCells} printed cells of Tables 2–6, ${f.misprints.length} are misprints, each proven by the paper's own numbers; the other ${f.otherCells} agree with the raw input-output tables within the printed rounding.`,
      cells: [{ tag: "reconciliation", label: "00 · reconciliation" }],
      evidence: [],
      list: f.misprints.map((m) => {
        const e = misprintTag(m);
        return { text: `${e?.ref ?? `表${m.table} ${m.group_zh} ${m.column}`}: ${m.printed} → ${m.should_read}`, tag: e?.cell, evidence: [m.printed, m.should_read] };
      }),
    },
    {
      id: "claims",
      heading: { zh: "文中陈述", en: "Claims" },
      zh: `§一、§二 和表1 中可由数据检验的 ${c.total} 条陈述里，${c.hold} 条成立，${c.total - c.hold} 条不成立：${c.repeatMisprint} 条重复了印刷错误的表格数字，${c.roundedSum} 条把舍入后的比重相加，${c.other} 条是数据不支持的定性判断。`,
      en: `Of ${c.total} computable statements in §一, §二 and Table 1, ${c.hold} hold and ${c.total - c.hold} do not: ${c.repeatMisprint} repeat misprinted cells, ${c.roundedSum} add up rounded shares, ${c.other} are qualitative readings the data do not bear out.`,
      cells: [
        { tag: "section-1", label: "01 · §一" },
        { tag: "claims", label: "02 · §一、§二" },
      ],
      evidence: [],
    },
    {
      id: "clustering",
      heading: { zh: "聚类与表1", en: "Clustering and Table 1" },
      zh: `对论文五个比率做 k 均值聚类（z 分数，k = 7，${f.kmeans.of} 个省份）与表1的 ARI 为 ${f3(f.kmeans.ari)}（${f.kmeans.agreeing} / ${f.kmeans.of} 个省份落在对应类型）；${f.search.configurations} 种指标 × 标准化 × 方法组合中最好的达到 ${f3(f.search.bestAri)}；轮廓系数在 k = ${f.silhouettePeak} 最高，而非 7。按表1描述写成的规则（阈值在看过数据后设定）与表1一致 ${f.rules.agreeing} / ${f.rules.of}（ARI ${f3(f.rules.ari)}）。`,
      en: `k-means on the paper's five ratios (z-scores, k = 7) agrees with Table 1 at ARI ${f3(f.kmeans.ari)} (${f.kmeans.agreeing} of ${f.kmeans.of} provinces in the matching type); the best of ${f.search.configurations} feature-set × scaling × method configurations reaches ${f3(f.search.bestAri)}; the silhouette peaks at k = ${f.silhouettePeak}, not 7. Rules written from Table 1's own descriptions (thresholds set after seeing the data) agree on ${f.rules.agreeing} of ${f.rules.of} (ARI ${f3(f.rules.ari)}).`,
      cells: [
        { tag: "cluster-vs-paper", label: "01 · k-means vs Table 1" },
        { tag: "feature-search", label: "01 · feature-set search" },
        { tag: "elbow", label: "01 · silhouette" },
        { tag: "rules", label: "01 · rules" },
      ],
      evidence: [f3(f.kmeans.ari), `${f.kmeans.agreeing} / ${f.kmeans.of}`],
    },
    {
      id: "robustness",
      heading: { zh: "稳健性", en: "Robustness" },
      zh: `流量随机扰动 ±10 %（1000 次）下，稳定性低于 0.75 的省份为 ${fragileZh}${above ? `；${above.province}（${f3(above.stability)}）刚好在界线之上，名单的末位随随机种子而变` : ""}。`,
      en: `Under ±10 % random perturbation of the flows (1,000 runs), the provinces with stability below 0.75 are ${fragileEn}${above ? `; ${en(above.province)} (${f3(above.stability)}) sits just above the cut, so the last place on the list depends on the seed` : ""}.`,
      cells: [{ tag: "robustness-stability", label: "05 · stability" }],
      evidence: [],
    },
    {
      id: "value-added",
      heading: { zh: "增加值", en: "Value added" },
      zh: `全国外贸依存度为 ${f1(va.ftd)} %，但出口拉动的增加值只占 GDP 的 ${f1(va.vaInternational)} %（出口/GDP ${f1(va.exportRatio)} %）；内贸依存度 ${f1(va.dtd)} %，省外流出拉动的增加值占 ${f1(va.vaDomestic)} %；本省需求拉动 ${f1(va.vaLocal)} %。`,
      en: `China's foreign-trade dependence is ${f1(va.ftd)} %, yet exports induce only ${f1(va.vaInternational)} % of GDP in value added (exports/GDP ${f1(va.exportRatio)} %); domestic-trade dependence is ${f1(va.dtd)} %, and outflows to other provinces induce ${f1(va.vaDomestic)} %; local demand ${f1(va.vaLocal)} %.`,
      cells: [{ tag: "va-vs-gross", label: "04 · value added vs gross" }],
      evidence: [f1(va.ftd), f1(va.vaInternational), f1(va.dtd), f1(va.vaDomestic), f1(va.vaLocal)],
    },
  ];
}

/** The summary as HTML; `link(tag)` gives a cell's href, or null when this build does not hold it. */
export function summaryHtml(items: readonly SummaryItem[], link: (tag: string) => string | null, note?: string): string {
  const a = (tag: string | undefined, label: string) => {
    const href = tag ? link(tag) : null;
    return href ? `<a href="${escapeHtml(href)}">${escapeHtml(label)}</a>` : escapeHtml(label);
  };
  const lis = items.map((it) => {
    const cells = it.cells.filter((c) => link(c.tag) !== null).map((c) => a(c.tag, c.label));
    const list = it.list?.length ? `\n<ul class="misprints">\n${it.list.map((l) => `<li>${a(l.tag, l.text)}</li>`).join("\n")}\n</ul>` : "";
    return [
      `<li id="finding-${escapeHtml(it.id)}"><strong>${escapeHtml(it.heading.zh)} / ${escapeHtml(it.heading.en)}.</strong> ${escapeHtml(it.zh)}<br>`,
      `<span lang="en">${escapeHtml(it.en)}</span>${cells.length ? ` <span class="cells">→ ${cells.join(" · ")}</span>` : ""}${list}</li>`,
    ].join("\n");
  });
  return [
    `<section class="summary">`,
    `<p class="lead">本报告由原始投入产出表逐一重算论文的每个印刷数字和可检验的陈述，并检验表1分类背后的聚类方法；每条发现链接到给出它的笔记本单元格。<br>`,
    `<span lang="en">This report recomputes every printed number and every checkable statement of the paper from the raw input-output tables, and tests the clustering behind Table 1; each finding links to the notebook cell that shows it.</span></p>`,
    `<h2>主要发现 / Findings</h2>`,
    note ? `<p class="note">${escapeHtml(note)}</p>` : "",
    `<ul>\n${lis.join("\n")}\n</ul>`,
    `</section>`,
  ]
    .filter(Boolean)
    .join("\n");
}
