import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../lib/core/paths";
import { manifestMarkdown, readmeWithManifest } from "../scripts/manifest-table";

const readme = readFileSync(join(repoRoot(), "README.md"), "utf8");
const pkg = JSON.parse(readFileSync(join(repoRoot(), "package.json"), "utf8"));

describe("README.md matches the code", () => {
  it("lists every table, figure and claim of notebooks/manifest.json (regenerate: tsx scripts/manifest-table.ts --write)", () => {
    expect(readmeWithManifest(readme, manifestMarkdown())).toBe(readme);
  });

  it("names only npm scripts that exist", () => {
    const named = [...readme.matchAll(/npm run ([a-z][\w:-]*)/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThan(3);
    for (const s of new Set(named)) expect(Object.keys(pkg.scripts), `npm run ${s}`).toContain(s);
  });

  it("documents every trade-patterns subcommand", () => {
    for (const c of ["indicators", "tables", "decompose", "cluster", "search", "stability"]) expect(readme).toContain(`trade-patterns ${c}`);
  });

  it("lists every notebook", () => {
    const notebooks = readFileSync(join(repoRoot(), "notebooks", "manifest.json"), "utf8");
    for (const n of ["00_data", "01_overall_patterns", "02_regional_patterns", "03_changing_patterns", "04_value_added_and_policy", "05_robustness"]) {
      expect(readme).toContain(`notebooks/${n}.ipynb`);
      expect(notebooks).toContain(n);
    }
  });
});
