#!/usr/bin/env node
// Entry point of `npx trade-patterns` / `npm exec trade-patterns`: runs lib/cli.ts through tsx,
// so the command always uses the TypeScript sources of this checkout.
"use strict";
require("tsx/cjs");
// `trade-patterns … | head` closes the pipe early: that is not an error
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
const { main } = require("../lib/cli.ts");
main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});
