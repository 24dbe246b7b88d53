/**
 * What every `trade-patterns` subcommand shares: its I/O, argument parsing, and the error that means
 * "bad input or arguments" (exit code 2, one line on stderr, nothing written).
 */
import { parseArgs } from "node:util";
import { progressReporter, type ProgressCallback } from "../core/progress";

/** An error in what the user gave us: reported in one line with exit code 2. */
export class UsageError extends Error {}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>["options"]>;

/** Parse a subcommand's arguments; an unknown option is a UsageError. */
export function parse(args: string[], options: Options): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const r = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: r.values as Record<string, string | boolean | undefined>, positionals: r.positionals };
  } catch (e) {
    throw new UsageError((e as Error).message.split("\n")[0]);
  }
}


/** Seconds between progress lines at most (a line also comes at each 10 % of the work). */
export const PROGRESS_INTERVAL_SECONDS = 2;
/** Without --progress, a run shows progress only once it has taken this long (a quick run stays silent). */
export const PROGRESS_DELAY_SECONDS = 3;

/**
 * Progress lines on stderr for a long subcommand (stdout carries the result): with --progress from the start (a
 * 0 % line at once), otherwise only once the run has taken PROGRESS_DELAY_SECONDS; then at each 10 % of the work
 * and at least every PROGRESS_INTERVAL_SECONDS.
 */
export function stderrProgress(label: string, flag: boolean, io: Io, total: number): ProgressCallback {
  const write = (line: string) => io.stderr(line + "\n");
  return progressReporter(label, write, flag ? { interval: PROGRESS_INTERVAL_SECONDS, total } : { interval: PROGRESS_INTERVAL_SECONDS, delay: PROGRESS_DELAY_SECONDS });
}
