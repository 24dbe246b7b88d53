/**
 * Where the repository's files are, wherever the code runs from: scripts, tests, the CLI, or a notebook
 * that reaches lib/ through the symlink notebooks/lib -> ../lib.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

let root: string | null = null;

/** The folder holding this project's package.json (walking up from this file, then from the working directory). */
export function repoRoot(): string {
  if (root) return root;
  for (const start of [__dirname, process.cwd()]) {
    let dir = start;
    for (;;) {
      const pkg = join(dir, "package.json");
      if (existsSync(pkg) && existsSync(join(dir, "lib", "core", "paths.ts"))) return (root = dir);
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error(`cannot find the repository root (a folder with package.json and lib/core/paths.ts) above ${__dirname}`);
}

/** A path inside the repository, e.g. dataPath("derived", "province_flows.csv"). */
export function dataPath(...parts: string[]): string {
  return join(repoRoot(), "data", ...parts);
}
