// Issue 17: the tslab kernel keeps working while files change around it. JupyterLab saves the notebook and its
// checkpoint into notebooks/; lib files are edited and saved (JupyterLab's editor first copies the file to .~name and
// makes lib/.ipynb_checkpoints, other editors and git replace the file) while cells compile and run.
//
// Unfixed, tslab's compiler host kept one pending TypeScript timer and threw "Unexpected pending rebuildTimer" when
// TypeScript asked for its second kind, the one that re-resolves failed module lookups after a directory entry
// changed. From a file watcher the error went to the stderr of whichever cell ran; from a cell's compile it failed
// that cell and then every later one with "unexpected error" until the kernel was restarted. The fix is
// scripts/patch-tslab.mjs (run by npm's postinstall), which also fixes the loss of the messages that follow the 512th
// on the iopub socket (test/kernelOutput.test.ts): a session of 200 cells sends about 600.
//
// 200 cells run through the real kernel (this checkout's kernelspec, started by jupyter_client as Jupyter does) in a
// temporary copy of the repo's layout, notebooks/lib -> ../lib, with two lib files the test writes: each cell's
// output is compared with a value the test computes itself, including values that depend on the lib files' current
// content. No cell may print to stderr, and nothing may arrive on stderr between cells.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { rng, type Rng } from "../lib/core/random";
import { REPO } from "../scripts/notebook/execute";
import { KernelSession, type CellReply } from "./helpers/kernel";

const CELLS = 200;
const SEED = 17;
/** China's mainland provinces, what lib/paper/provinces.ts lists (test/provinces.test.ts checks it) */
const PROVINCES = 31;
/** TypeScript's recursive directory watcher on Linux reports changes after 1 s: wait that long before the last cell */
const DIRECTORY_WATCH_DELAY_MS = 1_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The lib files' contents, as the test last wrote them. */
interface LibState {
  version: number;
  offset: number;
}

const baseSource = (s: LibState) => `export const OFFSET = ${s.offset};\n`;

// imports a package as lib files do (lib/present/display.ts imports tslab's types; TypeScript watches the folders
// of the lookups that failed on the way to a package, which is how it comes to watch lib/) and a lib file of the repo
const raceSource = (s: LibState) => `import { format } from "util";
import type * as Tslab from "tslab";
import { PROVINCES } from "./provinces";
import { OFFSET } from "./raceBase";

// version ${s.version}, written by test/kernelFileWrites.test.ts
export const VERSION = ${s.version};

/** x·VERSION + OFFSET + the number of provinces */
export function scaled(x: number): number {
  return x * VERSION + OFFSET + PROVINCES.length;
}

export type Display = Tslab.Display;

export function describe(x: number): string {
  return format("%d×%d+%d+%d", x, VERSION, OFFSET, PROVINCES.length);
}
`;

/** Cell i and the output it must print, from the lib state the test knows. */
function cell(i: number, s: LibState): { code: string; expected: string } {
  const sumOfSquares = (n: number) => ((n - 1) * n * (2 * n - 1)) / 6; // 0² + 1² + … + (n−1)²
  switch (i % 4) {
    case 0:
      return {
        code: `import { VERSION, describe, scaled } from "./lib/race";\nconsole.log(JSON.stringify([VERSION, describe(${i}), scaled(${i})]));`,
        expected: JSON.stringify([s.version, `${i}×${s.version}+${s.offset}+${PROVINCES}`, i * s.version + s.offset + PROVINCES]) + "\n",
      };
    case 1:
      return {
        code: `let sq${i} = 0;\nfor (let j = 0; j < ${i}; j++) sq${i} += j * j;\nconsole.log(sq${i});`,
        expected: `${sumOfSquares(i)}\n`,
      };
    case 2: // a declaration of the previous cell
      return { code: `console.log(sq${i - 1} + ${i});`, expected: `${sumOfSquares(i - 1) + i}\n` };
    default: // only the file race.ts imports
      return { code: `import { OFFSET } from "./lib/raceBase";\nconst twice${i}: number = OFFSET * 2;\nconsole.log(twice${i});`, expected: `${2 * s.offset}\n` };
  }
}

