/**
 * Is the exhaustive search's best configuration still the best when the data move a little?
 *
 * Run r perturbs every flow exactly as run r of notebook 05's perturbation stability does (lib/typology/stability.ts
 * `perturbedRun`: each of 总产出, GDP, 出口, 进口, 流出, 流入 times 1 + ε, ε ~ U(−x, x), x = `amplitude`, default ±10 %,
 * from the stream childSeed(seed, 2r)), then re-runs the whole search (every configuration, the same k-means starts
 * and seed as the unperturbed search) and asks:
 * - is one of the unperturbed winners (the configurations tied at the best ARI) among the run's winners?
 * - where does the unperturbed top configuration rank, and what ARI does it keep? (rank = 1 + the number of
 *   configurations with a strictly higher ARI, so tied configurations share a rank)
 * - what is the run's best ARI, and which configurations win most often?
 * A best configuration that is a property of the data keeps winning; one that won by a hair on these particular
 * numbers does not. Each run costs one whole search (seconds), so runs are few: read the shares as rough.
 *
 * `candidates` restricts the re-runs to some configurations (e.g. those within 0.1 of the best ARI, for a notebook
 * that cannot wait for whole searches): winners and ranks are then among the candidates only. The count of runs in
 * which the unperturbed winner is still the best is then an upper bound (a configuration left out can only take the
 * lead away) and each run's best ARI a lower bound. On the 2017 flows they are not tight: `trade-patterns search
 * --exhaustive --stability-runs 20` (every configuration re-run) found the winner still best in 2 of 20 runs, and
 * most runs won by configurations whose unperturbed ARI lies 0.1–0.2 below the best.
 */
import type { Label } from "../cluster/agreement";
import { scoreConfigurations, winners, type ExhaustiveResult } from "./exhaustive";
import type { ProvinceFlows } from "../data/provinceFlows";
import { perturbedRun } from "./stability";

/** ARIs closer than this are ties. */
const TIE = 1e-12;

export interface PerturbedSearchRun {
  run: number;
  /** the best ARI of the perturbed search */
  bestAri: number;
  /** indices of the configurations tied at that ARI */
  winners: number[];
  /** the unperturbed top configuration in this run: its rank (1 = best, ties share) and ARI */
  baseTopRank: number;
  baseTopAri: number;
  /** whether an unperturbed winner is among this run's winners */
  stillBest: boolean;
}

export interface SearchStability {
  amplitude: number;
  seed: number;
  /** indices of the unperturbed winners; the first is the unperturbed top configuration */
  baseWinners: number[];
  /** indices of the configurations re-run in every perturbed search */
  candidates: number[];
  runs: PerturbedSearchRun[];
  /** runs in which an unperturbed winner is still a winner */
  stillBest: number;
  /** configurations that won at least one run, most wins first (ties by index) */
  winCounts: { index: number; wins: number }[];
}

export interface SearchStabilityOptions {
  /** number of perturbed searches */
  runs: number;
  /** seed of the perturbations (notebook 05's is 20171231) */
  seed: number;
  /** half-width x of the relative perturbation (default 0.10) */
  amplitude?: number;
  /** indices of the configurations to re-run (default all; module comment); must include the unperturbed winners */
  candidates?: readonly number[];
  /** called as configurations are done, over all runs: (done, runs × configurations) */
  onProgress?: (done: number, total: number) => void;
}

/** The unperturbed search's winners under `runs` perturbations of the flows (module comment). */
export function searchStability(rows: readonly ProvinceFlows[], reference: readonly Label[], base: ExhaustiveResult, options: SearchStabilityOptions): SearchStability {
  const { runs, seed, amplitude = 0.1, onProgress } = options;
  if (!Number.isInteger(runs) || runs < 1) throw new RangeError(`search stability: runs must be a positive integer, got ${runs}`);
  if (!(amplitude >= 0 && amplitude < 1)) throw new RangeError(`search stability: amplitude must be in [0, 1), got ${amplitude}`);
  const baseWinners = winners(base.scores).map((s) => s.index);
  const top = baseWinners[0];
  const candidates = [...(options.candidates ?? base.scores.map((s) => s.index))].sort((a, b) => a - b);
  for (const c of candidates) if (!base.scores[c]) throw new RangeError(`search stability: no configuration ${c}`);
  const missing = baseWinners.filter((w) => !candidates.includes(w));
  if (missing.length) throw new RangeError(`search stability: the candidates leave out the unperturbed winner${missing.length > 1 ? "s" : ""} ${missing.join(", ")}`);
  const configs = candidates.map((c) => ({ index: c, features: base.scores[c].features, scaling: base.scores[c].scaling, method: base.scores[c].method }));
  const perRun = configs.length;
  const out: PerturbedSearchRun[] = [];
  const wins = new Map<number, number>();
  for (let r = 0; r < runs; r++) {
    const search = scoreConfigurations(perturbedRun(rows, seed, r, amplitude), reference, configs, {
      seed: base.seed,
      k: base.k,
      starts: base.starts,
      silhouette: false,
      onProgress: onProgress && ((done) => onProgress(r * perRun + done, runs * perRun)),
    });
    const byIndex = new Map(search.scores.map((s) => [s.index, s]));
    const runWinners = winners(search.scores).map((s) => s.index);
    const topAri = byIndex.get(top)!.ari;
    for (const w of runWinners) wins.set(w, (wins.get(w) ?? 0) + 1);
    out.push({
      run: r,
      bestAri: byIndex.get(runWinners[0])!.ari,
      winners: runWinners,
      baseTopRank: 1 + search.scores.filter((s) => s.ari > topAri + TIE).length,
      baseTopAri: topAri,
      stillBest: runWinners.some((w) => baseWinners.includes(w)),
    });
  }
  return {
    amplitude,
    seed,
    baseWinners,
    candidates,
    runs: out,
    stillBest: out.filter((r) => r.stillBest).length,
    winCounts: [...wins].map(([index, w]) => ({ index, wins: w })).sort((a, b) => b.wins - a.wins || a.index - b.index),
  };
}
