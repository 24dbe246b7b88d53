/**
 * Rules that find data anomalies in one input-output table. Nothing here is listed by hand: each rule
 * states a property every table should have (an accounting identity, a sign, a plausibility bound) and
 * reports the cells that break it. data/raw/io-tables/SOURCE.md lists the anomalies known beforehand;
 * test/dataPipeline.test.ts checks that the rules find every one of them.
 *
 * Units: `value` and `reference` are 亿元 except for kind "extra_sheets" (numbers of sheets).
 * `column` names a column code (its total), "<column>@<row>" a single cell, "A+B" a pair of columns.
 */
import { labelSwapFor } from "./corrections";
import { SECTOR_CODES, cell, hasColumn, sectorRowSum, sectorSum, type IoTable } from "./ioTable";
import { YI_PER_WAN } from "./tableFlows";

export interface Anomaly {
  year: number;
  province_zh: string;
  kind: string;
  column: string;
  /** 亿元 (a count for "extra_sheets") */
  value: number | null;
  /** what `value` is compared with, same unit */
  reference: number | null;
  detail_zh: string;
  detail_en: string;
}

export const TOLERANCE = {
  /** printed total vs sum of sectors: 0.01 亿元 = 100 万元, well above float noise, far below any printed figure */
  totalRowWan: 100,
  /** cell-level accounting identities and "all zero": 1 万元; the workbooks are exact to well under 1 万元
   * (largest rounding gap found in any identity: 0.47 万元) */
  cellWan: 1,
  /**
   * |Σ ERR| / total output. 1 %: the shares form two clusters, ≥ 1.14 % (2017 山东 3.3 %, 2012 吉林 3.5 %,
   * 2017 重庆 1.4 %, 2007 湖北 1.2 %, 2012 山东 1.1 %) and ≤ 0.6 % for every other table; an error term of
   * 1 % of output is already the size of a small province's exports. 2 % would miss 2012 山东 (1,992 亿元).
   */
  errorShare: 0.01,
} as const;

/** A printed total that differs from the sum of its sectors. */
export interface TotalRowDifference {
  year: number;
  province_zh: string;
  /** "TII" (column totals over sector rows) or a value-added row (its total in column TIU over sector columns) */
  row: string;
  column: string;
  printed_total: number;
  sector_sum: number;
  difference: number;
}

const yi = (wan: number) => wan * YI_PER_WAN;
const fmt = (wan: number) => yi(wan).toFixed(2);
const VA_ROWS = ["VA001", "VA002", "VA003", "VA004", "TVA", "TI"];

/** Trade columns that enter and leave the row identity, by layout. */
function tradeColumns(t: IoTable): { out: string[]; in: string[] } {
  if (t.trade === "split") return { out: ["EX", "OF"], in: ["IM", "IF"] };
  if (t.trade === "gross") return { out: ["FU302"], in: ["FU304"] };
  return { out: ["EX"], in: ["IM"] };
}

/** Printed totals vs Σ sectors: the TII row against rows 01–42, and the TIU column of the value-added rows against columns 01–42. */
export function totalRowDifferences(t: IoTable, toleranceWan: number = TOLERANCE.totalRowWan): TotalRowDifference[] {
  const out: TotalRowDifference[] = [];
  const push = (row: string, column: string, printed: number, sum: number) => {
    if (Math.abs(printed - sum) > toleranceWan)
      out.push({ year: t.year, province_zh: t.province_zh, row, column, printed_total: yi(printed), sector_sum: yi(sum), difference: yi(printed - sum) });
  };
  for (const c of t.colCodes) push("TII", c, cell(t, "TII", c), sectorSum(t, c));
  for (const r of VA_ROWS) push(r, "TIU", cell(t, r, "TIU"), sectorRowSum(t, r));
  return out;
}

type Rule = (t: IoTable) => Anomaly[];

function anomaly(t: IoTable, a: Omit<Anomaly, "year" | "province_zh">): Anomaly {
  return { year: t.year, province_zh: t.province_zh, ...a };
}

