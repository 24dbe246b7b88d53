// The paper's claims as data (data/paper/claims.csv, lib/paper/claimTexts.ts): the file's schema, and every record
// with its computation (lib/checks/claims.ts kinds, lib/checks/claimComputations.ts named ones) and no computation
// without its record.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { claimContext } from "../lib/checks/claimContext";
import { NAMED_COMPUTATIONS } from "../lib/checks/claimComputations";
import { CLAIMS } from "../lib/checks/claims";
import { InputError } from "../lib/core/csv";
import { provinceFlows2017 } from "../lib/data/editions";
import { CLAIMS_HEADER, readClaimRecords, type ClaimRecord } from "../lib/paper/claimTexts";
import { FLOW_COLUMNS, RATIO_COLUMNS, SHARE_COLUMNS } from "../lib/paper/columns";

const records = readClaimRecords();
const ctx = claimContext(provinceFlows2017("paper"));
const knows = (zh: string) => {
  try {
    ctx.row(zh);
    return true;
  } catch {
    return false;
  }
};

/** The subjects a parametric kind computes on, its columns and the unit it yields. */
const KIND_RULES: Record<Exclude<ClaimRecord["kind"], "named">, { subjects: (s: string) => string[]; columns: readonly string[]; unit: (c: string) => string }> = {
  share: { subjects: (s) => [s], columns: SHARE_COLUMNS, unit: () => "%" },
  ratio: { subjects: (s) => [s], columns: RATIO_COLUMNS, unit: (c) => (c === "trade_ratio" ? "倍" : "%") },
  sum_of_shares: { subjects: (s) => s.split("+"), columns: SHARE_COLUMNS, unit: () => "%" },
  group_flow: { subjects: (s) => [s], columns: FLOW_COLUMNS, unit: () => "万亿元" },
  multiple: { subjects: (s) => s.split("/"), columns: FLOW_COLUMNS, unit: () => "倍" },
};

describe("data/paper/claims.csv", () => {
  it("holds the 107 claims of sections 一, 二 and Table 1, in the paper's order, each read into CLAIMS", () => {
    expect(records).toHaveLength(107);
    expect(CLAIMS.map((c) => c.id)).toEqual(records.map((r) => r.id));
    expect([...new Set(records.map((r) => r.section))]).toEqual(["一", "表1", "二"]);
  });

  it("every record has its computation", () => {
    for (const r of records) {
      if (r.kind === "named") {
        expect(NAMED_COMPUTATIONS[r.id], `${r.id}: no named computation`).toBeDefined();
        continue;
      }
      const rule = KIND_RULES[r.kind];
      for (const s of rule.subjects(r.subject)) expect(knows(s), `${r.id}: "${s}" is no group or province`).toBe(true);
      expect(rule.columns, `${r.id}: ${r.kind} of "${r.column}"`).toContain(r.column);
      expect(r.unit, `${r.id}: unit`).toBe(rule.unit(r.column));
      expect(r.printed, `${r.id}: a ${r.kind} claim quotes a number`).not.toBeNull();
    }
  });

  it("every named computation has its record, and its result type fits the record (a number where one is printed)", () => {
    const named = new Map(records.filter((r) => r.kind === "named").map((r) => [r.id, r]));
    expect(Object.keys(NAMED_COMPUTATIONS).sort()).toEqual([...named.keys()].sort());
    for (const [id, c] of Object.entries(NAMED_COMPUTATIONS)) expect(typeof c.compute(ctx), id).toBe(named.get(id)!.printed === null ? "boolean" : "number");
  });

  it("quotes only cells a parametric claim computes: the same group and column", () => {
    for (const r of records.filter((x) => x.quotes)) {
      expect(["share", "ratio"], r.id).toContain(r.kind);
      expect([r.quotes!.group_zh, r.quotes!.column], r.id).toEqual([r.subject, r.column]);
    }
  });

  describe("a bad file is one InputError naming the file, the row and the column", () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-claims-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const good = "s1-x,一,share,东部地区,share_gdp,52.9,%,3,东部地区,share_gdp,东部地区GDP占全国比重为52.9%,The east: 52.9 % of GDP.";
    const cases: [string, string, string][] = [
      ["an unknown kind", good.replace(",share,", ",average,"), 'row 2, column "kind": "average" is not one of share, ratio'],
      ["a named claim with a subject", good.replace(",share,", ",named,"), 'row 2, column "subject": a named claim has no subject'],
      ["a printed number without its unit", good.replace(",%,", ",,"), 'row 2, column "unit": a printed number needs its unit'],
      ["a misspelt number", good.replace(",52.9,", ",52,9,"), "row 2"],
      ["a duplicate id", `${good}\n${good}`, 'row 3, column "id": "s1-x" appears twice'],
      ["an unknown section", good.replace(",一,", ",五,"), 'row 2, column "section": "五" is not one of'],
      ["a quoted cell in no table", good.replace(",3,", ",7,"), 'row 2, column "quotes_table": "7" is not a printed table'],
    ];
    it.each(cases)("%s", (_what, line, message) => {
      const file = join(dir, "claims.csv");
      writeFileSync(file, `${CLAIMS_HEADER.join(",")}\n${line}\n`);
      expect(() => readClaimRecords(file)).toThrow(InputError);
      expect(() => readClaimRecords(file)).toThrow(`${file}, ${message}`);
    });
    it("the good line reads", () => {
      const file = join(dir, "good.csv");
      writeFileSync(file, `${CLAIMS_HEADER.join(",")}\n${good}\n`);
      expect(readClaimRecords(file)).toEqual([
        { id: "s1-x", section: "一", kind: "share", subject: "东部地区", column: "share_gdp", printed: "52.9", unit: "%", quotes: { table: 3, group_zh: "东部地区", column: "share_gdp" }, sentence_zh: "东部地区GDP占全国比重为52.9%", claim_en: "The east: 52.9 % of GDP." },
      ]);
    });
  });
});
