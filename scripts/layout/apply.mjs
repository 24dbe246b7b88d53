#!/usr/bin/env node
// The layout codemod of issue 13: rewrites references to lib/ files from their old paths to their new ones.
//
// scripts/layout/mapping.json lists every file that moved ("moves": old path → new path) and every exported name
// that moved from one module to another ("symbols": an import of `names` from the module `from` (a NEW path) is
// redirected to the module `to`). The files themselves were moved once, on main, with `git mv`; this script only
// rewrites what points at them, and may be run any number of times (a second run changes nothing).
//
// HOW ANOTHER BRANCH APPLIES IT (a branch made before the layout change):
//   git merge main                 # brings the moves; resolve conflicts in moved files (git follows the renames)
//   node scripts/layout/apply.mjs  # rewrites every file of the repo that still points at an old path
//   # or only your own new or changed files:
//   node scripts/layout/apply.mjs $(git diff --name-only --diff-filter=AM main...HEAD)
//   npm run typecheck && npx depcruise lib --config .dependency-cruiser.cjs   # then fix what the layers refuse
// A new lib file of yours (not in mapping.json) stays where it is, and its imports are rewritten; then move it into
// the folder of its layer (lib/<layer>/index.ts says what each holds) with `git mv` and fix its relative imports by
// hand (`npm run typecheck` lists them), or add it to mapping.json's "moves" first and run the script again.
//
// What it rewrites, in lib/, test/, scripts/, bin/, notebooks/*.ipynb (code and markdown cells) and *.md:
// - module specifiers: `from "…"`, `import("…")`, `require("…")`, `import "…"`, `vi.mock("…")`. A relative
//   specifier that resolves to an existing file from where the importing file is now is left alone; otherwise it is
//   resolved from where the importing file was (mapping.json) among the old paths, and rewritten to the new path,
//   relative to the importing file. Notebook cells import `./lib/…` through the notebooks/lib symlink; so do code
//   cells quoted in tests. One exception to "left alone": lib/indicators.ts and lib/cli.ts became folders, so
//   `…/indicators` and `…/cli` are read as the old files (import the folders' index as `…/indicators/index`).
// - moved names: `import { pick, type Lang, baseLayout } from "./plotly"` becomes two imports, pick and Lang from
//   lib/core/text.ts.
// - paths in prose: `lib/provinceFlows.ts`, `lib/notebook/display` (comments, Markdown, messages) when they name
//   an old file. Write folders with a trailing slash (`lib/indicators/`): a bare `lib/indicators` is read as the
//   old file.
//
// Usage: node scripts/layout/apply.mjs [--check] [files…]
//   no files: every file of the kinds above, tracked or not (node_modules, build and .git skipped);
//   --check: change nothing, list the files that would change, exit 1 if any.
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, posix, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const MAPPING_FILE = join(REPO, "scripts", "layout", "mapping.json");
const mapping = JSON.parse(readFileSync(MAPPING_FILE, "utf8"));
/** old repo path → new repo path */
const MOVES = new Map(Object.entries(mapping.moves));
/** new repo path → old repo path */
const INVERSE = new Map([...MOVES].map(([o, n]) => [n, o]));
for (const n of MOVES.values()) if (MOVES.has(n)) throw new Error(`mapping.json: ${n} is both an old and a new path`);
/** new path of a module → [{ names:Set, to }] */
const SYMBOLS = new Map();
for (const s of mapping.symbols ?? []) {
  if (!SYMBOLS.has(s.from)) SYMBOLS.set(s.from, []);
  SYMBOLS.get(s.from).push({ names: new Set(s.names), to: s.to });
}
/** old files whose name is now a folder: a specifier resolving to that folder's index means the old file */
const FOLDER_COLLISIONS = new Set([...MOVES.keys()].filter((o) => isDir(o.replace(/\.ts$/, ""))).map((o) => o.replace(/\.ts$/, "")));

