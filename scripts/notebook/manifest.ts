/**
 * notebooks/manifest.json: which notebook cell reproduces which of the paper's tables, figures, sections and claims.
 * Notebook authors fill it in; `npm run reproduce` checks every entry against the executed notebooks and prints
 * the map on the report's index page.
 *
 *   {
 *     "entries": [
 *       { "ref": "表1", "kind": "table", "zh": "中国各地区内外贸模式及特征", "en": "Trade patterns by province",
 *         "notebook": "01_patterns", "cell": "table-1", "csv": "table1.csv" },
 *       { "ref": "§3.2", "kind": "claim", "zh": "…", "en": "…", "notebook": "02_indicators", "cell": "claim-ftd" }
 *     ]
 *   }
 *
 * - ref: how the paper names it (表1, 图2, §3.2, or a short quote for a claim);
 * - kind: "table" | "figure" | "section" | "claim";
 * - zh / en: what it is (at least one);
 * - notebook: the notebook's file name without .ipynb;
 * - cell: a tag on the cell (add it in JupyterLab's property inspector or the classic Notebook's tag toolbar), or the
 *   cell's nbformat id; tags survive editing and reordering, so prefer them;
 * - csv (optional): the file in build/tables/ that holds the reproduced table.
 * Order is the order of the index page. An entry whose notebook or cell does not exist fails reproduce.
 */
import { existsSync } from "node:fs";
import { FileReadError, readBoundedFile } from "../../lib/core/inputFile";
import { findCell, type Notebook } from "./ipynb";

export const KINDS = ["table", "figure", "section", "claim"] as const;
export type Kind = (typeof KINDS)[number];

export interface ManifestEntry {
  ref: string;
  kind: Kind;
  zh?: string;
  en?: string;
  notebook: string;
  cell: string;
  csv?: string;
}

export interface ResolvedEntry extends ManifestEntry {
  /** 0-based index of the cell in the executed notebook */
  cellIndex: number;
}

/** Limit for the manifest file (notebooks/manifest.json is about 20 kB). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Read and check a manifest; a missing file is an empty manifest. Errors name the entry and field. */
export function readManifest(file: string): ManifestEntry[] {
  if (!existsSync(file)) return [];
  let data: { entries?: unknown };
  try {
    data = JSON.parse(readBoundedFile(file, MAX_MANIFEST_BYTES).toString("utf8"));
  } catch (e) {
    throw new Error(e instanceof FileReadError ? e.message : `${file}: ${(e as Error).message}`);
  }
  if (!Array.isArray(data?.entries)) throw new Error(`${file}: expected {"entries": [...]}`);
  return data.entries.map((raw, i): ManifestEntry => {
    const e = raw as Record<string, unknown>;
    const where = `${file}: entries[${i}]${typeof e?.ref === "string" ? ` (${e.ref})` : ""}`;
    if (!e || typeof e !== "object") throw new Error(`${where}: not an object`);
    for (const k of ["ref", "notebook", "cell"]) if (typeof e[k] !== "string" || e[k] === "") throw new Error(`${where}: "${k}" must be a non-empty string`);
    if (!KINDS.includes(e.kind as Kind)) throw new Error(`${where}: "kind" must be one of ${KINDS.join(", ")}`);
    for (const k of ["zh", "en", "csv"]) if (e[k] !== undefined && typeof e[k] !== "string") throw new Error(`${where}: "${k}" must be a string`);
    if (e.zh === undefined && e.en === undefined) throw new Error(`${where}: give "zh" or "en" (what the entry is)`);
    const known = new Set(["ref", "kind", "zh", "en", "notebook", "cell", "csv"]);
    for (const k of Object.keys(e)) if (!known.has(k)) throw new Error(`${where}: unknown field "${k}"`);
    return e as unknown as ManifestEntry;
  });
}

/**
 * Attach each entry to its cell. With `partial` (a run of some notebooks only), entries of notebooks not run are
 * left out; otherwise a notebook that does not exist is an error, as is a cell that does not exist.
 */
export function resolveManifest(entries: readonly ManifestEntry[], notebooks: ReadonlyMap<string, Notebook>, partial = false): ResolvedEntry[] {
  const out: ResolvedEntry[] = [];
  entries.forEach((e, i) => {
    const nb = notebooks.get(e.notebook);
    if (!nb) {
      if (partial) return;
      throw new Error(`notebooks/manifest.json: entries[${i}] (${e.ref}) names notebook "${e.notebook}", which does not exist (have: ${[...notebooks.keys()].join(", ") || "none"})`);
    }
    const cellIndex = findCell(nb, e.cell);
    if (cellIndex < 0) throw new Error(`notebooks/manifest.json: entries[${i}] (${e.ref}): notebook ${e.notebook} has no cell tagged or with id "${e.cell}"`);
    out.push({ ...e, cellIndex });
  });
  return out;
}
