import { describe, expect, it } from "vitest";
import { hungarian, matchLabels } from "../lib/cluster/hungarian";
import { rng } from "../lib/core/random";

/** Exhaustive minimum over all injective row → column maps (an independent oracle for small sizes). */
function bruteForce(cost: number[][]): number {
  const r = cost.length;
  const c = cost[0].length;
  const k = Math.min(r, c);
  let best = Infinity;
  const usedRow = new Array(r).fill(false);
  const usedCol = new Array(c).fill(false);
  // assign the k smaller-side items one by one
  const rowsSmall = r <= c;
  const rec = (t: number, acc: number): void => {
    if (t === k) {
      best = Math.min(best, acc);
      return;
    }
    for (let o = 0; o < (rowsSmall ? c : r); o++) {
      if (rowsSmall ? usedCol[o] : usedRow[o]) continue;
      if (rowsSmall) usedCol[o] = true;
      else usedRow[o] = true;
      rec(t + 1, acc + (rowsSmall ? cost[t][o] : cost[o][t]));
      if (rowsSmall) usedCol[o] = false;
      else usedRow[o] = false;
    }
  };
  rec(0, 0);
  return best;
}

describe("hungarian", () => {
  it("solves scipy's linear_sum_assignment docstring example", () => {
    // scipy.optimize.linear_sum_assignment docs: cost [[4,1,3],[2,0,5],[3,2,2]] → col_ind [1, 0, 2], total 5
    const a = hungarian([
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]);
    expect(a.rowToCol).toEqual([1, 0, 2]);
    expect(a.total).toBe(5);
  });

  it("maximises when asked (same example: the best total profit is 11 = 4 + 5 + 2)", () => {
    // by hand: the six permutations (rows → cols 012, 021, 102, 120, 201, 210) total 6, 11, 5, 9, 7, 6
    const a = hungarian(
      [
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ],
      { maximize: true },
    );
    expect(a.total).toBe(11);
    expect(a.rowToCol).toEqual([0, 2, 1]);
  });

  it("handles rectangular matrices both ways", () => {
    // 2 × 3: row 0 best at col 1 (1), row 1 at col 0 (2): total 3
    expect(hungarian([
      [4, 1, 3],
      [2, 0, 5],
    ])).toEqual({ rowToCol: [1, 0], total: 3 });
    // its transpose: column 2 stays unassigned
    const t = hungarian([
      [4, 2],
      [1, 0],
      [3, 5],
    ]);
    expect(t.total).toBe(3);
    expect(t.rowToCol).toEqual([1, 0, -1]);
  });

  it("agrees with brute force on random square and rectangular matrices", () => {
    const r = rng(2024);
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(r() * 6);
      const cols = 1 + Math.floor(r() * 6);
      const cost = Array.from({ length: rows }, () => Array.from({ length: cols }, () => Math.floor(r() * 20) - 5));
      const a = hungarian(cost);
      expect(a.total).toBe(bruteForce(cost));
      const assigned = a.rowToCol.filter((j) => j >= 0);
      expect(assigned.length).toBe(Math.min(rows, cols));
      expect(new Set(assigned).size).toBe(assigned.length);
    }
  });

  it("rejects NaN costs", () => {
    expect(() => hungarian([[1, NaN]])).toThrow(/row 0, column 1/);
  });
});

describe("matchLabels", () => {
  it("renames clusters to the classes they overlap most, one-to-one", () => {
    const reference = ["东", "东", "东", "西", "西", "中", "中", "中"];
    const predicted = [2, 2, 0, 0, 0, 1, 1, 1];
    const m = matchLabels(predicted, reference);
    expect(m.mapping.get(2)).toBe("东");
    expect(m.mapping.get(0)).toBe("西");
    expect(m.mapping.get(1)).toBe("中");
    expect(m.mapped).toEqual(["东", "东", "西", "西", "西", "中", "中", "中"]);
    expect(m.matched).toBe(7);
    expect(m.accuracy).toBeCloseTo(7 / 8, 15);
  });

  it("leaves surplus clusters unmatched (null)", () => {
    const m = matchLabels([0, 0, 1, 2], ["a", "a", "b", "b"]);
    expect([...m.mapping.values()].filter((v) => v === null).length).toBe(1);
    expect(m.matched).toBe(3);
  });
});
