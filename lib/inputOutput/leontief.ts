/**
 * Single-region input-output algebra (the demand-driven Leontief model), as small pure functions in the
 * manner of pymrio's iomath.py. Notation follows Miller & Blair, Input-Output Analysis (2nd ed., 2009), ch. 2:
 *
 *   Z  intermediate flows (n × n), z_ij = sales of product i to industry j
 *   x  gross output (n), f final demand (n), w value added by industry (n)
 *   A  technical coefficients, L = (I − A)⁻¹ the Leontief inverse, v value-added coefficients
 *
 * Provincial tables are "competitive-import" tables: z_ij and local final use include goods bought from
 * abroad (m, 进口) and from other provinces (n, 国内省外流入). The domestic (within-province) part is
 * split off with the domestic-supply share d (see `domesticShare`), giving A_d = d̂ A.
 *
 * Matrices are ml-matrix `Matrix`; vectors are plain `number[]` so results serialise as they are.
 */
import { LuDecomposition, Matrix } from "ml-matrix";

/** A = Z x̂⁻¹, a_ij = z_ij / x_j (a column with x_j = 0 is all zero, as in pymrio's calc_A). */
export function technicalCoefficients(Z: Matrix, x: readonly number[]): Matrix {
  const n = x.length;
  if (Z.rows !== n || Z.columns !== n) throw new Error(`technicalCoefficients: Z is ${Z.rows}×${Z.columns} but x has ${n} entries`);
  const A = new Matrix(n, n);
  for (let j = 0; j < n; j++) {
    if (x[j] === 0) {
      // An industry with no output cannot have bought inputs; if it did, the table is inconsistent.
      for (let i = 0; i < n; i++)
        if (Z.get(i, j) !== 0) throw new Error(`technicalCoefficients: industry ${j + 1} has zero output but z[${i + 1}][${j + 1}] = ${Z.get(i, j)}`);
      continue;
    }
    for (let i = 0; i < n; i++) A.set(i, j, Z.get(i, j) / x[j]);
  }
  return A;
}

/**
 * Domestic-supply share of product i in the province: d_i = 1 − (m_i + n_i) / u_i.
 *
 * Derivation. Row i of a provincial table reads
 *     Σ_j z_ij + c_i + g_i + k_i + e_i + o_i − m_i − n_i + ε_i = x_i
 * (c household consumption THC, g government consumption FU103, k capital formation GCF, e exports EX,
 * o outflows to other provinces OF, m imports IM, n inflows from other provinces IF, ε the "other" column ERR).
 * Local use is u_i = Σ_j z_ij + c_i + g_i + k_i. The single-region assumption: exports and outflows are
 * produced in the province (nothing is re-exported), and imports and inflows are spread over every local
 * use in the same proportion. Then local use is supplied by m_i + n_i from outside and by
 * u_i − m_i − n_i = x_i − e_i − o_i − ε_i from inside, and the inside share is d_i = 1 − (m_i + n_i)/u_i.
 * Scaling every local use by d_i gives back the row identity exactly:
 *     x_i = d_i Σ_j z_ij + d_i (c_i + g_i + k_i) + e_i + o_i + ε_i,   i.e.  x = A_d x + f_d + ε.
 *
 * d_i lies in [0, 1] only if m_i + n_i ≤ u_i; rows with more imports and inflows than local use are
 * transit or re-export and must be netted first (`netReexports` in reexport.ts): this function refuses them.
 * A product with no local use and no imports or inflows gets d_i = 1 (all of nothing is domestic).
 *
 * @param u local use per product (TIU + THC + FU103 + GCF); m imports; n inflows; labels name the rows in errors.
 */
export function domesticShare(u: readonly number[], m: readonly number[], n: readonly number[], labels?: readonly string[]): number[] {
  return u.map((ui, i) => {
    const external = m[i] + n[i];
    const name = labels?.[i] ?? `row ${i + 1}`;
    if (external === 0) return 1;
    if (!(ui > 0))
      throw new Error(`domesticShare: ${name} has imports + inflows ${external} but local use ${ui}; net re-exports first (lib/inputOutput/reexport.ts)`);
    const d = 1 - external / ui;
    // A netted row has m + n = u up to rounding: accept d down to −1e-12 and call it 0.
    if (d < -1e-12)
      throw new Error(`domesticShare: ${name} has imports + inflows ${external} > local use ${ui} (share ${d}); net re-exports first (lib/inputOutput/reexport.ts)`);
    return Math.max(d, 0);
  });
}

/** A_d = d̂ A: a^d_ij = d_i a_ij, the inputs of product i that industry j buys from within the province. */
export function domesticCoefficients(A: Matrix, d: readonly number[]): Matrix {
  if (A.rows !== d.length) throw new Error(`domesticCoefficients: A has ${A.rows} rows but d has ${d.length} entries`);
  const Ad = new Matrix(A.rows, A.columns);
  for (let i = 0; i < A.rows; i++) for (let j = 0; j < A.columns; j++) Ad.set(i, j, d[i] * A.get(i, j));
  return Ad;
}

