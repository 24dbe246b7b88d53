/**
 * Progress lines for long loops (stability runs, sensitivity sweeps): `progressReporter(label, write)`
 * returns an `onProgress(done, total)` callback that writes one line each time another `step`
 * (default 10 %) of the work is done — 10 lines for a whole run, however many iterations it has.
 *
 * The notebook passes `console.log` (tslab shows stdout); the CLI passes a writer to stderr, so JSON
 * on stdout stays clean.
 */

export type ProgressCallback = (done: number, total: number) => void;

/** The progress line: "label: 30 % (300/1000)". */
export function progressLine(label: string, done: number, total: number): string {
  return `${label}: ${Math.floor((100 * done) / total)} % (${done}/${total})`;
}

/**
 * An onProgress callback writing progressLine() when done/total first reaches each multiple of
 * `step` (and at the end); `write` receives the line without a newline.
 */
export function progressReporter(label: string, write: (line: string) => void, step = 0.1): ProgressCallback {
  if (!(step > 0 && step <= 1)) throw new RangeError(`progressReporter: step must be in (0, 1], got ${step}`);
  let reported = -1;
  let last = -1;
  return (done, total) => {
    if (!(total > 0) || done < 0 || done > total) throw new RangeError(`progress: ${done} of ${total} is not a valid count`);
    // a count going backwards is a new loop reusing the callback: start reporting again
    if (done <= last) reported = -1;
    last = done;
    // the number of whole steps completed; a small tolerance so that 0.3/0.1 counts as 3, not 2.9999
    const steps = done === total ? Infinity : Math.floor(done / total / step + 1e-9);
    if (steps > reported && steps > 0) {
      reported = steps;
      write(progressLine(label, done, total));
    }
  };
}
