// No dead code (issue 13): knip (knip.config.ts) finds no unused file, export, type or dependency, the notebooks'
// code cells counted as users of lib/ — and, on a small fixture, that it does report an export nothing imports.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { repoRoot } from "../lib/core/paths";

const REPO = repoRoot();
const KNIP = join(REPO, "node_modules", "knip", "bin", "knip.js");
const knip = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [KNIP, "--no-progress", ...args], { cwd, encoding: "utf8", timeout: 300_000 });

it("knip finds nothing unused in the repository", () => {
  const r = knip(REPO);
  expect(r.stdout + r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 300_000);

const tmp = mkdtempSync(join(tmpdir(), "tp-knip-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("knip reports an export that nothing imports (a fixture)", () => {
  mkdirSync(join(tmp, "src"));
  writeFileSync(join(tmp, "package.json"), JSON.stringify({ name: "fixture", private: true, main: "src/main.ts" }));
  writeFileSync(join(tmp, "src", "main.ts"), 'import { used } from "./lib";\nconsole.log(used());\n');
  writeFileSync(join(tmp, "src", "lib.ts"), "export function used() {\n  return 1;\n}\nexport function forgotten() {\n  return 2;\n}\n");
  const r = knip(tmp, "--include", "exports");
  expect(r.status).toBe(1);
  expect(r.stdout).toMatch(/forgotten\s+function\s+src\/lib\.ts/);
}, 300_000);
