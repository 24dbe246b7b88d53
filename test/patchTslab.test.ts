// scripts/patch-tslab.mjs (package.json postinstall): the installed tslab is patched; the patch is exactly reversible,
// idempotent, and refuses any text but tslab 1.0.22's or its own. What the patches fix is tested through the kernel
// (test/kernelFileWrites.test.ts, test/kernelOutput.test.ts).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../scripts/notebook/execute";

const SCRIPT = join(REPO, "scripts", "patch-tslab.mjs");

type State = "original" | "patched" | "unexpected";
interface PatchScript {
  TSLAB_DIST: string;
  MARKER: string;
  PATCHES: Record<string, [string, string][]>;
  stateOf(name: string, text: string): State;
  patch(name: string, text: string): string;
  revert(name: string, text: string): string;
}

let script: PatchScript;
beforeAll(async () => {
  script = await import(pathToFileURL(SCRIPT).href);
});

const installed = (name: string) => readFileSync(join(script.TSLAB_DIST, name), "utf8");

describe("scripts/patch-tslab.mjs", () => {
  it("has patched the installed tslab (npm ci runs it) and --check says so", () => {
    for (const name of Object.keys(script.PATCHES)) expect(script.stateOf(name, installed(name)), name).toBe("patched");
    const r = spawnSync(process.execPath, [SCRIPT, "--check"], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
  });

  it.each(["converter.js", "jupyter.js"])("%s: reverts to tslab's text, patches it back, twice is once", (name) => {
    const patched = installed(name);
    const original = script.revert(name, patched);
    expect(script.stateOf(name, original)).toBe("original");
    expect(original).not.toContain(script.MARKER);
    expect(script.patch(name, original)).toBe(patched);
    expect(script.patch(name, patched)).toBe(patched);
    expect(script.revert(name, original)).toBe(original);
    // only the hunks differ
    const hunks = script.PATCHES[name];
    expect(original.length - patched.length).toBe(hunks.reduce((d, [from, to]) => d + from.length - to.length, 0));
  });

  it("removes what failed: the single pending timer, the sends nobody waited for", () => {
    const converter = script.revert("converter.js", installed("converter.js"));
    expect(converter).toContain('throw new Error("Unexpected pending rebuildTimer");');
    expect(installed("converter.js")).not.toContain("Unexpected pending rebuildTimer");
    expect(script.revert("jupyter.js", installed("jupyter.js"))).toContain("        sock.send(heads.concat(bodies));\n");
    expect(installed("jupyter.js")).not.toContain("        sock.send(heads.concat(bodies));\n");
  });

  it("refuses a text it was not written for (a new tslab), patched or not", () => {
    const original = script.revert("converter.js", installed("converter.js"));
    const changed = original.replace("clearing unexpected tiemr", "clearing unexpected timer");
    expect(script.stateOf("converter.js", changed)).toBe("unexpected");
    expect(() => script.patch("converter.js", changed)).toThrow(/neither tslab 1\.0\.22's nor patched/);
    const half = script.patch("converter.js", original).replace("        runPendingTimers();\n", "        rebuildTimer.callback();\n");
    expect(script.stateOf("converter.js", half)).toBe("unexpected");
    expect(() => script.revert("converter.js", half)).toThrow(/neither/);
  });
});
