/**
 * The assignment problem (Kuhn 1955; Munkres 1957): given an r × c cost matrix, pair rows with
 * columns one-to-one (min(r, c) pairs) so that the total cost is minimal — or, with `maximize`,
 * the total profit maximal. Solved by the O(n²m) shortest-augmenting-path form of the Hungarian
 * method with row and column potentials (Jonker–Volgenant style), which handles r ≤ c directly;
 * r > c is solved on the transpose.
 *
 * Used to name clusters: `matchLabels` maps each cluster to the reference class it overlaps most,
 * subject to no two clusters taking the same class.
 */
import { checkMatrix } from "./matrix";
import { contingencyTable, Label } from "./agreement";

export interface Assignment {
  /** column assigned to each row, or −1 if the row is left out (only when rows > columns) */
  rowToCol: number[];
  /** Σ cost[i][rowToCol[i]] over assigned rows */
  total: number;
}

/** Minimum-cost assignment for n ≤ m (rows ≤ columns); returns the column of each row. */
function solveWide(a: readonly (readonly number[])[], n: number, m: number): number[] {
  // 1-based arrays; column 0 is the virtual start of each augmenting path
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j] = row matched to column j (0 = none)
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0];
      let delta = Infinity;
      let j1 = -1;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = a[i0 - 1][j - 1] - u[i0] - v[j];
        if (cur < minv[j]) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j] < delta) {
          delta = minv[j];
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]] += delta;
          v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 !== 0);
  }
  const rowToCol = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j] !== 0) rowToCol[p[j] - 1] = j - 1;
  return rowToCol;
}

/** Optimal assignment of a rectangular cost (or, with maximize, profit) matrix. */
export function hungarian(cost: readonly (readonly number[])[], options: { maximize?: boolean } = {}): Assignment {
  const [r, c] = checkMatrix(cost, { what: "assignment cost matrix" });
  const sign = options.maximize ? -1 : 1;
  let rowToCol: number[];
  if (r <= c) {
    rowToCol = solveWide(cost.map((row) => row.map((x) => sign * x)), r, c);
  } else {
    const t = Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => sign * cost[i][j]));
    const colToRow = solveWide(t, c, r);
    rowToCol = new Array<number>(r).fill(-1);
    colToRow.forEach((i, j) => (rowToCol[i] = j));
  }
  let total = 0;
  rowToCol.forEach((j, i) => {
    if (j >= 0) total += cost[i][j];
  });
  return { rowToCol, total };
}

export interface LabelMatch {
  /** reference class given to each predicted cluster; null when there are more clusters than classes */
  mapping: Map<Label, Label | null>;
  /** the predicted labelling translated into reference classes (null for an unmatched cluster) */
  mapped: (Label | null)[];
  /** objects whose translated label equals their reference class (the maximised quantity) */
  matched: number;
  /** matched / n */
  accuracy: number;
}

/**
 * Map predicted cluster ids to reference classes one-to-one, maximising the number of objects
 * whose cluster is mapped to their own class (Hungarian method on the contingency table).
 */
export function matchLabels(predicted: readonly Label[], reference: readonly Label[]): LabelMatch {
  const ct = contingencyTable(predicted, reference);
  const { rowToCol, total } = hungarian(ct.table, { maximize: true });
  const mapping = new Map<Label, Label | null>();
  ct.rowLabels.forEach((l, i) => mapping.set(l, rowToCol[i] >= 0 ? ct.colLabels[rowToCol[i]] : null));
  const mapped = predicted.map((l) => mapping.get(l)!);
  return { mapping, mapped, matched: total, accuracy: ct.n === 0 ? 1 : total / ct.n };
}
