/**
 * The sentences of the paper's sections 一 and 二 (and of Table 1's 特征 column) that the data can check, as records:
 * data/paper/claims.csv, one row per claim (columns: data/paper/README.md). Each record holds the paper's text, the
 * printed number and unit, the table cell it quotes, and how to compute it: a parametric `kind` with its `subject`
 * and `column`, or `named` (a computation of lib/checks/claimComputations.ts with the record's id).
 * What the computations are is lib/checks/claims.ts; this module only reads and validates the records.
 */
import { InputError, readExactCsv } from "../core/csv";
import { dataPath } from "../core/paths";
import { PRINTED_COLUMNS, PRINTED_TABLE_NUMBERS, parsePrintedNumber, type PrintedColumn, type PrintedTableNumber } from "./printedTables";

export const CLAIM_SECTIONS = ["一", "二", "表1"] as const;
export type ClaimSection = (typeof CLAIM_SECTIONS)[number];

/**
 * How a claim is computed:
 * - share: `subject`'s share of the national total in `column` (share_*);
 * - ratio: `subject`'s ratio `column` (trade_ratio, ftd, dtd, outflow_rate, inflow_rate);
 * - sum_of_shares: the unrounded `column` shares of the groups in `subject` ("A+B"), added;
 * - group_flow: `subject`'s flow `column`, in 万亿元;
 * - multiple: the flow `column` of one group over another's (`subject` = "numerator/denominator");
 * - named: a computation of its own (lib/checks/claimComputations.ts, keyed by the id).
 */
export const CLAIM_KINDS = ["share", "ratio", "sum_of_shares", "group_flow", "multiple", "named"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_UNITS = ["%", "万亿元", "倍", ""] as const;
export type ClaimUnit = (typeof CLAIM_UNITS)[number];

export interface ClaimRecord {
  id: string;
  section: ClaimSection;
  kind: ClaimKind;
  /** the group or province (or groups) the parametric kinds compute on; "" for named */
  subject: string;
  /** the column the parametric kinds compute; "" for named */
  column: string;
  /** the number as printed; null for a qualitative claim */
  printed: string | null;
  unit: ClaimUnit;
  /** the printed table cell the sentence quotes */
  quotes?: { table: PrintedTableNumber; group_zh: string; column: PrintedColumn };
  /** the sentence fragment, verbatim from the paper (whitespace of the extracted text removed) */
  sentence_zh: string;
  claim_en: string;
}

export const CLAIMS_HEADER = ["id", "section", "kind", "subject", "column", "printed", "unit", "quotes_table", "quotes_group", "quotes_column", "sentence_zh", "claim_en"] as const;

const oneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v);

/** Read and validate a claims file (data/paper/claims.csv by default). */
export function readClaimRecords(file = dataPath("paper", "claims.csv")): ClaimRecord[] {
  const seen = new Set<string>();
  return readExactCsv(file, CLAIMS_HEADER).map(({ row, cells }) => {
    const [id, section, kind, subject, column, printed, unit, qTable, qGroup, qColumn, sentence_zh, claim_en] = cells;
    const bad = (col: string, problem: string) => new InputError(file, row, col, problem);
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw bad("id", `"${id}" is not an id (lower-case words joined by "-")`);
    if (seen.has(id)) throw bad("id", `"${id}" appears twice`);
    seen.add(id);
    if (!oneOf(CLAIM_SECTIONS, section)) throw bad("section", `"${section}" is not one of ${CLAIM_SECTIONS.join(", ")}`);
    if (!oneOf(CLAIM_KINDS, kind)) throw bad("kind", `"${kind}" is not one of ${CLAIM_KINDS.join(", ")}`);
    if ((kind === "named") !== (subject === "")) throw bad("subject", kind === "named" ? "a named claim has no subject" : `a ${kind} claim needs a subject`);
    if ((kind === "named") !== (column === "")) throw bad("column", kind === "named" ? "a named claim has no column" : `a ${kind} claim needs a column`);
    if (printed !== "" && !parsePrintedNumber(printed)) throw bad("printed", `"${printed}" is not a printed number`);
    if (kind !== "named" && printed === "") throw bad("printed", `a ${kind} claim quotes a number`);
    if (!oneOf(CLAIM_UNITS, unit)) throw bad("unit", `"${unit}" is not one of ${CLAIM_UNITS.map((u) => u || '""').join(", ")}`);
    if ((printed === "") !== (unit === "")) throw bad("unit", printed === "" ? "a qualitative claim has no unit" : "a printed number needs its unit");
    if (!sentence_zh) throw bad("sentence_zh", "empty");
    if (!claim_en) throw bad("claim_en", "empty");
    const record: ClaimRecord = { id, section, kind, subject, column, printed: printed === "" ? null : printed, unit, sentence_zh, claim_en };
    if (qTable !== "" || qGroup !== "" || qColumn !== "") {
      const table = Number(qTable) as PrintedTableNumber;
      if (!PRINTED_TABLE_NUMBERS.includes(table)) throw bad("quotes_table", `"${qTable}" is not a printed table (2–6)`);
      if (!qGroup) throw bad("quotes_group", "a quoted cell needs its row");
      if (!oneOf(PRINTED_COLUMNS, qColumn)) throw bad("quotes_column", `"${qColumn}" is not a printed column`);
      record.quotes = { table, group_zh: qGroup, column: qColumn };
    }
    return record;
  });
}