function isFile(p) {
  try {
    return statSync(join(REPO, p)).isFile();
  } catch {
    return false;
  }
}
function isDir(p) {
  try {
    return statSync(join(REPO, p)).isDirectory();
  } catch {
    return false;
  }
}
/** repo-relative posix path; notebooks/lib/… is lib/… (a symlink) */
function canon(p) {
  const r = posix.normalize(p);
  return r.startsWith("notebooks/lib/") ? r.slice("notebooks/".length) : r;
}
const EXTENSIONS = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", ".cjs", ".json"];

/** The existing file a specifier names from `dir` (repo-relative), or null. */
function resolveNow(dir, spec) {
  const base = canon(posix.join(dir, spec));
  for (const ext of EXTENSIONS) if (isFile(base + ext)) return base + ext;
  if (isDir(base) && !FOLDER_COLLISIONS.has(base)) for (const ext of [".ts", ".js"]) if (isFile(`${base}/index${ext}`)) return `${base}/index${ext}`;
  return null;
}
/** The old file a specifier named from `dir` before the layout change, or null. */
function resolveOld(dir, spec) {
  const base = canon(posix.join(dir, spec));
  for (const ext of ["", ".ts"]) {
    const p = base + ext;
    if (MOVES.has(p)) return p;
  }
  for (const ext of EXTENSIONS) if (ext && isFile(base + ext) && !INVERSE.has(base + ext)) return base + ext;
  return null;
}
/** A specifier from `file` (repo path) to `target` (repo path), in the style of `original`. */
function specifierTo(file, target, original) {
  const keepExt = /\.(ts|js|mjs|cjs|json)$/.test(original) && !/\/index$/.test(original);
  let t = keepExt ? target : target.replace(/\.(ts|tsx|mts)$/, "");
  // notebook cells (and code cells quoted in tests) reach lib/ through ./lib
  if (original.startsWith("./lib/") && t.startsWith("lib/")) return "./" + t;
  let r = posix.relative(dirname(file), t);
  if (!r.startsWith(".")) r = "./" + r;
  return r;
}

/** The new target of a relative specifier in `file`, or null when it should stay. */
function retarget(file, spec) {
  if (!spec.startsWith(".")) return null;
  const dir = dirname(file);
  if (resolveNow(dir, spec)) return null;
  const oldFile = INVERSE.get(file) ?? file;
  let old = resolveOld(dirname(oldFile), spec);
  // notebook-style ./lib/… quoted in a test or a script
  if (!old && spec.startsWith("./lib/")) old = resolveOld("notebooks", spec);
  if (!old) return null;
  return MOVES.get(old) ?? old;
}