/** A temporary copy of the repo's layout; `root` holds everything the test writes. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), "tp-kernel-writes-"));
  const lib = join(root, "lib");
  const notebooks = join(root, "notebooks");
  // packages and @types resolve from notebooks/ as they do in the repo
  symlinkSync(join(REPO, "node_modules"), join(root, "node_modules"));
  mkdirSync(lib);
  symlinkSync(join(REPO, "lib", "paper", "provinces.ts"), join(lib, "provinces.ts"));
  mkdirSync(notebooks);
  symlinkSync("../lib", join(notebooks, "lib"));
  return { root, lib, notebooks };
}

type Workspace = ReturnType<typeof workspace>;

/** Replace a lib file's content the way one of the usual editors saves. */
function saveLibFile(w: Workspace, name: string, text: string, how: "in place" | "JupyterLab" | "rename"): void {
  const file = join(w.lib, name);
  if (how === "in place") {
    writeFileSync(file, text);
  } else if (how === "JupyterLab") {
    // jupyter_server's atomic_writing: copy to .~name, write in place, remove the copy
    copyFileSync(file, join(w.lib, `.~${name}`));
    writeFileSync(file, text);
    rmSync(join(w.lib, `.~${name}`));
  } else {
    writeFileSync(`${file}.tmp`, text);
    renameSync(`${file}.tmp`, file);
  }
}

/**
 * One of the writes that happen while a cell compiles and runs, none of which changes what a cell computes:
 * JupyterLab saving the notebook and making or dropping its checkpoint, and the first and last steps of its save of a
 * lib file (the .~ copy, lib/.ipynb_checkpoints). Returns what it did, for the failure message.
 */
function writeMeanwhile(w: Workspace, random: Rng, cellsSoFar: string[]): string {
  const r = random();
  const notebookFile = join(w.notebooks, "race.ipynb");
  const notebookText = JSON.stringify(
    {
      nbformat: 4,
      nbformat_minor: 5,
      metadata: { kernelspec: { name: "tslab", display_name: "TypeScript", language: "typescript" } },
      cells: cellsSoFar.map((source) => ({ cell_type: "code", source, metadata: {}, outputs: [], execution_count: null })),
    },
    null,
    1,
  );
  if (r < 0.35) {
    const backup = join(w.notebooks, ".~race.ipynb");
    if (existsSync(notebookFile)) copyFileSync(notebookFile, backup);
    writeFileSync(notebookFile, notebookText);
    rmSync(backup, { force: true });
    return "notebook saved";
  }
  if (r < 0.55) {
    mkdirSync(join(w.notebooks, ".ipynb_checkpoints"), { recursive: true });
    writeFileSync(join(w.notebooks, ".ipynb_checkpoints", "race-checkpoint.ipynb"), notebookText);
    return "notebook checkpoint";
  }
  if (r < 0.65) {
    rmSync(join(w.notebooks, ".ipynb_checkpoints"), { recursive: true, force: true });
    return "notebook checkpoints removed";
  }
  if (r < 0.8) {
    copyFileSync(join(w.lib, "race.ts"), join(w.lib, ".~race.ts"));
    rmSync(join(w.lib, ".~race.ts"));
    return "lib .~race.ts made and removed";
  }
  if (r < 0.95) {
    mkdirSync(join(w.lib, ".ipynb_checkpoints"), { recursive: true });
    copyFileSync(join(w.lib, "race.ts"), join(w.lib, ".ipynb_checkpoints", "race-checkpoint.ts"));
    return "lib checkpoint";
  }
  rmSync(join(w.lib, ".ipynb_checkpoints"), { recursive: true, force: true });
  return "lib checkpoints removed";
}

