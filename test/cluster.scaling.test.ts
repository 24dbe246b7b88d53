import { describe, expect, it } from "vitest";
import { logZ, minMax, scale, zScore } from "../lib/cluster/scaling";

describe("scaling", () => {
  it("z-scores with the population sd", () => {
    // column 1, 2, 3: mean 2, population sd √(2/3) → ∓√(3/2) = ∓1.224744871391589
    const z = zScore([[1], [2], [3]]);
    expect(z.map((r) => r[0])).toEqual([expect.closeTo(-Math.sqrt(1.5), 14), 0, expect.closeTo(Math.sqrt(1.5), 14)]);
  });

  it("min–max scales onto [0, 1]", () => {
    expect(minMax([[1, 10], [2, 30], [3, 20]])).toEqual([
      [0, 0],
      [0.5, 1],
      [1, 0.5],
    ]);
  });

  it("log-z is the z-score of ln x (1, e, e² → z of 0, 1, 2)", () => {
    const l = logZ([[1], [Math.E], [Math.E ** 2]]);
    const z = zScore([[0], [1], [2]]);
    l.forEach((r, i) => expect(r[0]).toBeCloseTo(z[i][0], 12));
  });

  it("maps a constant column to 0 rather than NaN", () => {
    for (const m of ["z", "minmax", "logz"] as const) {
      const out = scale([[5, 1], [5, 2], [5, 4]], m);
      expect(out.map((r) => r[0])).toEqual([0, 0, 0]);
      for (const r of out) for (const v of r) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it("refuses a non-positive value for log scaling, naming the row and column", () => {
    expect(() => logZ([[1, 2], [3, 0]], { what: "features", rowNames: ["北京", "西藏"], colNames: ["ftd", "dtd"] })).toThrow(
      "features: log scaling needs positive values, but row 1 (西藏), column 1 (dtd) is 0",
    );
  });

  it("refuses NaN and ragged input", () => {
    expect(() => zScore([[1], [NaN]])).toThrow(/row 1, column 0 is NaN/);
    expect(() => zScore([[1, 2], [3]])).toThrow(/row 1 has 1 values, expected 2/);
    expect(() => scale([[1]], "rank" as never)).toThrow(/unknown scaling "rank"/);
  });
});
