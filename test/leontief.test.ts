import { existsSync } from "node:fs";
import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { COMPONENTS, decompose, decomposeFlows, type RegionFlows } from "../lib/inputOutput/decompose";
import {
  domesticCoefficients,
  domesticShare,
  inducedValueAdded,
  leontiefInverse,
  outputFromFinalDemand,
  outputMultipliers,
  technicalCoefficients,
  valueAddedCoefficients,
  valueAddedMultipliers,
} from "../lib/inputOutput/leontief";
import { sectorTablePath } from "../lib/data/loadSectorTable";
import { netReexports } from "../lib/inputOutput/reexport";
import { PROVINCES } from "../lib/paper/provinces";

/** Element-wise closeness of two matrices / vectors. */
function expectClose(actual: number[][] | number[], expected: number[][] | number[], digits: number): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, i) => {
    const e = expected[i];
    if (Array.isArray(a) && Array.isArray(e)) a.forEach((aij, j) => expect(aij).toBeCloseTo(e[j], digits));
    else expect(a as number).toBeCloseTo(e as number, digits);
  });
}

/**
 * Miller & Blair, Input-Output Analysis: Foundations and Extensions, 2nd ed. (Cambridge UP, 2009), ch. 2:
 * Table 2.3 (Z, f, x, payments sector), Table 2.4 (A), L on the following page, and x_new = L f_new for
 * f_new = [600, 1500] (eq. 2.13). The published values were taken from pymrio's test suite and example,
 * which transcribe them from the book:
 *   IndEcol/pymrio tests/test_math.py @ e20029902d3c90ea2998ff010b0675e1cfa3e428 (fixture td_IO_Data_Miller:
 *     A = [[0.15, 0.25], [0.20, 0.05]], L = [[1.25412541, 0.330033], [0.2640264, 1.12211221]], x_new = [1247.5, 1841.6]);
 *   IndEcol/pymrio doc/source/notebooks/pymrio_directly_assign_attributes.py @ 9b82c3218749a2deb5d97c0ba07c71ecd39888a1
 *     (payments sector [650, 1400], f_new = [600, 1500]).
 */
describe("Miller & Blair (2009) ch. 2 two-sector example", () => {
  const Z = new Matrix([
    [150, 500],
    [200, 100],
  ]);
  const x = [1000, 2000];
  const f = [350, 1700];
  const payments = [650, 1400];

  it("gives the published technical coefficients A (Table 2.4)", () => {
    expectClose(technicalCoefficients(Z, x).to2DArray(), [
      [0.15, 0.25],
      [0.2, 0.05],
    ], 12);
  });

  it("gives the published Leontief inverse L (to the 8 decimals pymrio transcribes)", () => {
    const L = leontiefInverse(technicalCoefficients(Z, x), "Miller-Blair");
    expectClose(L.to2DArray(), [
      [1.25412541, 0.330033],
      [0.2640264, 1.12211221],
    ], 6);
  });

  it("reproduces x from f, and the book's x_new = [1247.5, 1841.6] for f_new = [600, 1500] (eq. 2.13)", () => {
    const L = leontiefInverse(technicalCoefficients(Z, x));
    expectClose(outputFromFinalDemand(L, f), x, 9);
    expectClose(outputFromFinalDemand(L, [600, 1500]), [1247.5, 1841.6], 1);
  });

  it("has output multipliers equal to the column sums of the published L", () => {
    const L = leontiefInverse(technicalCoefficients(Z, x));
    expectClose(outputMultipliers(L), [1.25412541 + 0.2640264, 0.330033 + 1.12211221], 6);
  });

  it("with no imports, every unit of final demand returns one unit of value added (vL = 1ᵀ), so v·L·f = Σ payments", () => {
    const L = leontiefInverse(technicalCoefficients(Z, x));
    const v = valueAddedCoefficients(payments, x);
    expectClose(v, [0.65, 0.7], 12);
    expectClose(valueAddedMultipliers(v, L), [1, 1], 12);
    expect(inducedValueAdded(v, L, f)).toBeCloseTo(650 + 1400, 9);
  });
});

describe("singular and non-productive systems", () => {
  it("names the table when I − A is singular", () => {
    const A = new Matrix([
      [0.5, 0.5],
      [0.5, 0.5],
    ]);
    expect(() => leontiefInverse(A, "2017 测试省")).toThrow(/2017 测试省.*singular/);
  });
  it("names the table when I − A is near-singular (κ₁ ≈ 2e10)", () => {
    const A = new Matrix([
      [0.5, 0.5],
      [0.5, 0.5 - 1e-10],
    ]);
    expect(() => leontiefInverse(A, "2017 测试省")).toThrow(/2017 测试省.*near-singular/);
  });
  it("refuses A ≥ 0 with spectral radius above 1 (L would have negative entries)", () => {
    const A = new Matrix([
      [0.6, 0.6],
      [0.6, 0.6],
    ]); // ρ(A) = 1.2
    expect(() => leontiefInverse(A, "2017 测试省")).toThrow(/2017 测试省.*Hawkins–Simon/);
  });
});

