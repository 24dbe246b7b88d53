// What `npm run reproduce` may write and delete, its lock, partial runs, and stopping it with a signal: through the
// real tslab kernel where a kernel is involved (scripts/notebook/buildDir.ts, scripts/reproduce.ts).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LOCK, MARKER, acquireLock, checkOutDir, markFolder } from "../scripts/notebook/buildDir";
import { REPO, writeNotebook } from "../scripts/notebook/execute";
import { joinText, readNotebook, type Notebook } from "../scripts/notebook/ipynb";
import { reproduce } from "../scripts/reproduce";

const dirs: string[] = [];
function tmp(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function notebook(cells: { source: string; tags?: string[] }[]): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
    cells: [
      { cell_type: "markdown", source: "# Fixture", metadata: {} },
      ...cells.map((c) => ({ cell_type: "code" as const, source: c.source, metadata: c.tags ? { tags: c.tags } : {}, outputs: [], execution_count: null })),
    ],
  };
}

/** A folder of notebooks that reach lib/ through a symlink, as notebooks/ does (and lib/ its packages). */
function notebookDir(books: Record<string, Notebook>): string {
  const dir = tmp("tp-books-");
  symlinkSync(join(REPO, "lib"), join(dir, "lib"));
  symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
  for (const [name, nb] of Object.entries(books)) writeNotebook(join(dir, `${name}.ipynb`), nb);
  return dir;
}

/** The pid of a process that has exited (for stale locks). */
function deadPid(): number {
  const r = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(r.stdout);
}

const quiet = { log: () => undefined, progress: () => undefined };
const smoke = join(REPO, "test", "fixtures", "notebooks", "smoke.ipynb");

describe("reproduce deletes only what it made (no kernel needed: refused before one starts)", () => {
  it("refuses an --out holding anything else, naming it, and leaves it untouched (`--out .` in a checkout)", async () => {
    const out = tmp("tp-foreign-");
    writeFileSync(join(out, "README.md"), "mine");
    symlinkSync(join(REPO, "lib"), join(out, "lib"));
    mkdirSync(join(out, "notebooks"));
    writeFileSync(join(out, "notebooks", "other.ipynb"), "{}");
    const r = await reproduce({ notebooks: [smoke], out, ...quiet });
    expect(r.kind).toBe("usage");
    expect(r.message).toMatch(/holds README\.md, lib, which reproduce did not make.*choose another --out/);
    expect(readdirSync(out).sort()).toEqual(["README.md", "lib", "notebooks"]);
    expect(readFileSync(join(out, "notebooks", "other.ipynb"), "utf8")).toBe("{}");
    expect(readlinkSync(join(out, "lib"))).toBe(join(REPO, "lib"));
  });

  it("refuses an output folder it did not mark (it would replace it), however it looks", async () => {
    const out = tmp("tp-unmarked-");
    mkdirSync(join(out, "tables"));
    writeFileSync(join(out, "tables", "my-data.csv"), "a\n1\n");
    const r = await reproduce({ notebooks: [smoke], out, ...quiet });
    expect(r.kind).toBe("usage");
    expect(r.message).toMatch(/tables was not made by reproduce \(no \.made-by-reproduce file\) and would be replaced; move it elsewhere/);
    expect(readFileSync(join(out, "tables", "my-data.csv"), "utf8")).toBe("a\n1\n");
  });

  it("adopts the unmarked layout of earlier builds only where asked (the default build/), and nothing else", () => {
    const out = tmp("tp-legacy-");
    mkdirSync(join(out, "report", "assets"), { recursive: true });
    writeFileSync(join(out, "report", "index.html"), "");
    writeFileSync(join(out, "report", "assets", "plotly.min.js"), "");
    mkdirSync(join(out, "tables"));
    writeFileSync(join(out, "tables", "table1.csv"), "");
    expect(() => checkOutDir(out, { legacy: true, label: "build" })).not.toThrow();
    expect(() => checkOutDir(out, { legacy: false, label: "x" })).toThrow(/report, x\/tables were not made by reproduce/);
    writeFileSync(join(out, "tables", "notes.txt"), "");
    expect(() => checkOutDir(out, { legacy: true, label: "build" })).toThrow(/build\/tables was not made by reproduce/);
  });
});

