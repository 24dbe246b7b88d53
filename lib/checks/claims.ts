/**
 * The claims of the paper's prose: every sentence of sections 一 and 二 (and of Table 1's 特征 column) that the
 * 2017 data can check, each turned into a computation on the province flows. The sentences, printed numbers and units
 * are data (data/paper/claims.csv, read by lib/paper/claimTexts.ts); this module keeps the computations: five
 * parametric kinds (a share, a ratio, a sum of shares, a group's flow, one group's flow over another's) and the named
 * computations of ./claimComputations.ts.
 *
 * A claim is checked against the data, never against the printed tables: the tables are the other side of the
 * comparison. Where a sentence quotes a table cell, the result also says whether the text agrees with that cell and
 * whether the cell is one of the misprints found by lib/checks/reconcile.ts.
 *
 * Reading rules (the same rule for every sentence that uses the same word):
 * - R0 numbers: a printed number holds if |computed − printed| ≤ half a unit of its last printed digit
 *   ("4.78" ±0.005, "52.9" ±0.05, "4倍" and "44%" ±0.5 — the paper printed no decimal, so it rounded to an integer).
 *   万亿元 figures are computed in 亿元 and divided by 10⁴. "占全国比重" is the group's share of the national (31-province)
 *   total of that flow; "在全国经济中…占全国比重" is the share of GDP.
 * - R1 高 / 较高 / 比较高 (high) of a group or province: above the national value (全国, the first row of Tables 2–4).
 *   低 / 较低 (low): below it.
 * - R2 相对较低 (relatively low, among the groups the paragraph compares): the lowest of those groups.
 * - R3 中等 / 一定的 (medium, some): in the middle of the peers — 3rd to 5th of the seven types, 11th to 21st of the 31
 *   provinces.
 * - R4 主要 / 最重要 / 中心 (main, most important, centre): the largest share of the partition's groups; n groups named
 *   together: the n largest.
 * - R5 远高于 (far above), of one type's inflow rate over its outflow rate: the largest inflow/outflow-rate ratio of
 *   the seven types.
 * - R6 以内陆地区为主 (mainly inland): more than half of the members are in Table 4's 内陆地区.
 *
 * Not checked, because the data hold nothing to check them with: border trade (边贸), population, industrial
 * linkage (产业配套), geography (青藏高原, 靠近沿海), growth (增长极); and the vague 龙头 (leading) of 上海, 江苏 and 浙江.
 */
import type { RatioColumn, ShareColumn } from "../paper/columns";
import { loadPrintedTable } from "../paper/printedTables";
import { readClaimRecords, type ClaimKind, type ClaimRecord, type ClaimSection } from "../paper/claimTexts";
import type { ProvinceFlows } from "../data/provinceFlows";
import { halfUnit } from "../core/subtraction";
import { claimContext, wan, type ClaimContext } from "./claimContext";
import { NAMED_COMPUTATIONS } from "./claimComputations";
import { reconcile, roundDecimalString } from "./reconcile";

export interface Claim extends Omit<ClaimRecord, "kind" | "subject" | "column"> {
  compute: (ctx: ClaimContext) => number | boolean;
  /** R0: half a unit of the last printed digit; null for a qualitative claim */
  tolerance: number | null;
  /** how the sentence was turned into a computation */
  reading: string;
  /** further computed detail for the note (ranks among peers, the values compared) */
  detail?: (ctx: ClaimContext) => string;
}

export interface ClaimResult {
  id: string;
  section: ClaimSection;
  sentence_zh: string;
  claim_en: string;
  printed: string | null;
  unit: string;
  computed: number | boolean;
  tolerance: number | null;
  /** computed − printed (numeric claims) */
  difference: number | null;
  holds: boolean;
  reading: string;
  note: string;
}

/** R0: half a unit of the last printed digit ("4.78" → 0.005, "4" → 0.5). */
export function roundingTolerance(printed: string): number {
  if (!/^\d+(\.\d+)?$/.test(printed)) throw new Error(`"${printed}" is not a printed number`);
  const point = printed.indexOf(".");
  return halfUnit(point < 0 ? 0 : printed.length - point - 1);
}

