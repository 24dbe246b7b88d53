/**
 * The HTML report: one page per executed notebook and an index mapping the paper's tables, sections and claims to
 * the notebook cell that reproduces them (notebooks/manifest.json).
 *
 * Pages are self-contained except for plotly.js, which every page loads from one copy in assets/ (taken from
 * node_modules/plotly.js-dist-min, never a CDN); the copy each executed notebook carries inline is dropped here.
 * Escaping: code, stream text, text/plain and markdown are escaped; text/html outputs are kept as the notebook
 * produced them (that is how charts and tables display), so data reaching them must be escaped by the helper that
 * built them (lib/present/display.ts does).
 */
import { PLOTLY_BUNDLE_ATTRIBUTE, escapeHtml } from "../../lib/present/display";
import { joinText, tagsOf, type Cell, type Notebook, type Output } from "./ipynb";
import type { ResolvedEntry } from "./manifest";
import { markdownToHtml } from "./markdown";

export const PLOTLY_ASSET = "assets/plotly.min.js";

const CSS = `
:root { color-scheme: light; --fg: #1f2328; --muted: #656d76; --line: #d0d7de; --code: #f6f8fa; --accent: #0969da; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.6 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif; color: var(--fg); }
main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
nav.top { font-size: 0.9rem; color: var(--muted); margin-bottom: 1rem; display: flex; gap: 1rem; flex-wrap: wrap; }
a { color: var(--accent); }
pre, code { font-family: "Noto Sans Mono CJK SC", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.85rem; }
pre { background: var(--code); padding: 0.6rem 0.8rem; overflow-x: auto; border-radius: 4px; margin: 0.4rem 0; }
.cell { margin: 0.9rem 0; position: relative; }
.cell.code > .cell-head { font-size: 0.78rem; color: var(--muted); display: flex; gap: 0.75rem; }
.cell-head a { color: var(--muted); text-decoration: none; }
.cell:target { outline: 2px solid #f2cc60; outline-offset: 4px; border-radius: 4px; }
pre.source { border-left: 3px solid var(--line); }
.cell.injected pre.source { border-left-color: #bf8700; }
.outputs > * { margin: 0.3rem 0; }
pre.stream { background: none; padding: 0.2rem 0.8rem; }
pre.stderr { background: #fff1f0; }
table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.88rem; }
th, td { border: 1px solid var(--line); padding: 0.25rem 0.55rem; vertical-align: top; }
th { background: var(--code); }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.manifest td:nth-child(5), table.manifest th:nth-child(5) { white-space: nowrap; }
.tag { background: #ddf4ff; border-radius: 3px; padding: 0 0.35rem; }
.status-ok { color: #1a7f37; }
img { max-width: 100%; }
`;

