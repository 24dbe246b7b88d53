/**
 * Sector correspondence between the 2012 and 2017 42-sector lists of the regional input-output tables
 * (data/raw/io-tables/SOURCE.md): 2012's 22 + 23 merge into 2017's 22; 2012's 24–35 are 2017's 23–34;
 * 2012's 36 splits into 2017's 35 + 36; 01–21 and 37–42 are the same.
 * test/dataPipeline.test.ts checks every one-to-one pair against the sector names printed in the workbooks.
 */

/** 2017 code(s) a 2012 sector maps to (two for the split sector 36). */
export function sectors2017For2012(code2012: string): string[] {
  const n = Number(code2012);
  if (!/^\d\d$/.test(code2012) || n < 1 || n > 42) throw new Error(`not a 2012 sector code: "${code2012}"`);
  const two = (k: number) => String(k).padStart(2, "0");
  if (n <= 21 || n >= 37) return [two(n)];
  if (n === 22 || n === 23) return ["22"];
  if (n <= 35) return [two(n - 1)];
  return ["35", "36"]; // n === 36
}