const decimalsOf = (printed: string) => (printed.includes(".") ? printed.length - printed.indexOf(".") - 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// The parametric kinds

type Flow = "outflow" | "inflow" | "export" | "import";
type Computation = Pick<Claim, "compute" | "reading" | "detail">;

const RATIO_FORMULA: Record<RatioColumn, string> = {
  trade_ratio: "(outflow + inflow)/(export + import)",
  ftd: "(export + import)/GDP × 100",
  dtd: "(outflow + inflow)/GDP × 100",
  outflow_rate: "(export + outflow)/GDP × 100",
  inflow_rate: "(import + inflow)/GDP × 100",
};

/** What the members of a group_flow's subject are called in its reading. */
const GROUP_MEMBERS: Readonly<Record<string, string>> = { 黄河流域: "nine provinces of Table 5", 长江经济带: "eleven provinces of Table 6" };

/** The printed 万亿元 figure of another claim: `group`'s `flow` (the text's own numbers, for a multiple's detail). */
function printedFlow(records: readonly ClaimRecord[], group: string, flow: string): number {
  const r = records.find((x) => x.kind === "group_flow" && x.subject === group && x.column === flow);
  if (!r) throw new Error(`claims: no group_flow claim of ${group} ${flow}, which a multiple's detail quotes`);
  return Number(r.printed);
}

/** The computation of a parametric claim (see lib/paper/claimTexts.ts CLAIM_KINDS). */
const KINDS: Record<Exclude<ClaimKind, "named">, (r: ClaimRecord, records: readonly ClaimRecord[]) => Computation> = {
  /** "X 占全国比重为 p%": a share of the national total quoted from a table */
  share: ({ subject, column }) => ({
    compute: (ctx) => ctx.row(subject)[column as ShareColumn],
    reading: `R0: ${subject}'s ${column.slice("share_".length)} / the national total × 100`,
  }),
  /** a ratio of one group or province quoted from a table (外贸依存度, 内贸依存度, 内外贸易比) */
  ratio: ({ subject, column }) => ({
    compute: (ctx) => ctx.row(subject)[column as RatioColumn],
    reading: `R0: ${subject}'s ${column} = ${RATIO_FORMULA[column as RatioColumn]}`,
  }),
  /** "两个地区合计占…": the unrounded shares added, then compared; the detail says whether the paper added rounded ones */
  sum_of_shares: ({ subject, column, printed }) => {
    const groups = subject.split("+");
    const col = column as ShareColumn;
    return {
      compute: (ctx) => groups.reduce((s, g) => s + ctx.row(g)[col], 0),
      reading: `R0: the sum of the unrounded ${col} of ${groups.join(" + ")} (= their combined flow over the national total)`,
      detail: (ctx) => {
        const parts = groups.map((g) => ctx.row(g)[col].toFixed(2));
        const sumRounded = parts.reduce((s, p) => s + Number(p), 0).toFixed(2);
        return `the rounded parts ${parts.join(" + ")} add up to ${sumRounded}${sumRounded === printed ? " — the printed figure: the paper added rounded shares" : ""}`;
      },
    };
  },
  /** a group's flow in 万亿元 */
  group_flow: ({ subject, column }) => ({
    compute: (ctx) => wan(ctx.row(subject)[column as Flow]),
    reading: `R0: Σ over the ${GROUP_MEMBERS[subject] ?? `members of ${subject}`} of ${column}, 亿元 / 10⁴`,
  }),
  /** "分别是…的 k 倍": one group's flow over another's */
  multiple: ({ subject, column, printed }, records) => {
    const [num, den] = subject.split("/");
    const flow = column as Flow;
    return {
      compute: (ctx) => ctx.row(num)[flow] / ctx.row(den)[flow],
      reading: `R0: ${num} ${flow} / ${den} ${flow}, both summed from the data${printed!.includes(".") ? "" : " (printed without decimals: ±0.5)"}`,
      detail: (ctx) => {
        const v = ctx.row(num)[flow] / ctx.row(den)[flow];
        const fromText = printedFlow(records, num, flow) / printedFlow(records, den, flow);
        return `${v.toFixed(3)} from the data; ${fromText.toFixed(3)} from the text's own rounded 万亿元 figures`;
      },
    };
  },
};

/** A record and its computation: the parametric kind's, or the named one. */
export function claimOf(r: ClaimRecord, records: readonly ClaimRecord[] = [r]): Claim {
  let computation: Computation;
  if (r.kind === "named") {
    const named = NAMED_COMPUTATIONS[r.id];
    if (!named) throw new Error(`claim ${r.id} is named, but lib/checks/claimComputations.ts has no computation of that id`);
    computation = named;
  } else computation = KINDS[r.kind](r, records);
  const { kind: _kind, subject: _subject, column: _column, ...text } = r;
  return { ...text, ...computation, tolerance: r.printed === null ? null : roundingTolerance(r.printed) };
}

/** Every claim of data/paper/claims.csv with its computation, in the order of the paper (section 一, Table 1, section 二). */
export function loadClaims(records: readonly ClaimRecord[] = readClaimRecords()): Claim[] {
  return records.map((r) => claimOf(r, records));
}

/** Every claim, in the order of the paper (section 一, Table 1, section 二). */
export const CLAIMS: readonly Claim[] = loadClaims();

// ---------------------------------------------------------------------------------------------------------------
// Checking

/** The text's number against the quoted table cell: agreement at the text's precision, and the cell's reconciliation. */
function quoteNote(c: Claim, misprints: Map<string, string | null>): string {
  if (!c.quotes || c.printed === null) return "";
  const { table, group_zh, column } = c.quotes;
  const row = loadPrintedTable(table).find((r) => r.group_zh === group_zh);
  const cell = row?.[column];
  if (!cell) throw new Error(`claim ${c.id}: Table ${table} has no printed cell ${group_zh} ${column}`);
  const d = decimalsOf(c.printed);
  const same = cell.decimals >= d && roundDecimalString(cell.text, d) === Number(c.printed).toFixed(d);
  let s = `quotes Table ${table} ${group_zh} ${column} "${cell.text}"${same ? "" : " — the text does not agree with the table"}`;
  const key = `${table}|${group_zh}|${column}`;
  if (misprints.has(key)) s += `; that cell is a misprint (the paper's own numbers say it should read ${misprints.get(key)}), and the text repeats it`;
  return s;
}

const fmtComputed = (c: Claim, v: number) => v.toFixed(c.printed === null ? 2 : decimalsOf(c.printed) + 3);

/** Check every claim against the data: computed value, printed value, whether it holds, and a note. */
export function checkClaims(data: readonly ProvinceFlows[], claims: readonly Claim[] = CLAIMS): ClaimResult[] {
  const ctx = claimContext(data);
  const misprints = new Map(
    claims.some((c) => c.quotes)
      ? reconcile(data)
          .filter((r) => r.status === "misprint")
          .map((r) => [`${r.table}|${r.group_zh}|${r.column}`, r.should_read] as const)
      : [],
  );
  return claims.map((c) => {
    const computed = c.compute(ctx);
    let holds: boolean;
    let difference: number | null = null;
    const notes: string[] = [];
    if (c.printed === null) {
      if (typeof computed !== "boolean") throw new Error(`claim ${c.id} is qualitative but computed a number`);
      holds = computed;
    } else {
      if (typeof computed !== "number" || !Number.isFinite(computed)) throw new Error(`claim ${c.id}: computed ${String(computed)}, not a number`);
      difference = computed - Number(c.printed);
      // 1e-9: float noise on a value lying exactly on a rounding boundary
      holds = Math.abs(difference) <= c.tolerance! + 1e-9;
      notes.push(
        `computed ${fmtComputed(c, computed)} ${c.unit}, printed ${c.printed} ± ${c.tolerance}: ` +
          (holds ? "agrees within the printed rounding" : `differs by ${difference.toFixed(decimalsOf(c.printed) + 2)}`),
      );
      // an integer may be a one-decimal number with its ".0" dropped: say whether that stricter reading holds too
      if (decimalsOf(c.printed) === 0)
        notes.push(`read as ${c.printed}.0 (± 0.05) it ${Math.abs(difference) <= 0.05 + 1e-9 ? "holds too" : "would not hold"}`);
    }
    const q = quoteNote(c, misprints);
    if (q) notes.push(q);
    if (c.detail) notes.push(c.detail(ctx));
    return {
      id: c.id,
      section: c.section,
      sentence_zh: c.sentence_zh,
      claim_en: c.claim_en,
      printed: c.printed,
      unit: c.unit,
      computed,
      tolerance: c.tolerance,
      difference,
      holds,
      reading: c.reading,
      note: notes.join(". "),
    };
  });
}
