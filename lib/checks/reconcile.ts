/**
 * Reconciliation of every printed cell of Tables 2–6 with the value computed from the data.
 *
 * Each difference is classified:
 * - `rounding`   — computed and printed agree within the printed rounding (±half a unit of the last printed digit);
 * - `misprint`   — the printed number contradicts the paper's own other numbers (an identity: a ratio recomputed
 *                  from the printed flows of its row, a share from the printed national total, a group total from its
 *                  printed members, the same number printed in another table, or the row's printed ratios), and the
 *                  computed value satisfies that identity: the proof and the value it should read are given;
 * - `source`     — the printed number is consistent with the paper's other numbers but not with the data: the paper's
 *                  input differs from ours (e.g. GDP from another release, or the `tables` edition);
 * - `unexplained`— neither.
 *
 * Identity tolerances propagate the rounding of every printed number they use (first order, |∂f/∂xᵢ|·½ulpᵢ).
 */
import { aggregate, type TableRow } from "../indicators/aggregate";
import { PAPER_LAYOUTS, type LayoutRow } from "../paper/groupings";
import { ratios } from "../indicators/ratios";
import { FLOW_COLUMNS, RATIO_COLUMNS, type FlowColumn, type Flows, type RatioColumn } from "../paper/columns";
import {
  PRINTED_COLUMNS,
  loadPrintedTable,
  type PrintedCell,
  type PrintedColumn,
  type PrintedRow,
  type PrintedTableNumber,
} from "../paper/printedTables";
import type { ProvinceFlows } from "../data/provinceFlows";
import { halfUnit } from "../core/subtraction";

export type Status = "rounding" | "misprint" | "source" | "unexplained";

export interface ReconciledCell {
  table: PrintedTableNumber;
  group_zh: string;
  column: PrintedColumn;
  printed: string;
  computed: number;
  difference: number;
  /** half a unit of the last printed digit */
  tolerance: number;
  status: Status;
  /** for a misprint: the value the cell should read, at the printed precision */
  should_read: string | null;
  /** the identity that proves a misprint, or why a difference is attributed to the source */
  explanation: string;
}

export const RECONCILIATION_COLUMNS = [
  "table",
  "group_zh",
  "column",
  "printed",
  "computed",
  "difference",
  "tolerance",
  "status",
  "should_read",
  "explanation",
] as const;

/** An identity between a printed cell and other printed numbers: the value they imply and its tolerance. */
interface Identity {
  implied: number;
  tolerance: number;
  /** human-readable statement, e.g. "(O + I)/(X + M) from the printed flows of the row = 15.05" */
  statement: string;
}

const RATIO_FORMULA: Record<RatioColumn, string> = {
  trade_ratio: "(outflow + inflow)/(export + import)",
  ftd: "(export + import)/GDP",
  dtd: "(outflow + inflow)/GDP",
  outflow_rate: "(export + outflow)/GDP",
  inflow_rate: "(import + inflow)/GDP",
};
const RATIO_INPUTS: Record<RatioColumn, FlowColumn[]> = {
  trade_ratio: ["outflow", "inflow", "export", "import"],
  ftd: ["export", "import", "gdp"],
  dtd: ["outflow", "inflow", "gdp"],
  outflow_rate: ["export", "outflow", "gdp"],
  inflow_rate: ["import", "inflow", "gdp"],
};

const fmt = (v: number, d: number) => v.toFixed(d);

/** Round a non-negative decimal string half-up to d decimals, digit by digit (no binary floating point). */
export function roundDecimalString(s: string, d: number): string {
  const [int, frac = ""] = s.split(".");
  const digits = (int + frac.padEnd(d + 1, "0").slice(0, d + 1)).split("").map(Number);
  const up = digits.pop()! >= 5;
  for (let k = digits.length - 1; up && k >= 0; k--) {
    if (digits[k] < 9) {
      digits[k]++;
      break;
    }
    digits[k] = 0;
    if (k === 0) digits.unshift(1);
  }
  const text = digits.join("");
  return d === 0 ? text : `${text.slice(0, text.length - d)}.${text.slice(text.length - d)}`;
}
const printedFlows = (r: PrintedRow): Flows =>
  Object.fromEntries(FLOW_COLUMNS.map((c) => [c, r[c].value])) as unknown as Flows;

