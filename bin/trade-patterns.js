#!/usr/bin/env node
// Entry point of `npx trade-patterns` / `npm exec trade-patterns`: runs lib/cli.ts through tsx,
// so the command always uses the TypeScript sources of this checkout.
"use strict";
require("tsx/cjs");
const { main } = require("../lib/cli.ts");
main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});
