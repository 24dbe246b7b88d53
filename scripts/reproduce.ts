/**
 * `npm run reproduce`: execute every notebook in order, headless, each in a fresh tslab kernel, and build
 *   build/notebooks/<name>.ipynb   the executed notebooks (charts inline; open them in Jupyter)
 *   build/report/index.html        the paper's tables, sections and claims → notebook cell (notebooks/manifest.json)
 *   build/report/<name>.html       one page per notebook (works offline: plotly.js from build/report/assets/)
 *   build/tables/*.csv             `trade-patterns tables` plus every CSV the notebooks write (lib/present/tables.ts)
 *
 * Usage: npm run reproduce -- [--params params.json] [--out build] [--timeout 600] [--manifest FILE] [notebook.ipynb …]
 *   Without notebook arguments: notebooks/NN_*.ipynb in file-name order. Parameters: see scripts/notebook/params.ts
 *   (`--params` file keyed by notebook name, or TP_<NAME> environment variables).
 *
 * The output folder (scripts/notebook/buildDir.ts): reproduce writes only into folders it made itself (each holds a
 * marker file), refuses an --out that holds anything else (so `--out .` or `--out ~` delete nothing), and holds
 * <out>/.reproduce.lock while it runs, so two runs cannot mix their outputs.
 *
 * All or nothing: results are assembled in <out>/.staging-<pid> and installed only when every notebook ran:
 *   - a full run (no notebook arguments) replaces <out>/{notebooks,report,tables};
 *   - a partial run (notebook arguments) updates only its own outputs: its executed notebooks, their pages, the
 *     tables they write and the index (which lists every notebook the build holds); the rest of <out> stays, and
 *     the run says so. `trade-patterns tables` runs only if the build has no tables yet.
 * A failing cell stops the run with exit code 1 and a message naming the notebook and the cell; the partly executed
 * notebook is left in <out>/failed/ for inspection. SIGINT or SIGTERM ends the kernel's whole process group,
 * removes the staging folder and the lock, and exits 130 or 143; <out> is left as it was.
 *
 * Exit codes (README, "Exit codes"): 0 done; 2 bad input or usage (an unknown option, a missing notebook, a bad
 * --params file, an --out it must not write to), one line on stderr; 1 the run failed (a cell, Jupyter missing,
 * another run holding the lock, a full disk).
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { plotlyBundlePath } from "../lib/present/display";
import { printable, printableLines } from "../lib/core/printable";
import {
  MARKER,
  MARKER_TEXT,
  LockError,
  acquireLock,
  checkOutDir,
  isMarked,
  markFolder,
  removeStaleStaging,
} from "./notebook/buildDir";
import {
  Interrupted,
  JupyterError,
  JUPYTER_INSTALL_HINT,
  REPO,
  executeNotebook,
  findJupyterPython,
  formatCellError,
  killAllNow,
  writeNotebook,
  type CellStart,
  type ExecResult,
} from "./notebook/execute";
import { notebookName, readNotebook, withoutOutputs, type Notebook } from "./notebook/ipynb";
import { readManifest, resolveManifest, type ManifestEntry } from "./notebook/manifest";
import { envParams, injectParameters, notebookParameters, overridesFor, readParamsFile, type Override, type ParamsFile } from "./notebook/params";
import { PLOTLY_ASSET, notebookTitle, renderIndex, renderNotebookPage, type NotebookSummary } from "./notebook/report";

export const NOTEBOOKS_DIR = join(REPO, "notebooks");
export const REPORT_TITLE = "段庆林《中国各地区内外贸模式及其融入新发展格局研究》复现 / Reproduction report";
/** TP_* variables that configure the tooling, not notebook parameters. */
const TOOL_VARIABLES = new Set(["PYTHON", "TABLES_DIR", "NO_USER_KERNEL"]);