/** First-order rounding tolerance of f at x, each input xᵢ known to ±τᵢ. */
function propagated(f: (x: Flows) => number, x: Flows, tau: Partial<Record<FlowColumn, number>>): number {
  let t = 0;
  for (const [c, ti] of Object.entries(tau) as [FlowColumn, number][]) {
    const up = { ...x, [c]: x[c] + ti };
    const down = { ...x, [c]: x[c] - ti };
    t += Math.abs(f(up) - f(down)) / 2;
  }
  return t;
}

function ratioIdentity(row: PrintedRow, col: RatioColumn, flowsOverride?: Partial<Flows>): Identity {
  const x = { ...printedFlows(row), ...flowsOverride };
  const f = (y: Flows) => ratios(y)[col];
  const tau = Object.fromEntries(RATIO_INPUTS[col].map((c) => [c, halfUnit(row[c].decimals)]));
  const implied = f(x);
  return {
    implied,
    tolerance: propagated(f, x, tau) + halfUnit(row[col].decimals),
    statement: `${RATIO_FORMULA[col]} from the printed flows of the row = ${fmt(implied, row[col].decimals + 2)}`,
  };
}

/** Does every printed ratio of the row that uses `col` agree with the row's flows, if `col` had the value v? */
function rowRatiosConsistent(row: PrintedRow, col: FlowColumn, v: number): { ok: boolean; broken: string[] } {
  const broken: string[] = [];
  for (const r of RATIO_COLUMNS) {
    if (!RATIO_INPUTS[r].includes(col)) continue;
    const id = ratioIdentity(row, r, { [col]: v });
    if (Math.abs(id.implied - row[r].value) > id.tolerance) broken.push(`${r} ${row[r].text} (would be ${fmt(id.implied, row[r].decimals)})`);
  }
  return { ok: broken.length === 0, broken };
}

interface Context {
  table: PrintedTableNumber;
  printed: PrintedRow[];
  layout: LayoutRow[];
  /** all printed tables, for the same number printed twice */
  all: Map<PrintedTableNumber, PrintedRow[]>;
}