/** Printed total row ≠ Σ sectors (beyond 0.01 亿元). */
export const totalRowDifference: Rule = (t) =>
  totalRowDifferences(t).map((d) =>
    anomaly(t, {
      kind: "total_row_difference",
      column: d.row === "TII" ? d.column : `${d.column}@${d.row}`,
      value: d.printed_total,
      reference: d.sector_sum,
      detail_zh:
        d.row === "TII"
          ? `合计行（TII）的${d.column}列为${d.printed_total.toFixed(2)}亿元，01–42部门之和为${d.sector_sum.toFixed(2)}亿元，差${d.difference.toFixed(2)}亿元`
          : `${d.row}行的合计（TIU列）为${d.printed_total.toFixed(2)}亿元，01–42部门之和为${d.sector_sum.toFixed(2)}亿元，差${d.difference.toFixed(2)}亿元`,
      detail_en:
        d.row === "TII"
          ? `printed total row (TII) of ${d.column} is ${d.printed_total.toFixed(2)} 亿元, sectors 01–42 sum to ${d.sector_sum.toFixed(2)}; difference ${d.difference.toFixed(2)}`
          : `printed total of row ${d.row} (column TIU) is ${d.printed_total.toFixed(2)} 亿元, sectors 01–42 sum to ${d.sector_sum.toFixed(2)}; difference ${d.difference.toFixed(2)}`,
    }),
  );

function allZero(t: IoTable, col: string): boolean {
  return SECTOR_CODES.every((r) => Math.abs(cell(t, r, col)) <= TOLERANCE.cellWan) && Math.abs(cell(t, "TII", col)) <= TOLERANCE.cellWan;
}

/** A pair of trade columns (foreign EX/IM, domestic OF/IF, gross FU302/FU304) that is zero in every sector. */
export const tradeFlowsZero: Rule = (t) => {
  const pairs: { cols: [string, string]; kind: string; zh: string; en: string; other?: [string, string] }[] =
    t.trade === "split"
      ? [
          { cols: ["OF", "IF"], kind: "domestic_flows_zero", zh: "国内省外流出、流入", en: "domestic outflow and inflow", other: ["EX", "IM"] },
          { cols: ["EX", "IM"], kind: "foreign_flows_zero", zh: "出口、进口", en: "exports and imports", other: ["OF", "IF"] },
        ]
      : t.trade === "gross"
        ? [{ cols: ["FU302", "FU304"], kind: "gross_flows_zero", zh: "流出、流入", en: "gross outflow and inflow" }]
        : [{ cols: ["EX", "IM"], kind: "foreign_flows_zero", zh: "出口、进口", en: "exports and imports" }];
  const out: Anomaly[] = [];
  for (const p of pairs) {
    const [a, b] = p.cols.map((c) => allZero(t, c));
    if (a && b) {
      const ref = p.other ? cell(t, "TII", p.other[0]) + cell(t, "TII", p.other[1]) : null;
      out.push(
        anomaly(t, {
          kind: p.kind,
          column: p.cols.join("+"),
          value: yi(cell(t, "TII", p.cols[0]) + cell(t, "TII", p.cols[1])),
          reference: ref === null ? null : yi(ref),
          detail_zh: `${p.zh}（${p.cols.join("、")}）各部门均为0` + (p.other ? `；${p.other.join("+")}合计${fmt(ref!)}亿元，贸易可能全部记在${p.other.join("、")}中` : ""),
          detail_en:
            `${p.en} (${p.cols.join(", ")}) are zero in every sector` +
            (p.other ? `; ${p.other.join("+")} = ${fmt(ref!)} 亿元, so all trade is apparently recorded in ${p.other.join(", ")}` : ""),
        }),
      );
    } else
      for (const [k, zero] of [a, b].entries())
        if (zero)
          out.push(
            anomaly(t, {
              kind: "flow_column_zero",
              column: p.cols[k],
              value: yi(cell(t, "TII", p.cols[k])),
              reference: null,
              detail_zh: `${p.cols[k]}列各部门均为0，而${p.cols[1 - k]}列不为0`,
              detail_en: `column ${p.cols[k]} is zero in every sector while ${p.cols[1 - k]} is not`,
            }),
          );
  }
  return out;
};

