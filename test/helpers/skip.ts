/**
 * Skipping with a reason: `describe(name, skipUnless(cond, why), fn)` or `it(name, skipUnless(cond, why), fn)`.
 * The reason travels in the tests' meta (vitest's JSON report keeps it), so scripts/run-tests.mjs can print how many
 * tests were skipped and why, one line per reason.
 */
export interface SkipOptions {
  skip: boolean;
  meta: { skipReason: string };
}

/** Test options that skip unless `condition` holds, saying why in one line. */
export function skipUnless(condition: boolean, reason: string): SkipOptions {
  if (reason.includes("\n")) throw new Error(`a skip reason is one line: ${JSON.stringify(reason)}`);
  return { skip: !condition, meta: { skipReason: reason } };
}

declare module "vitest" {
  interface TaskMeta {
    /** why the test is skipped when it is (one line) */
    skipReason?: string;
  }
}
