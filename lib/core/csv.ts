/**
 * Reading and writing the CSV files of this project, with errors that say where.
 *
 * Why our own reader: every error must name the file, the row and the column, and Chinese
 * spreadsheets arrive in more than one encoding. UTF-8 (with or without a BOM) is read as is;
 * a file that is not valid UTF-8 but decodes as GBK/GB18030 (what Excel in China writes) is decoded
 * from GB18030, and `encoding` says so.
 */
import iconv from "iconv-lite";
import { FileReadError, MAX_CSV_BYTES, readBoundedFile } from "./inputFile";
import { printable } from "./printable";

/**
 * An input problem, located. `row` is the 1-based line of the file (the header is row 1). The message is one
 * printable line: control characters from the file (a province name, the file's own name) are escaped
 * (lib/core/printable.ts), so echoing it cannot garble a terminal; the fields keep the raw text.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    readonly column: string | null,
    readonly problem: string,
  ) {
    super(
      printable(
        [file, row !== null ? `row ${row}` : null, column !== null ? `column "${column}"` : null]
          .filter((s) => s !== null)
          .join(", ") + `: ${problem}`,
      ),
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

/**
 * Read a CSV file: decode, parse, split off the header. Throws InputError for an empty file, an unreadable one,
 * and one larger than MAX_CSV_BYTES (lib/core/inputFile.ts; refused before it is read, or as soon as a device or pipe
 * passes the limit).
 */
export function readCsv(file: string, bytes?: Uint8Array): CsvTable {
  let data: Uint8Array;
  try {
    data = bytes ?? readBoundedFile(file, MAX_CSV_BYTES);
  } catch (e) {
    if (e instanceof FileReadError) throw new InputError(file, null, null, e.problem);
    throw e;
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
 * A number as this project writes it, in a form that reads back as the same double: `Number(s) === v` for every
 * finite v (−0 is written "0"). Byte-stable across machines and runs.
 *
 * The form: fixed-point with at most 10 decimals, trailing zeros stripped, whenever that is exact (the form every
 * file had before, so files whose numbers already round-tripped keep their bytes); otherwise JavaScript's shortest
 * round-trip form String(v), e.g. 4.781293733560731, 1e+30, 1e-300. (Fixed-point alone lost digits: toFixed(10)
 * keeps 10 decimals of 4.781293733560731, and for |v| ≥ 1e21 it returns "1e+30", whose zeros were then stripped
 * to "1e+3".) Refuses NaN and infinities: they are bugs, reported by toCsv with their row and column.
 */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) throw new RangeError(`refusing to write a non-finite number (${v})`);
  if (v === 0) return "0";
  if (Math.abs(v) < 1e21) {
    const fixed = v.toFixed(10).replace(/\.?0+$/, "");
    if (Number(fixed) === v) return fixed;
  }
  return String(v);
}

/**
 * Render rows as CSV text with a header line and a final newline. A value that cannot be written (NaN, ±∞) throws
 * a RangeError naming `what` (the file, if given), the row (the header is row 1) and the column.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[], what = "CSV"): string {
  const line = (r: readonly (string | number | null | undefined)[], i: number) =>
    r
      .map((v, j) => {
        try {
          return csvField(v);
        } catch (e) {
          throw new RangeError(`${what}: row ${i + 2}, column "${header[j] ?? j + 1}": ${(e as Error).message}`);
        }
      })
      .join(",");
  return [header.map(csvField).join(","), ...rows.map(line)].join("\n") + "\n";
}

/**
 * The data rows of a transcription file, each exactly as wide as `header`, no cell padded with whitespace.
 * Errors are InputErrors: file, row (the file's line, header = row 1) and column.
 */
export function readExactCsv(file: string, header: readonly string[]): { row: number; cells: string[] }[] {
  const csv = readCsv(file);
  header.forEach((name, j) => {
    if (csv.header[j] !== name) throw new InputError(file, 1, name, `header should be "${name}" (column ${j + 1}), found "${csv.header[j] ?? ""}"`);
  });
  if (csv.header.length !== header.length) {
    throw new InputError(file, 1, null, `${csv.header.length} columns, expected ${header.length} (${header.join(",")})`);
  }
  if (csv.rows.length === 0) throw new InputError(file, null, null, "no data rows");
  return csv.rows.map(({ line, cells }) => {
    if (cells.length < header.length) throw new InputError(file, line, header[cells.length], `missing: the row has ${cells.length} of ${header.length} cells`);
    if (cells.length > header.length) throw new InputError(file, line, null, `${cells.length} cells, expected ${header.length}`);
    cells.forEach((c, j) => {
      if (c !== c.trim()) throw new InputError(file, line, header[j], `"${c}" has surrounding whitespace`);
    });
    return { row: line, cells };
  });
}
