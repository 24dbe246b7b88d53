/**
 * The subcommands with options of their own: cluster, search, stability.
 *
 * Modules:
 * - cluster: `trade-patterns cluster <csv>`: cluster the provinces of a flow CSV (the input of `trade-patterns indicators`:
 * - search: `trade-patterns search <csv>`: which features, scaling and clustering method reproduce Table 1 best?
 * - stability: `trade-patterns stability <csv>`: how stable is the clustering of the provinces of a flow CSV (the input of
 */
export * as cluster from "./cluster";
export * as search from "./search";
export * as stability from "./stability";
