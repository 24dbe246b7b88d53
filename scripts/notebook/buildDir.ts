/**
 * The output folder of `npm run reproduce` (<out>, default build/): what reproduce may write there, how it proves
 * it made what it replaces, and the lock that keeps two runs from mixing their outputs.
 *
 * reproduce writes only
 *   <out>/notebooks, <out>/report, <out>/tables, <out>/failed   its output folders, each holding MARKER;
 *   <out>/.staging-<pid>                                       its staging folder (marked too), removed at the end;
 *   <out>/.reproduce.lock                                      the lock (the pid of the run holding it).
 * Before anything is written, checkOutDir refuses an <out> that holds anything else (a README, a lib/ link, a home
 * directory's files: `--out .` and `--out ~` delete nothing), and an output folder without the marker. So reproduce
 * replaces or deletes only folders it made itself.
 *
 * Builds made before markers existed: in the default build/ only, an unmarked output folder whose contents have
 * exactly the layout earlier versions wrote (notebooks/*.ipynb, report/*.html + report/assets/plotly.min.js,
 * tables/*.csv, failed/*.ipynb; the interactive notebooks write build/tables/*.csv too) is adopted, and marked when
 * it is next replaced. Anything else, anywhere, is refused with a message saying what to do.
 */
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkOutputDirectory } from "../../lib/core/atomicWrite";

/** The file that marks a folder as made by reproduce. */
export const MARKER = ".made-by-reproduce";
export const MARKER_TEXT = [
  "This folder was made by `npm run reproduce` (scripts/reproduce.ts), which replaces it on its next run.",
  "Do not keep your own files here: a folder holding this file belongs to reproduce.",
  "",
].join("\n");
export const LOCK = ".reproduce.lock";
export const OUTPUT_FOLDERS = ["notebooks", "report", "tables", "failed"] as const;
export const STAGING_PREFIX = ".staging-";

/** An output folder that reproduce must not write to (a usage error: exit code 2). */
export class OutDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutDirError";
  }
}

/** Another run holds the lock (exit code 1). */
export class LockError extends Error {
  constructor(
    message: string,
    readonly pid: number,
  ) {
    super(message);
    this.name = "LockError";
  }
}

function isDir(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether the folder holds reproduce's marker. */
export function isMarked(dir: string): boolean {
  return isFile(join(dir, MARKER));
}

/** Create `dir` (and parents) and mark it as reproduce's. */
export function markFolder(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), MARKER_TEXT);
}

/** Whether an unmarked folder has exactly the layout an earlier reproduce (or an interactive notebook) wrote. */
export function hasLegacyLayout(dir: string, folder: string): boolean {
  const only = (d: string, ok: (name: string, path: string) => boolean) => readdirSync(d).every((n) => ok(n, join(d, n)));
  switch (folder) {
    case "notebooks":
    case "failed":
      return only(dir, (n, p) => n.endsWith(".ipynb") && isFile(p));
    case "tables":
      return only(dir, (n, p) => n.endsWith(".csv") && isFile(p));
    case "report":
      return only(dir, (n, p) => (n.endsWith(".html") && isFile(p)) || (n === "assets" && isDir(p) && only(p, (m, q) => m === "plotly.min.js" && isFile(q))));
    default:
      // an earlier staging folder: notebooks/report/tables of the same layouts
      return only(dir, (n, p) => ["notebooks", "report", "tables"].includes(n) && isDir(p) && hasLegacyLayout(p, n));
  }
}

/** The pid a staging folder is named after, or null if the name is not .staging-<pid>. */
export function stagingPid(name: string): number | null {
  const m = /^\.staging-(\d+)$/.exec(name);
  return m ? Number(m[1]) : null;
}

/** Whether a process with this pid exists (a zombie or another user's process counts as alive). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const shown = (names: string[]) => names.slice(0, 5).join(", ") + (names.length > 5 ? ` and ${names.length - 5} more` : "");

/**
 * Throws OutDirError unless reproduce may write to `out` (see the module comment). `legacy` allows adopting the
 * unmarked layout of earlier versions (the default build/ only). `label` names `out` in messages.
 */
