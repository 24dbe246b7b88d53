#!/usr/bin/env node
// Keeps each lib folder's index.ts in step with its files: the "Modules:" list of its doc comment (each module's
// name and the first line of its own doc) and the `export *` lines. The folder's paragraph above "Modules:" and
// anything after the generated exports (explicit exports that settle a name two modules share) are kept.
// Usage: node scripts/layout/indexes.mjs [--check]   (--check: change nothing, exit 1 if an index is out of date;
// test/layers.test.ts runs it)
import { readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const LIB = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "lib");
/** folders whose modules export the same names (each subcommand's `run`): re-exported as namespaces */
const NAMESPACED = new Set(["cli/commands"]);

function firstDocLine(file) {
  const m = /\/\*\*\s*\n\s*\*\s*(.*)/.exec(readFileSync(file, "utf8"));
  if (!m) throw new Error(`${file}: no module doc comment (/** … */) to list in its folder's index.ts`);
  return m[1];
}

function indexText(rel) {
  const dir = join(LIB, rel);
  const file = join(dir, "index.ts");
  const old = readFileSync(file, "utf8");
  const cut = old.indexOf(" *\n * Modules:\n");
  if (cut < 0) throw new Error(`lib/${rel}/index.ts: no " * Modules:" line after the folder's paragraph`);
  const head = old.slice(0, cut);
  const entries = readdirSync(dir).sort();
  const modules = entries.filter((f) => f.endsWith(".ts") && f !== "index.ts").map((f) => f.slice(0, -3));
  const subs = entries.filter((f) => statSync(join(dir, f)).isDirectory());
  const lines = modules.map((m) => ` * - ${m}: ${firstDocLine(join(dir, `${m}.ts`))}`);
  const exports = [
    ...modules.map((m) => (NAMESPACED.has(rel) ? `export * as ${m} from "./${m}";` : `export * from "./${m}";`)),
    ...subs.map((s) => `export * from "./${s}/index";`),
  ];
  // what follows the generated export lines is kept (explicit exports settling a shared name)
  const oldLines = old.split("\n");
  const lastGenerated = oldLines.findLastIndex((l) => /^export \* (as \w+ )?from "\.\/[\w/]+";$/.test(l));
  const tail = lastGenerated >= 0 ? oldLines.slice(lastGenerated + 1).join("\n") : "\n";
  return `${head} *\n * Modules:\n${lines.join("\n")}\n */\n${exports.join("\n")}\n${tail.replace(/^\n+/, "")}`.replace(/\n*$/, "\n");
}

function folders(rel = "", out = []) {
  for (const e of readdirSync(join(LIB, rel))) {
    const p = rel ? `${rel}/${e}` : e;
    if (statSync(join(LIB, p)).isDirectory()) {
      out.push(p);
      folders(p, out);
    }
  }
  return out;
}

const check = process.argv.includes("--check");
const stale = [];
for (const rel of folders()) {
  const file = join(LIB, rel, "index.ts");
  const text = indexText(rel);
  if (text !== readFileSync(file, "utf8")) {
    stale.push(`lib/${rel}/index.ts`);
    if (!check) writeFileSync(file, text);
  }
}
for (const f of stale) console.log(`${check ? "out of date" : "rewrote"}: ${f}`);
process.exit(check && stale.length ? 1 : 0);
