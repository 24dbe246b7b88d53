#!/usr/bin/env node
// The tslab kernel as this project's kernelspec starts it: `node scripts/tslab-kernel.cjs --config-path FILE`.
//
// It is tslab 1.0.22 as installed (with the two fixes scripts/patch-tslab.mjs applies at `npm ci`: timers of
// TypeScript's file watching, lost messages; this file warns when they are missing) plus one thing: a re-run cell
// sees edits to ANY file under lib/.
// tslab compiles the .ts files a cell imports and caches the evaluated modules; when a file changes it drops that
// file's module only, so `import { a } from "./lib/a"` keeps returning the old `a` after an edit to lib/b.ts that
// a.ts imports. Here, whenever tslab drops one compiled module, all of them are dropped, so the next import
// re-evaluates the whole chain (test/notebooks.test.ts checks this). The cached modules live in a Map private to
// tslab's createExecutor: we recognise it as the second Map that function creates (sideOutputs, then sideModules).
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const tslabDir = path.join(__dirname, "..", "node_modules", "tslab");
// the text scripts/patch-tslab.mjs writes into each file it patches
const PATCH_MARKER = "patched by scripts/patch-tslab.mjs (issue 17)";
const unpatched = ["converter.js", "jupyter.js"].filter((f) => !fs.readFileSync(path.join(tslabDir, "dist", f), "utf8").includes(PATCH_MARKER));
if (unpatched.length) {
  console.error(
    `tslab-kernel: node_modules/tslab/dist/${unpatched.join(", ")} not patched (run \`node scripts/patch-tslab.mjs\`; npm ci does): ` +
      "the kernel can fail with \"Unexpected pending rebuildTimer\" when files in lib/ change, and lose output",
  );
}

const executor = require(path.join(tslabDir, "dist", "executor.js"));
const { startKernel } = require(path.join(tslabDir, "dist", "main.js"));

const createExecutor = executor.createExecutor;
executor.createExecutor = function createExecutorReloadingAll(...args) {
  const RealMap = globalThis.Map;
  const created = [];
  globalThis.Map = class CapturedMap extends RealMap {
    constructor(entries) {
      super(entries);
      created.push(this);
    }
  };
  let ex;
  try {
    ex = createExecutor.apply(this, args);
  } finally {
    globalThis.Map = RealMap;
  }
  const sideModules = created[1];
  if (created.length === 2 && sideModules) {
    sideModules.delete = function deleteAll() {
      const had = this.size > 0;
      this.clear();
      return had;
    };
  } else {
    console.error(`tslab-kernel: tslab's executor changed (${created.length} maps); edits to a lib file imported only indirectly need a kernel restart`);
  }
  return ex;
};

const i = process.argv.indexOf("--config-path");
if (i < 0 || !process.argv[i + 1]) {
  console.error("usage: tslab-kernel.cjs --config-path CONNECTION_FILE");
  process.exit(2);
}
// enableFindLocal: false — use this checkout's tslab (patched above), not one found above the notebook's folder
startKernel({ configPath: process.argv[i + 1], enableFindLocal: false });
