/**
 * The parts of the Jupyter notebook format (nbformat 4) that reproduce reads and writes.
 * https://nbformat.readthedocs.io/en/latest/format_description.html
 */
import { basename } from "node:path";
import { FileReadError, readBoundedFile } from "../../lib/core/inputFile";

export type MultilineString = string | string[];

export interface Output {
  output_type: "stream" | "display_data" | "execute_result" | "error" | "update_display_data";
  name?: "stdout" | "stderr";
  text?: MultilineString;
  data?: Record<string, MultilineString | object>;
  metadata?: Record<string, unknown>;
  execution_count?: number | null;
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

export interface Cell {
  id?: string;
  cell_type: "code" | "markdown" | "raw";
  source: MultilineString;
  metadata: { tags?: string[]; [key: string]: unknown };
  outputs?: Output[];
  execution_count?: number | null;
  attachments?: Record<string, Record<string, string>>;
}

export interface Notebook {
  nbformat: number;
  nbformat_minor: number;
  metadata: {
    kernelspec?: { name: string; display_name?: string; language?: string };
    [key: string]: unknown;
  };
  cells: Cell[];
}

/** The tag of the cell that holds a notebook's parameters (papermill's convention). */
export const PARAMETERS_TAG = "parameters";
/** The tag of the cell reproduce inserts after it. */
export const INJECTED_TAG = "injected-parameters";

/** A notebook name as reproduce and the manifest use it: the file name without ".ipynb". */
export function notebookName(file: string): string {
  return basename(file).replace(/\.ipynb$/, "");
}

/**
 * Limit for a notebook file: 64 MiB. An executed notebook of this project is about 5 MB (plotly.js inlined once);
 * the committed ones, without outputs, 10–40 kB.
 */
export const MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024;

/** Read and check a notebook file; errors name the file. */
export function readNotebook(file: string): Notebook {
  let nb: Notebook;
  try {
    nb = JSON.parse(readBoundedFile(file, MAX_NOTEBOOK_BYTES).toString("utf8"));
  } catch (e) {
    if (e instanceof FileReadError) throw new Error(e.message);
    throw new Error(`${file}: not a readable notebook (${(e as Error).message})`);
  }
  if (nb?.nbformat !== 4 || !Array.isArray(nb.cells)) throw new Error(`${file}: not an nbformat 4 notebook`);
  nb.cells.forEach((c, i) => {
    if (!["code", "markdown", "raw"].includes(c?.cell_type)) throw new Error(`${file}: cell ${i + 1} has no valid cell_type`);
    c.metadata ??= {};
  });
  nb.metadata ??= {};
  return nb;
}

/** nbformat stores text either as one string or as a list of lines. */
export function joinText(text: MultilineString | undefined): string {
  return Array.isArray(text) ? text.join("") : (text ?? "");
}

export function tagsOf(cell: Cell): string[] {
  return Array.isArray(cell.metadata?.tags) ? cell.metadata.tags : [];
}

/** Index of the cell tagged "parameters", or -1. */
export function parametersCellIndex(nb: Notebook): number {
  return nb.cells.findIndex((c) => c.cell_type === "code" && tagsOf(c).includes(PARAMETERS_TAG));
}

/** The first non-blank line of a cell, shortened: how error messages name a cell. */
export function firstLine(cell: Cell, max = 80): string {
  const line = joinText(cell.source).split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length > max ? line.slice(0, max - 1) + "…" : line;
}

/** The same notebook with every output and execution count removed (how notebooks are committed). */
export function withoutOutputs(nb: Notebook): Notebook {
  return {
    ...nb,
    cells: nb.cells.map((c) => (c.cell_type === "code" ? { ...c, outputs: [], execution_count: null } : { ...c })),
  };
}

/** Cells that carry outputs or an execution count (committed notebooks must have none). */
export function cellsWithOutputs(nb: Notebook): number[] {
  return nb.cells.flatMap((c, i) => ((c.outputs?.length ?? 0) > 0 || (c.execution_count ?? null) !== null ? [i] : []));
}

/** Index of the cell a manifest entry names: by tag first, then by nbformat cell id; -1 if none. */
export function findCell(nb: Notebook, ref: string): number {
  const byTag = nb.cells.findIndex((c) => tagsOf(c).includes(ref));
  return byTag >= 0 ? byTag : nb.cells.findIndex((c) => c.id === ref);
}
