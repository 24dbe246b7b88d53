// The tslab kernel delivers every message of a long session. zeromq 6 delays the send that follows 512 sends that
// completed at once, and a send while it waits throws EBUSY; tslab did not wait for its sends, so on the iopub
// socket (which never receives, and receiving is what resets the count) the messages after every 512th in the same
// turn of the event loop were lost: printed lines, display data, the cell's idle status. scripts/patch-tslab.mjs
// makes the sends to one socket wait for each other (found under issue 17: the 200-cell test there lost a cell's
// output once in a few runs).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KernelSession } from "./helpers/kernel";

// 6 × (150 lines + busy + idle) = 912 iopub messages: past the 512th, each cell's lines sent in one turn
const CELLS = 6;
const LINES = 150;

describe("the tslab kernel loses no output in a long session", () => {
  it(`${CELLS} cells printing ${LINES} lines each show every line and finish`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "tp-kernel-output-"));
    let kernel: KernelSession | null = null;
    try {
      kernel = (await KernelSession.start(dir, { timeoutSeconds: 20 })).kernel;
      for (let c = 0; c < CELLS; c++) {
        const r = await kernel.execute(`for (let i = 0; i < ${LINES}; i++) console.log("${c}:" + i);`);
        const expected = Array.from({ length: LINES }, (_, i) => `${c}:${i}\n`).join("");
        const shown = r.stdout.split("\n").filter(Boolean).length;
        expect({ cell: c, status: r.status, idle: r.idle, lines: shown, complete: r.stdout === expected, stderr: r.stderr }).toEqual({
          cell: c,
          status: "ok",
          idle: true,
          lines: LINES,
          complete: true,
          stderr: "",
        });
      }
      const late = await kernel.close(0.3);
      kernel = null;
      expect(late).toEqual([]);
    } finally {
      await kernel?.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