/** notebooks/NN_name.ipynb, in order. */
export function defaultNotebooks(dir = NOTEBOOKS_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /^\d+_.+\.ipynb$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

export interface ReproduceOptions {
  notebooks?: string[];
  out?: string;
  params?: string;
  manifest?: string;
  timeout?: number;
  env?: NodeJS.ProcessEnv;
  log?: (s: string) => void;
  /** progress lines while a notebook runs (default: stderr) */
  progress?: (s: string) => void;
  /** aborting it stops the run: the kernel is ended, staging removed, <out> left as it was */
  signal?: AbortSignal;
}

export interface NotebookRun {
  name: string;
  path: string;
  result: ExecResult;
  overrides: Override[];
}

export interface ReproduceResult {
  ok: boolean;
  /** what went wrong: bad input or usage (exit 2), a failure of the run (exit 1), or a signal */
  kind?: "usage" | "failure" | "interrupted";
  /** wall seconds of the whole run */
  seconds: number;
  runs: NotebookRun[];
  /** set when a notebook failed or nothing could run */
  message?: string;
  /** a partial run: what it updated (the rest of <out> is unchanged) */
  note?: string;
  out: string;
}

/**
 * A notebook's name becomes file names (<name>.ipynb, <name>.html) and links in the report: letters, digits, "_",
 * "." and "-" only, starting with a letter or digit, so no name can carry markup, a URL scheme or a path.
 */
export const NOTEBOOK_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;

/** Plan the run: which notebooks, with which overrides. Throws on any problem before a kernel starts. */
export function plan(paths: string[], paramsFile: ParamsFile | null, paramsName: string, env: NodeJS.ProcessEnv) {
  const names = new Set<string>();
  const tpEnv = envParams(env);
  for (const k of TOOL_VARIABLES) tpEnv.delete(k);
  const declared = new Set<string>();
  const planned = paths.map((path) => {
    const name = notebookName(path);
    if (!NOTEBOOK_NAME.test(name))
      throw new Error(`${path}: a notebook name may hold only letters, digits, "_", "." and "-" (it becomes a file name and a link in the report); rename it`);
    if (names.has(name)) throw new Error(`two notebooks are named ${name}`);
    names.add(name);
    const nb = readNotebook(path);
    const decls = notebookParameters(nb);
    decls.forEach((d) => declared.add(d.name));
    const overrides = overridesFor(name, decls, paramsFile, tpEnv, paramsName);
    return { name, path, nb: injectParameters(withoutOutputs(nb), name, overrides, decls), overrides };
  });
  for (const key of Object.keys(paramsFile ?? {})) {
    if (key === "*") {
      for (const p of Object.keys(paramsFile!["*"])) if (!declared.has(p)) throw new Error(`${paramsName}: no notebook has a parameter ${p} (under "*")`);
    } else if (!names.has(key)) {
      throw new Error(`${paramsName}: no notebook named ${key} in this run (have: ${[...names].join(", ")})`);
    }
  }
  const unused = [...tpEnv.keys()].filter((k) => ![...declared].some((d) => d.toUpperCase() === k));
  return { planned, unusedEnv: unused.map((k) => `TP_${k}`) };
}

function fmt(s: number): string {
  return `${s.toFixed(1)} s`;
}

/** Seconds between progress lines while a notebook runs. */
export const HEARTBEAT_SECONDS = 5;

/** The summaries of the notebooks a build holds, kept beside the report so a partial run can list them all. */
const RUNS_FILE = ".runs.json";

/** Cleanups for a forced stop (a second SIGINT): remove staging, release the lock. */
const forcedStopCleanups = new Set<() => void>();

/** Run `node args` without blocking (so a signal is handled at once), ended if `signal` aborts. */
function runNode(args: string[], signal?: AbortSignal): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: REPO, stdio: ["ignore", "pipe", "pipe"], signal });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
    child.on("error", () => undefined); // AbortError: reported by `close`
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

/** Files under dir (relative paths, "/"-separated), the marker excepted; index.html last so a reader never sees it point at missing pages. */
function filesUnder(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name === MARKER && prefix === "") continue;
    const rel = prefix ? `${prefix}/${name}` : name;
    if (lstatSync(join(dir, name)).isDirectory()) out.push(...filesUnder(join(dir, name), rel));
    else out.push(rel);
  }
  return out.sort((a, b) => Number(a === "index.html") - Number(b === "index.html"));
}

/** Full run: staging/<d> replaces out/<d> for each folder (the old one is moved into staging, removed with it). */
function replaceFolders(out: string, staging: string, folders: readonly string[]): void {
  for (const d of folders) {
    const target = join(out, d);
    const previous = join(staging, `previous-${d}`);
    const had = existsSync(target);
    if (had) renameSync(target, previous);
    try {
      renameSync(join(staging, d), target);
    } catch (e) {
      if (had) renameSync(previous, target);
      throw e;
    }
  }
}

