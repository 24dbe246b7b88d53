/**
 * What every `trade-patterns` subcommand shares: its I/O, argument parsing, and the error that means
 * "bad input or arguments" (exit code 2, one line on stderr, nothing written).
 */
import { parseArgs } from "node:util";

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

