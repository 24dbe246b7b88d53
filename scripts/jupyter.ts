/**
 * `npm run lab` / `npm run notebook`: JupyterLab or the classic Notebook on notebooks/, with this checkout's tslab
 * kernel first on JUPYTER_PATH (so another checkout's kernelspec in ~/.local/share/jupyter cannot shadow it).
 * Extra arguments go to Jupyter: `npm run lab -- --port 8890 --no-browser`.
 */
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO, ensureKernelSpec, jupyterEnv } from "./notebook/execute";

const HINTS: Record<string, string> = {
  lab: [
    "JupyterLab is not installed (`jupyter lab` did not run). Install it with:",
    "  python3 -m pip install jupyterlab",
    "Debian 12 does not package JupyterLab; its classic Notebook is packaged:",
    "  apt-get install -y --no-install-recommends jupyter-notebook   then   npm run notebook",
  ].join("\n"),
  notebook: [
    "The classic Jupyter Notebook is not installed (`jupyter notebook` did not run). Install it with one of:",
    "  Debian/Ubuntu (as root): apt-get install -y --no-install-recommends jupyter-notebook",
    "  any Python 3 with pip:   python3 -m pip install notebook",
  ].join("\n"),
};

function main(): number | Promise<number> {
  const [app, ...rest] = process.argv.slice(2);
  if (app !== "lab" && app !== "notebook") {
    console.error("usage: tsx scripts/jupyter.ts lab|notebook [jupyter arguments]");
    return 2;
  }
  ensureKernelSpec();
  const env = jupyterEnv();
  const probe = spawnSync("jupyter", [app, "--version"], { env, stdio: "ignore" });
  if (probe.status !== 0) {
    console.error(HINTS[app]);
    return 1;
  }
  const args = [app, `--notebook-dir=${join(REPO, "notebooks")}`, ...rest];
  // Jupyter refuses to run as root without this (containers, CI machines)
  if (process.getuid?.() === 0 && !rest.includes("--allow-root")) args.push("--allow-root");
  const child = spawn("jupyter", args, { env, stdio: "inherit" });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => child.kill(sig));
  return new Promise((done) => child.on("close", (code) => done(code ?? 1)));
}

Promise.resolve(main()).then((code) => (process.exitCode = code));
