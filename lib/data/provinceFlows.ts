/**
 * Province flow tables (one row per province: total output, GDP, exports, outflow, imports, inflow in 亿元),
 * read with schema validation. This is the input of every indicator and of the CLI.
 *
 * Every problem ends in one InputError naming the file, the row and the column; nothing becomes NaN.
 */
import { InputError, readCsv } from "../core/csv";
import { FLOW_COLUMNS, type Flows } from "../paper/columns";
import { PROVINCES, isProvince } from "../paper/provinces";

export interface ProvinceFlows extends Flows {
  province_zh: string;
}

export const REQUIRED_COLUMNS = ["province_zh", ...FLOW_COLUMNS] as const;

// A plain decimal number: optional sign, digits, optional fraction, optional exponent.
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * What a plausible amount is, for flows of one Chinese province in 亿元 (10⁸ 元). For scale: in 2017 the largest
 * province GDP was about 90,000 亿元 (广东) and the smallest 1,311 亿元 (西藏); China's total output was
 * 2,463,093 亿元; world GDP in 2023 was about 7.5 × 10⁶ 亿元.
 *
 * - MAX_AMOUNT = 10⁸ 亿元 (10¹⁶ 元, some 13 times world GDP): nothing a province produces or trades comes near
 *   it, and a file in 元 or 万元 instead of 亿元 exceeds it for the large provinces (广东's GDP is 9 × 10⁸ 万元).
 * - MIN_DIVISOR = 10⁻⁴ 亿元 (1 万元): every ratio divides by GDP, and the trade ratio by exports + imports; a
 *   province whose GDP or foreign trade is below one 万元 is not data, and dividing by such a number (1e-300,
 *   say) gives ratios near 10³⁰⁰ or infinity.
 * - MIN_NONZERO = 10⁻⁸ 亿元 (1 元): a non-zero amount below one yuan is noise or a typo (1e-310).
 * Within these bounds every indicator, share and group sum is finite: at most 2·10⁸ / 10⁻⁴ × 100 = 2·10¹⁴.
 */
export const MAX_AMOUNT = 1e8;
export const MIN_DIVISOR = 1e-4;
export const MIN_NONZERO = 1e-8;

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
  if (v > MAX_AMOUNT)
    throw new InputError(file, row, column, `${s} is above the largest plausible amount, 100000000 亿元 (10^16 元); amounts are in 亿元 (10^8 元): is the file in 元 or 万元?`);
  if (v !== 0 && v < MIN_NONZERO) throw new InputError(file, row, column, `${s} is not 0 but below 1 元 (0.00000001 亿元): not a plausible amount`);
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
    if (row.gdp < MIN_DIVISOR) throw new InputError(file, line, "gdp", `GDP ${cells[index.gdp].trim()} is below 0.0001 亿元 (1 万元), not a plausible GDP; every ratio divides by it`);
    if (row.export + row.import === 0)
      throw new InputError(file, line, "export", "export and import are both 0, so 内外贸易比 (trade ratio) is undefined");
    if (row.export + row.import < MIN_DIVISOR)
      throw new InputError(file, line, "export", `export + import is below 0.0001 亿元 (1 万元), not a plausible foreign trade; 内外贸易比 (trade ratio) divides by it`);
    out.push(row);
  }
  if (options.requireAll) {
    const missing = PROVINCES.filter((p) => !firstRowOf.has(p.zh)).map((p) => p.zh);
    if (missing.length) throw new InputError(file, null, "province_zh", `missing provinces: ${missing.join("、")}`);
  }
  return out;
}
