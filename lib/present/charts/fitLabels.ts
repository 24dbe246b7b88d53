/**
 * Keeping a figure's labels inside it, in either language: Plotly neither wraps a title nor, unless asked
 * (`automargin`), makes room for long tick labels — English category names such as "Outflow to other provinces"
 * were cut off at the bottom of the bar charts, and long titles at both sides.
 *
 * `fitLabels(fig)` returns a copy in which every axis has `automargin` (unless a builder set it to false) and every
 * title longer than fits is broken into lines at a space, " / " or Chinese punctuation. Applied by `show()`
 * (lib/present/display.ts) to every figure a notebook draws, so builders need not each remember it.
 */

/** Display width of a string in units of a Latin character: CJK characters and full-width punctuation count 2. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

/** Where a title may break: after a space, a slash, or Chinese punctuation (kept on the first line). */
const BREAK_AFTER = /[\s/／：:，,；;、）)—–]/u;

/**
 * `text` broken into lines (joined by <br>) of at most `max` display units where a break point allows; a line
 * with no break point is left long. Existing <br> breaks are kept.
 */
export function wrapLabel(text: string, max: number): string {
  return text
    .split(/<br\s*\/?>/i)
    .map((line) => wrapLine(line, max))
    .join("<br>");
}

function wrapLine(line: string, max: number): string {
  if (displayWidth(line) <= max) return line;
  // a bilingual "English / 中文" label breaks at its slash when both halves fit
  const halves = line.split(" / ");
  if (halves.length === 2 && halves.every((h) => displayWidth(h) <= max)) return `${halves[0]} /<br>${halves[1]}`;
  // otherwise: where the rest then fits, the most even break; else the last break that fits (fewest lines)
  const chars = [...line];
  const total = displayWidth(line);
  let best = -1;
  let bestEven = Infinity;
  let last = -1;
  let width = 0;
  for (let i = 0; i < chars.length - 1; i++) {
    width += displayWidth(chars[i]);
    if (width > max) break;
    if (!BREAK_AFTER.test(chars[i])) continue;
    last = i;
    const rest = total - width;
    if (rest <= max && Math.abs(rest - width) <= bestEven) {
      bestEven = Math.abs(rest - width);
      best = i;
    }
  }
  if (best < 0) best = last;
  if (best < 0) return line;
  const head = chars.slice(0, best + 1).join("").trimEnd();
  const tail = chars.slice(best + 1).join("").trimStart();
  return tail ? `${head}<br>${wrapLine(tail, max)}` : head;
}

/** Width limits, in display units: the figure title spans the figure; axis titles span a plot, often a narrow one. */
export const TITLE_MAX = 66;
export const AXIS_TITLE_MAX = 48;

type Json = Record<string, unknown>;

/** Height of a title line at the title's default size (17 px) with Plotly's line spacing. */
const TITLE_LINE_PX = 22;

function titleLines(t: unknown): number {
  const text = typeof t === "string" ? t : t && typeof t === "object" ? (t as Json).text : undefined;
  return typeof text === "string" ? text.split(/<br\s*\/?>/i).length : 0;
}

function wrapTitle(owner: Json, key: string, max: number): void {
  const t = owner[key];
  if (typeof t === "string") owner[key] = wrapLabel(t, max);
  else if (t && typeof t === "object" && typeof (t as Json).text === "string") owner[key] = { ...(t as Json), text: wrapLabel((t as Json).text as string, max) };
}

/** A copy of `fig` with room for its tick labels and its long titles wrapped (see the module comment). */
export function fitLabels<F extends { layout: Record<string, unknown> }>(fig: F): F {
  const layout: Json = { ...fig.layout };
  const before = titleLines(layout.title);
  wrapTitle(layout, "title", TITLE_MAX);
  // each line a wrapped title gained needs room above the plot
  const added = titleLines(layout.title) - before;
  const margin = layout.margin as Json | undefined;
  if (added > 0 && margin && typeof margin.t === "number") {
    layout.margin = { ...margin, t: margin.t + TITLE_LINE_PX * added };
    // hang the lines from the top of the figure (centred in the margin, the first line would rise above it)
    // (Plotly anchors a multi-line title one line too high, whatever its number of lines: the padding makes up for it)
    const lines = titleLines(layout.title);
    layout.title = { ...(layout.title as Json), y: 1, yref: "container", yanchor: "top", pad: { t: 14 + (lines > 1 ? TITLE_LINE_PX : 0) } };
  }
  for (const key of Object.keys(layout)) {
    if (!/^[xy]axis\d*$/.test(key)) continue;
    const axis: Json = { ...(layout[key] as Json) };
    if (axis.automargin === undefined) axis.automargin = true;
    wrapTitle(axis, "title", AXIS_TITLE_MAX);
    layout[key] = axis;
  }
  // a chart without any axis object (bars built without titles) still gets automargin on its main axes
  for (const key of ["xaxis", "yaxis"]) if (layout[key] === undefined && !isAxisless(fig)) layout[key] = { automargin: true };
  return { ...fig, layout };
}

/** Pie, Sankey, maps, tables and parallel coordinates have no cartesian axes. */
function isAxisless(fig: { layout: Record<string, unknown> }): boolean {
  const data = (fig as unknown as { data?: { type?: string }[] }).data ?? [];
  return data.length > 0 && data.every((t) => ["pie", "sankey", "choropleth", "choroplethmapbox", "scattergeo", "table", "parcoords", "parcats"].includes(t.type ?? "scatter"));
}