/** A trade flow larger than the province's total output (transit and re-export trade, or a recording problem). */
export const flowExceedsOutput: Rule = (t) => {
  const output = cell(t, "TI", "TIU");
  const { out: o, in: i } = tradeColumns(t);
  return [...o, ...i]
    .filter((c) => cell(t, "TII", c) > output)
    .map((c) =>
      anomaly(t, {
        kind: "flow_exceeds_output",
        column: c,
        value: yi(cell(t, "TII", c)),
        reference: yi(output),
        detail_zh: `${c}合计${fmt(cell(t, "TII", c))}亿元，超过总产出${fmt(output)}亿元（${(cell(t, "TII", c) / output).toFixed(2)}倍），可能含过境或转口贸易`,
        detail_en: `${c} total ${fmt(cell(t, "TII", c))} 亿元 exceeds total output ${fmt(output)} 亿元 (${(cell(t, "TII", c) / output).toFixed(2)}×), transit or re-export trade`,
      }),
    );
};

/** |Σ ERR| (other / statistical error) above TOLERANCE.errorShare of total output. */
export const largeErrorTerm: Rule = (t) => {
  const err = cell(t, "TII", "ERR");
  const output = cell(t, "TI", "TIU");
  if (Math.abs(err) <= TOLERANCE.errorShare * output) return [];
  const pct = ((100 * err) / output).toFixed(2);
  return [
    anomaly(t, {
      kind: "large_error_term",
      column: "ERR",
      value: yi(err),
      reference: yi(output),
      detail_zh: `其他（误差）列合计${fmt(err)}亿元，占总产出${pct}%（阈值${100 * TOLERANCE.errorShare}%）`,
      detail_en: `other/error column ERR totals ${fmt(err)} 亿元, ${pct} % of total output (threshold ${100 * TOLERANCE.errorShare} %)`,
    }),
  ];
};

function identityViolation(t: IoTable, kind: string, column: string, lhs: number, rhs: number, zh: string, en: string): Anomaly[] {
  if (Math.abs(lhs - rhs) <= TOLERANCE.cellWan) return [];
  const d = lhs - rhs;
  return [anomaly(t, { kind, column, value: yi(lhs), reference: yi(rhs), detail_zh: `${zh}不成立，差${d.toFixed(2)}万元`, detail_en: `${en} fails by ${d.toFixed(2)} 万元` })];
}

/** Row identity per sector i: GO_i = TIU_i + TFU_i − imports_i − inflow_i + ERR_i (2007: − FU304; national: − IM). */
export const rowIdentity: Rule = (t) => {
  const { in: inflows } = tradeColumns(t);
  const formula = `GO = TIU + TFU − ${inflows.join(" − ")} + ERR`;
  return [...SECTOR_CODES, "TII"].flatMap((r) =>
    identityViolation(
      t,
      "row_identity",
      `GO@${r}`,
      cell(t, r, "GO"),
      cell(t, r, "TIU") + cell(t, r, "TFU") - inflows.reduce((s, c) => s + cell(t, r, c), 0) + cell(t, r, "ERR"),
      `${r}行：${formula}`,
      `row ${r}: ${formula}`,
    ),
  );
};

/** Column identity per sector j: TI_j = GO_j, and TI_j = TII_j + TVA_j. */
export const columnIdentity: Rule = (t) =>
  SECTOR_CODES.flatMap((c) => [
    ...identityViolation(t, "column_identity", `TI@${c}`, cell(t, "TI", c), cell(t, c, "GO"), `${c}部门：总投入TI = 总产出GO`, `sector ${c}: total input TI = total output GO`),
    ...identityViolation(t, "column_identity", `TII+TVA@${c}`, cell(t, "TI", c), cell(t, "TII", c) + cell(t, "TVA", c), `${c}列：TI = TII + TVA`, `column ${c}: TI = TII + TVA`),
  ]);

