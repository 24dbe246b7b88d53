/**
 * Reading and writing the CSV files of this project, with errors that say where.
 *
 * Why our own reader: every error must name the file, the row and the column, and Chinese
 * spreadsheets arrive in more than one encoding. UTF-8 (with or without a BOM) is read as is;
 * a file that is not valid UTF-8 but decodes as GBK/GB18030 (what Excel in China writes) is decoded
 * from GB18030, and `encoding` says so.
 */
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";

/** An input problem, located. `row` is the 1-based line of the file (the header is row 1). */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly column: string | null,
    readonly problem: string,
  ) {
    super(
      [file, row !== null ? `row ${row}` : null, column !== null ? `column "${column}"` : null]
        .filter((s) => s !== null)
        .join(", ") + `: ${problem}`,
    );
    this.name = "InputError";
  }
}

export interface CsvTable {
  file: string;
  encoding: "utf-8" | "utf-8-bom" | "gb18030";
  header: string[];
  /** data rows; `line` is the 1-based line number of the row in the file */
  rows: { line: number; cells: string[] }[];
}

/** Decode bytes as UTF-8 (BOM stripped) or, failing that, GB18030 (a superset of GBK). */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: CsvTable["encoding"] } {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    return { text, encoding: hasBom ? "utf-8-bom" : "utf-8" };
  } catch {
    // Not UTF-8. GB18030 decodes every byte sequence, so accept it only if the result has no
    // replacement characters and no C0 control characters other than tab/CR/LF.
    const text = iconv.decode(Buffer.from(body), "gb18030");
    if (/[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) {
      throw new InputError(file, null, null, "file is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8 CSV");
    }
    return { text, encoding: "gb18030" };
  }
}

/** Parse RFC 4180 CSV text (quoted fields, doubled quotes, CRLF or LF). */
export function parseCsvText(text: string, file: string): CsvTable["rows"] {
  const rows: CsvTable["rows"] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endRow = () => {
    cells.push(cell);
    // a completely empty line is skipped (a trailing newline, blank lines between rows)
    if (!(cells.length === 1 && cells[0] === "")) rows.push({ line: rowLine, cells });
    cells = [];
    cell = "";
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      // handled by the \n on the next step
    } else if (ch === "\n" || ch === "\r") {
      endRow();
      line++;
      rowLine = line;
    } else cell += ch;
    i++;
  }
  if (quoted) throw new InputError(file, rowLine, null, "a quoted field is never closed");
  if (cell !== "" || cells.length > 0) endRow();
  return rows;
}

/** Read a CSV file: decode, parse, split off the header. Throws InputError for an empty file. */
export function readCsv(file: string, bytes?: Uint8Array): CsvTable {
  let data: Uint8Array;
  try {
    data = bytes ?? readFileSync(file);
  } catch (e) {
    throw new InputError(file, null, null, `cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  if (data.length === 0) throw new InputError(file, null, null, "file is empty");
  const { text, encoding } = decodeText(data, file);
  const all = parseCsvText(text, file);
  if (all.length === 0) throw new InputError(file, null, null, "file is empty (no header row)");
  const header = all[0].cells.map((h) => h.trim());
  return { file, encoding, header, rows: all.slice(1) };
}

/** Quote a CSV field if it needs it. */
export function csvField(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "number" ? formatNumber(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * A number as this project writes it: up to 10 significant decimals, trailing zeros stripped,
 * so files are byte-stable across machines and runs. Refuses NaN and infinities: they are bugs.
 */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`refusing to write a non-finite number (${v})`);
  const s = v.toFixed(10).replace(/\.?0+$/, "");
  return s === "-0" ? "0" : s;
}

/** Render rows as CSV text with a header line and a final newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return [header.map(csvField).join(","), ...rows.map((r) => r.map(csvField).join(","))].join("\n") + "\n";
}
