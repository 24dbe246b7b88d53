// Notebook cells and the lib files they import are compiled by tslab's own TypeScript (5.0.4, @tslab/typescript-for-tslab),
// not by the project's 5.9: every module of lib/, the folders' index.ts included, must compile there too (the
// notebooks' cells themselves are compiled by the kernel in test/notebooks.test.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { repoRoot } from "../lib/core/paths";

const REPO = repoRoot();
const TSLAB_TS = join(REPO, "node_modules", "@tslab", "typescript-for-tslab");

it("lib/ compiles with tslab's TypeScript 5.0", () => {
  expect(JSON.parse(readFileSync(join(TSLAB_TS, "package.json"), "utf8")).version).toMatch(/^5\.0\./);
  const dir = mkdtempSync(join(tmpdir(), "tp-tslab-ts-"));
  try {
    const config = join(dir, "tsconfig.json");
    writeFileSync(
      config,
      JSON.stringify({
        extends: join(REPO, "tsconfig.json"),
        compilerOptions: { noEmit: true, typeRoots: [join(REPO, "node_modules", "@types")] },
        include: [join(REPO, "lib", "**", "*.ts")],
      }),
    );
    const r = spawnSync(process.execPath, [join(TSLAB_TS, "bin", "tsc"), "-p", config], { encoding: "utf8" });
    expect(r.stdout + r.stderr).toBe("");
    expect(r.status).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