/** Subtotals: THC = FU101 + FU102, TC = THC + FU103, GCF = FU201 + FU202, TFU = TC + GCF + outflows, TIU = Σ_j z_ij, TVA = Σ VA00k. */
export const subtotalIdentity: Rule = (t) => {
  const { out: outflows } = tradeColumns(t);
  const rows = [...SECTOR_CODES, "TII"];
  const v = (r: string, c: string) => cell(t, r, c);
  const sum = (r: string, cs: readonly string[]) => cs.reduce((s, c) => s + v(r, c), 0);
  const checks: [string, (r: string) => number][] = [
    ["THC", (r) => sum(r, ["FU101", "FU102"])],
    ["TC", (r) => sum(r, ["THC", "FU103"])],
    ["GCF", (r) => sum(r, ["FU201", "FU202"])],
    ["TFU", (r) => sum(r, ["TC", "GCF", ...outflows])],
    ["TIU", (r) => sum(r, SECTOR_CODES)],
  ];
  const formulas: Record<string, string> = {
    THC: "THC = FU101 + FU102",
    TC: "TC = THC + FU103",
    GCF: "GCF = FU201 + FU202",
    TFU: `TFU = TC + GCF + ${outflows.join(" + ")}`,
    TIU: "TIU = Σ 01–42",
  };
  const out = rows.flatMap((r) =>
    checks.flatMap(([c, f]) => identityViolation(t, "subtotal_identity", `${c}@${r}`, v(r, c), f(r), `${r}行：${formulas[c]}`, `row ${r}: ${formulas[c]}`)),
  );
  for (const c of [...SECTOR_CODES, "TIU"])
    out.push(
      ...identityViolation(t, "subtotal_identity", `TVA@${c}`, v("TVA", c), ["VA001", "VA002", "VA003", "VA004"].reduce((s, r) => s + v(r, c), 0), `${c}列：TVA = VA001 + … + VA004`, `column ${c}: TVA = VA001 + … + VA004`),
    );
  return out;
};

/**
 * Negative cells where the quantity cannot be negative: intermediate use, household and government consumption,
 * fixed capital formation, trade flows, output, compensation of employees, depreciation. Inventory change (FU202),
 * hence GCF and TFU, net production taxes (VA002), operating surplus (VA004) and ERR can be negative.
 * Negative total value added is reported separately (possible when losses exceed wages and depreciation).
 */
export const negativeValues: Rule = (t) => {
  const nonNegativeCols = [...SECTOR_CODES, "TIU", "FU101", "FU102", "THC", "FU103", "TC", "FU201", "EX", "OF", "IM", "IF", "FU302", "FU304", "GO"].filter((c) => hasColumn(t, c));
  const out: Anomaly[] = [];
  const NOISE = 1e-6; // 万元: float noise from the bureaus' own sums
  // the cells that cannot be negative: final-use and trade columns of the sector and total rows, and the
  // sector columns of compensation, depreciation and total input
  const cells: [string, string][] = [
    ...[...SECTOR_CODES, "TII"].flatMap((r) => nonNegativeCols.map((c): [string, string] => [r, c])),
    ...["VA001", "VA003", "TI"].flatMap((r) => SECTOR_CODES.map((c): [string, string] => [r, c])),
  ];
  for (const [r, c] of cells)
    if (cell(t, r, c) < -NOISE)
      out.push(
        anomaly(t, {
          kind: "negative_value",
          column: `${c}@${r}`,
          value: yi(cell(t, r, c)),
          reference: null,
          detail_zh: `${r}行${c}列为负（${cell(t, r, c).toFixed(3)}万元），该项不应为负`,
          detail_en: `row ${r}, column ${c} is negative (${cell(t, r, c).toFixed(3)} 万元); this item cannot be`,
        }),
      );
  for (const c of SECTOR_CODES)
    if (cell(t, "TVA", c) < -NOISE)
      out.push(
        anomaly(t, {
          kind: "negative_value_added",
          column: `${c}@TVA`,
          value: yi(cell(t, "TVA", c)),
          reference: yi(cell(t, c, "GO")),
          detail_zh: `${c}部门增加值为负（${fmt(cell(t, "TVA", c))}亿元，营业盈余${fmt(cell(t, "VA004", c))}亿元），可能但少见`,
          detail_en: `sector ${c} has negative value added (${fmt(cell(t, "TVA", c))} 亿元; operating surplus ${fmt(cell(t, "VA004", c))}): possible, but rare`,
        }),
      );
  return out;
};

