import { describe, expect, it } from "vitest";
import {
  configurationCount,
  configurations,
  distinctPartitions,
  exhaustiveSearch,
  FEATURE_POOLS,
  rankByAri,
  winners,
} from "../lib/typology/exhaustive";
import { featureMatrix } from "../lib/typology/features";
import { searchStability } from "../lib/typology/searchStability";
import { agreeingCount, typologySupport } from "../lib/typology/typologySupport";
import { toFloat64 } from "../lib/cluster/kmeans";
import { hartiganRefine, LloydWorkspace, lloydIterations, seedKmeansPlusPlus } from "../lib/cluster/lloyd";
import { scale } from "../lib/cluster/scaling";
import { syntheticProvinces } from "../lib/typology/synthetic";
import { rng } from "../lib/core/random";

/** W of a partition, from scratch. */
function withinSS(X: number[][], labels: ArrayLike<number>, k: number): number {
  const p = X[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(p).fill(0));
  const counts = new Array<number>(k).fill(0);
  X.forEach((x, i) => {
    counts[labels[i]]++;
    x.forEach((v, j) => (sums[labels[i]][j] += v));
  });
  let w = 0;
  X.forEach((x, i) => x.forEach((v, j) => (w += (v - sums[labels[i]][j] / counts[labels[i]]) ** 2)));
  return w;
}

/** The global minimum of W over every assignment of n rows to exactly k non-empty clusters (k^n of them). */
function bruteForceMinW(X: number[][], k: number): number {
  const n = X.length;
  const labels = new Array<number>(n).fill(0);
  let best = Infinity;
  for (let code = 0; code < k ** n; code++) {
    let c = code;
    const used = new Set<number>();
    for (let i = 0; i < n; i++) {
      labels[i] = c % k;
      used.add(labels[i]);
      c = Math.floor(c / k);
    }
    if (used.size === k) best = Math.min(best, withinSS(X, labels, k));
  }
  return best;
}

describe("the configurations of the exhaustive search", () => {
  it("are every non-empty subset of the pool × 3 scalings × 3 methods, each once", () => {
    const all = configurations(FEATURE_POOLS.indicators);
    expect(FEATURE_POOLS.indicators).toEqual(["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate", "export_rate", "import_rate", "outflow_gdp", "inflow_gdp"]);
    expect(all).toHaveLength(4599); // (2⁹ − 1) × 3 × 3
    expect(configurationCount(9)).toBe(4599);
    expect(all.map((c) => c.index)).toEqual(all.map((_, i) => i));
    const subsets = new Set(all.map((c) => [...c.features].sort().join("+")));
    expect(subsets.size).toBe(511);
    expect(new Set(all.map((c) => `${c.features.join("+")}|${c.scaling}|${c.method}`)).size).toBe(4599);
    expect(all[0]).toMatchObject({ features: ["trade_ratio"], scaling: "z", method: "kmeans" });
    expect(all[all.length - 1].features).toEqual(FEATURE_POOLS.indicators);
    expect(configurations(FEATURE_POOLS.raw)).toHaveLength(63 * 9);
  });

  it("refuses a pool with an unknown feature, a repeated one, or more than ten", () => {
    expect(() => configurations(["ftd", "nope"])).toThrow(/unknown feature "nope"/);
    expect(() => configurations(["ftd", "ftd"])).toThrow(/"ftd" is listed twice/);
    expect(() => configurations([...FEATURE_POOLS.indicators, "gdp", "export"])).toThrow(/11 features; at most 10/);
  });
});

describe("Hartigan's polish of a Lloyd start", () => {
  it("never raises W and ends where no single-point move lowers it", () => {
    const random = rng(11);
    for (let trial = 0; trial < 30; trial++) {
      const n = 14;
      const p = 2;
      const k = 4;
      const rows = Array.from({ length: n }, () => Array.from({ length: p }, () => random()));
      const X = toFloat64(rows);
      const ws = new LloydWorkspace(n, p, k);
      seedKmeansPlusPlus(X, ws, rng(trial));
      const [lloydW] = lloydIterations(X, ws, 300);
      const w = hartiganRefine(X, ws);
      expect(w).toBeLessThanOrEqual(lloydW + 1e-12);
      const labels = Array.from(ws.labels);
      expect(w).toBeCloseTo(withinSS(rows, labels, k), 12);
      // every move of one point to another cluster (keeping its own non-empty) leaves W at least as high
      for (let i = 0; i < n; i++) {
        for (let b = 0; b < k; b++) {
          if (b === labels[i] || labels.filter((l) => l === labels[i]).length === 1) continue;
          const moved = labels.slice();
          moved[i] = b;
          expect(withinSS(rows, moved, k)).toBeGreaterThanOrEqual(w - 1e-12);
        }
      }
    }
  });
});

