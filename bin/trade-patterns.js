#!/usr/bin/env node
// Entry point of `npx trade-patterns` / `npm exec trade-patterns`: runs lib/cli/cli.ts through tsx,
// so the command always uses the TypeScript sources of this checkout.
// Exit codes (README, "Exit codes"): 0 done, 2 bad input or arguments, 1 the run failed; one line on stderr.
"use strict";
require("tsx/cjs");
/** One line on stderr and exit 1: a failure of the run itself, never a stack trace (TP_DEBUG=1 shows it). */
function stdoutFailed(e) {
  if (process.env.TP_DEBUG) process.stderr.write(`${e.stack || e}\n`);
  const what = e.code === "ENOSPC" ? "no space left on device (ENOSPC)" : e.code || String(e.message).split("\n")[0];
  process.stderr.write(`trade-patterns: cannot write to standard output: ${what}\n`);
  process.exit(1);
}
process.stdout.on("error", (e) => {
  // `trade-patterns … | head` closes the pipe early: that is not an error
  if (e.code === "EPIPE") process.exit(0);
  // a full disk (ENOSPC, e.g. `> /dev/full`) or any other write error: the run failed
  stdoutFailed(e);
});
process.on("uncaughtException", (e) => {
  if (process.env.TP_DEBUG) process.stderr.write(`${e.stack || e}\n`);
  process.stderr.write(`trade-patterns: ${String(e.message || e).split("\n")[0]}\n`);
  process.exit(1);
});
const { main } = require("../lib/cli/cli.ts");
main(process.argv.slice(2), {
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
}).then((code) => {
  process.exitCode = code;
});