/**
 * Condition number above which I − A counts as near-singular: κ₁ > 1e8 means the inverse may have lost
 * half of double precision's 16 digits. Leontief matrices of real tables have κ₁ of order 1–100.
 */
export const MAX_CONDITION = 1e8;

/** ‖M‖₁ = max_j Σ_i |m_ij| (largest absolute column sum). */
function norm1(M: Matrix): number {
  let best = 0;
  for (let j = 0; j < M.columns; j++) {
    let s = 0;
    for (let i = 0; i < M.rows; i++) s += Math.abs(M.get(i, j));
    best = Math.max(best, s);
  }
  return best;
}

/**
 * L = (I − A)⁻¹, the Leontief inverse: l_ij = output of i needed, directly and indirectly, per unit of final demand for j.
 *
 * Throws, naming `label` (e.g. "2017 重庆"), if I − A is singular or near-singular (κ₁ > MAX_CONDITION),
 * or if A ≥ 0 but L has a negative entry: then the spectral radius of A is ≥ 1 (the Hawkins–Simon condition
 * fails) and no non-negative output can meet a non-negative final demand.
 */
export function leontiefInverse(A: Matrix, label = "table"): Matrix {
  const n = A.rows;
  if (A.columns !== n) throw new Error(`leontiefInverse (${label}): A is ${A.rows}×${A.columns}, not square`);
  const IminusA = Matrix.eye(n).sub(A);
  const lu = new LuDecomposition(IminusA);
  if (lu.isSingular()) throw new Error(`leontiefInverse (${label}): I − A is singular; the table has no Leontief inverse`);
  const L = lu.solve(Matrix.eye(n));
  let finite = true;
  let minL = Infinity;
  let minA = Infinity;
  let maxL = 0;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) {
      const l = L.get(i, j);
      if (!Number.isFinite(l)) finite = false;
      minL = Math.min(minL, l);
      maxL = Math.max(maxL, Math.abs(l));
      minA = Math.min(minA, A.get(i, j));
    }
  const kappa = finite ? norm1(IminusA) * norm1(L) : Infinity;
  if (!(kappa <= MAX_CONDITION))
    throw new Error(`leontiefInverse (${label}): I − A is near-singular (condition number κ₁ = ${kappa.toExponential(2)} > ${MAX_CONDITION.toExponential(0)})`);
  if (minA >= 0 && minL < -1e-12 * maxL)
    throw new Error(`leontiefInverse (${label}): L has a negative entry (${minL.toExponential(3)}) although A ≥ 0: the spectral radius of A is ≥ 1 (Hawkins–Simon condition fails)`);
  return L;
}

/** v = w x̂⁻¹, v_j = w_j / x_j: value added per unit of output (0 where x_j = 0). */
export function valueAddedCoefficients(w: readonly number[], x: readonly number[]): number[] {
  if (w.length !== x.length) throw new Error(`valueAddedCoefficients: w has ${w.length} entries but x has ${x.length}`);
  return w.map((wj, j) => {
    if (x[j] === 0) {
      if (wj !== 0) throw new Error(`valueAddedCoefficients: industry ${j + 1} has zero output but value added ${wj}`);
      return 0;
    }
    return wj / x[j];
  });
}

/** Output multipliers m_j = Σ_i l_ij = (1ᵀL)_j: total output per unit of final demand for product j. */
export function outputMultipliers(L: Matrix): number[] {
  return L.sum("column");
}

/** Value-added multipliers vL: value added in the province, per unit of final demand for product j. */
export function valueAddedMultipliers(v: readonly number[], L: Matrix): number[] {
  if (v.length !== L.rows) throw new Error(`valueAddedMultipliers: v has ${v.length} entries but L has ${L.rows} rows`);
  const out = new Array<number>(L.columns).fill(0);
  for (let i = 0; i < L.rows; i++) {
    const vi = v[i];
    if (vi === 0) continue;
    for (let j = 0; j < L.columns; j++) out[j] += vi * L.get(i, j);
  }
  return out;
}

/** Value added induced by a final-demand vector, v · L · f (a scalar, in the unit of f). */
export function inducedValueAdded(v: readonly number[], L: Matrix, f: readonly number[]): number {
  return dot(valueAddedMultipliers(v, L), f);
}

/** Induced value added by the product whose final demand induces it: (vL)_j f_j (sums to v · L · f). */
export function inducedValueAddedByProduct(vL: readonly number[], f: readonly number[]): number[] {
  if (vL.length !== f.length) throw new Error(`inducedValueAddedByProduct: vL has ${vL.length} entries but f has ${f.length}`);
  return vL.map((mj, j) => mj * f[j]);
}

/** x = L f: gross output needed to meet final demand f. */
export function outputFromFinalDemand(L: Matrix, f: readonly number[]): number[] {
  return L.mmul(Matrix.columnVector([...f])).getColumn(0);
}

/** a · b */
export function dot(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`dot: lengths ${a.length} and ${b.length} differ`);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
