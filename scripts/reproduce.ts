/**
 * `npm run reproduce`: execute every notebook in order, headless, each in a fresh tslab kernel, and build
 *   build/notebooks/<name>.ipynb   the executed notebooks (charts inline; open them in Jupyter)
 *   build/report/index.html        the paper's tables, sections and claims → notebook cell (notebooks/manifest.json)
 *   build/report/<name>.html       one page per notebook (works offline: plotly.js from build/report/assets/)
 *   build/tables/*.csv             `trade-patterns tables` plus every CSV the notebooks write (lib/notebook/tables.ts)
 *
 * Usage: npm run reproduce -- [--params params.json] [--out build] [--timeout 600] [--manifest FILE] [notebook.ipynb …]
 *   Without notebook arguments: notebooks/NN_*.ipynb in file-name order. Parameters: see scripts/notebook/params.ts
 *   (`--params` file keyed by notebook name, or TP_<NAME> environment variables).
 *
 * All or nothing: results are assembled in <out>/.staging-<pid> and replace <out>/{notebooks,report,tables} only
 * when every notebook ran. A failing cell stops the run with exit code 1 and a message naming the notebook and the
 * cell; the partly executed notebook is left in <out>/failed/ for inspection.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { plotlyBundlePath } from "../lib/notebook/display";
import {
  JupyterError,
  JUPYTER_INSTALL_HINT,
  REPO,
  executeNotebook,
  findJupyterPython,
  formatCellError,
  writeNotebook,
  type ExecResult,
} from "./notebook/execute";
import { notebookName, readNotebook, withoutOutputs, type Notebook } from "./notebook/ipynb";
import { readManifest, resolveManifest } from "./notebook/manifest";
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
}

export interface NotebookRun {
  name: string;
  path: string;
  result: ExecResult;
  overrides: Override[];
}

export interface ReproduceResult {
  ok: boolean;
  /** wall seconds of the whole run */
  seconds: number;
  runs: NotebookRun[];
  /** set when a notebook failed or nothing could run */
  message?: string;
  out: string;
}

