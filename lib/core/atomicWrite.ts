/**
 * Writing a set of output files all or nothing.
 *
 *   writeFilesAtomically(dir, files)   files: path relative to dir → contents
 *
 * 1. Every path is checked before anything is written: each existing ancestor must be a directory, and each
 *    output path must be free or an existing regular file (which is replaced). A directory named like an output
 *    file is an OutputPathError, with nothing written.
 * 2. Every file is written into a temporary folder inside the directory it belongs to (".tmp-<random>"), so the
 *    final renames never cross a file system: the target may be a mount point, or hold one.
 * 3. Only when every file is written are they renamed into place (each rename is atomic: a reader sees the old
 *    file or the new one, never half of one). The temporary folders are removed whatever happens, and so are the
 *    folders this call created if it fails before the renames.
 * A write error (a full disk: ENOSPC) therefore leaves the target as it was.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, parse, resolve, sep } from "node:path";

/** An output path that cannot be used (reported before anything is written). */
export class OutputPathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputPathError";
  }
}

/** A write that failed midway (disk full, permissions); nothing was changed in the target. */
export class WriteError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot write ${path}: ${code === "ENOSPC" ? "no space left on device (ENOSPC)" : code}; nothing was changed`);
    this.name = "WriteError";
  }
}

function kindOf(path: string): "missing" | "directory" | "file" | "other" {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return "missing";
  }
  if (st.isSymbolicLink()) {
    try {
      st = statSync(path);
    } catch {
      return "other"; // a dangling link
    }
  }
  return st.isDirectory() ? "directory" : st.isFile() ? "file" : "other";
}

/**
 * Throws OutputPathError unless `dir` can be a directory: it is one, or it is missing and its nearest existing
 * ancestor is one. `label` names dir in the message (e.g. "--out out/").
 */
export function checkOutputDirectory(dir: string, label = dir): void {
  const target = resolve(dir);
  const kind = kindOf(target);
  if (kind === "directory") return;
  if (kind !== "missing") throw new OutputPathError(`${label}: exists and is not a directory`);
  const root = parse(target).root;
  for (let p = dirname(target); ; p = dirname(p)) {
    const k = kindOf(p);
    if (k === "directory") return;
    if (k !== "missing") throw new OutputPathError(`${label}: ${p} is not a directory`);
    if (p === root) return;
  }
}

function errnoCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

/** Write `files` (relative path → contents) into `dir`, all or nothing (see the module comment). */
export function writeFilesAtomically(dir: string, files: ReadonlyMap<string, string | Uint8Array>, label = dir): void {
  const target = resolve(dir);
  checkOutputDirectory(target, label);
  const byDir = new Map<string, { path: string; rel: string; data: string | Uint8Array }[]>();
  for (const [rel, data] of files) {
    const path = resolve(target, rel);
    if (!path.startsWith(target + sep)) throw new OutputPathError(`${label}: "${rel}" is not a path inside it`);
    const kind = kindOf(path);
    if (kind === "directory") throw new OutputPathError(`${label}: ${rel} there is a directory, and the output file ${rel} cannot replace it; nothing was written`);
    if (kind === "other") throw new OutputPathError(`${label}: ${rel} there is not a regular file; nothing was written`);
    for (let p = dirname(path); p !== target; p = dirname(p)) {
      const k = kindOf(p);
      if (k !== "missing" && k !== "directory") throw new OutputPathError(`${label}: ${p} is not a directory; nothing was written`);
    }
    const d = dirname(path);
    if (!byDir.has(d)) byDir.set(d, []);
    byDir.get(d)!.push({ path, rel, data });
  }

  // the highest folders this call creates, removed again if it fails before the renames
  const created: string[] = [];
  const temps: string[] = [];
  let renamed = false;
  try {
    for (const d of byDir.keys()) {
      if (existsSync(d)) continue;
      let top = d;
      while (!existsSync(dirname(top))) top = dirname(top);
      try {
        mkdirSync(d, { recursive: true });
      } catch (e) {
        throw new OutputPathError(`${label}: cannot create ${d} (${errnoCode(e)})`);
      }
      if (!created.some((c) => top === c || top.startsWith(c + sep))) created.push(top);
    }
    const staged: { tmp: string; path: string }[] = [];
    for (const [d, list] of byDir) {
      let tmp: string;
      try {
        tmp = mkdtempSync(join(d, ".tmp-"));
      } catch (e) {
        throw new OutputPathError(`${label}: cannot create files in ${d} (${errnoCode(e)})`);
      }
      temps.push(tmp);
      for (const f of list) {
        const t = join(tmp, f.rel.split(/[\\/]/).pop()!);
        try {
          writeFileSync(t, f.data);
        } catch (e) {
          throw new WriteError(f.path, errnoCode(e));
        }
        staged.push({ tmp: t, path: f.path });
      }
    }
    renamed = true;
    for (const s of staged) renameSync(s.tmp, s.path);
  } catch (e) {
    if (!renamed) for (const c of created) rmSync(c, { recursive: true, force: true });
    throw e;
  } finally {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
}
