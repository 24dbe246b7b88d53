/**
 * Text from a user's file or command line made safe to print in one terminal line.
 *
 * Why: error messages echo what the user gave (a province name, a file name, an option value). Raw control
 * characters would let that text move the cursor, recolour or clear the terminal (ESC sequences), split one
 * message into several lines, or reorder what is shown (bidirectional overrides). Each such character is written
 * as an escape instead: \n, \r, \t, or \u followed by four hex digits (\u001b for ESC), as in a JSON string.
 */

/** C0 and C1 controls, DEL, the line and paragraph separators, bidi marks/overrides/isolates, and the BOM. */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

const SHORT: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with every unprintable character (see UNPRINTABLE) written as an escape; printable text is unchanged. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Like printable(), but keeps line breaks: for multi-line reports (a failing cell's error text). */
export function printableLines(text: string): string {
  return text.split("\n").map(printable).join("\n");
}
