// Committed notebooks: no outputs (executed copies live in build/), the tslab kernel, one parameters cell first,
// and a manifest whose every entry points at a cell that exists.
import { existsSync, readdirSync, readlinkSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../scripts/notebook/execute";
import { PARAMETERS_TAG, cellsWithOutputs, joinText, notebookName, parametersCellIndex, readNotebook, tagsOf } from "../scripts/notebook/ipynb";
import { readManifest, resolveManifest } from "../scripts/notebook/manifest";
import { nonDeclarationStatements } from "../scripts/notebook/params";
import { defaultNotebooks } from "../scripts/reproduce";
import { skipUnless } from "./helpers/skip";

/** Every .ipynb in the repository outside node_modules, build and checkpoints. */
function allNotebooks(dir = REPO): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (["node_modules", "build", ".git", ".jupyter", ".ipynb_checkpoints", "scratch", "lib"].includes(name)) continue;
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st?.isDirectory()) out.push(...allNotebooks(p));
    else if (name.endsWith(".ipynb")) out.push(p);
  }
  return out;
}

const NOTEBOOKS = allNotebooks();
const PAPER = defaultNotebooks();

describe("committed notebooks", () => {
  it("include the test fixtures", () => {
    expect(NOTEBOOKS.map((p) => relative(REPO, p))).toContain("test/fixtures/notebooks/smoke.ipynb");
  });

  it.each(NOTEBOOKS.map((p) => [relative(REPO, p), p]))("%s has no outputs and declares the tslab kernel", (_rel, path) => {
    const nb = readNotebook(path);
    const dirty = cellsWithOutputs(nb);
    expect(dirty, `cells ${dirty.map((i) => i + 1).join(", ")} carry outputs or execution counts: clear them (Edit → Clear All Outputs) before committing`).toEqual([]);
    expect(nb.metadata.kernelspec?.name).toBe("tslab");
  });

  it("notebooks/lib and the fixtures' lib are symlinks to lib/ (notebooks import ./lib/…)", () => {
    expect(readlinkSync(join(REPO, "notebooks", "lib"))).toBe("../lib");
    expect(readlinkSync(join(REPO, "test", "fixtures", "notebooks", "lib"))).toBe("../../../lib");
  });
});

describe("the paper's notebooks (notebooks/NN_*.ipynb)", skipUnless(PAPER.length > 0, "no notebooks/NN_*.ipynb in this checkout"), () => {
  it.each(PAPER.map((p) => [notebookName(p), p]))("%s opens with one parameters cell holding only declarations", (_name, path) => {
    const nb = readNotebook(path);
    const at = parametersCellIndex(nb);
    const firstCode = nb.cells.findIndex((c) => c.cell_type === "code");
    expect(at, `tag the first code cell "${PARAMETERS_TAG}"`).toBe(firstCode);
    expect(nb.cells.filter((c) => tagsOf(c).includes(PARAMETERS_TAG))).toHaveLength(1);
    expect(nonDeclarationStatements(joinText(nb.cells[at].source))).toEqual([]);
  });

  it("notebooks/manifest.json: every entry names an existing notebook and cell", () => {
    const file = join(REPO, "notebooks", "manifest.json");
    const entries = readManifest(file);
    const books = new Map(PAPER.map((p) => [notebookName(p), readNotebook(p)]));
    expect(() => resolveManifest(entries, books)).not.toThrow();
    if (existsSync(file)) expect(entries.length).toBeGreaterThan(0);
  });
});
