import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../lib/cli/cli";
import { InputError } from "../lib/core/csv";
import { readProvinceFlows } from "../lib/data/provinceFlows";
import { PROVINCES } from "../lib/paper/provinces";

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

describe("plausible amounts (lib/data/provinceFlows.ts MAX_AMOUNT, MIN_DIVISOR, MIN_NONZERO)", () => {
  const cases: [string, string, number, string, RegExp][] = [
    ["an amount above 10^8 亿元 (a file in 元?)", GOOD.replace("55914.6", "1e30"), 3, "total_output", /1e30 is above the largest plausible amount, 100000000 亿元.*元 or 万元/],
    ["a GDP of 1e-300 (ratios near 1e305)", GOOD.replace("2624.8", "1e-300"), 2, "gdp", /1e-300 is not 0 but below 1 元/],
    ["a GDP below 1 万元", GOOD.replace("2624.8", "0.00005"), 2, "gdp", /GDP 0\.00005 is below 0\.0001 亿元 \(1 万元\)/],
    ["a subnormal GDP (1e-310, whose ratios overflow to Infinity)", GOOD.replace("2624.8", "1e-310"), 2, "gdp", /below 1 元/],
    ["foreign trade below 1 万元", GOOD.replace("28.8,535,15.7", "0.00003,535,0.00002"), 2, "export", /export \+ import is below 0\.0001 亿元/],
    ["1e400 (infinite as a double)", GOOD.replace("535", "1e400"), 2, "outflow", /"1e400" is out of range/],
  ];
  for (const [name, text, row, column, message] of cases) {
    it(`rejects ${name} with the file, row and column`, () => {
      const e = failure(text);
      expect([e.file, e.row, e.column]).toEqual(["in.csv", row, column]);
      expect(e.message).toMatch(message);
    });
  }

  it("accepts the bounds themselves", () => {
    const rows = read(`${HEADER}\n青海,100000000,0.0001,0.0001,0.00000001,0,1e8\n`);
    expect(rows[0]).toMatchObject({ total_output: 1e8, gdp: 1e-4, export: 1e-4, outflow: 1e-8, import: 0, inflow: 1e8 });
  });

  it("escapes control characters of a province name or a file name in the message (the fields keep them)", () => {
    const e = failure(GOOD.replace("重庆", "\u001b[2J\u001b[31m重庆\u202e"));
    expect(e.message).toContain('unknown province "\\u001b[2J\\u001b[31m重庆\\u202e"');
    expect(e.message).not.toMatch(/[\u0000-\u001f\u202e]/);
    const named = (() => {
      try {
        readProvinceFlows("a\nb\u0007.csv", { bytes: utf8(GOOD.replace("535", "x")) });
      } catch (err) {
        return err as InputError;
      }
    })()!;
    expect(named.message).toBe('a\\nb\\u0007.csv, row 2, column "outflow": "x" is not a number');
    expect(named.file).toBe("a\nb\u0007.csv");
  });
});

/**
 * Random files, half valid and half with exactly one known defect. Valid files must be read to exactly the numbers
 * written (the generator knows them) and the indicators the CLI prints must read back as exactly the paper's formulas
 * computed here; each defective file must fail with an InputError naming its file, row and column.
 */
