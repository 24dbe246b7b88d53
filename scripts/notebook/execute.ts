/**
 * Running one notebook headless through the tslab kernel: Jupyter's nbclient (Python) drives the kernel cell by
 * cell (scripts/notebook/nbexec.py); this module finds a Python that has it, passes the environment that selects
 * this checkout's kernel, and turns the result into "notebook X failed at cell N".
 *
 * How a failure is detected: tslab answers a failed cell with `status: error` but no error name or traceback;
 * the message (a stack trace, or TypeScript's "line:col - message") goes to the cell's stderr stream. nbexec stops
 * at that reply; in addition the outputs are scanned for the text tslab prints for errors that surface after a
 * cell has returned (an unawaited promise that rejects, a throw in a timer), which reply `ok`.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { delimiter, dirname, join, resolve } from "node:path";
import { firstLine, joinText, readNotebook, type Notebook } from "./ipynb";

export const REPO = resolve(__dirname, "..", "..");
export const KERNEL_NAME = "tslab";
export const LOCAL_JUPYTER_DATA = join(REPO, ".jupyter", "share", "jupyter");
export const LOCAL_JUPYTER_RUNTIME = join(REPO, ".jupyter", "runtime");
const NBEXEC = join(__dirname, "nbexec.py");

/** What to install when Jupyter is missing, word for word. */
export const JUPYTER_INSTALL_HINT = [
  "Jupyter's notebook runner (Python packages nbclient, nbformat, jupyter_client) was not found.",
  "Install it with one of:",
  "  Debian/Ubuntu (as root): apt-get install -y --no-install-recommends python3-nbclient",
  "  any Python 3 with pip:   python3 -m pip install nbclient",
  "or run `bash scripts/setup.sh`, which does this for you. If it is installed for another Python, set TP_PYTHON to it.",
].join("\n");

function pythonCandidates(env: NodeJS.ProcessEnv): string[] {
  const out: string[] = [];
  if (env.TP_PYTHON) out.push(env.TP_PYTHON);
  // the interpreter of the `jupyter` command on PATH, which may differ from `python3` (pyenv, venvs, Debian)
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    const jupyter = join(dir, "jupyter");
    if (!dir || !existsSync(jupyter)) continue;
    try {
      const shebang = readFileSync(jupyter, "utf8").slice(0, 200).split("\n")[0];
      const m = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(shebang);
      if (m) out.push(m[1].endsWith("/env") && m[2] ? m[2] : m[1]);
    } catch {
      // not readable: skip
    }
    break;
  }
  out.push("python3", "/usr/bin/python3", "python");
  return [...new Set(out)];
}

let cachedPython: string | null | undefined;

/** A Python interpreter that can import nbclient, or null. */
export function findJupyterPython(env: NodeJS.ProcessEnv = process.env): string | null {
  if (cachedPython !== undefined) return cachedPython;
  for (const py of pythonCandidates(env)) {
    const r = spawnSync(py, ["-c", "import nbclient, nbformat, jupyter_client"], { stdio: "ignore", timeout: 30_000 });
    if (r.status === 0) return (cachedPython = py);
  }
  return (cachedPython = null);
}

/** The environment for Jupyter and the kernel: this checkout's kernelspec first on JUPYTER_PATH. */
export function jupyterEnv(extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const path = [LOCAL_JUPYTER_DATA, ...(base.JUPYTER_PATH ? base.JUPYTER_PATH.split(delimiter) : [])].join(delimiter);
  return {
    ...base,
    JUPYTER_PATH: path,
    JUPYTER_RUNTIME_DIR: LOCAL_JUPYTER_RUNTIME,
    // silences a debugpy warning printed by Debian's Python 3.11 on every Jupyter start
    PYDEVD_DISABLE_FILE_VALIDATION: "1",
    ...extra,
  };
}

