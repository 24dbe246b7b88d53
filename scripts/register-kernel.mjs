#!/usr/bin/env node
// Registers the tslab kernel of THIS checkout with Jupyter (package.json "postinstall", so `npm ci` does it).
//
// Writes the kernelspec `tslab` twice:
// - <repo>/.jupyter/share/jupyter/kernels/tslab/kernel.json (gitignored): reproduce and the lab/notebook launchers
//   put <repo>/.jupyter/share/jupyter first on JUPYTER_PATH, so they always use this checkout's tslab;
// - the user's Jupyter data dir (~/.local/share/jupyter/kernels/tslab, or $JUPYTER_DATA_DIR/kernels/tslab), so a plain
//   `jupyter lab` started anywhere finds it. The last checkout to run `npm ci` owns that one; set TP_NO_USER_KERNEL=1
//   to leave the user dir alone.
// No global install, no Python: a kernelspec is just a JSON file (what `tslab install` would write, minus IPython).
// argv starts with the absolute node that ran `npm ci` so that Jupyter finds node even when it was started without
// node on PATH (a desktop launcher, a different nvm shell), then scripts/tslab-kernel.cjs: node_modules/tslab as
// installed (patched by scripts/patch-tslab.mjs, which postinstall runs first), except that a re-run cell also sees
// edits to lib files it imports indirectly (see that file).
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const KERNEL_NAME = "tslab";
export const DISPLAY_NAME = "TypeScript (tslab, this checkout)";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The kernel.json for a checkout at `root`. */
export function kernelSpec(root = repo, node = process.execPath) {
  return {
    argv: [node, join(root, "scripts", "tslab-kernel.cjs"), "--config-path", "{connection_file}"],
    display_name: DISPLAY_NAME,
    language: "typescript",
    metadata: { checkout: root },
  };
}

/** Where Jupyter looks for per-user data (jupyter_core.paths.jupyter_data_dir on Linux and macOS). */
export function userDataDir(env = process.env) {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (process.platform === "darwin") return join(homedir(), "Library", "Jupyter");
  if (process.platform === "win32") return join(env.APPDATA ?? homedir(), "jupyter");
  return join(env.XDG_DATA_HOME || join(homedir(), ".local", "share"), "jupyter");
}

/** The repo-local Jupyter data dir that reproduce puts on JUPYTER_PATH. */
export const LOCAL_DATA_DIR = join(repo, ".jupyter", "share", "jupyter");

function writeSpec(dataDir, spec) {
  const dir = join(dataDir, "kernels", KERNEL_NAME);
  const file = join(dir, "kernel.json");
  const text = JSON.stringify(spec, null, 2) + "\n";
  const before = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (before === text) return { file, changed: false, previous: null };
  mkdirSync(dir, { recursive: true });
  // write then rename: a concurrent Jupyter never reads half a file
  writeFileSync(file + ".tmp", text);
  renameSync(file + ".tmp", file);
  let previous = null;
  try {
    previous = before ? JSON.parse(before).metadata?.checkout ?? JSON.parse(before).argv?.[0] : null;
  } catch {
    previous = "(unreadable kernel.json)";
  }
  return { file, changed: true, previous };
}

function main() {
  const tslab = join(repo, "node_modules", "tslab", "bin", "tslab");
  if (!existsSync(tslab)) {
    console.error(`register-kernel: ${tslab} is missing; run \`npm ci\` first.`);
    process.exit(1);
  }
  const spec = kernelSpec();
  const local = writeSpec(LOCAL_DATA_DIR, spec);
  console.log(`register-kernel: kernel "${KERNEL_NAME}" -> ${local.file}`);
  if (process.env.TP_NO_USER_KERNEL === "1") return;
  try {
    const user = writeSpec(userDataDir(), spec);
    const note = user.previous && user.previous !== repo ? ` (replaced the one for ${user.previous})` : "";
    console.log(`register-kernel: kernel "${KERNEL_NAME}" -> ${user.file}${note}`);
  } catch (e) {
    // a read-only home must not break `npm ci`: reproduce only needs the repo-local spec
    console.warn(`register-kernel: could not write the user kernelspec (${e.message}); plain \`jupyter lab\` will not list it, \`npm run lab\` will.`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
