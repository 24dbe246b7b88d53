/**
 * How much of a typology (Table 1) can clustering the data recover? The exhaustive search (lib/typology/exhaustive.ts)
 * against its permutation null (lib/cluster/permutationNull.ts), in one call for the command line and notebook 01:
 *
 * 1. every configuration of the pool is clustered once and scored by ARI against the reference;
 * 2. the observed statistic is the best ARI, T = max ARI; the null is T over the same partitions against B random
 *    relabellings of the reference with its class sizes (only distinct partitions are scored: many configurations
 *    give the same one); p = (1 + #{T_b ≥ T}) / (1 + B);
 * 3. the same for one configuration chosen in advance, without any selection: k-means on the paper's five ratios,
 *    z-scores (the notebook's default clustering), whose null is its ARI against the same relabellings.
 * The relabellings are drawn from `nullSeed` (default: `seed`): relabelling b from rng(childSeed(nullSeed, b)), the
 * same for both nulls.
 */
import { type Label } from "../cluster/agreement";
import { matchClusters } from "../cluster/confusion";
import {
  distinctPartitions,
  exhaustiveSearch,
  rankByAri,
  scoreConfigurations,
  winners,
  type ConfigurationScore,
  type ExhaustiveOptions,
  type ExhaustiveResult,
} from "./exhaustive";
import type { FeatureName } from "./features";
import type { ProvinceFlows } from "../data/provinceFlows";
import { bestAriNull, nullSummary, type NullSummary } from "../cluster/permutationNull";
import { RATIO_COLUMNS } from "../paper/columns";

/** The configuration tested without selection: k-means on the five ratios, z-scores. */
export const FIVE_RATIO_KMEANS = { features: [...RATIO_COLUMNS] as FeatureName[], scaling: "z", method: "kmeans" } as const;

/** Default number of relabellings B. */
export const DEFAULT_PERMUTATIONS = 1000;

export interface SupportOptions extends Omit<ExhaustiveOptions, "onProgress"> {
  /** number of relabellings B (default 1000) */
  permutations?: number;
  /** seed of the relabellings (default: seed) */
  nullSeed?: number;
  /** called after each configuration with (done, total): the search is the slow part (the nulls take < 1 s) */
  onProgress?: (done: number, total: number) => void;
}

export interface NullTest {
  /** T_b for b = 0 … B−1 */
  values: number[];
  summary: NullSummary;
}

export interface TypologySupport {
  search: ExhaustiveResult;
  /** every configuration, best first */
  ranked: ConfigurationScore[];
  /** the configurations tied at the best ARI */
  winners: ConfigurationScore[];
  /** number of distinct partitions among the configurations (the candidates the null scores) */
  distinctPartitions: number;
  permutations: number;
  nullSeed: number;
  /** the best of the search against the relabellings */
  best: NullTest;
  /** k-means on the five ratios (z-scores) against the same relabellings */
  fiveRatio: NullTest & { score: ConfigurationScore };
}

/** Provinces in the cluster matched to their own class (Hungarian matching, lib/cluster/confusion.ts). */
export function agreeingCount(labels: readonly Label[], reference: readonly Label[]): number {
  const mapping = matchClusters(labels, reference);
  return labels.filter((l, i) => mapping.get(l) === reference[i]).length;
}

function isFiveRatio(s: ConfigurationScore): boolean {
  return s.scaling === FIVE_RATIO_KMEANS.scaling && s.method === FIVE_RATIO_KMEANS.method && s.features.join("+") === FIVE_RATIO_KMEANS.features.join("+");
}

/** The exhaustive search, its best against the permutation null, and the five-ratio k-means against the same. */
export function typologySupport(rows: readonly ProvinceFlows[], reference: readonly Label[], options: SupportOptions): TypologySupport {
  const { permutations = DEFAULT_PERMUTATIONS, onProgress } = options;
  const nullSeed = options.nullSeed ?? options.seed;
  const search = exhaustiveSearch(rows, reference, { ...options, onProgress });
  const ranked = rankByAri(search.scores);
  const partitions = distinctPartitions(search.scores);
  const bestValues = bestAriNull(reference, partitions, { permutations, seed: nullSeed });
  // k-means on the five ratios: from the search when its pool has them, else clustered the same way on its own
  const five =
    search.scores.find(isFiveRatio) ??
    scoreConfigurations(rows, reference, [{ index: -1, ...FIVE_RATIO_KMEANS, features: [...FIVE_RATIO_KMEANS.features] }], { seed: options.seed, k: search.k, starts: search.starts }).scores[0];
  const fiveValues = bestAriNull(reference, [five.labels], { permutations, seed: nullSeed });
  return {
    search,
    ranked,
    winners: winners(search.scores),
    distinctPartitions: partitions.length,
    permutations,
    nullSeed,
    best: { values: bestValues, summary: nullSummary(ranked[0].ari, bestValues) },
    fiveRatio: { score: five, values: fiveValues, summary: nullSummary(five.ari, fiveValues) },
  };
}
