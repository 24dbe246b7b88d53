/**
 * Markdown cells to HTML for the report: the CommonMark/GFM subset notebooks use — headings, paragraphs, emphasis,
 * inline code, fenced code, lists (nested by indentation), block quotes, tables, rules, links and images.
 *
 * Everything is escaped: raw HTML in a markdown cell shows as text, and links or images may only point to
 * http(s), mailto, in-page anchors, relative paths or attachments, so nothing in a cell runs script.
 * Formulas ($…$) stay as their TeX source (there is no offline MathJax).
 */
import { escapeHtml } from "../../lib/present/display";

export interface MarkdownOptions {
  /** resolves `attachment:name` image sources (nbformat cell attachments) to data: URLs */
  attachment?: (name: string) => string | null;
}

/** A URL safe to put in href/src, or null. */
export function safeUrl(url: string, opts: MarkdownOptions = {}, image = false): string | null {
  const u = url.trim();
  if (u.startsWith("attachment:")) return opts.attachment?.(u.slice("attachment:".length)) ?? null;
  if (image && /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/.test(u)) return u;
  if (/^(https?:|mailto:)/i.test(u)) return u;
  // no scheme at all: relative path or #anchor (a colon before any / ? # means a scheme, e.g. javascript:)
  if (!/^[^/?#]*:/.test(u)) return u;
  return null;
}

/** Inline markdown (one paragraph's text) to HTML. */
export function inline(text: string, opts: MarkdownOptions = {}): string {
  // code spans first: their content is literal
  return text
    .split(/(`+)([\s\S]*?[^`])\1(?!`)/)
    .map((part, i) => {
      // split with two groups: text, backticks, code, text, backticks, code, …
      if (i % 3 === 1) return "";
      if (i % 3 === 2) return `<code>${escapeHtml(part.replace(/^ (.*) $/, "$1"))}</code>`;
      return inlineText(part, opts);
    })
    .join("");
}

function inlineText(text: string, opts: MarkdownOptions): string {
  let s = escapeHtml(text);
  // images and links: [text](url "title"); the URL was escaped with the rest, unescape it to check, escape again
  s = s.replace(/(!?)\[([^\]]*)\]\(\s*([^\s)]+)(?:\s+&#34;([^]*?)&#34;)?\s*\)/g, (_m, bang: string, label: string, rawUrl: string, title?: string) => {
    const url = safeUrl(unescape(rawUrl), opts, bang === "!");
    const t = title ? ` title="${title}"` : "";
    if (url === null) return label;
    if (bang) return `<img src="${escapeHtml(url)}" alt="${label}"${t}>`;
    return `<a href="${escapeHtml(url)}"${t}>${label}</a>`;
  });
  s = s
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, "$1<strong>$2</strong>")
    .replace(/\*(?=[^\s*])([\s\S]*?[^\s*])\*/g, "<em>$1</em>")
    .replace(/(^|[^\w])_(?=[^\s_])([\s\S]*?[^\s_])_(?!\w)/g, "$1<em>$2</em>")
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, "<del>$1</del>")
    // hard line break: two trailing spaces or a backslash before the newline
    .replace(/(?: {2,}|\\)\n/g, "<br>\n");
  return s;
}

function unescape(s: string): string {
  return s.replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)));
}

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)[^`]*$/;
const HEADING = /^ {0,3}(#{1,6})(?:\s+(.*?))?(?:\s+#+)?\s*$/;
const RULE = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^ {0,3}> ?(.*)$/;
const ITEM = /^( {0,3})([-*+]|\d{1,9}[.)])(\s+|$)(.*)$/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

function splitRow(line: string): string[] {
  let l = line.trim();
  if (l.startsWith("|")) l = l.slice(1);
  if (l.endsWith("|") && !l.endsWith("\\|")) l = l.slice(0, -1);
  return l.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, "|"));
}

function startsBlock(line: string, next: string | undefined): boolean {
  return FENCE.test(line) || HEADING.test(line) || RULE.test(line) || QUOTE.test(line) || ITEM.test(line) ||
    (line.includes("|") && next !== undefined && TABLE_RULE.test(next) && next.includes("-"));
}

/** Markdown text to HTML. */
export function markdownToHtml(source: string, opts: MarkdownOptions = {}): string {
  return blocks(source.replace(/\r\n?/g, "\n").replace(/\t/g, "    ").split("\n"), opts).join("\n");
}

function blocks(lines: string[], opts: MarkdownOptions): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === "") {
      i++;
      continue;
    }
    let m: RegExpExecArray | null;
    if ((m = FENCE.exec(line))) {
      const fence = m[1];
      const lang = m[2];
      const body: string[] = [];
      i++;
      while (i < lines.length && !(lines[i].trim().startsWith(fence[0].repeat(fence.length)) && lines[i].trim().replace(new RegExp(`^\\${fence[0]}+`), "").trim() === "")) body.push(lines[i++]);
      i++;
      const cls = lang ? ` class="language-${escapeHtml(lang)}"` : "";
      out.push(`<pre><code${cls}>${escapeHtml(body.join("\n"))}</code></pre>`);
      continue;
    }
    if ((m = HEADING.exec(line))) {
      const level = m[1].length;
      out.push(`<h${level}>${inline(m[2] ?? "", opts)}</h${level}>`);
      i++;
      continue;
    }
    if (RULE.test(line)) {
      out.push("<hr>");
      i++;
      continue;
    }
    if (QUOTE.test(line)) {
      const body: string[] = [];
      while (i < lines.length && lines[i].trim() !== "" && (m = QUOTE.exec(lines[i]) ?? /^(.*)$/.exec(lines[i]))) {
        body.push(m[1]);
        i++;
      }
      out.push(`<blockquote>\n${blocks(body, opts).join("\n")}\n</blockquote>`);
      continue;
    }
    if (line.includes("|") && i + 1 < lines.length && TABLE_RULE.test(lines[i + 1]) && lines[i + 1].includes("-")) {
      const head = splitRow(line);
      const aligns = splitRow(lines[i + 1]).map((c) => (c.startsWith(":") && c.endsWith(":") ? "center" : c.endsWith(":") ? "right" : c.startsWith(":") ? "left" : ""));
      const cell = (tag: string, c: string, k: number) => `<${tag}${aligns[k] ? ` style="text-align:${aligns[k]}"` : ""}>${inline(c, opts)}</${tag}>`;
      const rows: string[] = [];
      i += 2;
      while (i < lines.length && lines[i].trim() !== "" && lines[i].includes("|")) {
        const cells = splitRow(lines[i]);
        rows.push(`<tr>${head.map((_h, k) => cell("td", cells[k] ?? "", k)).join("")}</tr>`);
        i++;
      }
      out.push(`<table>\n<thead><tr>${head.map((h, k) => cell("th", h, k)).join("")}</tr></thead>\n<tbody>\n${rows.join("\n")}\n</tbody>\n</table>`);
      continue;
    }
    if ((m = ITEM.exec(line))) {
      const ordered = /\d/.test(m[2]);
      const start = ordered ? parseInt(m[2], 10) : 1;
      const items: string[][] = [];
      let loose = false;
      while (i < lines.length) {
        const im = ITEM.exec(lines[i]);
        if (!im || /\d/.test(im[2]) !== ordered || im[1].length > m[1].length + 1) break;
        const indent = im[1].length + im[2].length + Math.min(Math.max(im[3].length, 1), 4);
        const item = [im[4]];
        i++;
        while (i < lines.length) {
          const l = lines[i];
          if (l.trim() === "") {
            // a blank line continues the item only if indented content follows
            const next = lines[i + 1];
            if (next !== undefined && next.length - next.trimStart().length >= indent) {
              item.push("");
              loose = true;
              i++;
              continue;
            }
            break;
          }
          const lead = l.length - l.trimStart().length;
          if (lead >= indent) item.push(l.slice(indent));
          else if (ITEM.test(l) || startsBlock(l, lines[i + 1])) break;
          else item.push(l.trimStart()); // lazy continuation of the item's paragraph
          i++;
        }
        items.push(item);
        const after = i < lines.length && lines[i].trim() === "" && lines[i + 1] !== undefined ? ITEM.exec(lines[i + 1]) : null;
        if (after && /\d/.test(after[2]) === ordered && after[1].length <= m[1].length + 1) {
          // a blank line between items of the same list makes it loose (items are paragraphs)
          loose = true;
          i++;
        }
      }
      const lis = items.map((item) => {
        let html = blocks(item, opts).join("\n");
        if (!loose) html = html.replace(/^<p>([\s\S]*?)<\/p>/, "$1");
        return `<li>${html}</li>`;
      });
      const tag = ordered ? "ol" : "ul";
      const startAttr = ordered && start !== 1 ? ` start="${start}"` : "";
      out.push(`<${tag}${startAttr}>\n${lis.join("\n")}\n</${tag}>`);
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() !== "" && (para.length === 0 || !startsBlock(lines[i], lines[i + 1]))) para.push(lines[i++]);
    out.push(`<p>${inline(para.join("\n").trim(), opts)}</p>`);
  }
  return out;
}