function problemOf(i: number, reply: CellReply, expected: string, writes: string[]): string | null {
  const late = reply.late.filter((o) => o.name === "stderr").map((o) => o.text);
  const wrong: string[] = [];
  if (reply.status !== "ok") wrong.push(`status ${reply.status}`);
  if (!reply.idle) wrong.push("no idle status (lost, or the cell did not finish)");
  if (reply.stderr) wrong.push(`stderr ${JSON.stringify(reply.stderr.slice(0, 300))}`);
  if (late.length) wrong.push(`stderr between cells ${JSON.stringify(late.join("").slice(0, 300))}`);
  if (reply.stdout !== expected) wrong.push(`printed ${JSON.stringify(reply.stdout)}, expected ${JSON.stringify(expected)}`);
  return wrong.length ? `cell ${i} (after: ${writes.join(", ") || "no writes"}): ${wrong.join("; ")}` : null;
}

describe("the tslab kernel while JupyterLab and editors write into notebooks/ and lib/ (issue 17)", () => {
  it(`runs ${CELLS} cells interleaved with writes, every result correct, nothing on stderr`, async () => {
    const w = workspace();
    let kernel: KernelSession | null = null;
    try {
      const random = rng(SEED);
      const state: LibState = { version: 1, offset: 5 };
      writeFileSync(join(w.lib, "raceBase.ts"), baseSource(state));
      writeFileSync(join(w.lib, "race.ts"), raceSource(state));
      kernel = (await KernelSession.start(w.notebooks, { timeoutSeconds: 30 })).kernel;

      const problems: string[] = [];
      const sources: string[] = [];
      const methods = ["in place", "JupyterLab", "rename"] as const;
      for (let i = 0; i < CELLS; i++) {
        const writes: string[] = [];
        const last = i === CELLS - 1;
        if (last) {
          // what the directory watchers report comes a second later: give it time to break the last cell
          await sleep(DIRECTORY_WATCH_DELAY_MS + 500);
        } else if (i > 0 && random() < 0.2) {
          // an edit between two runs, changing what the next cells print
          const how = methods[Math.floor(random() * methods.length)];
          if (random() < 0.6) {
            state.version += 1;
            saveLibFile(w, "race.ts", raceSource(state), how);
            writes.push(`race.ts v${state.version} saved ${how}`);
          } else {
            state.offset += 7;
            saveLibFile(w, "raceBase.ts", baseSource(state), how);
            writes.push(`raceBase.ts offset ${state.offset} saved ${how}`);
          }
          // no pause before the next cell: tslab learns of the edit from a file watcher, whose event reaches the
          // kernel before the request to run the cell does
        }
        const { code, expected } = cell(i, state);
        sources.push(code);
        const delay = Math.floor(random() * 40);
        const pending = kernel.execute(code);
        // while the cell compiles and runs
        await sleep(delay);
        writes.push(`${writeMeanwhile(w, random, sources)} after ${delay} ms`);
        const problem = problemOf(i, await pending, expected, writes);
        if (problem) problems.push(problem);
      }
      const late = (await kernel.close(0.5)).filter((o) => o.name === "stderr");
      if (late.length) problems.push(`stderr after the last cell: ${JSON.stringify(late.map((o) => o.text).join("").slice(0, 300))}`);
      const internal = kernel.processStderr.match(/.*(rebuildTimer|UncaughtException|unexpected error|tslab-kernel:).*/g) ?? [];
      if (internal.length) problems.push(`the kernel process's stderr: ${internal.join(" | ")}`);
      kernel = null;
      const failed = problems.length ? `${problems.length} problems in ${CELLS} cells, the first:\n${problems.slice(0, 6).join("\n")}` : "";
      expect(failed).toBe("");
    } finally {
      await kernel?.kill();
      rmSync(w.root, { recursive: true, force: true });
    }
  }, 240_000);
});
