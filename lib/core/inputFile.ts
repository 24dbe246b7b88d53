/**
 * Reading a user's input file with a size bound.
 *
 * Why: a whole file is read into memory before it is parsed, so without a bound a 200 MB CSV ends in V8's
 * out-of-memory abort (exit 134, a stack dump) and /dev/zero never ends. Here a regular file larger than the
 * limit is refused from its size, before a byte is read; anything else (a device, a pipe) is read in chunks and
 * refused as soon as it passes the limit. The limit is in the message.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/**
 * Limit for CSV inputs: 16 MiB. The largest CSV the project reads is 28 KB (a full 2017 provincial table,
 * data/derived/io-tables/2017/guangdong.csv); a province flow file is about 2 KB. A file at the limit of a million
 * short rows was measured at about 8 s and 370 MB of memory on a loaded 2-core machine, before the duplicate-row
 * check refused it; a 200 MB file, read whole, aborted with V8's out-of-memory error.
 */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;

/** Bytes as people read them: "16 MiB", "200.0 MB". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** Why a file could not be read, for the caller to report with the file's name. */
export class FileReadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = "FileReadError";
  }
}

const CHUNK = 1024 * 1024;

/** The bytes of `file`, at most `maxBytes` of them; throws FileReadError (a directory, too large, unreadable). */
export function readBoundedFile(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch (e) {
    throw new FileReadError(file, `cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new FileReadError(file, "is a directory, not a file");
    const limit = `input files are limited to ${formatBytes(maxBytes)}`;
    if (st.isFile() && st.size > maxBytes) throw new FileReadError(file, `file is ${formatBytes(st.size)}; ${limit}`);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, maxBytes + 1 - total));
      let n: number;
      try {
        n = readSync(fd, buf, 0, buf.length, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "EAGAIN") {
          // a non-blocking pipe with nothing to read yet: wait 10 ms instead of spinning
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
          continue;
        }
        throw new FileReadError(file, `cannot read file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw new FileReadError(file, `holds more than ${formatBytes(maxBytes)}; ${limit}`);
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}
