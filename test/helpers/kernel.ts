/**
 * A live tslab kernel for tests that drive it cell by cell while doing other things (writing files) in between or
 * at the same time: Python's jupyter_client starts this checkout's kernelspec exactly as Jupyter does
 * (test/helpers/kernel_bridge.py), and this side sends one cell at a time and reads back its reply and streams.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { JUPYTER_INSTALL_HINT, KERNEL_NAME, ensureKernelSpec, findJupyterPython, jupyterEnv } from "../../scripts/notebook/execute";

const BRIDGE = join(__dirname, "kernel_bridge.py");

/** Stream output that arrived while no cell of ours was running (parent: the id of the cell it belongs to). */
export interface LateOutput {
  parent: number | null;
  name: "stdout" | "stderr";
  text: string;
}

export interface CellReply {
  id: number;
  /** the execute_reply status; "timeout" when no reply came within the bridge's per-cell limit */
  status: "ok" | "error" | "abort" | "timeout";
  /** the kernel reported the cell done (status idle) within the limit; output can only be complete then */
  idle: boolean;
  stdout: string;
  stderr: string;
  /** output received since the previous reply that belongs to no running cell */
  late: LateOutput[];
  seconds: number;
}

export class KernelSession {
  private next = 0;
  private waiting: ((line: string) => void)[] = [];
  private lines: string[] = [];
  private stderrText = "";
  private exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  private constructor(private child: ChildProcessByStdio<Writable, Readable, Readable>) {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const w = this.waiting.shift();
      if (w) w(line);
      else this.lines.push(line);
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => (this.stderrText += s));
    this.exited = new Promise((done) => child.on("close", (code) => done(code)));
    // a bridge that dies answers no more lines: fail whoever waits, with what it said
    this.exited.then((code) => {
      this.exitCode = code;
      for (const w of this.waiting.splice(0)) w(JSON.stringify({ bridgeExited: code }));
    });
  }

  /** Start a kernel in `cwd` (the notebook's folder); resolves once it answers, with its start time in seconds. */
  static async start(cwd: string, opts: { env?: NodeJS.ProcessEnv; timeoutSeconds?: number } = {}): Promise<{ kernel: KernelSession; ready: number }> {
    const python = findJupyterPython();
    if (!python) throw new Error(JUPYTER_INSTALL_HINT);
    ensureKernelSpec();
    const child = spawn(python, [BRIDGE, "--cwd", cwd, "--kernel", KERNEL_NAME, "--timeout", String(opts.timeoutSeconds ?? 60)], {
      env: jupyterEnv(opts.env),
      stdio: ["pipe", "pipe", "pipe"],
    });
    const kernel = new KernelSession(child);
    const first = JSON.parse(await kernel.line());
    if (typeof first.ready !== "number") {
      await kernel.kill();
      throw new Error(`the tslab kernel did not start: ${kernel.stderrText || JSON.stringify(first)}`);
    }
    return { kernel, ready: first.ready };
  }

  /** What the bridge and the kernel process wrote to their own stderr (not a cell's). */
  get processStderr(): string {
    return this.stderrText;
  }

  private line(): Promise<string> {
    const l = this.lines.shift();
    if (l !== undefined) return Promise.resolve(l);
    if (this.exitCode !== undefined) return Promise.resolve(JSON.stringify({ bridgeExited: this.exitCode }));
    return new Promise((done) => this.waiting.push(done));
  }

  private send(obj: unknown): void {
    this.child.stdin.write(JSON.stringify(obj) + "\n");
  }

  /** Send one cell; the promise resolves with its reply. Send the next only after this one resolved. */
  execute(code: string): Promise<CellReply> {
    const id = this.next++;
    this.send({ id, code });
    return this.line().then((l) => {
      const r = JSON.parse(l);
      if (r.id !== id) throw new Error(`kernel bridge: expected the reply to cell ${id}, got ${l}\n${this.stderrText}`);
      return r as CellReply;
    });
  }

  /** Collect output for `drainSeconds` more, shut the kernel down; resolves with the output no cell claimed. */
  async close(drainSeconds = 0): Promise<LateOutput[]> {
    this.send({ close: true, drain: drainSeconds });
    const r = JSON.parse(await this.line());
    await this.exited;
    return r.late ?? [];
  }

  /** Stop the bridge (it shuts its kernel down on SIGTERM); for cleanup after a failure. */
  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill("SIGTERM");
    await this.exited;
  }
}
