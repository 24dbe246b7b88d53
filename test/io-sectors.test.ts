import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SECTORS_2012, SECTORS_2017, sectorsOf } from "../lib/data/sectors";
import { readIoWorkbook } from "../lib/data/ioTable";
import { dataPath } from "../lib/core/paths";

describe("42-sector labels", () => {
  for (const [year, list] of [
    [2012, SECTORS_2012],
    [2017, SECTORS_2017],
  ] as const) {
    it(`${year}: Chinese names are the ones every provincial workbook prints, codes 01–42 in order`, () => {
      const dir = dataPath("raw", "io-tables", String(year));
      const files = readdirSync(dir).filter((f) => /\.xlsx?$/.test(f) && !f.includes("中国"));
      expect(files).toHaveLength(31);
      for (const f of files) {
        const t = readIoWorkbook(`${dir}/${f}`);
        expect(t.rowCodes.slice(0, 42), f).toEqual(list.map((s) => s.code));
        expect(t.rowNames.slice(0, 42), f).toEqual(list.map((s) => s.zh));
      }
      expect(new Set(list.map((s) => s.en)).size).toBe(42);
    });
  }
  it("refuses a year without a 42-sector list", () => {
    expect(() => sectorsOf(2007)).toThrow(/2007/);
  });
});
