// `trade-patterns stability`, run through main() (the command is registered here as lib/cli/cli.ts will register it).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, registerCommand } from "../lib/cli/cli";
import { run } from "../lib/cli/commands/stability";
import { adjustedRandIndex } from "../lib/cluster/agreement";
import { paperTypes } from "../lib/typology/search";
import { toCsv } from "../lib/core/csv";
import { provinceFlows2017 } from "../lib/data/editions";
import { FLOW_COLUMNS } from "../lib/paper/columns";
import type { ProvinceFlows } from "../lib/data/provinceFlows";

const tmp = mkdtempSync(join(tmpdir(), "stability-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeFlows(name: string, rows: readonly ProvinceFlows[]): string {
  const file = join(tmp, name);
  writeFileSync(file, toCsv(["province_zh", ...FLOW_COLUMNS], rows.map((r) => [r.province_zh, ...FLOW_COLUMNS.map((c) => r[c])])));
  return file;
}

async function cli(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

interface StabilityJson {
  provinces: string[];
  coassignment: number[][];
  stability: Record<string, number>;
  consensus: { labels: number[]; ari: number; ami: number };
  fragile: { province: string; stability: number; type: string; leans_to: string | null }[];
  parameters: Record<string, unknown>;
}

let real: string;
let separated: string;
beforeAll(() => {
  registerCommand("stability", run);
  real = writeFlows("flows2017.csv", provinceFlows2017("paper"));
  // seven provinces in two far-apart groups on foreign-trade dependence (ftd 5 % vs 80 % of GDP)
  const p = (province_zh: string, ftd: number): ProvinceFlows => ({ province_zh, total_output: 300, gdp: 100, export: ftd / 2, import: ftd / 2, outflow: 60, inflow: 60 });
  separated = writeFlows("separated.csv", [p("北京", 5), p("天津", 5.2), p("河北", 4.9), p("山西", 80), p("上海", 82), p("江苏", 79), p("浙江", 81)]);
});

describe("trade-patterns stability", () => {
  it("--json: co-assignment of run fractions, per-province stability, consensus scored against Table 1", async () => {
    const r = await cli("stability", real, "--runs", "50", "--noise", "0.1", "--seed", "7", "--restarts", "20", "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(""); // no --progress and stderr is not a terminal here
    const out = JSON.parse(r.stdout) as StabilityJson;
    expect(out.provinces).toHaveLength(31);
    expect(out.provinces[0]).toBe("北京");
    const M = out.coassignment;
    const bad: string[] = [];
    M.forEach((row, i) =>
      row.forEach((m, j) => {
        if (i === j && m !== 1) bad.push(`diagonal ${i}`);
        if (m !== M[j][i]) bad.push(`asymmetric (${i}, ${j})`);
        if (Math.abs(m * 50 - Math.round(m * 50)) > 1e-9) bad.push(`(${i}, ${j}) = ${m} is not a multiple of 1/50`);
      }),
    );
    expect(bad).toEqual([]);
    expect(Object.keys(out.stability)).toEqual(out.provinces);
    for (const s of Object.values(out.stability)) expect(s >= 0 && s <= 1).toBe(true);
    expect(new Set(out.consensus.labels).size).toBe(7);
    expect(out.consensus.ari).toBeCloseTo(adjustedRandIndex(paperTypes(provinceFlows2017("paper")), out.consensus.labels), 12);
    for (const f of out.fragile) expect(f.stability).toBeLessThan(0.75);
    expect(out.parameters).toMatchObject({ runs: 50, noise: 0.1, seed: 7, k: 7, scale: "z", restarts: 20, resampling: "perturb" });
    // same seed, same answer
    const again = await cli("stability", real, "--runs", "50", "--noise", "0.1", "--seed", "7", "--restarts", "20", "--json");
    expect(again.stdout).toBe(r.stdout);
  });

  it("zero noise on well-separated data: co-assignment 0/1, stability 1, consensus = the two groups", async () => {
    const r = await cli("stability", separated, "--runs", "20", "--noise", "0", "--k", "2", "--features", "ftd,trade_ratio", "--scale", "logz", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as StabilityJson;
    const group = [0, 0, 0, 1, 1, 1, 1];
    expect(out.coassignment).toEqual(group.map((a) => group.map((b) => (a === b ? 1 : 0))));
    expect(Object.values(out.stability)).toEqual(new Array(7).fill(1));
    expect(out.consensus.labels).toEqual(group);
    expect(out.fragile).toEqual([]);
  });

  it("bootstrap resampling, and CSV output without --json", async () => {
    const r = await cli("stability", separated, "--runs", "100", "--resampling", "bootstrap", "--k", "2", "--features", "ftd,trade_ratio", "--scale", "logz");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("province_zh,province_en,type,consensus,stability,alone_rate");
    // 北京 always sits with the drawn members of its group; it is alone when neither 天津 nor 河北 was drawn
    expect(lines[1]).toMatch(/^北京,Beijing,双循环经济,0,1,0\.\d+$/);
    expect(lines).toHaveLength(8);
  });

  it("--progress writes a line at the start and at each 10 % to stderr, and leaves stdout pure JSON", async () => {
    const r = await cli("stability", separated, "--runs", "30", "--k", "2", "--features", "ftd", "--progress", "--json");
    expect(r.code).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("stability: 0 % (0/30)"); // from the start, before the first run is done
    expect(lines[1]).toBe("stability: 10 % (3/30)");
    expect(lines.at(-1)).toBe("stability: 100 % (30/30)");
    for (let i = 1; i <= 10; i++) expect(lines).toContain(`stability: ${10 * i} % (${3 * i}/30)`);
  });

  it("--runs, --restarts and their product are bounded, with the bound in the message", async () => {
    const bad = async (message: RegExp, ...args: string[]) => {
      const r = await cli("stability", separated, "--k", "2", ...args);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    };
    await bad(/--runs must be an integer from 1 to 100000, got 1000000/, "--runs", "1000000");
    await bad(/--restarts must be an integer from 1 to 10000, got 20000/, "--restarts", "20000");
    await bad(/--runs × --restarts is 10000000 k-means starts; at most 5000000 are allowed.*lower --runs or --restarts/, "--runs", "100000", "--restarts", "100");
  });

  it("bad arguments: one line on stderr, exit code 2, nothing on stdout", async () => {
    const cases: [string[], RegExp][] = [
      [["--runs", "0"], /--runs must be an integer from 1 to/],
      [["--runs", "2.5"], /--runs must be an integer, got "2.5"/],
      [["--noise=-0.1"], /--noise must be a number with 0 ≤ noise < 1, got "-0.1"/],
      [["--noise", "1"], /--noise must be a number with 0 ≤ noise < 1, got "1"/],
      [["--noise", "abc"], /--noise must be a number/],
      [["--features", "ftd,nope"], /--features: unknown feature "nope"/],
      [["--scale", "log"], /--scale must be one of z, minmax, logz, got "log"/],
      [["--resampling", "jackknife"], /--resampling must be one of perturb, bootstrap/],
      [["--seed=-1"], /--seed must be an integer from 0 to 4294967295/],
      [["--k", "7"], /--k 7 needs at least 8 provinces in the file, it has 7/],
      [["--threshold", "1.5"], /--threshold must be a number with 0 ≤ threshold ≤ 1/],
      [["--frobnicate"], /Unknown option '--frobnicate'/],
    ];
    for (const [args, message] of cases) {
      const r = await cli("stability", separated, ...args);
      expect({ args, code: r.code, stdout: r.stdout }).toEqual({ args, code: 2, stdout: "" });
      const lines = r.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
    }
    const none = await cli("stability");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/stability takes one CSV file/);
    const missing = await cli("stability", join(tmp, "nope.csv"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: cannot read file/);
  });

  it("a flow that log scaling cannot take is a usage error naming the province", async () => {
    const rows = provinceFlows2017("paper").map((r) => (r.province_zh === "西藏" ? { ...r, import: 0 } : r));
    const file = writeFlows("zero-import.csv", rows);
    const r = await cli("stability", file, "--runs", "2", "--features", "import_rate", "--scale", "logz");
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/西藏/);
  });
});
