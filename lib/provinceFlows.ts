/**
 * Province flow tables (one row per province: total output, GDP, exports, outflow, imports, inflow in 亿元),
 * read with schema validation. This is the input of every indicator and of the CLI.
 *
 * Every problem ends in one InputError naming the file, the row and the column; nothing becomes NaN.
 */
import { InputError, readCsv } from "./csv";
import { FLOW_COLUMNS, type Flows } from "./indicators";
import { PROVINCES, isProvince } from "./provinces";

export interface ProvinceFlows extends Flows {
  province_zh: string;
}

export const REQUIRED_COLUMNS = ["province_zh", ...FLOW_COLUMNS] as const;

// A plain decimal number: optional sign, digits, optional fraction, optional exponent.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Parse one numeric cell or throw an InputError saying what is wrong with it. */
export function parseAmount(text: string, file: string, row: number, column: string): number {
  const s = text.trim();
  if (s === "") throw new InputError(file, row, column, "empty cell; a number (亿元) is required");
  if (!NUMBER.test(s)) {
    const hint = /^[\d,]+(\.\d+)?$/.test(s) ? " (remove the thousands separators)" : "";
    throw new InputError(file, row, column, `"${s}" is not a number${hint}`);
  }
  const v = Number(s);
  if (!Number.isFinite(v)) throw new InputError(file, row, column, `"${s}" is out of range`);
  if (v < 0) throw new InputError(file, row, column, `${s} is negative; flows and GDP cannot be`);
  return v;
}

export interface ReadOptions {
  /** require all 31 provinces (the paper's tables need them); default false */
  requireAll?: boolean;
  /** bytes to read instead of the file (tests) */
  bytes?: Uint8Array;
}

/** Read and validate a province flow CSV (columns province_zh,total_output,gdp,export,outflow,import,inflow; others ignored). */
export function readProvinceFlows(file: string, options: ReadOptions = {}): ProvinceFlows[] {
  const table = readCsv(file, options.bytes);
  const { header } = table;
  const seenHeader = new Map<string, number>();
  header.forEach((h, i) => {
    if (seenHeader.has(h) && (REQUIRED_COLUMNS as readonly string[]).includes(h))
      throw new InputError(file, 1, h, `column appears twice (positions ${seenHeader.get(h)! + 1} and ${i + 1})`);
    seenHeader.set(h, i);
  });
  for (const col of REQUIRED_COLUMNS) {
    if (seenHeader.has(col)) continue;
    const near = header.filter((h) => !seenHeader.has(col) && editDistance(h.toLowerCase(), col) <= 2);
    const hint = near.length ? `; found "${near[0]}" — misspelt?` : "";
    throw new InputError(file, 1, col, `required column is missing${hint} (required: ${REQUIRED_COLUMNS.join(",")})`);
  }
  if (table.rows.length === 0) throw new InputError(file, null, null, "file has a header but no data rows");

  const index = Object.fromEntries(REQUIRED_COLUMNS.map((c) => [c, seenHeader.get(c)!])) as Record<
    (typeof REQUIRED_COLUMNS)[number],
    number
  >;
  const firstRowOf = new Map<string, number>();
  const out: ProvinceFlows[] = [];
  for (const { line, cells } of table.rows) {
    if (cells.length !== header.length)
      throw new InputError(file, line, null, `has ${cells.length} cells but the header has ${header.length}`);
    const name = cells[index.province_zh].trim();
    if (name === "") throw new InputError(file, line, "province_zh", "empty province name");
    if (!isProvince(name))
      throw new InputError(file, line, "province_zh", `unknown province "${name}" (expected a short name such as 北京, 内蒙古, 新疆)`);
    if (firstRowOf.has(name))
      throw new InputError(file, line, "province_zh", `duplicate province "${name}" (first on row ${firstRowOf.get(name)})`);
    firstRowOf.set(name, line);
    const row = { province_zh: name } as ProvinceFlows;
    for (const col of FLOW_COLUMNS) row[col] = parseAmount(cells[index[col]], file, line, col);
    if (row.gdp === 0) throw new InputError(file, line, "gdp", "GDP is 0; every ratio divides by it");
    if (row.export + row.import === 0)
      throw new InputError(file, line, "export", "export and import are both 0, so 内外贸易比 (trade ratio) is undefined");
    out.push(row);
  }
  if (options.requireAll) {
    const missing = PROVINCES.filter((p) => !firstRowOf.has(p.zh)).map((p) => p.zh);
    if (missing.length) throw new InputError(file, null, "province_zh", `missing provinces: ${missing.join("、")}`);
  }
  return out;
}