export function checkOutDir(out: string, opts: { legacy: boolean; label: string }): void {
  const { label } = opts;
  if (!existsSync(out)) {
    try {
      checkOutputDirectory(out, `--out ${label}`);
    } catch (e) {
      throw new OutDirError((e as Error).message);
    }
    return;
  }
  if (!isDir(out)) throw new OutDirError(`--out ${label}: exists and is not a directory`);
  const foreign: string[] = [];
  const unmarked: string[] = [];
  for (const name of readdirSync(out).sort()) {
    const path = join(out, name);
    // the lock, and a run's file that becomes the lock (.reproduce.lock.<pid>)
    if ((name === LOCK || name.startsWith(`${LOCK}.`)) && isFile(path)) continue;
    if (((OUTPUT_FOLDERS as readonly string[]).includes(name) || stagingPid(name) !== null) && isDir(path)) {
      // an empty folder holds nothing to lose
      if (!isMarked(path) && readdirSync(path).length > 0 && !(opts.legacy && hasLegacyLayout(path, name))) unmarked.push(name);
      continue;
    }
    foreign.push(name);
  }
  if (foreign.length)
    throw new OutDirError(
      `--out ${label}: holds ${shown(foreign)}, which reproduce did not make; it writes only into a new or empty folder, or one it made ` +
        `before (holding only ${OUTPUT_FOLDERS.join("/, ")}/): choose another --out (e.g. a new folder) or move those away`,
    );
  if (unmarked.length)
    throw new OutDirError(
      `--out ${label}: ${shown(unmarked.map((n) => join(label, n)))} ${unmarked.length === 1 ? "was" : "were"} not made by reproduce ` +
        `(no ${MARKER} file) and would be replaced; move ${unmarked.length === 1 ? "it" : "them"} elsewhere or delete ${unmarked.length === 1 ? "it" : "them"} yourself, ` +
        `or choose a new or empty --out folder`,
    );
}

interface LockInfo {
  pid: number;
  started: string;
}

function readLock(file: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(file, "utf8"));
    return typeof info?.pid === "number" ? info : null;
  } catch {
    return null;
  }
}

/**
 * Take <out>/.reproduce.lock for this process; returns the function that releases it. Held by a live process: a
 * LockError naming its pid. Left by a dead one (a run killed with SIGKILL, a machine that lost power): recovered.
 *
 * The lock is created with O_EXCL semantics (link(2) of a file holding our pid, which fails if the lock exists).
 * A stale lock is first renamed to a name of our own, so of two runs recovering it at once only one succeeds; if
 * what we renamed turns out to be a live run's fresh lock, it is put back.
 */
export function acquireLock(out: string, pid = process.pid): () => void {
  const lock = join(out, LOCK);
  const mine = join(out, `${LOCK}.${pid}`);
  const info: LockInfo = { pid, started: new Date().toISOString() };
  writeFileSync(mine, JSON.stringify(info) + "\n");
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(mine, lock);
        return () => {
          // release only our own lock
          if (readLock(lock)?.pid === pid) rmSync(lock, { force: true });
        };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const holder = readLock(lock);
      if (holder && holder.pid !== pid && processAlive(holder.pid)) {
        throw new LockError(
          `another reproduce (pid ${holder.pid}, started ${holder.started}) is writing to this output folder (${lock}); ` +
            `wait for it to finish, or stop it (kill ${holder.pid}) and run again`,
          holder.pid,
        );
      }
      // stale (dead pid, our own pid reused, or unreadable): take it away under a name of our own, then check
      const taken = join(out, `${LOCK}.stale-${pid}`);
      try {
        renameSync(lock, taken);
      } catch {
        continue; // someone else removed it first: try again
      }
      const what = readLock(taken);
      if (what && holder && what.pid !== holder.pid && processAlive(what.pid)) {
        // we took a live run's fresh lock: give it back (unless yet another run got in)
        try {
          linkSync(taken, lock);
        } catch {
          // a third run holds the lock now; the one we displaced will see that its lock is gone
        }
        unlinkSync(taken);
        continue;
      }
      unlinkSync(taken);
    }
    throw new LockError(`could not take the lock ${lock} after 5 attempts (other runs keep taking it)`, -1);
  } finally {
    rmSync(mine, { force: true });
  }
}

/**
 * Remove staging folders of runs that are no longer alive (killed before they could clean up). Only marked ones,
 * or in legacy mode unmarked ones with the old layout; call it while holding the lock. Returns the names removed.
 */
export function removeStaleStaging(out: string, opts: { legacy: boolean; self?: number }): string[] {
  const removed: string[] = [];
  if (!isDir(out)) return removed;
  for (const name of readdirSync(out)) {
    const pid = stagingPid(name);
    if (pid === null || pid === (opts.self ?? process.pid) || processAlive(pid)) continue;
    const path = join(out, name);
    if (!isDir(path)) continue;
    if (isMarked(path) || (opts.legacy && hasLegacyLayout(path, name))) {
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