/** Partial run: each file of staging/<d> replaces its namesake in out/<d>; nothing else there is touched. */
function updateFolders(out: string, staging: string, folders: readonly string[]): string[] {
  const updated: string[] = [];
  for (const d of folders) {
    const src = join(staging, d);
    const target = join(out, d);
    const files = filesUnder(src);
    if (!existsSync(target)) {
      renameSync(src, target);
    } else {
      // an adopted folder of an earlier version becomes marked: it is reproduce's now
      if (!isMarked(target)) writeFileSync(join(target, MARKER), MARKER_TEXT);
      for (const rel of files) {
        mkdirSync(dirname(join(target, rel)), { recursive: true });
        renameSync(join(src, rel), join(target, rel));
      }
    }
    updated.push(...files.map((f) => `${d}/${f}`));
  }
  return updated;
}

/** What an earlier run left in <out>: its notebook summaries (with their executed notebooks) and its tables. */
function previousBuild(out: string): { summaries: NotebookSummary[]; executed: Map<string, Notebook>; tables: string[] } {
  const summaries: NotebookSummary[] = [];
  const executed = new Map<string, Notebook>();
  const nbDir = join(out, "notebooks");
  let recorded: Record<string, NotebookSummary> = {};
  try {
    recorded = JSON.parse(readFileSync(join(out, "report", RUNS_FILE), "utf8"));
  } catch {
    // none yet (an earlier version wrote none): summaries come from the executed notebooks alone
  }
  if (existsSync(nbDir)) {
    for (const f of readdirSync(nbDir).filter((f) => f.endsWith(".ipynb")).sort()) {
      const name = notebookName(f);
      if (!NOTEBOOK_NAME.test(name)) continue;
      let nb: Notebook;
      try {
        nb = readNotebook(join(nbDir, f));
      } catch {
        continue; // unreadable: not listed
      }
      executed.set(name, nb);
      const r = recorded[name];
      summaries.push(
        r && typeof r.seconds === "number"
          ? { ...r, name, cells: nb.cells.length }
          : { name, title: notebookTitle(nb, name), cells: nb.cells.length, seconds: 0, overrides: ["(an earlier run: time and overrides not recorded)"] },
      );
    }
  }
  const tablesDir = join(out, "tables");
  const tables = existsSync(tablesDir) ? readdirSync(tablesDir).filter((f) => f.endsWith(".csv")) : [];
  return { summaries, executed, tables };
}

const shownPath = (p: string) => (relative(process.cwd(), p).startsWith("..") ? p : relative(process.cwd(), p) || ".");

