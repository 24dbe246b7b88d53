// The paper's extracted text, the one file outside the repository tests may read (README "Tests"): PAPER_TEXT, or
// /work/shared/paper/000_7f5be007e0a0cac1.txt beside the checkout (where CI puts it too).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../../lib/core/paths";

export const PAPER_TEXT = process.env.PAPER_TEXT ?? join(repoRoot(), "..", "shared", "paper", "000_7f5be007e0a0cac1.txt");

/** The paper's text; a clear error when it is not where PAPER_TEXT says. */
export function paperText(): string {
  if (!existsSync(PAPER_TEXT)) throw new Error(`paper text not found at ${PAPER_TEXT}: set PAPER_TEXT to the extracted text of the paper`);
  return readFileSync(PAPER_TEXT, "utf8");
}
