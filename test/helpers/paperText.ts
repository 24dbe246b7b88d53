/**
 * The paper's text, for the tests that check transcriptions and quotations against it: the one file the tests read
 * from outside the repository (the paper is not redistributed here).
 *
 * Where: the file PAPER_TEXT names; without PAPER_TEXT, ../shared/paper/000_7f5be007e0a0cac1.txt beside the
 * checkout (where the project's machines and CI keep it). Where neither is set nor present, the checks that need the
 * text are skipped, each carrying one line saying why (`needsPaper`, printed by scripts/run-tests.mjs), and every
 * other test runs. A PAPER_TEXT that names a missing file is a mistake, not an absence: those checks then fail
 * saying so.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { repoRoot } from "../../lib/core/paths";
import { skipUnless } from "./skip";

export const PAPER_FILE = "000_7f5be007e0a0cac1.txt";

/** The default place of the paper's text: ../shared/paper/ beside the checkout. */
export const DEFAULT_PAPER_TEXT = join(repoRoot(), "..", "shared", "paper", PAPER_FILE);

/** The paper's text file: PAPER_TEXT if set, else the default place. */
export function paperTextPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.PAPER_TEXT ? env.PAPER_TEXT : DEFAULT_PAPER_TEXT;
}

/** Whether the checks that need the text run: PAPER_TEXT is set (then it must exist), or the default file exists. */
export function havePaper(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.PAPER_TEXT) || existsSync(DEFAULT_PAPER_TEXT);
}

/** Why the checks that need the text are skipped (one line). */
export const PAPER_SKIP_REASON = `needs the paper's text: not at ${relative(repoRoot(), DEFAULT_PAPER_TEXT)} and PAPER_TEXT is not set (set it to the extracted text, see README "Tests and benchmarks")`;

/** Options for a describe or it that needs the paper's text: skipped with the reason when it is absent. */
export const needsPaper = skipUnless(havePaper(), PAPER_SKIP_REASON);

/**
 * The paper's text as extracted from the PDF (read once). Call it inside tests, not while they are collected, so a
 * PAPER_TEXT naming a missing file fails those tests and not the whole file; where the text is absent (the tests are
 * skipped by `needsPaper`) it returns "".
 */
export function paperText(): string {
  if (!havePaper()) return "";
  const path = paperTextPath();
  if (!existsSync(path)) throw new Error(`PAPER_TEXT=${path}: no such file (it must name the extracted text of the paper)`);
  return (cached ??= readFileSync(path, "utf8"));
}
let cached: string | undefined;