/**
 * A two-sector province built so that sector 1 imports and brings in more than it uses (re-export), worked
 * out by hand:
 *
 *   row 1: Z = [8, 40] (TIU 48), THC 12, FU103 0, GCF 0 → u₁ = 60; IM 50 + IF 30 = 80 > 60 ⇒ s₁ = 20;
 *          EX 30, OF 70; x₁ = 60 − 80 + 100 = 80.
 *          netting: EX −20·30/100 = −6 → 24, OF −14 → 56; IM −20·50/80 = −12.5 → 37.5, IF −7.5 → 22.5; d₁ = 0.
 *   row 2: Z = [20, 50] (TIU 70), THC 50, FU103 20, GCF 20 → u₂ = 160; IM 20 + IF 12 = 32 ⇒ d₂ = 1 − 32/160 = 0.8;
 *          EX 32, OF 40; x₂ = 160 − 32 + 72 = 200.
 *   value added w = x − column sums of Z = [80 − 28, 200 − 90] = [52, 110], TVA = 162.
 *   A = [[0.1, 0.2], [0.25, 0.25]], A_d = d̂A = [[0, 0], [0.2, 0.2]], L = (I − A_d)⁻¹ = [[1, 0], [0.25, 1.25]].
 *   v = [52/80, 110/200] = [0.65, 0.55], vL = [0.65 + 0.55·0.25, 0.55·1.25] = [0.7875, 0.6875].
 *   VA_exports    = 0.7875·24 + 0.6875·32 = 18.9 + 22   = 40.9
 *   VA_outflows   = 0.7875·56 + 0.6875·40 = 44.1 + 27.5 = 71.6
 *   VA_household  = 0.6875·(0.8·50) = 27.5;  VA_government = 0.6875·(0.8·20) = 11;  VA_capital = 11
 *   sum = 162 = TVA, residual 0.
 * Without netting, d₁ = 1 − 80/60 = −1/3 and row 1 of A_d would be negative.
 */
describe("re-export netting on a constructed two-sector province", () => {
  const flows: RegionFlows = {
    label: "test province",
    codes: ["01", "02"],
    Z: [
      [8, 40],
      [20, 50],
    ],
    x: [80, 200],
    w: [52, 110],
    THC: [12, 50],
    FU103: [0, 20],
    GCF: [0, 20],
    EX: [30, 32],
    OF: [70, 40],
    IM: [50, 20],
    IF: [30, 12],
    ERR: [0, 0],
  };

  it("refuses the unnetted row, whose domestic share would be −1/3", () => {
    expect(() => domesticShare([60, 160], [50, 20], [30, 12], ["sector 01", "sector 02"])).toThrow(/sector 01.*net re-exports/);
  });

  it("nets s₁ = 20 out of exports and outflows (6 and 14) and out of imports and inflows (12.5 and 7.5)", () => {
    const { rows, netted } = netReexports(
      [
        { localUse: 60, imports: 50, inflows: 30, exports: 30, outflows: 70, other: 0 },
        { localUse: 160, imports: 20, inflows: 12, exports: 32, outflows: 40, other: 0 },
      ],
      ["01", "02"],
    );
    expect(netted).toHaveLength(1);
    expect(netted[0]).toMatchObject({ code: "01", index: 0 });
    expectClose(
      [netted[0].excess, netted[0].fromExports, netted[0].fromOutflows, netted[0].fromOther, netted[0].fromImports, netted[0].fromInflows],
      [20, 6, 14, 0, 12.5, 7.5],
      12,
    );
    expect(rows[0]).toEqual({ localUse: 60, imports: 37.5, inflows: 22.5, exports: 24, outflows: 56, other: 0 });
    expect(rows[1]).toEqual({ localUse: 160, imports: 20, inflows: 12, exports: 32, outflows: 40, other: 0 });
  });

  it("gives the hand-computed d, A_d, L, vL and induced value added, adding up to TVA", () => {
    const r = decomposeFlows(flows);
    expectClose(r.d, [0, 0.8], 12);
    expectClose(r.Ad.to2DArray(), [
      [0, 0],
      [0.2, 0.2],
    ], 12);
    expectClose(r.L.to2DArray(), [
      [1, 0],
      [0.25, 1.25],
    ], 12);
    expectClose(r.vL, [0.7875, 0.6875], 12);
    expectClose(r.f.exports, [24, 32], 12);
    expectClose(r.f.outflows, [56, 40], 12);
    expectClose(
      COMPONENTS.map((c) => r.induced[c.key]),
      [40.9, 71.6, 27.5, 11, 11],
      10,
    );
    expect(r.tva).toBe(162);
    expect(r.sum).toBeCloseTo(162, 10);
    expect(r.residual).toBeCloseTo(0, 10);
  });

  it("takes what exports and outflows cannot absorb out of the other column (a zero-output row balanced by ERR)", () => {
    // u = 4, m + n = 10 ⇒ s = 6; e + o = 5.5; ε = 0.5; x = 4 − 10 + 5.5 + 0.5 = 0.
    const { rows, netted } = netReexports([{ localUse: 4, imports: 6, inflows: 4, exports: 3, outflows: 2.5, other: 0.5 }], ["03"]);
    expectClose(
      [netted[0].excess, netted[0].fromExports, netted[0].fromOutflows, netted[0].fromOther, netted[0].fromImports, netted[0].fromInflows],
      [6, 3, 2.5, 0.5, 3.6, 2.4],
      12,
    );
    expectClose([rows[0].exports, rows[0].outflows, rows[0].other, rows[0].imports + rows[0].inflows], [0, 0, 0, 4], 12);
  });

  it("leaves a row with m + n ≤ u alone, and d = 1 where a product is neither used nor brought in", () => {
    expect(netReexports([{ localUse: 5, imports: 2, inflows: 3, exports: 1, outflows: 1, other: 0 }], ["04"]).netted).toHaveLength(0);
    expect(domesticShare([0], [0], [0])).toEqual([1]);
  });

  it("applies d row by row: A_d = d̂A", () => {
    const A = new Matrix([
      [0.1, 0.2],
      [0.25, 0.25],
    ]);
    expectClose(domesticCoefficients(A, [0.5, 1]).to2DArray(), [
      [0.05, 0.1],
      [0.25, 0.25],
    ], 12);
  });
});

