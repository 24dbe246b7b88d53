#!/usr/bin/env node
// Patches two files of tslab 1.0.22 in node_modules at install time: package.json "postinstall" runs this, so
// `npm ci` always leaves them patched. Each patch replaces exact text and says why below (issue 17).
//
// 1. dist/converter.js: "Unexpected pending rebuildTimer". tslab compiles cells with TypeScript's watch program and
//    replaces the watch host's timers with its own: they never fire by themselves, tslab fires them synchronously when
//    a cell is compiled (updateContent). Its replacement holds ONE pending timer and throws "Unexpected pending
//    rebuildTimer" when asked for a second. But the watch program has two: one rebuilds the program (a cell or a
//    watched source file changed), the other re-resolves the module lookups that failed (a file or folder appeared,
//    vanished or was renamed where a lookup failed; TypeScript watches lib/ because lib files import packages, and
//    the lookups of a package first fail in notebooks/lib/node_modules). So once an entry of lib/ changes
//    (JupyterLab's save copies the file to lib/.~name.ts and removes the copy, opening a file in JupyterLab makes
//    lib/.ipynb_checkpoints, editors that save through a rename, git checkouts), TypeScript's directory watcher asks
//    for the second timer a second later, and tslab throws:
//    - from the watcher, when a rebuild is pending: "UncaughtException: Error: Unexpected pending rebuildTimer" on
//      the stderr of whichever cell runs;
//    - otherwise from the next cell's compile, and as the pending timer then stays for good, that cell and every
//      later one fail with "unexpected error: ... Unexpected pending rebuildTimer" until the kernel is restarted.
//    Patched: a set of pending timers; updateContent (and addModuleWithPath, the same code for `//@module` cells) runs
//    every pending one, including those a timer schedules as it runs. A timer leaves the set before it runs, so one
//    that throws leaves none behind; clearTimeout of a timer that is not pending does nothing, as clearTimeout does.
//    The same callbacks run at the same moment as before (when the next cell compiles).
// 2. dist/jupyter.js: lost output. zeromq 6 allows one send in progress per socket, and after 512 sends that
//    completed at once it delays the next; a send while that one waits throws EBUSY ("Socket is busy writing").
//    tslab never waits for a send, so on the iopub socket, which never receives (receiving resets the count), every
//    512th message is delayed and the messages that follow it in the same turn of the event loop are lost: a cell's
//    printed lines, its display data, its "idle" status (a cell that prints 3000 lines shows 512). Patched: the sends
//    to one socket go one after another, in order; a send that fails is reported on the kernel's own stderr. Not
//    fixed: tslab sends one message per write, so a cell printing more than about 800 lines at once can still lose
//    some to ZeroMQ's high-water mark (1000 queued messages), as any Jupyter client of a flooding publisher would.
//
//   node scripts/patch-tslab.mjs                  apply both (does nothing to a file already patched)
//   node scripts/patch-tslab.mjs --check          exit 1 unless both are applied
//   node scripts/patch-tslab.mjs --revert [FILE]  put tslab's original text back (FILE: converter.js or jupyter.js;
//                                                 to see a failure a patch fixes; `npm ci` patches again)
// Refuses, exit 1, when a file is neither tslab 1.0.22's text nor patched: a new tslab needs a new look.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repo = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const TSLAB_DIST = join(repo, "node_modules", "tslab", "dist");
/** In each patched file; scripts/tslab-kernel.cjs looks for it too. */
export const MARKER = "patched by scripts/patch-tslab.mjs (issue 17)";

/** Per file of tslab's dist/: [tslab 1.0.22's text, the patched text], in the order they appear. */
export const PATCHES = {
  "converter.js": [
    [
      `    let rebuildTimer = null;
    sys.setTimeout = (callback) => {
        // TypeScript compier implements debouncing using a timer.
        // It clears a timer when a new change is notified before the timer
        // is fired and it starts rebuilding sources.
        //
        // In this converter, it often happens when notifyUpdateSrc and
        // notifyUpdateDecls are called in sequence.
        if (rebuildTimer) {
            throw new Error("Unexpected pending rebuildTimer");
        }
        rebuildTimer = {
            callback: () => {
                callback();
                rebuildTimer = null;
            },
        };
        return rebuildTimer;
    };
    sys.clearTimeout = (timeoutId) => {
        if (rebuildTimer === timeoutId) {
            rebuildTimer = null;
            return;
        }
        throw new Error("clearing unexpected tiemr");
    };
`,
      `    // ${MARKER}:
    // TypeScript's watch program keeps two timers (rebuild the program; re-resolve failed module lookups after a
    // watched folder changed), so any number may be pending. They never fire by themselves: runPendingTimers, called
    // where a cell is compiled, runs them all. A timer leaves the set before it runs, so one that throws leaves none.
    const pendingTimers = new Set();
    sys.setTimeout = (callback, _ms, ...args) => {
        const timer = {
            callback: () => {
                pendingTimers.delete(timer);
                callback(...args);
            },
        };
        pendingTimers.add(timer);
        return timer;
    };
    sys.clearTimeout = (timer) => {
        pendingTimers.delete(timer);
    };
    function runPendingTimers() {
        if (pendingTimers.size === 0) {
            throw new Error("rebuildTimer is not set properly");
        }
        // a timer may schedule another (re-resolving lookups schedules a rebuild): run until none is left
        for (let round = 0; pendingTimers.size > 0; round++) {
            if (round === 100) {
                throw new Error("TypeScript's watch timers keep rescheduling themselves");
            }
            pendingTimers.values().next().value.callback();
        }
    }
`,
    ],
    [
      `        notifyUpdateDecls(declFilename, ts.FileWatcherEventKind.Changed);
        if (!rebuildTimer) {
            throw new Error("rebuildTimer is not set properly");
        }
        rebuildTimer.callback();
`,
      `        notifyUpdateDecls(declFilename, ts.FileWatcherEventKind.Changed);
        runPendingTimers();
`,
    ],
    [
      `        watch.updateRootFileNames(Array.from(rootFiles));
        if (!rebuildTimer) {
            throw new Error("rebuildTimer is not set properly");
        }
        // Note: builder is updated iff content is changed.
        rebuildTimer.callback();
`,
      `        watch.updateRootFileNames(Array.from(rootFiles));
        // Note: builder is updated iff content is changed.
        runPendingTimers();
`,
    ],
  ],
  "jupyter.js": [
    [
      `        heads.push(hash.digest("hex"));
        sock.send(heads.concat(bodies));
    }
}
`,
      `        heads.push(hash.digest("hex"));
        sendInOrder(sock, heads.concat(bodies));
    }
}
// ${MARKER}:
// zeromq 6 allows one send in progress per socket and delays the one after 512 sends that completed at once; a send
// meanwhile throws EBUSY, and the message was lost. Sends to one socket now wait for the previous one.
const sendQueues = new WeakMap();
function sendInOrder(sock, parts) {
    const sent = (sendQueues.get(sock) || Promise.resolve())
        .then(() => sock.send(parts))
        .catch((e) => {
            // not console.error: during a cell, tslab sends the process's stderr to Jupyter through this function
            fs_1.default.writeSync(2, \`tslab: a message to Jupyter was not sent: \${e}\\n\`);
        });
    sendQueues.set(sock, sent);
}
`,
    ],
  ],
};

