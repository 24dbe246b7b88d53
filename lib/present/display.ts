/**
 * Rich output in tslab notebooks: `show(fig)` draws a Plotly figure inline, `table(rows)` prints an HTML table.
 *
 * plotly.js-dist-min is read from node_modules and inlined into the first chart's output of each kernel session
 * (never a CDN), so charts work offline, in executed notebooks and in the exported report; a restarted kernel
 * inlines it again. If a chart says "Plotly is not loaded" (e.g. the cell that carried the bundle was cleared),
 * run `loadPlotly()` or Restart & Run All.
 *
 * Every figure is drawn through fitLabels (lib/present/charts/fitLabels.ts): axes make room for their tick labels and long
 * titles are wrapped, so labels are not cut off in either language.
 *
 * Data reaches the page escaped: figure JSON is embedded with `<` written as \u003c, table cells through
 * escapeHtml, so a label like `<script>…</script>` shows as text and never runs.
 *
 * The HTML builders (figureHtml, plotlyBundleHtml, tableHtml) are pure and usable outside a kernel.
 */
import { readFileSync, realpathSync } from "fs";
import type * as Tslab from "tslab";
import { fitLabels } from "./charts/fitLabels";
import { pick, type Lang, type Text } from "../core/text";

/** Any Plotly figure JSON: lib/present/charts/plotly.ts's Figure, lib/present/charts/choropleth.ts's PlotlyFigure, … */
export interface FigureJson {
  data: readonly unknown[];
  layout: Record<string, unknown>;
  config?: Record<string, unknown>;
  /** precomputed states a slider or dropdown switches to (lib/present/charts/steerable.ts) */
  frames?: readonly unknown[];
}

/** Marks the output that carries the bundle: the report drops it and loads one shared copy instead. */
export const PLOTLY_BUNDLE_ATTRIBUTE = "data-tp-plotly-bundle";

/** Text as HTML text: & < > " ' escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** JSON that is safe inside a <script> element: no `</script>`, no `<!--`, no JS-breaking line separators. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** 32-bit FNV-1a of a string, as 8 hex digits: a short content hash for stable element ids. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * The element id of the n-th figure shown in a session: deterministic (same notebook, same ids on every run) and
 * unique within a page; the content hash keeps two notebooks open side by side in JupyterLab apart.
 */
export function figureId(fig: FigureJson, n: number): string {
  return `tp-fig-${n}-${fnv1a(JSON.stringify(fig))}`;
}

/**
 * A <div> and the script that draws `fig` into it with window.Plotly, waiting up to 10 s for the bundle
 * (outputs can be rendered out of order) and otherwise saying so in the div.
 */
export function figureHtml(fig: FigureJson, id: string): string {
  const height = typeof fig.layout.height === "number" ? fig.layout.height : 460;
  const spec = { data: fig.data, layout: fig.layout, config: fig.config ?? {}, ...(fig.frames ? { frames: fig.frames } : {}) };
  // a figure with frames is drawn from one object, which is how Plotly.newPlot takes frames
  const plot = fig.frames ? "window.Plotly.newPlot(el, fig)" : "window.Plotly.newPlot(el, fig.data, fig.layout, fig.config)";
  return (
    `<div id="${escapeHtml(id)}" class="tp-figure" style="width:100%;min-height:${height}px"></div>\n` +
    `<script>(function () {\n` +
    `  var id = ${scriptJson(id)}, fig = ${scriptJson(spec)}, tries = 0;\n` +
    `  function draw() {\n` +
    `    var el = document.getElementById(id);\n` +
    `    if (!el) return;\n` +
    `    if (window.Plotly) { ${plot}; return; }\n` +
    `    if (++tries < 200) { setTimeout(draw, 50); return; }\n` +
    `    el.textContent = "Plotly is not loaded: run loadPlotly() in a cell, or Restart & Run All.";\n` +
    `  }\n` +
    `  draw();\n` +
    `})();</script>`
  );
}

/** Path of the plotly.js bundle in node_modules. */
export function plotlyBundlePath(): string {
  // tslab gives lib modules a path under the notebook's folder (through the lib symlink), which may have no
  // node_modules above it: resolve from where this file really is
  return require.resolve("plotly.js-dist-min/plotly.min.js", { paths: [realpathSync(__dirname), process.cwd()] });
}

/** A <script> that defines window.Plotly, with the bundle inlined (≈ 4.8 MB). */
export function plotlyBundleHtml(source: string = readFileSync(plotlyBundlePath(), "utf8")): string {
  // the bundle holds "<!--" inside a string; "<\!--" is the same string and cannot confuse the HTML parser
  const js = source.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
  return `<script ${PLOTLY_BUNDLE_ATTRIBUTE}="plotly.js-dist-min">${js}</script>`;
}

/** Per kernel process (a restarted kernel starts again from zero). */
interface Session {
  plotlyInlined: boolean;
  figures: number;
}

function session(): Session {
  const g = globalThis as { __tpDisplaySession?: Session };
  // on globalThis, not in this module: re-running an import re-evaluates lib modules but not the page
  g.__tpDisplaySession ??= { plotlyInlined: false, figures: 0 };
  return g.__tpDisplaySession;
}

function tslabDisplay(): Tslab.Display {
  // required lazily: only a running tslab kernel can display, the pure builders above work anywhere
  const tslab: typeof Tslab = require("tslab");
  return tslab.display;
}

/** Draw a figure in the cell's output (zoom, hover, legend toggling); the first one also carries plotly.js. */
export function show(figure: FigureJson): void {
  const s = session();
  const bundle = s.plotlyInlined ? "" : plotlyBundleHtml() + "\n";
  s.figures += 1;
  // room for tick labels and long titles wrapped, in either language (lib/present/charts/fitLabels.ts)
  const fig = fitLabels(figure);
  tslabDisplay().html(bundle + figureHtml(fig, figureId(fig, s.figures)));
  s.plotlyInlined = true;
}

/** Inline plotly.js again in this cell's output (after its first carrier was cleared or the page reloaded); for readers, notebooks/README.md. @public */
export function loadPlotly(): void {
  tslabDisplay().html(plotlyBundleHtml());
  session().plotlyInlined = true;
}

export interface Column {
  key: string;
  label?: Text;
  /** decimals for numbers (default: integers as is, others 2) */
  digits?: number;
}

function formatCell(value: unknown, digits: number | undefined): string {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return String(value);
    if (digits !== undefined) return value.toFixed(digits);
    return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
  if (value === null || value === undefined) return "";
  return String(value);
}

/** An HTML table of `rows`; every header and cell is escaped. Columns default to the first row's keys. */
export function tableHtml(rows: readonly Record<string, unknown>[], columns?: readonly Column[], lang: Lang = "zh"): string {
  const cols: readonly Column[] = columns ?? Object.keys(rows[0] ?? {}).map((key) => ({ key }));
  const head = cols.map((c) => `<th>${escapeHtml(c.label === undefined ? c.key : pick(c.label, lang))}</th>`).join("");
  const body = rows
    .map((r) => {
      const cells = cols.map((c) => {
        const v = r[c.key];
        const cls = typeof v === "number" ? ' class="num"' : "";
        return `<td${cls}>${escapeHtml(formatCell(v, c.digits))}</td>`;
      });
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return `<table class="tp-table">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Print `rows` as an HTML table in the cell's output. */
export function table(rows: readonly Record<string, unknown>[], columns?: readonly Column[], lang: Lang = "zh"): void {
  tslabDisplay().html(tableHtml(rows, columns, lang));
}