/** Run everything; never throws for a notebook failure (see `ok`, `kind` and `message`). */
export async function reproduce(opts: ReproduceOptions = {}): Promise<ReproduceResult> {
  const t0 = performance.now();
  const log = opts.log ?? ((s: string) => process.stdout.write(s));
  const progress = opts.progress ?? ((s: string) => process.stderr.write(s));
  const out = resolve(opts.out ?? join(REPO, "build"));
  const defaultOut = out === resolve(REPO, "build");
  const env = opts.env ?? process.env;
  const seconds = () => (performance.now() - t0) / 1000;
  const partial = opts.notebooks !== undefined && opts.notebooks.length > 0;
  const paths = partial ? opts.notebooks!.map((p) => resolve(p)) : defaultNotebooks();
  const result = (kind: ReproduceResult["kind"], message: string, runs: NotebookRun[] = []): ReproduceResult => ({ ok: false, kind, seconds: seconds(), runs, message, out });
  const usage = (message: string) => result("usage", message);
  const fail = (message: string, runs: NotebookRun[] = []) => result("failure", message, runs);
  const interrupted = (runs: NotebookRun[] = []) => result("interrupted", `interrupted: the kernel was ended and the staging folder removed; ${shownPath(out)} is as it was`, runs);

  if (paths.length === 0) return usage(`no notebooks to run: expected notebooks/NN_name.ipynb (e.g. notebooks/00_data.ipynb)`);
  for (const p of paths) if (!existsSync(p)) return usage(`${p}: no such notebook`);

  let planned: ReturnType<typeof plan>["planned"];
  let entries: ManifestEntry[];
  let paramsFile: ParamsFile | null;
  try {
    paramsFile = opts.params ? readParamsFile(opts.params) : null;
    const p = plan(paths, paramsFile, opts.params ? basename(opts.params) : "--params", env);
    planned = p.planned;
    if (p.unusedEnv.length) log(`reproduce: note: no notebook in this run has a parameter for ${p.unusedEnv.join(", ")}\n`);
    if (opts.manifest && !existsSync(opts.manifest)) throw new Error(`--manifest ${opts.manifest}: no such file`);
    entries = readManifest(opts.manifest ?? join(NOTEBOOKS_DIR, "manifest.json"));
    // every entry of the notebooks in this run must name a cell they have: checked before any kernel starts
    resolveManifest(entries, new Map(planned.map((x) => [x.name, x.nb])), partial);
  } catch (e) {
    return usage((e as Error).message);
  }
  // the output folder: nothing in it that reproduce did not make; then the lock
  const label = shownPath(out);
  try {
    checkOutDir(out, { legacy: defaultOut, label });
  } catch (e) {
    return usage((e as Error).message);
  }
  if (!findJupyterPython(env)) return fail(JUPYTER_INSTALL_HINT);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    return usage(`--out ${label}: cannot create it (${(e as NodeJS.ErrnoException).code ?? e})`);
  }
  let release: () => void;
  try {
    release = acquireLock(out);
  } catch (e) {
    return e instanceof LockError ? fail(e.message) : fail(`cannot take the lock in ${label}: ${(e as Error).message}`);
  }
  const staging = join(out, `.staging-${process.pid}`);
  const cleanup = () => {
    rmSync(staging, { recursive: true, force: true });
    release();
  };
  forcedStopCleanups.add(cleanup);
  try {
    // under the lock, the outputs are as checkOutDir saw them; clear what killed runs left behind
    checkOutDir(out, { legacy: defaultOut, label });
    removeStaleStaging(out, { legacy: defaultOut });
    markFolder(staging);
    for (const d of ["notebooks", "report", "tables"]) markFolder(join(staging, d));
    mkdirSync(join(staging, "report", "assets"));

    // a partial run leaves the tables of `trade-patterns tables` alone, unless the build has none yet
    if (partial && existsSync(join(out, "tables"))) {
      log(`reproduce: tables: a partial run does not rerun \`trade-patterns tables\` (a full run does)\n`);
    } else {
      // tables computed by the library, before the notebooks (fast, and a data problem shows up first)
      const cli = join(REPO, "bin", "trade-patterns.js");
      if (existsSync(cli)) {
        // the same data edition as the notebooks when it is overridden for all of them
        const edition = env.TP_EDITION ?? paramsFile?.["*"]?.EDITION;
        const args = [cli, "tables", "--out", join(staging, "tables"), ...(edition !== undefined ? ["--edition", String(edition)] : [])];
        const r = await runNode(args, opts.signal);
        if (opts.signal?.aborted) return interrupted();
        if (r.status !== 0) {
          const message = `trade-patterns ${args.slice(1).join(" ")} failed (exit ${r.status}):\n${(r.stderr || r.stdout).trim()}`;
          return r.status === 2 ? usage(message) : fail(message);
        }
        log(`reproduce: tables: ${(r.stderr || "").trim().split(join(staging, "tables")).join(join(out, "tables")) || "trade-patterns tables done"}\n`);
      } else {
        log(`reproduce: tables: bin/trade-patterns.js not found, skipping \`trade-patterns tables\`\n`);
      }
    }

    const runs: NotebookRun[] = [];
    const executed = new Map<string, Notebook>();
    for (const [i, p] of planned.entries()) {
      const shown = relative(REPO, p.path) || p.path;
      const params = p.overrides.length ? ` [${p.overrides.map((o) => `${o.name}=${JSON.stringify(o.value)}`).join(", ")}]` : "";
      log(`reproduce: [${i + 1}/${planned.length}] ${shown}${params} … `);
      const file = join(staging, "notebooks", `${p.name}.ipynb`);
      writeNotebook(file, p.nb);
      let result: ExecResult;
      // a line every few seconds while the notebook runs, on stderr (stdout carries the log)
      const started = performance.now();
      let cell: CellStart | null = null;
      let cellStarted = started;
      const heartbeat = setInterval(() => {
        const total = fmt((performance.now() - started) / 1000);
        progress(
          cell
            ? `reproduce:   ${p.name}: cell ${cell.number} of ${cell.of} running for ${fmt((performance.now() - cellStarted) / 1000)} (${total} in this notebook)\n`
            : `reproduce:   ${p.name}: starting the kernel (${total})\n`,
        );
      }, HEARTBEAT_SECONDS * 1000);
      try {
        result = await executeNotebook(file, file, {
          cwd: dirname(p.path),
          timeout: opts.timeout,
          env: { TP_TABLES_DIR: join(staging, "tables") },
          signal: opts.signal,
          onCell: (c) => {
            cell = c;
            cellStarted = performance.now();
          },
        });
      } catch (e) {
        log("\n");
        if (e instanceof Interrupted) return interrupted(runs);
        return fail(e instanceof JupyterError ? e.message : `${shown}: ${(e as Error).stack ?? e}`, runs);
      } finally {
        clearInterval(heartbeat);
      }
      runs.push({ name: p.name, path: p.path, result, overrides: p.overrides });
      if (!result.ok) {
        log(`FAILED after ${fmt(result.seconds)}\n`);
        if (!existsSync(join(out, "failed"))) markFolder(join(out, "failed"));
        const kept = join(out, "failed", `${p.name}.ipynb`);
        // through a temporary name in the same folder: a full disk leaves no half-copied notebook
        copyFileSync(file, `${kept}.tmp-${process.pid}`);
        renameSync(`${kept}.tmp-${process.pid}`, kept);
        return fail(`${formatCellError(shown, result.error!)}\n  partly executed notebook: ${shownPath(kept)}`, runs);
      }
      const cells = result.cells.length;
      log(`ok, ${cells} code cells in ${fmt(result.seconds)} (kernel start ${fmt(result.kernelStart ?? 0)})\n`);
      executed.set(p.name, readNotebook(file));
      if (opts.signal?.aborted) return interrupted(runs);
    }

    // the notebooks of the report: this run's, and in a partial run also those the build already holds
    const previous = partial ? previousBuild(out) : { summaries: [], executed: new Map<string, Notebook>(), tables: [] as string[] };
    const summaries = new Map<string, NotebookSummary>(previous.summaries.filter((s) => !executed.has(s.name)).map((s) => [s.name, s]));
    const titles = new Map([...executed].map(([name, nb]) => [name, notebookTitle(nb, name)]));
    for (const r of runs)
      summaries.set(r.name, {
        name: r.name,
        title: titles.get(r.name)!,
        cells: executed.get(r.name)!.cells.length,
        seconds: r.result.seconds,
        overrides: r.overrides.map((o) => `${o.name} = ${JSON.stringify(o.value)} (${o.source})`),
      });
    const order = partial ? [...summaries.keys()].sort() : runs.map((r) => r.name);
    const all = new Map<string, Notebook>([...previous.executed, ...executed]);
    const resolved = resolveManifest(entries, all, partial);
    copyFileSync(plotlyBundlePath(), join(staging, "report", PLOTLY_ASSET));
    const href = (name: string, ext: string) => `${encodeURIComponent(name)}.${ext}`;
    for (const name of executed.keys()) {
      const k = order.indexOf(name);
      const link = (j: number) => (j >= 0 && j < order.length ? { href: href(order[j], "html"), title: summaries.get(order[j])!.title } : undefined);
      const html = renderNotebookPage(executed.get(name)!, name, { index: "index.html", prev: link(k - 1), next: link(k + 1), ipynb: `../notebooks/${href(name, "ipynb")}` });
      writeFileSync(join(staging, "report", `${name}.html`), html);
    }
    // table names become links: only plain file names (a notebook could write any name into TP_TABLES_DIR)
    const safeTable = (f: string) => f.endsWith(".csv") && NOTEBOOK_NAME.test(f);
    const written = readdirSync(join(staging, "tables")).filter((f) => f.endsWith(".csv"));
    const unsafe = written.filter((f) => !safeTable(f));
    if (unsafe.length) return fail(`a notebook wrote tables whose names cannot be links: ${unsafe.map((f) => JSON.stringify(f)).join(", ")} (use lib/present/tables.ts writeCsv)`, runs);
    const tables = [...new Set([...previous.tables.filter(safeTable), ...written])].sort();
    const listed = order.map((n) => summaries.get(n)!);
    writeFileSync(join(staging, "report", "index.html"), renderIndex({ title: REPORT_TITLE, notebooks: listed, entries: resolved, tables }));
    writeFileSync(join(staging, "report", RUNS_FILE), JSON.stringify(Object.fromEntries(listed.map((s) => [s.name, s])), null, 1) + "\n");
    if (opts.signal?.aborted) return interrupted(runs);

    // all succeeded: install
    if (!partial) {
      replaceFolders(out, staging, ["notebooks", "report", "tables"]);
      rmSync(join(out, "failed"), { recursive: true, force: true }); // reproduce's (checkOutDir saw to that)
      return { ok: true, seconds: seconds(), runs, out };
    }
    const updated = updateFolders(out, staging, ["notebooks", "tables", "report"]);
    const failed = join(out, "failed");
    for (const name of executed.keys()) rmSync(join(failed, `${name}.ipynb`), { force: true });
    if (existsSync(failed) && readdirSync(failed).every((f) => f === MARKER)) rmSync(failed, { recursive: true, force: true });
    const nTables = updated.filter((f) => f.startsWith("tables/")).length;
    const note =
      `partial run: updated ${[...executed.keys()].map((n) => `notebooks/${n}.ipynb, report/${n}.html`).join(", ")}, ` +
      `${nTables} table${nTables === 1 ? "" : "s"} and report/index.html in ${label}; everything else there is unchanged`;
    return { ok: true, seconds: seconds(), runs, out, note };
  } catch (e) {
    return fail((e as Error).message);
  } finally {
    cleanup();
    forcedStopCleanups.delete(cleanup);
  }
}