/**
 * The adding-up identity on the real 2017 tables. Row by row, x = A_d x + Σ_k f_k + ε + r (ε the ERR column
 * after netting, r the workbook's row discrepancy), so TVA − Σ_k VA_k = v L ε + v L r exactly.
 * Tolerance: |v L r| ≤ max_j |(vL)_j| · Σ_i |r_i| (`roundingBound`, computed from the table itself), plus
 * 1e-9 · TVA for floating point in a 42 × 42 inverse (its error is ~1e-13 relative). The bound itself must
 * stay below 0.001 亿元 (10 万元): the workbooks balance their rows to within 0.5 万元, so anything larger
 * means the table was read wrongly.
 */
describe("adding-up identity on the 2017 provincial tables (31 provinces)", () => {
  const missing = PROVINCES.map((p) => sectorTablePath(2017, p.slug)).filter((f) => !existsSync(f));

  it("finds the derived 2017 tables", () => {
    expect(missing, `missing derived tables (built by \`npm run data\`): ${missing.join(", ")}`).toEqual([]);
  });

  it("adds the five components up to TVA, up to v·L·ERR and the table's rounding", () => {
    if (missing.length) throw new Error(`derived 2017 tables missing (${missing.length} of 31), e.g. ${missing[0]}`);
    const all = decompose(2017);
    expect(all).toHaveLength(31);
    let worst = { zh: "", residual: 0, gap: 0, share: 0 };
    for (const p of all) {
      const gap = p.residual - p.errInduced;
      expect(p.roundingBound, `${p.zh}: row discrepancy bound`).toBeLessThan(1e-3);
      expect(Math.abs(gap), `${p.zh}: TVA − ΣVA − vLε = ${gap}`).toBeLessThanOrEqual(p.roundingBound + 1e-9 * p.tva);
      if (Math.abs(p.residual) > Math.abs(worst.residual)) worst = { zh: p.zh, residual: p.residual, gap, share: p.residualShare };
    }
    console.log(
      `adding-up 2017: worst residual ${worst.zh} ${worst.residual.toFixed(2)} 亿元 (${(worst.share * 100).toFixed(2)} % of TVA), ` +
        `worst |residual − v·L·ERR| ${Math.max(...all.map((p) => Math.abs(p.residual - p.errInduced))).toExponential(2)} 亿元`,
    );
  });

  it("has zero residual where the table has no ERR entries, and nets re-exports in 重庆 and 海南", () => {
    if (missing.length) throw new Error(`derived 2017 tables missing (${missing.length} of 31)`);
    const all = decompose(2017);
    const cq = all.find((p) => p.zh === "重庆")!;
    const hn = all.find((p) => p.zh === "海南")!;
    expect(cq.reexports.length).toBeGreaterThan(0);
    expect(hn.reexports.length).toBeGreaterThan(0);
    for (const p of all) {
      for (const k of COMPONENTS) expect(Number.isFinite(p.induced[k.key]), `${p.zh} ${k.key}`).toBe(true);
      for (const s of p.reexports) expect(s.fromExports + s.fromOutflows + s.fromOther).toBeCloseTo(s.excess, 9);
      if (p.errInduced === 0) expect(Math.abs(p.residual)).toBeLessThanOrEqual(p.roundingBound + 1e-9 * p.tva);
    }
  });
});