/**
 * Rural household consumption FU101 above urban FU102 (printed totals). Urban consumption exceeds rural in every
 * other table here; where an outside source shows the labels are swapped (lib/data/corrections.ts), the derived full
 * tables carry the swapped columns and the kind says so.
 */
export const ruralExceedsUrban: Rule = (t) => {
  const [rural, urban] = [cell(t, "TII", "FU101"), cell(t, "TII", "FU102")];
  if (rural <= urban) return [];
  const swap = labelSwapFor(t);
  const ratio = (rural / urban).toFixed(2);
  return [
    anomaly(t, {
      kind: swap ? "label_swap_corrected" : "rural_exceeds_urban",
      column: "FU101/FU102",
      value: yi(rural),
      reference: yi(urban),
      detail_zh:
        `农村居民消费FU101（${fmt(rural)}亿元）为城镇居民消费FU102（${fmt(urban)}亿元）的${ratio}倍` +
        (swap ? `；${swap.evidence_zh}；data/derived/io-tables中已交换两列` : ""),
      detail_en:
        `rural household consumption FU101 (${fmt(rural)} 亿元) is ${ratio}× urban FU102 (${fmt(urban)} 亿元)` +
        (swap ? `; ${swap.evidence_en}; the two columns are swapped in data/derived/io-tables` : ""),
    }),
  ];
};

/** More than one sheet in the workbook: only the first is read (information, not an error). */
export const extraSheets: Rule = (t) =>
  t.sheetNames.length <= 1
    ? []
    : [
        anomaly(t, {
          kind: "extra_sheets",
          column: "",
          value: t.sheetNames.length,
          reference: 1,
          detail_zh: `信息：工作簿有${t.sheetNames.length}个工作表（${t.sheetNames.join("、")}），只读取第一个“${t.sheetName}”`,
          detail_en: `info: the workbook has ${t.sheetNames.length} sheets (${t.sheetNames.join(", ")}); only the first, "${t.sheetName}", is read`,
        }),
      ];

/** Blank cells outside the block the tables leave empty by design (value-added rows × final-use columns). */
export const unexpectedBlanks: Rule = (t) => {
  const finalUse = new Set(t.colCodes.slice(t.colCodes.indexOf("TIU") + 1));
  return t.blankCells
    .filter((b) => !(VA_ROWS.includes(b.row) && finalUse.has(b.col)))
    .map((b) =>
      anomaly(t, {
        kind: "blank_cell",
        column: `${b.col}@${b.row}`,
        value: 0,
        reference: null,
        detail_zh: `单元格${b.address}（${b.row}行${b.col}列）为空，按0读取`,
        detail_en: `cell ${b.address} (row ${b.row}, column ${b.col}) is blank, read as 0`,
      }),
    );
};

/** All rules, in the order their findings are listed. */
export const RULES: readonly Rule[] = [
  extraSheets,
  unexpectedBlanks,
  totalRowDifference,
  rowIdentity,
  columnIdentity,
  subtotalIdentity,
  tradeFlowsZero,
  flowExceedsOutput,
  largeErrorTerm,
  ruralExceedsUrban,
  negativeValues,
];

/** Every anomaly the rules find in one table. */
export function detectAnomalies(t: IoTable): Anomaly[] {
  return RULES.flatMap((rule) => rule(t));
}