const USAGE = "usage: npm run reproduce -- [--params params.json] [--out build] [--timeout SECONDS] [--manifest FILE] [notebook.ipynb …]";

/** The exit code of a result (README, "Exit codes"). */
export function exitCode(r: ReproduceResult, signal: NodeJS.Signals | null = null): number {
  if (r.ok) return 0;
  if (r.kind === "interrupted") return signal === "SIGTERM" ? 143 : 130;
  return r.kind === "usage" ? 2 : 1;
}

async function main(): Promise<number> {
  let values: { params?: string; out?: string; manifest?: string; timeout?: string; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: {
        params: { type: "string" },
        out: { type: "string" },
        manifest: { type: "string" },
        timeout: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    }));
  } catch (e) {
    // node's message goes on about "--" after its first sentence: keep that sentence, then the usage
    console.error(`reproduce: ${printable((e as Error).message.split(/\.\s|\n/)[0])} (${USAGE})`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) {
    console.error(`reproduce: --timeout must be a positive number of seconds (got ${printable(String(values.timeout))})`);
    return 2;
  }
  // SIGINT/SIGTERM: stop the kernel, remove staging and the lock, leave <out> as it was. A second one stops at once.
  const controller = new AbortController();
  let received: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (received === null) {
      received = sig;
      process.stderr.write(`\nreproduce: ${sig}: stopping the kernel and cleaning up (${sig === "SIGINT" ? "Ctrl-C" : "SIGTERM"} again to stop at once)\n`);
      controller.abort();
      return;
    }
    killAllNow();
    for (const c of forcedStopCleanups) c();
    process.exit(received === "SIGTERM" ? 143 : 130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const r = await reproduce({ notebooks: positionals, out: values.out, params: values.params, manifest: values.manifest, timeout, signal: controller.signal });
  if (!r.ok) {
    // one line for bad input or usage; a failing cell's report may take several (its error text), never raw control characters
    console.error(`reproduce: ${r.kind === "usage" ? printable(r.message!) : printableLines(r.message!)}`);
    return exitCode(r, received);
  }
  const index = join(r.out, "report", "index.html");
  if (r.note) console.log(`reproduce: ${printable(r.note)}`);
  console.log(`reproduce: ${r.runs.length} notebooks ok in ${fmt(r.seconds)} → ${printable(shownPath(index))}`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      // a bug: one line (the stack with TP_DEBUG=1)
      if (process.env.TP_DEBUG) console.error((e as Error).stack ?? e);
      console.error(`reproduce: ${printable(String((e as Error).message ?? e).split("\n")[0])}`);
      process.exitCode = 1;
    },
  );
}
