import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { InputError } from "../lib/csv";
import { ratios } from "../lib/indicators";
import { readProvinceFlows } from "../lib/provinceFlows";

const HEADER = "province_zh,total_output,gdp,export,outflow,import,inflow";
const GOOD = `${HEADER}\n青海,6493.2,2624.8,28.8,535,15.7,1822.7\n重庆,55914.6,19424.7,3488.4,77282.8,2597.9,79220.5\n`;
const utf8 = (s: string) => new TextEncoder().encode(s);
const read = (text: string | Uint8Array) =>
  readProvinceFlows("in.csv", { bytes: typeof text === "string" ? utf8(text) : text });

/** The error a bad input raises, as {row, column, message}. */
function failure(text: string | Uint8Array): InputError {
  try {
    read(text);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error("expected an InputError, but the input was accepted");
}

describe("readProvinceFlows", () => {
  it("reads a valid file, ignoring other columns and their order", () => {
    const rows = read(`note,${HEADER.split(",").reverse().join(",")}\nx,1822.7,15.7,535,28.8,2624.8,6493.2,青海\n`);
    expect(rows).toEqual([{ province_zh: "青海", total_output: 6493.2, gdp: 2624.8, export: 28.8, outflow: 535, import: 15.7, inflow: 1822.7 }]);
  });

  it("accepts a UTF-8 byte-order mark", () => {
    expect(read(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(GOOD)]))).toHaveLength(2);
  });

  it("decodes a GBK file (as Excel in China writes it)", () => {
    const rows = read(iconv.encode(GOOD, "gbk"));
    expect(rows.map((r) => r.province_zh)).toEqual(["青海", "重庆"]);
  });

  it("reads CRLF line ends and quoted cells", () => {
    expect(read(GOOD.replace(/\n/g, "\r\n").replace("青海", '"青海"'))).toHaveLength(2);
  });

  const cases: [string, string, number | null, string | null, RegExp][] = [
    ["an empty file", "", null, null, /empty/],
    ["a header without rows", `${HEADER}\n`, null, null, /no data rows/],
    ["a missing column", HEADER.replace(",inflow", "") + "\n青海,1,1,1,1,1\n", 1, "inflow", /missing/],
    ["a misspelt column", HEADER.replace("outflow", "outflw") + "\n青海,1,1,1,1,1,1\n", 1, "outflow", /misspelt\?/],
    ["a non-numeric cell", GOOD.replace("535", "5x5"), 2, "outflow", /not a number/],
    ["thousands separators", GOOD.replace("6493.2", '"6,493.2"'), 2, "total_output", /thousands separators/],
    ["an empty cell", GOOD.replace("15.7", ""), 2, "import", /empty cell/],
    ["a negative cell", GOOD.replace("3488.4", "-3488.4"), 3, "export", /negative/],
    ["GDP of zero", GOOD.replace("2624.8", "0"), 2, "gdp", /GDP is 0/],
    ["a duplicate province", GOOD + "青海,1,1,1,1,1,1\n", 4, "province_zh", /duplicate province "青海" \(first on row 2\)/],
    ["an unknown province", GOOD.replace("重庆", "重慶"), 3, "province_zh", /unknown province "重慶"/],
    ["a short row", GOOD + "青海,1,1\n", 4, null, /3 cells but the header has 7/],
    ["zero foreign trade", GOOD.replace("28.8,535,15.7", "0,535,0"), 2, "export", /trade ratio\) is undefined/],
  ];
  for (const [name, text, row, column, message] of cases) {
    it(`rejects ${name} with the file, row and column`, () => {
      const e = failure(text);
      expect(e.file).toBe("in.csv");
      expect(e.row).toBe(row);
      expect(e.column).toBe(column);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith("in.csv")).toBe(true);
    });
  }

  it("rejects bytes that are neither UTF-8 nor GBK", () => {
    expect(failure(new Uint8Array([0x70, 0x2c, 0x0a, 0xff, 0x00, 0x01, 0x02])).message).toMatch(/neither UTF-8 nor GBK/);
  });

  it("requires all 31 provinces when asked, naming the missing ones", () => {
    expect(() => readProvinceFlows("in.csv", { bytes: utf8(GOOD), requireAll: true })).toThrow(/missing provinces: 北京、天津/);
  });
});

describe("random malformed CSVs (property-based)", () => {
  const cell = fc.oneof(
    fc.constantFrom("", "0", "1", "-1", "1e3", "NaN", "Infinity", "1,5", "abc", " 2 ", '"', "北京", "青海", "1.2.3"),
    fc.double({ noNaN: false }).map(String),
    fc.string({ maxLength: 6 }),
  );
  const row = fc.array(cell, { minLength: 0, maxLength: 9 });
  const header = fc.shuffledSubarray(["province_zh", "total_output", "gdp", "export", "outflow", "import", "inflow", "outflw", "x"], {
    minLength: 0,
  });
  const file = fc.tuple(header, fc.array(row, { maxLength: 5 }), fc.constantFrom("\n", "\r\n"), fc.boolean()).map(
    ([h, rows, eol, bom]) => (bom ? "\uFEFF" : "") + [h.join(","), ...rows.map((r) => r.join(","))].join(eol),
  );

  it("always end in a clear InputError or in finite, non-negative numbers — never a crash or a NaN", () => {
    fc.assert(
      fc.property(file, (text) => {
        let rows;
        try {
          rows = read(text);
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          expect(e.message.startsWith("in.csv")).toBe(true);
          return;
        }
        for (const r of rows) {
          for (const v of Object.values(ratios(r))) expect(Number.isFinite(v)).toBe(true);
          for (const k of ["total_output", "gdp", "export", "outflow", "import", "inflow"] as const) expect(r[k]).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 2000, seed: 20171231 },
    );
  });
});
