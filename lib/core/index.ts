/**
 * The ground floor: what every layer uses and that knows nothing of the paper. CSV reading and writing with
 * errors that name the file, row and column; size-bounded input files; all-or-nothing writes; the repository's paths;
 * seeded random numbers; progress lines; text made safe to print; the bilingual text type (`Lang`, `Bilingual`,
 * `pick`); and the solver that recovers unknown members of printed group totals by subtraction.
 * Imports: nothing of lib/ outside core/.
 *
 * Modules:
 * - atomicWrite: Writing a set of output files all or nothing.
 * - csv: Reading and writing the CSV files of this project, with errors that say where.
 * - inputFile: Reading a user's input file with a size bound.
 * - paths: Where the repository's files are, wherever the code runs from: scripts, tests, the CLI, or a notebook
 * - plainRows: Rows for display's table(): it takes Record<string, unknown>[], which TypeScript does not let an interface type
 * - printable: Text from a user's file or command line made safe to print in one terminal line.
 * - progress: Progress lines for long loops (stability runs, sensitivity sweeps, k-means restarts, the feature-set search):
 * - random: A small seeded pseudo-random number generator, so that every random step in the project can be
 * - subtraction: Recovering unknown members of printed group totals by subtraction.
 * - text: The bilingual text every layer uses: labels are printed in Chinese, with English beside (the developers' guide).
 */
export * from "./atomicWrite";
export * from "./csv";
export * from "./inputFile";
export * from "./paths";
export * from "./plainRows";
export * from "./printable";
export * from "./progress";
export * from "./random";
export * from "./subtraction";
export * from "./text";
