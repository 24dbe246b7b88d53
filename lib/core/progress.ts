/**
 * Progress lines for long loops (stability runs, sensitivity sweeps, k-means restarts, the feature-set search):
 * `progressReporter(label, write)` returns an `onProgress(done, total)` callback that writes one line each time
 * another `step` (default 10 %) of the work is done — 10 lines for a whole run, however many iterations it has.
 *
 * Options for runs that can take long (the CLI's cluster, search and stability):
 * - `interval` (seconds): also write a line whenever that long has passed since the last one, so a slow run is
 *   never silent for more than `interval` seconds between iterations;
 * - `total`: write the 0 % line at once (progress from the start);
 * - `delay` (seconds): write nothing until the run has taken that long (a short run stays silent).
 *
 * The notebook passes `console.log` (tslab shows stdout); the CLI passes a writer to stderr, so JSON
 * on stdout stays clean.
 */

export type ProgressCallback = (done: number, total: number) => void;

export interface ProgressOptions {
  /** fraction of the work between lines (0, 1]; default 0.1 */
  step?: number;
  /** seconds after which a line is written even if no step was completed */
  interval?: number;
  /** write the 0 % line of this total at once */
  total?: number;
  /** seconds of silence before the first line */
  delay?: number;
  /** milliseconds clock (tests) */
  now?: () => number;
}

/** The progress line: "label: 30 % (300/1000)". */
export function progressLine(label: string, done: number, total: number): string {
  return `${label}: ${Math.floor((100 * done) / total)} % (${done}/${total})`;
}

/**
 * An onProgress callback writing progressLine() when done/total first reaches each multiple of
 * `step` (and at the end), and as ProgressOptions say; `write` receives the line without a newline.
 */
export function progressReporter(label: string, write: (line: string) => void, options: number | ProgressOptions = 0.1): ProgressCallback {
  const o: ProgressOptions = typeof options === "number" ? { step: options } : options;
  const { step = 0.1, interval, total: startTotal, delay = 0, now = () => performance.now() } = o;
  if (!(step > 0 && step <= 1)) throw new RangeError(`progressReporter: step must be in (0, 1], got ${step}`);
  if (interval !== undefined && !(interval > 0)) throw new RangeError(`progressReporter: interval must be > 0 seconds, got ${interval}`);
  const t0 = now();
  let lastWrite = t0;
  let reported = -1;
  let last = -1;
  const emit = (done: number, total: number) => {
    write(progressLine(label, done, total));
    lastWrite = now();
  };
  if (startTotal !== undefined && delay <= 0) emit(0, startTotal);
  return (done, total) => {
    if (!(total > 0) || done < 0 || done > total) throw new RangeError(`progress: ${done} of ${total} is not a valid count`);
    // a count going backwards is a new loop reusing the callback: start reporting again
    if (done <= last) reported = -1;
    last = done;
    // the number of whole steps completed; a small tolerance so that 0.3/0.1 counts as 3, not 2.9999
    const steps = done === total ? Infinity : Math.floor(done / total / step + 1e-9);
    const stepDue = steps > reported && steps > 0;
    if (stepDue) reported = steps;
    if (delay > 0 && now() - t0 < delay * 1000) return;
    if (stepDue || (interval !== undefined && now() - lastWrite >= interval * 1000)) emit(done, total);
  };
}
