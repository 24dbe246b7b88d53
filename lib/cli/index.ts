/**
 * The `trade-patterns` command (bin/trade-patterns.js runs cli.ts): indicators, tables, decompose, cluster,
 * search, stability. support.ts has what every subcommand shares (I/O, arguments, exit code 2 for bad input).
 * Imports: anything in lib/.
 *
 * Modules:
 * - cli: The `trade-patterns` command line (bin/trade-patterns.js runs this file).
 * - support: What every `trade-patterns` subcommand shares: its I/O, argument parsing, and the error that means
 */
export * from "./cli";
export * from "./support";
export * from "./commands/index";
