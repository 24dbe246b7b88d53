/**
 * Recovering unknown members of printed group totals by subtraction.
 *
 * The paper prints some provinces' values and many groups' totals. Each group total is a linear
 * constraint  Σ_{p ∈ group} v_p = total.  Substituting the known values leaves constraints in the
 * unknowns; when one constraint has a single unknown it is solved, and when the unknowns of one
 * constraint are a subset of another's, their difference is a new constraint. Repeating this to a fixed
 * point solves every unknown that the totals determine, each with the exact chain of subtractions
 * that gives it (its `recipe`) and its rounding tolerance. Constraints left without unknowns are checks:
 * their residual should be within the printed rounding, and a larger one points at a misprint.
 */

export interface Constraint {
  /** e.g. "表2 均衡性经济" */
  label: string;
  members: readonly string[];
  total: number;
  /** decimals printed for the total (its rounding is ±0.5·10^-decimals) */
  decimals: number;
}

export interface KnownValue {
  value: number;
  /** rounding half-width of the value (±) */
  tolerance: number;
  source: string;
}

export interface Recovered extends KnownValue {
  recipe: string;
}

export interface Check {
  recipe: string;
  /** total minus the sum of its members' values: 0 up to rounding if the table is consistent */
  residual: number;
  tolerance: number;
  ok: boolean;
}

export interface Underdetermined {
  members: string[];
  /** their sum, as far as the totals determine it */
  sum: number;
  tolerance: number;
  recipe: string;
}

interface Working {
  unknowns: Set<string>;
  rhs: number;
  tolerance: number;
  recipe: string;
}

export const halfUnit = (decimals: number) => 0.5 * 10 ** -decimals;

/** Solve by subtraction. `known` is not modified. */
export function recoverBySubtraction(
  constraints: readonly Constraint[],
  known: ReadonlyMap<string, KnownValue>,
): { recovered: Map<string, Recovered>; checks: Check[]; underdetermined: Underdetermined[] } {
  const values = new Map<string, KnownValue>(known);
  const recovered = new Map<string, Recovered>();
  let work: Working[] = constraints.map((c) => ({
    unknowns: new Set(c.members),
    rhs: c.total,
    tolerance: halfUnit(c.decimals),
    recipe: `${c.label} (${c.total.toFixed(c.decimals)})`,
  }));
  const checks: Check[] = [];
  const substitute = (w: Working) => {
    for (const p of [...w.unknowns]) {
      const v = values.get(p);
      if (!v) continue;
      w.unknowns.delete(p);
      w.rhs -= v.value;
      w.tolerance += v.tolerance;
      w.recipe += ` − ${p}`;
    }
  };
  const signature = (w: Working) => [...w.unknowns].sort().join(",");
  for (;;) {
    work.forEach(substitute);
    // constraints with no unknown left are checks
    for (const w of work.filter((w) => w.unknowns.size === 0)) {
      checks.push({ recipe: w.recipe, residual: w.rhs, tolerance: w.tolerance, ok: Math.abs(w.rhs) <= w.tolerance + 1e-9 });
    }
    work = work.filter((w) => w.unknowns.size > 0);
    const single = work.find((w) => w.unknowns.size === 1);
    if (single) {
      const [p] = [...single.unknowns];
      const r: Recovered = { value: single.rhs, tolerance: single.tolerance, source: "recovered", recipe: single.recipe };
      recovered.set(p, r);
      values.set(p, r);
      work = work.filter((w) => w !== single);
      continue;
    }
    // derive a difference of two constraints whose unknowns nest, the first such pair in order
    let derived: Working | null = null;
    const seen = new Set(work.map(signature));
    outer: for (const a of work)
      for (const b of work) {
        if (a === b || b.unknowns.size >= a.unknowns.size) continue;
        if (![...b.unknowns].every((p) => a.unknowns.has(p))) continue;
        const d: Working = {
          unknowns: new Set([...a.unknowns].filter((p) => !b.unknowns.has(p))),
          rhs: a.rhs - b.rhs,
          tolerance: a.tolerance + b.tolerance,
          recipe: `[${a.recipe}] − [${b.recipe}]`,
        };
        if (seen.has(signature(d))) continue;
        derived = d;
        break outer;
      }
    if (!derived) break;
    work.push(derived);
  }
  // what is left: sets of unknowns only whose sum is determined; keep the tightest constraint per set
  const bySet = new Map<string, Working>();
  for (const w of work) {
    const s = signature(w);
    const prev = bySet.get(s);
    if (!prev || w.tolerance < prev.tolerance) bySet.set(s, w);
  }
  const underdetermined = [...bySet.values()].map((w) => ({
    members: [...w.unknowns],
    sum: w.rhs,
    tolerance: w.tolerance,
    recipe: w.recipe,
  }));
  return { recovered, checks, underdetermined };
}
