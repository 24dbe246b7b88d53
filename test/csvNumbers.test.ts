// Numbers as CSV files hold them: every writer's text reads back as the number meant (Number(s) === x), at every
// magnitude; files whose numbers already round-tripped keep their bytes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber, toCsv } from "../lib/core/csv";
import { exact, fixed6, round6 } from "../scripts/build-data";

/** The format every file was written in before (fixed-point, 10 decimals, zeros stripped): kept where it is exact. */
const previous = (v: number) => {
  const s = v.toFixed(10).replace(/\.?0+$/, "");
  return s === "-0" ? "0" : s;
};

const anyDouble = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }),
  fc.integer().map((i) => i / 1000),
  fc.constantFrom(1e30, 2e40, 1e-300, 5e-324, -1e-12, 1e21, 9.999999999999999e20, 0.1 + 0.2, 153113.71108900005, -0),
);

describe("lib/core/csv.ts formatNumber", () => {
  it("writes what the issue found corrupted so that it reads back", () => {
    // the old writer gave "1e+3", "2e+4", "0", "0"
    expect(formatNumber(1e30)).toBe("1e+30");
    expect(formatNumber(2e40)).toBe("2e+40");
    expect(formatNumber(1e-300)).toBe("1e-300");
    expect(formatNumber(-1e-12)).toBe("-1e-12");
    expect(formatNumber(4.781293733560731)).toBe("4.781293733560731");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(100)).toBe("100");
    expect(formatNumber(0.5)).toBe("0.5");
  });

  it("round-trips every finite double, and keeps the previous bytes wherever those were exact", () => {
    fc.assert(
      fc.property(anyDouble, (v) => {
        const s = formatNumber(v);
        expect(Number(s)).toBe(v === 0 ? 0 : v);
        if (Number(previous(v)) === v) expect(s).toBe(previous(v));
        expect(s).toMatch(/^-?(\d+(\.\d+)?|\d(\.\d+)?e[+-]\d+)$/);
      }),
      { numRuns: 5000, seed: 11 },
    );
  });

  it("toCsv names the row and column of a value it cannot write", () => {
    expect(() => toCsv(["a", "b"], [[1, 2], [3, NaN]], "out.csv")).toThrow('out.csv: row 3, column "b": refusing to write a non-finite number (NaN)');
  });
});

describe("scripts/build-data.ts number formats", () => {
  it("exact: the shortest decimal of the double itself, never an exponent", () => {
    fc.assert(
      fc.property(anyDouble, (v) => {
        const s = exact(v);
        expect(Number(s)).toBe(v === 0 ? 0 : v);
        expect(s).not.toMatch(/e/i);
      }),
      { numRuns: 3000, seed: 12 },
    );
  });

  it("fixed6: the 6-decimal rounding, written so that it reads back exactly as that rounded value", () => {
    expect(fixed6(1e30)).toBe("1" + "0".repeat(30)); // was "1e+3"
    expect(fixed6(11795.440696999998)).toBe("11795.440697");
    expect(fixed6(-8.940696716308595e-12)).toBe("0");
    fc.assert(
      fc.property(anyDouble, (v) => {
        const s = fixed6(v);
        expect(Number(s)).toBe(round6(v));
        // the rounding is to 6 decimals and no more: the written value is within half a unit of the 6th decimal
        if (Math.abs(v) < 1e9) expect(Math.abs(Number(s) - v)).toBeLessThanOrEqual(5e-7 + Math.abs(v) * 2 ** -52);
        expect(s).not.toMatch(/e/i);
      }),
      { numRuns: 3000, seed: 13 },
    );
  });
});