describe("exhaustiveSearch", () => {
  it("reaches the global minimum of W in every k-means configuration (brute force over all 3⁹ partitions)", () => {
    const { rows } = syntheticProvinces(7, 0.5);
    const small = rows.slice(0, 9);
    const reference = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    const pool = ["ftd", "dtd", "inflow_rate"];
    const res = exhaustiveSearch(small, reference, { seed: 3, k: 3, pool, starts: 20, methods: ["kmeans"] });
    expect(res.scores).toHaveLength(7 * 3);
    for (const s of res.scores) {
      const Z = scale(featureMatrix(small, s.features).X, s.scaling);
      expect(s.inertia, `${s.features.join("+")} ${s.scaling}`).toBeCloseTo(bruteForceMinW(Z, 3), 9);
      expect(s.inertia).toBeCloseTo(withinSS(Z, s.labels, 3), 9);
    }
  });

  it("finds the planted typology (ARI 1) on well-separated synthetic provinces, and ranks best first", () => {
    const { rows, types } = syntheticProvinces(3, 0.02);
    const calls: number[] = [];
    const res = exhaustiveSearch(rows, types, { seed: 1, pool: ["ftd", "dtd", "inflow_rate"], starts: 50, onProgress: (d, t) => calls.push(d / t) });
    expect(res.k).toBe(7);
    expect(res.scores).toHaveLength(63);
    expect(calls).toHaveLength(63);
    expect(calls[62]).toBe(1);
    const ranked = rankByAri(res.scores);
    expect(ranked[0].ari).toBe(1);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i].ari).toBeLessThanOrEqual(ranked[i - 1].ari);
    const top = winners(res.scores);
    expect(top.length).toBeGreaterThan(0);
    expect(top.every((s) => s.ari === 1)).toBe(true);
    // equal partitions are one candidate for the null
    const distinct = distinctPartitions(res.scores);
    expect(distinct.length).toBeLessThanOrEqual(63);
    expect(new Set(distinct.map((l) => l.join(","))).size).toBe(distinct.length);
    expect(new Set(res.scores.map((s) => s.labels.join(","))).size).toBe(distinct.length);
  });

  it("is deterministic, and a configuration's partition does not depend on the others searched", () => {
    const { rows, types } = syntheticProvinces(5, 0.3);
    const a = exhaustiveSearch(rows, types, { seed: 9, pool: ["ftd", "dtd", "outflow_rate"], starts: 30 });
    const b = exhaustiveSearch(rows, types, { seed: 9, pool: ["ftd", "dtd", "outflow_rate"], starts: 30 });
    expect(b.scores).toEqual(a.scores);
    const alone = exhaustiveSearch(rows, types, { seed: 9, pool: ["dtd", "outflow_rate"], starts: 30 });
    for (const s of alone.scores) {
      const same = a.scores.find((t) => t.features.join("+") === s.features.join("+") && t.scaling === s.scaling && t.method === s.method)!;
      expect(same.labels).toEqual(s.labels);
    }
  });

  it("checks its options", () => {
    const { rows, types } = syntheticProvinces(5);
    expect(() => exhaustiveSearch(rows, types.slice(1), { seed: 1 })).toThrow(/30 reference labels for 31 rows/);
    expect(() => exhaustiveSearch(rows, types, { seed: 1, k: 1 })).toThrow(/k must be an integer from 2 to 31/);
    expect(() => exhaustiveSearch(rows, types, { seed: 1, starts: 0 })).toThrow(/starts must be a positive integer/);
  });
});

describe("typologySupport: the search against its permutation null", () => {
  it("on a planted typology the best reaches ARI 1 and no relabelling does: p = 1/(B + 1)", () => {
    const { rows, types } = syntheticProvinces(3, 0.02);
    const calls: [number, number][] = [];
    const r = typologySupport(rows, types, { seed: 1, pool: ["ftd", "dtd", "inflow_rate"], starts: 30, permutations: 200, onProgress: (d, t) => calls.push([d, t]) });
    expect(r.ranked[0].ari).toBe(1);
    expect(r.best.summary).toMatchObject({ observed: 1, permutations: 200, atLeastObserved: 0, pValue: 1 / 201 });
    expect(r.best.summary.quantiles[3].value).toBeLessThan(0.5);
    // the five ratios are not in this pool: clustered on their own with the same seed and starts
    expect(r.fiveRatio.score).toMatchObject({ index: -1, scaling: "z", method: "kmeans", features: ["trade_ratio", "ftd", "dtd", "outflow_rate", "inflow_rate"] });
    expect(r.fiveRatio.summary.observed).toBe(r.fiveRatio.score.ari);
    // the single configuration's null can only be below the best-of-search null, relabelling by relabelling
    r.fiveRatio.values.forEach((v, b) => expect(v).toBeLessThanOrEqual(r.best.values[b] + 1e-12));
    expect(calls[calls.length - 1]).toEqual([63, 63]);
    expect(agreeingCount(r.ranked[0].labels, types)).toBe(31);
  });
});

describe("searchStability: is the best still the best under perturbation?", () => {
  const { rows, types } = syntheticProvinces(5, 0.3);
  const base = exhaustiveSearch(rows, types, { seed: 2, pool: ["ftd", "dtd", "inflow_rate"], starts: 30 });

  it("with no perturbation every run is the unperturbed search again", () => {
    const st = searchStability(rows, types, base, { runs: 3, seed: 7, amplitude: 0 });
    expect(st.stillBest).toBe(3);
    const best = winners(base.scores);
    for (const run of st.runs) {
      expect(run).toMatchObject({ baseTopRank: 1, baseTopAri: best[0].ari, bestAri: best[0].ari, stillBest: true });
      expect(run.winners).toEqual(best.map((s) => s.index));
    }
    expect(st.winCounts[0]).toEqual({ index: best[0].index, wins: 3 });
  });

  it("re-runs only the candidates, which must include the unperturbed winners", () => {
    const best = winners(base.scores).map((s) => s.index);
    const others = base.scores.map((s) => s.index).filter((i) => !best.includes(i));
    const st = searchStability(rows, types, base, { runs: 2, seed: 7, candidates: [...best, ...others.slice(0, 5)] });
    expect(st.candidates).toHaveLength(best.length + 5);
    for (const run of st.runs) for (const w of run.winners) expect(st.candidates).toContain(w);
    expect(() => searchStability(rows, types, base, { runs: 1, seed: 7, candidates: others.slice(0, 3) })).toThrow(/leave out the unperturbed winner/);
  });
});