/** Write .jupyter/share/jupyter/kernels/tslab/kernel.json if it is missing or belongs to another checkout. */
export function ensureKernelSpec(): void {
  const file = join(LOCAL_JUPYTER_DATA, "kernels", KERNEL_NAME, "kernel.json");
  try {
    const spec = JSON.parse(readFileSync(file, "utf8"));
    if (spec?.metadata?.checkout === REPO && existsSync(spec.argv?.[0]) && existsSync(spec.argv?.[1])) return;
  } catch {
    // missing or unreadable: write it
  }
  const r = spawnSync(process.execPath, [join(REPO, "scripts", "register-kernel.mjs")], {
    env: { ...process.env, TP_NO_USER_KERNEL: "1" },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`could not register the tslab kernel: ${r.stderr || r.stdout}`);
}

export interface CellError {
  /** 0-based index in the executed notebook */
  index: number;
  /** 1-based position among all cells, as a reader counts them */
  number: number;
  /** the In [n] number the executed notebook shows */
  executionCount: number | null;
  firstLine: string;
  injected: boolean;
  reason: string;
  /** the cell's stderr text (tslab's error message) */
  stderr: string;
}

export interface ExecResult {
  ok: boolean;
  /** seconds from starting the kernel to its first reply */
  kernelStart: number | null;
  /** wall seconds of the whole execution, Python start to exit */
  seconds: number;
  cells: { index: number; seconds: number }[];
  error: CellError | null;
  /** the executed notebook (partial when a cell failed) */
  output: string;
}

/** Text tslab prints for errors that reach it after a cell returned (those cells reply "ok"). */
export const ASYNC_ERROR_MARKERS = [/^UncaughtException:/m, /^UnhandledPromiseRejection:/m];

export function stderrText(nb: Notebook, index: number): string {
  return (nb.cells[index]?.outputs ?? [])
    .filter((o) => o.output_type === "stream" && o.name === "stderr")
    .map((o) => joinText(o.text))
    .join("");
}

function describe(nb: Notebook, index: number, reason: string): CellError {
  const cell = nb.cells[index];
  return {
    index,
    number: index + 1,
    executionCount: typeof cell.execution_count === "number" ? cell.execution_count : null,
    firstLine: firstLine(cell),
    injected: (cell.metadata.tags ?? []).includes("injected-parameters"),
    reason,
    stderr: stderrText(nb, index),
  };
}

/** The first cell whose outputs show an error: an `error` output, or tslab's text for an asynchronous error. */
export function findErrorInOutputs(nb: Notebook): CellError | null {
  for (let i = 0; i < nb.cells.length; i++) {
    const outs = nb.cells[i].outputs ?? [];
    if (outs.some((o) => o.output_type === "error")) return describe(nb, i, "the cell produced an error output");
    const err = stderrText(nb, i);
    if (ASYNC_ERROR_MARKERS.some((m) => m.test(err))) return describe(nb, i, "an asynchronous error was reported while this cell ran");
  }
  return null;
}

/** One line naming the notebook and cell, then the cell's error text. */
export function formatCellError(notebookPath: string, e: CellError, maxLines = 20): string {
  const where = e.injected
    ? `the injected-parameters cell (cell ${e.number}: your overrides)`
    : `cell ${e.number}${e.executionCount !== null ? ` (In [${e.executionCount}])` : ""}`;
  // tslab's own stack frames say nothing about the notebook: keep the cell's (evalmachine) and library frames
  const lines = e.stderr
    .trimEnd()
    .split("\n")
    .filter((l) => !/^\s+at .*(node_modules[\\/]tslab[\\/]|\(node:|node:vm|sigintHandlersWrap)/.test(l));
  const shown = lines.slice(0, maxLines).map((l) => "    " + l);
  if (lines.length > maxLines) shown.push(`    … ${lines.length - maxLines} more lines`);
  return [`${notebookPath}: ${where} failed: ${e.reason}`, `  first line: ${e.firstLine}`, ...(e.stderr ? shown : [])].join("\n");
}

/** The code cell the kernel is about to run (nbexec reports each one as it starts). */
export interface CellStart {
  /** 0-based index in the notebook */
  index: number;
  /** 1-based among the code cells */
  number: number;
  /** code cells in the notebook */
  of: number;
}

export interface ExecOptions {
  /** the kernel's working directory: the notebook's own folder, so `./lib/...` imports resolve */
  cwd: string;
  /** per-cell limit, seconds */
  timeout?: number;
  /** extra environment for the kernel (e.g. TP_TABLES_DIR) */
  env?: NodeJS.ProcessEnv;
  kernelStartOnly?: boolean;
  /** aborting it stops the run: the kernel's whole process group and the runner are ended (Interrupted) */
  signal?: AbortSignal;
  /** called as each code cell starts */
  onCell?: (cell: CellStart) => void;
}

/** Raised when Jupyter or the kernel could not run at all (not a cell error). */
export class JupyterError extends Error {}

/** Raised when ExecOptions.signal stopped the run; the kernel and the runner are gone when it is thrown. */
export class Interrupted extends Error {
  constructor() {
    super("interrupted");
    this.name = "Interrupted";
  }
}

/** Seconds a process group gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 3000;

/** Send `signal` to process group `pgid`; false if no such group is left. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to each group, then SIGKILL to those still there after the grace period. */
async function endGroups(pgids: number[]): Promise<void> {
  const alive = pgids.filter((g) => signalGroup(g, "SIGTERM"));
  const deadline = Date.now() + KILL_GRACE_MS;
  while (alive.some((g) => signalGroup(g, 0)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  for (const g of alive) signalGroup(g, "SIGKILL");
}

/** Process groups to end if this process must stop at once (a second Ctrl-C): see killAllNow. */
const runningGroups = new Set<number>();

/** SIGKILL every kernel and runner this process started and has not yet seen end (synchronous; last resort). */
export function killAllNow(): void {
  for (const g of runningGroups) signalGroup(g, "SIGKILL");
  runningGroups.clear();
}

/**
 * Execute `input` (a notebook file) into `output`; resolves with where it failed, if it did.
 * A fresh kernel each time; nothing else in the environment is shared between notebooks.
 *
 * The runner (Python) is started in a process group of its own, and reports the kernel's process group (the
 * kernel has a session of its own: jupyter_client starts it so). On abort, and if the runner exits leaving its
 * kernel alive, both groups get SIGTERM, then SIGKILL after 3 s: no kernel outlives the run.
 */
export async function executeNotebook(input: string, output: string, opts: ExecOptions): Promise<ExecResult> {
  const python = findJupyterPython();
  if (!python) throw new JupyterError(JUPYTER_INSTALL_HINT);
  if (opts.signal?.aborted) throw new Interrupted();
  ensureKernelSpec();
  mkdirSync(LOCAL_JUPYTER_RUNTIME, { recursive: true });
  mkdirSync(dirname(output), { recursive: true });
  const args = [NBEXEC, input, output, "--cwd", opts.cwd, "--kernel", KERNEL_NAME, "--timeout", String(opts.timeout ?? 600)];
  if (opts.kernelStartOnly) args.push("--kernel-start-only");
  const t0 = performance.now();
  let kernelGroup: number | null = null;
  let aborted = false;
  const { code, stdout, stderr } = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(python, args, { env: jupyterEnv(opts.env), stdio: ["ignore", "pipe", "pipe"], detached: true });
    const groups = () => [child.pid, kernelGroup].filter((g): g is number => typeof g === "number");
    if (child.pid) runningGroups.add(child.pid);
    let out = "";
    let pending = "";
    let err = "";
    const onAbort = () => {
      aborted = true;
      void endGroups(groups());
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      pending += s;
      let nl: number;
      while ((nl = pending.indexOf("\n")) >= 0) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        let event: { kernel?: { pid: number; pgid: number | null }; cell?: CellStart };
        try {
          event = JSON.parse(line);
        } catch {
          continue;
        }
        if (event?.kernel) {
          kernelGroup = event.kernel.pgid ?? event.kernel.pid;
          runningGroups.add(kernelGroup);
          if (aborted) void endGroups([kernelGroup]);
        }
        if (event?.cell) opts.onCell?.(event.cell);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
    child.on("error", fail);
    child.on("close", (c) => {
      opts.signal?.removeEventListener("abort", onAbort);
      // a runner that exited (or was killed) without shutting its kernel down must not leave it running
      const left = groups().filter((g) => signalGroup(g, 0));
      const finish = () => {
        for (const g of groups()) runningGroups.delete(g);
        done({ code: c, stdout: out, stderr: err });
      };
      if (left.length) endGroups(left).then(finish, finish);
      else finish();
    });
  });
  if (aborted) throw new Interrupted();
  const seconds = (performance.now() - t0) / 1000;
  const last = stdout.trim().split("\n").pop() ?? "";
  let report: { ok: boolean; kernel_start: number | null; cells: { index: number; seconds: number }[]; error: { index: number; reason: string } | null };
  try {
    report = JSON.parse(last);
  } catch {
    throw new JupyterError(`running ${input} through Jupyter failed (exit ${code}):\n${stderr.trim() || stdout.trim()}`);
  }
  if (opts.kernelStartOnly) return { ok: true, kernelStart: report.kernel_start, seconds, cells: [], error: null, output };
  const nb = readNotebook(output);
  const error = report.error ? describe(nb, report.error.index, report.error.reason) : findErrorInOutputs(nb);
  return { ok: error === null, kernelStart: report.kernel_start, seconds, cells: report.cells, error, output };
}

/** Write a notebook as Jupyter does (one-space indent, trailing newline). */
export function writeNotebook(file: string, nb: Notebook): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(nb, null, 1) + "\n");
}
