// `trade-patterns cluster` and `trade-patterns search` (lib/cli/commands/cluster.ts, lib/cli/commands/search.ts).
// Until the lead registers them in lib/cli/cli.ts, they are run through main() after registerCommand(); once
// registered, the same checks also spawn bin/trade-patterns.js.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main, registerCommand } from "../lib/cli/cli";
import { adjustedRandIndex } from "../lib/cluster/agreement";
import { run as runCluster } from "../lib/cli/commands/cluster";
import { run as runSearch } from "../lib/cli/commands/search";
import { toCsv } from "../lib/core/csv";
import { provinceFlows2017 } from "../lib/data/editions";
import { ratios } from "../lib/indicators/ratios";
import { FLOW_COLUMNS, RATIO_COLUMNS } from "../lib/paper/columns";
import { repoRoot } from "../lib/core/paths";
import { PROVINCES, province } from "../lib/paper/provinces";
import { skipUnless } from "./helpers/skip";

registerCommand("cluster", runCluster);
registerCommand("search", runSearch);

const tmp = mkdtempSync(join(tmpdir(), "cluster-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const rows = provinceFlows2017("paper");
const input = join(tmp, "flows2017.csv");
writeFileSync(input, toCsv(["province_zh", ...FLOW_COLUMNS], rows.map((r) => [r.province_zh, ...FLOW_COLUMNS.map((c) => r[c])])));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function inProcess(...args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function spawned(...args: string[]): Run {
  const r = spawnSync(process.execPath, [join(repoRoot(), "bin/trade-patterns.js"), ...args], { cwd: tmp, encoding: "utf8" });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const registered = /commands\/cluster/.test(readFileSync(join(repoRoot(), "lib", "cli", "cli.ts"), "utf8"));

function expectUsageError(r: Run, message: RegExp) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe("");
  const lines = r.stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

/** Within-cluster sum of squares of `labels` on the five ratios z-scored with the population sd, computed here. */
function wcssOfRatios(labels: number[]): number {
  const cols = RATIO_COLUMNS.map((c) => rows.map((r) => ratios(r)[c]));
  let W = 0;
  for (const x of cols) {
    const m = x.reduce((s, v) => s + v, 0) / x.length;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - m) ** 2, 0) / x.length);
    const z = x.map((v) => (v - m) / sd);
    for (const l of new Set(labels)) {
      const idx = labels.map((v, i) => (v === l ? i : -1)).filter((i) => i >= 0);
      const mu = idx.reduce((s, i) => s + z[i], 0) / idx.length;
      W += idx.reduce((s, i) => s + (z[i] - mu) ** 2, 0);
    }
  }
  return W;
}

describe("trade-patterns cluster", () => {
  it("--json: labels for every province, inertia = the within-cluster sum of squares, ari against Table 1", async () => {
    const r = await inProcess("cluster", input, "--json");
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as { labels: Record<string, number>; inertia: number; ari: number };
    expect(Object.keys(out).sort()).toEqual(["ari", "inertia", "labels"]);
    expect(Object.keys(out.labels)).toEqual(rows.map((p) => p.province_zh));
    const labels = rows.map((p) => out.labels[p.province_zh]);
    expect(labels.every((l) => Number.isInteger(l) && l >= 0 && l < 7)).toBe(true);
    expect(new Set(labels).size).toBe(7);
    // ARI recomputed from the printed labels against lib/paper/provinces.ts (Table 1)
    expect(out.ari).toBeCloseTo(adjustedRandIndex(rows.map((p) => province(p.province_zh).type), labels), 12);
    expect(out.inertia).toBeCloseTo(wcssOfRatios(labels), 9);
  });

  it("is deterministic: two runs, same output; another seed is allowed to differ but is just as well formed", async () => {
    const a = await inProcess("cluster", input, "--json", "--seed", "7", "--restarts", "20");
    const b = await inProcess("cluster", input, "--json", "--seed", "7", "--restarts", "20");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const c = JSON.parse((await inProcess("cluster", input, "--json", "--seed", "8", "--restarts", "20")).stdout);
    expect(Object.keys(c.labels)).toHaveLength(31);
  });

  it("more restarts never give a worse objective (restart r is seeded the same whatever the total)", async () => {
    const w = async (n: number) => JSON.parse((await inProcess("cluster", input, "--json", "--restarts", String(n))).stdout).inertia as number;
    const [w10, w100] = [await w(10), await w(100)];
    expect(w100).toBeLessThanOrEqual(w10 + 1e-12);
  });

  it("without --json: CSV province_zh,label; hierarchical methods and other scalings and features run", async () => {
    const r = await inProcess("cluster", input, "--method", "ward", "--scale", "minmax", "--features", "ftd,dtd,inflow_rate", "--k", "5");
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("province_zh,label");
    expect(lines).toHaveLength(32);
    expect(new Set(lines.slice(1).map((l) => l.split(",")[1])).size).toBe(5);
    for (const m of ["average", "kmeans"]) {
      const j = JSON.parse((await inProcess("cluster", input, "--json", "--method", m, "--scale", "logz", "--features", "export,gdp")).stdout);
      expect(new Set(Object.values(j.labels)).size).toBe(7);
    }
  });

  it("a subset of provinces is scored against their own Table 1 types", async () => {
    const sub = join(tmp, "sub.csv");
    const some = rows.filter((r) => ["北京", "上海", "重庆", "西藏", "青海", "甘肃"].includes(r.province_zh));
    writeFileSync(sub, toCsv(["province_zh", ...FLOW_COLUMNS], some.map((r) => [r.province_zh, ...FLOW_COLUMNS.map((c) => r[c])])));
    const out = JSON.parse((await inProcess("cluster", sub, "--json", "--k", "2")).stdout);
    const labels = some.map((r) => out.labels[r.province_zh]);
    expect(out.ari).toBeCloseTo(adjustedRandIndex(some.map((r) => province(r.province_zh).type), labels), 12);
    // 北京, 上海, 重庆 (双循环) and the three plateau provinces (输入型) are far apart on every ratio
    expect(out.ari).toBe(1);
  });

  const badCases: [string, string[], RegExp][] = [
    ["unknown feature", ["--features", "ftd,foo"], /--features: unknown feature "foo" \(valid: trade_ratio, ftd/],
    ["empty feature", ["--features", "ftd,,dtd"], /--features: empty name/],
    ["repeated feature", ["--features", "ftd,ftd"], /"ftd" is listed twice/],
    ["k larger than the number of provinces", ["--k", "32"], /--k 32 is larger than the number of provinces in the file \(31\)/],
    ["k < 2", ["--k", "1"], /--k must be an integer from 2/],
    ["k not an integer", ["--k", "7.5"], /--k must be an integer, got "7.5"/],
    ["unknown scale", ["--scale", "robust"], /--scale must be one of z, minmax, logz, got "robust"/],
    ["unknown method", ["--method", "dbscan"], /--method must be one of kmeans, ward, average, got "dbscan"/],
    ["non-integer restarts", ["--restarts", "ten"], /--restarts must be an integer, got "ten"/],
    ["zero restarts", ["--restarts", "0"], /--restarts must be an integer from 1/],
    ["non-integer seed", ["--seed", "1.5"], /--seed must be an integer, got "1.5"/],
    ["negative seed", ["--seed=-1"], /--seed must be an integer from 0 to 4294967295/],
    ["unknown option", ["--kk", "3"], /Unknown option '--kk'/],
    ["too many restarts (a run of minutes)", ["--restarts", "1000000"], /--restarts must be an integer from 1 to 100000, got 1000000 \(about 0\.3 ms each/],
  ];
  it.each(badCases)("bad arguments: %s → one line, exit code 2", async (_name, extra, message) => {
    expectUsageError(await inProcess("cluster", input, ...extra), message);
  });

  it("bad input files → one line naming the file, exit code 2", async () => {
    expectUsageError(await inProcess("cluster"), /cluster takes one CSV file/);
    expectUsageError(await inProcess("cluster", join(tmp, "nope.csv")), /nope\.csv: cannot read file/);
    expectUsageError(await inProcess("cluster", tmp), /is a directory/);
    const bad = join(tmp, "bad.csv");
    writeFileSync(bad, "province_zh,total_output,gdp,export,outflow,import,inflow\n北京,1,abc,1,1,1,1\n");
    expectUsageError(await inProcess("cluster", bad), /bad\.csv, row 2, column "gdp"/);
    // log scaling of a zero value: the library's RangeError becomes a usage error naming the province
    const zero = join(tmp, "zero.csv");
    writeFileSync(zero, toCsv(["province_zh", ...FLOW_COLUMNS], rows.map((r) => [r.province_zh, ...FLOW_COLUMNS.map((c) => (c === "export" && r.province_zh === "西藏" ? 0 : r[c]))])));
    expectUsageError(await inProcess("cluster", zero, "--scale", "logz", "--features", "export_rate,dtd"), /log scaling needs positive values.*西藏/);
  });

  it("ward and average linkage refuse fewer distinct rows than clusters, as k-means does", async () => {
    const same = join(tmp, "identical.csv");
    writeFileSync(same, toCsv(["province_zh", ...FLOW_COLUMNS], rows.map((r) => [r.province_zh, 100, 50, 10, 20, 10, 20])));
    for (const method of ["kmeans", "ward", "average"])
      expectUsageError(await inProcess("cluster", same, "--method", method, "--scale", "minmax"), /k = 7 clusters but only 1 distinct rows/);
  });

  it("--progress: a line on stderr at the start and at each 10 % of the restarts; stdout unchanged", async () => {
    const quiet = await inProcess("cluster", input, "--json", "--restarts", "50");
    const r = await inProcess("cluster", input, "--json", "--restarts", "50", "--progress");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(quiet.stdout);
    expect(quiet.stderr).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("cluster: 0 % (0/50)");
    expect(lines).toContain("cluster: 50 % (25/50)");
    expect(lines.at(-1)).toBe("cluster: 100 % (50/50)");
  });

  it("through bin/trade-patterns.js: same JSON as in process, and exit code 2 on a bad argument", skipUnless(registered, "lib/cli/cli.ts does not register commands/cluster"), async () => {
    const a = spawned("cluster", input, "--json");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe((await inProcess("cluster", input, "--json")).stdout);
    expectUsageError(spawned("cluster", input, "--k", "40"), /--k 40 is larger/);
  });
});

describe("trade-patterns search", () => {
  it("--json: 252 configurations best first, each ARI recomputed from its labels", async () => {
    const r = await inProcess("search", input, "--json", "--restarts", "10");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      k: number;
      results: { rank: number; features: string[]; scaling: string; method: string; ari: number; ami: number; labels: Record<string, number> }[];
    };
    expect(out.k).toBe(7);
    expect(out.results).toHaveLength(252);
    const types = PROVINCES.map((p) => p.type);
    out.results.forEach((res, i) => {
      expect(res.rank).toBe(i + 1);
      if (i > 0) expect(res.ari).toBeLessThanOrEqual(out.results[i - 1].ari);
      const labels = rows.map((p) => res.labels[p.province_zh]);
      expect(res.ari).toBeCloseTo(adjustedRandIndex(types, labels), 12);
    });
    expect(new Set(out.results.map((x) => `${x.features.join("+")}|${x.scaling}|${x.method}`)).size).toBe(252);
  });

  it("CSV with --top, deterministic; bad arguments → exit code 2", async () => {
    const a = await inProcess("search", input, "--top", "3", "--restarts", "5");
    const b = await inProcess("search", input, "--top", "3", "--restarts", "5");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const lines = a.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("rank,feature_set,features,scaling,method,ari,ami,silhouette");
    expect(lines).toHaveLength(4);
    expectUsageError(await inProcess("search", input, "--top", "0"), /--top must be an integer from 1/);
    expectUsageError(await inProcess("search", input, "--k", "99"), /--k 99 is larger/);
    expectUsageError(await inProcess("search", input, "--seed", "x"), /--seed must be an integer/);
    expectUsageError(await inProcess("search"), /search takes one CSV file/);
    expectUsageError(await inProcess("search", input, "--restarts", "1000000"), /--restarts must be an integer from 1 to 5000, got 1000000 \(the search runs 84 k-means configurations/);
  });

  it("--progress: the 0 % line at once, then one per 10 % of the 252 configurations", async () => {
    const r = await inProcess("search", input, "--top", "1", "--restarts", "2", "--progress");
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("search: 0 % (0/252)");
    expect(lines).toContain("search: 10 % (26/252)");
    expect(lines.at(-1)).toBe("search: 100 % (252/252)");
  });
});

describe("trade-patterns search --exhaustive", () => {
  interface Score {
    rank?: number;
    index: number;
    features: string[];
    scaling: string;
    method: string;
    ari: number;
    ami: number;
    inertia: number;
    agreeing: number;
    labels: number[];
  }
  interface NullJson {
    permutations: number;
    seed: number;
    observed: number;
    p_value: number;
    at_least_observed: number;
    quantiles: Record<string, number>;
  }
  interface Exhaustive {
    mode: string;
    k: number;
    restarts: number;
    pool: string[];
    configurations: number;
    distinct_partitions: number;
    provinces: string[];
    results: Score[];
    best: Score[];
    null: NullJson | null;
    five_ratio_kmeans: Score & { null: NullJson | null };
    stability: null | { runs: number; candidates: number; still_best: number; by_run: { base_top_rank: number; still_best: boolean }[] };
  }
  const types = PROVINCES.map((p) => p.type);

  it("--null 1000 --seed 1 --json: all 4,599 configurations best first, the best, and the null with its p-value", async () => {
    const r = await inProcess("search", input, "--exhaustive", "--null", "1000", "--seed", "1", "--json");
    expect(r.code, r.stderr).toBe(0);
    // a run over 3 s reports progress even without --progress; nothing else goes to stderr
    for (const line of r.stderr.trimEnd().split("\n").filter(Boolean)) expect(line).toMatch(/^search: \d+ % \(\d+\/4599\)$/);
    const out = JSON.parse(r.stdout) as Exhaustive;
    expect(out).toMatchObject({ mode: "exhaustive", k: 7, restarts: 500, configurations: 4599 });
    expect(out.pool).toEqual(["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate", "export_rate", "import_rate", "outflow_gdp", "inflow_gdp"]);
    expect(out.provinces).toEqual(rows.map((p) => p.province_zh));
    expect(out.results).toHaveLength(4599);
    expect(new Set(out.results.map((x) => x.index)).size).toBe(4599);
    expect(new Set(out.results.map((x) => x.labels.join(","))).size).toBe(out.distinct_partitions);
    const reference = out.provinces.map((p) => province(p).type);
    expect(reference).toEqual(types);
    out.results.forEach((res, i) => {
      expect(res.rank).toBe(i + 1);
      if (i > 0) expect(res.ari).toBeLessThanOrEqual(out.results[i - 1].ari);
      expect(res.ari).toBeCloseTo(adjustedRandIndex(reference, res.labels), 12);
    });
    expect(out.best.length).toBeGreaterThan(0);
    expect(out.best[0].index).toBe(out.results[0].index);
    for (const b of out.best) expect(b.ari).toBe(out.results[0].ari);
    // the null: T = the best ARI; p = (1 + #{T_b ≥ T}) / (1 + B); quantiles in order and below the observed best here
    const nul = out.null!;
    expect(nul).toMatchObject({ permutations: 1000, seed: 1, observed: out.results[0].ari });
    expect(nul.p_value).toBeCloseTo((1 + nul.at_least_observed) / 1001, 15);
    const q = ["0.5", "0.9", "0.95", "0.99"].map((k) => nul.quantiles[k]);
    for (let i = 1; i < q.length; i++) expect(q[i]).toBeGreaterThanOrEqual(q[i - 1]);
    // k-means on the five ratios (z): the optimum W = 16.765 of notebook 05's caveat, 18 of 31 provinces as Table 1
    const five = out.five_ratio_kmeans;
    expect(five).toMatchObject({ features: [...RATIO_COLUMNS], scaling: "z", method: "kmeans", agreeing: 18 });
    expect(five.inertia).toBeCloseTo(wcssOfRatios(five.labels), 9);
    expect(five.inertia).toBeCloseTo(16.765, 3);
    expect(five.null!.observed).toBe(five.ari);
    expect(five.null!.quantiles["0.99"]).toBeLessThanOrEqual(nul.quantiles["0.99"]);
    expect(out.stability).toBeNull();
  }, 300_000);

  it("a small pool: deterministic, --null 0 gives no null, --top, CSV without --json", async () => {
    const args = ["search", input, "--exhaustive", "--pool", "ftd,dtd,inflow_rate", "--restarts", "50", "--json"];
    const a = await inProcess(...args, "--null", "200");
    const b = await inProcess(...args, "--null", "200");
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout) as Exhaustive;
    expect(out.configurations).toBe(63);
    expect(out.null!.permutations).toBe(200);
    expect(out.five_ratio_kmeans.index).toBe(-1); // not in this pool: clustered on its own
    const none = JSON.parse((await inProcess(...args, "--null", "0", "--top", "5")).stdout) as Exhaustive;
    expect(none.null).toBeNull();
    expect(none.five_ratio_kmeans.null).toBeNull();
    expect(none.results.map((x) => x.index)).toEqual(out.results.slice(0, 5).map((x) => x.index));
    const csv = await inProcess("search", input, "--exhaustive", "--pool", "ftd,dtd,inflow_rate", "--restarts", "50", "--top", "3");
    const lines = csv.stdout.trimEnd().split("\n");
    expect(lines[0]).toBe("rank,index,features,scaling,method,ari,ami,silhouette,inertia");
    expect(lines).toHaveLength(4);
    expect(lines[1].split(",").slice(0, 5)).toEqual(["1", String(out.results[0].index), out.results[0].features.join("+"), out.results[0].scaling, out.results[0].method]);
  }, 120_000);

  it("--stability-runs: each run re-searches the perturbed flows and says whether the best is still the best", async () => {
    const r = await inProcess("search", input, "--exhaustive", "--pool", "ftd,dtd,inflow_rate", "--restarts", "30", "--null", "10", "--stability-runs", "3", "--noise", "0", "--json");
    expect(r.code, r.stderr).toBe(0);
    const st = (JSON.parse(r.stdout) as Exhaustive).stability!;
    // no noise: every perturbed search is the unperturbed one again
    expect(st).toMatchObject({ runs: 3, candidates: 63, still_best: 3 });
    for (const run of st.by_run) expect(run).toMatchObject({ base_top_rank: 1, still_best: true });
    const margin = JSON.parse((await inProcess("search", input, "--exhaustive", "--pool", "ftd,dtd,inflow_rate", "--restarts", "30", "--null", "10", "--stability-runs", "2", "--stability-margin", "0.05", "--json")).stdout) as Exhaustive;
    expect(margin.stability!.candidates).toBeLessThan(63);
  }, 120_000);

  it("--progress counts the configurations; bad options → exit code 2 and one line", async () => {
    const r = await inProcess("search", input, "--exhaustive", "--pool", "ftd,dtd", "--restarts", "5", "--json", "--progress");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("search: 0 % (0/27)"); // (2² − 1) subsets × 3 scalings × 3 methods
    expect(lines.at(-1)).toBe("search: 100 % (27/27)");
    expect(lines.filter((l) => l.includes("100 %"))).toHaveLength(1);
    const bad: [string[], RegExp][] = [
      [["--null", "10"], /--null needs --exhaustive/],
      [["--pool", "raw"], /--pool needs --exhaustive/],
      [["--exhaustive", "--null", "10"], /--null needs --json/],
      [["--exhaustive", "--stability-runs", "2"], /--stability-runs needs --json/],
      [["--exhaustive", "--json", "--noise", "0.2"], /--noise needs --stability-runs/],
      [["--exhaustive", "--json", "--null", "x"], /--null must be an integer, got "x"/],
      [["--exhaustive", "--json", "--null", "100001"], /--null must be an integer from 0 to 100000/],
      [["--exhaustive", "--json", "--pool", "ftd,nope"], /--pool must be indicators, raw or a feature list: unknown feature "nope"/],
      [["--exhaustive", "--json", "--pool", "trade_ratio,ftd,dtd,outflow_rate,inflow_rate,export_rate,import_rate,outflow_gdp,inflow_gdp,gdp,export"], /--pool has 11 features; at most 10/],
      [["--exhaustive", "--json", "--restarts", "5000", "--stability-runs", "10"], /5000 × 1533 × 11 = 84315000 k-means starts; at most 20000000/],
      [["--exhaustive", "--json", "--stability-runs", "101"], /--stability-runs must be an integer from 0 to 100/],
      [["--exhaustive", "--json", "--stability-runs", "1", "--noise", "1"], /--noise must be a number from 0 to 0.99/],
      [["--exhaustive", "--json", "--k", "40"], /--k 40 is larger than the number of provinces in the file \(31\)/],
      [["--exhaustive", "--json", "--top", "0"], /--top must be an integer from 1/],
    ];
    for (const [args, message] of bad) expectUsageError(await inProcess("search", input, ...args), message);
    expectUsageError(await inProcess("search", "--exhaustive", "--json"), /search takes one CSV file/);
    // through bin/trade-patterns.js: the same exit code and line
    expectUsageError(spawned("search", input, "--exhaustive", "--null", "5"), /--null needs --json/);
  });
});