/** Where a specifier in `file` points now (after retargeting), for symbol moves. */
function targetOf(file, spec) {
  if (!spec.startsWith(".")) return null;
  const moved = retarget(file, spec);
  if (moved) return moved;
  const now = resolveNow(dirname(file), spec);
  if (now) return now;
  if (spec.startsWith("./lib/")) return resolveNow("notebooks", spec);
  return null;
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+|\bvi\.mock\s*\(\s*)(["'])(\.{1,2}\/[^"'\n]*)\2/g;
const NAMED = /\b(import|export)(\s+type)?\s*\{([^}]*)\}\s*from\s*(["'])([^"'\n]+)\4;?/g;
const PROSE = /(?<![\w.\/-])(\.\/)?(lib\/[\w\/.-]*\w)(?![\w\/-])/g;

function rewriteSymbols(file, code) {
  return code.replace(NAMED, (whole, kw, typeKw, list, q, spec) => {
    const target = targetOf(file, spec);
    const moves = target && SYMBOLS.get(target);
    if (!moves) return whole;
    const items = list.split(",").map((s) => s.trim()).filter(Boolean);
    const keep = [];
    const moved = new Map();
    for (const item of items) {
      const name = item.replace(/^type\s+/, "").replace(/\s+as\s+\w+$/, "");
      const m = moves.find((x) => x.names.has(name));
      if (!m) keep.push(item);
      else if (m.to !== file) {
        if (!moved.has(m.to)) moved.set(m.to, []);
        moved.get(m.to).push(item);
      }
    }
    if (moved.size === 0 && keep.length === items.length) return whole;
    const semi = whole.trimEnd().endsWith(";") ? ";" : "";
    const out = [];
    if (keep.length) out.push(`${kw}${typeKw ?? ""} { ${keep.join(", ")} } from ${q}${spec}${q}${semi}`);
    for (const [to, names] of moved) out.push(`${kw}${typeKw ?? ""} { ${names.join(", ")} } from ${q}${specifierTo(file, to, spec)}${q}${semi}`);
    return out.join("\n");
  });
}

function rewriteSpecifiers(file, code) {
  return code.replace(SPECIFIER, (whole, lead, q, spec) => {
    const target = retarget(file, spec);
    if (!target) return whole;
    return `${lead}${q}${specifierTo(file, target, spec)}${q}`;
  });
}

function rewriteProse(code) {
  return code.replace(PROSE, (whole, dot, p) => {
    if (MOVES.has(p)) return (dot ?? "") + MOVES.get(p);
    if (MOVES.has(p + ".ts") && (!isFile(p) && (!isDir(p) || FOLDER_COLLISIONS.has(p)))) return (dot ?? "") + MOVES.get(p + ".ts").replace(/\.ts$/, "");
    return whole;
  });
}

function rewriteCode(file, code) {
  return rewriteProse(rewriteSymbols(file, rewriteSpecifiers(file, code)));
}

function rewriteNotebook(file, text) {
  const nb = JSON.parse(text);
  if (JSON.stringify(nb, null, 1) + "\n" !== text) throw new Error(`${file}: not in nbformat's layout (indent 1); refusing to rewrite`);
  for (const cell of nb.cells ?? []) {
    const src = Array.isArray(cell.source) ? cell.source.join("") : cell.source;
    const out = cell.cell_type === "code" ? rewriteCode(file, src) : rewriteProse(src);
    if (out !== src) cell.source = Array.isArray(cell.source) ? out.split(/(?<=\n)/) : out;
  }
  return JSON.stringify(nb, null, 1) + "\n";
}

function rewriteFile(file) {
  const text = readFileSync(join(REPO, file), "utf8");
  if (file.endsWith(".ipynb")) return rewriteNotebook(file, text);
  if (file.endsWith(".md")) return rewriteProse(text);
  return rewriteCode(file, text);
}

const SKIP_DIRS = new Set(["node_modules", ".git", "build", ".jupyter", "layout"]);
const KINDS = /\.(ts|mts|cts|mjs|cjs|js|ipynb|md|py)$/;
function walk(dir, out) {
  for (const e of readdirSync(join(REPO, dir), { withFileTypes: true })) {
    const p = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !(dir === "notebooks" && e.name === "lib")) walk(p, out);
    } else if (e.isFile() && KINDS.test(e.name)) out.push(p);
  }
  return out;
}
function defaultFiles() {
  const files = [];
  for (const d of ["lib", "test", "scripts", "bin", "notebooks", "data"]) if (isDir(d)) walk(d, files);
  for (const e of readdirSync(REPO)) if (e.endsWith(".md") || /^\.dependency-cruiser/.test(e)) files.push(e);
  return files.filter((f) => KINDS.test(f) || f.startsWith(".dependency-cruiser"));
}

function main(argv) {
  const check = argv.includes("--check");
  const args = argv.filter((a) => a !== "--check");
  const files = args.length ? args.map((a) => canon(relative(REPO, resolve(a)).split("\\").join("/"))) : defaultFiles();
  const changed = [];
  for (const f of files) {
    if (!isFile(f) || f.startsWith("scripts/layout/") || !KINDS.test(f)) continue;
    const before = readFileSync(join(REPO, f), "utf8");
    const after = rewriteFile(f);
    if (after !== before) {
      changed.push(f);
      if (!check) writeFileSync(join(REPO, f), after);
    }
  }
  for (const f of changed) console.log(`${check ? "would rewrite" : "rewrote"} ${f}`);
  if (!changed.length) console.log("layout: nothing to rewrite");
  return check && changed.length ? 1 : 0;
}

process.exit(main(process.argv.slice(2)));