/** A complete HTML page. */
export function pageShell(title: string, body: string, opts: { plotly?: boolean; assetsPrefix?: string } = {}): string {
  const plotly = opts.plotly ? `<script src="${opts.assetsPrefix ?? ""}${PLOTLY_ASSET}"></script>\n` : "";
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
${plotly}</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
const BUNDLE_SCRIPT = new RegExp(`<script ${PLOTLY_BUNDLE_ATTRIBUTE}[^>]*>[\\s\\S]*?</script>\\n?`, "g");

/** An output's HTML; `plotly` is set when it draws a chart. */
export function renderOutput(o: Output): { html: string; plotly: boolean } {
  if (o.output_type === "stream") {
    return { html: `<pre class="stream ${o.name === "stderr" ? "stderr" : "stdout"}">${escapeHtml(joinText(o.text).replace(ANSI, ""))}</pre>`, plotly: false };
  }
  if (o.output_type === "error") {
    const tb = (o.traceback ?? []).join("\n").replace(ANSI, "");
    return { html: `<pre class="stream stderr">${escapeHtml(`${o.ename ?? "Error"}: ${o.evalue ?? ""}\n${tb}`)}</pre>`, plotly: false };
  }
  const data = o.data ?? {};
  const text = (mime: string) => {
    const v = data[mime];
    return typeof v === "string" || Array.isArray(v) ? joinText(v as string | string[]) : JSON.stringify(v, null, 2);
  };
  if (data["text/html"] !== undefined) {
    const raw = text("text/html");
    const html = raw.replace(BUNDLE_SCRIPT, "");
    return { html: `<div class="html-output">${html}</div>`, plotly: raw !== html || html.includes('class="tp-figure"') };
  }
  if (data["image/svg+xml"] !== undefined) return { html: `<div class="svg-output">${text("image/svg+xml")}</div>`, plotly: false };
  for (const mime of ["image/png", "image/jpeg", "image/gif"]) {
    if (data[mime] !== undefined) return { html: `<img src="data:${mime};base64,${escapeHtml(text(mime).replace(/\s/g, ""))}" alt="">`, plotly: false };
  }
  if (data["text/markdown"] !== undefined) return { html: markdownToHtml(text("text/markdown")), plotly: false };
  for (const mime of ["application/json", "text/latex", "text/plain"]) {
    if (data[mime] !== undefined) return { html: `<pre class="stream stdout">${escapeHtml(text(mime).replace(ANSI, ""))}</pre>`, plotly: false };
  }
  return { html: "", plotly: false };
}

/** A markdown cell's attachments as data: URLs. */
function attachmentResolver(cell: Cell) {
  return (name: string): string | null => {
    const a = cell.attachments?.[name];
    if (!a) return null;
    const [mime, b64] = Object.entries(a)[0] ?? [];
    return mime && /^image\//.test(mime) ? `data:${mime};base64,${String(b64).replace(/\s/g, "")}` : null;
  };
}

/** The notebook's title: its first markdown heading, else its name. */
export function notebookTitle(nb: Notebook, name: string): string {
  for (const c of nb.cells) {
    if (c.cell_type !== "markdown") continue;
    const m = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(joinText(c.source));
    if (m) return m[1].replace(/[*_`]/g, "");
  }
  return name;
}

export interface PageLinks {
  index: string;
  prev?: { href: string; title: string };
  next?: { href: string; title: string };
  /** link to the executed .ipynb */
  ipynb?: string;
}

/** One executed notebook as an HTML page; cell N has the anchor #cell-N. */
export function renderNotebookPage(nb: Notebook, name: string, links: PageLinks): string {
  let plotly = false;
  const cells = nb.cells.map((cell, i) => {
    const n = i + 1;
    const tags = tagsOf(cell);
    const idAttr = `id="cell-${n}"${cell.id ? ` data-cell-id="${escapeHtml(cell.id)}"` : ""}`;
    if (cell.cell_type === "markdown") {
      return `<section class="cell markdown" ${idAttr}>\n${markdownToHtml(joinText(cell.source), { attachment: attachmentResolver(cell) })}\n</section>`;
    }
    if (cell.cell_type === "raw") return `<section class="cell raw" ${idAttr}><pre>${escapeHtml(joinText(cell.source))}</pre></section>`;
    const outputs = (cell.outputs ?? []).map((o) => {
      const r = renderOutput(o);
      plotly ||= r.plotly;
      return r.html;
    });
    const count = typeof cell.execution_count === "number" ? `In [${cell.execution_count}]` : "In [ ]";
    const tagHtml = tags.map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join(" ");
    const cls = tags.includes("injected-parameters") ? "cell code injected" : "cell code";
    return [
      `<section class="${cls}" ${idAttr}>`,
      `<div class="cell-head"><a href="#cell-${n}">cell ${n}</a><span>${count}</span>${tagHtml}</div>`,
      `<pre class="source"><code>${escapeHtml(joinText(cell.source))}</code></pre>`,
      `<div class="outputs">${outputs.join("\n")}</div>`,
      `</section>`,
    ].join("\n");
  });
  const title = notebookTitle(nb, name);
  const nav = [
    `<a href="${escapeHtml(links.index)}">← 目录 / Index</a>`,
    links.prev ? `<a href="${escapeHtml(links.prev.href)}">‹ ${escapeHtml(links.prev.title)}</a>` : "",
    links.next ? `<a href="${escapeHtml(links.next.href)}">${escapeHtml(links.next.title)} ›</a>` : "",
    links.ipynb ? `<a href="${escapeHtml(links.ipynb)}">${escapeHtml(name)}.ipynb</a>` : "",
  ].filter(Boolean);
  const body = `<nav class="top">${nav.join("\n")}</nav>\n${cells.join("\n")}`;
  return pageShell(`${title} — ${name}`, body, { plotly });
}

export interface NotebookSummary {
  name: string;
  title: string;
  cells: number;
  seconds: number;
  /** "K=5 (TP_K)" … */
  overrides: string[];
}

const KIND_LABEL: Record<string, string> = { table: "表 / table", figure: "图 / figure", section: "节 / section", claim: "论断 / claim" };

/** The index page: the paper → notebook cell map, the notebooks, the tables. */
export function renderIndex(opts: { title: string; notebooks: readonly NotebookSummary[]; entries: readonly ResolvedEntry[]; tables: readonly string[]; note?: string }): string {
  const pages = new Map(opts.notebooks.map((n) => [n.name, n]));
  const entryRows = opts.entries.map((e) => {
    const page = `${e.notebook}.html`;
    const desc = [e.zh, e.en].filter((s) => s !== undefined).map((s) => escapeHtml(s!)).join("<br>");
    const csv = e.csv ? (opts.tables.includes(e.csv) ? `<a href="../tables/${escapeHtml(e.csv)}">${escapeHtml(e.csv)}</a>` : `${escapeHtml(e.csv)} (missing)`) : "";
    const nbTitle = pages.get(e.notebook)?.title ?? e.notebook;
    return `<tr><td>${escapeHtml(e.ref)}</td><td>${escapeHtml(KIND_LABEL[e.kind] ?? e.kind)}</td><td>${desc}</td><td><a href="${escapeHtml(page)}">${escapeHtml(e.notebook)}</a><br><small>${escapeHtml(nbTitle)}</small></td><td><a href="${escapeHtml(page)}#cell-${e.cellIndex + 1}">cell ${e.cellIndex + 1}</a></td><td>${csv}</td></tr>`;
  });
  const nbRows = opts.notebooks.map(
    (n) =>
      `<tr><td><a href="${escapeHtml(n.name)}.html">${escapeHtml(n.name)}</a></td><td>${escapeHtml(n.title)}</td><td class="num">${n.cells}</td><td class="num">${n.seconds.toFixed(1)}</td><td>${n.overrides.map(escapeHtml).join("<br>")}</td></tr>`,
  );
  const tableLinks = opts.tables.map((t) => `<li><a href="../tables/${escapeHtml(t)}">${escapeHtml(t)}</a></li>`);
  const body = [
    `<h1>${escapeHtml(opts.title)}</h1>`,
    opts.note ? `<p>${escapeHtml(opts.note)}</p>` : "",
    `<h2>论文 → 笔记本 / Paper → notebook</h2>`,
    entryRows.length
      ? `<table class="manifest">\n<thead><tr><th>论文 / Paper</th><th>类别 / Kind</th><th>内容 / What</th><th>笔记本 / Notebook</th><th>单元 / Cell</th><th>CSV</th></tr></thead>\n<tbody>\n${entryRows.join("\n")}\n</tbody>\n</table>`
      : `<p>notebooks/manifest.json lists no entries yet.</p>`,
    `<h2>笔记本 / Notebooks</h2>`,
    `<table class="notebooks">\n<thead><tr><th>Notebook</th><th>标题 / Title</th><th>cells</th><th>seconds</th><th>参数覆盖 / Overrides</th></tr></thead>\n<tbody>\n${nbRows.join("\n")}\n</tbody>\n</table>`,
    `<h2>表格 / Tables (build/tables)</h2>`,
    tableLinks.length ? `<ul>\n${tableLinks.join("\n")}\n</ul>` : `<p>none</p>`,
  ].join("\n");
  return pageShell(opts.title, body);
}
