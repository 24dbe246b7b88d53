// README.md against the code: the generated manifest table, the npm scripts and commands it names, and every command
// of its shell code blocks run as written (except those marked long, which are reported as skipped with the reason).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/core/paths";
import { manifestMarkdown, readmeWithManifest } from "../scripts/manifest-table";
import { readParamsFile } from "../scripts/notebook/params";
import { defaultNotebooks, plan } from "../scripts/reproduce";
import { skipUnless } from "./helpers/skip";

const readme = readFileSync(join(repoRoot(), "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(repoRoot(), "package.json"), "utf8"));

describe("README.md matches the code", () => {
  it("lists every table, figure and claim of notebooks/manifest.json (regenerate: tsx scripts/manifest-table.ts --write)", () => {
    expect(readmeWithManifest(readme, manifestMarkdown())).toBe(readme);
  });

  it("names only npm scripts that exist", () => {
    const named = [...readme.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(3);
    for (const s of new Set(named)) expect(Object.keys(pkg.scripts), `npm run ${s}`).toContain(s);
  });

  it("documents every trade-patterns subcommand", () => {
    for (const c of ["indicators", "tables", "decompose", "cluster", "search", "stability"]) expect(readme).toContain(`trade-patterns ${c}`);
  });

  it("lists every notebook", () => {
    const notebooks = readFileSync(join(repoRoot(), "notebooks", "manifest.json"), "utf8");
    for (const n of ["00_data", "01_overall_patterns", "02_regional_patterns", "03_changing_patterns", "04_value_added_and_policy", "05_robustness"]) {
      expect(readme).toContain(`notebooks/${n}.ipynb`);
      expect(notebooks).toContain(n);
    }
  });
});

/** A line without its shell comment (a # at the start or after whitespace, outside quotes). */
export function withoutComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]))) {
      return line.slice(0, i).trimEnd();
    }
  }
  return line.trimEnd();
}

/** The commands of a markdown text's sh/bash/shell code blocks: comments dropped, `\` continuations joined. */
export function readmeCommands(markdown: string): string[] {
  const commands: string[] = [];
  for (const m of markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```$/gm)) {
    let pending = "";
    for (const raw of m[1].split("\n")) {
      const line = withoutComment(raw);
      if (line.trim() === "" && pending === "") continue;
      if (line.endsWith("\\")) {
        pending += line.slice(0, -1).trimEnd() + " ";
        continue;
      }
      commands.push((pending + line.trim()).trim());
      pending = "";
    }
    if (pending) commands.push(pending.trim());
  }
  return commands;
}

/** `<!-- readme-test long "<command prefix>": <reason> -->`: commands the test does not run, and why. */
export function longMarkers(markdown: string): { prefix: string; reason: string }[] {
  return [...markdown.matchAll(/<!-- readme-test long "([^"]+)": (.+?) -->/g)].map((m) => ({ prefix: m[1], reason: m[2] }));
}

describe("the README's commands, run as written", () => {
  const commands = readmeCommands(readme);
  const markers = longMarkers(readme);
  const longOf = (cmd: string) => markers.find((m) => cmd.startsWith(m.prefix));
  // run in a folder that mirrors the checkout through symlinks: what a command writes (out/) lands there, not here
  let mirror = "";
  beforeAll(() => {
    mirror = mkdtempSync(join(tmpdir(), "readme-commands-"));
    for (const name of readdirSync(repoRoot())) {
      if ([".git", "build", "out"].includes(name)) continue;
      symlinkSync(join(repoRoot(), name), join(mirror, name));
    }
  });
  afterAll(() => {
    if (mirror) rmSync(mirror, { recursive: true, force: true });
  });

  it("parses the code blocks: a command per line, continuations joined, comments dropped", () => {
    expect(readmeCommands("```sh\nnpx a b \\\n    --c 1   # {\"x\": 1}\n# only a comment\nnpm test # tests\n```\n")).toEqual(["npx a b --c 1", "npm test"]);
    expect(commands.length).toBeGreaterThanOrEqual(10);
    expect(commands).toContain("npx trade-patterns cluster data/examples/provinces_2017.csv --k 7 --features ftd,dtd,inflow_rate --scale minmax --method kmeans --restarts 1000 --seed 1 --json");
  });

  it("marks as long only commands it has, each with a reason", () => {
    for (const m of markers) {
      expect(commands.some((c) => c.startsWith(m.prefix)), `marker "${m.prefix}" matches no command`).toBe(true);
      expect(m.reason.length).toBeGreaterThan(10);
    }
  });

  it("the --params file of the reproduce example exists and plans (every notebook and parameter it names exists)", () => {
    const cmd = commands.find((c) => / --params /.test(c))!;
    const file = / --params (\S+)/.exec(cmd)![1];
    expect(() => plan(defaultNotebooks(), readParamsFile(join(repoRoot(), file)), file, {})).not.toThrow();
  });

  for (const cmd of readmeCommands(readme)) {
    const long = longOf(cmd);
    const opts = long ? skipUnless(false, `README command "${cmd}" is marked long: ${long.reason}`) : {};
    it(`${cmd}`, { ...opts, timeout: 150_000 }, () => {
      const r = spawnSync("bash", ["-c", cmd], { cwd: mirror, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: "true" } });
      expect(r.status, `exit ${r.status}${r.signal ? ` (${r.signal})` : ""}: ${r.stderr}`).toBe(0);
      expect(r.stdout.length + r.stderr.length, "printed nothing").toBeGreaterThan(0);
      if (/ --json\b/.test(cmd)) expect(() => JSON.parse(r.stdout), "--json prints JSON").not.toThrow();
      const out = / --out (\S+)/.exec(cmd)?.[1];
      if (out) expect(readdirSync(join(mirror, out)), `${out} holds the tables`).toContain("table1.csv");
    });
  }
});