describe("the lock", () => {
  it("a live run's lock is refused with its pid (exit 1), before anything is written", async () => {
    const out = tmp("tp-locked-");
    const other = spawn("sleep", ["60"]);
    try {
      writeFileSync(join(out, LOCK), JSON.stringify({ pid: other.pid, started: "2026-01-01T00:00:00.000Z" }) + "\n");
      const r = await reproduce({ notebooks: [smoke], out, ...quiet });
      expect(r.kind).toBe("failure");
      expect(r.message).toBe(
        `another reproduce (pid ${other.pid}, started 2026-01-01T00:00:00.000Z) is writing to this output folder (${join(out, LOCK)}); wait for it to finish, or stop it (kill ${other.pid}) and run again`,
      );
      expect(readdirSync(out)).toEqual([LOCK]);
    } finally {
      other.kill();
    }
  });

  it("a dead run's lock is recovered; the lock is released after use", () => {
    const out = tmp("tp-stale-");
    writeFileSync(join(out, LOCK), JSON.stringify({ pid: deadPid(), started: "then" }) + "\n");
    const release = acquireLock(out);
    expect(JSON.parse(readFileSync(join(out, LOCK), "utf8")).pid).toBe(process.pid);
    // a second run (another live pid) is refused while it is held
    expect(() => acquireLock(out, process.ppid)).toThrow(new RegExp(`another reproduce \\(pid ${process.pid}`));
    release();
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("a partial run updates only its own outputs (through the kernel)", () => {
  const books = notebookDir({
    a: notebook([
      { source: "const K: number = 1;", tags: ["parameters"] },
      { source: 'import { writeCsv } from "./lib/present/tables";\nwriteCsv("a", ["K"], [[K]]);\nconsole.log("a ran with", K);' },
    ]),
    b: notebook([{ source: 'import { writeCsv } from "./lib/present/tables";\nwriteCsv("b", ["x"], [["b"]]);' }]),
  });
  const out = tmp("tp-partial-");
  // a --params file whose name would end the injected cell's comment and run code if it were not escaped
  const params = join(tmp("tp-params-"), "p\nprocess.exit(3);\n.json");
  writeFileSync(params, JSON.stringify({ a: { K: 2 } }));

  it("first run: both notebooks, with the overrides of a --params file whose name holds newlines", async () => {
    let log = "";
    const r = await reproduce({ notebooks: [join(books, "a.ipynb"), join(books, "b.ipynb")], out, params, log: (s) => (log += s), progress: () => undefined });
    expect(r.message, log).toBeUndefined();
    expect(r.ok).toBe(true);
    const injected = readNotebook(join(out, "notebooks", "a.ipynb")).cells.find((c) => (c.metadata.tags ?? []).includes("injected-parameters"))!;
    expect(joinText(injected.source)).toBe('// injected by `npm run reproduce`: these values replace the defaults above\nconst K: number = 2; // from "p\\nprocess.exit(3);\\n.json"');
    expect(readFileSync(join(out, "tables", "a.csv"), "utf8")).toBe("K\n2\n");
    // a fresh build gets the tables of `trade-patterns tables` too
    expect(existsSync(join(out, "tables", "table1.csv"))).toBe(true);
  }, 300_000);

  it("second run of one notebook: its notebook, page, table and the index change; the other's outputs stay", async () => {
    const kept = ["notebooks/b.ipynb", "report/b.html", "tables/b.csv", "tables/table1.csv"].map((f) => [f, readFileSync(join(out, f), "utf8")] as const);
    // debris of a run killed with SIGKILL: its lock and its marked staging folder
    const dead = deadPid();
    writeFileSync(join(out, LOCK), JSON.stringify({ pid: dead, started: "then" }) + "\n");
    markFolder(join(out, `.staging-${dead}`, "notebooks"));
    writeFileSync(join(out, `.staging-${dead}`, MARKER), "");
    // and a failed copy of a from an earlier run
    markFolder(join(out, "failed"));
    writeFileSync(join(out, "failed", "a.ipynb"), "{}");
    let log = "";
    const r = await reproduce({ notebooks: [join(books, "a.ipynb")], out, log: (s) => (log += s), progress: () => undefined });
    expect(r.message, log).toBeUndefined();
    expect(r.note).toBe(`partial run: updated notebooks/a.ipynb, report/a.html, 1 table and report/index.html in ${out}; everything else there is unchanged`);
    expect(log).toContain("a partial run does not rerun `trade-patterns tables`");
    for (const [f, text] of kept) expect(readFileSync(join(out, f), "utf8"), f).toBe(text);
    expect(readFileSync(join(out, "tables", "a.csv"), "utf8")).toBe("K\n1\n");
    const index = readFileSync(join(out, "report", "index.html"), "utf8");
    expect(index).toContain('<a href="a.html">a</a>');
    expect(index).toContain('<a href="b.html">b</a>');
    expect(readdirSync(out).sort()).toEqual(["notebooks", "report", "tables"]);
  }, 300_000);
});

/** A process's command line, or "" if it has gone meanwhile. */
function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/** Processes (not zombies) whose environment holds `needle`: how the test finds the kernels of a run. */
function processesWithEnv(needle: string): number[] {
  const pids: number[] = [];
  for (const p of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      if (/^\d+ \(.*\) Z/.test(stat)) continue;
      if (readFileSync(`/proc/${p}/environ`, "utf8").includes(needle)) pids.push(Number(p));
    } catch {
      // gone, or not ours to read
    }
  }
  return pids;
}

describe.runIf(process.platform === "linux")("SIGINT and SIGTERM end the kernel's process group and clean staging (through the kernel)", () => {
  const books = notebookDir({
    slow: notebook([{ source: 'console.log("started");' }, { source: "await new Promise((r) => setTimeout(r, 600_000));" }]),
  });

  for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
    it(`${signal}: exit ${code}, no kernel left, no staging, no lock, nothing installed`, async () => {
      const out = join(tmp("tp-signal-"), "out");
      const child = spawn(process.execPath, [join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), join(REPO, "scripts", "reproduce.ts"), "--out", out, join(books, "slow.ipynb")], {
        cwd: REPO,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
      child.stdout.resume();
      const exited = new Promise<number | null>((done) => child.on("close", (c) => done(c)));
      // wait until the kernel runs the second cell (the progress line says so; or 20 s after the kernel is seen)
      const t0 = Date.now();
      let kernelSeen = 0;
      while (!/slow: cell 2 of 2 running/.test(stderr) && Date.now() - t0 < 240_000 && !(kernelSeen && Date.now() - kernelSeen > 20_000)) {
        if (!kernelSeen && processesWithEnv(`TP_TABLES_DIR=${out}/.staging-`).some((pid) => cmdline(pid).includes("tslab-kernel"))) kernelSeen = Date.now();
        await new Promise((r) => setTimeout(r, 250));
      }
      const kernels = processesWithEnv(`TP_TABLES_DIR=${out}/.staging-`);
      expect(kernels.length).toBeGreaterThan(0);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toMatch(new RegExp(`reproduce: interrupted: the kernel was ended and the staging folder removed`));
      expect(processesWithEnv(`TP_TABLES_DIR=${out}/.staging-`)).toEqual([]);
      expect(readdirSync(out)).toEqual([]);
    }, 300_000);
  }
});

/** A fresh tmpfs of `size` at a new folder, or null where mounting is not allowed (not root, a container). */
function mountTmpfs(size: string): string | null {
  const dir = mkdtempSync(join(tmpdir(), "tp-mnt-"));
  if (spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir]).status === 0) return dir;
  rmSync(dir, { recursive: true, force: true });
  return null;
}
const probe = mountTmpfs("16k");
if (probe) {
  spawnSync("umount", [probe]);
  rmSync(probe, { recursive: true, force: true });
}

describe.skipIf(probe === null)("a full device as --out (a small tmpfs; needs root and mount, skipped otherwise)", () => {
  it("ENOSPC: exit 1 with the cause in one line, the mount point left empty (no staging, no lock)", async () => {
    const mnt = mountTmpfs("48k")!;
    try {
      const r = await reproduce({ notebooks: [smoke], out: mnt, ...quiet });
      expect(r.kind).toBe("failure");
      expect(r.message).toMatch(/no space left on device \(ENOSPC\)/);
      expect(readdirSync(mnt)).toEqual([]);
    } finally {
      spawnSync("umount", [mnt]);
      rmSync(mnt, { recursive: true, force: true });
    }
  });
});

describe("reproduce's exit codes (the CLI): 2 and one line for bad usage or input, no stack trace", () => {
  function cli(...args: string[]) {
    const r = spawnSync(process.execPath, [join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), join(REPO, "scripts", "reproduce.ts"), ...args], { cwd: REPO, encoding: "utf8", timeout: 120_000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }
  const dir = tmp("tp-usage-");
  const file = join(dir, "a-file");
  writeFileSync(file, "x");
  const badParams = join(dir, "bad.json");
  writeFileSync(badParams, "{not json");
  const unknownParam = join(dir, "unknown.json");
  writeFileSync(unknownParam, JSON.stringify({ smoke: { NOPE: 1 } }));
  const cases: [string, string[], RegExp][] = [
    ["an unknown option", ["--bogus"], /^reproduce: Unknown option '--bogus' \(usage: npm run reproduce -- /],
    ["--out naming a file", ["--out", file, smoke], /^reproduce: --out .*a-file: exists and is not a directory$/],
    ["--out below a file", ["--out", join(file, "sub"), smoke], /^reproduce: --out .*a-file\/sub: .*a-file is not a directory$/],
    ["a --params file that is not JSON", ["--params", badParams, "--out", join(dir, "o1"), smoke], /^reproduce: --params .*bad\.json: /],
    ["a parameter the notebook does not declare", ["--params", unknownParam, "--out", join(dir, "o2"), smoke], /^reproduce: unknown\.json: notebook smoke has no parameter NOPE/],
    ["a notebook that does not exist", ["--out", join(dir, "o3"), join(dir, "nope.ipynb")], /^reproduce: .*nope\.ipynb: no such notebook$/],
    ["a bad --timeout", ["--timeout", "soon"], /^reproduce: --timeout must be a positive number of seconds \(got soon\)$/],
  ];
  it.each(cases)("%s", (_name, args, message) => {
    const r = cli(...args);
    expect(r.code, r.stderr).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*:\d+:\d+/);
    expect(existsSync(join(dir, "o1")) || existsSync(join(dir, "o2")) || existsSync(join(dir, "o3"))).toBe(false);
  }, 120_000);
});
