/**
 * The seven types of Table 1 against clusterings of the provinces: the clustering features (from
 * indicators/), one clustering end to end (pipeline.ts), the feature-set × scaling × method search, the exhaustive
 * search over every feature subset with its permutation null and its stability (exhaustive.ts, typologySupport.ts,
 * searchStability.ts), stability under perturbation and bootstrap, sensitivity to the analyst's choices and to the
 * data edition, the rule-based reading of Table 1, type migration between years, and a synthetic data set for tests
 * and benchmarks.
 * Imports: core/, paper/, data/, indicators/, inputOutput/, cluster/.
 *
 * Modules:
 * - editionSensitivity: Does the typology depend on which edition of the data it is computed from? One clustering
 * - exhaustive: The exhaustive search: every non-empty subset of a feature pool × every scaling × every method, each cut at k and
 * - features: Clustering features computed from a province's flows (lib/indicators/ratios.ts `Flows`, 亿元).
 * - migration: Type migration: which of Table 1's seven types each province would have been in an earlier year, and how provinces
 * - pipeline: One clustering of the provinces from their flows, end to end: features (lib/typology/features.ts) → scaling
 * - rules: A rule-based reading of Table 1 (表1 中国各地区内外贸模式及特征): each type's 特征 sentence
 * - search: Which features, scaling and clustering method reproduce a reference typology best?
 * - searchStability: Is the exhaustive search's best configuration still the best when the data move a little?
 * - sensitivity: How much does the agreement with the paper's typology depend on the analyst's choices?
 * - stability: How robust is a clustering of the provinces to errors in the flows, or to which provinces happen
 * - synthetic: A seeded synthetic set of 31 provinces' flows, for tests and benchmarks of the clustering code
 * - typologySupport: How much of a typology (Table 1) can clustering the data recover? The exhaustive search (lib/typology/exhaustive.ts)
 */
export * from "./editionSensitivity";
export * from "./exhaustive";
export * from "./features";
export * from "./migration";
export * from "./pipeline";
export * from "./rules";
export * from "./search";
export * from "./searchStability";
export * from "./sensitivity";
export * from "./stability";
export * from "./synthetic";
export * from "./typologySupport";
