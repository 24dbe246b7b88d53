/**
 * HTML tables whose cells can be marked (a misprint, a claim that does not hold), carry a second line (the computed
 * value under the printed one), a hover title and a footnote number. `table()` in ./display prints plain tables;
 * this is for the tables that must show where the paper and the data part.
 *
 * Every piece of text is escaped (escapeHtml): a label or an explanation can never inject markup. Styles are inline,
 * so the table looks the same in Jupyter, in the executed notebook and in the report.
 */
import { escapeHtml } from "./display";

/** How a cell is marked: its background colour says it, the legend explains it. */
export type Mark = "misprint" | "source" | "unexplained" | "fails" | "holds" | "differs";

export const MARK_STYLES: Readonly<Record<Mark, string>> = {
  misprint: "background:#ffd8d3;",
  source: "background:#fff4c2;",
  unexplained: "background:#f3d9fa;",
  fails: "background:#ffd8d3;",
  holds: "",
  differs: "",
};

export interface RichCell {
  text: string;
  /** a second, smaller grey line (e.g. the computed value) */
  sub?: string;
  /** hover text (e.g. the explanation) */
  title?: string;
  mark?: Mark;
  /** footnote number shown as a superscript */
  note?: number;
  /** right-aligned, tabular figures */
  num?: boolean;
  /** bold (e.g. a group label) */
  strong?: boolean;
  /** keep on one line (short labels such as 数值 / 比重) */
  nowrap?: boolean;
  rowspan?: number;
}

export interface RichTable {
  caption?: string;
  /** header rows; a string is one plain header cell */
  header: readonly (readonly (string | { text: string; colspan?: number; rowspan?: number })[])[];
  /** body rows; null leaves the position to a rowspan above */
  rows: readonly (readonly (RichCell | null)[])[];
  /** shown under the table, numbered from 1 */
  footnotes?: readonly string[];
  /** a line under the table before the footnotes */
  legend?: string;
}

/** Any value as a plain cell. */
export const cellOf = (text: string | number, opts: Omit<RichCell, "text"> = {}): RichCell => ({ text: String(text), num: typeof text === "number", ...opts });

function cellHtml(c: RichCell): string {
  const style = `${c.num ? "text-align:right;font-variant-numeric:tabular-nums;" : ""}${c.num || c.nowrap ? "white-space:nowrap;" : ""}${c.mark ? MARK_STYLES[c.mark] : ""}`;
  const attrs = [
    style ? ` style="${style}"` : "",
    c.title ? ` title="${escapeHtml(c.title)}"` : "",
    c.rowspan && c.rowspan > 1 ? ` rowspan="${c.rowspan}"` : "",
    c.mark ? ` data-mark="${c.mark}"` : "",
  ].join("");
  const text = c.strong ? `<b>${escapeHtml(c.text)}</b>` : escapeHtml(c.text);
  const note = c.note !== undefined ? `<sup>[${c.note}]</sup>` : "";
  const sub = c.sub !== undefined ? `<br><span style="color:#656d76;font-size:0.85em">${escapeHtml(c.sub)}</span>` : "";
  return `<td${attrs}>${text}${note}${sub}</td>`;
}

/** The table as one HTML fragment (scrolls sideways when wider than the page). */
export function richTableHtml(t: RichTable): string {
  const head = t.header
    .map((r) => `<tr>${r.map((h) => {
      if (typeof h === "string") return `<th>${escapeHtml(h)}</th>`;
      const span = `${h.colspan && h.colspan > 1 ? ` colspan="${h.colspan}"` : ""}${h.rowspan && h.rowspan > 1 ? ` rowspan="${h.rowspan}"` : ""}`;
      return `<th${span}>${escapeHtml(h.text)}</th>`;
    }).join("")}</tr>`)
    .join("\n");
  const body = t.rows.map((r) => `<tr>${r.filter((c): c is RichCell => c !== null).map(cellHtml).join("")}</tr>`).join("\n");
  const caption = t.caption ? `<caption style="caption-side:top;text-align:left;font-weight:600;padding:0.2rem 0">${escapeHtml(t.caption)}</caption>\n` : "";
  const legend = t.legend ? `<p style="font-size:0.85em;color:#656d76;margin:0.2rem 0">${escapeHtml(t.legend)}</p>` : "";
  const notes = t.footnotes?.length
    ? `<ol style="font-size:0.85em;margin:0.2rem 0 0.6rem;padding-left:1.6rem">${t.footnotes.map((f) => `<li>${escapeHtml(f)}</li>`).join("")}</ol>`
    : "";
  return `<div class="tp-rich" style="overflow-x:auto">\n<table class="tp-table">\n${caption}<thead>\n${head}\n</thead>\n<tbody>\n${body}\n</tbody>\n</table>\n${legend}${notes}</div>`;
}

/** Display HTML in the cell's output (a running tslab kernel only). */
export function showHtml(html: string): void {
  // required lazily, as in ./display: the builders above work outside a kernel
  const tslab: typeof import("tslab") = require("tslab");
  tslab.display.html(html);
}