describe("random province flow files (property-based)", () => {
  const NAMES = PROVINCES.map((p) => p.zh);
  const COLS = ["total_output", "gdp", "export", "outflow", "import", "inflow"] as const;
  type Col = (typeof COLS)[number];
  type Flow = Record<Col, number>;
  const tmp = mkdtempSync(join(tmpdir(), "tp-prop-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  // amounts over the whole accepted range, with the bounds themselves and very small and very large values
  const anyAmount = fc.oneof(
    fc.constant(0),
    fc.constantFrom(1e-8, 1e-4, 1, 1e8, 99999999.99999999, 6493.2, 0.1 + 0.2),
    fc.double({ min: 1e-8, max: 1e8, noNaN: true, noDefaultInfinity: true }),
    fc.integer({ min: 0, max: 1e8 }),
  );
  const divisor = fc.oneof(fc.constantFrom(1e-4, 1e8, 19424.7), fc.double({ min: 1e-4, max: 1e8, noNaN: true }));
  const flow: fc.Arbitrary<Flow> = fc
    .record({ total_output: anyAmount, gdp: divisor, outflow: anyAmount, inflow: anyAmount, a: divisor, b: anyAmount, exportFirst: fc.boolean() })
    .map(({ a, b, exportFirst, ...f }) => ({ ...f, export: exportFirst ? a : b, import: exportFirst ? b : a }));
  // ways a number may be spelt in a CSV, each reading back as exactly v
  const spelling = fc.constantFrom(
    (v: number) => String(v),
    (v: number) => v.toExponential(),
    (v: number) => v.toExponential().toUpperCase(),
    (v: number) => v.toPrecision(17),
    (v: number) => ` ${v} `,
    (v: number) => `+${v}`,
    (v: number) => `"${v}"`,
  );
  const note = fc.constantFrom("", "plain", '"with, comma"', '"two\nlines"', '"a ""quote"""', '"three\r\nline\nnote"');
  const fileName = fc.constantFrom("in.csv", "省份 2017.csv", "a\nb.csv", "\u001b[31mred.csv");

  interface Spec {
    name: string;
    columns: string[];
    rows: { province: string; flow: Flow; note: string; spell: ((v: number) => string)[] }[];
    eol: string;
    bom: boolean;
    blankAfter: boolean[];
  }
  const spec: fc.Arbitrary<Spec> = fc
    .record({
      name: fileName,
      provinces: fc.shuffledSubarray(NAMES, { minLength: 1, maxLength: 31 }),
      columns: fc.shuffledSubarray<string>(["note", "province_zh", ...COLS, "x"], { minLength: 9, maxLength: 9 }).chain((all) =>
        fc.subarray(["note", "x"]).map((extra) => all.filter((c) => !["note", "x"].includes(c) || extra.includes(c))),
      ),
      eol: fc.constantFrom("\n", "\r\n"),
      bom: fc.boolean(),
    })
    .chain((s) =>
      fc
        .array(fc.record({ flow, note, spell: fc.array(spelling, { minLength: 6, maxLength: 6 }), blank: fc.boolean() }), {
          minLength: s.provinces.length,
          maxLength: s.provinces.length,
        })
        .map((rows) => ({
          name: s.name,
          columns: s.columns,
          eol: s.eol,
          bom: s.bom,
          rows: rows.map((r, i) => ({ province: s.provinces[i], flow: r.flow, note: r.note, spell: r.spell })),
          blankAfter: rows.map((r) => r.blank),
        })),
    );

  /** The file's text and, per data row, the line it starts on (written here, independently of the reader). */
  function render(s: Spec, override?: { row: number; column: string; text: string }): { text: string; lines: number[] } {
    const out = [s.columns.join(",")];
    const lines: number[] = [];
    let line = 2;
    s.rows.forEach((r, i) => {
      lines.push(line);
      const cells = s.columns.map((c) => {
        if (override && override.row === i && override.column === c) return override.text;
        if (c === "province_zh") return r.province;
        if (c === "note") return r.note;
        if (c === "x") return "1";
        const j = COLS.indexOf(c as Col);
        return r.spell[j](r.flow[c as Col]);
      });
      const text = cells.join(",");
      out.push(text);
      line += (text.match(/\r\n|\n/g) ?? []).length + 1;
      if (s.blankAfter[i]) {
        out.push("");
        line += 1;
      }
    });
    return { text: (s.bom ? "\uFEFF" : "") + out.join(s.eol), lines };
  }

  // One defect, at a known row and column, and the column the error must name.
  const defects: { text: string; column?: Col | "province_zh"; names: Col | "province_zh"; message: RegExp }[] = [
    { text: "", names: "gdp", message: /empty cell/ },
    { text: "abc", names: "outflow", message: /"abc" is not a number/ },
    { text: '"1,234.5"', names: "inflow", message: /thousands separators/ },
    { text: "-1", names: "import", message: /negative/ },
    { text: "NaN", names: "export", message: /"NaN" is not a number/ },
    { text: "Infinity", names: "total_output", message: /"Infinity" is not a number/ },
    { text: "1e400", names: "gdp", message: /out of range/ },
    { text: "100000000.00000003", names: "inflow", message: /above the largest plausible amount/ },
    { text: "2e40", names: "total_output", message: /above the largest plausible amount/ },
    { text: "1e-310", names: "outflow", message: /below 1 元/ },
    { text: "1e-300", names: "gdp", message: /below 1 元/ },
    { text: "0.00009", names: "gdp", message: /below 0\.0001 亿元/ },
    { text: "0", names: "gdp", message: /GDP is 0/ },
    { text: "重慶", names: "province_zh", message: /unknown province "重慶"/ },
    { text: "\u001b[31m北京", names: "province_zh", message: /unknown province "\\u001b\[31m北京"/ },
  ];
  type Case = { valid: true; spec: Spec } | { valid: false; spec: Spec; row: number; defect: number };
  const valid = spec.map((s): Case => ({ valid: true, spec: s }));
  const invalid = spec.chain((s) =>
    fc.record({ row: fc.nat({ max: s.rows.length - 1 }), defect: fc.nat({ max: defects.length + 1 }) }).map((d): Case => ({ valid: false, spec: s, ...d })),
  );
  /** The paper's ratios and shares, written out here from their definitions (not lib/indicators/ratios.ts). */
  function expectedIndicators(rows: Flow[]): Record<string, number>[] {
    const total = { total_output: 0, gdp: 0, export: 0, outflow: 0, import: 0, inflow: 0 };
    for (const r of rows) for (const c of COLS) total[c] += r[c];
    return rows.map((f) => ({
      ...f,
      trade_ratio: (f.outflow + f.inflow) / (f.export + f.import),
      ftd: ((f.export + f.import) / f.gdp) * 100,
      dtd: ((f.outflow + f.inflow) / f.gdp) * 100,
      outflow_rate: ((f.export + f.outflow) / f.gdp) * 100,
      inflow_rate: ((f.import + f.inflow) / f.gdp) * 100,
      ...Object.fromEntries(COLS.map((c) => [`share_${c}`, (f[c] / total[c]) * 100])),
    }));
  }
  const jsonEscaped = (s: string) => JSON.stringify(s).slice(1, -1);
  let n = 0;
  const seen = { valid: 0, invalid: 0, indicators: 0 };

  it("valid files give exactly their numbers and exactly round-tripping indicators; each defect is named by file, row and column", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(valid, invalid), async (c) => {
        const s = c.spec;
        const file = join(tmp, `${n++}-${s.name}`);
        if (c.valid) {
          const { text } = render(s);
          writeFileSync(file, text);
          const rows = readProvinceFlows(file);
          expect(rows).toEqual(s.rows.map((r) => ({ province_zh: r.province, ...r.flow })));
          seen.valid++;
          let stdout = "";
          let stderr = "";
          const code = await main(["indicators", file], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
          const zero = COLS.find((col) => s.rows.every((r) => r.flow[col] === 0));
          if (zero) {
            // a share of a column that is 0 everywhere is undefined: an input error naming the column
            expect([code, stderr]).toEqual([2, `trade-patterns: ${jsonEscaped(file)}, column "${zero}": is 0 in every row, so share_${zero} (each province's share of the total) is undefined\n`]);
            return;
          }
          expect([code, stderr]).toEqual([0, ""]);
          const lines = stdout.trimEnd().split("\n");
          const header = lines[0].split(",");
          const want = expectedIndicators(s.rows.map((r) => r.flow));
          lines.slice(1).forEach((l, i) => {
            const cells = l.split(",");
            expect(cells[0]).toBe(s.rows[i].province);
            for (const [k, v] of Object.entries(want[i])) expect([k, Number(cells[header.indexOf(k)])]).toEqual([k, v]);
          });
          seen.indicators++;
          return;
        }
        // one defect: a bad cell, a duplicate province, or no foreign trade at all
        const r = c.row;
        let override: { row: number; column: string; text: string } | undefined;
        let column: string;
        let message: RegExp;
        const base = { ...s, rows: s.rows.map((x) => ({ ...x, flow: { ...x.flow } })) };
        if (c.defect < defects.length) {
          const d = defects[c.defect];
          override = { row: r, column: d.names, text: d.text };
          column = d.names;
          message = d.message;
        } else if (c.defect === defects.length && r > 0) {
          base.rows[r].province = base.rows[0].province;
          column = "province_zh";
          message = new RegExp(`duplicate province "${base.rows[0].province}" \\(first on row 2\\)`);
        } else {
          base.rows[r].flow.export = 0;
          base.rows[r].flow.import = 0;
          column = "export";
          message = /export and import are both 0/;
        }
        const { text, lines } = render(base, override);
        writeFileSync(file, text);
        let error: unknown;
        try {
          readProvinceFlows(file);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(InputError);
        const e = error as InputError;
        expect([e.file, e.row, e.column]).toEqual([file, lines[r], column]);
        expect(e.message).toMatch(message);
        expect(e.message.startsWith(`${jsonEscaped(file)}, row ${lines[r]}, column "${column}": `)).toBe(true);
        expect(e.message).not.toMatch(/[\u0000-\u001f]/);
        seen.invalid++;
      }),
      { numRuns: 600, seed: 20171231 },
    );
    // the generator reaches both branches about equally, and valid files reach the indicators
    expect(seen.valid).toBeGreaterThan(200);
    expect(seen.invalid).toBeGreaterThan(200);
    expect(seen.indicators).toBeGreaterThan(150);
  }, 300_000);
});
