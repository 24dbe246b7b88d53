// The layout of lib/ (README "Layout"): every file in the folder of its layer, each folder with an index.ts that says
// what it holds, and imports that run one way — checked by dependency-cruiser with the rules of .dependency-cruiser.cjs.
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../lib/core/paths";

const REPO = repoRoot();
const DEPCRUISE = join(REPO, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const LAYERS = ["core", "paper", "data", "indicators", "inputOutput", "cluster", "typology", "checks", "present", "cli"];

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

/** depcruise's violations for `paths`, run in `cwd` with the repo's rules. */
function cruise(cwd: string, paths: string[]): Violation[] {
  const r = spawnSync(process.execPath, [DEPCRUISE, ...paths, "--config", join(REPO, ".dependency-cruiser.cjs"), "--output-type", "json"], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  if (!r.stdout) throw new Error(`depcruise wrote nothing (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout).summary.violations;
}

describe("the layers of lib/", () => {
  it("imports run one way, with no cycle and no orphan (dependency-cruiser, .dependency-cruiser.cjs)", () => {
    const violations = cruise(REPO, ["lib", "scripts", "bin", "test"]);
    expect(violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  const tmp = mkdtempSync(join(tmpdir(), "tp-layers-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it("the rules refuse an import against the layers (a fixture: core → present, cluster → paper, present → cli)", () => {
    const files: Record<string, string> = {
      "lib/core/a.ts": 'import { b } from "../present/b";\nexport const a = b;\n',
      "lib/present/b.ts": 'import { e } from "../cli/e";\nexport const b = e;\n',
      "lib/cluster/c.ts": 'import { d } from "../paper/d";\nexport const c = d;\n',
      "lib/paper/d.ts": 'import { a } from "../core/a";\nexport const d = a;\n',
      "lib/cli/e.ts": "export const e = 1;\n",
      "test/uses.test.ts": 'import { c } from "../lib/cluster/c";\nexport const x = c;\n',
    };
    for (const [f, text] of Object.entries(files)) {
      mkdirSync(join(tmp, f, ".."), { recursive: true });
      writeFileSync(join(tmp, f), text);
    }
    cpSync(join(REPO, "tsconfig.json"), join(tmp, "tsconfig.json"));
    const found = cruise(tmp, ["lib", "test"]).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort();
    expect(found).toEqual([
      "layer-cluster: lib/cluster/c.ts → lib/paper/d.ts",
      "layer-core: lib/core/a.ts → lib/present/b.ts",
      "layer-present: lib/present/b.ts → lib/cli/e.ts",
    ]);
  });

  it("each folder's index.ts lists and exports its modules (node scripts/layout/indexes.mjs rewrites them)", () => {
    const r = spawnSync(process.execPath, [join(REPO, "scripts", "layout", "indexes.mjs"), "--check"], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("every lib file is in a layer's folder, and each folder has an index.ts that opens with its module doc", () => {
    const top = readdirSync(join(REPO, "lib")).sort();
    expect(top).toEqual([...LAYERS].sort());
    const folders: string[] = [];
    const walk = (dir: string) => {
      folders.push(dir);
      for (const e of readdirSync(join(REPO, dir))) if (statSync(join(REPO, dir, e)).isDirectory()) walk(`${dir}/${e}`);
    };
    for (const l of LAYERS) walk(`lib/${l}`);
    for (const dir of folders) {
      const index = readFileSync(join(REPO, dir, "index.ts"), "utf8");
      expect(index.startsWith("/**\n"), `${dir}/index.ts opens with a doc comment`).toBe(true);
      // the doc lists every module of the folder
      for (const f of readdirSync(join(REPO, dir)).filter((f) => f.endsWith(".ts") && f !== "index.ts"))
        expect(index, `${dir}/index.ts lists ${f}`).toContain(` * - ${f.replace(/\.ts$/, "")}: `);
    }
  });
});
