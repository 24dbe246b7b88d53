// The README's figures are the code's: every count, list and statistic it quotes from the study is compared with
// lib/present/findings.ts, the fragile provinces also with what `trade-patterns stability` prints, and the run-time table
// with what `npm run bench` measures (its rows and medians come from scripts/bench.ts --readme).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { studyFindings, type Findings } from "../lib/present/findings";
import { repoRoot } from "../lib/core/paths";
import { benchTableBlock, BENCH_ROWS } from "../scripts/bench";

const README = readFileSync(join(repoRoot(), "README.md"), "utf8");
const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const word = (n: number) => WORDS[n] ?? String(n);

/** The README's text matching `re` (with one group per figure); fails naming what is no longer said. */
function said(what: string, re: RegExp): string[] {
  const m = re.exec(README.replace(/\s*\n\s*/g, " "));
  if (!m) throw new Error(`README no longer says ${what} in the expected words (${re}); update it and this check together`);
  return m.slice(1);
}

let f: Findings;
beforeAll(() => {
  f = studyFindings();
}, 120_000);

describe("README figures are the code's (lib/present/findings.ts)", () => {
  it("the misprints: their number, and the table's rows are the misprints reconcile finds", () => {
    expect(said("the number of misprints", /\*\*(\w+) misprints in Tables 2–6\*\*/)[0].toLowerCase()).toBe(word(f.misprints.length));
    const rows = [...README.matchAll(/^\| (\d) \| (\S+) \| \S+ \| ([\d.]+) \| ([\d.]+) \|/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]} → ${m[4]}`);
    expect(rows.sort()).toEqual(f.misprints.map((m) => `${m.table} ${m.group_zh} ${m.printed} → ${m.should_read}`).sort());
    expect(said("how many other cells agree", /All (\d+) other printed cells agree/)).toEqual([String(f.otherCells)]);
  });

  it("the claims: how many, how many hold, and why the others do not", () => {
    const c = f.claims;
    expect(said("the claim counts", /Of (\d+) computable statements in §一, §二 and Table 1 \(`data\/paper\/claims\.csv`, computed by `lib\/checks\/claims\.ts`\), (\d+) hold and (\d+) do not: (\w+) repeat the misprinted cells, (\w+) add up rounded shares \([\d., ]+\), (\w+) are qualitative/)).toEqual([
      String(c.total),
      String(c.hold),
      String(c.total - c.hold),
      word(c.repeatMisprint),
      word(c.roundedSum),
      word(c.other),
    ]);
  });

  it("the GDP column: printed, recovered and yearbook provinces", () => {
    expect(said("the GDP sources", /printed for (\d+) provinces\. (\w+) more follow from the group totals/)).toEqual([String(f.gdp.printed), word(f.gdp.recovered).replace(/^./, (x) => x.toUpperCase())]);
    expect(f.gdp.yearbook).toBe(3); // 天津, 福建 and 广东, named in the same paragraph
  });

  it("the clustering: k-means ARI and agreement, the search, the silhouette peak, the rules", () => {
    const [ari, agreeing, of, configs, best, peak, ruleAgreeing, ruleOf, ruleAri] = said(
      "the clustering figures",
      /reaches ARI ([\d.]+) against Table 1 \((\d+) of (\d+) provinces in the matching type\); the best of (\d+) feature-set × scaling × method configurations reaches ([\d.]+); the silhouette peaks at k = (\d+), not 7\. Rules written from Table 1's own descriptions plus geography agree on (\d+) of (\d+) \(ARI ([\d.]+);/,
    );
    expect(ari).toBe(f.kmeans.ari.toFixed(2));
    expect([agreeing, of]).toEqual([String(f.kmeans.agreeing), String(f.kmeans.of)]);
    expect([configs, best]).toEqual([String(f.search.configurations), f.search.bestAri.toFixed(2)]);
    expect(peak).toBe(String(f.silhouettePeak));
    expect([ruleAgreeing, ruleOf, ruleAri]).toEqual([String(f.rules.agreeing), String(f.rules.of), f.rules.ari.toFixed(2)]);
  });

  it("the fragile provinces at stability's defaults, their stabilities, and the one just above the cut", () => {
    const [list, above] = said("the fragile provinces", /stability falls below 0\.75 for (.+?); (\S+ \([\d.]+\)) sits just above the cut/);
    expect(list.replace(" and ", ", ")).toBe(f.fragile.map((p) => `${p.province} (${p.stability.toFixed(3)})`).join(", "));
    expect(above).toBe(`${f.nearestAbove!.province} (${f.nearestAbove!.stability.toFixed(3)})`);
  });

  it("`trade-patterns stability` at its defaults lists those provinces, and with --seed 1 the one the README names", () => {
    const run = (...args: string[]) => {
      const r = spawnSync(process.execPath, [join(repoRoot(), "bin", "trade-patterns.js"), "stability", join(repoRoot(), "data", "examples", "provinces_2017.csv"), "--json", ...args], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout).fragile as { province: string }[]).map((p) => p.province);
    };
    expect(run()).toEqual(f.fragile.map((p) => p.province));
    const [instead, of] = said("what --seed 1 changes", /`--seed 1`, lists (\S+) instead of (\S+)\)/);
    const seed1 = run("--seed", "1");
    expect(seed1).toContain(instead);
    expect(seed1).not.toContain(of);
  }, 60_000);
});

describe("README run times are npm run bench's medians", () => {
  it("the table between the bench markers has one row per benchmark scripts/bench.ts reports (refresh: npm run bench -- --readme)", () => {
    const block = /<!-- bench:start[^>]*-->\n([\s\S]*?)<!-- bench:end -->/.exec(README);
    expect(block, "README has no <!-- bench:start … bench:end --> block").not.toBeNull();
    const labels = [...block![1].matchAll(/^\| (.+?) \| [^|]+ \|$/gm)].map((m) => m[1]).filter((l) => l !== "Step" && !/^-+$/.test(l));
    expect(labels).toEqual(BENCH_ROWS.map((r) => r.label));
    // every time is a number with a unit, as benchTableBlock writes it
    for (const m of block![1].matchAll(/^\| .+? \| ([^|]+) \|$/gm)) if (m[1] !== "Time" && !/^-+$/.test(m[1])) expect(m[1]).toMatch(/^(≈ )?[\d.,]+ (ms|s|min)\b/);
    expect(benchTableBlock).toBeTypeOf("function");
  });
});