const count = (text, part) => text.split(part).length - 1;

/** "original" (tslab 1.0.22's text), "patched", or "unexpected" (anything else), for one file of PATCHES. */
export function stateOf(name, text) {
  const hunks = PATCHES[name];
  const original = hunks.every(([from]) => count(text, from) === 1);
  const patched = hunks.every(([, to]) => count(text, to) === 1);
  if (original && !patched && !text.includes(MARKER)) return "original";
  if (patched && !hunks.some(([from]) => text.includes(from))) return "patched";
  return "unexpected";
}

/** The patched text of tslab 1.0.22's file `name` (the same text when already patched). */
export function patch(name, text) {
  const state = stateOf(name, text);
  if (state === "patched") return text;
  if (state !== "original") throw new Error(`${name} is neither tslab 1.0.22's nor patched`);
  return PATCHES[name].reduce((t, [from, to]) => t.replace(from, () => to), text);
}

/** tslab 1.0.22's text of file `name` from the patched one (the same text when not patched). */
export function revert(name, text) {
  const state = stateOf(name, text);
  if (state === "original") return text;
  if (state !== "patched") throw new Error(`${name} is neither tslab 1.0.22's nor patched`);
  return PATCHES[name].reduce((t, [from, to]) => t.replace(to, () => from), text);
}

function tslabVersion() {
  try {
    return JSON.parse(readFileSync(join(repo, "node_modules", "tslab", "package.json"), "utf8")).version;
  } catch {
    return "unknown";
  }
}

function main(args) {
  const [mode = "--apply", only, ...rest] = args;
  const names = only ? [only] : Object.keys(PATCHES);
  if (!["--apply", "--check", "--revert"].includes(mode) || rest.length || (only && (mode !== "--revert" || !(only in PATCHES)))) {
    console.error("usage: node scripts/patch-tslab.mjs [--check | --revert [converter.js | jupyter.js]]");
    return 2;
  }
  const texts = {};
  for (const name of names) {
    const file = join(TSLAB_DIST, name);
    if (!existsSync(file)) {
      console.error(`patch-tslab: ${file} is missing; run \`npm ci\` first.`);
      return 1;
    }
    texts[name] = readFileSync(file, "utf8");
    if (stateOf(name, texts[name]) === "unexpected") {
      console.error(
        [
          `patch-tslab: node_modules/tslab/dist/${name} (tslab ${tslabVersion()}) is not the text this patch was written for (tslab 1.0.22).`,
          "  tslab changed: read the reasons at the top of scripts/patch-tslab.mjs, check whether the new tslab still needs them,",
          "  then update or drop the patch. Until then the kernel can fail when files in lib/ change, or lose output.",
        ].join("\n"),
      );
      return 1;
    }
  }
  if (mode === "--check") {
    const unpatched = names.filter((name) => stateOf(name, texts[name]) !== "patched");
    if (unpatched.length === 0) return 0;
    console.error(`patch-tslab: node_modules/tslab/dist/${unpatched.join(", ")} not patched; run \`node scripts/patch-tslab.mjs\` (npm ci does).`);
    return 1;
  }
  for (const name of names) {
    const file = join(TSLAB_DIST, name);
    const next = mode === "--revert" ? revert(name, texts[name]) : patch(name, texts[name]);
    if (next !== texts[name]) {
      // write then rename: a kernel starting meanwhile reads the old file or the new one, never half of one
      writeFileSync(file + ".tmp", next);
      renameSync(file + ".tmp", file);
    }
    const done = next === texts[name] ? (mode === "--revert" ? "was not patched" : "already patched") : mode === "--revert" ? "reverted to tslab's text" : "patched";
    console.log(`patch-tslab: node_modules/tslab/dist/${name} ${done}`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main(process.argv.slice(2));