/** Identities that a printed cell must satisfy, from the paper's own other numbers. */
function identities(ctx: Context, i: number, col: PrintedColumn): Identity[] {
  const row = ctx.printed[i];
  const out: Identity[] = [];
  if ((RATIO_COLUMNS as readonly string[]).includes(col)) out.push(ratioIdentity(row, col as RatioColumn));
  if (col.startsWith("share_")) {
    const flow = col.slice("share_".length) as FlowColumn;
    const nat = ctx.printed[ctx.layout.findIndex((l) => l.kind === "national")];
    if (nat) {
      const implied = (row[flow].value / nat[flow].value) * 100;
      const tol =
        propagated((y) => (y[flow] / nat[flow].value) * 100, printedFlows(row), { [flow]: halfUnit(row[flow].decimals) }) +
        (implied * halfUnit(nat[flow].decimals)) / nat[flow].value +
        halfUnit(row[col]!.decimals);
      out.push({ implied, tolerance: tol, statement: `printed ${flow} ${row[flow].text} / printed national ${nat[flow].text} = ${fmt(implied, 3)} %` });
    }
  }
  if ((FLOW_COLUMNS as readonly string[]).includes(col)) {
    const flow = col as FlowColumn;
    const layout = ctx.layout[i];
    const groupIndex = ctx.layout.findIndex((l) => l.kind === "group");
    const memberRows = ctx.layout.map((l, k) => (l.kind === "province" ? k : -1)).filter((k) => k >= 0);
    if (memberRows.length > 0 && groupIndex >= 0) {
      const cells = (ks: number[]) => ks.map((k) => ctx.printed[k][flow]);
      const sumOf = (cs: PrintedCell[]) => cs.reduce((s, c) => s + c.value, 0);
      const tolOf = (cs: PrintedCell[]) => cs.reduce((s, c) => s + halfUnit(c.decimals), 0);
      const group = ctx.printed[groupIndex][flow];
      if (layout.kind === "group") {
        const cs = cells(memberRows);
        out.push({ implied: sumOf(cs), tolerance: tolOf(cs) + halfUnit(row[flow].decimals), statement: `sum of the printed members = ${fmt(sumOf(cs), 2)}` });
      } else if (layout.kind === "province") {
        const others = cells(memberRows.filter((k) => k !== i));
        const implied = group.value - sumOf(others);
        out.push({
          implied,
          tolerance: tolOf(others) + halfUnit(group.decimals) + halfUnit(row[flow].decimals),
          statement: `printed group total ${group.text} − the other printed members = ${fmt(implied, 2)}`,
        });
      }
    }
  }
  // the same row printed in another table (全国 in Tables 2–4; 四川 in Tables 5 and 6)
  for (const [n, rows] of ctx.all) {
    if (n === ctx.table) continue;
    const twin = rows.find((r) => r.group_zh === row.group_zh);
    const cell = twin?.[col];
    const own = row[col];
    if (!cell || !own) continue;
    const tol = halfUnit(cell.decimals) + halfUnit(own.decimals);
    out.push({ implied: cell.value, tolerance: tol, statement: `the same number printed in Table ${n} reads ${cell.text}` });
  }
  return out;
}

/**
 * How far a value computed from unrounded data may lie from the paper's, because the paper worked from
 * province flows rounded to 0.1 亿元 (as Tables 5–6 print them): a group's flow is a sum of n rounded values
 * (±n·0.05), and ratios and shares were computed from rounded flows. GDP is taken as given (two decimals).
 */
export function inputRoundingTolerance(row: TableRow, members: number, national: TableRow, col: PrintedColumn): number {
  const flowTau = (c: FlowColumn, n: number) => (c === "gdp" ? 0.005 * n : 0.05 * n);
  if ((FLOW_COLUMNS as readonly string[]).includes(col)) return members > 1 ? flowTau(col as FlowColumn, members) : 0;
  const x = Object.fromEntries(FLOW_COLUMNS.map((c) => [c, row[c]])) as unknown as Flows;
  if ((RATIO_COLUMNS as readonly string[]).includes(col)) {
    const r = col as RatioColumn;
    const tau = Object.fromEntries(RATIO_INPUTS[r].map((c) => [c, flowTau(c, members)]));
    return propagated((y) => ratios(y)[r], x, tau);
  }
  const flow = col.slice("share_".length) as FlowColumn;
  const whole = national[flow];
  return propagated((y) => (y[flow] / whole) * 100, x, { [flow]: flowTau(flow, members) }) + (row[flow] / whole ** 2) * 100 * flowTau(flow, 31);
}