/** Plan the run: which notebooks, with which overrides. Throws on any problem before a kernel starts. */
export function plan(paths: string[], paramsFile: ParamsFile | null, paramsName: string, env: NodeJS.ProcessEnv) {
  const names = new Set<string>();
  const tpEnv = envParams(env);
  for (const k of TOOL_VARIABLES) tpEnv.delete(k);
  const declared = new Set<string>();
  const planned = paths.map((path) => {
    const name = notebookName(path);
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

/** Run everything; never throws for a notebook failure (see `ok` and `message`). */
export async function reproduce(opts: ReproduceOptions = {}): Promise<ReproduceResult> {
  const t0 = performance.now();
  const log = opts.log ?? ((s: string) => process.stdout.write(s));
  const out = resolve(opts.out ?? join(REPO, "build"));
  const env = opts.env ?? process.env;
  const seconds = () => (performance.now() - t0) / 1000;
  const partial = opts.notebooks !== undefined && opts.notebooks.length > 0;
  const paths = partial ? opts.notebooks!.map((p) => resolve(p)) : defaultNotebooks();
  const fail = (message: string, runs: NotebookRun[] = []): ReproduceResult => ({ ok: false, seconds: seconds(), runs, message, out });

  if (paths.length === 0) return fail(`no notebooks to run: expected notebooks/NN_name.ipynb (e.g. notebooks/00_data.ipynb)`);
  for (const p of paths) if (!existsSync(p)) return fail(`${p}: no such notebook`);
  if (!findJupyterPython(env)) return fail(JUPYTER_INSTALL_HINT);

  let planned: ReturnType<typeof plan>["planned"];
  let entries: ReturnType<typeof readManifest>;
  let paramsFile: ParamsFile | null;
  try {
    paramsFile = opts.params ? readParamsFile(opts.params) : null;
    const p = plan(paths, paramsFile, opts.params ? basename(opts.params) : "--params", env);
    planned = p.planned;
    if (p.unusedEnv.length) log(`reproduce: note: no notebook in this run has a parameter for ${p.unusedEnv.join(", ")}\n`);
    if (opts.manifest && !existsSync(opts.manifest)) throw new Error(`--manifest ${opts.manifest}: no such file`);
    entries = readManifest(opts.manifest ?? join(NOTEBOOKS_DIR, "manifest.json"));
  } catch (e) {
    return fail((e as Error).message);
  }

  mkdirSync(out, { recursive: true });
  const staging = join(out, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  for (const d of ["notebooks", "report/assets", "tables"]) mkdirSync(join(staging, d), { recursive: true });
  const cleanup = () => rmSync(staging, { recursive: true, force: true });

  try {
    // tables computed by the library, before the notebooks (fast, and a data problem shows up first)
    const cli = join(REPO, "bin", "trade-patterns.js");
    if (existsSync(cli)) {
      // the same data edition as the notebooks when it is overridden for all of them
      const edition = env.TP_EDITION ?? paramsFile?.["*"]?.EDITION;
      const args = [cli, "tables", "--out", join(staging, "tables"), ...(edition !== undefined ? ["--edition", String(edition)] : [])];
      const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: "utf8" });
      if (r.status !== 0) return fail(`trade-patterns ${args.slice(1).join(" ")} failed (exit ${r.status}):\n${(r.stderr || r.stdout).trim()}`);
      log(`reproduce: tables: ${(r.stderr || "").trim().split(join(staging, "tables")).join(join(out, "tables")) || "trade-patterns tables done"}\n`);
    } else {
      log(`reproduce: tables: bin/trade-patterns.js not found, skipping \`trade-patterns tables\`\n`);
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
      try {
        result = await executeNotebook(file, file, { cwd: dirname(p.path), timeout: opts.timeout, env: { TP_TABLES_DIR: join(staging, "tables") } });
      } catch (e) {
        log("\n");
        return fail(e instanceof JupyterError ? e.message : `${shown}: ${(e as Error).stack ?? e}`, runs);
      }
      runs.push({ name: p.name, path: p.path, result, overrides: p.overrides });
      if (!result.ok) {
        log(`FAILED after ${fmt(result.seconds)}\n`);
        mkdirSync(join(out, "failed"), { recursive: true });
        const kept = join(out, "failed", `${p.name}.ipynb`);
        copyFileSync(file, kept);
        const keptShown = relative(process.cwd(), kept).startsWith("..") ? kept : relative(process.cwd(), kept);
        return fail(`${formatCellError(shown, result.error!)}\n  partly executed notebook: ${keptShown}`, runs);
      }
      const cells = result.cells.length;
      log(`ok, ${cells} code cells in ${fmt(result.seconds)} (kernel start ${fmt(result.kernelStart ?? 0)})\n`);
      executed.set(p.name, readNotebook(file));
    }

    const resolved = resolveManifest(entries, executed, partial);
    copyFileSync(plotlyBundlePath(), join(staging, "report", PLOTLY_ASSET));
    const titles = new Map([...executed].map(([name, nb]) => [name, notebookTitle(nb, name)]));
    const names = [...executed.keys()];
    names.forEach((name, k) => {
      const link = (j: number) => (j >= 0 && j < names.length ? { href: `${names[j]}.html`, title: titles.get(names[j])! } : undefined);
      const html = renderNotebookPage(executed.get(name)!, name, { index: "index.html", prev: link(k - 1), next: link(k + 1), ipynb: `../notebooks/${name}.ipynb` });
      writeFileSync(join(staging, "report", `${name}.html`), html);
    });
    const tables = readdirSync(join(staging, "tables")).filter((f) => f.endsWith(".csv")).sort();
    const summaries: NotebookSummary[] = runs.map((r) => ({
      name: r.name,
      title: titles.get(r.name)!,
      cells: executed.get(r.name)!.cells.length,
      seconds: r.result.seconds,
      overrides: r.overrides.map((o) => `${o.name} = ${JSON.stringify(o.value)} (${o.source})`),
    }));
    writeFileSync(join(staging, "report", "index.html"), renderIndex({ title: REPORT_TITLE, notebooks: summaries, entries: resolved, tables }));

    // all succeeded: replace the previous build in one go
    for (const d of ["notebooks", "report", "tables"]) {
      rmSync(join(out, d), { recursive: true, force: true });
      renameSync(join(staging, d), join(out, d));
    }
    rmSync(join(out, "failed"), { recursive: true, force: true });
    return { ok: true, seconds: seconds(), runs, out };
  } catch (e) {
    return fail((e as Error).message);
  } finally {
    cleanup();
  }
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    options: {
      params: { type: "string" },
      out: { type: "string" },
      manifest: { type: "string" },
      timeout: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  if (values.help) {
    console.log("usage: npm run reproduce -- [--params params.json] [--out build] [--timeout SECONDS] [--manifest FILE] [notebook.ipynb …]");
    return 0;
  }
  const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
  if (timeout !== undefined && !(timeout > 0)) {
    console.error(`reproduce: --timeout must be a positive number of seconds (got ${values.timeout})`);
    return 2;
  }
  const r = await reproduce({ notebooks: positionals, out: values.out, params: values.params, manifest: values.manifest, timeout });
  if (!r.ok) {
    console.error(`reproduce: ${r.message}`);
    return 1;
  }
  const index = join(r.out, "report", "index.html");
  const rel = relative(process.cwd(), index).startsWith("..") ? index : relative(process.cwd(), index);
  console.log(`reproduce: ${r.runs.length} notebooks ok in ${fmt(r.seconds)} → ${rel}`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(`reproduce: ${(e as Error).stack ?? e}`);
      process.exitCode = 1;
    },
  );
}