function classify(ctx: Context, i: number, col: PrintedColumn, computed: number, inputTolerance: number): ReconciledCell {
  const row = ctx.printed[i];
  const cell = row[col]!;
  const tolerance = halfUnit(cell.decimals) + inputTolerance;
  const difference = computed - cell.value;
  const base = { table: ctx.table, group_zh: row.group_zh, column: col, printed: cell.text, computed, difference, tolerance };
  // float noise on a value that lies exactly on a rounding boundary must not count as a difference
  if (Math.abs(difference) <= tolerance * (1 + 1e-9) + 1e-9)
    return { ...base, status: "rounding", should_read: null, explanation: "" };
  // rounded twice, first to one more decimal (82097.649997 → 82097.65 → 82097.7): still rounding
  if (roundDecimalString(computed.toFixed(cell.decimals + 1), cell.decimals) === cell.value.toFixed(cell.decimals))
    return {
      ...base,
      status: "rounding",
      should_read: null,
      explanation: `${computed.toFixed(cell.decimals + 3)} rounded first to ${cell.decimals + 1} and then to ${cell.decimals} decimals gives the printed ${cell.text}`,
    };
  const ids = identities(ctx, i, col);
  const contradicted = ids.filter((id) => Math.abs(id.implied - cell.value) > id.tolerance);
  const proving = contradicted.filter((id) => Math.abs(id.implied - computed) <= id.tolerance + tolerance);
  const shouldRead = fmt(computed, cell.decimals);
  if (proving.length)
    return {
      ...base,
      status: "misprint",
      should_read: shouldRead,
      explanation: `printed ${cell.text} contradicts the paper's own numbers: ${proving.map((p) => p.statement).join("; ")}; should read ${shouldRead}`,
    };
  if ((FLOW_COLUMNS as readonly string[]).includes(col)) {
    const flow = col as FlowColumn;
    const asPrinted = rowRatiosConsistent(row, flow, cell.value);
    const asComputed = rowRatiosConsistent(row, flow, computed);
    if (!asPrinted.ok && asComputed.ok)
      return {
        ...base,
        status: "misprint",
        should_read: shouldRead,
        explanation: `with the printed ${cell.text} the row's printed ratios do not follow (${asPrinted.broken.join("; ")}); with ${shouldRead} they all do`,
      };
  }
  if (contradicted.length)
    return {
      ...base,
      status: "misprint",
      should_read: fmt(contradicted[0].implied, cell.decimals),
      explanation: `printed ${cell.text} contradicts the paper's own numbers (${contradicted.map((p) => p.statement).join("; ")}) and the data gives ${fmt(computed, cell.decimals)}: the source differs too`,
    };
  if (ids.length)
    return {
      ...base,
      status: "source",
      should_read: null,
      explanation: `consistent with the paper's other numbers (${ids.map((p) => p.statement).join("; ")}) but the data give ${fmt(computed, cell.decimals + 1)}: the paper's input differs`,
    };
  return {
    ...base,
    status: "unexplained",
    should_read: null,
    explanation: `no identity among the printed numbers checks this cell; the data give ${fmt(computed, cell.decimals + 1)}`,
  };
}

/** The computed Tables 2–6 for the given province data. */
export function computeTables(data: readonly ProvinceFlows[]): Map<PrintedTableNumber, TableRow[]> {
  return new Map(([2, 3, 4, 5, 6] as PrintedTableNumber[]).map((n) => [n, aggregate(data, PAPER_LAYOUTS[n])]));
}

/** Every printed cell of Tables 2–6 against the computed one. */
export function reconcile(data: readonly ProvinceFlows[]): ReconciledCell[] {
  const computed = computeTables(data);
  const all = new Map(([2, 3, 4, 5, 6] as PrintedTableNumber[]).map((n) => [n, loadPrintedTable(n)]));
  const out: ReconciledCell[] = [];
  for (const [n, printed] of all) {
    const layout = PAPER_LAYOUTS[n];
    const rows = computed.get(n)!;
    const ctx: Context = { table: n, printed, layout, all };
    const national = aggregate(data, [PAPER_LAYOUTS[2][0]])[0];
    printed.forEach((p, i) => {
      if (p.group_zh !== layout[i].zh) throw new Error(`Table ${n} row ${i + 1}: printed "${p.group_zh}", layout "${layout[i].zh}"`);
      const members = layout[i].members.length;
      for (const col of PRINTED_COLUMNS)
        if (p[col]) out.push(classify(ctx, i, col, rows[i][col], inputRoundingTolerance(rows[i], members, national, col)));
    });
  }
  return out;
}
